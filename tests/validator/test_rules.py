"""Every validator check has a named failing fixture with its exact expected output (both ways)."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

import pytest
import yaml

from odimpact import cli
from odimpact.problems import catalogue
from tests.validator.fixtures import EXPECTATION_FILES, build, expectations, mutations

TODAY = "2026-11-24"
ERROR = {"en": "error", "fr": "erreur"}
# Codes that no file on disk can trigger through the CLI, with the reason.
UNTESTABLE_CODES = {
    "file-unreadable": "needs an unreadable file; root (CI) reads everything",
    "front-matter-too-large": "covered in test_hostile.py (large input)",
    "file-too-large": "covered in test_hostile.py (large input)",
    "several-documents": "a second '---' closes the front matter first; kept for direct loader use",
    "complex-key": "covered by test_strict_yaml.py",
    "schema-pattern": "every pattern in the schema has its own message",
    "schema-other": "fallback for schema keywords the format does not use",
    "schema-min-items": "covered by test_cli.py",
    "schema-max-length": "covered by test_cli.py",
    "schema-minimum": "covered by test_cli.py",
    "schema-maximum": "covered by test_cli.py",
    "schema-unique": "covered by test_cli.py",
    "path-not-found": "a usage error (exit 2), covered by test_cli.py",
}


def run_validate(cases: Path, *extra: str, lang: str = "en") -> tuple[int, list[str]]:
    """Run `odimpact validate` in-process; returns the exit code and the problem lines."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(
            [
                "validate",
                "--cases-dir",
                str(cases),
                "--today",
                TODAY,
                "--lang",
                lang,
                "--jobs",
                "1",
                *extra,
            ]
        )
    lines = out.getvalue().splitlines()
    return code, [line for line in lines if not line.endswith(("warning(s).", "avertissement(s)."))]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(mutations()))
def test_fixture_gives_exactly_the_expected_problems(name: str, lang: str, tmp_path: Path) -> None:
    cases = build(tmp_path, name)
    code, lines = run_validate(cases, lang=lang)
    expected = expectations(lang)[name]
    assert lines == expected
    assert code == (1 if any(f": {ERROR[lang]}:" in line for line in expected) else 0)


def test_valid_fixture_has_no_problem(tmp_path: Path) -> None:
    code, lines = run_validate(build(tmp_path, None))
    assert (code, lines) == (0, [])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_fixture_has_an_expectation_and_the_reverse(lang: str) -> None:
    assert sorted(mutations()) == sorted(expectations(lang))


def test_every_message_code_has_a_failing_fixture() -> None:
    covered = {
        line.rsplit("[", 1)[1].rstrip("]") for lines in expectations().values() for line in lines
    }
    missing = set(catalogue()) - covered - set(UNTESTABLE_CODES)
    assert not missing, f"message codes without a failing fixture: {sorted(missing)}"
    assert not (set(UNTESTABLE_CODES) & covered), (
        "a code listed as untestable is in fact covered: remove it from the list"
    )


def test_every_message_exists_in_both_languages() -> None:
    for code, texts in catalogue().items():
        assert set(texts) == {"en", "fr"}, code
        assert texts["en"].count("{") == texts["fr"].count("{"), (
            f"{code}: placeholders differ between languages"
        )


# `python -m tests.validator.test_rules --write`: refresh expectations to review by hand
if __name__ == "__main__":
    import tempfile

    for language in ("en", "fr"):
        results = {}
        for fixture in sorted(mutations()):
            with tempfile.TemporaryDirectory() as tmp:
                results[fixture] = run_validate(build(Path(tmp), fixture), lang=language)[1]
        text = yaml.safe_dump(results, allow_unicode=True, sort_keys=True, width=1000)
        if "--write" in sys.argv:
            EXPECTATION_FILES[language].write_text(
                "# Expected output of each fixture in mutations.yml (reviewed by hand; "
                "regenerate with\n"
                "# `python -m tests.validator.test_rules --write` and read the diff before "
                "committing).\n" + text,
                encoding="utf-8",
            )
        else:
            print(text)
