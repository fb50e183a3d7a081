"""Charts, tile map, coverage matrix and datasets ranking: right numbers, accessible, AA colours."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from odimpact.corpus import Corpus, load_corpus
from odimpact.publication.charts import LABEL_CHARACTERS, Bar, bar_chart, chart_size, count_by
from odimpact.publication.coverage import (
    coverage_counts,
    coverage_matrix,
    rank_datasets,
    rank_publishers,
)
from odimpact.publication.explore_data import explore_data
from odimpact.publication.svg import BAR, EDGE, SHADES, TEXT, contrast, shade_floor, shade_index
from odimpact.publication.tilemap import GRID, map_figure, tile_map
from odimpact.vocabularies import load_vocabularies
from tests.synthetic import write_case

SVG = "{http://www.w3.org/2000/svg}"


def test_colours_pass_wcag_aa() -> None:
    assert contrast(TEXT, "#ffffff") >= 4.5
    assert contrast(BAR, "#ffffff") >= 3 and contrast(EDGE, "#ffffff") >= 3
    for fill, ink in SHADES:
        assert contrast(fill, ink) >= 4.5, fill


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    "count, peak, expected",
    [(0, 5, 0), (1, 5, 1), (5, 5, 4), (3, 12, 1), (12, 12, 4), (1, 1, 4), (7, 12, 3)],
)
def test_shade_index(count: int, peak: int, expected: int) -> None:
    assert shade_index(count, peak) == expected


@pytest.mark.parametrize("peak", [1, 2, 5, 12, 40])
def test_legend_floors_agree_with_shades(peak: int) -> None:
    for count in range(1, peak + 1):
        step = shade_index(count, peak)
        assert shade_floor(step, peak) <= count
        assert (
            step == len(SHADES) - 1
            or count < shade_floor(step + 1, peak)
            or shade_floor(step + 1, peak) == shade_floor(step, peak)
        )


def test_bar_chart_has_text_alternative_and_data_table() -> None:
    svg, table = bar_chart(
        [Bar("Health & <b>", 3, "../x/"), Bar("Transport", 1)],
        "Cases by sector",
        "Sector",
        "odi-t",
        "en",
    )
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("aria-labelledby") == "odi-t-title odi-t-desc"
    assert root.find(f"{SVG}title").text == "Cases by sector"
    assert "Health & <b>: 3; Transport: 1" in root.find(f"{SVG}desc").text
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == 3 * widths[1]
    assert '<a href="../x/">Health &amp; &lt;b&gt;</a>' in table and "<caption>" in table


def test_bar_chart_wraps_a_long_label_above_its_bar_inside_the_chart() -> None:
    long = "Synthetic sector with a very long name that no single line of the chart can hold whole"
    bars = [Bar(long, 2), Bar("Short", 1)]
    root = ET.fromstring(bar_chart(bars, "Cases by sector", "Sector", "odi-t", "en")[0])
    width, height = chart_size(bars)
    assert root.get("viewBox") == f"0 0 {width} {height}"
    lines = [text.text or "" for text in root.iter(f"{SVG}text")]
    label = lines[: lines.index("2")]  # the first bar's label lines, then its count
    assert (
        len(label) > 1
        and " ".join(label) == long
        and all(len(line) <= LABEL_CHARACTERS for line in label)
    )
    first_bar = next(root.iter(f"{SVG}rect"))
    label_bottoms = [float(text.get("y")) for text in list(root.iter(f"{SVG}text"))[: len(label)]]
    assert max(label_bottoms) < float(first_bar.get("y"))  # above its bar
    assert all(0 < float(text.get("y")) <= height for text in root.iter(f"{SVG}text"))


def test_counts_by_value(corpus: Corpus) -> None:
    published = corpus.published()
    counts = count_by(published, lambda case: case.meta("en")["sectors"])
    assert counts["transport"] == sum("transport" in c.meta("en")["sectors"] for c in published)


def test_tile_map_places_every_jurisdiction_once_and_links_only_regions_with_cases() -> None:
    assert set(GRID) == set(load_vocabularies()["jurisdictions"].ids())
    assert len(set(GRID.values())) == len(GRID)
    root = ET.fromstring(tile_map({"CA-ON": 4, "CA": 1}, "fr"))
    assert root.find(f"{SVG}title").text == "Études de cas par province et territoire"
    assert "Ontario\u00a0: 4" in root.find(f"{SVG}desc").text
    figure = map_figure(
        {"CA-ON": 4, "CA": 1}, "map.svg", lambda code: f"../j/{code.lower()}/", "en"
    )
    areas = re.findall(r'<area [^>]*href="([^"]+)" alt="([^"]+)"', figure)
    assert areas == [
        ("../j/ca-on/", "Ontario: 4 cases, see the cases"),
        ("../j/ca/", "Government of Canada: 1 case, see the cases"),
    ]
    french = map_figure({"CA-ON": 4, "CA": 1}, "map.svg", lambda code: code, "fr")
    assert re.findall(r'<area [^>]*alt="([^"]+)"', french) == [
        "Ontario\u00a0: 4 études de cas, voir les études de cas",
        "Gouvernement du Canada\u00a0: 1 étude de cas, voir les études de cas",
    ]


def test_coverage_matrix_counts_and_gaps(corpus: Corpus) -> None:
    published = corpus.published()
    counts = coverage_counts(published)
    html = coverage_matrix(published, lambda j, s: f"?jurisdiction={j}&sector={s}", "en")
    assert html.count('<tr><th scope="row">') == len(load_vocabularies()["jurisdictions"].ids())
    cells = html.count("<td")
    assert cells == len(load_vocabularies()["jurisdictions"].ids()) * len(
        load_vocabularies()["sectors"].ids()
    )
    assert html.count('class="odi-gap"') == cells - len(counts)
    assert counts[("CA-ON", "transport")] >= 1  # the synthetic bus case


def test_datasets_ranked_by_number_of_cases(corpus: Corpus) -> None:
    ranked = rank_datasets(corpus.published(), "en")
    sizes = [len(cases) for _, cases in ranked]
    # synthetic cases share five dataset URLs
    assert sizes == sorted(sizes, reverse=True) and sizes[0] >= 2
    publishers = rank_publishers(corpus.published(), "fr")
    assert sum(len(cases) for _, cases in publishers) >= len(corpus.published())


def test_explore_data_carries_facets_and_cases(corpus: Corpus) -> None:
    data = explore_data(corpus.published(), "fr", lambda case_id: f"../{case_id}/")
    assert [facet["key"] for facet in data["facets"]] == [
        "sector",
        "jurisdiction",
        "effects",
        "level",
        "impact",
        "dimension",
        "evidence",
        "strongest",
        "kind",
        "condition",
        "challenge",
        "independent",
    ]
    bus = next(item for item in data["cases"] if item["id"] == "synthetic-bus-data")
    assert bus["f"]["sector"] == ["transport", "economy-business"]
    # Its strongest figure is an outcome; one source is independent; no effects_in: its own
    # province.
    assert (bus["f"]["strongest"], bus["f"]["independent"], bus["f"]["effects"]) == (
        ["outcome"],
        ["yes"],
        ["CA-ON"],
    )
    assert (bus["f"]["kind"], bus["f"]["condition"], bus["f"]["challenge"]) == (
        ["outcome", "output", "use"],
        ["public-infrastructure"],
        ["readiness"],
    )
    strongest = next(facet for facet in data["facets"] if facet["key"] == "strongest")
    assert [value["id"] for value in strongest["values"]] == [
        "none",
        "output",
        "use",
        "outcome",
        "impact",
    ]
    assert bus["y0"] == 2015 and bus["y1"] is None and bus["u"] == "../synthetic-bus-data/"
    assert data["ui"]["count_other"] == "{n} études de cas"


def test_a_case_naming_a_dataset_twice_counts_once(tmp_path: Path) -> None:
    dataset = {
        "name": "Synthetic buses",
        "url": "https://example.org/synthetic/buses",
        "publisher": "Synthetic City",
    }
    for case_id in ("synthetic-a", "synthetic-b"):
        write_case(
            tmp_path, case_id, datasets=[dataset, dict(dataset, name="Synthetic buses (again)")]
        )
    cases = load_corpus(tmp_path, tmp_path).cases
    assert [[case.id for case in users] for _, users in rank_datasets(cases, "en")] == [
        ["synthetic-a", "synthetic-b"]
    ]
    assert [
        (name, [case.id for case in users]) for name, users in rank_publishers(cases, "en")
    ] == [("Synthetic City", ["synthetic-a", "synthetic-b"])]
