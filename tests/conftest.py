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
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


# Whole-site builds: a test that asks for one is slow, whether or not it says so (`make test-fast`
# leaves out `slow` and `browser` tests).
SITE_FIXTURES = {"synthetic_site", "real_site", "research_site"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
