"""Rules on the Markdown body of one file."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from odimpact.language_id import language_of
from odimpact.layout import IMAGE_SUFFIXES
from odimpact.outline import OUTLINE_HEADING, outline, prose
from odimpact.problems import Problem, Severity
from odimpact.reading import CaseFile
from odimpact.source_markers import CITATION

# Raw HTML a body may hold: inline text semantics only, no attributes but abbr's title.
ALLOWED_TAGS = {
    "abbr": {"title"},
    "br": set(),
    "sub": set(),
    "sup": set(),
    "kbd": set(),
    "small": set(),
}
# Elements that run code, load other content or change the page: always errors.
FORBIDDEN_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
    "noscript",
    "img",
    "video",
    "audio",
    "source",
    "portal",
}
UNSAFE_SCHEME = re.compile(r"^(javascript|vbscript|data|file):", re.IGNORECASE)
# Browsers decode entities in a link and ignore tabs, line ends and spaces in its scheme:
# `&#106;avascript:` and `java\tscript:` are javascript: to them.
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]")


def unsafe_scheme(target: str) -> bool:
    """Whether a link target would run as (or load) something other than a web address."""
    return bool(UNSAFE_SCHEME.match(IGNORED_IN_SCHEME.sub("", html.unescape(target))))


LINK_TARGET = re.compile(
    r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE
)
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
REMOTE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^)\s>]*)")
ATTRIBUTE_LIST = re.compile(r"\{:?\s*(?:[#.][\w-]|[\w-]+\s*=)[^}\n]*\}")
HEADING_ID = re.compile(r"^#{1,6} .*\{#[a-z0-9-]+\}\s*$")
MIN_TEXT_FOR_LANGUAGE = 200
MIN_BODY_WORDS = 50  # readers' text, outside headings, comments and code (cases have 250 to 600)
WORD = re.compile(r"\w+")
HEADING_LINE = re.compile(r"^#{1,6} .*$", re.MULTILINE)


def _line_col(text: str, offset: int, first_line: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return first_line + line, column


def _problem(
    case: CaseFile, offset: int, text: str, code: str, severity: Severity = "error", **params: Any
) -> Problem:
    line, column = _line_col(text, offset, case.body_line)
    return Problem(case.display, line, column, code, "body", severity, params)


def body_is_not_empty(case: CaseFile) -> Iterator[Problem]:
    """A case without a body has nothing for readers; one whose text is all in comments or headings
    (a scaffold, or a file holding the other language's text as comments) has nothing either, and
    the language check cannot see it: a published one is refused."""
    if not case.body.strip():
        yield Problem(case.display, case.body_line, 1, "body-empty", "body")
        return
    words = len(WORD.findall(HEADING_LINE.sub("", prose(case.body))))
    if words < MIN_BODY_WORDS:
        params = {"words": words, "minimum": MIN_BODY_WORDS}
        if case.data.get("status") == "published":
            yield Problem(
                case.display, case.body_line, 1, "body-too-short", "body", "error", params
            )
        else:
            yield Problem(
                case.display, case.body_line, 1, "body-too-short", "body", "warning", params
            )


def body_follows_outline(case: CaseFile) -> Iterator[Problem]:
    """The shared outline makes cases comparable and keeps both languages aligned section by
    section."""
    text = prose(case.body)
    found = OUTLINE_HEADING.findall(text)
    expected = [section["id"] for section in outline()]
    for section in outline():
        if section["id"] not in found:
            yield Problem(
                case.display,
                case.body_line,
                1,
                "outline-missing-section",
                "body",
                "warning",
                {"section": section["id"], "heading": section["heading"][case.lang]},
            )
    present = [section_id for section_id in found if section_id in expected]
    if present != [s for s in expected if s in present]:
        yield Problem(
            case.display,
            case.body_line,
            1,
            "outline-order",
            "body",
            "warning",
            {"expected": ", ".join(expected), "found": ", ".join(present)},
        )


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], tuple[int, int]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs, self.getpos()))

    handle_startendtag = handle_starttag


def body_html_is_safe(case: CaseFile) -> Iterator[Problem]:
    """Python-Markdown passes raw HTML through: scripts, handlers and odd URLs must never reach the
    site."""
    collector = _TagCollector()
    collector.feed(prose(case.body))
    collector.close()
    allowed = ", ".join(f"<{tag}>" for tag in ALLOWED_TAGS)
    for tag, attrs, (line, offset) in collector.tags:
        where = (case.display, case.body_line + line - 1, offset + 1)
        if tag in FORBIDDEN_TAGS:
            yield Problem(*where, "html-forbidden-element", "body", params={"tag": tag})
        elif tag not in ALLOWED_TAGS:
            yield Problem(
                *where, "html-not-allowed", "body", "warning", {"tag": tag, "allowed": allowed}
            )
        for name, value in attrs:
            if name.startswith("on") or name in {"style", "srcdoc", "formaction"}:
                yield Problem(*where, "html-unsafe-attribute", "body", params={"attribute": name})
            elif value and unsafe_scheme(value):
                yield Problem(*where, "html-unsafe-url", "body", params={"value": value})
            elif tag in ALLOWED_TAGS and name not in ALLOWED_TAGS[tag]:
                yield Problem(*where, "html-unsafe-attribute", "body", params={"attribute": name})


def body_links_are_safe(case: CaseFile) -> Iterator[Problem]:
    """Markdown links become href attributes: javascript: and data: URLs would run in readers'
    browsers."""
    text = prose(case.body)
    for match in LINK_TARGET.finditer(text):
        target = match.group(1) or match.group(2) or ""
        if unsafe_scheme(target):
            yield _problem(case, match.start(), text, "html-unsafe-url", value=target)


def images_are_local(case: CaseFile) -> Iterator[Problem]:
    """An image from another host makes every reader's browser contact that host (tracking,
    leaks)."""
    text = prose(case.body)
    for match in REMOTE_IMAGE.finditer(text):
        yield _problem(case, match.start(), text, "remote-image", value=match.group(1))


def local_images_exist(case: CaseFile) -> Iterator[Problem]:
    """The site publishes a case's own image files only: an image linked by any other path would be
    missing (and fail the site's build)."""
    text = prose(case.body)
    for match in IMAGE.finditer(text):
        target = match.group(1)
        if REMOTE_IMAGE.match(match.group(0)) or UNSAFE_SCHEME.match(target):
            continue  # reported by images_are_local and body_links_are_safe
        path = case.path.parent / target
        if (
            "/" in target
            or "\\" in target
            or path.suffix.lower() not in IMAGE_SUFFIXES
            or path.is_symlink()
            or not path.is_file()
        ):
            yield _problem(
                case,
                match.start(),
                text,
                "image-not-found",
                value=target,
                types=", ".join(sorted(IMAGE_SUFFIXES)),
            )


def attribute_lists_only_name_headings(case: CaseFile) -> Iterator[Problem]:
    """attr_list would let a case set any attribute (onclick, style); only heading ids are
    needed."""
    text = prose(case.body)
    for match in ATTRIBUTE_LIST.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start : line_end if line_end != -1 else len(text)]
        if not (HEADING_ID.match(line) and re.fullmatch(r"\{#[a-z0-9-]+\}", match.group(0))):
            yield _problem(case, match.start(), text, "attribute-list", value=match.group(0))


