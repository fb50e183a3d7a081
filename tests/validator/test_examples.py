"""The example cases and the real corpus pass the validator with no error and no warning."""
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


def test_real_cases_have_no_error_and_no_warning() -> None:
    code, output = _validate(str(CASES_DIR))
    assert code == 0 and output.strip().endswith("0 error(s), 0 warning(s)."), output
    assert int(output.split()[0]) >= 2, "the corpus should not be empty"
