"""The research features in the built site: data files at their stable URLs, feeds linked from
every page, the cite block on case pages, chart images with their data tables."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import frictionless
import pytest

from odimpact.corpus import Corpus
from odimpact.publication.cite_this_case import citation_key, formatted_reference
from odimpact.urls import SiteUrls
from tests.schema_org import problems
from tests.site.helpers import json_ld, page

pytestmark = pytest.mark.slow
SITE_URL = "https://open-data-impact-canada.github.io/knowledge-base/"  # mkdocs.yml's site_url


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_data_files_are_published_and_valid(
    research_site: Path, corpus: Corpus, prefix: str
) -> None:
    folder = research_site / prefix / "data"
    assert frictionless.validate(folder / "datapackage.json").valid
    document = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    assert sorted(case["id"] for case in document["cases"]) == sorted(
        case.id for case in corpus.published()
    )
    assert document["cases"][0]["url"].startswith(SITE_URL + prefix + "cases/")
    explore = json.loads((folder / "explore.json").read_text(encoding="utf-8"))
    assert len(explore["cases"]) == len(corpus.published()) and explore["lang"] == (
        prefix.rstrip("/") or "en"
    )


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_the_data_page_describes_the_dataset_it_links(research_site: Path, prefix: str) -> None:
    """The JSON-LD of the built data page passes the schema.org type check, and every download it
    names is a file of the site that the page links."""
    html = page(research_site, f"{prefix}data/")
    dataset = json_ld(html)
    assert dataset["@type"] == "Dataset" and problems(dataset) == []
    assert dataset["url"] == f"{SITE_URL}{prefix}data/" and dataset["inLanguage"] == (
        "fr-CA" if prefix else "en-CA"
    )
    for download in dataset["distribution"]:
        assert download["contentUrl"].startswith(SITE_URL + prefix + "data/")
        assert (research_site / download["contentUrl"].removeprefix(SITE_URL)).is_file()
        assert f'href="./{download["name"]}"' in html or f'href="{download["name"]}"' in html
    assert len(dataset["distribution"]) == 4


@pytest.mark.parametrize(
    "page, feed",
    [
        ("index.html", "feed.xml"),
        ("fr/cases/synthetic-bus-data/index.html", "fr/feed.xml"),
        ("cases/explore/index.html", "feed.xml"),
        ("fr/index.html", "fr/feed.xml"),
        ("fr/404.html", "fr/feed.xml"),
    ],
)
def test_every_page_links_its_language_feed(research_site: Path, page: str, feed: str) -> None:
    html = (research_site / page).read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    links = re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head
    )
    assert len(links) == 1
    base = "https://example.invalid/kb/"  # the 404 page links from the site's root path
    assert urljoin(base + page, links[0].replace("/knowledge-base/", "/kb/")) == base + feed
    assert (research_site / feed).is_file()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_case_page_offers_cite_this_case(research_site: Path, corpus: Corpus, lang: str) -> None:
    prefix = "fr/" if lang == "fr" else ""
    html = (research_site / f"{prefix}cases/synthetic-bus-data/index.html").read_text(
        encoding="utf-8"
    )
    heading = {"en": "Cite this case", "fr": "Citer cette étude de cas"}[lang]
    assert f'<h2 id="cite-this-case">{heading}</h2>' in html
    assert (
        f"@misc{{{citation_key('synthetic-bus-data', lang)}," in html
        and f"{SITE_URL}{prefix}cases/synthetic-bus-data/" in html
    )
    # The reference citeproc renders, through the plugin and the sanitiser unchanged (its italics
    # kept).
    reference = formatted_reference(corpus.by_id()["synthetic-bus-data"], lang, SiteUrls(SITE_URL))
    assert f'<p class="odi-citation-reference">{reference}</p>' in html and "<i>" in reference


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_charts_page_has_images_tables_and_map(research_site: Path, prefix: str) -> None:
    folder = research_site / prefix / "cases" / "charts"
    html = (folder / "index.html").read_text(encoding="utf-8")
    for name in ("sectors", "year", "impact_types", "map", "map-effects"):
        assert f'src="{name}.svg"' in html
        root = ET.parse(folder / f"{name}.svg").getroot()
        assert root.get("role") == "img" and root.find("{http://www.w3.org/2000/svg}title").text
    # The two maps' data tables, the evidence gap map and the three charts' tables.
    assert html.count("<table>") == 6 and html.count("<caption") == 6
    assert re.findall(
        r'<area shape="rect" coords="[\d,]+" href="\.\./by-place-of-effect/ca-[a-z]{2}/"', html
    )
    assert 'id="evidence-gap-map"' in html and "odi-gap-map" in html
    assert re.findall(
        r'<area shape="rect" coords="[\d,]+" href="\.\./by-jurisdiction/ca-[a-z]{2}/"', html
    )
