"""`odimpact import-issue`: the issue form and the importer agree; untrusted text stays data."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odimpact.contrib.choices import check_term
from odimpact.contrib.issue_form import FIELDS, FORM_PATH, render_form
from odimpact.contrib.issue_import import OPTION_ID, one_line, read_issue
from odimpact.paths import REPO_ROOT
from odimpact.reading import read_case_file
from tests.contrib.conftest import TODAY

ISSUE = (Path(__file__).parent / "data" / "synthetic-proposal.md").read_text(encoding="utf-8")
CASE_ID = "exemple-synthetique-une-ville-fictive-ouvre-ses-donnees-vraiment"


def import_text(run_cli, cases_dir: Path, text: str, lang: str = "en"):
    return run_cli(
        "import-issue",
        "-",
        "--cases-dir",
        str(cases_dir),
        "--today",
        TODAY,
        "--lang",
        lang,
        stdin=text,
    )


def test_the_committed_form_is_the_one_the_importer_reads():
    committed = (REPO_ROOT / FORM_PATH).read_text(encoding="utf-8")
    assert committed == render_form(), (
        "regenerate with: odimpact import-issue --print-form > " + FORM_PATH
    )
    form = yaml.safe_load(committed)
    elements = [element for element in form["body"] if "id" in element]
    assert [(e["id"], e["attributes"]["label"]) for e in elements] == [
        (f.id, f.heading) for f in FIELDS
    ]
    for element, field in zip(elements, FIELDS):
        for option in element["attributes"].get("options", []) if field.vocabulary else []:
            (term_id,) = OPTION_ID.findall(option)
            assert str(check_term(field.vocabulary, term_id, "en")) == term_id


def test_every_question_of_the_catalogue_is_asked_and_every_question_has_its_words():
    """command_line.yml holds exactly the form's questions; helps list the vocabularies' ids."""
    from odimpact.command_line import catalogue
    from odimpact.contrib.issue_form import SECTION
    from odimpact.vocabularies import load_vocabularies

    assert list(catalogue()[SECTION]["fields"]) == [field.id for field in FIELDS]
    datasets = next(field for field in FIELDS if field.id == "datasets")
    licences = ", ".join(map(str, load_vocabularies()["licences"].ids()))
    assert all(licences in help_ and "{" not in help_ for help_ in datasets.help.values())


def test_a_proposal_becomes_a_draft_awaiting_translation(run_cli, cases_dir):
    result = import_text(run_cli, cases_dir, ISSUE)
    assert result.code == 0, result.err
    assert result.out == (
        f"Created draft cases/{CASE_ID}/index.fr.md: complete it, then run odimpact "
        f"validate cases/{CASE_ID}\n"
    )
    assert result.err == (
        "warning: Open datasets used: line 2 is not 'name | publisher | URL'; copied "
        "without its URL.\n"
        "warning: Organisations involved: line 2: 'licorne' is not one of the listed "
        "values; left out.\n"
    )
    case = read_case_file(cases_dir / CASE_ID / "index.fr.md", "x", "fr")
    data = case.data
    assert (data["status"], data["translation"], data["lang"], data["jurisdiction"]) == (
        "draft",
        "awaiting",
        "fr",
        "CA-QC",
    )
    assert (
        data["title"] == "Exemple synthétique : une ville fictive « ouvre » ses données: vraiment ?"
    )
    assert data["summary"].endswith("no: true") and data["sectors"] == [
        "transport",
        "economy-business",
    ]
    assert data["datasets"][1] == {
        "name": "Données sans adresse",
        "publisher": "Ville d'Exempleville",
        "licence": "",
    }
    assert data["sources"][0]["url"] == "https://example.org/article" and data["period"] == {
        "start": 2015,
        "end": "ongoing",
    }
    assert (data["sources"][0]["kind"], data["sources"][0]["independence"]) == (
        "news",
        "independent",
    )
    assert data["datasets"][0]["licence"] == "OGL-Canada-2.0"
    assert data["organisations"] == [
        {"name": "Ville d'Exempleville", "roles": ["data-publisher"]},
        {"name": "Jeune pousse synthétique", "roles": ["re-user"]},
    ]
    assert data["impact_dimensions"] == ["creating-opportunity"]
    assert (data["reusers"], data["reuse_purposes"]) == (["business"], ["products-services"])
    assert (
        "Une histoire &lt;script>alert(1)&lt;/script> synthétique." in case.body
        and "<script" not in case.body
    )


def test_a_proposal_answered_as_the_form_asks_imports_without_errors(run_cli, cases_dir):
    """Every required field of a case is asked by the form: an import leaves the editor prose to
    write, not errors to fix (a draft's short body is a warning)."""
    text = ISSUE.replace(
        "Données sans adresse | Ville d'Exempleville | javascript:alert(1)\n", ""
    ).replace(", licorne", "")
    assert import_text(run_cli, cases_dir, text).code == 0
    result = run_cli("validate", "--cases-dir", str(cases_dir), "--today", TODAY, "--lang", "en")
    assert result.code == 0, result.out
    assert " 0 error(s)" in result.out


def test_a_suggested_id_that_is_a_path_is_refused(run_cli, cases_dir):
    text = ISSUE.replace("(facultatif)\n\n_No response_", "(facultatif)\n\n../../etc/passwd", 1)
    result = import_text(run_cli, cases_dir, text)
    assert result.code == 1
    assert result.err.startswith("odimpact import-issue: '../../etc/passwd' is not a valid case id")
    assert list(cases_dir.iterdir()) == []


def test_a_missing_required_answer_is_named_in_french(run_cli, cases_dir):
    text = ISSUE.replace(
        "Exemple synthétique : une ville fictive « ouvre » ses données: vraiment ?",
        "_No response_",
        1,
    )
    result = import_text(run_cli, cases_dir, text, "fr")
    assert (result.code, result.err) == (
        1,
        "odimpact import-issue\u00a0: la réponse obligatoire 'Title / Titre' manque.\n",
    )


def test_an_existing_case_is_never_overwritten(run_cli, cases_dir):
    (cases_dir / CASE_ID).mkdir()
    result = import_text(run_cli, cases_dir, ISSUE)
    assert result.code == 1 and "already exists; nothing was written" in result.err
    assert list((cases_dir / CASE_ID).iterdir()) == []


def test_a_vocabulary_answer_outside_the_form_is_refused(run_cli, cases_dir):
    result = import_text(
        run_cli, cases_dir, ISSUE.replace("CA-QC — Quebec / Québec", "CA-XX — Atlantis")
    )
    assert (result.code, result.err) == (
        1,
        "odimpact import-issue: 'CA-XX' is not in the vocabulary "
        "'jurisdictions'; did you mean 'CA-YT', 'CA-SK', 'CA-QC'?\n",
    )


def test_oversized_input_is_refused(run_cli, cases_dir):
    result = import_text(run_cli, cases_dir, ISSUE + "x" * 70000)
    assert (result.code, result.err) == (
        1,
        "odimpact import-issue: the issue text is longer than 65536 characters.\n",
    )


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(min_size=5, max_size=60), summary=st.text(max_size=120))
def test_any_text_in_the_issue_stays_text_in_the_yaml(tmp_path_factory, title, summary):
    issue = ISSUE.replace(
        "Exemple synthétique : une ville fictive « ouvre » ses données: vraiment ?",
        title.replace("#", "＃"),
    ).replace(
        "Cas synthétique pour les tests. Une ville fictive publie ses horaires d'autobus; no: true",
        summary.replace("#", "＃") or "_",
    )
    issue = issue.replace("_No response_\n\n### Summary", "synthetic-any-text\n\n### Summary", 1)
    try:
        draft = read_issue(issue, "en", TODAY)
    except ValueError:
        return  # refusing (an empty title, say) is allowed; crashing or injecting is not
    from odimpact.contrib.template import render_case

    folder = tmp_path_factory.mktemp("issue") / "synthetic-any-text"
    folder.mkdir()
    (folder / "index.fr.md").write_text(
        render_case(draft.values, "fr", draft.sections), encoding="utf-8"
    )
    data = read_case_file(folder / "index.fr.md", "x", "fr").data
    assert (
        data["title"] == unicodedata.normalize("NFC", one_line(title.replace("#", "＃")))
        and data["id"] == "synthetic-any-text"
    )
    assert set(data) >= {"status", "sources"} and data["status"] == "draft"
