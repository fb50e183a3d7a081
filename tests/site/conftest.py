"""One real build per test session for each corpus (real cases, synthetic cases, hostile cases),
and Debian's chromium for the browser tests."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from odimpact.paths import CASES_DIR
from odimpact.site.build import build_isolated
from tests.site.browser import CHROMIUM, CHROMIUM_ARGS
from tests.site.synthetic import synthetic_corpus


@pytest.fixture(scope="session")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built (MkDocs strict + Pagefind) from the synthetic corpus."""
    root = tmp_path_factory.mktemp("synthetic-site")
    synthetic_corpus(root / "cases")
    build_isolated(root / "cases", root / "site", root / "work")
    return root / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from the repository's cases/ (no search index: not needed by its tests)."""
    root = tmp_path_factory.mktemp("real-site")
    build_isolated(CASES_DIR, root / "site", root / "work", search=False)
    return root / "site"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    # Fails, never skips, when chromium is missing: `make browser-deps` installs it.
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser-deps`"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
