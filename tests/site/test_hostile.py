"""Hostile cases (validation bypassed) must not put any script, handler or unsafe URL in the
site."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from odimpact.builder.build import build_site
from tests.site.helpers import main_text
from tests.synthetic import fixture_meta, write_case_file

pytestmark = pytest.mark.slow

SCRIPT = "<script>alert('x')</script>"
HOSTILE_TEXT = f'{SCRIPT}<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a>'
HOSTILE_BODY = f"""
## Context {{#context}}

{SCRIPT}

<img src="data:image/svg+xml;base64,PHN2Zz4=" onerror="alert(2)">

[click](javascript:alert(3)) and [data](data:text/html,<script>alert(4)</script>)

A paragraph with attributes.
{{: onclick="alert(5)" style="x" }}

<div markdown="1" onmouseover="alert(6)">**inside**</div>

<iframe src="https://example.org/"></iframe><form action="https://example.org/"><input></form>
<svg><script>alert(7)</script></svg><math><mi xlink:href="javascript:alert(8)">m</mi></math>
<a href="JaVaScRiPt:alert(9)">caps</a> <a href="&#106;avascript:alert(10)">entity</a>

![tracker](https://tracker.example/pixel.png) <img src="//tracker.example/p2.png">
"""


def hostile_meta(lang: str) -> dict:
    meta, _ = fixture_meta(lang)
    meta.update(
        id="synthetic-hostile", title=HOSTILE_TEXT, summary=HOSTILE_TEXT, place=HOSTILE_TEXT
    )
    meta["sources"][0].update(
        title=HOSTILE_TEXT, url="javascript:alert(11)", publisher=HOSTILE_TEXT
    )
    meta["sources"][1]["url"] = 'https://example.org/" onmouseover="alert(12)'
    meta["datasets"][0].update(name=HOSTILE_TEXT, url="data:text/html,<script>alert(13)</script>")
    meta["organisations"][0]["name"] = "{: onclick=alert(14) } [x](javascript:alert(15))"
    meta["impacts"][0].update(measure=HOSTILE_TEXT, unit="<b onclick=alert(16)>u</b>")
    meta["sectors"] = ["<script>alert(17)</script>", "health"]
    meta["jurisdiction"] = '"><script>alert(18)</script>'
    return meta


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-site")
    cases = root / "cases"
    for lang in ("en", "fr"):
        write_case_file(cases / "synthetic-hostile", lang, hostile_meta(lang), HOSTILE_BODY)
    secret = root / "secret.md"
    secret.write_text("---\nid: leaked\n---\nSECRET-FROM-OUTSIDE\n", encoding="utf-8")
    os.symlink(secret, cases / "synthetic-hostile" / "index.xx.md")
    os.symlink(secret, cases / "synthetic-hostile" / "secret.png")  # an "image" that is a link out
    os.symlink(root / "elsewhere", cases / "synthetic-linked-folder")
    (root / "elsewhere").mkdir()
    os.symlink(secret, root / "elsewhere" / "index.en.md")
    build_site(root / "site", cases_dir=cases, work=root / "work")
    return root / "site"


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"}


class TagScanner(HTMLParser):
    """Every start tag with its attributes, as a browser would see them (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def scan(html: str) -> list[tuple[str, dict[str, str]]]:
    scanner = TagScanner()
    scanner.feed(html)
    return scanner.tags


def theme_baseline(site: Path) -> tuple[set[str], set[str]]:
    """Inline script types and handler attributes the theme puts on the home page."""
    tags = scan((site / "index.html").read_text(encoding="utf-8"))
    scripts = {
        attrs.get("type", "") for tag, attrs in tags if tag == "script" and "src" not in attrs
    }
    handlers = {name for _, attrs in tags for name in attrs if name.startswith("on")}
    return scripts, handlers


def problems(html: str, scripts: set[str], handlers: set[str]) -> list[str]:
    """Scripts from elsewhere, new inline scripts, new handlers and unsafe URLs in one page."""
    found = []
    for tag, attrs in scan(html):
        if (
            tag == "script"
            and "src" in attrs
            and re.match(r"(?i)([a-z][a-z0-9+.-]*:|//)", attrs["src"])
        ):
            found.append(f"external script {attrs['src']}")
        if (
            tag == "script"
            and "src" not in attrs
            and attrs.get("type", "") not in scripts | {"application/ld+json"}
        ):
            found.append(f"inline script {attrs}")
        found += [
            f"handler {name} on <{tag}>"
            for name in attrs
            if name.startswith("on") and name not in handlers
        ]
        if tag == "img" and re.match(r"(?i)([a-z][a-z0-9+.-]*:)?//", attrs.get("src", "")):
            found.append(f"image from another host {attrs['src']}")
        for name in URL_ATTRIBUTES & set(attrs):
            if re.match(r"(?i)(javascript|data|vbscript):", re.sub(r"\s", "", attrs[name])):
                found.append(f"unsafe URL {name}={attrs[name]!r} on <{tag}>")
    return found


def test_hostile_case_page_was_built(hostile_site: Path) -> None:
    assert (hostile_site / "cases" / "synthetic-hostile" / "index.html").is_file()


def test_symlinks_are_never_followed(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert "SECRET-FROM-OUTSIDE" not in path.read_text(
                encoding="utf-8", errors="replace"
            ), path
    assert not (hostile_site / "cases" / "synthetic-linked-folder").exists()
    assert not list(hostile_site.rglob("secret.png"))


def test_no_script_handler_or_unsafe_url_beyond_the_theme(hostile_site: Path) -> None:
    scripts, handlers = theme_baseline(hostile_site)
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert problems(html, scripts, handlers) == [], path
        # the theme's own svg icons and inputs sit outside
        if '<article class="md-content__inner' in html:
            assert not re.search(
                r"(?i)<(iframe|form|input|object|embed|svg|math|style|link|meta)\b", main_text(html)
            ), path


def test_the_scanner_sees_what_it_must_refuse() -> None:
    hostile = (
        '<script src="https://cdn.example/x.js"></script><p onclick="x"><a href=" '
        'jav&#x61;script:alert(1)">a</a>'
        '<img src="data:x"><img src="https://tracker.example/p.png">'
    )
    assert len(problems(hostile, set(), set())) == 5


def test_hostile_text_is_shown_escaped(hostile_site: Path) -> None:
    html = (hostile_site / "cases" / "synthetic-hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html


def test_json_ld_cannot_close_its_script(hostile_site: Path) -> None:
    html = (hostile_site / "cases" / "synthetic-hostile" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
