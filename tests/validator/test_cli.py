"""The validate command's interface: exit codes, output formats, languages, changed-only mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.validator.fixtures import build
from tests.validator.test_rules import TODAY, run_validate

ODIMPACT = [sys.executable, "-m", "odimpact.cli"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_usage_error_exits_2(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    result = subprocess.run(
        [*ODIMPACT, "validate", "--cases-dir", str(cases), str(tmp_path / "nope")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "nope: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_exits_2() -> None:
    result = subprocess.run(
        [*ODIMPACT, "validate", "--no-such-option"], capture_output=True, text=True
    )
    assert result.returncode == 2


def test_json_output_is_stable(tmp_path: Path) -> None:
    cases = build(tmp_path, "schema_vocabulary_misspelt")
    code, lines = run_validate(cases, "--format", "json")
    document = json.loads("\n".join(lines))
    assert code == 1
    assert document == {
        "files_checked": 2,
        "errors": 1,
        "warnings": 0,
        "problems": [
            {
                "path": "cases/synthetic-bus-data/index.en.md",
                "line": 12,
                "column": 22,
                "severity": "error",
                "code": "schema-vocabulary",
                "field": "sectors[1]",
                "message": "'economy-busines' is not a valid sector value (did you mean "
                "'economy-business'?). "
                "Allowed values are listed in schema/vocabularies/sectors.yml.",
            }
        ],
    }


def test_github_annotations(tmp_path: Path) -> None:
    cases = build(tmp_path, "schema_vocabulary_misspelt")
    code, lines = run_validate(cases, "--format", "github")
    assert code == 1
    assert lines == [
        "::error "
        "file=cases/synthetic-bus-data/index.en.md,line=12,col=22,title=schema-vocabulary "
        "(sectors[1])::"
        "sectors[1]: 'economy-busines' is not a valid sector value (did you mean "
        "'economy-business'?). "
        "Allowed values are listed in schema/vocabularies/sectors.yml."
    ]


def test_messages_in_french(tmp_path: Path) -> None:
    cases = build(tmp_path, "schema_vocabulary_misspelt")
    result = subprocess.run(
        [*ODIMPACT, "validate", "--cases-dir", str(cases), "--today", TODAY, "--lang", "fr"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "cases/synthetic-bus-data/index.en.md:12:22: erreur: sectors[1]: 'economy-busines' "
        "n'est pas une valeur "
        "permise pour «\u00a0Secteur\u00a0» (vouliez-vous dire 'economy-business'?). Les "
        "valeurs permises figurent dans "
        "schema/vocabularies/sectors.yml. [schema-vocabulary]",
        "2 fichier(s) vérifié(s)\u00a0: 1 erreur(s), 0 avertissement(s).",
    ]


def test_language_defaults_to_locale(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    env = {"PATH": "/usr/bin:/bin", "LANG": "fr_CA.UTF-8"}
    result = subprocess.run(
        [*ODIMPACT, "validate", "--cases-dir", str(cases), "--today", TODAY],
        capture_output=True,
        text=True,
        env=env,
    )
    assert (
        result.stdout.strip() == "2 fichier(s) vérifié(s)\u00a0: 0 erreur(s), 0 avertissement(s)."
    )


def test_warnings_alone_exit_0(tmp_path: Path) -> None:
    code, lines = run_validate(build(tmp_path, "rule_summary_markup"))
    assert code == 0 and len(lines) == 1 and ": warning:" in lines[0]


def test_single_path_and_file_path(tmp_path: Path) -> None:
    cases = build(tmp_path, "schema_vocabulary_misspelt")
    code_dir, lines_dir = run_validate(cases, str(cases / "synthetic-bus-data"))
    code_file, lines_file = run_validate(cases, str(cases / "synthetic-bus-data" / "index.fr.md"))
    assert code_dir == code_file == 1
    assert lines_dir == lines_file  # a file path validates its whole case (both languages)


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("reusers: [business]", "reusers: []", "schema-min-items"),
        ("place: Exampleville", "place: " + "x" * 121, "schema-max-length"),
        ("evidence_strength: 1", "evidence_strength: 0", "schema-vocabulary"),
        ("    year: 2016", "    year: 1800", "schema-minimum"),
        ("    year: 2016", "    year: 2200", "schema-maximum"),
        ("reusers: [business]", "reusers: [business, business]", "schema-unique"),
    ],
)
def test_schema_limits(tmp_path: Path, old: str, new: str, code: str) -> None:
    cases = build(tmp_path, None)
    _edit(cases / "synthetic-bus-data" / "index.en.md", old, new)
    exit_code, lines = run_validate(cases)
    assert exit_code == 1
    assert any(line.endswith(f"[{code}]") for line in lines), lines


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_changed_since_checks_only_changed_cases(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    second = cases / "synthetic-bus-copy"
    second.mkdir()
    for lang in ("en", "fr"):
        text = (cases / "synthetic-bus-data" / f"index.{lang}.md").read_text(encoding="utf-8")
        (second / f"index.{lang}.md").write_text(
            text.replace("id: synthetic-bus-data", "id: synthetic-bus-copy"), encoding="utf-8"
        )
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.email=t@example.org", "-c", "user.name=t", "add", "-A")
    _git(tmp_path, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-qm", "base")
    _edit(second / "index.en.md", "reusers: [business]", "reusers: [busines]")
    code, lines = run_validate(cases, "--changed-since", "HEAD")
    assert code == 1
    assert [line.split(":")[0] for line in lines] == ["cases/synthetic-bus-copy/index.en.md"]
    result = subprocess.run(
        [*ODIMPACT, "validate", "--cases-dir", str(cases), "--changed-since", "no-such-ref"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "no-such-ref" in result.stderr


def test_validator_never_writes_to_cases(tmp_path: Path) -> None:
    cases = build(tmp_path, "pair_neutral_mismatch")
    before = {p: p.read_bytes() for p in cases.rglob("*") if p.is_file()}
    run_validate(cases)
    assert {p: p.read_bytes() for p in cases.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_markdown_output_is_a_table_contributor_text_cannot_break(
    tmp_path: Path, lang: str
) -> None:
    cases = build(tmp_path, None)
    english = next(cases.glob("*/index.en.md"))
    _edit(english, "reusers: [business]", 'reusers: ["a|b <script>x</script> `c` *d*"]')
    code, lines = run_validate(cases, "--format", "markdown", "--lang", lang)
    assert code == 1
    assert (
        lines[0]
        == {
            "en": "### Validation of the changed cases",
            "fr": "### Validation des études de cas modifiées",
        }[lang]
    )
    rows = [line for line in lines if line.startswith("| ") and "schema-vocabulary" in line]
    assert len(rows) == 1
    row = rows[0]
    assert row.count(" | ") == 3  # four cells: the value's own | is escaped
    assert "a\\|b &lt;script&gt;x&lt;/script&gt; \\`c\\` \\*d\\*" in row and "<script>" not in row
