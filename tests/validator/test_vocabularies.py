"""Vocabularies are the single source: complete in both languages, used by the schema and the
docs."""

from __future__ import annotations

import pycountry
import pytest

from odimpact.commands.regenerate import expected_files
from odimpact.schema import case_schema
from odimpact.vocabularies import load_vocabularies

EU_THEMES = {
    "AGRI",
    "ECON",
    "EDUC",
    "ENER",
    "ENVI",
    "GOVE",
    "HEAL",
    "INTR",
    "JUST",
    "REGI",
    "SOCI",
    "TECH",
    "TRAN",
}
GC_SUBJECTS = {
    "arts_music_literature",
    "agriculture",
    "economics_and_industry",
    "education_and_training",
    "form_descriptors",
    "government_and_politics",
    "health_and_safety",
    "history_and_archaeology",
    "information_and_communications",
    "labour",
    "language_and_linguistics",
    "law",
    "military",
    "nature_and_environment",
    "persons",
    "processes",
    "society_and_culture",
    "science_and_technology",
    "transport",
}


@pytest.mark.parametrize("name", sorted(load_vocabularies()))
def test_every_term_has_both_languages(name: str) -> None:
    vocabulary = load_vocabularies()[name]
    assert vocabulary.title["en"] and vocabulary.title["fr"]
    ids = vocabulary.ids()
    assert len(ids) == len(set(ids)), "duplicate ids"
    for term in vocabulary.terms:
        for lang in ("en", "fr"):
            assert term.label[lang].strip() and term.definition[lang].strip(), (term.id, lang)


def test_sectors_map_to_catalogue_themes() -> None:
    sectors = load_vocabularies()["sectors"]
    assert 12 <= len(sectors.terms) <= 20
    for term in sectors.terms:
        assert term.extra["eu_theme"] in EU_THEMES, term.id
        assert term.extra["gc_subject"] in GC_SUBJECTS, term.id


def test_jurisdictions_are_iso_3166_2_ca() -> None:
    official = {sub.code for sub in pycountry.subdivisions.get(country_code="CA")}
    ids = set(load_vocabularies()["jurisdictions"].ids())
    assert ids == official | {"CA"}


def test_french_jurisdiction_names_are_the_official_ones() -> None:
    # Some libraries get these wrong; these are the official French names.
    labels = {t.id: t.label["fr"] for t in load_vocabularies()["jurisdictions"].terms}
    assert labels["CA-BC"] == "Colombie-Britannique"
    assert labels["CA-NL"] == "Terre-Neuve-et-Labrador"
    assert labels["CA-PE"] == "Île-du-Prince-Édouard"
    assert labels["CA-NT"] == "Territoires du Nord-Ouest"
    assert labels["CA-QC"] == "Québec"


def test_schema_enums_come_from_the_vocabularies() -> None:
    schema = case_schema()
    assert schema["properties"]["sectors"]["items"]["enum"] == load_vocabularies()["sectors"].ids()
    assert (
        schema["properties"]["jurisdiction"]["enum"] == load_vocabularies()["jurisdictions"].ids()
    )


def test_generated_files_are_fresh() -> None:
    stale = [
        str(path)
        for path, text in expected_files().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"run `odimpact regenerate`: stale {stale}"


def test_the_fields_vocabularies_come_from_the_schema() -> None:
    from odimpact.schema import field_vocabularies

    links = field_vocabularies()
    assert links["sectors"] == "sectors" and links["effects_in"] == "jurisdictions"
    assert links["sources.kind"] == "source-kinds" and links["impacts.kind"] == "figure-kinds"
    assert (
        links["organisations.roles"] == "organisation-roles"
        and links["interviews.consent.publish"] == "consent-states"
    )
    assert set(links.values()) <= set(load_vocabularies())


def test_suggestions_match_labels_in_both_languages_and_ignore_accents() -> None:
    from odimpact.schema_check import _vocabulary_suggestion
    from odimpact.vocabularies import load_vocabularies

    sectors = load_vocabularies()["sectors"]
    health = next(term for term in sectors.terms if term.id == "health")
    french = health.label["fr"]  # the label a francophone contributor types
    for typed in (french, french.upper(), "helth", "".join(c for c in french if c.isascii())):
        assert _vocabulary_suggestion(typed, sectors) == ["health"], typed
    assert _vocabulary_suggestion("zzzzzz", sectors) == []
