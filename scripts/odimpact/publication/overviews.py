"""Lists of cases: all cases and by sector, jurisdiction, impact type and year, paginated.

Only published cases are listed. Each list page holds at most PAGE_SIZE cases, so no page grows
with the corpus (and the build stays linear).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from odimpact.corpus import Case
from odimpact.languages import LANGUAGES
from odimpact.places import places_of_effect
from odimpact.publication.case_sections import count_text
from odimpact.publication.context import SiteContext, as_list, shown_field
from odimpact.publication.formatting import collation_key, escape
from odimpact.publication.pages import Page, html_page
from odimpact.publication.strings import text
from odimpact.urls import case_url, listing_url, relative

PAGE_SIZE = 20
FACET_TITLES = {
    "sectors": "by_sector",
    "jurisdiction": "by_jurisdiction",
    "effects_in": "by_effect",
    "impact_types": "by_impact",
    "year": "by_year",
}

PLACE_FACETS = ("jurisdiction", "effects_in")
FEDERAL = "CA"  # the Government of Canada in the jurisdictions vocabulary


def facet_values(case: Case, facet: str) -> list[Any]:
    """The terms a case is listed under for one facet."""
    meta = case.meta("en")
    # the year the case's period begins (strings.yml: by_year_intro says what that is)
    if facet == "year":
        start = (
            meta.get("period", {}).get("start") if isinstance(meta.get("period"), dict) else None
        )
        return [start] if isinstance(start, int) and not isinstance(start, bool) else []
    if facet == "effects_in":
        return places_of_effect(meta)
    return as_list(meta.get(facet))


def group(ctx: SiteContext, facet: str) -> dict[Any, list[Case]]:
    """Term -> listed cases, for terms of the vocabulary (or years) that have cases."""
    groups: dict[Any, list[Case]] = defaultdict(list)
    known = None if facet == "year" else set(ctx.terms(facet))
    for case in ctx.listed():
        for value in facet_values(case, facet):
            if known is None or value in known:
                groups[value].append(case)
    return groups


def sorted_cases(cases: list[Case], lang: str) -> list[Case]:
    return sorted(
        cases, key=lambda case: (collation_key(str(case.meta(lang).get("title", ""))), case.id)
    )


def case_item(case: Case, here: str, lang: str) -> str:
    return (
        f'<li><a href="{relative(here, case_url(case.id))}">'
        f"{escape(shown_field(case, lang, 'title'))}</a>"
        f"<p>{escape(shown_field(case, lang, 'summary'))}</p></li>"
    )


def pager(url_of: Callable[[int], str], page: int, pages: int, lang: str) -> str:
    """Previous/next links and the position, or nothing for a single page."""
    if pages <= 1:
        return ""
    here = url_of(page)
    links = [f"<span>{text('page_of', lang, page=page, pages=pages)}</span>"]
    if page > 1:
        links.insert(
            0,
            f'<a rel="prev" href="{relative(here, url_of(page - 1))}">{text("previous", lang)}</a>',
        )
    if page < pages:
        links.append(
            f'<a rel="next" href="{relative(here, url_of(page + 1))}">{text("next", lang)}</a>'
        )
    return f'<nav class="odi-pager" aria-label="{text("pagination", lang)}">{" ".join(links)}</nav>'


def list_pages(
    cases: list[Case], title: str, intro: str, url_of: Callable[[int], str], lang: str
) -> Iterator[Page]:
    """The pages of one list of cases, PAGE_SIZE per page."""
    ordered = sorted_cases(cases, lang)
    pages = max(1, -(-len(ordered) // PAGE_SIZE))
    for page in range(1, pages + 1):
        here = url_of(page)
        chunk = ordered[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        items = (
            "".join(case_item(case, here, lang) for case in chunk)
            or f"<li>{text('no_cases', lang)}</li>"
        )
        shown = title if page == 1 else f"{title} ({text('page_of', lang, page=page, pages=pages)})"
        yield html_page(
            here,
            lang,
            {"title": shown, "odimpact": {"kind": "list"}},
            [
                f"<h1>{shown}</h1>",
                f'<p class="odi-count">{count_text(len(ordered), lang)}. {intro}</p>',
                f'<ul class="odi-cases">{items}</ul>',
                pager(url_of, page, pages, lang),
            ],
        )


def term_label(ctx: SiteContext, facet: str, term: Any, lang: str) -> str:
    return escape(term) if facet == "year" else ctx.label(facet, term, lang)


def facet_index(ctx: SiteContext, facet: str, groups: dict[Any, list[Case]], lang: str) -> Page:
    """The index of one facet: each term with its count and definition."""
    here = listing_url(facet)
    terms = sorted(groups) if facet == "year" else [t for t in ctx.terms(facet) if t in groups]
    # the federal government first, then provinces and territories by name
    if facet in PLACE_FACETS:
        terms.sort(
            key=lambda term: (
                term != FEDERAL,
                collation_key(ctx.vocabularies["jurisdictions"].label(str(term), lang)),
            )
        )
    items = (
        "".join(
            f'<li><a href="{relative(here, listing_url(facet, term))}">'
            f"{term_label(ctx, facet, term, lang)}</a> "
            f'<span class="odi-count">({count_text(len(groups[term]), lang)})</span>'
            + (f"<p>{ctx.definition(facet, term, lang)}</p>" if facet != "year" else "")
            + "</li>"
            for term in terms
        )
        or f"<li>{text('no_cases', lang)}</li>"
    )
    title = text(FACET_TITLES[facet], lang)
    intro = f"<p>{text('by_year_intro', lang)}</p>" if facet == "year" else ""
    return html_page(
        here,
        lang,
        {"title": title, "odimpact": {"kind": "list"}},
        [f"<h1>{title}</h1>", intro, f'<ul class="odi-terms">{items}</ul>'],
    )


def facet_pages(ctx: SiteContext, facet: str, lang: str) -> Iterator[Page]:
    groups = group(ctx, facet)
    yield facet_index(ctx, facet, groups, lang)
    for term, cases in groups.items():
        label = term_label(ctx, facet, term, lang)
        intro = (
            text("by_year_term_intro", lang, year=term)
            if facet == "year"
            else ctx.definition(facet, term, lang)
        )
        # partial binds this term now: page n of its list is listing_url(facet, term, n).
        yield from list_pages(cases, label, intro, partial(listing_url, facet, term), lang)


def overview_pages(ctx: SiteContext, languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """All lists of cases in the given languages, both by default."""
    pages: list[Page] = []
    for lang in languages:
        pages += list_pages(
            ctx.listed(),
            text("all_cases", lang),
            text("all_cases_intro", lang),
            lambda page: listing_url(page=page),
            lang,
        )
        for facet in FACET_TITLES:
            pages += facet_pages(ctx, facet, lang)
    return pages
