"""What a reader sees, in Debian's chromium driven by Playwright: languages, switcher, search,
lists, accessibility (axe-core), console errors and requests to other hosts."""

from __future__ import annotations

import pytest

from odimpact.paths import REPO_ROOT
from tests.site.browser import Reader

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = REPO_ROOT / "test-artifacts"


@pytest.mark.parametrize("path, lang", [("", "en"), ("fr/", "fr")])
def test_home_loads_in_its_language(reader: Reader, path: str, lang: str) -> None:
    page = reader.open(path)
    assert page.get_attribute("html", "lang") == lang
    assert page.locator(".odi-counts").count() == 1


def test_switcher_on_a_case_lands_on_the_same_case_in_french(reader: Reader) -> None:
    page = reader.open("cases/synthetic-bus-data/")
    assert not [url for url in reader.requested if "sitemap" in url]  # the switch needs no sitemap
    page.locator('a.md-select__link[hreflang="fr"]').dispatch_event("click")
    page.wait_for_url("**/fr/cases/synthetic-bus-data/")
    assert page.get_attribute("html", "lang") == "fr"
    assert "Exemple synthétique" in page.inner_text("h1") or "Synthetic example" in page.inner_text(
        "h1"
    )
    page.locator('a.md-select__link[hreflang="en"]').dispatch_event("click")
    page.wait_for_url("**/knowledge-base/cases/synthetic-bus-data/")
    assert page.get_attribute("html", "lang") == "en"
    assert not [url for url in reader.requested if "sitemap" in url]


@pytest.mark.parametrize("query", ["santé", "sante", "donnée"])
def test_french_search_returns_french_pages_only(reader: Reader, query: str) -> None:
    reader.open("fr/search/")
    links = reader.search(query)
    assert links, query
    assert all("/fr/cases/" in link for link in links), links


def test_accents_are_optional_in_search(reader: Reader) -> None:
    reader.open("fr/search/")
    with_accent = reader.search("santé")
    reader.page.fill(".pagefind-ui__search-input", "")
    without = reader.search("sante")
    assert "/knowledge-base/fr/cases/synthetic-clinic-waits/" in with_accent
    assert set(with_accent) == set(without)


def test_english_search_returns_english_pages_only(reader: Reader) -> None:
    reader.open("search/")
    links = reader.search("health")
    assert links and all("/fr/" not in link for link in links), links


@pytest.mark.parametrize("path", ["", "fr/"])
def test_quotations_take_the_pages_own_quotation_marks(reader: Reader, path: str) -> None:
    """A figure's quotation is marked as its page's language writes it: the browser's “ ” in
    English; in French « » with non-breaking spaces inside, whatever the language quoted."""
    page = reader.open(path + "cases/synthetic-bus-data/")
    quotes = page.eval_on_selector("q", "q => getComputedStyle(q).quotes")
    if path:
        assert quotes.startswith('"«\u00a0" "\u00a0»"'), quotes
    else:
        assert "«" not in quotes, quotes


def test_overview_lists_exactly_its_cases(reader: Reader) -> None:
    page = reader.open("cases/by-sector/transport/")
    titles = page.eval_on_selector_all(
        ".odi-cases > li > a", "links => links.map(l => l.textContent)"
    )
    assert titles == ["Synthetic example: a fictional city opens its bus data"]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "fr/",
        "cases/synthetic-bus-data/",
        "fr/cases/synthetic-bus-data/",
        "cases/by-sector/",
        "fr/cases/by-sector/health/",
        "search/?q=bus",
        "fr/search/?q=donn%C3%A9es",
    ],
)
def test_no_accessibility_violations(reader: Reader, path: str) -> None:
    page = reader.open(path)
    if "search" in path:
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10000)
    assert reader.axe_violations() == []


@pytest.mark.parametrize("lang, width", [("en", 390), ("en", 1280), ("fr", 390), ("fr", 1280)])
def test_case_page_screenshots(browser: object, base_url: str, lang: str, width: int) -> None:
    reader = Reader(browser, base_url, width)
    page = reader.open(("" if lang == "en" else "fr/") + "cases/synthetic-bus-data/")
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"case-{lang}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    reader.close()
    assert target.stat().st_size > 10_000


