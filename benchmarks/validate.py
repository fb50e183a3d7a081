"""Validation benchmark: `python -m benchmarks.validate [N]` (default 10,000 bilingual cases).

Prints, for the same synthetic files in one run: reading them, parsing their front matter with
libyaml alone (the floor), full validation in-process with 1 and 2 workers, and one changed case
validated end to end through the command line (process start included).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from odimpact.layout import discover
from odimpact.validation import all_case_ids, validate
from tests.synthetic import write_corpus


def _timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cases = root / "cases"
        write_corpus(cases, count)
        files = sorted(cases.glob("*/index.*.md"))
        read_s, texts = _timed(lambda: [f.read_text(encoding="utf-8") for f in files])
        parse_s, _ = _timed(
            lambda: [yaml.load(t.split("---\n", 2)[1], Loader=yaml.CSafeLoader) for t in texts]
        )
        folders, layout = discover(cases, root)
        ids = all_case_ids(cases)
        today = dt.date.today()
        one_s, report1 = _timed(lambda: validate(folders, layout, ids, today, root, jobs=1))
        two_s, report2 = _timed(lambda: validate(folders, layout, ids, today, root, jobs=2))
        assert report1.errors == report2.errors == 0, "synthetic corpus must be valid"
        command = [
            sys.executable,
            "-m",
            "odimpact.cli",
            "validate",
            "--cases-dir",
            str(cases),
            str(folders[0].path),
        ]
        single_s, result = _timed(
            lambda: subprocess.run(command, capture_output=True, text=True, check=False)
        )
        assert result.returncode == 0, result.stdout + result.stderr
    print(
        f"validation benchmark: {count} bilingual cases ({len(files)} files), "
        f"{platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today()}"
    )
    print(f"  read files only                 {read_s:7.2f} s")
    print(f"  libyaml parse only (floor)      {parse_s:7.2f} s")
    print(
        f"  full validation, 1 process      {one_s:7.2f} s  ({one_s / parse_s:.2f}x the "
        f"libyaml parse)"
    )
    print(
        f"  full validation, 2 processes    {two_s:7.2f} s  ({two_s / parse_s:.2f}x the "
        f"libyaml parse)"
    )
    print(f"  one changed case, CLI end to end {single_s:6.2f} s")


if __name__ == "__main__":
    main()
