"""What a case's evidence amounts to, read from its front matter: which figures a reader can check,
which show a change, which attribute one to the data, and how many voices the sources give.

The validator's rules, the site, the exports and `odimpact report` all ask these questions; they
are answered here once.
"""

from __future__ import annotations

from typing import Any

from odimpact.quoted_numbers import figure_in_text

CHANGE_KINDS = ("outcome", "impact")
RIGOROUS_SOURCES = ("evaluation", "peer-reviewed")
# From weakest to strongest, as the logic model orders them.
KIND_ORDER = ("output", "use", "outcome", "impact")


def figure_values(figure: dict[str, Any]) -> list[tuple[str, float]]:
    """The numbers a figure states: its value, or the two ends of its range."""
    return [(key, figure[key]) for key in ("value", "min", "max") if key in figure]


def is_verified(figure: dict[str, Any]) -> bool:
    """A figure a reader can check: it carries a quote from its source that contains it."""
    quote = figure.get("quote")
    return (
        isinstance(quote, str)
        and bool(quote)
        and all(figure_in_text(value, quote) for _, value in figure_values(figure))
    )


def shows_change(figure: dict[str, Any]) -> bool:
    """An outcome or impact measured from a baseline, and verified."""
    return figure.get("kind") in CHANGE_KINDS and "baseline" in figure and is_verified(figure)


def shows_attribution(figure: dict[str, Any], sources: dict[str, dict[str, Any]]) -> bool:
    """An impact against a comparison, from an evaluation, audit or peer-reviewed study."""
    source = sources.get(figure.get("source", ""), {})
    return (
        figure.get("kind") == "impact"
        and "comparison" in figure
        and shows_change(figure)
        and source.get("kind") in RIGOROUS_SOURCES
    )


def strongest_kind(figures: list[dict[str, Any]]) -> str:
    """The strongest kind of figure a case gives ('' when it gives none)."""
    ranks = [
        KIND_ORDER.index(figure["kind"]) for figure in figures if figure.get("kind") in KIND_ORDER
    ]
    return KIND_ORDER[max(ranks)] if ranks else ""


def standpoints(sources: list[dict[str, Any]]) -> list[str]:
    """The distinct voices among the sources: the data publisher, the reuser, each independent
    publisher."""
    seen: dict[str, str] = {}
    for source in sources:
        publisher = str(source.get("publisher", "")).strip()
        if source.get("independence") == "independent":
            seen.setdefault(f"independent:{publisher.casefold()}", publisher)
        elif source.get("independence"):
            seen.setdefault(str(source["independence"]), str(source["independence"]))
    return list(seen.values())


def independent_sources(sources: list[dict[str, Any]]) -> int:
    """How many sources are neither the data publisher nor the reuser."""
    return sum(source.get("independence") == "independent" for source in sources)


def evidence_counts(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """What a set of cases' front matter amounts to as evidence: figures by kind, cases by level,
    sources by independence, and the gaps (unverified figures, missing baselines and archives)."""
    figures = [
        (case["id"], index, figure)
        for case in cases
        for index, figure in enumerate(case.get("impacts", []))
    ]
    sources = [source for case in cases for source in case.get("sources", [])]
    return {
        "cases": len(cases),
        "figures_by_kind": {
            kind: sum(f.get("kind") == kind for _, _, f in figures) for kind in KIND_ORDER
        },
        "cases_by_level": {
            level: sum(case.get("evidence_strength") == level for case in cases)
            for level in range(1, 6)
        },
        "sources_by_independence": {
            name: sum(s.get("independence") == name for s in sources)
            for name in ("data-publisher", "reuser", "independent")
        },
        "cases_with_measured_change": sum(
            any(shows_change(f) for f in case.get("impacts", [])) for case in cases
        ),
        "changes_without_baseline": sum(
            f.get("kind") in CHANGE_KINDS and "baseline" not in f for _, _, f in figures
        ),
        "sources_without_archive": sum("archived" not in s for s in sources),
        "sources_without_access_date": sum("accessed" not in s for s in sources),
        "unverified_figures": [
            {"case": case_id, "figure": index + 1, "measure": f.get("measure", "")}
            for case_id, index, f in figures
            if not is_verified(f)
        ],
    }
