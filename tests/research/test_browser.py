"""The research pages in Debian's chromium (Playwright): Explore filters, counts, URL state,
downloads and the no-JavaScript list; map links; axe-core on Explore and the charts page."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from odimpact.corpus import Corpus
from odimpact.places import places_of_effect
from odimpact.vocabularies import load_vocabularies
from tests.site.browser import Reader, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
# mkdocs.yml's site_url, in the exports
SITE_URL = "https://open-data-impact-canada.github.io/knowledge-base/"
EXPLORE = "cases/explore/"


@pytest.fixture(scope="module")
def base_url(research_site: Path) -> Iterator[str]:
    with serve(research_site) as url:
        yield url


@pytest.fixture
def reader(browser: object, base_url: str) -> Iterator[Reader]:  # noqa: F811 - pytest fixture injection
    opened = Reader(browser, base_url)
    yield opened
    opened.close()


def _pick(corpus: Corpus) -> tuple[str, str, list[str]]:
    """A sector and a jurisdiction that share at least two cases, and those cases' ids by title."""
    published = corpus.published()
    for case in published:
        meta = case.meta("en")
        for sector in meta["sectors"]:
            both = [
                c
                for c in published
                if sector in c.meta("en")["sectors"]
                and c.meta("en")["jurisdiction"] == meta["jurisdiction"]
            ]
            if len(both) >= 1 and len(
                [c for c in published if sector in c.meta("en")["sectors"]]
            ) > len(both):
                return (
                    sector,
                    meta["jurisdiction"],
                    [c.id for c in sorted(both, key=lambda c: c.meta("en")["title"].casefold())],
                )
    raise AssertionError("the synthetic corpus has no usable sector and jurisdiction")


def _ready(page: object) -> object:
    """The page once the Explore script has loaded its data and drawn the results."""
    page.wait_for_function("window.odiExplore && window.odiExplore.ready", timeout=10000)
    return page


def _results(page: object) -> list[str]:
    return page.evaluate("window.odiExplore.results()")


def _count(page: object, facet: str, value: str) -> str:
    return page.inner_text(
        f'fieldset[data-facet="{facet}"] input[value="{value}"] ~ .odi-facet-count'
    )


def test_choose_sector_and_jurisdiction_then_reload_and_go_back(
    reader: Reader, corpus: Corpus
) -> None:
    sector, jurisdiction, expected = _pick(corpus)
    page = _ready(reader.open(EXPLORE))
    assert len(_results(page)) == len(corpus.published())
    sector_only = [c for c in corpus.published() if sector in c.meta("en")["sectors"]]
    page.check(f'fieldset[data-facet="sector"] input[value="{sector}"]')
    assert len(_results(page)) == len(sector_only)
    assert _count(page, "jurisdiction", jurisdiction) == str(len(expected))
    page.check(f'fieldset[data-facet="jurisdiction"] input[value="{jurisdiction}"]')
    assert _results(page) == expected
    assert (
        page.inner_text(".odi-result-count[role=status]")
        == f"{len(expected)} case{'s' if len(expected) != 1 else ''}"
    )
    assert f"sector={sector}" in page.url and f"jurisdiction={jurisdiction}" in page.url
    page.reload()
    assert _results(_ready(page)) == expected
    assert page.is_checked(f'fieldset[data-facet="jurisdiction"] input[value="{jurisdiction}"]')
    page.go_back()
    assert sorted(_results(page)) == sorted(c.id for c in sector_only)


