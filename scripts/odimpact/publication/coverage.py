"""Where the knowledge base has cases and where it has none: the jurisdiction × sector coverage
matrix (gaps contributors can fill), and "datasets behind the impact": datasets and publishers
ranked by the number of cases that use them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from odimpact.corpus import Case
from odimpact.evidence import strongest_kind
from odimpact.places import places_of_effect
from odimpact.publication.formatting import collation_key, number
from odimpact.publication.strings import case_count, text
from odimpact.publication.svg import esc
from odimpact.vocabularies import load_vocabularies


def coverage_counts(
    cases: list[Case], rows_of: Callable[[dict[str, Any]], list[str]] | None = None
) -> dict[tuple[str, str], int]:
    """(jurisdiction, sector) -> number of cases; `rows_of` picks other row values (places of
    effect)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        meta = case.meta("en")
        for row in set(rows_of(meta) if rows_of else [str(meta.get("jurisdiction"))]):
            for sector in set(meta.get("sectors", []) or []):
                counts[(row, str(sector))] += 1
    return counts


@dataclass(frozen=True)
class Axis:
    """One side of a matrix: its heading, its values in order and how each is named."""

    heading: str
    ids: list[str]
    label: Callable[[str], str]


def count_matrix(
    rows: Axis,
    columns: Axis,
    counts: dict[tuple[str, str], int],
    href: Callable[[str, str], str],
    caption: str,
    lang: str,
    ident: str,
    css: str = "odi-coverage",
) -> str:
    """Counts of cases as an HTML table; each non-empty cell links to its cases, an empty one is a
    gap.

    Wider than a phone, the table scrolls in its own region, which the keyboard can reach and
    scroll (tabindex) and screen readers name by the caption; research.css keeps the caption, the
    header row and the first column in view. The sanitiser strips these attributes: the page puts
    the matrix in as trusted markup (every value in it is escaped here)."""
    head = f'<th scope="col">{esc(rows.heading)}</th>' + "".join(
        f'<th scope="col">{esc(columns.label(c))}</th>' for c in columns.ids
    )
    body = []
    hidden = esc(text("coverage_gap", lang))
    gap = f'<td class="odi-gap"><span class="odi-visually-hidden">{hidden}</span></td>'
    for row in rows.ids:
        cells = []
        for column in columns.ids:
            count = counts.get((row, column), 0)
            if not count:
                cells.append(gap)
                continue
            name = text(
                "coverage_cell",
                lang,
                cases=case_count(count, lang, number(count, lang)),
                j=rows.label(row),
                s=columns.label(column),
            )
            cells.append(
                f'<td class="odi-num"><a href="{esc(href(row, column))}" '
                f'title="{esc(name)}">{esc(number(count, lang))}</a></td>'
            )
        body.append(f'<tr><th scope="row">{esc(rows.label(row))}</th>{"".join(cells)}</tr>')
    return (
        f'<div class="odi-table odi-matrix {css}" role="region" tabindex="0" '
        f'aria-labelledby="{ident}-caption">'
        f'<table><caption id="{ident}-caption"><span>{esc(caption)}</span></caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _vocabulary_axis(name: str, heading: str, lang: str) -> Axis:
    vocabulary = load_vocabularies()[name]
    return Axis(
        heading, [str(term) for term in vocabulary.ids()], lambda term: vocabulary.label(term, lang)
    )


def coverage_matrix(
    cases: list[Case], explore_href: Callable[[str, str], str], lang: str, by_effect: bool = False
) -> str:
    """Jurisdiction (whose data, or where the effects were) × sector; cells link to Explore filtered
    to them."""
    counts = coverage_counts(cases, places_of_effect if by_effect else None)
    heading = text("where_effects_were" if by_effect else "whose_data", lang)
    rows = _vocabulary_axis("jurisdictions", heading, lang)
    columns = _vocabulary_axis("sectors", "", lang)
    ident = "odi-coverage-effects" if by_effect else "odi-coverage-data"
    caption = text("coverage_effects_caption" if by_effect else "coverage_caption", lang)
    return count_matrix(rows, columns, counts, explore_href, caption, lang, ident)


def gap_map(cases: list[Case], explore_href: Callable[[str, str], str], lang: str) -> str:
    """The evidence gap map: sector × the strongest kind of figure each case gives, as evidence
    reviews
    draw them; each cell links to its cases, an empty cell is a gap in the evidence."""
    vocabularies = load_vocabularies()
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        meta = case.meta("en")
        strongest = (
            strongest_kind([f for f in meta.get("impacts", []) or [] if isinstance(f, dict)])
            or "none"
        )
        for sector in set(meta.get("sectors", []) or []):
            counts[(str(sector), strongest)] += 1
    kinds = vocabularies["figure-kinds"]

    def kind_label(kind: str) -> str:
        return text("no_figure", lang) if kind == "none" else kinds.label(kind, lang)

    columns = Axis("", ["none", *map(str, kinds.ids())], kind_label)
    rows = _vocabulary_axis("sectors", text("column_sectors", lang), lang)
    caption = text("gap_map_caption", lang)
    return count_matrix(
        rows,
        columns,
        counts,
        explore_href,
        caption,
        lang,
        "odi-gap-map",
        "odi-coverage odi-gap-map",
    )


def _dataset_key(dataset: dict[str, Any]) -> str:
    # The URL identifies a dataset across cases best; without one, its name and publisher.
    return (
        str(dataset.get("url") or f"{dataset.get('name', '')}|{dataset.get('publisher', '')}")
        .casefold()
        .rstrip("/")
    )


def rank_datasets(cases: list[Case], lang: str) -> list[tuple[dict[str, Any], list[Case]]]:
    """Datasets (as first named in `lang`) with the cases using them, most used first."""
    found: dict[str, tuple[dict[str, Any], list[Case]]] = {}
    for case in cases:
        for dataset in case.meta(lang).get("datasets", []) or []:
            if isinstance(dataset, dict):
                entry = found.setdefault(_dataset_key(dataset), (dataset, []))
                # cases come one at a time: a repeat is the last one
                if not entry[1] or entry[1][-1] is not case:
                    entry[1].append(case)
    return sorted(
        found.values(),
        key=lambda item: (-len(item[1]), collation_key(str(item[0].get("name", "")))),
    )


def rank_publishers(cases: list[Case], lang: str) -> list[tuple[str, list[Case]]]:
    """Publishers with the cases that use their datasets, most used first."""
    found: dict[str, tuple[str, list[Case]]] = {}
    for case in cases:
        for dataset in case.meta(lang).get("datasets", []) or []:
            name = str(dataset.get("publisher", "")) if isinstance(dataset, dict) else ""
            entry = found.setdefault(name.casefold(), (name, []))
            if name and (not entry[1] or entry[1][-1] is not case):
                entry[1].append(case)
    return sorted(
        ((n, c) for n, c in found.values() if c),
        key=lambda item: (-len(item[1]), collation_key(item[0])),
    )


def _case_links(cases: list[Case], case_href: Callable[[str], str], lang: str) -> str:
    items = "".join(
        f'<li><a href="{esc(case_href(case.id))}">'
        f"{esc(case.meta(lang).get('title', case.id))}</a></li>"
        for case in cases
    )
    return f'<ul class="odi-case-links">{items}</ul>'


def datasets_tables(
    cases: list[Case], case_href: Callable[[str], str], lang: str
) -> tuple[str, str]:
    """(datasets table, publishers table) as HTML."""
    dataset_rows = "".join(
        f"<tr><td>{_dataset_name(dataset)}</td><td>{esc(dataset.get('publisher', ''))}</td>"
        f'<td class="odi-num">{esc(number(len(using), lang))}</td>'
        f"<td>{_case_links(using, case_href, lang)}</td></tr>"
        for dataset, using in rank_datasets(cases, lang)
    )
    publisher_rows = "".join(
        f'<tr><td>{esc(name)}</td><td class="odi-num">{esc(number(len(using), lang))}</td>'
        f"<td>{_case_links(using, case_href, lang)}</td></tr>"
        for name, using in rank_publishers(cases, lang)
    )
    dataset_columns = ("dataset", "publisher", "count", "cases")
    return (
        _table("datasets_caption", dataset_columns, dataset_rows, lang),
        _table("publishers_caption", ("publisher", "count", "cases"), publisher_rows, lang),
    )


def _table(caption: str, columns: tuple[str, ...], rows: str, lang: str) -> str:
    """A table of the page: its caption and column headings by their keys in the catalogue."""
    headings = [text(f"datasets_column_{column}", lang) for column in columns]
    head = "".join(f'<th scope="col">{esc(heading)}</th>' for heading in headings)
    return (
        f'<div class="odi-table"><table><caption>{esc(text(caption, lang))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _dataset_name(dataset: dict[str, Any]) -> str:
    url = str(dataset.get("url", ""))
    name = esc(dataset.get("name", ""))
    return f'<a href="{esc(url)}">{name}</a>' if url.startswith(("https://", "http://")) else name
