"""Escaping and per-language formatting of every value taken from a case's front matter."""

from __future__ import annotations

import datetime
import functools
import html
import re
import unicodedata
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from odimpact.languages import language
from odimpact.publication import strings

SAFE_URL = re.compile(r"https?://[^\s\"'<>`]+\Z")
# Characters Markdown or attr_list could turn into markup, replaced by entities so that
# text shown in a Markdown context stays text.
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:"})


def collation_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a dictionary sorts: letters first, their accents and case only to break
    ties ("Île-du-Prince-Édouard" between Colombie-Britannique and Manitoba, not after Yukon)."""
    letters = "".join(
        char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char)
    )
    return letters.casefold(), text


def escape(value: Any) -> str:
    """HTML-escaped text of any front-matter value (quotes included, for attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def escape_markdown(value: Any) -> str:
    """Text safe in a Markdown paragraph: HTML-escaped and with Markdown syntax neutralised."""
    return escape(value).translate(_MARKDOWN_SPECIALS)


def safe_url(value: Any) -> str | None:
    """The URL if it is a plain absolute http(s) address, else None (never javascript:,
    data:...)."""
    return value if isinstance(value, str) and SAFE_URL.match(value) else None


def link(label: str, url: Any) -> str:
    """An external link with escaped label, or the label alone when the URL is not safe."""
    target = safe_url(url)
    return f'<a href="{escape(target)}">{label}</a>' if target else label


def number(value: Any, lang: str) -> str:
    """A plain number for `lang`: 1,234.5 / 1 234,5."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return escape(value)
    return _decimal(value, lang)


@functools.lru_cache(maxsize=4096)
def _decimal(value: int | float, lang: str) -> str:
    # Babel is slow per call and the same counts are formatted on every page (a fifth of
    # generation).
    return format_decimal(value, format="#,##0.###", locale=language(lang).locale)


def money(value: Any, currency: str, lang: str) -> str:
    """Money for `lang`: $1,234.5 / 1 234,5 $ (no forced cents: figures are as the source gives
    them)."""
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or currency not in ("CAD", "USD")
    ):
        return escape(value)
    pattern = "¤#,##0.###" if lang == "en" else "#,##0.### ¤"
    return format_currency(
        value, currency, format=pattern, locale=language(lang).locale, currency_digits=False
    )


def percent(value: Any, lang: str) -> str:
    """A percentage given as 91 meaning 91 %: 91% / 91 %."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return escape(value)
    pattern = "#,##0.###%" if lang == "en" else "#,##0.###\u00a0%"
    return format_percent(value / 100, format=pattern, locale=language(lang).locale)


def quantity(value: Any, impact: dict[str, Any], lang: str) -> str:
    """A figure with its unit or currency, formatted for `lang` (HTML-safe)."""
    currency, unit = impact.get("currency"), impact.get("unit")
    if currency:
        return escape(money(value, str(currency), lang))
    if unit == "%":
        return escape(percent(value, lang))
    shown = escape(number(value, lang))
    if not unit:
        return shown
    # A symbol stays on the figure's line (12\u00a0km); a word may wrap (1 234,5 téléchargements),
    # or a narrow table cannot fit a phone's screen.
    space = "\u00a0" if len(str(unit)) <= 3 else " "
    return f"{shown}{space}{escape(unit)}"


def colon(lang: str) -> str:
    """A label's colon: French typography puts a non-breaking space before it."""
    return "\u00a0: " if lang == "fr" else ": "


def parse_date(value: Any) -> datetime.date | None:
    """A YYYY-MM-DD string as a date, or None."""
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


# One date style per language, everywhere a date is shown: "4 March 2024", the form the cases'
# English
# prose uses (Canadian usage allows it and "March 4, 2024"; the glossary asks for one), and
# "4 mars 2024" with "1er" for the first of the month, as French writes it.
DATE_PATTERNS = {"en": "d MMMM y", "fr": "d MMMM y"}
MONTH_PATTERN = "MMMM y"


def date_text(value: Any, lang: str) -> str:
    """YYYY-MM-DD as '1 February 2026' / '1er février 2026'; YYYY-MM as the month; anything else as
    it is
    (plain text: escape it for HTML, or use long_date)."""
    raw = str(value or "")
    if re.fullmatch(r"\d{4}-\d{2}", raw):
        month = datetime.date(int(raw[:4]), max(1, min(12, int(raw[5:]))), 1)
        return format_date(month, MONTH_PATTERN, locale=language(lang).locale)
    parsed = parse_date(raw)
    if parsed is None:
        return raw
    shown = format_date(parsed, DATE_PATTERNS[lang], locale=language(lang).locale)
    return f"1er{shown[1:]}" if lang == "fr" and parsed.day == 1 else shown


def long_date(value: Any, lang: str) -> str:
    """date_text, HTML-escaped."""
    return escape(date_text(value, lang))


def period_text(start: Any, end: Any, lang: str) -> str:
    """Years as readers say them: "since 2001" / "depuis 2001" while ongoing, "2001–2005" /
    "de 2001 à 2005" when over, one year alone when it starts and ends in it (HTML-escaped)."""
    if end == "ongoing":
        return strings.text("period_since", lang, start=escape(start))
    if end is None or end == start:
        return escape(start)
    return strings.text("period_range", lang, start=escape(start), end=escape(end))


_TAGS = re.compile(r"<[^>]*>")


def full_stop(html_text: str) -> str:
    """A sentence's end: a full stop, unless it already ends with one, an ellipsis, ? or ! (a title
    that ends in "…" must not end in "…."). Tags are looked through: "…</cite></a>" ends in "…"."""
    visible = _TAGS.sub("", html_text).rstrip()
    return html_text if not visible or visible.endswith((".", "…", "?", "!")) else html_text + "."


def sentence_case(html_text: str) -> str:
    """Generated text that starts a sentence, with a capital ("mars 2024" after a full stop: "Mars
    2024").
    Only for text the site writes: names and titles keep their own case."""
    match = re.match(r"(?:<[^>]*>|\s)*", html_text)
    at = match.end() if match else 0
    return html_text[:at] + html_text[at : at + 1].upper() + html_text[at + 1 :]
