"""The header's search (overrides/partials/header-search.html, docs/assets/search.js) in Debian's
chromium: on a phone and a wide screen, in both languages, named, opened from the keyboard as in
Material, searching the page's own language, closed with Escape, axe-core clean, fetching the
index only once opened, the arrow keys moving between the field and the results, and a plain link to
the search page without JavaScript."""

from __future__ import annotations

import re

import pytest

from odimpact.publication.strings import text
from tests.site.browser import Reader

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CASE = "cases/synthetic-bus-data/"
LISTED = "cases/"
# A word of the synthetic bus case in each language, and what Pagefind's message says of its
# results.
QUERY = {"en": "bus", "fr": "autobus"}
STATUS = {
    "en": re.compile(r"(\d+) results? for bus"),
    "fr": re.compile(r"(\d+) résultats? pour autobus"),
}
WIDTHS = [375, 1280]
LANGS = ["en", "fr"]
FIELD = ".odi-hsearch__dialog .pagefind-ui__search-input"
RESULT = ".odi-hsearch__dialog .pagefind-ui__result-link"


def _prefix(lang: str) -> str:
    return "" if lang == "en" else "fr/"


def _index_requests(reader: Reader) -> list[str]:
    return [url for url in reader.requested if "/pagefind/" in url]


FOCUSED = "selector => document.activeElement === document.querySelector(selector)"


def _focused(page: object, selector: str) -> bool:
    return page.evaluate(FOCUSED, selector)


def _focus_reaches(page: object, selector: str) -> None:
    """Waits for focus to land on `selector` (focus comes back on the dialog's close event, a task
    queued after it closes); a timeout fails the test."""
    page.wait_for_function(FOCUSED, arg=selector, timeout=5000)


def _open_and_search(reader: Reader, lang: str) -> object:
    """The case page, its search opened with "/" and its word typed; the page once results show."""
    page = reader.page
    page.keyboard.press("/")
    page.wait_for_function(FOCUSED, arg=FIELD, timeout=10000)
    page.keyboard.type(QUERY[lang])
    # Settled: the status region repeats Pagefind's message for the whole word ("3 results for
    # bus"), not one for the first letters typed, nor "Searching for bus...".
    page.wait_for_function(
        (
            "word => document.querySelector('.odi-hsearch "
            "[role=status]').textContent.endsWith(' ' + word)"
        ),
        arg=QUERY[lang],
        timeout=10000,
    )
    # each result's link comes with its page's data, fetched after
    page.wait_for_selector(RESULT, timeout=10000)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_slash_opens_a_search_of_the_pages_own_language_and_escape_closes_it(
    browser: object, base_url: str, lang: str, width: int
) -> None:
    reader = Reader(browser, base_url, width)
    page = reader.open(_prefix(lang) + CASE)
    control = page.locator(".md-header").get_by_role(
        "button", name=text("search_control", lang), exact=True
    )
    assert control.is_visible()
    assert _index_requests(reader) == [], (
        "the search index was fetched before the reader opened search"
    )

    _open_and_search(reader, lang)
    assert page.get_by_role("dialog", name=text("search_dialog", lang), exact=True).is_visible()
    assert _index_requests(reader), "opening search fetched nothing from the language's bundle"
    own_bundle = f"{reader.base_url}{_prefix(lang)}pagefind/"
    assert all(url.startswith(own_bundle) for url in _index_requests(reader)), _index_requests(
        reader
    )
    links = page.eval_on_selector_all(RESULT, "links => links.map(l => l.href)")
    assert f"{reader.base_url}{_prefix(lang)}{CASE}" in links, links
    assert all(("/fr/" in link) == (lang == "fr") for link in links), links

    # The status region says how many results there are, in the page's language.
    status = page.inner_text(".odi-hsearch [role=status]")
    found = STATUS[lang].fullmatch(status)
    assert found, status
    count, more = (
        int(found.group(1)),
        page.locator(".odi-hsearch__dialog .pagefind-ui__button").count(),
    )
    # Pagefind shows five, then "load more"
    assert count == len(links) or (count > len(links) and more == 1), (status, links)

    page.keyboard.press("Escape")
    page.get_by_role("dialog").wait_for(state="hidden", timeout=5000)
    _focus_reaches(page, "button.odi-hsearch__control")
    reader.close()


