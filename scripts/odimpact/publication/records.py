"""Cases flattened into rows and records for the exports and the Explore page.

Only published cases are exported (drafts are unfinished; retired cases keep a page but leave the
lists). A case not yet translated is exported in each language with the text it is shown in,
flagged `awaiting_translation`.
"""

from __future__ import annotations

from typing import Any

from odimpact.corpus import Case, Corpus
from odimpact.evidence import independent_sources, is_verified, strongest_kind
from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column, join_values
from odimpact.publication.context import as_dicts
from odimpact.urls import SiteUrls
from odimpact.vocabularies import Vocabulary, load_vocabularies

DEFAULT_LICENCE = "CC-BY-4.0"
ONGOING = "ongoing"  # what a case file writes as `period.end` while the use goes on


def exported_cases(corpus: Corpus) -> list[Case]:
    """The cases the exports carry: published ones, by id."""
    return corpus.published()


def case_facts(case: Case, lang: str, urls: SiteUrls) -> dict[str, Any]:
    """The front matter shown in `lang`, with the licence default applied, its URL and translation
    flag."""
    facts = dict(case.meta(lang))
    facts.setdefault("licence", DEFAULT_LICENCE)
    if isinstance(facts.get("period"), dict):
        facts["period"] = typed_period(facts["period"])
    facts["url"] = urls.case(case.id, lang)
    facts["awaiting_translation"] = case.awaiting_translation(lang)
    figures, sources = as_dicts(facts.get("impacts")), as_dicts(facts.get("sources"))
    facts["strongest_figure"] = strongest_kind(figures) or None
    facts["verified_figure_count"] = sum(is_verified(figure) for figure in figures)
    facts["independent_source_count"] = independent_sources(sources)
    return facts


def typed_period(period: dict[str, Any]) -> dict[str, Any]:
    """A case's period with one type per field: `end` a year or None, `ongoing` true or false.

    Case files write `end: ongoing`, but a column mixing years and a word is read as text by
    databases and spreadsheets; the exports split it into a year and a flag."""
    end = period.get("end")
    year = end if isinstance(end, int) and not isinstance(end, bool) else None
    return {**period, "end": year, "ongoing": end == ONGOING}


def _field(facts: Any, path: str) -> Any:
    """Value at "a.b.c"; over a list ("datasets.name") the list of each item's value."""
    if not isinstance(facts, dict):
        return None
    head, _, rest = path.partition(".")
    value = facts.get(head)
    if not rest:
        return value
    if isinstance(value, list):
        return [_field(item, rest) for item in value if isinstance(item, dict)]
    return _field(value, rest)


def _label(vocabulary: Vocabulary, term_id: Any, lang: str) -> str:
    try:
        return vocabulary.label(term_id, lang)
    except KeyError:  # unvalidated input: show the raw value rather than fail the build
        return str(term_id)


def cell(column: Column, facts: dict[str, Any], lang: str) -> Any:
    """The value of one column for one case (lists already joined)."""
    value = _field(facts, column.field)
    if column.kind == "count":
        return len(value or [])
    if column.kind in ("label", "labels"):
        vocabulary = load_vocabularies()[column.vocabulary or ""]
        if column.kind == "label":
            return "" if value is None else _label(vocabulary, value, lang)
        return join_values([_label(vocabulary, item, lang) for item in value or []])
    if column.kind in ("ids", "list"):
        return join_values(value or [])
    return "" if value is None else value


def case_row(facts: dict[str, Any], lang: str) -> dict[str, Any]:
    """One row of cases.csv, from a case's facts (case_facts)."""
    return {column.name: cell(column, facts, lang) for column in CASE_COLUMNS}


def impact_rows(case_id: str, facts: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """Rows of impacts.csv for one case, from its facts: each quantified impact with its source."""
    sources = {source.get("id"): source for source in as_dicts(facts.get("sources"))}
    rows = []
    for number, impact in enumerate(as_dicts(facts.get("impacts")), start=1):
        source = sources.get(impact.get("source"), {})
        merged = {
            "id": case_id,
            "url": facts["url"],
            "impact_number": number,
            "impacts": [impact],
            "sources": [source],
            "verified": is_verified(impact),
        }
        rows.append({column.name: _impact_cell(column, merged, lang) for column in IMPACT_COLUMNS})
    return rows


def _impact_cell(column: Column, merged: dict[str, Any], lang: str) -> Any:
    value = _field(merged, column.field)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is not None and column.kind == "label":
        return _label(load_vocabularies()[column.vocabulary or ""], value, lang)
    return "" if value is None else value
