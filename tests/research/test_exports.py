"""The open-data exports parse, validate as a Frictionless package and give back the case files'
facts."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import frictionless
import pytest

from odimpact.corpus import Corpus
from odimpact.publication.columns import join_values, split_values
from odimpact.publication.explore_data import explore_data
from odimpact.publication.exports import CASES_CSV, export_texts, write_exports
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies

LANGS = ("en", "fr")
LIST_FIELDS = (
    "sectors",
    "impact_types",
    "impact_dimensions",
    "reusers",
    "reuse_purposes",
    "contributors",
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("lang", LANGS)
def test_frictionless_validates_the_package(
    corpus: Corpus, urls: SiteUrls, tmp_path: Path, lang: str
) -> None:
    write_exports(corpus, lang, urls, tmp_path)
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["type", "note"])
    assert [task.name for task in report.tasks] == ["cases", "impacts", "cases-json"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_declared_types_read_the_period_as_a_year_and_a_flag(
    corpus: Corpus, urls: SiteUrls, tmp_path: Path, lang: str
) -> None:
    """Read the way a database would, with the package's declared types: the end is an integer or
    missing, never the word a case file writes ("ongoing"), and the flag a boolean."""
    write_exports(corpus, lang, urls, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = {field["name"]: field["type"] for field in package["resources"][0]["schema"]["fields"]}
    assert (fields["period_start"], fields["period_end"], fields["ongoing"]) == (
        "integer",
        "integer",
        "boolean",
    )
    with frictionless.Package(tmp_path / "datapackage.json").get_resource("cases") as resource:
        periods = {row["id"]: (row["period_end"], row["ongoing"]) for row in resource.row_stream}
    expected = {}
    for case in corpus.published():
        end = case.meta(lang)["period"]["end"]
        expected[case.id] = (None, True) if end == "ongoing" else (end, False)
    assert periods == expected
    # the corpus has both kinds
    assert {ongoing for _, ongoing in expected.values()} == {True, False}
    assert all(isinstance(end, int) for end, ongoing in periods.values() if not ongoing)


@pytest.mark.parametrize("lang", LANGS)
def test_cases_csv_round_trips_to_the_case_files(corpus: Corpus, urls: SiteUrls, lang: str) -> None:
    rows = {row["id"]: row for row in _rows(export_texts(corpus, lang, urls)["cases.csv"])}
    assert sorted(rows) == sorted(case.id for case in corpus.published())
    assert "synthetic-draft" not in rows
    for case in corpus.published():
        meta, row = case.meta(lang), rows[case.id]
        assert row["title"] == meta["title"] and row["jurisdiction"] == meta["jurisdiction"]
        for name in LIST_FIELDS:
            assert split_values(row[name]) == [str(value) for value in meta[name]], name
        assert int(row["period_start"]) == meta["period"]["start"]
        ongoing = meta["period"]["end"] == "ongoing"
        assert (row["period_end"], row["ongoing"]) == (
            ("", "true") if ongoing else (str(meta["period"]["end"]), "false")
        )
        assert int(row["impact_count"]) == len(meta.get("impacts", []))
        assert row["url"] == f"{urls.base}{'fr/' if lang == 'fr' else ''}cases/{case.id}/"


@pytest.mark.parametrize("lang", LANGS)
def test_label_columns_are_in_the_file_language(corpus: Corpus, urls: SiteUrls, lang: str) -> None:
    row = next(
        r
        for r in _rows(export_texts(corpus, lang, urls)["cases.csv"])
        if r["id"] == "synthetic-bus-data"
    )
    sectors = load_vocabularies()["sectors"]
    assert split_values(row["sectors_labels"]) == [
        sectors.label(s, lang) for s in ("transport", "economy-business")
    ]
    assert row["evidence_strength_label"] == load_vocabularies()["evidence-levels"].label(1, lang)


def test_awaiting_translation_is_flagged(corpus: Corpus, urls: SiteUrls) -> None:
    rows = {row["id"]: row for row in _rows(export_texts(corpus, "fr", urls)["cases.csv"])}
    assert rows["synthetic-awaiting"]["awaiting_translation"] == "true"
    assert rows["synthetic-bus-data"]["awaiting_translation"] == "false"


@pytest.mark.parametrize("lang", LANGS)
def test_impacts_csv_has_a_row_per_impact_with_its_source(
    corpus: Corpus, urls: SiteUrls, lang: str
) -> None:
    rows = _rows(export_texts(corpus, lang, urls)["impacts.csv"])
    expected = sum(len(case.meta(lang).get("impacts", [])) for case in corpus.published())
    assert len(rows) == expected > 2
    bus = [row for row in rows if row["case_id"] == "synthetic-bus-data"]
    assert [(r["impact_number"], r["value"], r["source_id"], r["source_url"]) for r in bus] == [
        ("1", "1234.5", "s1", "https://example.org/news/one"),
        ("2", "20000", "s2", "https://example.org/city/two"),
        ("3", "40", "s2", "https://example.org/city/two"),
    ]
    assert bus[1]["currency"] == "CAD" and bus[1]["source_title"] == "Synthetic source two"
    # The evidence of each figure travels with it: kind, qualifier, baseline, quote, verification.
    assert [(r["kind"], r["qualifier"], r["verified"]) for r in bus] == [
        ("use", "more-than", "true"),
        ("output", "", "false"),
        ("outcome", "", "true"),
    ]
    assert (bus[2]["baseline_value"], bus[2]["baseline_year"], bus[2]["source_independence"]) == (
        "25",
        "2014",
        "data-publisher",
    )
    assert (
        bus[2]["kind_label"] == {"en": "Outcome", "fr": "Effet"}[lang]
        and "25 per cent" in bus[2]["quote"]
    )
    assert bus[0]["source_accessed"] == "2026-01-10" and bus[0]["source_archived"].startswith(
        "https://archive.example.org/"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_cases_json_holds_the_full_front_matter(corpus: Corpus, urls: SiteUrls, lang: str) -> None:
    document = json.loads(export_texts(corpus, lang, urls)["cases.json"])
    exported = {case["id"]: case for case in document["cases"]}
    for case in corpus.published():
        facts = dict(exported[case.id])
        assert facts.pop("url").endswith(f"cases/{case.id}/")
        assert facts.pop("awaiting_translation") is case.awaiting_translation(lang)
        figures = case.meta(lang).get("impacts", [])
        assert facts.pop("verified_figure_count") == sum("quote" in figure for figure in figures)
        assert facts.pop("strongest_figure") == (
            max((f["kind"] for f in figures), key=["output", "use", "outcome", "impact"].index)
            if figures
            else None
        )
        assert facts.pop("independent_source_count") == sum(
            s["independence"] == "independent" for s in case.meta(lang)["sources"]
        )
        period = case.meta(lang)["period"]
        ongoing = period["end"] == "ongoing"
        assert facts.pop("period") == {
            "start": period["start"],
            "end": None if ongoing else period["end"],
            "ongoing": ongoing,
        }
        assert facts == {
            "licence": "CC-BY-4.0",
            **{k: v for k, v in case.meta(lang).items() if k != "period"},
        }
    assert document["vocabularies"]["sectors"]["health"] == load_vocabularies()["sectors"].label(
        "health", lang
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_explore_downloads_have_the_columns_of_cases_csv(
    corpus: Corpus, urls: SiteUrls, lang: str
) -> None:
    """The Explore page's downloads copy cases.csv's rows: the columns its script is told about are
    the file's header, in order, with the types the data package declares."""
    texts = export_texts(corpus, lang, urls)
    table = explore_data(corpus.published(), lang, lambda case_id: case_id)["table"]
    assert table["file"] == CASES_CSV
    assert [column["name"] for column in table["columns"]] == next(
        csv.reader(io.StringIO(texts[CASES_CSV]))
    )
    declared = json.loads(texts["datapackage.json"])["resources"][0]["schema"]["fields"]
    assert [column["type"] for column in table["columns"]] == [field["type"] for field in declared]
    assert {column["name"] for column in table["columns"] if column["many"]} >= {
        "sectors",
        "sectors_labels",
        "datasets",
        "keywords",
    }


