"""What keeps the site build fast stays correct: HTML kept out of Markdown is put back (and still
sanitised), front matter written as JSON reads back as YAML, and per-page work does not grow with N."""
from __future__ import annotations

import gzip
from pathlib import Path

import yaml

from odimpact.corpus import Case, Corpus
from odimpact.site import case_sections
from odimpact.site.build import merge_languages, merge_sitemaps
from odimpact.site.context import make_context
from odimpact.site.hooks import nav_sources, on_page_content
from odimpact.site.pages import Fills, Page, fill


class FakePage:
    def __init__(self, meta: dict) -> None:
        self.meta = meta


def test_fill_puts_blocks_and_inline_html_back() -> None:
    fills = Fills()
    block, inline = fills.add("<section>Synthetic block</section>"), fills.add('<a href="#x">[1]</a>')
    html = f"<p>{block}</p>\n<p>Synthetic text {inline}.</p>"
    assert fill(html, fills.blocks) == '<section>Synthetic block</section>\n<p>Synthetic text <a href="#x">[1]</a>.</p>'


def test_fill_leaves_unknown_tokens_and_empty_html() -> None:
    fills = Fills()
    assert fills.add("") == ""
    assert fill("<p>odimpact0009fill</p>", {"odimpact0000fill": "<b>x</b>"}) == "<p>odimpact0009fill</p>"


def test_filled_html_is_still_sanitised() -> None:
    fills = Fills()
    token = fills.add('<p onclick="alert(1)">Synthetic</p><script>alert(2)</script>')
    page = FakePage({"odimpact": {"kind": "case", "fills": fills.blocks}})
    assert on_page_content(f"<p>{token}</p>", page, None, None) == "<p>Synthetic</p>"


def test_headings_keep_inline_citations_body_gets_tokens() -> None:
    fills = Fills()
    body = "## Synthetic heading [s1]\n\nSynthetic text [s1] and [s9].\n"
    linked = case_sections.link_citations(body, {"s1": 1}, fills.add)
    assert linked == '## Synthetic heading <a class="odi-cite" href="#source-s1">[1]</a>\n\nSynthetic text odimpact0000fill and [s9].\n'
    assert fills.blocks == {"odimpact0000fill": '<a class="odi-cite" href="#source-s1">[1]</a>'}


def test_json_front_matter_reads_back_as_yaml() -> None:
    meta = {"title": "Exemple synthétique : « guillemets » \"quotes\" \\ back\\slash\ttab", "odimpact": {"fills": {"k": "<a href='x'>é</a>\n"}, "n": [1, None, True]}}
    text = Page("cases/synthetic/", "fr", meta, "Body").text()
    front = text.split("\n---\n", 1)[0].removeprefix("---\n")
    assert yaml.safe_load(front) == meta


class CountingCorpus(Corpus):
    calls = 0

    def with_pages(self) -> list[Case]:
        CountingCorpus.calls += 1
        return list(self.cases)


def test_cases_with_pages_are_listed_once_not_per_page() -> None:
    corpus = CountingCorpus([Case(f"synthetic-{n}", Path(".")) for n in range(3)])
    ctx = make_context(corpus)
    for _ in range(5):
        ctx.with_pages(), ctx.page_ids(), ctx.pages_by_id()
    assert CountingCorpus.calls == 1
    assert sorted(ctx.page_ids()) == ["synthetic-0", "synthetic-1", "synthetic-2"]


SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}\n</urlset>\n'


def url(loc: str) -> str:
    return f"\n    <url>\n        <loc>https://example.invalid/{loc}</loc>\n    </url>"


def test_sitemaps_of_both_language_builds_are_merged(tmp_path: Path) -> None:
    english, french = tmp_path / "en" / "sitemap.xml", tmp_path / "fr" / "sitemap.xml"
    for path, locs in ((english, ["", "cases/x/", "fr/"]), (french, ["", "fr/", "fr/cases/x/"])):
        path.parent.mkdir()
        path.write_text(SITEMAP.format("".join(url(loc) for loc in locs)), encoding="utf-8")
    merge_sitemaps(english, french)
    merged = english.read_text(encoding="utf-8")
    assert merged == SITEMAP.format("".join(url(loc) for loc in ["", "cases/x/", "fr/", "fr/cases/x/"]))
    assert gzip.decompress((tmp_path / "en" / "sitemap.xml.gz").read_bytes()).decode("utf-8") == merged


def test_the_pages_the_navigation_names_are_found_at_any_depth() -> None:
    nav = [{"Home": "index.md"}, {"Cases": [{"All cases": "cases/index.md"}, {"Deeper": [{"Year": "cases/by-year/index.md"}]}]}, "about.md"]
    assert nav_sources(nav) == {"index.md", "cases/index.md", "cases/by-year/index.md", "about.md"}


def test_merging_the_languages_keeps_hidden_entries_of_the_output(tmp_path: Path) -> None:
    english, french, site = tmp_path / "en", tmp_path / "fr", tmp_path / "site"
    for folder, locs in ((english, ["", "fr/"]), (french, ["fr/"])):
        (folder / "fr").mkdir(parents=True)
        (folder / "sitemap.xml").write_text(SITEMAP.format("".join(url(loc) for loc in locs)), encoding="utf-8")
    (english / "index.html").write_text("synthetic en", encoding="utf-8")
    (french / "fr" / "index.html").write_text("synthetic fr", encoding="utf-8")
    (site / "stale").mkdir(parents=True)
    (site / ".nojekyll").write_text("", encoding="utf-8")
    merge_languages(english, french, site)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [".nojekyll", "fr", "fr/index.html", "index.html", "sitemap.xml", "sitemap.xml.gz"]
    assert (site / "fr" / "index.html").read_text(encoding="utf-8") == "synthetic fr"
