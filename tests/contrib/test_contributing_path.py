"""CONTRIBUTING's path, followed as written (in both languages): the scaffold example, then validate,
translate and sync, on a throwaway cases folder. Each command is taken from the guide's text."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def guide_command(guide: str, starts: str) -> list[str]:
    """The first command of the guide that starts with `starts` (after `.venv/bin/` or a backtick)."""
    text = (REPO / guide).read_text(encoding="utf-8")
    match = re.search(rf"(?:\.venv/bin/|`)({re.escape(starts)}[^`#\n]*)", text)
    assert match, f"{guide} no longer shows `{starts}`"
    return shlex.split(match.group(1).strip())[1:]  # without "odimpact"


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.fr.md"])
def test_the_guides_path_works_as_written(run_cli, cases_dir: Path, guide: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cases_dir.name == "cases"
    monkeypatch.chdir(cases_dir.parent)  # where a contributor stands: the checkout, with cases/ in it
    new = guide_command(guide, "odimpact new --lang")
    new = [("Synthetic title for the guide's example" if arg == "..." else arg) for arg in new]
    case_id = new[new.index("--id") + 1]
    assert run_cli(*new, "--cases-dir", str(cases_dir)).code == 0
    validate = [arg.replace("<id>", case_id) for arg in guide_command(guide, "odimpact validate cases/<id>")]
    result = run_cli(*validate, "--cases-dir", str(cases_dir))
    assert result.code == 1 and "schema-min-length" in result.out  # what is left to write, said as problems
    translate = [arg.replace("<id>", case_id) for arg in guide_command(guide, "odimpact new --translate <id>")]
    assert run_cli(*translate, "--cases-dir", str(cases_dir)).code == 0
    assert sorted(path.name for path in (cases_dir / case_id).iterdir()) == ["index.en.md", "index.fr.md"]
    sync = [arg.replace("<id>", case_id) for arg in guide_command(guide, "odimpact sync <id> --from")]
    assert run_cli(*sync, "--check", "--cases-dir", str(cases_dir)).code in (0, 1)  # parsed and run, not refused (2)
