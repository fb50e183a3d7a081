"""The evidence migration writes decisions into both files, keeps everything else byte for byte,
and changes nothing the second time."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from odimpact.contrib.migrate_evidence import migrate
from odimpact.layout import discover
from odimpact.paths import REPO_ROOT
from odimpact.validation import all_case_ids, validate

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"
CASE = FIXTURE.name
# The fixture as it was before the evidence model: no kinds, no independence, old source kinds.
OLD_FIELDS = (
    "    kind: use\n",
    "    qualifier: more-than\n",
    "    kind: output\n",
    "    independence: independent\n",
    "    independence: data-publisher\n",
    "    accessed: 2026-01-10\n",
)
DECISIONS = {
    "impacts": [
        {
            "kind": "use",
            "qualifier": "more-than",
            "locator": {"en": "paragraph 2", "fr": "paragraphe 2"},
        },
        {"kind": "output"},
        {"kind": "outcome"},
    ],
    "sources": [
        {"kind": "news", "independence": "independent", "accessed": "2026-01-10"},
        {"kind": "official", "independence": "data-publisher", "accessed": "2026-01-10"},
    ],
    "rerate": {"en": "Synthetic reason for the rating.", "fr": "Raison synthétique du niveau."},
}


@pytest.fixture
def old_case(tmp_path: Path) -> Path:
    """The synthetic pair with the evidence fields removed and a comment to keep."""
    cases = tmp_path / "cases"
    shutil.copytree(FIXTURE, cases / CASE)
    for lang in ("en", "fr"):
        path = cases / CASE / f"index.{lang}.md"
        text = path.read_text(encoding="utf-8")
        for line in OLD_FIELDS:
            text = text.replace(line, "", 1)
        text = text.replace("    kind: official\n", "    kind: government-report  # an old kind\n")
        path.write_text(text, encoding="utf-8")
    return cases


def _decisions(tmp_path: Path) -> Path:
    folder = tmp_path / "decisions"
    folder.mkdir()
    (folder / f"{CASE}.yml").write_text(
        yaml.safe_dump(DECISIONS, allow_unicode=True), encoding="utf-8"
    )
    return folder


def test_decisions_are_written_and_the_case_validates(old_case: Path, tmp_path: Path) -> None:
    changed = migrate(_decisions(tmp_path), old_case)
    assert sorted(path.name for path in changed) == ["index.en.md", "index.fr.md"]
    english = (old_case / CASE / "index.en.md").read_text(encoding="utf-8")
    assert (
        "  - measure: Trip-planner downloads\n    kind: use\n    qualifier: more-than\n" in english
    )
    # The old value's comment stays on its line; the new keys follow in the format's order.
    assert re.search(
        (
            r"\n    kind: official +# an old kind\n    independence: data-publisher\n    "
            r"accessed: 2026-01-10\n"
        ),
        english,
    )
    assert '    kind: news\n    independence: independent\n    accessed: "2026-01-10"\n' in english
    assert "Synthetic reason for the rating.\n\n## Lessons {#lessons}" in english
    assert "Raison synthétique du niveau." in (old_case / CASE / "index.fr.md").read_text(
        encoding="utf-8"
    )
    folders, layout = discover(old_case, tmp_path)
    report = validate(folders, layout, all_case_ids(old_case), root=tmp_path, jobs=1)
    assert report.errors == 0, [problem.code for problem in report.problems]


def test_a_second_run_changes_nothing(old_case: Path, tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    migrate(decisions, old_case)
    before = {path: path.read_bytes() for path in old_case.rglob("*.md")}
    assert migrate(decisions, old_case) == []
    assert {path: path.read_bytes() for path in old_case.rglob("*.md")} == before


def test_decisions_must_match_the_items_one_for_one(old_case: Path, tmp_path: Path) -> None:
    decisions = _decisions(tmp_path)
    (decisions / f"{CASE}.yml").write_text(
        yaml.safe_dump({**DECISIONS, "sources": [{"kind": "news"}]}), encoding="utf-8"
    )
    with pytest.raises(SystemExit, match="1 decision\\(s\\) for 2 item\\(s\\)"):
        migrate(decisions, old_case)
