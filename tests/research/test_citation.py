"""Cite this case: formatted reference (citeproc-py, APA 7th edition, the page's CSL locale),
BibTeX and CSL-JSON, the author in the page's language in each; and the repository's
CITATION.cff."""

from __future__ import annotations

import datetime
import html
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import citeproc.model
import pytest
import yaml
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odimpact.corpus import Case, Corpus
from odimpact.paths import REPO_ROOT
from odimpact.publication.cite_this_case import (
    bibtex,
    bibtex_escape,
    cite_block,
    csl_json,
    formatted_reference,
    reference_html,
    render_reference,
)
from odimpact.publication.sanitise import sanitise
from odimpact.reading import CaseFile
from odimpact.strict_yaml import load
from odimpact.urls import SiteUrls
from tests.synthetic import synthetic_front_matter


def _bus(corpus: Corpus) -> Case:
    return corpus.by_id()["synthetic-bus-data"]


EDITORS = {
    "en": "Open Data Impact Canada editors",
    "fr": "Équipe éditoriale d'Incidences des données ouvertes au Canada",
}
SITE_NAME = {"en": "Open Data Impact Canada", "fr": "Incidences des données ouvertes au Canada"}


def _citeproc(item: dict[str, Any], locale: str) -> str:
    """citeproc-py's own rendering of an item, with a style read afresh (APA 7th edition, by name)
    and citeproc-py's own lookups, without the build's memo of them."""
    element = citeproc.model.CitationStylesElement
    remembered = element.xpath_search
    element.xpath_search = getattr(remembered, "original", remembered)
    try:
        style = CitationStylesStyle("apa", locale=locale, validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return "".join(str(entry) for entry in bibliography.bibliography())
    finally:
        element.xpath_search = remembered


def _editors_case(tmp_path: Path) -> Case:
    """A bilingual synthetic case by the editors, their name written as front matter holds it
    (English)."""
    files = {}
    for lang in ("en", "fr"):
        facts = {
            **synthetic_front_matter(4, lang),
            "id": "synthetic-editors",
            "contributors": [EDITORS["en"]],
            "published": "2025-06-15",
            "reviewed": "2025-09-02",
        }
        files[lang] = CaseFile(
            tmp_path,
            f"index.{lang}.md",
            lang,
            load(yaml.safe_dump(facts, allow_unicode=True)),
            "",
            1,
        )
    return Case(id="synthetic-editors", folder=tmp_path, files=files)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_formatted_reference_is_citeprocs_rendering_of_the_csl_item(
    corpus: Corpus, urls: SiteUrls, tmp_path: Path, lang: str
) -> None:
    # the style read once serves every case
    for case in (_bus(corpus), _editors_case(tmp_path), _bus(corpus)):
        reference = formatted_reference(case, lang, urls)
        assert reference == _citeproc(csl_json(case, lang, urls), f"{lang}-CA")
        assert urls.case(case.id, lang) in reference and SITE_NAME[lang] in reference
        assert f"<i>{html.escape(str(case.meta(lang)['title']), quote=False)}</i>" in reference
    assert formatted_reference(_bus(corpus), lang, urls).startswith(
        "Synthetic Test Author. (2026, "
    )
    assert formatted_reference(_editors_case(tmp_path), lang, urls).startswith(
        f"{EDITORS[lang]}. (2025, "
    )


def test_formatted_reference_dates_are_in_the_page_language(corpus: Corpus, urls: SiteUrls) -> None:
    # The reviewed date (2026-02-01) in each locale's month names; the year leads, as APA puts it.
    assert "(2026, February 1)" in formatted_reference(_bus(corpus), "en", urls)
    assert "(2026, février 1)" in formatted_reference(_bus(corpus), "fr", urls)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cite_block_author_is_in_the_page_language_in_every_format(
    urls: SiteUrls, tmp_path: Path, lang: str
) -> None:
    block = html.unescape(cite_block(_editors_case(tmp_path), lang, urls))
    reference = block.split('<p class="odi-citation-reference">')[1].split("</p>")[0]
    bibtex_text = block.split("<summary>BibTeX</summary>")[1].split("</code>")[0]
    csl_text = block.split("<summary>CSL-JSON</summary><pre><code>")[1].split("</code>")[0]
    assert reference.startswith(EDITORS[lang])
    assert f"author = {{{{{EDITORS[lang]}}}}}" in bibtex_text
    assert json.loads(csl_text)[0]["author"] == [{"literal": EDITORS[lang]}]
    assert EDITORS["fr" if lang == "en" else "en"] not in block


def test_bibtex_entry_is_keyed_by_case_id(corpus: Corpus, urls: SiteUrls) -> None:
    entry = bibtex(_bus(corpus), "en", urls)
    assert entry.startswith("@misc{synthetic-bus-data,\n")
    # Both versions can sit in one bibliography: the French one has its own key.
    assert bibtex(_bus(corpus), "fr", urls).startswith("@misc{synthetic-bus-data-fr,\n")
    assert csl_json(_bus(corpus), "fr", urls)["id"] == "synthetic-bus-data-fr"
    assert "  url = {https://example.org/kb/cases/synthetic-bus-data/}" in entry
    assert "  date = {2026-02-01}" in entry and entry.endswith("\n}")
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A & B", r"A \& B"),
        ("50% {x}", r"50\% \{x\}"),
        ("a_b#c$", r"a\_b\#c\$"),
        ("back\\slash ~ ^", r"back\textbackslash{}slash \~{} \^{}"),
    ],
)
def test_bibtex_escape(text: str, expected: str) -> None:
    assert bibtex_escape(text) == expected


