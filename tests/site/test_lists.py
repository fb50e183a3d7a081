"""Lists are in the order readers of each language expect: accents and case do not push a name to
the end, and jurisdictions go by their names in the page's language, the federal government
first."""

from __future__ import annotations

import re
from pathlib import Path

from odimpact.corpus import Case, Corpus
from odimpact.publication.context import make_context
from odimpact.publication.formatting import collation_key
from odimpact.publication.overviews import facet_index


def test_accents_and_case_only_break_ties() -> None:
    names = [
        "Yukon",
        "Île-du-Prince-Édouard",
        "colombie-Britannique",
        "Manitoba",
        "Éducation",
        "Ecole",
    ]
    assert sorted(names, key=collation_key) == [
        "colombie-Britannique",
        "Ecole",
        "Éducation",
        "Île-du-Prince-Édouard",
        "Manitoba",
        "Yukon",
    ]


def test_jurisdictions_are_listed_by_name_in_each_language() -> None:
    ctx = make_context(Corpus([]))
    codes = ctx.terms("jurisdiction")
    groups = {code: [Case(f"synthetic-{code.lower()}", Path("."))] for code in codes}
    for lang, first_provinces in (
        ("en", ["Alberta", "British Columbia", "Manitoba"]),
        ("fr", ["Alberta", "Colombie-Britannique", "Île-du-Prince-Édouard"]),
    ):
        html = facet_index(ctx, "jurisdiction", groups, lang).meta["odimpact"]["fills"]
        labels = re.findall(r'<a href="[^"]+">([^<]+)</a>', "".join(html.values()))
        assert labels[0] == ctx.vocabularies["jurisdictions"].label("CA", lang)
        assert labels[1:4] == first_provinces, labels
        assert len(labels) == len(codes)
