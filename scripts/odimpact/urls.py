"""The site's URL scheme, in one place: where each page and file lives in a language's tree,
which case ids the site's own pages reserve, and absolute addresses per language.

URLs are language-relative directory URLs ("cases/x/"); each language's tree sits under its
prefix (odimpact.languages: English at the root, French under "fr/"). Links between generated
pages are written relative (`relative`), so the same Markdown works in every tree.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from odimpact.languages import DEFAULT, language
from odimpact.paths import REPO_ROOT

CASES = "cases"
FACETS = {
    "sectors": "by-sector",
    "jurisdiction": "by-jurisdiction",
    "effects_in": "by-place-of-effect",
    "impact_types": "by-impact",
    "year": "by-year",
}
PAGES = {
    "explore": "cases/explore/",
    "charts": "cases/charts/",
    "coverage": "cases/coverage/",
    "datasets": "cases/datasets/",
    "dictionary": "cases/data-dictionary/",
}
LIST_PAGE = "page"  # a list's second page and after: cases/by-sector/health/page/2/
SEARCH_PAGE = "search/"  # Pagefind's interface (docs/search.*.md, overrides/search.html)
FINDINGS_PAGE = "findings/"  # the findings report (docs/findings.*.md), its chart images beside it
# the research pages' stylesheet and script (overrides/assets/research/)
ASSETS = "assets/research/"
EXPLORE_FILE = "explore.json"  # the Explore page's data, per language, beside the exports
# Folders under cases/ that the site's own pages use: a case with one of these ids would collide
# with them, so the validator refuses it (id-reserved).
RESERVED_IDS = frozenset(
    {LIST_PAGE, *FACETS.values(), *(url.split("/")[1] for url in PAGES.values())}
)


def case_url(case_id: str) -> str:
    return f"{CASES}/{case_id}/"


def listing_url(facet: str | None = None, term: str | int | None = None, page: int = 1) -> str:
    """URL of a list of cases: all cases, a facet's index, or one term's list; page 2+ below it."""
    parts = [CASES]
    if facet:
        parts.append(FACETS[facet])
    if term is not None:
        parts.append(str(term).lower())
    if page > 1:
        parts += [LIST_PAGE, str(page)]
    return "/".join(parts) + "/"


# The site's sections in the navigation's order: (title, target), the title a key of
# publication/strings.yml and the target either a page's Markdown file in a language's tree or the
# entries under it. The lists and research pages come from FACETS and PAGES above, so a page the
# navigation names is one the site generates (tests/site/test_builder.py checks every target).
NavEntry = tuple[str, "str | tuple[NavEntry, ...]"]
NAV: tuple[NavEntry, ...] = (
    ("nav_home", "index.md"),
    (
        "nav_cases",
        (
            ("nav_all_cases", f"{CASES}/index.md"),
            ("nav_by_sector", f"{CASES}/{FACETS['sectors']}/index.md"),
            ("nav_by_jurisdiction", f"{CASES}/{FACETS['jurisdiction']}/index.md"),
            ("nav_by_place_of_effect", f"{CASES}/{FACETS['effects_in']}/index.md"),
            ("nav_by_impact_type", f"{CASES}/{FACETS['impact_types']}/index.md"),
            ("nav_by_year", f"{CASES}/{FACETS['year']}/index.md"),
        ),
    ),
    (
        "nav_research",
        (
            ("nav_explore", f"{PAGES['explore']}index.md"),
            ("nav_charts", f"{PAGES['charts']}index.md"),
            ("nav_coverage", f"{PAGES['coverage']}index.md"),
            ("nav_datasets", f"{PAGES['datasets']}index.md"),
            ("nav_dictionary", f"{PAGES['dictionary']}index.md"),
            ("nav_findings", FINDINGS_PAGE.rstrip("/") + ".md"),
        ),
    ),
    ("nav_search", SEARCH_PAGE.rstrip("/") + ".md"),
    (
        "nav_about",
        (
            ("nav_methodology", "methodology.md"),
            ("nav_data", "data.md"),
            ("nav_contribute", "contribute.md"),
            ("nav_format", "reference/format.md"),
            ("nav_interview_guide", "interviews/guide.md"),
            ("nav_consent_form", "interviews/consent.md"),
            ("nav_accessibility", "accessibility.md"),
        ),
    ),
)


def nav_targets(entries: tuple[NavEntry, ...] = NAV) -> list[str]:
    """Every page the navigation names, in order."""
    return [
        path
        for _, target in entries
        for path in ([target] if isinstance(target, str) else nav_targets(target))
    ]


def search_bundle(lang: str) -> str:
    """Where a language's search index (Pagefind bundle) lives: pagefind/ and fr/pagefind/."""
    return "pagefind/" if lang == DEFAULT else f"{language(lang).prefix}pagefind/"


def search_page(lang: str) -> str:
    """A language's search page, from the site's root: search/ and fr/search/."""
    return language(lang).prefix + SEARCH_PAGE


@functools.lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory URLs of the same language tree (kept: posixpath.relpath
    is slow, and every list page links the same cases from the same place)."""
    rel = posixpath.relpath("/" + to_url, "/" + from_url)
    return "./" if rel == "." else rel.rstrip("/") + "/"


DATA_FOLDER = "data"
FEED_FILE = "feed.xml"
_SITE_URL = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.MULTILINE)


def configured_site_url(mkdocs_yml: Path = REPO_ROOT / "mkdocs.yml") -> str:
    """The site's absolute base URL from mkdocs.yml (`site_url`), or "/" while none is set."""
    if mkdocs_yml.is_file():
        found = _SITE_URL.search(mkdocs_yml.read_text(encoding="utf-8"))
        if found:
            return found.group(1).rstrip("/") + "/"
    return "/"


@dataclass(frozen=True)
class SiteUrls:
    """Addresses of pages and files: `base` + language prefix + language-relative path."""

    base: str = "/"

    def absolute(self, lang: str, relative: str) -> str:
        """Full address of a language-relative path."""
        return self.base + language(lang).prefix + relative

    def case(self, case_id: str, lang: str) -> str:
        """Stable address of a case page: it is also its citation URL."""
        return self.absolute(lang, case_url(case_id))

    def data_file(self, lang: str, name: str) -> str:
        """Stable address of an export file (`cases.csv`...)."""
        return self.absolute(lang, f"{DATA_FOLDER}/{name}")

    def feed(self, lang: str) -> str:
        """The Atom feed of one language."""
        return self.absolute(lang, FEED_FILE)

    def listing(self, facet: str, term: str | int | None, lang: str) -> str:
        """Overview page of one term of a facet (sectors, jurisdiction, impact_types, year)."""
        return self.absolute(lang, listing_url(facet, term))
