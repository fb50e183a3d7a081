"""Debian's chromium, one for the whole test session, for every browser test."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.browser import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    # Fails, never skips, when chromium is missing: `make browser-deps` installs it.
    assert CHROMIUM.exists(), "Debian's chromium is missing: run `make browser-deps`"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
