"""A generated page (path, front matter, Markdown) and how generated HTML travels with it,
renderer-independent. Where pages live: odimpact.urls."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from odimpact.languages import language


@dataclass
class Page:
    """One generated page in one language: where it goes, its front matter and its Markdown."""

    url: str  # language-relative directory URL, e.g. "cases/x/"
    lang: str
    meta: dict[str, Any] = field(default_factory=dict)
    markdown: str = ""

    @property
    def source_path(self) -> str:
        """Path of the Markdown file in the language's project (its tree under its URL prefix)."""
        return f"{language(self.lang).prefix}{self.url}index.md"

    def text(self) -> str:
        """The file's content: front matter then Markdown.

        The front matter is JSON, which is YAML too: json.dumps is fifty times faster than
        yaml.safe_dump, and MkDocs reads it back with libyaml."""
        front = json.dumps(self.meta, ensure_ascii=False)
        return f"---\n{front}\n---\n\n{self.markdown.rstrip()}\n"


# Generated HTML is kept out of the Markdown: Python-Markdown (and MkDocs' anchor collection)
# run every raw HTML block through html.parser, which cost a third of the build. The Markdown holds
# a token instead and the renderer puts the HTML back after conversion, before sanitising.
FILL_TOKEN = "odimpact{:04d}fill"
FILL = re.compile(r"<p>(odimpact\d{4}fill)</p>|odimpact\d{4}fill")


class Fills:
    """The HTML a page's tokens stand for; `blocks` goes into the page's front matter."""

    def __init__(self) -> None:
        self.blocks: dict[str, str] = {}

    def add(self, html: str) -> str:
        """A token for `html` (nothing for empty HTML); alone on its line it replaces a whole
        paragraph."""
        if not html:
            return ""
        token = FILL_TOKEN.format(len(self.blocks))
        self.blocks[token] = html
        return token


def html_page(url: str, lang: str, meta: dict[str, Any], blocks: list[str]) -> Page:
    """A page made of generated HTML blocks only (lists): each block a token, none parsed by
    Markdown."""
    fills = Fills()
    markdown = "\n\n".join(fills.add(block) for block in blocks if block)
    return Page(
        url,
        lang,
        {**meta, "odimpact": {**meta.get("odimpact", {}), "fills": fills.blocks}},
        markdown,
    )


def fill(html: str, blocks: dict[str, str]) -> str:
    """Converted HTML with every token replaced by its HTML (a token a page does not define
    stays)."""
    if not blocks:
        return html
    return FILL.sub(
        lambda match: blocks.get(match.group(1) or match.group(0), match.group(0)), html
    )


def script_json(data: Any) -> str:
    """JSON that cannot close a <script> element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