@pytest.mark.parametrize("case", ["synthetic-bus-data", "synthetic-evidence"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case_page_fits_a_phone_without_sideways_scrolling(
    browser: object, base_url: str, lang: str, case: str
) -> None:
    reader = Reader(browser, base_url, 375)
    page = reader.open(("" if lang == "en" else "fr/") + f"cases/{case}/")
    overflow = page.evaluate(
        "() => [document.documentElement, ...document.querySelectorAll('.md-content .odi-table, "
        """.md-content .odi-table *')]
        .filter(element => element.scrollWidth > element.clientWidth + 1)
        .map(element => `${element.tagName}.${element.className}: `
          + `${element.scrollWidth} > ${element.clientWidth}`)"""
    )
    reader.close()
    assert overflow == []


EVIDENCE = "cases/synthetic-evidence/"
# What a reader sees of each figure: grouped by kind, qualifiers, ranges and large sums in words.
FIGURES_SEEN = {
    "en": {
        "headings": ["Outputs", "Use", "Outcomes", "Impacts"],
        "figures": [
            "more than 500 apps",
            "about 35,000 to 60,000 users",
            "about $20.7 billion (2018)",
            "12% (2019)",
        ],
        "before": ["$18 billion (2012)", "20% (2015)"],
    },
    "fr": {
        "headings": ["Extrants", "Utilisation", "Effets", "Incidences"],
        "figures": [
            "plus de 500 applications",
            "de 35 000 à 60 000 utilisateurs environ",
            "environ 20,7 milliards de dollars (2018)",
            "12 % (2019)",
        ],
        "before": ["18 milliards de dollars (2012)", "20 % (2015)"],
    },
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_figures_are_grouped_by_kind_and_read_as_sentences(reader: Reader, lang: str) -> None:
    page = reader.open(("" if lang == "en" else "fr/") + EVIDENCE)
    seen = FIGURES_SEEN[lang]
    assert (
        page.eval_on_selector_all("h3[id^='figures-']", "hs => hs.map(h => h.textContent)")
        == seen["headings"]
    )
    cells = page.eval_on_selector_all(
        ".odi-figure", "cells => cells.map(c => c.textContent.replace(/[\\u00a0\\u202f]/g, ' '))"
    )
    for text in seen["figures"] + seen["before"]:
        assert text.replace("\u00a0", " ") in cells, (text, cells)
    # The comparison of the impact, the quotes, and a quote in the other language marked as such.
    details = page.eval_on_selector_all(".odi-note td", "cells => cells.map(c => c.textContent)")
    assert any(("Compared with" if lang == "en" else "Comparé à") in text for text in details)
    other = {"en": "fr", "fr": "en"}[lang]
    assert page.eval_on_selector_all(f"q[lang='{other}']", "qs => qs.length") >= 1
    assert page.eval_on_selector_all("q:not([lang])", "qs => qs.length") >= 1
    assert reader.axe_violations() == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_sources_say_what_they_are_and_where_they_are_kept(reader: Reader, lang: str) -> None:
    page = reader.open(("" if lang == "en" else "fr/") + EVIDENCE)
    first = page.inner_text("#source-s1")
    assert "[A synthetic news item]" in first  # our description, in brackets
    assert {"en": "Standpoint: Independent", "fr": "Point de vue\u00a0: Indépendante"}[
        lang
    ] in first
    assert {"en": "read on 10 January 2026", "fr": "consultée le 10 janvier 2026"}[lang] in first
    assert page.get_attribute("#source-s1 a[href^='https://archive.example.org/']", "href")
    facts = page.inner_text(".odi-facts")
    assert {"en": "Nunavut", "fr": "Nunavut"}[lang] in facts and {
        "en": "Exampleton",
        "fr": "Exempleton",
    }[lang] in facts


@pytest.mark.parametrize(
    "path", ["cases/charts/", "fr/cases/charts/", "cases/coverage/", "fr/cases/coverage/"]
)
def test_gap_map_and_place_views_link_to_their_cases(reader: Reader, path: str) -> None:
    page = reader.open(path)
    if "charts" in path:
        links = page.eval_on_selector_all(
            ".odi-gap-map td a", "links => links.map(l => l.getAttribute('href'))"
        )
        assert "../explore/?sector=energy&strongest=impact" in links
    else:
        links = page.eval_on_selector_all(
            ".odi-coverage td a", "links => links.map(l => l.getAttribute('href'))"
        )
        assert (
            "../explore/?effects=CA-NU&sector=energy" in links
            and "../explore/?jurisdiction=CA-ON&sector=transport" in links
        )
    assert reader.axe_violations() == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explore_filters_by_strongest_figure_and_place_of_effect(reader: Reader, lang: str) -> None:
    page = reader.open(
        ("" if lang == "en" else "fr/") + "cases/explore/?strongest=impact&effects=CA-NU"
    )
    page.wait_for_selector("#odi-explore-app .odi-cases a")
    links = page.eval_on_selector_all(
        "#odi-explore-app .odi-cases a", "links => links.map(l => l.getAttribute('href'))"
    )
    assert [link.rstrip("/").rsplit("/", 1)[-1] for link in links] == ["synthetic-evidence"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_interview_quotes_are_in_the_readers_language_with_the_original_and_attributed(
    reader: Reader, lang: str
) -> None:
    page = reader.open(("" if lang == "en" else "fr/") + EVIDENCE)
    quotes = page.eval_on_selector_all(
        ".odi-interview blockquote",
        "qs => qs.map(q => [q.textContent.trim(), q.getAttribute('lang')])",
    )
    if lang == "en":  # held in English: the words as said
        assert quotes[0] == [
            "Riders told us the fictional app saved them a wait in the cold.",
            None,
        ]
    else:  # a translation, with the original beside it, marked as English
        assert quotes[0] == [
            (
                "Les usagers nous ont dit que l'application fictive leur épargnait une attente "
                "au froid."
            ),
            None,
        ]
        assert page.eval_on_selector(".odi-interview q[lang='en']", "q => q.textContent") == (
            "Riders told us the fictional app saved them a wait in the cold."
        )
    caption = page.inner_text(".odi-interview figcaption")
    assert {
        "en": "Developer of the synthetic app",
        "fr": "Développeur de l'application synthétique",
    }[lang] in caption
    assert {"en": "3 February 2026", "fr": "3 février 2026"}[lang] in caption and "[3]" in caption
    assert reader.axe_violations() == []
