"""Whatever text validation accepts, what the site generates from it stays well-formed: the Atom
feed parses as XML, the JSON-LD cannot close its <script> element and reads back as written, and
the case page's generated HTML keeps the tags it has with plain text (text never becomes markup).
Property-based: hypothesis writes arbitrary text into a valid case's title, summary, a figure's
measure and a source's title; what validation refuses is skipped."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from odimpact.corpus import load_corpus
from odimpact.layout import discover
from odimpact.paths import REPO_ROOT
from odimpact.publication.case_page import case_page
from odimpact.publication.context import make_context
from odimpact.publication.feeds import atom_feed
from odimpact.urls import SiteUrls
from odimpact.validation import check_case

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"
SITE = "https://example.invalid/kb/"
# (line as in the fixture, its start to keep, words around the text): the rest of the line is
# replaced
PLACES = (
    (
        'title: "Synthetic example: a fictional city opens its bus data"',
        "title: ",
        "Synthetic {} bus data",
    ),
    (
        'summary: "Synthetic test case.',
        "summary: ",
        "Synthetic test case: {} A fictional city publishes bus schedules as open data.",
    ),
    ("  - measure: Trip-planner downloads", "  - measure: ", "Trip-planner {} downloads"),
    ('    title: "Synthetic source one"', "    title: ", "Synthetic source {} one"),
)
VOID = {
    "br",
    "hr",
    "img",
    "input",
    "meta",
    "link",
    "wbr",
    "source",
    "col",
    "area",
    "base",
    "embed",
    "param",
    "track",
}


# Arbitrary text, with pieces of markup mixed in often enough to matter.
MARKUP = [
    "<b>",
    "</p>",
    "<script>alert(1)</script>",
    "<!--",
    "-->",
    "]]>",
    "&amp;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "</h1>",
    "<img src=x onerror=alert(1)>",
    "\u2028",
    "{",
    "}",
    "[s1]",
    "*",
    "`",
]
HOSTILE = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.text(max_size=6)), min_size=1, max_size=8
).map("".join)


class Tags(HTMLParser):
    """The start tags of an HTML fragment, and whether every element it opens is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: set[str] = set()
        self.open: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.balanced = False


def tags(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


def case_with(folder: Path, text: str) -> None:
    """The fixture with `text` (as a YAML double-quoted string) in each of PLACES: the English
    file's title, summary and measure, and the source title both files share."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(FIXTURE, folder)
    # a source's title is the same in both
    for path in (folder / "index.en.md", folder / "index.fr.md"):
        lines = path.read_text(encoding="utf-8").split("\n")
        for line_start, keep, words in PLACES:
            index = next((i for i, line in enumerate(lines) if line.startswith(line_start)), None)
            if index is not None:
                lines[index] = keep + json.dumps(words.format(text), ensure_ascii=False)
        path.write_text("\n".join(lines), encoding="utf-8")


def generated(cases: Path) -> tuple[str, dict[str, str], str]:
    """The English feed, the case page's generated HTML blocks and its JSON-LD script text."""
    corpus = load_corpus(cases, root=cases.parent)
    ctx = make_context(corpus, site_url=SITE)
    page = case_page(ctx, corpus.cases[0], "en")
    return (
        atom_feed(corpus, "en", SiteUrls(SITE)),
        page.meta["odimpact"]["fills"],
        page.meta["odimpact"]["json_ld"],
    )


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """The tags of each generated block with plain text in the places."""
    cases = tmp_path_factory.mktemp("plain") / "cases"
    case_with(cases / FIXTURE.name, "Synthetic plain text")
    return {token: tags(html).names for token, html in generated(cases)[1].items()}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=HOSTILE)
def test_whatever_validation_accepts_stays_well_formed(
    tmp_path_factory: pytest.TempPathFactory, plain: dict[str, set[str]], text: str
) -> None:
    cases = tmp_path_factory.mktemp("hostile") / "cases"
    case_with(cases / FIXTURE.name, text)
    folders, _ = discover(cases, cases.parent)
    assume(
        not [
            p
            for p in check_case(folders[0], dt.date(2026, 11, 28), cases.parent).problems
            if p.severity == "error"
        ]
    )
    feed, blocks, ld = generated(cases)
    ET.fromstring(feed)  # raises on anything that is not well-formed XML
    assert "<" not in ld and json.loads(ld)["@type"] == "Article"
    for token, html in blocks.items():
        found = tags(html)
        assert found.balanced, (text, html)
        assert found.names == plain[token], (text, found.names ^ plain[token])
