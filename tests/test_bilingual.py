"""English and French are equal: every string catalogue has both languages for every entry."""
from __future__ import annotations

import importlib
import re

import pytest

from odimpact.problems import catalogue

# (module, attribute) of each catalogue of reader- or contributor-facing strings: {key: {en, fr}}.
CATALOGUES = [
    ("odimpact.site.strings", "STRINGS"),
    ("odimpact.contrib.choices", "MESSAGES"),
]
PLACEHOLDER = re.compile(r"\{([a-z_]+?)(?:_en|_fr)?(?:![rs])?(?::[^}]*)?\}")  # {kind_en} pairs with {kind_fr}


def _all() -> list[tuple[str, str, dict[str, str]]]:
    entries = [("messages.yml", code, texts) for code, texts in catalogue().items()]
    for module, attribute in CATALOGUES:
        for key, texts in getattr(importlib.import_module(module), attribute).items():
            entries.append((module, key, texts))
    return entries


@pytest.mark.parametrize(("where", "key", "texts"), _all(), ids=[f"{w}:{k}" for w, k, _ in _all()])
def test_entry_exists_in_both_languages(where: str, key: str, texts: dict[str, str]) -> None:
    assert isinstance(texts, dict), f"{where}:{key} is not a {{en, fr}} mapping"
    assert set(texts) >= {"en", "fr"}, f"{where}:{key} lacks a language"
    assert texts["en"].strip() and texts["fr"].strip(), f"{where}:{key} has an empty translation"
    assert sorted(PLACEHOLDER.findall(texts["en"])) == sorted(PLACEHOLDER.findall(texts["fr"])), \
        f"{where}:{key}: placeholders differ between English and French"


def test_catalogues_are_not_empty() -> None:
    assert len(_all()) > 100
