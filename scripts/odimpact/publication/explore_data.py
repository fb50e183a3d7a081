"""The data the Explore page filters in the browser: facets with their labels, each published case
reduced to what the filters and the sort need, and where the downloads' rows are (cases.csv).
Compact on purpose: the page fetches it on every visit (10,000 cases must stay a reasonable
download)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from odimpact.corpus import Case
from odimpact.evidence import independent_sources, strongest_kind
from odimpact.places import places_of_effect
from odimpact.publication.columns import CASE_COLUMNS
from odimpact.publication.context import as_dicts
from odimpact.publication.datapackage import field_type
from odimpact.publication.exports import CASES_CSV
from odimpact.publication.strings import text
from odimpact.vocabularies import load_vocabularies

# URL key -> (front-matter field, vocabulary); order is the order of the facets on the page.
FACETS: dict[str, tuple[str, str]] = {
    "sector": ("sectors", "sectors"),
    "jurisdiction": ("jurisdiction", "jurisdictions"),
    "effects": ("effects_in", "jurisdictions"),
    "level": ("government_level", "government-levels"),
    "impact": ("impact_types", "impact-types"),
    "dimension": ("impact_dimensions", "impact-dimensions"),
    "evidence": ("evidence_strength", "evidence-levels"),
    "strongest": ("strongest_figure", "figure-kinds"),
    "kind": ("impacts", "figure-kinds"),
    "condition": ("enabling_conditions", "enabling-conditions"),
    "challenge": ("challenges", "challenges"),
}
INDEPENDENT = "independent"
# The facets named here rather than by their vocabulary's title (strings.yml).
FACET_NAMES = {
    "effects": "where_effects_were",
    "jurisdiction": "whose_data",
    "strongest": "explore_facet_strongest",
    "kind": "explore_facet_kind",
}
# Every word the Explore script shows (UI.<key> in explore.js; strings.yml: explore_ui_<key>).
UI_KEYS = (
    "filters",
    "search",
    "sort",
    "title",
    "newest",
    "period",
    "from",
    "to",
    "years",
    "count_one",
    "count_other",
    "clear",
    "more",
    "csv",
    "json",
    "none",
)


def _values(meta: dict[str, Any], key: str, field: str) -> list[str]:
    if key == "effects":
        return places_of_effect(meta)
    if key == "strongest":
        return [strongest_kind(as_dicts(meta.get("impacts"))) or "none"]
    if key == "kind":  # every kind of figure the case gives
        return sorted(
            {
                str(figure.get("kind"))
                for figure in as_dicts(meta.get("impacts"))
                if figure.get("kind")
            }
        )
    value = meta.get(field)
    return [
        str(item) for item in (value if isinstance(value, list) else [value]) if item is not None
    ]


def facet_descriptions(lang: str) -> list[dict[str, Any]]:
    """Each facet: its URL key, title and values (id and label) in vocabulary order."""
    vocabularies = load_vocabularies()

    def name(key: str, vocabulary: str) -> str:
        if key in FACET_NAMES:
            return text(FACET_NAMES[key], lang)
        return vocabularies[vocabulary].title[lang]

    facets: list[dict[str, Any]] = [
        {
            "key": key,
            "label": name(key, vocab),
            "values": [
                {"id": str(term.id), "label": term.label[lang]}
                for term in vocabularies[vocab].terms
            ],
        }
        for key, (_, vocab) in FACETS.items()
    ]
    strongest = next(facet for facet in facets if facet["key"] == "strongest")
    strongest["values"].insert(0, {"id": "none", "label": text("no_figure", lang)})
    answers = [
        {"id": answer, "label": text(f"explore_independent_{answer}", lang)}
        for answer in ("yes", "no")
    ]
    facets.append(
        {"key": INDEPENDENT, "label": text("explore_facet_independent", lang), "values": answers}
    )
    return facets


def case_entry(case: Case, lang: str, href: str) -> dict[str, Any]:
    """One case for the browser: t title, s summary, u link, f facet values, y0/y1 period, p
    published."""
    meta = case.meta(lang)
    raw_period = meta.get("period")
    period = raw_period if isinstance(raw_period, dict) else {}
    end = period.get("end")
    facets = {key: _values(meta, key, field) for key, (field, _) in FACETS.items()}
    facets[INDEPENDENT] = ["yes" if independent_sources(as_dicts(meta.get("sources"))) else "no"]
    return {
        "id": case.id,
        "t": str(meta.get("title", case.id)),
        "s": str(meta.get("summary", "")),
        "u": href,
        "f": facets,
        "y0": period.get("start"),
        "y1": end if isinstance(end, int) else None,
        "p": str(meta.get("published", "")),
    }


def download_table() -> dict[str, Any]:
    """What the downloads are made of: the language's cases.csv (beside explore.json), whose rows
    the script copies for the cases shown, and each of its columns' type, for the JSON download.
    The rows are fetched only when a reader downloads, so the page's data stays small, and every
    download has exactly the columns of cases.csv, in its order."""
    columns = [
        {"name": column.name, "type": field_type(column), "many": column.many}
        for column in CASE_COLUMNS
    ]
    return {"file": CASES_CSV, "columns": columns}


def explore_data(cases: list[Case], lang: str, href_of: Callable[[str], str]) -> dict[str, Any]:
    """Everything the Explore page's script needs, for `lang`."""
    # {n} is the script's to fill (a number formatted for the reader): it is kept as written.
    ui = {key: text(f"explore_ui_{key}", lang, n="{n}") for key in UI_KEYS}
    return {
        "lang": lang,
        "ui": ui,
        "facets": facet_descriptions(lang),
        "table": download_table(),
        "cases": [case_entry(case, lang, href_of(case.id)) for case in cases],
    }
