"""`odimpact new`: the scaffold, its refusals, and exactly what is left for the contributor to
write."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from odimpact.contrib.template import render_case
from odimpact.reading import read_case_file
from tests.contrib.conftest import TODAY, validate_problems

OPTIONS = [
    "--id",
    "synthetic-bus-case",
    "--title",
    "Synthetic case: a fictional bus dataset",
    "--jurisdiction",
    "CA-ON",
    "--sectors",
    "transport,health",
    "--impact-types",
    "social",
    "--contributor",
    "Synthetic Author",
    "--today",
    TODAY,
]
# What validate reports on a fresh scaffold: exactly the values the contributor still has to write.
LEFT_TO_WRITE = [
    ("summary", "schema-min-length"),
    ("impact_dimensions", "schema-min-items"),
    ("reusers", "schema-min-items"),
    ("reuse_purposes", "schema-min-items"),
    ("period.start", "schema-type"),
    ("datasets[0].name", "schema-min-length"),
    ("datasets[0].publisher", "schema-min-length"),
    ("datasets[0].licence", "schema-vocabulary"),
    ("organisations[0].name", "schema-min-length"),
    ("organisations[0].roles", "schema-min-items"),
    ("sources[0].title", "schema-min-length"),
    ("sources[0].publisher", "schema-min-length"),
    ("sources[0].url", "schema-pattern-url"),
    ("sources[0].kind", "schema-vocabulary"),
    ("sources[0].independence", "schema-vocabulary"),
    ("body", "body-too-short"),
]
# A synthetic section: the body's text is the contributor's to write.
SYNTHETIC_SECTION = ("Synthetic text written for the test suite. " * 9).strip()
FILLED = {
    'summary: ""': (
        'summary: "Synthetic test case: a fictional city opens bus data and a fictional '
        'start-up uses it."'
    ),
    "impact_dimensions: []": "impact_dimensions: [creating-opportunity]",
    "reusers: []": "reusers: [business]",
    "reuse_purposes: []": "reuse_purposes: [products-services]",
    "  start:\n": "  start: 2015\n",
    '  - name: ""\n    publisher: ""\n    licence: ""': (
        "  - name: Synthetic schedules\n    publisher: Synthetic City\n    licence: unknown"
    ),
    '  - name: ""\n    roles: []': "  - name: Synthetic City\n    roles: [data-publisher]",
    '    title: ""\n    publisher: ""\n    url: ""\n    kind: ""\n    independence: ""': (
        "    title: Synthetic source\n    publisher: Synthetic News\n    url: "
        "https://example.org/a\n"
        "    kind: news\n    independence: independent"
    ),
}


def test_new_with_all_options_creates_an_awaiting_case_needing_only_what_the_contributor_writes(
    run_cli, cases_dir
):
    result = run_cli("new", "--cases-dir", str(cases_dir), "--lang", "en", *OPTIONS)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Created cases/synthetic-bus-case/index.en.md"
    text = (cases_dir / "synthetic-bus-case" / "index.en.md").read_text(encoding="utf-8")
    assert "translation: awaiting" in text and "sectors: [transport, health]" in text
    assert validate_problems(run_cli, cases_dir) == LEFT_TO_WRITE


def test_filling_the_empty_values_makes_the_scaffold_valid(run_cli, cases_dir):
    run_cli("new", "--cases-dir", str(cases_dir), "--lang", "en", *OPTIONS)
    path = cases_dir / "synthetic-bus-case" / "index.en.md"
    text = path.read_text(encoding="utf-8")
    for empty, written in FILLED.items():
        assert empty in text
        text = text.replace(empty, written, 1)
    text = text.replace(
        "## Context {#context}\n", f"## Context {{#context}}\n\n{SYNTHETIC_SECTION}\n", 1
    )
    path.write_text(text, encoding="utf-8")
    assert validate_problems(run_cli, cases_dir) == []


def test_both_languages_are_complete_and_the_other_title_is_left_to_write(run_cli, cases_dir):
    result = run_cli("new", "--cases-dir", str(cases_dir), "--lang", "fr", "--both", *OPTIONS)
    assert result.code == 0
    assert result.out.splitlines()[:2] == [
        "Créé\u00a0: cases/synthetic-bus-case/index.fr.md",
        "Créé\u00a0: cases/synthetic-bus-case/index.en.md",
    ]
    english = (cases_dir / "synthetic-bus-case" / "index.en.md").read_text(encoding="utf-8")
    french = (cases_dir / "synthetic-bus-case" / "index.fr.md").read_text(encoding="utf-8")
    assert "translation: complete" in english and 'title: ""' in english
    assert (
        "# sectors (obligatoire) : Un à trois secteurs" in french
        and "## Contexte {#context}" in french
    )
    assert ("title", "schema-min-length") in validate_problems(run_cli, cases_dir)


def test_refuses_to_overwrite_an_existing_case(run_cli, cases_dir):
    run_cli("new", "--cases-dir", str(cases_dir), "--lang", "en", *OPTIONS)
    path = cases_dir / "synthetic-bus-case" / "index.en.md"
    path.write_text("contributor's work", encoding="utf-8")
    result = run_cli("new", "--cases-dir", str(cases_dir), "--lang", "en", *OPTIONS)
    assert result.code == 1
    assert result.err == (
        "odimpact new: cases/synthetic-bus-case already exists; nothing was written. "
        "Edit that case, or choose another id.\n"
    )
    assert path.read_text(encoding="utf-8") == "contributor's work"


def test_bad_vocabulary_option_suggests_the_closest_term(run_cli, cases_dir):
    options = [o if o != "transport,health" else "transport,helth" for o in OPTIONS]
    result = run_cli("new", "--cases-dir", str(cases_dir), "--lang", "en", *options)
    assert result.code == 2
    assert result.err == (
        "odimpact new: --sectors: 'helth' is not in the vocabulary 'sectors'; did you mean "
        "'health'?\n"
    )
    assert list(cases_dir.iterdir()) == []


def test_bad_id_is_refused_in_french(run_cli, cases_dir):
    options = [o if o != "synthetic-bus-case" else "Bus_Case" for o in OPTIONS]
    result = run_cli("new", "--cases-dir", str(cases_dir), "--lang", "fr", *options)
    assert result.code == 2
    assert result.err.startswith(
        "odimpact new\u00a0: --id\u00a0: 'Bus_Case' n'est pas un identifiant valide"
    )


def test_interactive_answers_are_checked_and_asked_again(run_cli, cases_dir):
    answers = (
        "fr\nBad Id\ncas-synthetique\nUn cas synthétique : « Pourquoi ? "
        "»\nCA-QQ\nCA-QC\nsante\nhealth\nsocial\n"
    )
    result = run_cli(
        "new",
        "--cases-dir",
        str(cases_dir),
        "--contributor",
        "Synthetic",
        "--today",
        TODAY,
        stdin=answers,
    )
    assert result.code == 0, result.err
    assert "'Bad Id' n'est pas un identifiant valide" in result.err
    assert (
        "'CA-QQ' ne fait pas partie du vocabulaire 'jurisdictions'; vouliez-vous dire" in result.err
    )
    assert "'sante' ne fait pas partie du vocabulaire 'sectors'" in result.err
    case = read_case_file(cases_dir / "cas-synthetique" / "index.fr.md", "x", "fr")
    assert case.data["title"] == "Un cas synthétique : « Pourquoi ? »"
    assert case.data["government_level"] == "provincial" and case.data["sectors"] == ["health"]


def test_input_ending_early_is_a_usage_error(run_cli, cases_dir):
    result = run_cli("new", "--cases-dir", str(cases_dir), "--ui-lang", "en", stdin="en\n")
    assert result.code == 2
    assert (
        "Case id: lowercase words joined by hyphens, for example toronto-dinesafe: " in result.err
    )
    assert result.err.endswith("odimpact new: no answer for id; give it as --id.\n")


# Bidirectional controls and decomposed text are refused by the validator (and by `new`'s title
# question, which composes accents first): titles as the question returns them.
BIDI = "".join(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))


@settings(max_examples=60, deadline=None)
@given(
    title=st.text(
        st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"], blacklist_characters=BIDI),
        min_size=5,
        max_size=80,
    ).map(lambda text: unicodedata.normalize("NFC", text))
)
def test_any_title_is_written_as_yaml_that_reads_back_identical(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("t") / "synthetic-title"
    folder.mkdir()
    path = folder / "index.en.md"
    path.write_text(
        render_case({"id": "synthetic-title", "lang": "en", "title": title}, "en"), encoding="utf-8"
    )
    case = read_case_file(path, "x", "en")
    assert not isinstance(case, type(None)) and getattr(case, "data", {}).get("title") == title, (
        case
    )


def test_the_title_question_composes_accents_and_refuses_hidden_controls() -> None:
    from odimpact.contrib.choices import ChoiceError
    from odimpact.contrib.questions import _title

    assert _title("Montre\u0301al open data", "en") == "Montréal open data"
    with pytest.raises(ChoiceError, match="bidirectional"):
        _title("Synthetic \u202etitle", "en")


def test_new_asks_every_question_of_the_catalogue_and_only_those() -> None:
    """command_line.yml (contrib-questions) asks for each value `new` needs, in both languages."""
    from odimpact.command_line import catalogue
    from odimpact.contrib.questions import REQUIRED

    asked = catalogue()["contrib-questions"]["questions"]
    assert list(asked) == [question.dest for question in REQUIRED]
    assert all(question.prompt("fr") not in ("", question.prompt("en")) for question in REQUIRED)
