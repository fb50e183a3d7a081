"""A case's figures as readers say them: grouped by what they measure, qualifiers and ranges in
words ("more than 500", "de 35 000 à 60 000 utilisateurs"), large sums in words ("about
$20.7 billion", "environ 20,7 milliards de dollars"), baselines as before and after.

Every value from front matter is escaped here; the blocks are raw HTML.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection
from typing import Any

from babel.numbers import format_compact_decimal

from odimpact.languages import language
from odimpact.publication.context import SiteContext, as_dicts
from odimpact.publication.formatting import colon, escape, period_text, quantity
from odimpact.publication.strings import text
from odimpact.vocabularies import Vocabulary

MONEY_WORDS = {
    ("CAD", "en"): "${number}",
    ("USD", "en"): "US${number}",
    ("CAD", "fr"): "{number} de dollars",
    ("USD", "fr"): "{number} de dollars américains",
}


def _in_words(value: float) -> bool:
    """Millions and more read better in words, when no digit is lost (20.7 billion, not 1.303456
    million)."""
    if abs(value) < 1e6:
        return False
    scale = 1e6 if abs(value) < 1e9 else 1e9 if abs(value) < 1e12 else 1e12
    return math.isclose(round(value / scale, 2) * scale, value, rel_tol=1e-12)


def amount(value: Any, figure: dict[str, Any], lang: str) -> str:
    """One value with its unit or currency, large ones in words (HTML-safe)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not _in_words(value):
        return quantity(value, figure, lang)
    words = format_compact_decimal(
        value, format_type="long", locale=language(lang).locale, fraction_digits=2
    )
    currency, unit = figure.get("currency"), figure.get("unit")
    if currency in ("CAD", "USD"):
        return escape(MONEY_WORDS[(currency, lang)].format(number=words))
    return escape(f"{words} {unit}" if unit else words)


def figure_text(figure: dict[str, Any], qualifiers: Vocabulary, lang: str) -> str:
    """The figure as a sentence would put it: qualifier, value or range, unit."""
    qualifier = figure.get("qualifier", "exact")
    words = qualifiers.term(qualifier).extra["words"][lang] if qualifier in qualifiers.ids() else ""
    if "value" in figure:
        shown = amount(figure["value"], figure, lang)
    else:
        # A word unit is said once, after the range ("35,000 to 60,000 users"); symbols stay on each
        # end.
        unit = figure.get("unit")
        word_unit = bool(unit) and unit != "%" and not figure.get("currency")
        bare = (
            {key: value for key, value in figure.items() if key != "unit"} if word_unit else figure
        )
        low, high = amount(figure.get("min"), bare, lang), amount(figure.get("max"), bare, lang)
        shown = text("range", lang, low=low, high=high) + (f" {escape(unit)}" if word_unit else "")
        if lang == "fr" and qualifier == "about":  # « de 35 000 à 60 000 utilisateurs environ »
            return f"{shown} {escape(words)}"
    return f"{escape(words)} {shown}" if words else shown


def lang_attribute(language: object, lang: str) -> str:
    """A lang attribute for text in another language than the page's (WCAG 3.1.2), else nothing.
    The language is the one the case records for the source: guessing it at build time would load
    a language model into every build process (120 MB and 1.5 s each)."""
    return (
        f' lang="{escape(language)}"'
        if isinstance(language, str) and language and language != lang
        else ""
    )


def _period(years: dict[str, Any], lang: str) -> str:
    if isinstance(years.get("period"), dict):
        return period_text(years["period"].get("start"), years["period"].get("end"), lang)
    return escape(years.get("year"))


# A source id written in a note, as "(s2)", "[s2]" or "s2" ("according to s1"): shown as the body
# shows it.
NOTE_SOURCE = re.compile(
    r"\((s[1-9][0-9]*)\)|\[(s[1-9][0-9]*)\]|(?<![\w/.#&-])(s[1-9][0-9]*)(?![\w/-])"
)


