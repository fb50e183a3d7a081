"""The theme's Jinja environment, made cheaper: the navigation sidebar rendered once for all the
pages outside the navigation, and compiled templates kept between `odimpact serve` rebuilds.

Material renders the whole navigation into every page. A page that is not in the navigation
(every case, every page of a list) has nothing active in it, and its links are relative to the
page's folder: all such pages in one folder get the same HTML. Rendering it once per folder
saves about a tenth of the build (measured at 1,000 cases); the output is unchanged
(tests/site/test_builder.py compares it with a build without the cache).

overrides/partials/nav.html asks this cache and includes Material's own partial, under the
`material/` prefix that `with_material_prefix` adds to the theme's loader, when it misses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import material

from odimpact.urls import search_bundle, search_page

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
PREFIX = "material"


class NavCache:
    """Navigation HTML by folder, for one build (a new one for each Jinja environment)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._html: dict[str, str] = {}
        self._nav: Any = None
        self._nav_urls: tuple[str, ...] = ()
        self._nav_pages: set[int] = set()

    def key(self, page: Any, nav: Any) -> str | None:
        """The folder whose pages share this page's navigation, or None when it is its own."""
        if not self.enabled or page is None or nav is None:
            return None
        if nav is not self._nav:
            self._nav, self._html = nav, {}
            self._nav_pages = {id(item) for item in nav.pages}
            self._nav_urls = tuple(item.url for item in nav.pages)
        if id(page) in self._nav_pages:
            return None
        # A link to a page below this one would be written relative to it, not to its folder.
        if any(url.startswith(page.url) for url in self._nav_urls):
            return None
        return page.url[: page.url.rstrip("/").rfind("/") + 1]

    def get(self, key: str) -> str | None:
        return self._html.get(key)

    def put(self, key: str, html: str) -> str:
        self._html[key] = html
        return html


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory: MkDocs makes a new environment for each build, and
    `odimpact serve` rebuilds compiled Material's templates again each time (half a second).
    Jinja checks each template's source checksum before using its kept code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def with_material_prefix(
    env: jinja2.Environment, cache: bool = True, compiled: CompiledTemplates | None = None
) -> jinja2.Environment:
    """Let templates include Material's own partials as `material/partials/...`, so that an
    override can wrap the partial it replaces instead of copying it; give them the navigation
    cache (`cache=False`: rendered for each page, as stock Material does) and the kept compiled
    templates."""
    material_loader = jinja2.PrefixLoader(
        {PREFIX: jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES))}
    )
    env.loader = (
        jinja2.ChoiceLoader([env.loader, material_loader]) if env.loader else material_loader
    )
    env.globals["odimpact_nav"] = NavCache(cache)
    env.globals["odimpact_search_bundle"] = search_bundle
    env.globals["odimpact_search_page"] = search_page
    env.bytecode_cache = compiled
    return env