FOCUSED_HREF = "() => document.activeElement.href || null"


@pytest.mark.parametrize("lang", LANGS)
def test_arrow_keys_move_between_the_field_and_the_results_as_in_material(
    reader: Reader, lang: str
) -> None:
    """Down from the field to the first result and on through the results, round to the field;
    up back the same way; the dialog stays open, the typed words unchanged, axe-core clean."""
    reader.open(_prefix(lang) + CASE)
    page = _open_and_search(reader, lang)
    links = page.eval_on_selector_all(RESULT, "links => links.map(l => l.href)")
    assert len(links) >= 2, links  # from one result to the next needs two
    for expected in links:
        page.keyboard.press("ArrowDown")
        assert page.evaluate(FOCUSED_HREF) == expected
    page.keyboard.press("ArrowDown")
    assert _focused(page, FIELD)
    page.keyboard.press("ArrowUp")
    assert page.evaluate(FOCUSED_HREF) == links[-1]
    for expected in reversed(links[:-1]):
        page.keyboard.press("ArrowUp")
        assert page.evaluate(FOCUSED_HREF) == expected
    page.keyboard.press("ArrowUp")
    assert _focused(page, FIELD)
    assert page.locator(".odi-hsearch__dialog[open]").count() == 1
    assert page.input_value(FIELD) == QUERY[lang]
    page.keyboard.press("ArrowDown")
    assert reader.axe_violations() == []
    # A result reached with the arrows is followed like any link. The first result can be the
    # page itself, whose address then matches at once: wait for the new document's load event,
    # not the address (closing the page while it still loads hung a CI run).
    with page.expect_event("load"):
        page.keyboard.press("Enter")
    assert page.url == links[0]


@pytest.mark.parametrize("key", ["s", "f"])
@pytest.mark.parametrize("lang", LANGS)
def test_material_search_keys_open_search_and_the_close_button_returns_focus(
    reader: Reader, lang: str, key: str
) -> None:
    page = reader.open(_prefix(lang) + LISTED)
    link = page.locator(".md-content a").first
    link.focus()
    page.keyboard.press(key)
    page.wait_for_function(FOCUSED, arg=FIELD, timeout=10000)
    page.keyboard.type(key)  # typed into the field: the key opens search only outside a field
    assert page.input_value(FIELD) == key
    page.get_by_role("button", name=text("search_close", lang), exact=True).click()
    page.get_by_role("dialog").wait_for(state="hidden", timeout=5000)
    page.wait_for_function(
        "href => document.activeElement.href === href",
        arg=link.evaluate("l => l.href"),
        timeout=5000,
    )


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_accessibility_violations_with_search_closed_and_open(
    browser: object, base_url: str, lang: str, width: int
) -> None:
    reader = Reader(browser, base_url, width)
    page = reader.open(_prefix(lang) + CASE)
    assert reader.axe_violations() == []
    _open_and_search(reader, lang)
    assert page.locator(RESULT).count() > 0
    assert reader.axe_violations() == []
    reader.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_control_is_a_link_to_the_search_page(
    browser: object, base_url: str, lang: str, width: int
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(base_url + _prefix(lang) + CASE)
    link = page.locator(".md-header").get_by_role(
        "link", name=text("search_control", lang), exact=True
    )
    assert link.is_visible()
    assert page.locator("dialog[open]").count() == 0
    link.click()
    page.wait_for_url(f"{base_url}{_prefix(lang)}search/")
    assert page.get_attribute("html", "lang") == lang
    context.close()


def test_on_the_search_page_the_control_goes_to_the_pages_own_field(reader: Reader) -> None:
    page = reader.open("fr/search/")
    page.wait_for_selector("#odi-search .pagefind-ui__search-input")
    page.locator(".md-content a").first.focus()
    page.get_by_role("button", name=text("search_control", "fr"), exact=True).click()
    assert _focused(page, "#odi-search .pagefind-ui__search-input")
    assert page.locator("dialog[open]").count() == 0