def _download(page: object, kind: str, path: Path) -> Path:
    with page.expect_download() as download:
        page.click(f'button[data-download="{kind}"]')
    download.value.save_as(path)
    return path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_downloads_are_the_rows_of_cases_csv(
    reader: Reader, research_site: Path, corpus: Corpus, tmp_path: Path, lang: str
) -> None:
    """The filtered CSV is cases.csv's header and the shown cases' lines, byte for byte; the JSON
    has
    the same keys in the same order, typed as the data package declares."""
    prefix = "fr/" if lang == "fr" else ""
    sector, jurisdiction, expected = _pick(corpus)
    page = _ready(reader.open(f"{prefix}{EXPLORE}?sector={sector}&jurisdiction={jurisdiction}"))
    shown = _results(page)
    assert sorted(shown) == sorted(expected)
    published = (research_site / prefix / "data" / "cases.csv").read_bytes().decode("utf-8")
    header, *lines = list(csv.reader(io.StringIO(published, newline="")))
    by_id = {line[0]: line for line in lines}
    text = _download(page, "csv", tmp_path / "results.csv").read_bytes().decode("utf-8")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [header] + [
        by_id[case_id] for case_id in shown
    ]
    # each record as cases.csv writes it
    assert all(line in published for line in text.split("\r\n"))
    rows = json.loads(
        _download(page, "json", tmp_path / "results.json").read_text(encoding="utf-8")
    )
    assert [row["id"] for row in rows] == shown and all(list(row) == header for row in rows)
    for row in rows:
        meta = next(case for case in corpus.published() if case.id == row["id"]).meta(lang)
        start, end = meta["period"]["start"], meta["period"]["end"]
        assert (row["period_start"], row["period_end"], row["ongoing"]) == (
            start,
            None if end == "ongoing" else end,
            end == "ongoing",
        )
        assert (
            sector in row["sectors"]
            and row["jurisdiction"] == jurisdiction
            and isinstance(row["evidence_strength"], int)
        )
        assert row["url"].startswith(SITE_URL + prefix + "cases/")


def test_without_javascript_every_case_is_listed(  # noqa: F811
    browser: object, base_url: str, corpus: Corpus
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "fr/" + EXPLORE)
    links = page.eval_on_selector_all(
        "#odi-explore-static .odi-cases a", "links => links.map(l => l.getAttribute('href'))"
    )
    assert sorted(links) == sorted(f"../{case.id}/" for case in corpus.published())
    # The lists by sector, jurisdiction, place of effect, impact type and year.
    assert (
        page.eval_on_selector_all(
            "#odi-explore-static > ul:first-of-type a", "links => links.length"
        )
        == 5
    )
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_map_links_land_on_the_jurisdiction_overview(
    reader: Reader, corpus: Corpus, lang: str
) -> None:
    prefix = "fr/" if lang == "fr" else ""
    page = reader.open(f"{prefix}cases/charts/")
    codes = page.eval_on_selector_all(
        "map[name='odi-map-areas'] area.odi-map-region",
        "links => links.map(l => l.dataset.jurisdiction)",
    )
    assert sorted(codes) == sorted({case.meta("en")["jurisdiction"] for case in corpus.published()})
    for code in codes[:3]:
        page = reader.open(f"{prefix}cases/charts/")
        # Keyboard, as a reader without a mouse would: focus the region's link and press Enter.
        page.eval_on_selector(
            f'map[name="odi-map-areas"] area.odi-map-region[data-jurisdiction="{code}"]',
            "area => area.focus()",
        )
        with page.expect_navigation(timeout=5000):
            page.keyboard.press("Enter")
        assert page.url == f"{reader.base_url}{prefix}cases/by-jurisdiction/{code.lower()}/"
        assert page.inner_text("article h1") == load_vocabularies()["jurisdictions"].label(
            code, lang
        )


@pytest.mark.parametrize(
    "path",
    [
        EXPLORE,
        "fr/" + EXPLORE,
        "cases/charts/",
        "fr/cases/charts/",
        "cases/coverage/",
        "fr/cases/datasets/",
        "findings/",
        "fr/findings/",
        "data/",
        "fr/data/",
        "cases/by-year/",
        "fr/cases/by-year/",
    ],
)
def test_no_accessibility_violations(reader: Reader, path: str) -> None:
    page = reader.open(path)
    if path.endswith(EXPLORE):
        _ready(page)
    assert reader.axe_violations() == []


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_map_by_place_of_effect_counts_every_place_a_case_reached(
    reader: Reader, corpus: Corpus, lang: str
) -> None:
    page = reader.open(("fr/" if lang == "fr" else "") + "cases/charts/")
    codes = page.eval_on_selector_all(
        "map[name='odi-map-areas-effects'] area.odi-map-region",
        "links => links.map(l => l.dataset.jurisdiction)",
    )
    assert sorted(codes) == sorted(
        {place for case in corpus.published() for place in places_of_effect(case.meta("en"))}
    )
    hrefs = page.eval_on_selector_all(
        "map[name='odi-map-areas-effects'] area", "links => links.map(l => l.getAttribute('href'))"
    )
    assert all(href.startswith("../by-place-of-effect/") for href in hrefs)
