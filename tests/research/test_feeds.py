"""Atom feeds: valid structure (RFC 4287 required elements), stable ids, newest review first."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from odimpact.corpus import Corpus
from odimpact.publication.feeds import atom_feed
from odimpact.urls import SiteUrls

NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z\Z")


def _feed(corpus: Corpus, lang: str, urls: SiteUrls) -> ET.Element:
    return ET.fromstring(atom_feed(corpus, lang, urls).encode("utf-8"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_feed_has_required_elements(corpus: Corpus, urls: SiteUrls, lang: str) -> None:
    feed = _feed(corpus, lang, urls)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == f"{lang}-CA"
    for name in ("id", "title", "updated", "author/a:name"):
        assert len(feed.findall(f"a:{name}", NS)) == 1, name
    assert feed.find("a:link[@rel='self']", NS).get("href") == f"https://example.org/kb/{'fr/' if lang == 'fr' else ''}feed.xml"
    entries = feed.findall("a:entry", NS)
    assert len(entries) == len(corpus.published())
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary", "author/a:name"):
            assert entry.find(f"a:{name}", NS) is not None and entry.find(f"a:{name}", NS).text, name
        assert RFC3339.match(entry.find("a:updated", NS).text)
        assert entry.find("a:link[@rel='alternate']", NS).get("href") == entry.find("a:id", NS).text


def test_entry_ids_are_the_stable_case_urls_and_newest_first(corpus: Corpus, urls: SiteUrls) -> None:
    feed = _feed(corpus, "fr", urls)
    ids = [entry.find("a:id", NS).text for entry in feed.findall("a:entry", NS)]
    assert ids == [entry.find("a:id", NS).text for entry in _feed(corpus, "fr", urls).findall("a:entry", NS)]
    assert "https://example.org/kb/fr/cases/synthetic-bus-data/" in ids
    assert "https://example.org/kb/fr/cases/synthetic-draft/" not in ids
    updated = [entry.find("a:updated", NS).text for entry in feed.findall("a:entry", NS)]
    assert updated == sorted(updated, reverse=True)
    assert feed.find("a:updated", NS).text == updated[0]


def test_awaiting_translation_entry_points_at_the_other_language_text(corpus: Corpus, urls: SiteUrls) -> None:
    feed = _feed(corpus, "fr", urls)
    entry = next(e for e in feed.findall("a:entry", NS) if e.find("a:id", NS).text.endswith("/synthetic-awaiting/"))
    assert entry.find("a:link", NS).get("hreflang") == "en"
