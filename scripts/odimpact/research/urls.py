"""Where research outputs and case pages live on the site, per language.

Each language's pages sit under its prefix (odimpact.languages: English at the root, French under
/fr/). Case and overview addresses come from the site's own URL scheme (odimpact.site.pages), so
they are defined once; this module adds the language prefix and the base URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from odimpact.languages import language
from odimpact.paths import REPO_ROOT
from odimpact.site.pages import case_url, listing_url

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
