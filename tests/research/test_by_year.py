"""The lists by year say what they group by: the year a case's period begins (`period.start`),
which is often a launch rather than the first reuse, in both languages."""

from __future__ import annotations

import re

import pytest

from odimpact.corpus import Corpus
from odimpact.publication.context import make_context
from odimpact.publication.overviews import facet_pages
from odimpact.publication.pages import Page
from odimpact.urls import listing_url

TITLES = {
    "en": "Cases by the year their period begins",
    "fr": "Études de cas selon l'année où leur période commence",
}
TERM_INTROS = {
    "en": "Cases whose period begins in {year}.",
    "fr": "Études de cas dont la période commence en {year}.",
}


def _html(page: Page) -> str:
    return "".join(page.meta["odimpact"]["fills"].values())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_case_is_listed_under_the_year_its_period_begins(corpus: Corpus, lang: str) -> None:
    pages = {page.url: page for page in facet_pages(make_context(corpus), "year", lang)}
    expected: dict[int, set[str]] = {}
    for case in corpus.published():
        expected.setdefault(case.meta("en")["period"]["start"], set()).add(case.id)
    assert len(expected) > 1
    for year, ids in expected.items():
        # the synthetic corpus fits one page per year
        html = _html(pages[listing_url("year", year)])
        assert {link.split("/")[-2] for link in re.findall(r'<li><a href="([^"]+)"', html)} == ids
        assert TERM_INTROS[lang].format(year=year) in html


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_index_is_titled_and_explained_by_its_field(corpus: Corpus, lang: str) -> None:
    index = next(
        page
        for page in facet_pages(make_context(corpus), "year", lang)
        if page.url == listing_url("year")
    )
    html = _html(index)
    assert index.meta["title"] == TITLES[lang] and f"<h1>{TITLES[lang]}</h1>" in html
    intro = re.search(r"<p>(.*?)</p>", html, re.S)
    assert intro
    # The intro names the field's meaning and warns that its first year may be a launch.
    words = {
        "en": ("year its period begins", "launched", "not necessarily"),
        "fr": ("l'année où commence sa période", "lancement", "pas forcément"),
    }
    assert all(word in intro.group(1) for word in words[lang])
    if lang == "fr":
        assert "\u00a0:" in intro.group(1) and " :" not in intro.group(1)
