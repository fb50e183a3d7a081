"""The example cases pass the validator with no error and no warning; the real corpus with no error,
and no warning but the evidence gaps that `odimpact report` counts (missing baselines, archives)."""

from __future__ import annotations

import contextlib
import io

from odimpact import cli
from odimpact.paths import CASES_DIR, REPO_ROOT

EXAMPLES = REPO_ROOT / "tests" / "fixtures" / "valid"


def _validate(cases_dir: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["validate", "--cases-dir", cases_dir, "--lang", "en"])
    return code, out.getvalue()


def test_synthetic_examples_are_valid() -> None:
    code, output = _validate(str(EXAMPLES))
    assert code == 0 and output.strip().endswith("0 error(s), 0 warning(s)."), output


# Gaps in what the sources give, not mistakes in the files: counted by `odimpact report`.
COUNTED_GAPS = ("[figure-baseline-missing]", "[source-not-archived]")


def test_real_cases_have_no_error_and_only_counted_gaps() -> None:
    code, output = _validate(str(CASES_DIR))
    lines = output.strip().splitlines()
    assert code == 0 and " 0 error(s)" in lines[-1], output
    assert [line for line in lines[:-1] if not line.endswith(COUNTED_GAPS)] == [], output
    assert int(lines[-1].split()[0]) >= 2, "the corpus should not be empty"