def citations_exist(case: CaseFile) -> Iterator[Problem]:
    """A citation [s3] must lead the reader to a listed source."""
    known = [
        source.get("id") for source in case.data.get("sources", []) if isinstance(source, dict)
    ]
    text = prose(case.body)
    for match in CITATION.finditer(text):
        if match.group(1) not in known:
            yield _problem(
                case,
                match.start(),
                text,
                "citation-unknown-source",
                value=match.group(1),
                known=", ".join(map(str, known)),
            )


def body_is_in_its_language(case: CaseFile) -> Iterator[Problem]:
    """A French file holding English text (or the reverse) is a common copy-paste slip."""
    # The opening of the text decides the language: no need to clean the whole body.
    text = re.sub(r"[#*_\[\]()>{}`|-]+", " ", prose(case.body[:3000]))
    if len(text.strip()) < MIN_TEXT_FOR_LANGUAGE:
        return
    found = language_of(text)
    if found != case.lang:
        yield Problem(
            case.display,
            case.body_line,
            1,
            "language-mismatch",
            "body",
            "warning",
            {"expected": case.lang, "found": found},
        )


RULES = (
    body_is_not_empty,
    body_follows_outline,
    body_html_is_safe,
    body_links_are_safe,
    images_are_local,
    local_images_exist,
    attribute_lists_only_name_headings,
    citations_exist,
    body_is_in_its_language,
)
