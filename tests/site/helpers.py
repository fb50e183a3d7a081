"""Reading the built site in tests."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path


def page(site: Path, url: str) -> str:
    """The HTML of a page by its URL path ("fr/cases/x/")."""
    return (site / url / "index.html").read_text(encoding="utf-8")


def main_text(html: str) -> str:
    """The article's HTML, without the theme around it."""
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def listed_links(html: str) -> list[str]:
    """The case links of a list page, in order."""
    block = re.search(r'<ul class="odi-cases">(.*?)</ul>', html, re.S)
    return re.findall(r'<li><a href="([^"]+)"', block.group(1)) if block else []


def normalise_spaces(text: str) -> str:
    """Entities decoded and non-breaking spaces made plain, to compare formatted numbers."""
    return html.unescape(text).replace("\u00a0", " ").replace("\u202f", " ")


def visible_text(markup: str) -> str:
    """Text a reader sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))