def test_exports_are_deterministic(corpus: Corpus, urls: SiteUrls) -> None:
    assert export_texts(corpus, "en", urls) == export_texts(corpus, "en", urls)


@pytest.mark.parametrize("values", [["a", "b"], ["x|y", "back\\slash", ""], ["only"], ["|", "\\|"]])
def test_join_and_split_are_inverse(values: list[str]) -> None:
    assert split_values(join_values(values)) == values


def test_datapackage_descriptions_come_from_the_schema(corpus: Corpus, urls: SiteUrls) -> None:
    package = {
        lang: json.loads(export_texts(corpus, lang, urls)["datapackage.json"]) for lang in LANGS
    }
    fields = {
        lang: {f["name"]: f for f in package[lang]["resources"][0]["schema"]["fields"]}
        for lang in LANGS
    }
    assert fields["en"]["sectors"]["description"].startswith("One to three sectors")
    assert fields["fr"]["sectors"]["description"].startswith("Un à trois secteurs")
    assert fields["en"]["evidence_strength"]["constraints"]["enum"] == [1, 2, 3, 4, 5]
    assert all(f["description"] for lang in LANGS for f in fields[lang].values())


def test_export_command_writes_both_languages(corpus_root: Path, tmp_path: Path) -> None:
    from odimpact.cli import main

    assert (
        main(
            [
                "export",
                str(tmp_path),
                "--cases",
                str(corpus_root / "cases"),
                "--site-url",
                "https://example.org/x",
            ]
        )
        == 0
    )
    for folder in (tmp_path / "data", tmp_path / "fr" / "data"):
        assert sorted(p.name for p in folder.iterdir()) == [
            "cases.csv",
            "cases.json",
            "datapackage.json",
            "impacts.csv",
        ]
    assert "https://example.org/x/fr/cases/synthetic-bus-data/" in (
        tmp_path / "fr" / "feed.xml"
    ).read_text(encoding="utf-8")
