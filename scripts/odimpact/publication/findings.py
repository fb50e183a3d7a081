"""The findings report, "What the cases show / Ce que révèlent les études de cas": what the
published cases show taken together, computed from the corpus at each build.

Every statement is a row: a label, the cases it counts and, for each case, its number in the
report's list of cases, so every figure in the report can be traced to the cases behind it. The
editorial passages that interpret these numbers are written by hand around the generated parts
(docs/findings.*.md); the same parts go into the site page and the PDF.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_percent

from odimpact.corpus import Case
from odimpact.evidence import KIND_ORDER, shows_change, strongest_kind
from odimpact.languages import language
from odimpact.places import places_of_effect
from odimpact.publication.charts import Bar, bar_chart, chart_size
from odimpact.publication.context import as_dicts
from odimpact.publication.coverage import rank_datasets
from odimpact.publication.formatting import colon, escape, number
from odimpact.publication.strings import text
from odimpact.vocabularies import load_vocabularies

# The parts a hand-written page can place, in the report's order.
PARTS = (
    "summary",
    "sectors",
    "jurisdictions",
    "places",
    "figures",
    "levels",
    "conditions",
    "challenges",
    "datasets",
    "gaps",
    "cases",
)
# drawn as bar charts too ("chart-sectors"...)
CHARTS = ("sectors", "jurisdictions", "figures", "levels")
TOP_DATASETS = 10
# A statement about more cases than this links to the filtered list of them instead of citing each
# one: the report stays readable, and its size bounded, as the corpus grows.
MOST_REFERENCES = 30
# The Explore facet that lists exactly the cases of a row, by part.
EXPLORE_FACETS = {
    "sectors": "sector",
    "jurisdictions": "jurisdiction",
    "places": "effects",
    "levels": "evidence",
    "figures": "kind",
    "conditions": "condition",
    "challenges": "challenge",
}


@dataclass(frozen=True)
class Row:
    """One statement: how many cases carry `key`, and which."""

    key: str
    label: str
    case_ids: tuple[str, ...]
    figures: int | None = None  # for kinds of figure: how many figures, beside how many cases


def ordered_cases(cases: list[Case], lang: str) -> list[Case]:
    """The report's list of cases (its numbering): by title in `lang`."""
    return sorted(
        cases, key=lambda case: (str(case.meta(lang).get("title", "")).casefold(), case.id)
    )


def _vocabulary_rows(
    cases: list[Case], vocabulary: str, values_of: Callable[[dict[str, Any]], list[Any]], lang: str
) -> list[Row]:
    """A row per term that at least one case carries, most cases first (ties in vocabulary
    order)."""
    terms = load_vocabularies()[vocabulary]
    carrying: dict[Any, list[str]] = {}
    for case in cases:  # one pass over the cases, not one per term
        for value in set(values_of(case.meta("en"))):
            carrying.setdefault(value, []).append(case.id)
    rows = [
        Row(str(term), terms.label(term, lang), tuple(carrying[term]))
        for term in terms.ids()
        if term in carrying
    ]
    return sorted(rows, key=lambda row: -len(row.case_ids))


def rows_for(part: str, cases: list[Case], lang: str) -> list[Row]:
    """The statements of one counting part of the report."""
    listed = lambda field: lambda meta: meta.get(field) or []  # noqa: E731
    if part == "sectors":
        return _vocabulary_rows(cases, "sectors", listed("sectors"), lang)
    if part == "jurisdictions":
        return _vocabulary_rows(
            cases, "jurisdictions", lambda meta: [meta.get("jurisdiction")], lang
        )
    if part == "places":
        return _vocabulary_rows(cases, "jurisdictions", places_of_effect, lang)
    if part == "levels":
        return _vocabulary_rows(
            cases, "evidence-levels", lambda meta: [meta.get("evidence_strength")], lang
        )
    if part == "conditions":
        return _vocabulary_rows(cases, "enabling-conditions", listed("enabling_conditions"), lang)
    if part == "challenges":
        return _vocabulary_rows(cases, "challenges", listed("challenges"), lang)
    if part == "figures":
        return _figure_rows(cases, lang)
    if part == "datasets":
        # Only datasets behind more than one case: a dataset of one case is that case, not a
        # pattern.
        return [
            Row(
                str(dataset.get("url") or dataset.get("name")),
                str(dataset.get("name")),
                tuple(case.id for case in users),
            )
            for dataset, users in rank_datasets(cases, lang)[:TOP_DATASETS]
            if len(users) > 1
        ]
    raise KeyError(part)


