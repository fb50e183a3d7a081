"""MkDocs hooks (listed in mkdocs.yml): generate case pages before the build, fill the live parts
of hand-written pages, and sanitise every page's HTML. All the generation lives elsewhere in
odimpact.site so that it does not depend on MkDocs."""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from odimpact.corpus import load_corpus
from odimpact.paths import CASES_DIR, REPO_ROOT
from odimpact.site import fragments
from odimpact.site.context import SiteContext, make_context
from odimpact.site.generate import all_pages, write_pages
from odimpact.site.pages import fill
from odimpact.site.sanitise import sanitise

log = logging.getLogger("mkdocs.hooks.odimpact")
CASES_ENV = "ODIMPACT_CASES_DIR"  # tests and the benchmark build from a temporary cases folder
_state: dict[str, Any] = {}
_contexts: dict[int, tuple[Any, Path, SiteContext]] = {}


def cases_dir(config: Any) -> Path:
    """Cases folder: $ODIMPACT_CASES_DIR, else extra.odimpact.cases_dir (relative to mkdocs.yml), else cases/."""
    if os.environ.get(CASES_ENV):
        return Path(os.environ[CASES_ENV]).resolve()
    configured = config.extra.get("odimpact", {}).get("cases_dir")
    return (Path(config.config_file_path).parent / configured).resolve() if configured else CASES_DIR


def context(config: Any) -> SiteContext:
    """The site's context, loaded once per configuration and cases folder.

    Loading is the costliest step after Markdown (strict YAML keeps positions), and static-i18n
    runs every language's build, and the research hooks ask again, with the same configuration.
    `mkdocs serve` loads a new configuration for each rebuild, so an edited case is re-read."""
    folder = cases_dir(config)
    cached = _contexts.get(id(config))
    # The configuration itself is kept, so its id cannot be reused by another one.
    if cached is None or cached[0] is not config or cached[1] != folder:
        settings = config.extra.get("odimpact", {})
        ctx = make_context(load_corpus(folder, REPO_ROOT), settings.get("repository", ""), settings.get("branch", "main"), config.site_url or "")
        _contexts.clear()
        _contexts[id(config)] = (config, folder, ctx)
    return _contexts[id(config)][2]


def on_pre_build(config: Any) -> None:
    """Write the generated pages under docs/ (static-i18n only localises real files there)."""
    # static-i18n runs a build per language: generate once per process and configuration.
    key = (id(config), str(cases_dir(config)))
    if _state.get("key") == key:
        return
    ctx = context(config)
    written, removed = write_pages(all_pages(ctx), Path(config.docs_dir))
    _state.update(key=key, ctx=ctx)
    log.info("odimpact: %d cases with pages, %d files written, %d removed", len(ctx.with_pages()), written, removed)


def page_language(page: Any) -> str:
    return "fr" if page.url.startswith("fr/") or page.file.src_uri.endswith(".fr.md") else "en"


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the `<!-- odimpact:... -->` markers of hand-written pages."""
    if "<!-- odimpact:" not in markdown:
        return markdown
    here = page.url.removeprefix("fr/")
    return fragments.expand(markdown, _state["ctx"], here, page_language(page))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the generated HTML back in place of its tokens, then sanitise everything together."""
    odimpact = page.meta.get("odimpact") if isinstance(page.meta, dict) else None
    blocks = odimpact.get("fills") if isinstance(odimpact, dict) else None
    return sanitise(fill(html, blocks) if isinstance(blocks, dict) else html)


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when a case changes (the generated pages are rewritten only when they differ)."""
    _state.clear()
    _contexts.clear()
    server.watch(str(cases_dir(config)))
    return server


def on_shutdown() -> None:
    _state.clear()
    _contexts.clear()
