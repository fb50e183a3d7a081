"""Bar charts drawn at build time as inline SVG: cases by sector, by year and by impact type,
each with a text alternative and the data table behind it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from odimpact.corpus import Case
from odimpact.publication.formatting import number
from odimpact.publication.svg import BAR, TEXT, data_table, esc, svg_open

ROW_HEIGHT, LABEL_WIDTH, BAR_WIDTH, MARGIN = 26, 260, 300, 8
WORDS = {
    "en": {"cases": "Cases", "desc": "Horizontal bar chart. {items}.", "data": "Data behind the chart: {title}",
           "item": "{label}: {count}", "none": "No published case yet"},
    "fr": {"cases": "Études de cas", "desc": "Diagramme à barres horizontales. {items}.", "data": "Données du diagramme : {title}",
           "item": "{label} : {count}", "none": "Aucune étude de cas publiée pour l'instant"},
}


@dataclass(frozen=True)
class Bar:
    """One bar: its label (plain text), its count and an optional page-relative link."""

    label: str
    count: int
    href: str | None = None


def count_by(cases: list[Case], values_of: Any) -> Counter:
    """How many cases carry each value (a case counts once per distinct value)."""
    counts: Counter = Counter()
    for case in cases:
        counts.update(set(values_of(case)))
    return counts


def _bar_svg(bars: list[Bar], title: str, ident: str, lang: str) -> str:
    words = WORDS[lang]
    items = "; ".join(words["item"].format(label=bar.label, count=number(bar.count, lang)) for bar in bars) or words["none"]
    width, height = chart_size(bars)
    peak = max([bar.count for bar in bars] + [1])
    parts = [svg_open(width, height, title, words["desc"].format(items=items), ident)]
    for row, bar in enumerate(bars):
        y = MARGIN + row * ROW_HEIGHT
        length = max(2, round(BAR_WIDTH * bar.count / peak))
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 17}" text-anchor="end" fill="{TEXT}" font-size="13">{esc(bar.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="{ROW_HEIGHT - 8}" fill="{BAR}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 17}" fill="{TEXT}" font-size="13">{esc(number(bar.count, lang))}</text>'
        )
    return "".join(parts) + "</svg>"


def chart_size(bars: list[Bar]) -> tuple[int, int]:
    """Width and height of a chart's SVG."""
    return LABEL_WIDTH + BAR_WIDTH + 60, MARGIN * 2 + ROW_HEIGHT * max(1, len(bars))


def bar_chart(bars: list[Bar], title: str, heading: str, ident: str, lang: str) -> tuple[str, str]:
    """(SVG document, HTML data table) of one chart; `heading` names the first column of the table."""
    rows: list[tuple[str, ...]] = [
        (f'<a href="{esc(bar.href)}">{esc(bar.label)}</a>' if bar.href else esc(bar.label),
         esc(number(bar.count, lang)))
        for bar in bars
    ]
    table = data_table(WORDS[lang]["data"].format(title=title), (heading, WORDS[lang]["cases"]), rows)
    return _bar_svg(bars, title, ident, lang), table
