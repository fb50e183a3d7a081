"""`odimpact new --translate`: the missing language scaffolded from the existing file, safely."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from odimpact.contrib import translate
from odimpact.publication.sanitise import sanitise
from odimpact.reading import read_case_file
from tests.contrib.conftest import validate_problems

FIXTURE = Path(__file__).parents[1] / "fixtures" / "valid" / "synthetic-bus-data"
CASE = "synthetic-bus-data"
# What validate reports right after scaffolding: exactly the texts the translator has to write.
LEFT_TO_TRANSLATE = [
    ("title", "schema-min-length"),
    ("summary", "schema-min-length"),
    ("place", "schema-min-length"),
    ("datasets[0].name", "schema-min-length"),
    ("datasets[0].publisher", "schema-min-length"),
    ("organisations[0].name", "schema-min-length"),
    ("organisations[1].name", "schema-min-length"),
    ("impacts[0].measure", "schema-min-length"),
    ("impacts[0].unit", "schema-min-length"),
    ("impacts[0].locator", "schema-min-length"),
    ("impacts[1].measure", "schema-min-length"),
    ("impacts[2].measure", "schema-min-length"),
    ("impacts[2].unit", "schema-min-length"),
    ("impacts[2].locator", "schema-min-length"),
    ("sources[0].publisher", "schema-min-length"),
    ("sources[1].publisher", "schema-min-length"),
    ("body", "body-too-short"),
]
# A synthetic translated section: the body's text is what a translator writes last.
SYNTHETIC_SECTION = ("Texte synthétique écrit pour la suite de tests. " * 8).strip()
TODAY = "2026-03-01"  # after the fixture's review date
EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "admonition",
    "tables",
    "footnotes",
    "toc",
    "pymdownx.superfences",
]


def problems(
    run_cli, cases_dir: Path, severity: str = "error", file: str = ""
) -> list[tuple[str, str]]:
    """(field, code) of the problems of one severity `odimpact validate` reports (in one file, if
    given), as of TODAY."""
    return validate_problems(run_cli, cases_dir, TODAY, severity, file)


def one_language_case(cases_dir: Path, lang: str, body_extra: str = "") -> Path:
    """The synthetic fixture with only its `lang` file, declared as awaiting translation."""
    folder = cases_dir / CASE
    folder.mkdir()
    text = (FIXTURE / f"index.{lang}.md").read_text(encoding="utf-8")
    path = folder / f"index.{lang}.md"
    path.write_text(
        text.replace("translation: complete", "translation: awaiting") + body_extra,
        encoding="utf-8",
    )
    return path


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.split("\n"), after.split("\n")
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new) if a != b]


def test_english_case_gets_a_french_scaffold_and_only_the_texts_are_left(run_cli, cases_dir):
    existing = one_language_case(cases_dir, "en")
    before = existing.read_text(encoding="utf-8")
    result = run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir))
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == [
        f"Créé\u00a0: cases/{CASE}/index.fr.md",
        f"Mis à jour\u00a0: cases/{CASE}/index.en.md\u00a0: «\u00a0translation: complete\u00a0»",
    ]
    assert changed_lines(before, existing.read_text(encoding="utf-8")) == [
        ("translation: awaiting", "translation: complete")
    ]
    french = (cases_dir / CASE / "index.fr.md").read_text(encoding="utf-8")
    assert (
        'title: ""  # original en anglais : Synthetic example: a fictional city opens its '
        "bus data\n"
    ) in french
    assert '  - name: ""  # original en anglais : Example Trips Inc.\n' in french
    assert "value: 1234.5\n" in french and "# sectors (obligatoire) : Un à trois secteurs" in french
    assert (
        "## Contexte {#context}" in french
        and "<!-- original en anglais :\n\nThis is a synthetic case" in french
    )
    assert problems(run_cli, cases_dir) == LEFT_TO_TRANSLATE
    assert problems(run_cli, cases_dir, "warning") == []


def test_a_descriptive_source_title_is_left_to_translate_and_a_documents_own_title_is_kept(
    run_cli, cases_dir
):
    existing = one_language_case(cases_dir, "en")
    existing.write_text(
        existing.read_text(encoding="utf-8").replace(
            '    title: "Synthetic source one"\n',
            '    title: "[Synthetic description of an untitled page]"\n'
            "    descriptive_title: true\n",
        ),
        encoding="utf-8",
    )
    assert run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir)).code == 0
    french = (cases_dir / CASE / "index.fr.md").read_text(encoding="utf-8")
    assert (
        'title: ""  # original en anglais : [Synthetic description of an untitled page]\n'
    ) in french
    assert '    title: "Synthetic source two"\n' in french  # the document's own title, as it is


def test_french_case_gets_an_english_scaffold_and_ui_lang_chooses_the_comments(run_cli, cases_dir):
    existing = one_language_case(cases_dir, "fr")
    result = run_cli(
        "new", "--translate", f"cases/{CASE}/", "--ui-lang", "en", "--cases-dir", str(cases_dir)
    )
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == f"Created cases/{CASE}/index.en.md"
    english = (cases_dir / CASE / "index.en.md").read_text(encoding="utf-8")
    assert 'summary: ""  # French original: Cas de test synthétique. Une ville fictive' in english
    assert (
        "# sectors (required): One to three sectors" in english and "## The data {#data}" in english
    )
    assert "translation: complete" in existing.read_text(encoding="utf-8")
    assert problems(run_cli, cases_dir) == LEFT_TO_TRANSLATE
    # The French original sits in HTML comments, which readers never see: no language warning.
    assert problems(run_cli, cases_dir, "warning") == []


def test_filling_in_the_translation_makes_the_case_valid(run_cli, cases_dir):
    one_language_case(cases_dir, "en")
    run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir))
    path = cases_dir / CASE / "index.fr.md"
    # Synthetic "translation": the original text itself, written into the empty value beside it.
    text = re.sub(
        r'""  # original en anglais : (.*)$',
        r'"Traduction synthétique : \1"',
        path.read_text(encoding="utf-8"),
        flags=re.M,
    )
    text = text.replace(
        "keywords: []  # original en anglais : bus, synthetic", "keywords: [autobus]"
    )
    # The summary is long enough for its language to be checked: it must read as French.
    french = (
        "Cas de test synthétique. Une ville fictive publie ses horaires d'autobus en données "
        "ouvertes."
    )
    text = re.sub(r"^summary: .*$", f'summary: "{french}"', text, count=1, flags=re.M)
    text = text.replace(
        "## Contexte {#context}\n", f"## Contexte {{#context}}\n\n{SYNTHETIC_SECTION}\n", 1
    )
    path.write_text(text, encoding="utf-8")
    assert problems(run_cli, cases_dir) == [] and problems(run_cli, cases_dir, "warning") == []


@pytest.mark.parametrize("state", ["missing", "empty-folder", "both"])
def test_refuses_a_case_that_does_not_exist_in_exactly_one_language(run_cli, cases_dir, state):
    if state != "missing":
        (cases_dir / CASE).mkdir()
    if state == "both":
        for lang in ("en", "fr"):
            shutil.copy(FIXTURE / f"index.{lang}.md", cases_dir / CASE)
    before = (
        {path.name: path.read_bytes() for path in (cases_dir / CASE).glob("*")}
        if state != "missing"
        else {}
    )
    result = run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir))
    assert result.code == 1
    if state == "both":
        assert result.err == (
            f"odimpact new --translate: cases/{CASE} already has both index.en.md and index.fr.md; "
            "nothing was written. To correct a translation, edit its file.\n"
            f"odimpact new --translate\u00a0: cases/{CASE} contient déjà index.en.md et "
            f"index.fr.md; "
            "rien n'a été écrit. Pour corriger une traduction, modifiez son fichier.\n"
        )
    else:
        assert result.err == (
            f"odimpact new --translate: there is no case cases/{CASE} (no index.en.md or "
            f"index.fr.md in it); "
            "nothing was written.\n"
            f"odimpact new --translate\u00a0: il n'y a pas d'étude de cas cases/{CASE} (ni "
            f"index.en.md ni "
            "index.fr.md); rien n'a été écrit.\n"
        )
    after = (
        {path.name: path.read_bytes() for path in (cases_dir / CASE).glob("*")}
        if state != "missing"
        else {}
    )
    assert after == before


def test_a_bad_id_is_a_usage_error(run_cli, cases_dir):
    result = run_cli(
        "new", "--translate", "../Escape", "--ui-lang", "fr", "--cases-dir", str(cases_dir)
    )
    assert result.code == 2
    assert result.err.startswith(
        "odimpact new --translate\u00a0: 'Escape' n'est pas un identifiant valide"
    )


def test_an_unreadable_existing_file_is_reported_and_nothing_written(run_cli, cases_dir):
    existing = one_language_case(cases_dir, "en")
    existing.write_text(
        existing.read_text(encoding="utf-8").replace("lang: en\n", "lang: en\nlang: en\n"),
        encoding="utf-8",
    )
    result = run_cli("new", "--translate", CASE, "--ui-lang", "en", "--cases-dir", str(cases_dir))
    assert result.code == 1
    assert result.err.endswith(
        f"fix the existing file first (see `odimpact validate cases/{CASE}`); nothing was "
        f"written.\n"
    )
    assert [path.name for path in (cases_dir / CASE).iterdir()] == ["index.en.md"]


def test_when_updating_the_existing_file_fails_the_new_file_is_removed(
    run_cli, cases_dir, monkeypatch
):
    existing = one_language_case(cases_dir, "en")
    before = existing.read_bytes()
    real_write = translate.write_atomic

    def failing_second_write(path: Path, text: str) -> None:
        if path == existing:
            raise PermissionError(13, "Permission denied")
        real_write(path, text)

    monkeypatch.setattr(translate, "write_atomic", failing_second_write)
    result = run_cli("new", "--translate", CASE, "--ui-lang", "en", "--cases-dir", str(cases_dir))
    assert result.code == 1
    assert result.err == (
        f"odimpact new --translate: could not write cases/{CASE}/index.fr.md (Permission "
        f"denied); nothing was changed.\n"
    )
    assert [path.name for path in (cases_dir / CASE).iterdir()] == [
        "index.en.md"
    ] and existing.read_bytes() == before


def test_an_unusual_layout_keeps_every_other_byte(run_cli, cases_dir):
    existing = one_language_case(cases_dir, "en")
    # Block lists at column 0, a quoted value and a comment: ruamel would re-indent the lists.
    text = existing.read_text(encoding="utf-8").replace(
        "sectors: [transport, economy-business]", "sectors:\n- transport\n- economy-business"
    )
    text = text.replace(
        "translation: awaiting", "translation: 'awaiting'   # until someone translates it"
    )
    existing.write_text(text, encoding="utf-8")
    assert run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir)).code == 0
    assert changed_lines(text, existing.read_text(encoding="utf-8")) == [
        (
            "translation: 'awaiting'   # until someone translates it",
            "translation: complete   # until someone translates it",
        )
    ]


def test_an_empty_optional_list_stays_empty(run_cli, cases_dir):
    existing = one_language_case(cases_dir, "en")
    text = existing.read_text(encoding="utf-8")
    start, end = text.index("impacts:\n"), text.index("sources:\n")
    existing.write_text(text[:start] + "impacts: []\n" + text[end:], encoding="utf-8")
    assert run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir)).code == 0
    assert "\n# impacts:\n" in (cases_dir / CASE / "index.fr.md").read_text(encoding="utf-8")
    assert problems(run_cli, cases_dir) == [
        item for item in LEFT_TO_TRANSLATE if not item[0].startswith("impacts")
    ]


HOSTILE_ORIGINAL = (
    "\n\nSECRET ORIGINAL --> <script>alert(1)</script> --!> <b>x</b> -- > <i>y</i> "
    "---> still secret\n\n## Annex {#annex}\n\nANNEX TEXT [s1]\n"
)


def test_the_commented_original_is_never_published(run_cli, cases_dir):
    one_language_case(cases_dir, "en", body_extra=HOSTILE_ORIGINAL)
    run_cli("new", "--translate", CASE, "--cases-dir", str(cases_dir))
    case = read_case_file(cases_dir / CASE / "index.fr.md", "x", "fr")
    # kept for the translator
    assert "ANNEX TEXT [s1]" in case.body and "## Annex {#annex}" in case.body
    # as case_page.py renders it
    for wrapped in (case.body, f'<div lang="en" markdown="1">\n\n{case.body}\n\n</div>'):
        html = sanitise(markdown.markdown(wrapped, extensions=EXTENSIONS))
        assert '<h2 id="context">Contexte</h2>' in html
        for secret in (
            "SECRET",
            "still secret",
            "<b>x",
            "<i>y",
            "ANNEX",
            "This is a synthetic case",
            "alert",
            "<!--",
        ):
            assert secret not in html
    # The <script> is an error in the English file; in the French one, inside the comment, it is
    # not.
    assert problems(run_cli, cases_dir, file="index.fr.md") == LEFT_TO_TRANSLATE
    assert ("body", "html-not-allowed") not in problems(
        run_cli, cases_dir, "warning", file="index.fr.md"
    )
