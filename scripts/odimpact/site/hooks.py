"""MkDocs hooks (listed in mkdocs.yml): generate case pages before the build, fill the live parts
of hand-written pages, and sanitise every page's HTML. All the generation lives elsewhere in
odimpact.site so that it does not depend on MkDocs."""
from __future__ import annotations

import logging
import os
import re
import time
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from odimpact.corpus import load_corpus
from odimpact.paths import CASES_DIR, LANGUAGES, REPO_ROOT
from odimpact.site import fragments, render
from odimpact.site.context import SiteContext, forget_contexts, make_context, shared_context
from odimpact.site.generate import all_pages, case_images, remove_empty_folders, write_pages
from odimpact.site.theme_env import with_material_prefix
from odimpact.site.pages import fill
from odimpact.site.sanitise import sanitise

log = logging.getLogger("mkdocs.hooks.odimpact")
CASES_ENV = "ODIMPACT_CASES_DIR"  # tests and the benchmark build from a temporary cases folder
LANGUAGE_ENV = "ODIMPACT_BUILD_LANGUAGE"  # set by build.py: the language this process renders
BARRIER_ENV = "ODIMPACT_BUILD_BARRIER"  # set by build.py: a fresh folder where each process says "written"
BARRIER_TIMEOUT_S = 600.0
_state: dict[str, Any] = {}


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
    `mkdocs serve` loads a new configuration for each rebuild, so an edited case is re-read.
    A process of `odimpact build` reads only its own language's files (see own_languages): the
    other language's pages it renders for static-i18n are thrown away."""
    folder = cases_dir(config)
    settings = config.extra.get("odimpact", {})
    return shared_context(config, folder, lambda: make_context(
        load_corpus(folder, REPO_ROOT, own_languages()), settings.get("repository", ""), settings.get("branch", "main"), config.site_url or ""))


def on_pre_build(config: Any) -> None:
    """Write the generated pages under docs/ (static-i18n only localises real files there)."""
    # static-i18n runs a build per language: generate once per process and configuration.
    key = (id(config), str(cases_dir(config)))
    if _state.get("key") == key:
        return
    ctx = context(config)
    languages = own_languages()
    written, removed = write_pages(all_pages(ctx, languages), Path(config.docs_dir), languages, case_images(ctx))
    if languages != LANGUAGES:
        wait_for_other_languages(Path(os.environ[BARRIER_ENV]), languages[0])
    remove_empty_folders(Path(config.docs_dir) / "cases")
    _state.update(key=key, ctx=ctx)
    log.info("odimpact: %d cases with pages, %d files written, %d removed", len(ctx.with_pages()), written, removed)


def own_languages() -> tuple[str, ...]:
    """The languages whose pages this process generates: its own when build.py runs one process
    per language (each writes half the pages, at once), else both."""
    only = os.environ.get(LANGUAGE_ENV)
    return (only,) if only in LANGUAGES and os.environ.get(BARRIER_ENV) else LANGUAGES


def wait_for_other_languages(barrier: Path, lang: str) -> None:
    """Say this language's pages are written, then wait for the other processes' pages: static-i18n
    lists files right after on_pre_build, and its switcher, hreflang and sitemap need them all."""
    (barrier / f"{lang}.written").touch()
    deadline = time.monotonic() + BARRIER_TIMEOUT_S
    while not all((barrier / f"{other}.written").exists() for other in LANGUAGES):
        if time.monotonic() > deadline:  # build.py stops the build when another process fails
            raise RuntimeError(f"odimpact: the other languages' pages were not written within {BARRIER_TIMEOUT_S:.0f} s")
        time.sleep(0.02)


def pass_language(config: Any) -> str:
    """The language of this static-i18n pass: it sets the theme's language for each pass (the
    output folder stays the same: French pages go to fr/ through their own paths)."""
    return "fr" if config.theme.get("language") == "fr" else "en"


def page_language(page: Any) -> str:
    return "fr" if page.url.startswith("fr/") or page.file.src_uri.endswith(".fr.md") else "en"


def shortcuts(config: Any) -> bool:
    """Whether pages render with the shortcuts (render.py, theme_env.py); `extra.odimpact.shortcuts:
    false` renders them as stock MkDocs and Material do, for the test that proves the output equal."""
    return config.extra.get("odimpact", {}).get("shortcuts", True) is not False


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """Render with the pass's Markdown instance instead of a new one for each page (see render.py)."""
    if shortcuts(config):
        page.render = partial(render.render, page)
    return page


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Fill the `<!-- odimpact:... -->` markers of hand-written pages."""
    if "<!-- odimpact:" not in markdown or pass_language(config) not in own_languages():
        return markdown  # the other language's pass is thrown away (see on_files): nothing to fill
    here = page.url.removeprefix("fr/")
    return fragments.expand(markdown, _state["ctx"], here, page_language(page))


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Put the generated HTML back in place of its tokens, then sanitise everything together."""
    odimpact = page.meta.get("odimpact") if isinstance(page.meta, dict) else None
    blocks = odimpact.get("fills") if isinstance(odimpact, dict) else None
    return sanitise(fill(html, blocks) if isinstance(blocks, dict) else html)


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Material's partials under a prefix, the navigation cache and the kept compiled templates
    for this pass (see theme_env)."""
    return with_material_prefix(env, cache=shortcuts(config))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when a case changes (the generated pages are rewritten only when they differ)."""
    _state.clear()
    forget_contexts()
    render.forget()
    server.watch(str(cases_dir(config)))
    return server


def on_shutdown() -> None:
    _state.clear()
    forget_contexts()
    render.forget()


# `odimpact build` runs one MkDocs process per language (see build.py). static-i18n still runs
# both languages' passes in each (its language switcher, hreflang and sitemap need both), but
# the other language's pass only has to succeed: build.py keeps each process's own language.
# So that pass drops the generated pages (cases and lists, the bulk of the work) before
# static-i18n (priority -100) sorts them, keeping those the navigation names (strict mode
# fails on a missing one).
@event_priority(-90)
def on_files(files: Any, config: Any) -> Any:
    own = own_languages()
    if own == LANGUAGES or pass_language(config) in own:
        return files
    kept = nav_sources(config.nav or [])
    for file in list(files.documentation_pages()):
        source = re.sub(r"\.(en|fr)\.md$", ".md", file.src_uri)
        if source.startswith("cases/") and source not in kept:
            files.remove(file)
    return files


def nav_sources(nav: Any) -> set[str]:
    """The Markdown files the navigation names (without language suffix)."""
    if isinstance(nav, str):
        return {nav}
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return set().union(*(nav_sources(item) for item in items)) if items else set()
