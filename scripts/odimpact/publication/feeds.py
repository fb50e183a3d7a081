"""Atom feeds (RFC 4287), one per language, of new and updated cases: an entry's `updated` is the
date the case was last reviewed, `published` the date it first appeared, the feed's `updated` its
newest entry's (never the build's time, which would mark every case as changed at each build).
Authors and category labels are in the feed's language. Entry ids are the cases' stable URLs, so a
reader's feed client never sees the same case twice."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from odimpact.corpus import Case, Corpus
from odimpact.languages import language
from odimpact.publication.records import exported_cases
from odimpact.publication.strings import contributor_name, text
from odimpact.reading import CONTROL
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50


def _timestamp(date: object) -> str:
    """An RFC 3339 date-time for a YYYY-MM-DD date: the case files give days, so midnight UTC.
    Cases reviewed the same day share it; the W3C validator warns of that ("Two entries with the
    same value for atom:updated") and says no action is needed when it is true. An invented time
    of day would make the warning go and the date false."""
    return f"{date}T00:00:00Z"


def _updated(case: Case) -> str:
    """The case's last review, else its first publication (dates are language-neutral)."""
    meta = case.meta("en")
    return str(meta.get("reviewed") or meta.get("published") or "1970-01-01")


def _sub(parent: ET.Element, tag: str, content: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if content is not None:  # XML 1.0 has no control characters: never write a feed readers reject
        element.text = CONTROL.sub("", content)
    return element


def _entry(feed: ET.Element, case: Case, lang: str, urls: SiteUrls) -> None:
    meta = case.meta(lang)
    entry = _sub(feed, "entry")
    url = urls.case(case.id, lang)
    _sub(entry, "id", url)
    _sub(entry, "title", str(meta.get("title", case.id)))
    _sub(entry, "updated", _timestamp(_updated(case)))
    _sub(entry, "published", _timestamp(meta.get("published", _updated(case))))
    _sub(
        entry, "link", rel="alternate", type="text/html", href=url, hreflang=case.source_lang(lang)
    )
    _sub(entry, "summary", str(meta.get("summary", "")))
    for name in meta.get("contributors", []) or [text("site_name", lang)]:
        _sub(_sub(entry, "author"), "name", contributor_name(str(name), lang))
    sectors = load_vocabularies()["sectors"]
    for sector in meta.get("sectors", []):
        if sector in sectors.ids():
            _sub(entry, "category", term=str(sector), label=sectors.label(sector, lang))


def atom_feed(corpus: Corpus, lang: str, urls: SiteUrls) -> str:
    """The Atom document of one language, newest review first."""
    ET.register_namespace("", ATOM)
    cases = sorted(
        exported_cases(corpus), key=lambda case: (_updated(case), case.id), reverse=True
    )[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": language(lang).tag})
    _sub(feed, "id", urls.feed(lang))
    _sub(feed, "title", text("feed_title", lang))
    _sub(feed, "subtitle", text("feed_subtitle", lang))
    _sub(feed, "updated", _timestamp(_updated(cases[0])) if cases else _timestamp("1970-01-01"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=urls.feed(lang))
    _sub(feed, "link", rel="alternate", type="text/html", href=urls.absolute(lang, ""))
    _sub(_sub(feed, "author"), "name", text("site_name", lang))
    _sub(feed, "rights", "CC BY 4.0")
    for case in cases:
        _entry(feed, case, lang, urls)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
