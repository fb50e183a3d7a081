"""No invented facts: every URL and every figure in the real cases comes from the research notes.

The notes live beside the repository (../shared/research/canadian-cases.md), as in CI. This is a
guard, not a proof: a figure passes when the same number appears somewhere in the notes.
"""
from __future__ import annotations

import re
from functools import cache

import pytest

from odimpact.corpus import load_corpus
from odimpact.paths import REPO_ROOT

NOTES = REPO_ROOT.parent / "shared" / "research" / "canadian-cases.md"


@cache
def notes() -> str:
    assert NOTES.is_file(), f"research notes not found at {NOTES}: the provenance tests need ../shared beside the clone"
    return NOTES.read_text(encoding="utf-8")


def _figure_forms(value: float) -> set[str]:
    """Ways the notes may write a number: 1303, 1,303, 20.7B, 1.4M, 3 trillion..."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    forms = {str(value)}
    if isinstance(value, int):
        forms.add(f"{value:,}")
    for divisor, suffixes in ((1e12, (" trillion",)), (1e9, ("B", " billion")), (1e6, ("M", " million")), (1e3, ("K",))):
        if abs(value) >= divisor:
            forms.update(f"{value / divisor:g}{suffix}" for suffix in suffixes)
    return forms


CASES = load_corpus().cases


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_url_is_in_the_notes(case) -> None:
    for lang in case.languages():
        meta = case.meta(lang)
        for group in ("sources", "datasets", "organisations"):
            for item in meta.get(group, []):
                url = item.get("url")
                if url:
                    bare = re.sub(r"^https?://", "", url).rstrip("/")
                    assert bare in notes() or bare.removeprefix("www.") in notes(), f"{lang} {group}: {url}"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_figure_is_in_the_notes(case) -> None:
    for lang in case.languages():
        for impact in case.meta(lang).get("impacts", []):
            for key in ("value", "min", "max"):
                if key in impact:
                    assert _figure_forms(impact[key]) & {f for f in _figure_forms(impact[key]) if f in notes()}, \
                        f"{lang} impacts: {impact['measure']} = {impact[key]} not found in the notes"


def test_the_guard_can_fail() -> None:
    assert not {f for f in _figure_forms(987654321.5) if f in notes()}
