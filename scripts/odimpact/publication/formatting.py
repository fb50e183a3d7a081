"""Escaping and per-language formatting of every value taken from a case's front matter."""
from __future__ import annotations

import datetime
import functools
import html
import re
import unicodedata
from typing import Any

from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent

from odimpact.languages import language

SAFE_URL = re.compile(r"https?://[^\s\"'<>`]+\Z")
# Characters Markdown or attr_list could turn into markup, replaced by entities so that
# text shown in a Markdown context stays text.
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~:"})


def collation_key(text: str) -> tuple[str, str]:
    """Alphabetical order as a dictionary sorts: letters first, their accents and case only to break
    ties ("Île-du-Prince-Édouard" between Colombie-Britannique and Manitoba, not after Yukon)."""
    letters = "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))
    return letters.casefold(), text


def escape(value: Any) -> str:
    """HTML-escaped text of any front-matter value (quotes included, for attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


def escape_markdown(value: Any) -> str:
    """Text safe in a Markdown paragraph: HTML-escaped and with Markdown syntax neutralised."""
    return escape(value).translate(_MARKDOWN_SPECIALS)


def safe_url(value: Any) -> str | None:
    """The URL if it is a plain absolute http(s) address, else None (never javascript:, data:...)."""
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
    # Babel is slow per call and the same counts are formatted on every page (a fifth of generation).
    return format_decimal(value, format="#,##0.###", locale=language(lang).locale)


def money(value: Any, currency: str, lang: str) -> str:
    """Money for `lang`: $1,234.5 / 1 234,5 $ (no forced cents: figures are as the source gives them)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or currency not in ("CAD", "USD"):
        return escape(value)
    pattern = "¤#,##0.###" if lang == "en" else "#,##0.### ¤"
    return format_currency(value, currency, format=pattern, locale=language(lang).locale, currency_digits=False)


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


def long_date(value: Any, lang: str) -> str:
    """YYYY-MM-DD as 'February 1, 2026' / '1 février 2026'; YYYY-MM and YYYY as month or year."""
    text = str(value or "")
    if re.fullmatch(r"\d{4}-\d{2}", text):
        month = datetime.date(int(text[:4]), max(1, min(12, int(text[5:]))), 1)
        return escape(format_skeleton("yMMMM", month, locale=language(lang).locale))
    parsed = parse_date(text)
    return escape(format_date(parsed, format="long", locale=language(lang).locale) if parsed else text)