def cite_in_note(note: Any, cite: Callable[[str], str], known: Collection[str]) -> str:
    """A note, escaped, with each source of the case it names cited as the body cites it ("(s2)" ->
    "[2]")."""

    def cited(match: re.Match[str]) -> str:
        source_id = next(group for group in match.groups() if group)
        return cite(source_id) if source_id in known else match.group(0)

    return NOTE_SOURCE.sub(cited, escape(note))


def _source_cell(figure: dict[str, Any], cite: Callable[[Any], str], lang: str) -> str:
    locator = f", {escape(figure['locator'])}" if figure.get("locator") else ""
    return f"{cite(figure.get('source'))}{locator}"


def _details(
    figure: dict[str, Any],
    columns: int,
    languages: dict[str, object],
    cite: Callable[[Any], str],
    lang: str,
) -> str:
    """The row under a figure: what it is compared with, the quote that proves it, the caveat."""
    parts = []
    if figure.get("comparison"):
        parts.append(f"{text('compared_with', lang)}{colon(lang)}{escape(figure['comparison'])}")
    if figure.get("quote"):
        said_in = lang_attribute(languages.get(str(figure.get("source"))), lang)
        parts.append(f"<q{said_in}>{escape(figure['quote'])}</q>")
    else:
        parts.append(f'<span class="odi-unverified">{text("unverified", lang)}</span>')
    if figure.get("note"):
        parts.append(cite_in_note(figure["note"], cite, languages))
    return f'<tr class="odi-note"><td colspan="{columns}">{"<br>".join(parts)}</td></tr>'


def _table(
    kind: str | int,
    figures: list[dict[str, Any]],
    languages: dict[str, object],
    ctx: SiteContext,
    cite: Callable[[Any], str],
    lang: str,
) -> str:
    qualifiers = ctx.vocabularies["figure-qualifiers"]
    change = kind in ("outcome", "impact")
    keys = (
        ("measure", "before", "after", "source")
        if change
        else ("measure", "figure", "year", "source")
    )
    rows = []
    for figure in figures:
        shown = (
            f"{figure_text(figure, qualifiers, lang)} ({escape(figure.get('year'))})"
            if change
            else figure_text(figure, qualifiers, lang)
        )
        cells = [escape(figure.get("measure"))]
        if change:
            baseline = figure.get("baseline")
            before = (
                f"{amount(baseline.get('value'), figure, lang)} ({_period(baseline, lang)})"
                if isinstance(baseline, dict)
                else text("not_reported", lang)
            )
            cells += [before, shown]
        else:
            cells += [shown, escape(figure.get("year"))]
        cells.append(_source_cell(figure, cite, lang))
        # Figures may wrap ("3,83 infractions (2004–2006)"): a phone has no room for two unwrapped
        # columns.
        numeric = ' class="odi-figure"'
        rows.append(
            "<tr>"
            + "".join(
                f"<td{numeric if 0 < i < 3 else ''}>{cell}</td>" for i, cell in enumerate(cells)
            )
            + "</tr>"
            + _details(figure, len(keys), languages, cite, lang)
        )
    head = "".join(f'<th scope="col">{text(key, lang)}</th>' for key in keys)
    title = escape(ctx.vocabularies["figure-kinds"].term(kind).extra["plural"][lang])
    meaning = escape(ctx.vocabularies["figure-kinds"].term(kind).definition[lang])
    return (
        f'<h3 id="figures-{kind}">{title}</h3><p class="odi-meaning">{meaning}</p>'
        f"<div "
        f'class="odi-table"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
    )


def figures_by_kind(
    ctx: SiteContext, meta: dict[str, Any], cite: Callable[[Any], str], lang: str
) -> str:
    """One table per kind of figure, in the logic model's order (outputs first, impacts last)."""
    figures = as_dicts(meta.get("impacts"))
    languages = {
        str(source.get("id")): source.get("language") for source in as_dicts(meta.get("sources"))
    }
    tables = [
        _table(
            kind,
            [figure for figure in figures if figure.get("kind") == kind],
            languages,
            ctx,
            cite,
            lang,
        )
        for kind in ctx.vocabularies["figure-kinds"].ids()
        if any(figure.get("kind") == kind for figure in figures)
    ]
    return "".join(tables)
