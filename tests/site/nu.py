"""The Nu HTML Checker (vnu.jar, from npm's vnu-jar, run on Debian's Java) over a built site, its
errors sorted into the project's and Material's.

How an error is sorted: by the element it flags. Material writes some markup that the checker
rejects in places no block of its templates lets us change (base.html's hidden checkboxes). Each
such piece of markup is listed in MATERIAL below, with the template that writes it; an error
whose message and flagged start tag (vnu's `extract` at `hiliteStart`) match an entry is
Material's. Every other error is the project's: our templates (overrides/), the HTML
odimpact.publication generates, docs/*.md. An unknown error is therefore never excused.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from odimpact.paths import REPO_ROOT

VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Upstream:
    """Markup of Material's that the checker rejects and we cannot change by extending a block."""

    template: str  # where Material writes it (material/templates/...)
    message: str  # the start of the checker's message
    start_tag: re.Pattern[str]  # the flagged element's start tag
    why: str


MATERIAL = (
    Upstream(
        "base.html",
        "Attribute “autocomplete” is only allowed when the input type is",
        re.compile(
            r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
            r'id="__(?:drawer|search)" '
            r'autocomplete="off"(?: aria-label="[^"]*")?>'
        ),
        "the drawer's and search's hidden checkboxes, written outside any block; "
        "autocomplete=off keeps "
        "Firefox from restoring an open drawer when the reader comes back to a page",
    ),
)


@dataclass(frozen=True)
class NuError:
    page: str  # the page's path in the site
    line: int
    message: str
    markup: str  # the flagged start tag (or the extract's text when the checker gave no highlight)
    upstream: Upstream | None

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message} {self.markup}"


def java() -> str | None:
    return shutil.which("java")


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site (Pagefind's bundles hold none)."""
    return sorted(site.rglob("*.html"))


def check(site: Path, pages: list[Path] | None = None) -> list[NuError]:
    """The checker's errors (warnings left out) on `pages` (default: every page of `site`)."""
    command = [
        java() or "java",
        "-jar",
        str(VNU_JAR),
        "--format",
        "json",
        "--errors-only",
        "--exit-zero-always",
        *(str(page) for page in pages or site_pages(site)),
    ]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=True)
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    return [
        error(message, site) for message in report["messages"] if message.get("type") == "error"
    ]


def error(message: dict[str, Any], site: Path) -> NuError:
    extract = message.get("extract", "")
    start = message.get("hiliteStart")
    markup = (
        extract[start : start + message.get("hiliteLength", 0)]
        if isinstance(start, int)
        else extract
    )
    page = message.get("url", "").removeprefix("file:")
    try:
        page = Path(page).resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        pass
    text = message.get("message", "")
    return NuError(
        page,
        int(message.get("lastLine", 0)),
        text,
        markup.strip(),
        upstream_of(text, markup.strip()),
    )


def upstream_of(message: str, markup: str) -> Upstream | None:
    """The entry of MATERIAL this error comes from, or None: the project's."""
    return next(
        (
            entry
            for entry in MATERIAL
            if message.startswith(entry.message) and entry.start_tag.fullmatch(markup)
        ),
        None,
    )
