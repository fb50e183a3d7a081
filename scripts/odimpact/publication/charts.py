"""Bar charts drawn at build time as inline SVG: cases by sector, by year and by impact type,
each with a text alternative and the data table behind it."""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Any

from odimpact.corpus import Case
from odimpact.publication.formatting import number
from odimpact.publication.strings import text
from odimpact.publication.svg import BAR, TEXT, data_table, esc, svg_open

# Sized for a phone: each label on its own lines above its bar, in a viewBox narrow enough that a
# 375 px screen (about 340 px of text column) shows the text at 13 px or more; at full width it is
# the size of the page's text. Labels wrap at the characters that fit (0.6 em each: sans-serif
# letters are narrower on average), so a long sector name is never clipped.
WIDTH, FONT_SIZE, MARGIN = 420, 16, 8
LINE_HEIGHT, BAR_HEIGHT, ROW_GAP, COUNT_ROOM = 20, 14, 12, 56
LABEL_CHARACTERS = int((WIDTH - 2 * MARGIN) / (0.6 * FONT_SIZE))
BAR_WIDTH = WIDTH - 2 * MARGIN - COUNT_ROOM


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


def label_lines(label: str, characters: int = LABEL_CHARACTERS) -> list[str]:
    """A label broken at spaces into lines of at most `characters` (a longer word stays whole)."""
    return textwrap.wrap(label, characters, break_long_words=False, break_on_hyphens=False) or [""]


def _row_height(bar: Bar) -> int:
    return len(label_lines(bar.label)) * LINE_HEIGHT + BAR_HEIGHT + ROW_GAP


def _bar_svg(bars: list[Bar], title: str, ident: str, lang: str) -> str:
    items = "; ".join(
        text("bar_chart_item", lang, label=bar.label, count=number(bar.count, lang)) for bar in bars
    )
    width, height = chart_size(bars)
    peak = max([bar.count for bar in bars] + [1])
    description = text("bar_chart_desc", lang, items=items or text("bar_chart_none", lang))
    parts = [svg_open(width, height, title, description, ident)]
    y = MARGIN
    for bar in bars:
        lines = label_lines(bar.label)
        for line in lines:
            y += LINE_HEIGHT
            parts.append(
                f'<text x="{MARGIN}" y="{y - 5}" fill="{TEXT}" '
                f'font-size="{FONT_SIZE}">{esc(line)}</text>'
            )
        length = max(2, round(BAR_WIDTH * bar.count / peak))
        parts.append(
            f'<rect x="{MARGIN}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR}"/>'
            f'<text x="{MARGIN + length + 6}" y="{y + BAR_HEIGHT - 1}" fill="{TEXT}" '
            f'font-size="{FONT_SIZE}">'
            f"{esc(number(bar.count, lang))}</text>"
        )
        y += BAR_HEIGHT + ROW_GAP
    return "".join(parts) + "</svg>"


def chart_size(bars: list[Bar]) -> tuple[int, int]:
    """Width and height of a chart's SVG."""
    return WIDTH, MARGIN * 2 + (sum(_row_height(bar) for bar in bars) if bars else LINE_HEIGHT)


def bar_chart(bars: list[Bar], title: str, heading: str, ident: str, lang: str) -> tuple[str, str]:
    """(SVG document, HTML data table) of one chart; `heading` names the first column of the
    table."""
    rows: list[tuple[str, ...]] = [
        (
            f'<a href="{esc(bar.href)}">{esc(bar.label)}</a>' if bar.href else esc(bar.label),
            esc(number(bar.count, lang)),
        )
        for bar in bars
    ]
    caption = text("bar_chart_data", lang, title=title)
    table = data_table(caption, (heading, text("bar_chart_cases", lang)), rows)
    return _bar_svg(bars, title, ident, lang), table
