"""Shared helpers for the contributor-workflow tests: run the CLI in-process on a temporary cases/
folder."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from odimpact import cli

TODAY = "2026-01-10"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cases_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    return folder


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `odimpact ARGS` with optional stdin; returns exit code and captured output."""

    def run(*args: str, stdin: str = "") -> Result:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse usage errors
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def validate_problems(
    run_cli, cases_dir: Path, today: str = TODAY, severity: str = "", file: str = ""
) -> list[tuple[str, str]]:
    """(field, code) of what `odimpact validate` reports on `cases_dir` as of `today`: of one
    severity if given, in one file if given."""
    result = run_cli(
        "validate",
        "--cases-dir",
        str(cases_dir),
        "--format",
        "json",
        "--today",
        today,
        "--lang",
        "en",
    )
    return [
        (problem["field"], problem["code"])
        for problem in json.loads(result.out)["problems"]
        if problem["severity"] == (severity or problem["severity"])
        and problem["path"].endswith(file)
    ]
