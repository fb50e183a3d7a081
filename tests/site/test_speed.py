"""What keeps the site build fast stays correct: HTML kept out of Markdown is put back (and still
sanitised), front matter written as JSON reads back as YAML, and per-page work does not grow with
N."""

from __future__ import annotations

from pathlib import Path

import yaml

from odimpact.builder.plugin import finish_html
from odimpact.corpus import Case, Corpus
from odimpact.publication import case_sections
from odimpact.publication.context import make_context
from odimpact.publication.pages import Fills, Page, fill


def test_fill_puts_blocks_and_inline_html_back() -> None:
    fills = Fills()
    block, inline = (
        fills.add("<section>Synthetic block</section>"),
        fills.add('<a href="#x">[1]</a>'),
    )
    html = f"<p>{block}</p>\n<p>Synthetic text {inline}.</p>"
    assert (
        fill(html, fills.blocks)
        == '<section>Synthetic block</section>\n<p>Synthetic text <a href="#x">[1]</a>.</p>'
    )


def test_fill_leaves_unknown_tokens_and_empty_html() -> None:
    fills = Fills()
    assert fills.add("") == ""
    assert (
        fill("<p>odimpact0009fill</p>", {"odimpact0000fill": "<b>x</b>"})
        == "<p>odimpact0009fill</p>"
    )


def test_filled_html_is_still_sanitised() -> None:
    fills = Fills()
    token = fills.add('<p onclick="alert(1)">Synthetic</p><script>alert(2)</script>')
    assert (
        finish_html(f"<p>{token}</p>", {"odimpact": {"kind": "case", "fills": fills.blocks}})
        == "<p>Synthetic</p>"
    )


def test_headings_keep_inline_citations_body_gets_tokens() -> None:
    fills = Fills()
    body = "## Synthetic heading [s1]\n\nSynthetic text [s1] and [s9].\n"
    linked = case_sections.link_citations(body, {"s1": 1}, fills.add)
    assert linked == (
        '## Synthetic heading <a class="odi-cite" href="#source-s1">[1]</a>\n\nSynthetic '
        "text odimpact0000fill and [s9].\n"
    )
    assert fills.blocks == {"odimpact0000fill": '<a class="odi-cite" href="#source-s1">[1]</a>'}


def test_json_front_matter_reads_back_as_yaml() -> None:
    meta = {
        "title": 'Exemple synthétique : « guillemets » "quotes" \\ back\\slash\ttab',
        "odimpact": {"fills": {"k": "<a href='x'>é</a>\n"}, "n": [1, None, True]},
    }
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
