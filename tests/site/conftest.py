"""One real build per test session for each corpus (real cases, synthetic cases, hostile cases)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from odimpact.builder.build import build_site
from odimpact.paths import CASES_DIR
from tests.site.browser import Reader, serve
from tests.synthetic import synthetic_corpus


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built (MkDocs strict + Pagefind) from the synthetic corpus."""
    root = tmp_path_factory.mktemp("synthetic-site")
    synthetic_corpus(root / "cases")
    build_site(root / "site", cases_dir=root / "cases", work=root / "work")
    return root / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's cases/ (no search index: not needed by its tests)."""
    root = tmp_path_factory.mktemp("real-site")
    build_site(root / "site", cases_dir=CASES_DIR, work=root / "work", search=False)
    return root / "site"


@pytest.fixture(scope="module")
def base_url(synthetic_site: Path) -> Iterator[str]:
    """The synthetic site served on 127.0.0.1 for the browser tests of one module."""
    with serve(synthetic_site) as url:
        yield url


@pytest.fixture(scope="module")
def real_base_url(real_site: Path) -> Iterator[str]:
    """The site built from the repository's cases, served for the browser tests of one module."""
    with serve(real_site) as url:
        yield url


@pytest.fixture
def reader(browser: object, base_url: str) -> Iterator[Reader]:
    """A desktop-width reader of the served synthetic site."""
    opened = Reader(browser, base_url)
    yield opened
    opened.close()
