"""Rules on the evidence a case gives: what each figure measures, where it comes from, and whether
the case's rating and publication follow from it.

The rating uses the Nesta standards of evidence; a figure counts towards a rating only when a
reader can check it (a quote from the source that contains it) and when it measures a change
(an outcome or impact with a baseline), not a release or a download count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from odimpact.evidence import (
    CHANGE_KINDS,
    figure_values,
    shows_attribution,
    shows_change,
    standpoints,
)
from odimpact.problems import Problem
from odimpact.quoted_numbers import figure_in_text
from odimpact.reading import CaseFile
from odimpact.rules.front_matter import Rule, _problem


def _figures(case: CaseFile) -> list[dict[str, Any]]:
    return case.data.get("impacts", [])


def _sources(case: CaseFile) -> dict[str, dict[str, Any]]:
    return {source["id"]: source for source in case.data["sources"]}


def changes_have_baselines(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """An outcome is a change, and a change is measured from somewhere: without a baseline a
    reader cannot tell what moved. A warning, since sources often give none; the report counts
    them."""
    for index, figure in enumerate(_figures(case)):
        if figure["kind"] in CHANGE_KINDS and "baseline" not in figure:
            yield _problem(
                case,
                ("impacts", index, "kind"),
                "figure-baseline-missing",
                "warning",
                kind=figure["kind"],
            )


def impacts_name_their_comparison(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """An impact is a change attributed to the data, which only a comparison can show."""
    for index, figure in enumerate(_figures(case)):
        if figure["kind"] == "impact" and "comparison" not in figure:
            yield _problem(case, ("impacts", index, "kind"), "impact-needs-comparison")


def baselines_come_first(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A baseline is the situation before the change, so it cannot be later than the figure."""
    for index, figure in enumerate(_figures(case)):
        baseline = figure.get("baseline", {})
        start = baseline.get("year", baseline.get("period", {}).get("start"))
        if start is not None and start > figure["year"]:
            yield _problem(
                case,
                ("impacts", index, "baseline"),
                "baseline-after-figure",
                baseline=start,
                year=figure["year"],
            )


def figures_are_in_their_quotes(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """The quote is the figure's provenance: it must contain the figure, or it proves nothing."""
    for index, figure in enumerate(_figures(case)):
        if "quote" not in figure:
            continue
        for key, value in figure_values(figure):
            if not figure_in_text(value, figure["quote"]):
                yield _problem(
                    case, ("impacts", index, "quote"), "figure-not-in-quote", field=key, value=value
                )


def rating_follows_evidence(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """The evidence level is a claim about the figures: level 2 needs a measured change, level 3 an
    impact against a comparison from an evaluation or peer-reviewed study, level 4 such a study by
    an independent party."""
    level, figures, sources = case.data["evidence_strength"], _figures(case), _sources(case)
    if level >= 2 and not any(shows_change(figure) for figure in figures):
        yield _problem(case, ("evidence_strength",), "evidence-level-needs-outcome", level=level)
    elif level >= 3 and not any(shows_attribution(figure, sources) for figure in figures):
        yield _problem(case, ("evidence_strength",), "evidence-level-needs-impact", level=level)
    elif level >= 4 and not any(
        shows_attribution(figure, sources)
        and sources[figure["source"]]["independence"] == "independent"
        for figure in figures
    ):
        yield _problem(
            case, ("evidence_strength",), "evidence-level-needs-independent", level=level
        )


def published_cases_are_corroborated(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Publication needs corroboration: two voices, not two pages of the same government."""
    if case.data["status"] != "published":
        return
    found = standpoints(case.data["sources"])
    if len(found) < 2:
        yield _problem(
            case,
            ("status",),
            "published-needs-two-sources",
            count=len(found),
            found=", ".join(found),
        )


def source_titles_are_whole(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """A title cut with an ellipsis cannot be searched for or cited; give it whole, or say it is
    ours."""
    for index, source in enumerate(case.data["sources"]):
        if source["title"].rstrip().endswith(("…", "...")):
            yield _problem(
                case, ("sources", index, "title"), "source-title-truncated", value=source["title"]
            )


def published_sources_are_archived(case: CaseFile, today: dt.date) -> Iterator[Problem]:
    """Links break; an archived copy lets a reader check a source years later. A warning: not every
    page has one, and the report counts the gaps."""
    if case.data["status"] != "published":
        return
    missing = [source["id"] for source in case.data["sources"] if "archived" not in source]
    if missing:
        yield _problem(case, ("sources",), "source-not-archived", "warning", ids=", ".join(missing))


RULES: tuple[Rule, ...] = (
    changes_have_baselines,
    impacts_name_their_comparison,
    baselines_come_first,
    figures_are_in_their_quotes,
    rating_follows_evidence,
    published_cases_are_corroborated,
    source_titles_are_whole,
    published_sources_are_archived,
)
