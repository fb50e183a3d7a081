""""Cite this case": a formatted reference, BibTeX and CSL-JSON for each case, with its stable URL
and the date it was last reviewed (the version a reader saw)."""
from __future__ import annotations

import datetime
import html
import json
import re
from typing import Any

from odimpact.corpus import Case
from odimpact.languages import DEFAULT, language
from odimpact.publication.formatting import date_text, full_stop
from odimpact.publication.strings import text
from odimpact.urls import SiteUrls

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
        "authors": [str(name) for name in meta.get("contributors", [])] or [text("site_name", lang)],
        "reviewed": reviewed, "url": urls.case(case.id, lang),
        "published": _date(meta.get("published", "")),
    }


def formatted_reference(case: Case, lang: str, urls: SiteUrls) -> str:
    """Plain-text reference: authors (year). Title. Project. Last reviewed <date>. URL"""
    facts = _facts(case, lang, urls)
    reviewed = facts["reviewed"]
    year = reviewed.year if reviewed else "s.d."
    when = date_text(reviewed.isoformat(), lang) if reviewed else "?"
    reviewed_text = text("cite_reviewed", lang, date=when)
    return f"{'; '.join(facts['authors'])} ({year}). {full_stop(facts['title'])} {text('site_name', lang)}. {reviewed_text}. {facts['url']}"


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX braced field."""
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)


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
        ("note", bibtex_escape(text("cite_reviewed", lang, date=reviewed.isoformat() if reviewed else "?"))),
        ("language", language(lang).names["en"].lower()),  # BibTeX's (babel's) language names: english, french
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{{citation_key(case.id, lang)},\n{body}\n}}"


def _date_parts(value: datetime.date | None) -> dict[str, Any] | None:
    return {"date-parts": [[value.year, value.month, value.day]]} if value else None


def csl_json(case: Case, lang: str, urls: SiteUrls) -> dict[str, Any]:
    """A CSL-JSON item (Zotero, Pandoc, citeproc): `issued` is the last-reviewed date."""
    facts = _facts(case, lang, urls)
    item: dict[str, Any] = {
        "id": citation_key(case.id, lang), "type": "webpage", "title": facts["title"],
        "author": [{"literal": name} for name in facts["authors"]],
        "container-title": text("site_name", lang), "publisher": text("site_name", lang), "URL": facts["url"],
        "language": language(lang).tag,
        "issued": _date_parts(facts["reviewed"]), "original-date": _date_parts(facts["published"]),
    }
    return {key: value for key, value in item.items() if value is not None}


def cite_block(case: Case, lang: str, urls: SiteUrls) -> str:
    """The "Cite this case" HTML block for a case page; every value is escaped."""
    csl = json.dumps([csl_json(case, lang, urls)], ensure_ascii=False, indent=2)
    return "\n".join([
        '<section class="odi-citation" aria-labelledby="cite-this-case">',
        f'<h2 id="cite-this-case">{html.escape(text("cite_heading", lang))}</h2>',
        f"<p>{html.escape(text('cite_copy', lang))}</p>",
        f'<p class="odi-citation-reference">{html.escape(formatted_reference(case, lang, urls))}</p>',
        f"<details><summary>BibTeX</summary><pre><code>{html.escape(bibtex(case, lang, urls))}</code></pre></details>",
        f"<details><summary>CSL-JSON</summary><pre><code>{html.escape(csl)}</code></pre></details>",
        "</section>",
    ])
