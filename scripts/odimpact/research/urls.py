"""Where research outputs and case pages live on the site, per language.

English is served at the site root and French under /fr/ (mkdocs-static-i18n's layout). Every
address a generator emits comes from here, so a change of URL scheme is made once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from odimpact.paths import REPO_ROOT

LANGUAGE_PREFIX = {"en": "", "fr": "fr/"}
DATA_FOLDER = "data"
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
    """Addresses of pages and files, relative to the site root or absolute with `base`."""

    base: str = "/"

    def path(self, lang: str, relative: str) -> str:
        """Site-root-relative path (no leading slash) of `relative` in `lang`."""
        return LANGUAGE_PREFIX[lang] + relative

    def absolute(self, lang: str, relative: str) -> str:
        """Full address: base URL + language prefix + relative path."""
        return self.base + self.path(lang, relative)

    def case(self, case_id: str, lang: str) -> str:
        """Stable address of a case page: it is also its citation URL."""
        return self.absolute(lang, f"cases/{case_id}/")

    def data_file(self, lang: str, name: str) -> str:
        """Stable address of an export file (`cases.csv`...)."""
        return self.absolute(lang, f"{DATA_FOLDER}/{name}")

    def jurisdiction(self, jurisdiction_id: str, lang: str) -> str:
        """Overview page of one jurisdiction."""
        return self.absolute(lang, f"jurisdictions/{jurisdiction_id.lower()}/")

    def sector(self, sector_id: str, lang: str) -> str:
        """Overview page of one sector."""
        return self.absolute(lang, f"sectors/{sector_id}/")