def test_csl_json_item(corpus: Corpus, urls: SiteUrls) -> None:
    item = csl_json(_bus(corpus), "fr", urls)
    assert item["id"] == "synthetic-bus-data-fr" and item["type"] == "webpage"
    assert item["issued"] == {"date-parts": [[2026, 2, 1]]}
    assert (
        item["URL"] == "https://example.org/kb/fr/cases/synthetic-bus-data/"
        and item["language"] == "fr-CA"
    )
    assert item["author"] == [{"literal": "Synthetic Test Author"}]
    assert item["container-title"] == "Incidences des données ouvertes au Canada"
    # No publisher (the site's name twice in the reference) and no original-date (APA would add
    # "Original work published", which a case's first publication is not).
    assert set(item) == {
        "id",
        "type",
        "title",
        "author",
        "container-title",
        "URL",
        "language",
        "issued",
    }


def _hostile_case(tmp_path: Path) -> Case:
    facts = {
        **synthetic_front_matter(5, "en"),
        "title": '<script>alert(1)</script> & "quotes" {braces}',
    }
    document = load(yaml.safe_dump(facts, allow_unicode=True))
    return Case(
        id="synthetic-hostile",
        folder=tmp_path,
        files={"en": CaseFile(tmp_path, "x", "en", document, "", 1)},
    )


def test_cite_block_escapes_everything(urls: SiteUrls, tmp_path: Path) -> None:
    block = cite_block(_hostile_case(tmp_path), "en", urls)
    assert "<script>" not in block and "&lt;script&gt;" in block
    assert re.findall(r"</?([a-z0-9]+)", block) and set(re.findall(r"</?([a-z0-9]+)", block)) <= {
        "section",
        "h2",
        "p",
        "details",
        "summary",
        "pre",
        "code",
        "i",
    }
    csl_text = html.unescape(
        block.split("<summary>CSL-JSON</summary><pre><code>")[1].split("</code>")[0]
    )
    assert json.loads(csl_text)[0]["title"].startswith("<script>")
    # citeproc-py passes an item's text through as it is: the reference escapes it first.
    reference = formatted_reference(_hostile_case(tmp_path), "en", urls)
    assert '<i>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" {braces}</i>' in reference


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_reference_survives_the_sanitiser(
    corpus: Corpus, urls: SiteUrls, tmp_path: Path, lang: str
) -> None:
    for case in (_bus(corpus), _editors_case(tmp_path)):
        paragraph = f'<p class="odi-citation-reference">{formatted_reference(case, lang, urls)}</p>'
        assert paragraph in sanitise(cite_block(case, lang, urls))


def test_cite_block_is_in_the_page_language(corpus: Corpus, urls: SiteUrls) -> None:
    assert '<h2 id="cite-this-case">Cite this case</h2>' in cite_block(_bus(corpus), "en", urls)
    assert '<h2 id="cite-this-case">Citer cette étude de cas</h2>' in cite_block(
        _bus(corpus), "fr", urls
    )


def test_citation_cff_has_what_cff_1_2_0_requires() -> None:
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"].strip()
    assert cff["title"] == "Open Data Impact Canada / Incidences des données ouvertes au Canada"
    assert cff["authors"] == [{"name": "Open Data Impact Canada"}]  # an entity: no invented people
    assert cff["type"] in ("software", "dataset") and cff["license"] == "CC-BY-4.0"
    allowed = {
        "cff-version",
        "message",
        "title",
        "abstract",
        "type",
        "authors",
        "license",
        "keywords",
        "url",
        "repository-code",
        "version",
    }
    assert set(cff) <= allowed
    # The version is the project's one (pyproject.toml), as text: CFF readers take 0.1 for a number.
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert cff["version"] == project["project"]["version"]
    # Its addresses are the ones the site is built with: one source, mkdocs.yml.
    settings = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert (
        cff["url"] == settings["site_url"]
        and cff["repository-code"] == settings["extra"]["odimpact"]["repository"]
    )


_ITEM = {
    "id": "synthetic-item",
    "type": "webpage",
    "author": [{"literal": "Synthetic Test Author"}],
    "container-title": "Open Data Impact Canada",
    "language": "en-CA",
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(min_size=1, max_size=60),
    url=st.text(min_size=1, max_size=40),
    day=st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2035, 12, 31)),
    locale=st.sampled_from(["en-CA", "fr-CA"]),
)
def test_a_reference_from_its_shape_is_citeprocs_own(
    title: str, url: str, day: datetime.date, locale: str
) -> None:
    """The references rendered once per shape, with each case's title and URL put in, are exactly
    what citeproc-py renders for the item itself, whatever the title and URL hold."""
    item = {
        **_ITEM,
        "title": title,
        "URL": url,
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
    }
    assert reference_html(item, locale) == render_reference(item, locale)


def test_a_reference_from_its_shape_holds_the_items_own_values() -> None:
    item = {**_ITEM, "title": "Synthetic <title> & more", "URL": "https://example.org/a?b=1&c=2"}
    reference = reference_html(item, "en-CA")
    assert (
        "<i>Synthetic &lt;title&gt; &amp; more</i>" in reference
        and "https://example.org/a?b=1&amp;c=2" in reference
    )
    assert "stand-in" not in reference and reference == render_reference(item, "en-CA")
    # found by the property test: citeproc-py trims spaces at either end
    blank = {**item, "URL": " 0"}
    assert reference_html(blank, "en-CA") == render_reference(blank, "en-CA")
