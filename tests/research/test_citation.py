"""Cite this case: formatted reference, BibTeX and CSL-JSON; and the repository's CITATION.cff."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from odimpact.corpus import Case, Corpus
from odimpact.paths import REPO_ROOT
from odimpact.publication.cite_this_case import bibtex, bibtex_escape, cite_block, csl_json, formatted_reference
from odimpact.reading import CaseFile
from odimpact.strict_yaml import load
from odimpact.urls import SiteUrls
from tests.research.synthetic import synthetic_front_matter


def _bus(corpus: Corpus) -> Case:
    return corpus.by_id()["synthetic-bus-data"]


def test_formatted_reference_has_url_and_reviewed_date_in_each_language(corpus: Corpus, urls: SiteUrls) -> None:
    case = _bus(corpus)
    assert formatted_reference(case, "en", urls) == (
        "Synthetic Test Author (2026). Synthetic example: a fictional city opens its bus data. Open Data Impact Canada. "
        "Last reviewed 1 February 2026. https://example.org/kb/cases/synthetic-bus-data/")
    french = formatted_reference(case, "fr", urls)
    assert "Incidences des données ouvertes au Canada. Dernière révision le 1er février 2026." in french
    assert french.endswith("https://example.org/kb/fr/cases/synthetic-bus-data/")


def test_bibtex_entry_is_keyed_by_case_id(corpus: Corpus, urls: SiteUrls) -> None:
    entry = bibtex(_bus(corpus), "en", urls)
    assert entry.startswith("@misc{synthetic-bus-data,\n")
    # Both versions can sit in one bibliography: the French one has its own key.
    assert bibtex(_bus(corpus), "fr", urls).startswith("@misc{synthetic-bus-data-fr,\n")
    assert csl_json(_bus(corpus), "fr", urls)["id"] == "synthetic-bus-data-fr"
    assert "  url = {https://example.org/kb/cases/synthetic-bus-data/}" in entry
    assert "  date = {2026-02-01}" in entry and entry.endswith("\n}")
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize("text, expected", [("A & B", r"A \& B"), ("50% {x}", r"50\% \{x\}"), ("a_b#c$", r"a\_b\#c\$"),
                                            ("back\\slash ~ ^", r"back\textbackslash{}slash \~{} \^{}")])
def test_bibtex_escape(text: str, expected: str) -> None:
    assert bibtex_escape(text) == expected


def test_csl_json_item(corpus: Corpus, urls: SiteUrls) -> None:
    item = csl_json(_bus(corpus), "fr", urls)
    assert item["id"] == "synthetic-bus-data-fr" and item["type"] == "webpage"
    assert item["issued"] == {"date-parts": [[2026, 2, 1]]} and item["original-date"] == {"date-parts": [[2026, 1, 15]]}
    assert item["URL"] == "https://example.org/kb/fr/cases/synthetic-bus-data/" and item["language"] == "fr-CA"
    assert item["author"] == [{"literal": "Synthetic Test Author"}]


def _hostile_case(tmp_path: Path) -> Case:
    facts = {**synthetic_front_matter(5, "en"), "title": '<script>alert(1)</script> & "quotes" {braces}'}
    document = load(yaml.safe_dump(facts, allow_unicode=True))
    return Case(id="synthetic-hostile", folder=tmp_path, files={"en": CaseFile(tmp_path, "x", "en", document, "", 1)})


def test_cite_block_escapes_everything(urls: SiteUrls, tmp_path: Path) -> None:
    block = cite_block(_hostile_case(tmp_path), "en", urls)
    assert "<script>" not in block and "&lt;script&gt;" in block
    assert re.findall(r"</?([a-z0-9]+)", block) and set(re.findall(r"</?([a-z0-9]+)", block)) <= {
        "section", "h2", "p", "details", "summary", "pre", "code"}
    csl_text = html.unescape(block.split("<summary>CSL-JSON</summary><pre><code>")[1].split("</code>")[0])
    assert json.loads(csl_text)[0]["title"].startswith("<script>")


def test_cite_block_is_in_the_page_language(corpus: Corpus, urls: SiteUrls) -> None:
    assert '<h2 id="cite-this-case">Cite this case</h2>' in cite_block(_bus(corpus), "en", urls)
    assert '<h2 id="cite-this-case">Citer cette étude de cas</h2>' in cite_block(_bus(corpus), "fr", urls)


def test_citation_cff_has_what_cff_1_2_0_requires() -> None:
    cff = yaml.safe_load((REPO_ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"].strip()
    assert cff["title"] == "Open Data Impact Canada / Incidences des données ouvertes au Canada"
    assert cff["authors"] == [{"name": "Open Data Impact Canada"}]  # an entity: no invented people
    assert cff["type"] in ("software", "dataset") and cff["license"] == "CC-BY-4.0"
    allowed = {"cff-version", "message", "title", "abstract", "type", "authors", "license", "keywords", "url", "repository-code"}
    assert set(cff) <= allowed
    # Its addresses are the ones the site is built with: one source, mkdocs.yml.
    settings = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert cff["url"] == settings["site_url"] and cff["repository-code"] == settings["extra"]["odimpact"]["repository"]
