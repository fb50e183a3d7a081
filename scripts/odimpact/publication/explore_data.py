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
from odimpact.typography import typeset_words
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
WORDS = {
    "en": {"effects": "Where the effects were", "jurisdiction": "Whose data (jurisdiction)",
           "strongest": "Strongest kind of figure",
           "kind": "Gives a figure of this kind",
           "none": "No figure", "independent": "Independent sources",
           "yes": "At least one independent source", "no": "No independent source"},
    "fr": {"effects": "Où se sont fait sentir les effets", "jurisdiction": "Données de quelle administration",
           "strongest": "Nature de chiffre la plus forte",
           "kind": "Donne un chiffre de cette nature",
           "none": "Aucun chiffre", "independent": "Sources indépendantes",
           "yes": "Au moins une source indépendante", "no": "Aucune source indépendante"},
}
WORDS = typeset_words(WORDS)  # French spacing by the one rule, not by hand
# Every word the Explore script shows; {n} is a formatted number.
UI = {
    "en": {"filters": "Filters", "search": "Search within results", "sort": "Sort by", "title": "Title",
           "newest": "Newest first",
           "period": "Period (earliest first)", "from": "From year", "to": "To year", "years": "Period",
           "count_one": "{n} case", "count_other": "{n} cases", "clear": "Clear all filters",
           "more": "Show more results",
           "csv": "Download these results (CSV)", "json": "Download these results (JSON)",
           "none": "No case matches these filters."},
    "fr": {"filters": "Filtres", "search": "Rechercher dans les résultats", "sort": "Trier par",
           "title": "Titre", "newest": "Plus récentes d'abord",
           "period": "Période (plus anciennes d'abord)", "from": "De l'année", "to": "À l'année",
           "years": "Période",
           "count_one": "{n} étude de cas", "count_other": "{n} études de cas",
           "clear": "Effacer tous les filtres", "more": "Afficher plus de résultats",
           "csv": "Télécharger ces résultats (CSV)", "json": "Télécharger ces résultats (JSON)",
           "none": "Aucune étude de cas ne correspond à ces filtres."},
}
UI = typeset_words(UI)  # French spacing by the one rule, not by hand


def _values(meta: dict[str, Any], key: str, field: str) -> list[str]:
    if key == "effects":
        return places_of_effect(meta)
    if key == "strongest":
        return [strongest_kind(as_dicts(meta.get("impacts"))) or "none"]
    if key == "kind":  # every kind of figure the case gives
        return sorted({str(figure.get("kind")) for figure in as_dicts(meta.get("impacts")) if figure.get("kind")})
    value = meta.get(field)
    return [str(item) for item in (value if isinstance(value, list) else [value]) if item is not None]



def facet_descriptions(lang: str) -> list[dict[str, Any]]:
    """Each facet: its URL key, title and values (id and label) in vocabulary order."""
    vocabularies, words = load_vocabularies(), WORDS[lang]
    facets: list[dict[str, Any]] = [
        {"key": key, "label": words.get(key, vocabularies[vocab].title[lang]),
         "values": [{"id": str(term.id), "label": term.label[lang]} for term in vocabularies[vocab].terms]}
        for key, (_, vocab) in FACETS.items()
    ]
    next(facet for facet in facets if facet["key"] == "strongest")["values"].insert(0, {"id": "none", "label": words["none"]})
    facets.append({"key": INDEPENDENT, "label": words["independent"],
                   "values": [{"id": "yes", "label": words["yes"]}, {"id": "no", "label": words["no"]}]})
    return facets


def case_entry(case: Case, lang: str, href: str) -> dict[str, Any]:
    """One case for the browser: t title, s summary, u link, f facet values, y0/y1 period, p published."""
    meta = case.meta(lang)
    raw_period = meta.get("period")
    period = raw_period if isinstance(raw_period, dict) else {}
    end = period.get("end")
    facets = {key: _values(meta, key, field) for key, (field, _) in FACETS.items()}
    facets[INDEPENDENT] = ["yes" if independent_sources(as_dicts(meta.get("sources"))) else "no"]
    return {"id": case.id, "t": str(meta.get("title", case.id)), "s": str(meta.get("summary", "")), "u": href,
            "f": facets, "y0": period.get("start"), "y1": end if isinstance(end, int) else None,
            "p": str(meta.get("published", ""))}


def download_table() -> dict[str, Any]:
    """What the downloads are made of: the language's cases.csv (beside explore.json), whose rows
    the script copies for the cases shown, and each of its columns' type, for the JSON download.
    The rows are fetched only when a reader downloads, so the page's data stays small, and every
    download has exactly the columns of cases.csv, in its order."""
    columns = [{"name": column.name, "type": field_type(column), "many": column.many} for column in CASE_COLUMNS]
    return {"file": CASES_CSV, "columns": columns}


def explore_data(cases: list[Case], lang: str, href_of: Callable[[str], str]) -> dict[str, Any]:
    """Everything the Explore page's script needs, for `lang`."""
    return {"lang": lang, "ui": UI[lang], "facets": facet_descriptions(lang), "table": download_table(),
            "cases": [case_entry(case, lang, href_of(case.id)) for case in cases]}
