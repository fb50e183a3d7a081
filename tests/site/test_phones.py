"""Readers on a phone (375 px) and on a desktop (1280 px), in both languages (issue 15): a case's
table of contents reachable, charts and maps with no text under 12 px and nothing clipped, the
coverage matrix scrollable in its own named region with its caption in view, the citation's code
at the text's size, and axe-core clean. Sizes are measured in Debian's chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.site.browser import Reader

pytestmark = [pytest.mark.browser, pytest.mark.slow]
WIDTHS = (375, 1280)
LANGS = {"en": "", "fr": "fr/"}
CASE = "cases/synthetic-evidence/"
SMALLEST_TEXT = 12  # CSS px
# Material hides the sidebar holding the table of contents below 60em (960 px at its 16 px root).
SIDEBAR_TOC_WIDTH = 960


@pytest.fixture(
    params=[(lang, width) for lang in LANGS for width in WIDTHS], ids=lambda p: f"{p[0]}-{p[1]}"
)
def screen(request: pytest.FixtureRequest) -> tuple[str, int]:
    """(language, viewport width) of one reader."""
    return request.param


@pytest.fixture
def reader(browser: object, base_url: str, screen: tuple[str, int]) -> Iterator[Reader]:
    opened = Reader(browser, base_url, screen[1])
    yield opened
    opened.close()


def open_page(reader: Reader, screen: tuple[str, int], path: str) -> object:
    return reader.open(LANGS[screen[0]] + path)


def no_sideways_scrolling(page: object) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


# Labels pointing at no labelable element (Material's sidebar title named the drawer's #__toc,
# which a page outside the navigation does not have).
DANGLING_LABELS = """() => [...document.querySelectorAll('label[for]')]
    .filter(label => !document.getElementById(label.htmlFor))
    .map(label => label.outerHTML.slice(0, 80))"""


def test_a_cases_table_of_contents_is_reachable(reader: Reader, screen: tuple[str, int]) -> None:
    page = open_page(reader, screen, CASE)
    assert page.evaluate(DANGLING_LABELS) == []
    sidebar = page.locator(".md-sidebar--secondary .md-nav__list")
    in_page = page.locator("details.odi-toc")
    if screen[1] >= SIDEBAR_TOC_WIDTH:
        assert sidebar.is_visible() and not in_page.is_visible()
        return
    assert not sidebar.is_visible() and in_page.is_visible()
    summary = in_page.locator("summary")
    assert summary.inner_text().strip() == {"en": "On this page", "fr": "Sur cette page"}[screen[0]]
    assert in_page.locator("nav").get_attribute("aria-label") == summary.inner_text().strip()
    summary.focus()  # a summary is in the tab order; Enter opens it, as a button would
    page.keyboard.press("Enter")
    links = in_page.locator("nav a")
    assert links.count() >= 5 and links.first.is_visible()
    # The same entries as the sidebar's table of contents, each pointing at a heading on the page.
    hrefs = links.evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs == page.locator(".md-sidebar--secondary .md-nav__list a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert all(page.locator(f'[id="{href[1:]}"]').count() == 1 for href in hrefs), hrefs
    links.last.click()
    assert page.url.endswith(hrefs[-1])
    assert no_sideways_scrolling(page)
    assert reader.axe_violations() == []


# Every chart and map image drawn again inline, at the width the page shows it, to measure what a
# reader sees: each text's size on screen (its font size times the image's scale) and whether its
# box stays inside the image's.
MEASURE_IMAGES = """async () => {
  const measured = [];
  for (const image of document.querySelectorAll('.md-content img[src$=".svg"]')) {
    const shown = image.getBoundingClientRect();
    const holder = document.createElement('div');
    holder.style.cssText = 'position: absolute; left: 0; top: 0; visibility: hidden';
    holder.innerHTML = await (await fetch(image.src)).text();
    document.body.append(holder);
    const svg = holder.querySelector('svg');
    const box = svg.viewBox.baseVal;
    svg.setAttribute('width', shown.width);
    svg.setAttribute('height', shown.width * box.height / box.width);
    const frame = svg.getBoundingClientRect();
    const scale = frame.width / box.width;
    const texts = [...svg.querySelectorAll('text')].map(text => {
      const r = text.getBoundingClientRect();
      return {text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale,
              inside: r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5
                      && r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5};
    });
    const column = image.closest('.md-content__inner').getBoundingClientRect();
    measured.push({src: image.getAttribute('src'), texts,
      fits: shown.left >= column.left - 0.5 && shown.right <= column.right + 0.5});
    holder.remove();
  }
  return measured;
}"""


def assert_images_legible(page: object, path: str) -> None:
    images = page.evaluate(MEASURE_IMAGES)
    drawn = {image["src"] for image in images}
    assert (
        drawn >= {"map.svg", "map-effects.svg", "sectors.svg", "year.svg", "impact_types.svg"}
        if "charts" in path
        else drawn
    )
    for image in images:
        assert image["fits"], image["src"]
        assert image["texts"], image["src"]
        small = [
            (text["text"], round(text["px"], 1))
            for text in image["texts"]
            if text["px"] < SMALLEST_TEXT
        ]
        assert small == [], image["src"]
        clipped = [text["text"] for text in image["texts"] if not text["inside"]]
        assert clipped == [], image["src"]
    assert no_sideways_scrolling(page)


@pytest.mark.parametrize("path", ["cases/charts/", "findings/"])
def test_chart_and_map_text_is_legible_and_never_clipped(
    reader: Reader, screen: tuple[str, int], path: str
) -> None:
    page = open_page(reader, screen, path)
    assert_images_legible(page, path)
    assert reader.axe_violations() == []


def test_the_real_cases_long_sector_labels_are_whole(
    browser: object, real_base_url: str, screen: tuple[str, int]
) -> None:
    """The synthetic cases name no long sector ("Régions, villes et aménagement du territoire"); the
    repository's cases do, and it was clipped at 1280 px."""
    reader = Reader(browser, real_base_url, screen[1])
    assert_images_legible(open_page(reader, screen, "cases/charts/"), "cases/charts/")
    reader.close()