def _figure_rows(cases: list[Case], lang: str) -> list[Row]:
    """Each kind of figure: the cases giving at least one, and how many figures there are."""
    kinds = load_vocabularies()["figure-kinds"]
    having: dict[str, list[str]] = {kind: [] for kind in KIND_ORDER}
    counts = dict.fromkeys(KIND_ORDER, 0)
    for case in cases:
        given = [
            str(f.get("kind"))
            for f in as_dicts(case.meta("en").get("impacts"))
            if f.get("kind") in having
        ]
        for kind in given:
            counts[kind] += 1
        for kind in set(given):
            having[kind].append(case.id)
    return [
        Row(kind, kinds.label(kind, lang), tuple(having[kind]), counts[kind]) for kind in KIND_ORDER
    ]


def summary_numbers(cases: list[Case]) -> dict[str, int]:
    """The headline numbers of the summary."""
    metas = [case.meta("en") for case in cases]
    return {
        "cases": len(cases),
        "jurisdictions": len({meta.get("jurisdiction") for meta in metas}),
        "places": len({place for meta in metas for place in places_of_effect(meta)}),
        "all_jurisdictions": len(load_vocabularies()["jurisdictions"].ids()),
        "sectors": len({sector for meta in metas for sector in meta.get("sectors") or []}),
        "measured": sum(
            any(shows_change(f) for f in as_dicts(meta.get("impacts"))) for meta in metas
        ),
        "level_two": sum((meta.get("evidence_strength") or 0) >= 2 for meta in metas),
        "no_figure": sum(not strongest_kind(as_dicts(meta.get("impacts"))) for meta in metas),
    }


def gaps(cases: list[Case]) -> dict[str, list[str]]:
    """Vocabulary terms no published case carries yet: jurisdictions (whose data, and where the
    effects were) and sectors, and the sectors with a single case."""
    vocabularies = load_vocabularies()
    metas = [case.meta("en") for case in cases]
    data = {meta.get("jurisdiction") for meta in metas}
    places = {place for meta in metas for place in places_of_effect(meta)}
    per_sector = {
        sector: sum(sector in (meta.get("sectors") or []) for meta in metas)
        for sector in vocabularies["sectors"].ids()
    }
    return {
        "jurisdictions": [
            str(code) for code in vocabularies["jurisdictions"].ids() if code not in data
        ],
        "places": [str(code) for code in vocabularies["jurisdictions"].ids() if code not in places],
        "sectors": [str(sector) for sector, count in per_sector.items() if count == 0],
        "single_sectors": [str(sector) for sector, count in per_sector.items() if count == 1],
    }


def chart_svg(name: str, cases: list[Case], lang: str) -> tuple[str, str, int, int]:
    """(SVG document, title, width, height) of one of the report's charts: cases per row, or
    figures per kind for the kinds of figure."""
    rows = rows_for(name, cases, lang)
    bars = [
        Bar(row.label, row.figures if row.figures is not None else len(row.case_ids))
        for row in rows
    ]
    title = text(f"findings_{name}_caption", lang)
    width, height = chart_size(bars)
    return (
        bar_chart(bars, title, text(f"findings_{name}_column", lang), f"odi-findings-{name}", lang)[
            0
        ],
        title,
        width,
        height,
    )


def row_id(part: str, key: str) -> str:
    """The HTML id of a statement's row, so readers and tests can point at it (ids survive the
    sanitiser; data attributes do not)."""
    return f"findings-{part}-" + re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-")


def cited_cases(rows: dict[str, list[Row]]) -> set[str]:
    """The cases some statement cites by number: those in rows short enough to list them."""
    return {
        case_id
        for part in rows.values()
        for row in part
        if len(row.case_ids) <= MOST_REFERENCES
        for case_id in row.case_ids
    }


