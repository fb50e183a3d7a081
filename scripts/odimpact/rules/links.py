"""Links from a case's body to another case, or to a place in a case: they must lead somewhere.

MkDocs reports a link to a missing page written without `.md` (`../dinesafe-torontoo/`), and a
missing anchor, only at INFO level, so neither fails a build: contributors hear of them here,
before the build, with the closest id suggested. Links to other cases are checked across cases
(see validation.cross_case_problems); anchors of another case only when that case is checked in
the same run.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from odimpact.outline import OUTLINE_HEADING, prose
from odimpact.problems import Problem
from odimpact.reading import CaseFile
from odimpact.rules.body import LINK_TARGET, _line_col
from odimpact.vocabularies import load_vocabularies

# A case page's own section anchors, besides its headings' ids (odimpact.publication.case_page).
PAGE_ANCHORS = frozenset(
    {"impacts", "interviews", "datasets", "organisations", "sources", "related"}
    | {f"figures-{kind}" for kind in load_vocabularies()["figure-kinds"].ids()}
)
SOURCE_ANCHOR = re.compile(r"source-s[1-9][0-9]*\Z")
CASE_LINK = re.compile(
    r"(?:\.\./)([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:index(?:\.(?:en|fr))?\.md)?(?:#([\w-]+))?\Z"
)
SAME_PAGE = re.compile(r"#([\w-]+)\Z")


@dataclass(frozen=True)
class CaseLink:
    """A link in one file's body: the case it names (None for the same page) and the anchor."""

    path: str
    line: int
    column: int
    target: str | None
    anchor: str | None


def anchors(case: CaseFile) -> set[str]:
    """The places a link can name on this case's page."""
    return (
        set(OUTLINE_HEADING.findall(prose(case.body)))
        | set(re.findall(r"\{#([a-z0-9-]+)\}", prose(case.body)))
        | PAGE_ANCHORS
    )


def case_links(case: CaseFile) -> list[CaseLink]:
    """Links to other cases or to anchors, with where they are written."""
    text = prose(case.body)
    found = []
    for match in LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        line, column = _line_col(text, match.start(), case.body_line)
        if other := CASE_LINK.match(target):
            found.append(CaseLink(case.display, line, column, other.group(1), other.group(2)))
        elif same := SAME_PAGE.match(target):
            found.append(CaseLink(case.display, line, column, None, same.group(1)))
    return found


def anchor_known(anchor: str, known: set[str]) -> bool:
    return anchor in known or bool(SOURCE_ANCHOR.match(anchor))


def link_problems(
    links: list[CaseLink],
    own: dict[str, set[str]],
    case_id: str,
    all_ids: set[str],
    anchors_of: dict[str, set[str]],
) -> list[Problem]:
    """Problems of one case's links: unknown cases (with the closest id), unknown anchors."""
    problems = []
    for link in links:
        target = link.target or case_id
        if target not in all_ids:
            close = difflib.get_close_matches(target, sorted(all_ids), n=1)
            problems.append(
                Problem(
                    link.path,
                    link.line,
                    link.column,
                    "case-link-unknown",
                    "body",
                    params={"value": target, "suggestions": close},
                )
            )
        elif (
            link.anchor
            and target in anchors_of
            and not anchor_known(link.anchor, anchors_of[target] if link.target else own[link.path])
        ):
            problems.append(
                Problem(
                    link.path,
                    link.line,
                    link.column,
                    "case-link-anchor-unknown",
                    "body",
                    params={"value": link.anchor, "case": target},
                )
            )
    return problems
