"""No invented facts: every figure in the real cases can be traced.

Provenance lives in the repository: a figure's `quote` is copied from its source and the validator
proves the figure is in it (tests/validator/test_examples.py runs it on the real corpus), and a
source's `accessed` date says when an editor read it. Figures and sources without that trace must
come from the editors' research notes, which live beside the repository (../shared/research/) on
the editors' machines only: that extra check runs when the notes are there and is skipped, with the
reason shown, on a clone without them. It is a guard, not a proof: a figure passes when the same
number appears somewhere in the notes.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from odimpact.corpus import load_corpus
from odimpact.evidence import figure_values, is_verified
from odimpact.paths import REPO_ROOT
from odimpact.quoted_numbers import figure_in_text

NOTES_DIR = REPO_ROOT.parent / "shared" / "research"
needs_notes = pytest.mark.skipif(
    not NOTES_DIR.is_dir(),
    reason=f"the editors' research notes are not beside this clone ({NOTES_DIR})",
)

CASES = load_corpus().cases


@cache
def notes() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(NOTES_DIR.glob("*.md")))


def _bare(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_figure_is_quoted_or_unverified_by_name(case) -> None:
    """A figure without a quote is allowed (the report lists it as unverified) but never a quote
    that misses it."""
    for lang in case.languages():
        for figure in case.meta(lang).get("impacts", []):
            if "quote" in figure:
                assert is_verified(figure), (
                    f"{lang}: {figure['measure']}: the quote does not contain the figure"
                )


@needs_notes
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_unread_sources_are_in_the_notes(case) -> None:
    """A source with no access date was not read by an editor for this version: it must come from
    the notes."""
    for lang in case.languages():
        meta = case.meta(lang)
        for item in meta.get("sources", []):
            if "accessed" not in item:
                assert _bare(item["url"]) in notes(), (
                    f"{lang}: {item['url']} is not in the notes and has no access date"
                )


@needs_notes
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_unquoted_figures_are_in_the_notes(case) -> None:
    for lang in case.languages():
        for figure in case.meta(lang).get("impacts", []):
            if "quote" not in figure:
                for key, value in figure_values(figure):
                    assert figure_in_text(value, notes()), (
                        f"{lang}: {figure['measure']} {key} = {value} is not in the notes"
                    )


@needs_notes
def test_the_notes_guard_can_fail() -> None:
    assert not figure_in_text(987654321.5, notes())
    assert _bare("https://example.org/never-a-source") not in notes()