class Report:
    """The report's parts as HTML for one language; `href_of` gives a case's address from the page,
    `chart_src` the address of a chart's image (a file beside the page, or the SVG inline in a
    PDF)."""

    def __init__(
        self,
        cases: list[Case],
        lang: str,
        href_of: Callable[[str], str],
        explore_href: Callable[[str], str],
        chart_src: Callable[[str, str], str] = lambda name, svg: f"{name}.svg",
    ) -> None:
        self.all_cases, self.lang, self.href_of, self.chart_src = cases, lang, href_of, chart_src
        # a query ("?sector=health") -> the address of the Explore page filtered by it
        self.explore_href = explore_href
        self.rows = {
            part: rows_for(part, cases, lang)
            for part in sorted(EXPLORE_FACETS.keys() | {"datasets"})
        }
        cited = cited_cases(self.rows)
        # numbered [1], [2]...
        self.cases = [case for case in ordered_cases(cases, lang) if case.id in cited]
        self.numbers = {case.id: index for index, case in enumerate(self.cases, start=1)}

    def part(self, name: str) -> str:
        """One part of the report, by name (see PARTS; "chart-<part>" for a chart of CHARTS)."""
        if name.startswith("chart-"):
            return self._chart(name.removeprefix("chart-"))
        if name == "summary":
            return self._summary()
        if name == "gaps":
            return self._gaps()
        if name == "cases":
            return self._case_list()
        return self._table(name, self.rows[name])

    def _chart(self, name: str) -> str:
        svg, title, width, height = chart_svg(name, self.all_cases, self.lang)
        alt = f"{title}. {text('findings_chart_alt', self.lang)}"
        return (
            f'<figure class="odi-figure"><img src="{escape(self.chart_src(name, svg))}" '
            f'width="{width}" height="{height}" '
            f'alt="{escape(alt)}"></figure>'
        )

    def _share(self, count: int) -> str:
        total = len(self.all_cases) or 1
        return escape(format_percent(count / total, locale=language(self.lang).locale))

    def _refs(self, case_ids: tuple[str, ...]) -> str:
        ordered = sorted(case_ids, key=self.numbers.__getitem__)
        titles = {case.id: str(case.meta(self.lang).get("title", case.id)) for case in self.cases}
        # The case's title, hidden from sight, names each "[n]" link for screen-reader users.
        return " ".join(
            f'<a href="{escape(self.href_of(case_id))}">[{self.numbers[case_id]}]'
            f'<span class="odi-visually-hidden"> {escape(titles[case_id])}</span></a>'
            for case_id in ordered
        )

    def _which(self, name: str, row: Row) -> str:
        """The cases of a row: each cited by its number, or, for many, a link to the list of
        them."""
        if len(row.case_ids) <= MOST_REFERENCES:
            return self._refs(row.case_ids)
        label = escape(
            text("findings_see_all", self.lang, count=number(len(row.case_ids), self.lang))
        )
        if name == "datasets":  # no filter for a dataset: its cases are listed on the datasets page
            return f'<a href="{escape(self.explore_href("#datasets"))}">{label}</a>'
        return (
            f"<a "
            f'href="{escape(self.explore_href(f"?{EXPLORE_FACETS[name]}={row.key}"))}">{label}</a>'
        )

    def _table(self, name: str, rows: list[Row]) -> str:
        figures = name == "figures"
        keys = [f"findings_{name}_column"] + (["findings_figure_count"] if figures else [])
        head = [
            text(key, self.lang)
            for key in keys + ["findings_case_count", "findings_share", "findings_which"]
        ]
        body = []
        for row in rows:
            cells = [escape(row.label)] + (
                [escape(number(row.figures, self.lang))] if figures else []
            )
            cells += [
                escape(number(len(row.case_ids), self.lang)),
                self._share(len(row.case_ids)),
                self._which(name, row),
            ]
            body.append(
                f'<tr id="{row_id(name, row.key)}">'
                + "".join(
                    f'<td class="odi-num">{cell}</td>'
                    if 0 < index < len(cells) - 1
                    else f"<td>{cell}</td>"
                    for index, cell in enumerate(cells)
                )
                + "</tr>"
            )
        header = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in head)
        caption = escape(text(f"findings_{name}_caption", self.lang))
        return (
            f'<div class="odi-table odi-findings"><table '
            f'id="findings-{name}"><caption>{caption}</caption>'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    def _summary(self) -> str:
        values = {
            key: number(value, self.lang) for key, value in summary_numbers(self.all_cases).items()
        }
        share = self._share(summary_numbers(self.all_cases)["measured"])
        return (
            f'<p class="odi-findings-summary" id="findings-summary">'
            f"{escape(text('findings_summary', self.lang, share=share, **values))}</p>"
        )

    def _gaps(self) -> str:
        vocabularies, found = load_vocabularies(), gaps(self.all_cases)
        names = {
            "jurisdictions": "jurisdictions",
            "places": "jurisdictions",
            "sectors": "sectors",
            "single_sectors": "sectors",
        }
        items = []
        for key, terms in found.items():
            labels = ", ".join(
                vocabularies[names[key]].label(term, self.lang) for term in terms
            ) or text("findings_none", self.lang)
            items.append(
                f'<li id="findings-gap-{key.replace("_", "-")}">'
                f"{escape(text(f'findings_gap_{key}', self.lang))}"
                f"{colon(self.lang)}{escape(labels)}</li>"
            )
        return f'<ul class="odi-findings-gaps" id="findings-gaps">{"".join(items)}</ul>'

    def _case_list(self) -> str:
        # An ordered list in the report's order: item n is the case cited as [n] (the sanitiser
        # strips "value" attributes, so the order itself carries the number).
        # evidence_strength is required by the schema: indexed, not .get(), as a missing one already
        # raised KeyError.
        levels = load_vocabularies()["evidence-levels"]
        items = "".join(
            f'<li id="finding-case-{escape(case.id)}"><a href="{escape(self.href_of(case.id))}">'
            f"{escape(case.meta(self.lang).get('title'))}</a> "
            f"({escape(levels.label(case.meta('en')['evidence_strength'], self.lang))})</li>"
            for case in self.cases
        )
        return f'<ol class="odi-findings-cases" id="findings-cases">{items}</ol>'
