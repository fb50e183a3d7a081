"""The data dictionary documents every export column and every allowed value, in both languages."""

from __future__ import annotations

import pytest

from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS
from odimpact.publication.dictionary import cell, render_dictionary
from odimpact.vocabularies import load_vocabularies

HREF = "../../data/".__add__


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_column_and_allowed_value_is_documented(lang: str) -> None:
    page = render_dictionary(lang, HREF, "../../reference/format/")
    for column in CASE_COLUMNS + IMPACT_COLUMNS:
        assert f"| `{column.name}` |" in page, column.name
    for name in ("sectors", "jurisdictions", "evidence-levels", "source-kinds", "licences"):
        for term in load_vocabularies()[name].terms:
            assert f"| `{term.id}` | {cell(term.label[lang])} |" in page, (name, term.id)


def test_languages_differ_where_readers_read() -> None:
    english, french = (
        render_dictionary(lang, HREF, "../../reference/format/") for lang in ("en", "fr")
    )
    assert english.startswith("# Data dictionary\n") and french.startswith(
        "# Dictionnaire de données\n"
    )
    assert '<a href="../../data/cases.csv"><code>cases.csv</code></a>' in french
    assert '<a href="../../reference/format/">référence du format</a>' in french
    assert "Un à trois secteurs" in french and "One to three sectors" in english
    assert english.count("\n") == french.count("\n")
