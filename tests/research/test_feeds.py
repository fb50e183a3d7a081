"""Atom feeds: valid structure (RFC 4287 required elements), stable ids, newest review first, each
entry dated by its case's review (so entries share an `updated` only when their cases were reviewed
the same day: the W3C validator's "Two entries with the same value for atom:updated"), authors and
labels in the feed's language. Read with ElementTree (feedparser is not among the test packages)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from odimpact.corpus import Corpus, load_corpus
from odimpact.publication.feeds import atom_feed
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies
from tests.synthetic import case_text, synthetic_front_matter

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
    assert (
        feed.find("a:link[@rel='self']", NS).get("href")
        == f"https://example.org/kb/{'fr/' if lang == 'fr' else ''}feed.xml"
    )
    entries = feed.findall("a:entry", NS)
    assert len(entries) == len(corpus.published())
    for entry in entries:
        for name in ("id", "title", "updated", "published", "summary", "author/a:name"):
            assert entry.find(f"a:{name}", NS) is not None and entry.find(f"a:{name}", NS).text, (
                name
            )
        assert RFC3339.match(entry.find("a:updated", NS).text)
        assert entry.find("a:link[@rel='alternate']", NS).get("href") == entry.find("a:id", NS).text


def test_entry_ids_are_the_stable_case_urls_and_newest_first(
    corpus: Corpus, urls: SiteUrls
) -> None:
    feed = _feed(corpus, "fr", urls)
    ids = [entry.find("a:id", NS).text for entry in feed.findall("a:entry", NS)]
    assert ids == [
        entry.find("a:id", NS).text for entry in _feed(corpus, "fr", urls).findall("a:entry", NS)
    ]
    assert "https://example.org/kb/fr/cases/synthetic-bus-data/" in ids
    assert "https://example.org/kb/fr/cases/synthetic-draft/" not in ids
    updated = [entry.find("a:updated", NS).text for entry in feed.findall("a:entry", NS)]
    assert updated == sorted(updated, reverse=True)
    assert feed.find("a:updated", NS).text == updated[0]


def test_awaiting_translation_entry_points_at_the_other_language_text(
    corpus: Corpus, urls: SiteUrls
) -> None:
    feed = _feed(corpus, "fr", urls)
    entry = next(
        e
        for e in feed.findall("a:entry", NS)
        if e.find("a:id", NS).text.endswith("/synthetic-awaiting/")
    )
    assert entry.find("a:link", NS).get("hreflang") == "en"


def _entries_by_case(
    feed: ET.Element, urls: SiteUrls, corpus: Corpus, lang: str
) -> dict[str, ET.Element]:
    """The feed's entries keyed by case id (an entry's id is its case's URL)."""
    by_url = {entry.find("a:id", NS).text: entry for entry in feed.findall("a:entry", NS)}
    return {
        case.id: by_url[urls.case(case.id, lang)]
        for case in corpus.published()
        if urls.case(case.id, lang) in by_url
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_entry_dates_are_the_cases_review_and_first_publication(
    corpus: Corpus, urls: SiteUrls, lang: str
) -> None:
    feed = _feed(corpus, lang, urls)
    entries = _entries_by_case(feed, urls, corpus, lang)
    assert len(entries) == len(corpus.published())
    for case_id, entry in entries.items():
        meta = corpus.by_id()[case_id].meta(lang)
        assert entry.find("a:updated", NS).text == f"{meta['reviewed']}T00:00:00Z"
        assert entry.find("a:published", NS).text == f"{meta['published']}T00:00:00Z"
    # The synthetic cases were reviewed on different days: so are their entries updated.
    reviews = {str(corpus.by_id()[case_id].meta(lang)["reviewed"]) for case_id in entries}
    assert len(reviews) == len(entries)
    assert len({entry.find("a:updated", NS).text for entry in entries.values()}) == len(entries)
    # The feed changed when its newest entry did (not at each build).
    assert feed.find("a:updated", NS).text == f"{max(reviews)}T00:00:00Z"


EDITORS = {
    "en": "Open Data Impact Canada editors",
    "fr": "Équipe éditoriale d'Incidences des données ouvertes au Canada",
}


@pytest.fixture(scope="module")
def editors_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Three synthetic cases by the editors (their name as front matter holds it: in English), two
    of them reviewed the same day."""
    root = tmp_path_factory.mktemp("feed-corpus")
    for index, reviewed in ((1, "2025-03-04"), (2, "2025-05-06"), (3, "2025-05-06")):
        for lang in ("en", "fr"):
            facts = {
                **synthetic_front_matter(index, lang),
                "reviewed": reviewed,
                "contributors": [EDITORS["en"]],
            }
            folder = root / "cases" / facts["id"]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"index.{lang}.md").write_text(case_text(facts, lang), encoding="utf-8")
    return load_corpus(root / "cases", root=root)


def test_entries_share_updated_only_when_their_cases_share_a_review_day(
    editors_corpus: Corpus, urls: SiteUrls
) -> None:
    entries = _entries_by_case(_feed(editors_corpus, "en", urls), urls, editors_corpus, "en")
    updated = {case_id: entry.find("a:updated", NS).text for case_id, entry in entries.items()}
    assert updated == {
        "synthetic-case-00001": "2025-03-04T00:00:00Z",
        "synthetic-case-00002": "2025-05-06T00:00:00Z",
        "synthetic-case-00003": "2025-05-06T00:00:00Z",
    }


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_authors_are_in_the_feed_language(
    editors_corpus: Corpus, urls: SiteUrls, lang: str
) -> None:
    feed = _feed(editors_corpus, lang, urls)
    authors = [name.text for name in feed.findall("a:entry/a:author/a:name", NS)]
    assert authors == [EDITORS[lang]] * 3
    other = EDITORS["fr" if lang == "en" else "en"]
    assert other not in atom_feed(editors_corpus, lang, urls)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_category_labels_are_in_the_feed_language(
    corpus: Corpus, urls: SiteUrls, lang: str
) -> None:
    sectors = load_vocabularies()["sectors"]
    entries = _entries_by_case(_feed(corpus, lang, urls), urls, corpus, lang)
    checked = 0
    for case_id, entry in entries.items():
        categories = entry.findall("a:category", NS)
        assert [c.get("term") for c in categories] == [
            s for s in corpus.by_id()[case_id].meta(lang)["sectors"] if s in sectors.ids()
        ]
        for category in categories:
            assert category.get("label") == sectors.label(category.get("term"), lang)
            checked += category.get("label") != sectors.label(
                category.get("term"), "fr" if lang == "en" else "en"
            )
    assert checked  # some labels differ between the languages: the feed's are its own
