"""The visual overview's tables that the browser lays out only once a reader nears them
(overrides/assets/research/research.css, `content-visibility: auto`; issue 15), on the repository's
cases, in both languages, on phones (375 px, and Lighthouse's 412 px) and a desktop: each is skipped
until then, and the height kept for it meanwhile is at least its real height. A shorter one would
let a tool that lays skipped content out without showing it (axe-core's target sizes, which
Lighthouse scores) find the table's rows overlapping the links after it. Once shown, the page is
axe-core clean."""

from __future__ import annotations

import pytest

from tests.site.browser import Reader

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHARTS = {"en": "cases/charts/", "fr": "fr/cases/charts/"}
WIDTHS = (375, 412, 1280)
SKIPPED = ".odi-chart-data, .odi-matrix"
# Each table's kept height (the last length of its computed contain-intrinsic-height, "auto 960px"),
# then its real one, measured with content-visibility set aside.
HEIGHTS = """selector => [...document.querySelectorAll(selector)].map(table => {
  const style = getComputedStyle(table);
  const skipped = style.contentVisibility,
    kept = parseFloat(style.containIntrinsicHeight.split(' ').pop());
  table.style.contentVisibility = 'visible';
  const real = table.getBoundingClientRect().height;
  table.style.contentVisibility = '';
  return {caption: table.querySelector('caption').textContent.trim().slice(0, 60), skipped, kept,
    real};
})"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", CHARTS)
def test_the_overviews_tables_keep_at_least_their_real_height_until_shown(
    browser: object, real_base_url: str, lang: str, width: int
) -> None:
    reader = Reader(browser, real_base_url, width)
    page = reader.open(CHARTS[lang])
    tables = page.evaluate(HEIGHTS, SKIPPED)
    assert len(tables) >= 6, tables  # the two maps', the gap map, sectors, years, impact types
    for table in tables:
        assert table["skipped"] == "auto", table
        assert table["real"] <= table["kept"] + 0.5, table
    # Once shown, axe-core clean. Shown for good first: axe scrolls to the elements it checks, and
    # a table laid out in the middle of that shifts the page under it (a flaky contrast finding).
    page.evaluate(
        "selector => document.querySelectorAll(selector)"
        ".forEach(table => { table.style.contentVisibility = 'visible'; })",
        SKIPPED,
    )
    page.locator(SKIPPED).last.scroll_into_view_if_needed()
    assert reader.axe_violations() == []
    reader.close()
