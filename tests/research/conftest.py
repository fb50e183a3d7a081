"""A small synthetic corpus for the research generators: generated cases, the synthetic bus fixture,
a draft (must not be exported) and a case awaiting its French translation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from odimpact.builder.build import build_site
from odimpact.corpus import Corpus, load_corpus
from odimpact.paths import REPO_ROOT
from odimpact.urls import SiteUrls
from tests.synthetic import case_text, synthetic_front_matter, write_synthetic_cases

BASE_URL = "https://example.org/kb/"
GENERATED_COUNT = 12


def _write_case(cases_dir: Path, facts_by_lang: dict[str, dict]) -> None:
    for lang, facts in facts_by_lang.items():
        folder = cases_dir / facts["id"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"index.{lang}.md").write_text(case_text(facts, lang), encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("research-corpus")
    cases_dir = root / "cases"
    write_synthetic_cases(cases_dir, GENERATED_COUNT)
    shutil.copytree(
        REPO_ROOT / "tests/fixtures/valid/synthetic-bus-data", cases_dir / "synthetic-bus-data"
    )
    draft = {
        lang: {**synthetic_front_matter(900, lang), "id": "synthetic-draft", "status": "draft"}
        for lang in ("en", "fr")
    }
    _write_case(cases_dir, draft)
    awaiting = {
        **synthetic_front_matter(901, "en"),
        "id": "synthetic-awaiting",
        "translation": "awaiting",
    }
    _write_case(cases_dir, {"en": awaiting})
    return root


@pytest.fixture(scope="session")
def corpus(corpus_root: Path) -> Corpus:
    return load_corpus(corpus_root / "cases", root=corpus_root)


@pytest.fixture(scope="session")
def urls() -> SiteUrls:
    return SiteUrls(BASE_URL)


@pytest.fixture(scope="session")
def research_site(corpus_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site (MkDocs strict, no search index) built from the synthetic corpus."""
    work = tmp_path_factory.mktemp("research-site")
    build_site(work / "site", cases_dir=corpus_root / "cases", work=work / "work", search=False)
    return work / "site"
