"""CONTRIBUTING's path, followed as written (in both languages): the scaffold example, then
validate,
translate and sync, on a throwaway cases folder. Each command is taken from the guide's text."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def guide_command(guide: str, starts: str) -> list[str]:
    """The first command of the guide that starts with `starts` (after `.venv/bin/` or a
    backtick)."""
    text = (REPO / guide).read_text(encoding="utf-8")
    match = re.search(rf"(?:\.venv/bin/|`)({re.escape(starts)}[^`#\n]*)", text)
    assert match, f"{guide} no longer shows `{starts}`"
    return shlex.split(match.group(1).strip())[1:]  # without "odimpact"


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.fr.md"])
def test_the_guides_path_works_as_written(
    run_cli, cases_dir: Path, guide: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cases_dir.name == "cases"
    # where a contributor stands: the checkout, with cases/ in it
    monkeypatch.chdir(cases_dir.parent)
    new = guide_command(guide, "odimpact new --lang")
    new = [("Synthetic title for the guide's example" if arg == "..." else arg) for arg in new]
    case_id = new[new.index("--id") + 1]
    assert run_cli(*new, "--cases-dir", str(cases_dir)).code == 0
    validate = [
        arg.replace("<id>", case_id) for arg in guide_command(guide, "odimpact validate cases/<id>")
    ]
    result = run_cli(*validate, "--cases-dir", str(cases_dir))
    # what is left to write, said as problems
    assert result.code == 1 and "schema-min-length" in result.out
    translate = [
        arg.replace("<id>", case_id)
        for arg in guide_command(guide, "odimpact new --translate <id>")
    ]
    assert run_cli(*translate, "--cases-dir", str(cases_dir)).code == 0
    assert sorted(path.name for path in (cases_dir / case_id).iterdir()) == [
        "index.en.md",
        "index.fr.md",
    ]
    sync = [
        arg.replace("<id>", case_id) for arg in guide_command(guide, "odimpact sync <id> --from")
    ]
    # parsed and run, not refused (2)
    assert run_cli(*sync, "--check", "--cases-dir", str(cases_dir)).code in (0, 1)


def mistakes(guide: str) -> list[tuple[str, str]]:
    """(what the guide shows written, the code it says validate answers) for each row of its table
    of the commonest mistakes."""
    text = (REPO / guide).read_text(encoding="utf-8")
    rows = re.findall(r"^\| [^|]+ \| `([^`]+)`[^|]* \| `\[([a-z-]+)\]`", text, flags=re.MULTILINE)
    assert len(rows) == 5, f"{guide}: the table of the five commonest mistakes"
    return rows


def make_mistake(text: str, written: str) -> str:
    """Put into a valid case file what the guide shows written: a field's line replaced, a
    citation swapped in, or a heading deleted."""
    field = re.match(r"([a-z_]+): ", written)
    if field:
        return re.sub(
            rf"^{field.group(1)}: .*$", lambda _: written, text, count=1, flags=re.MULTILINE
        )
    cited = re.search(r"\[(s\d+)\]", written)
    if cited:
        return text.replace("[s1]", f"[{cited.group(1)}]", 1)
    assert written.startswith("## ") and written in text
    return text.replace(written + "\n", "", 1)


@pytest.mark.parametrize(
    ("guide", "lang"), [("CONTRIBUTING.md", "en"), ("CONTRIBUTING.fr.md", "fr")]
)
def test_each_common_mistake_gets_one_message(
    run_cli, cases_dir: Path, guide: str, lang: str
) -> None:
    import shutil

    for written, code in mistakes(guide):
        case = cases_dir / "synthetic-bus-data"
        shutil.rmtree(case, ignore_errors=True)
        shutil.copytree(REPO / "tests" / "fixtures" / "valid" / "synthetic-bus-data", case)
        path = case / f"index.{lang}.md"
        original = path.read_text(encoding="utf-8")
        path.write_text(make_mistake(original, written), encoding="utf-8")
        assert path.read_text(encoding="utf-8") != original, written
        result = run_cli(
            "validate", "--cases-dir", str(cases_dir), "--lang", lang, "--format", "json"
        )
        problems = json.loads(result.out)["problems"]
        assert [(p["code"], p["path"]) for p in problems] == [
            (code, f"cases/synthetic-bus-data/index.{lang}.md")
        ], written


@pytest.mark.slow
@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.fr.md"])
def test_the_guides_draft_and_an_imported_proposal_never_stop_the_build(
    run_cli, cases_dir: Path, guide: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guide's scaffold (a draft still to write) and a proposal imported as the guide says sit
    beside a published case: the site builds, with the published case only."""
    import shutil

    monkeypatch.chdir(cases_dir.parent)
    shutil.copytree(
        REPO / "tests" / "fixtures" / "valid" / "synthetic-bus-data",
        cases_dir / "synthetic-bus-data",
    )
    new = [
        ("Synthetic title for the guide's example" if arg == "..." else arg)
        for arg in guide_command(guide, "odimpact new --lang")
    ]
    assert run_cli(*new, "--cases-dir", str(cases_dir)).code == 0
    proposal = (REPO / "tests" / "contrib" / "data" / "synthetic-proposal.md").read_text(
        encoding="utf-8"
    )
    imported = [
        ("-" if arg in ("FILE|-", "FICHIER|-") else arg)
        for arg in guide_command(guide, "odimpact import-issue ")
    ]
    assert run_cli(*imported, "--cases-dir", str(cases_dir), stdin=proposal).code == 0
    drafts = sorted(path.name for path in cases_dir.iterdir() if path.name != "synthetic-bus-data")
    assert len(drafts) == 2
    result = run_cli(
        "build",
        "--cases",
        str(cases_dir),
        "--out",
        str(tmp_path / "site"),
        "--no-search",
        "--lang",
        "en",
    )
    assert result.code == 0, result.err[-2000:]
    assert "error(s) in draft cases" in result.err
    assert (tmp_path / "site" / "cases" / "synthetic-bus-data" / "index.html").is_file()
    assert not any((tmp_path / "site" / "cases" / draft).exists() for draft in drafts)
