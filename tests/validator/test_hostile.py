"""Bad input never produces a traceback and never hangs."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odimpact.layout import CaseFolder
from odimpact.problems import Problem
from odimpact.validation import check_case
from tests.validator.fixtures import VALID_CASE, build

TODAY = dt.date(2026, 11, 24)


def _check_bytes(tmp: Path, data: bytes) -> list[Problem]:
    folder = tmp / "cases" / "fuzz-case"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.en.md").write_bytes(data)
    return check_case(
        CaseFolder(folder, "cases/fuzz-case", {"en": folder / "index.en.md"}), TODAY, tmp
    ).problems


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(tmp_path: Path, data: bytes) -> None:
    problems = _check_bytes(tmp_path, b"---\n" + data)
    assert all(isinstance(p, Problem) and p.line >= 1 for p in problems)


VALID_EN = (VALID_CASE / "index.en.md").read_text(encoding="utf-8")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(0, len(VALID_EN)), insert=st.text(max_size=40))
def test_arbitrary_text_inserted_into_a_valid_case_never_crashes(
    tmp_path: Path, position: int, insert: str
) -> None:
    text = VALID_EN[:position] + insert + VALID_EN[position:]
    problems = _check_bytes(tmp_path, text.encode("utf-8", "surrogatepass"))
    for problem in problems:
        assert problem.message("en") and problem.message("fr")


def _run_cli(cases: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "odimpact.cli", "validate", "--cases-dir", str(cases)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        (
            f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
            f"*{chr(97 + i)}]\n"
        )
        for i in range(9)
    )
    (cases / "synthetic-bus-data" / "index.en.md").write_text(f"---\n{bomb}---\n", encoding="utf-8")
    result = _run_cli(cases)
    assert (
        result.returncode == 1 and "[alias]" in result.stdout and "Traceback" not in result.stderr
    )


def test_deep_nesting_does_not_crash_libyaml(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    for depth in (10_000, 50_000):
        (cases / "synthetic-bus-data" / "index.en.md").write_text(
            "---\na: " + "[" * depth + "]" * depth + "\n---\n", encoding="utf-8"
        )
        result = _run_cli(cases)
        assert result.returncode == 1 and "[too-deep]" in result.stdout, result.stderr[-500:]


def test_deep_block_nesting(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    text = "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(300)) + "---\n"
    (cases / "synthetic-bus-data" / "index.en.md").write_text(text, encoding="utf-8")
    result = _run_cli(cases)
    assert result.returncode == 1 and "[too-deep]" in result.stdout


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    with (cases / "synthetic-bus-data" / "index.en.md").open("wb") as handle:
        handle.write(b"---\nid: x\n---\n" + b"a" * (50 * 1024 * 1024))
    result = _run_cli(cases)
    assert result.returncode == 1 and "[file-too-large]" in result.stdout


def test_large_front_matter(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    (cases / "synthetic-bus-data" / "index.en.md").write_text(
        "---\n" + "k: v\n" * 60_000 + "---\n", encoding="utf-8"
    )
    result = _run_cli(cases)
    assert result.returncode == 1 and "[front-matter-too-large]" in result.stdout


def test_folder_with_dot_dot_and_lookalikes(tmp_path: Path) -> None:
    cases = build(tmp_path, None)
    for name in ("..hidden", "sуnthetic-bus"):  # the second uses a Cyrillic 'у'
        (cases / name).mkdir()
        (cases / name / "index.en.md").write_text("---\n---\n", encoding="utf-8")
    result = _run_cli(cases)
    assert result.returncode == 1
    assert result.stdout.count("[bad-folder-name]") == 2