MATRICES = """() => [...document.querySelectorAll('.odi-matrix')].map(region => {
  const caption = document.getElementById(region.getAttribute('aria-labelledby'));
  const frame = region.getBoundingClientRect(),
    words = caption.querySelector('span').getBoundingClientRect();
  return {role: region.getAttribute('role'), tabindex: region.getAttribute('tabindex'),
          caption: caption.tagName === 'CAPTION' ? caption.textContent : '',
          captionShown: words.left >= frame.left - 0.5 && words.right <= frame.right + 0.5 &&
            words.width > 0,
          scrolls: region.scrollWidth > region.clientWidth,
          smallest: Math.min(...[...region.querySelectorAll('caption, th, td')]
            .map(cell => parseFloat(getComputedStyle(cell).fontSize)))};
})"""
# After scrolling a region sideways: its caption and its first column still at its left edge.
AFTER_SCROLL = """region => {
  const frame = region.getBoundingClientRect();
  const words = region.querySelector('caption > span').getBoundingClientRect();
  const header = region.querySelector('tbody th').getBoundingClientRect();
  return {scrolled: region.scrollLeft, captionShown: words.left >= frame.left - 0.5 &&
    words.right <= frame.right + 0.5,
          headerAtLeft: Math.abs(header.left - frame.left) <= 2};
}"""


@pytest.mark.parametrize("path", ["cases/coverage/", "cases/charts/"])
def test_the_coverage_matrix_scrolls_in_its_own_named_region(
    reader: Reader, screen: tuple[str, int], path: str
) -> None:
    page = open_page(reader, screen, path)
    matrices = page.evaluate(MATRICES)
    assert len(matrices) == (2 if "coverage" in path else 1)
    for matrix in matrices:
        assert (matrix["role"], matrix["tabindex"]) == ("region", "0")
        assert matrix["caption"].strip() and matrix["captionShown"], matrix
        assert matrix["smallest"] >= SMALLEST_TEXT, matrix
    assert no_sideways_scrolling(page)
    region = page.locator(".odi-matrix").first
    if "coverage" in path:  # wider than the text column at either width: the keyboard scrolls it
        assert matrices[0]["scrolls"]
        region.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        after = region.evaluate(AFTER_SCROLL)
        assert (
            after == {"scrolled": after["scrolled"], "captionShown": True, "headerAtLeft": True}
            and after["scrolled"] > 0
        )
    assert reader.axe_violations() == []


def test_the_citation_code_is_at_the_texts_size(reader: Reader, screen: tuple[str, int]) -> None:
    page = open_page(reader, screen, CASE)
    for summary in page.locator(".odi-citation summary").all():
        summary.click()
    sizes = page.locator(".odi-citation pre code").evaluate_all(
        "codes => codes.map(code => parseFloat(getComputedStyle(code).fontSize))"
    )
    text = page.locator(".odi-citation p").first.evaluate(
        "p => parseFloat(getComputedStyle(p).fontSize)"
    )
    assert len(sizes) == 2 and all(size >= SMALLEST_TEXT and size == text for size in sizes), (
        sizes,
        text,
    )
    assert no_sideways_scrolling(page)
    assert reader.axe_violations() == []


# The map's links are an image map, whose coordinates a browser never scales with the image: the
# point a reader taps at the middle of each tile, as the map is shown, must be that tile's link.
TAPS = """image => [...document.querySelectorAll(`map[name="${image.useMap.slice(1)}"] area`)]
  .map(area => {
  const [left, top, right, bottom] = area.coords.split(',').map(Number);
  const shown = image.getBoundingClientRect(), scale = shown.width / image.naturalWidth;
  const hit = document.elementFromPoint(shown.left + (left + right) / 2 * scale,
    shown.top + (top + bottom) / 2 * scale);
  return [area.dataset.jurisdiction, hit && hit.dataset ? hit.dataset.jurisdiction ||
    hit.tagName : null];
})"""


def test_tapping_a_map_tile_follows_that_tiles_link(
    reader: Reader, screen: tuple[str, int]
) -> None:
    page = open_page(reader, screen, "cases/charts/")
    for image in page.locator(".odi-map img").all():
        image.scroll_into_view_if_needed()
        taps = image.evaluate(TAPS)
        assert taps and all(tile == hit for tile, hit in taps), taps


def test_each_languages_page_not_found_reads_in_that_language_on_every_screen(
    reader: Reader, screen: tuple[str, int]
) -> None:
    """The 404 page a reader meets under each language's address is in that language, fits the
    screen, leads home and to search in the same language, and is axe-core clean."""
    lang = screen[0]
    page = open_page(reader, screen, "404.html")
    assert page.evaluate("() => document.documentElement.lang") == lang
    heading = {"en": "Page not found", "fr": "Page introuvable"}[lang]
    assert page.locator("article h1").first.inner_text().strip() == heading
    links = page.locator("article a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert any(
        href.rstrip("/").endswith(("knowledge-base", "knowledge-base/fr")[lang == "fr"])
        for href in links
    ), links
    assert any("search" in href for href in links), links
    assert no_sideways_scrolling(page)
    assert reader.axe_violations() == []
