"""A case body's outline and its prose: the sections schema/outline.yml asks for (their ids are
the `## Heading {#id}` anchors), and the body's text without code or HTML comments. Shared by the
validator's rules, the contributor tools and the benchmarks."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

import yaml

from odimpact.paths import OUTLINE

OUTLINE_HEADING = re.compile(r"^## .+?\{#([a-z0-9-]+)\}\s*$", re.MULTILINE)
FENCED_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]+`")
# Stripped by the site's sanitiser, never shown. Ends where HTML5 ends a comment ("-->", "--!>",
# or the abrupt "<!-->" and "<!--->"), so nothing a browser would render is hidden from the checks.
HTML_COMMENT = re.compile(r"<!--(?:-?>|.*?--!?>)", re.DOTALL)


@cache
def outline() -> list[dict[str, Any]]:
    """The body outline's sections from schema/outline.yml."""
    return yaml.safe_load(OUTLINE.read_text(encoding="utf-8"))["sections"]


def blank(match: re.Match[str]) -> str:
    """Replace matched text by spaces, keeping newlines so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


@lru_cache(maxsize=8)  # several rules read the same body's prose
def prose(body: str) -> str:
    """The body without code or HTML comments: the text readers see, where markup checks apply."""
    return HTML_COMMENT.sub(blank, INLINE_CODE.sub(blank, FENCED_CODE.sub(blank, body)))
