"""The data page describes the exports as a schema.org Dataset (JSON-LD in its head) with a
DataDownload per export file, in each language, and lists the files readers can download."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from odimpact.corpus import Corpus
from odimpact.languages import language
from odimpact.paths import REPO_ROOT
from odimpact.publication import fragments
from odimpact.publication.context import make_context
from odimpact.publication.exports import EXPORT_FILES
from tests.research.conftest import BASE_URL
from tests.schema_org import problems

LANGS = ("en", "fr")
MEDIA = {
    "cases.csv": "text/csv",
    "impacts.csv": "text/csv",
    "cases.json": "application/json",
    "datapackage.json": "application/json",
}


def data_page(corpus: Corpus, lang: str) -> tuple[dict[str, Any], str]:
    """The data page as the build generates it: its front matter and its Markdown."""
    source = (REPO_ROOT / "docs" / f"data.{lang}.md").read_text(encoding="utf-8")
    expanded = fragments.expand(source, make_context(corpus, site_url=BASE_URL), "data/", lang)
    _, front, markdown = expanded.split("---\n", 2)
    return yaml.safe_load(front), markdown


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_carries_a_dataset_with_its_downloads(corpus: Corpus, lang: str) -> None:
    meta, _ = data_page(corpus, lang)
    assert "json_ld" not in meta  # the request became the structured data itself
    dataset = json.loads(meta["odimpact"]["json_ld"])
    assert problems(dataset) == []
    prefix = language(lang).prefix
    assert (dataset["@type"], dataset["inLanguage"], dataset["url"]) == (
        "Dataset",
        language(lang).tag,
        f"{BASE_URL}{prefix}data/",
    )
    assert [(d["name"], d["encodingFormat"], d["contentUrl"]) for d in dataset["distribution"]] == [
        (name, MEDIA[name], f"{BASE_URL}{prefix}data/{name}") for name in EXPORT_FILES
    ]
    assert dataset["dateModified"] == max(
        case.meta("en")["reviewed"] for case in corpus.published()
    )
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert (
        dataset["creator"]["name"]
        == dataset["publisher"]["name"]
        == {"en": "Open Data Impact Canada", "fr": "Incidences des données ouvertes au Canada"}[
            lang
        ]
    )
    starts = [case.meta("en")["period"]["start"] for case in corpus.published()]
    ongoing = any(case.meta("en")["period"]["end"] == "ongoing" for case in corpus.published())
    assert ongoing and dataset["temporalCoverage"] == f"{min(starts)}/.."
    assert ("open data" if lang == "en" else "données ouvertes") in dataset["keywords"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_data_page_lists_the_files_it_describes(corpus: Corpus, lang: str) -> None:
    _, markdown = data_page(corpus, lang)
    assert "odimpact:downloads" not in markdown
    for name in EXPORT_FILES:
        assert f'<a href="./{name}"><code>{name}</code></a>' in markdown
    assert '<a href="../cases/data-dictionary/">' in markdown


def test_the_type_check_finds_what_schema_org_does_not_allow() -> None:
    """The check can fail: a property of another type, a value of the wrong type, a missing one."""
    wrong = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Synthetic",
        "contentUrl": "https://example.org/x.csv",
        "dateModified": "last week",
        "distribution": [
            {"@type": "DataDownload", "contentUrl": "x.csv"},
            {"@type": "Organization", "name": "Synthetic"},
        ],
    }
    assert problems(wrong) == [
        "$: Dataset needs description",
        "$.contentUrl: not a property of Dataset",
        "$.dateModified: 'last week' is not a Date",
        "$.distribution[0]: DataDownload needs encodingFormat",
        "$.distribution[0].contentUrl: 'x.csv' is not a URL",
        "$.distribution[1]: {'@type': 'Organization', 'name': 'Synthetic'} is not a DataDownload",
    ]
    assert problems({"@type": "Datset"}) == ["$: unknown @type 'Datset'"]


def test_a_page_without_the_request_is_left_alone(corpus: Corpus) -> None:
    text = "---\ntitle: Synthetic\n---\n\n# Synthetic\n\njson_ld: dataset\n"
    assert fragments.expand(text, make_context(corpus), "synthetic/", "en") == text
