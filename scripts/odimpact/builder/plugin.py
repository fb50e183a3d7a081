"""The site's MkDocs plugin (registered as `odimpact` by entry point, pyproject.toml): it renders
one language's generated project (odimpact.builder.project) and generates nothing itself.

Per page, in this order: MkDocs' own Markdown; the generated HTML put
back in place of its tokens, then everything sanitised together; then the page's trusted markup
(the allow-list would strip it) put in; last, Material's unlabelled toggles in the rendered page
named. Per build: the theme's environment (theme_env.py), each page's link to itself in the
other language, the feed's link. Under `odimpact serve`, before
each rebuild, the serve session regenerates the projects from the sources (serve.py). Its state
lives on the instance, which MkDocs keeps across `mkdocs serve` rebuilds (it defines on_startup).
"""

from __future__ import annotations

import html as html_escaping
import logging
import re
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from odimpact.builder.serve import ServeSession
from odimpact.builder.theme_env import CompiledTemplates, with_material_prefix
from odimpact.languages import BY_CODE, LANGUAGES, Language, language, without_prefix
from odimpact.publication.pages import fill
from odimpact.publication.sanitise import sanitise
from odimpact.publication.strings import text

log = logging.getLogger("mkdocs.plugins.odimpact")


class ServeFrom(base.Config):
    config = c.Optional(c.File(exists=True))  # the shared mkdocs.yml
    cases = c.Optional(c.Dir(exists=True))


class OdimpactConfig(base.Config):
    language = c.Optional(c.Choice(LANGUAGES))
    # false: render as stock MkDocs and Material do (the equality test)
    shortcuts = c.Type(bool, default=True)
    serve_from = c.SubConfig(ServeFrom)  # set by `odimpact serve`: the sources to regenerate from


class OdimpactPlugin(BasePlugin[OdimpactConfig]):
    def __init__(self) -> None:
        self.language: Language | None = None
        self.serving = False
        self.session: ServeSession | None = None
        self.compiled = CompiledTemplates()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds:
        # the serve session, and the case files it has parsed, live on it.
        self.serving = command == "serve"
        if dirty:  # `odimpact serve`'s rebuilds: strict still counts every other warning
            logging.getLogger("mkdocs.commands.build").addFilter(_expected_dirty_warning)

    def on_config(self, config: Any) -> Any:
        if not self.config.language:
            raise PluginError(
                "mkdocs.yml holds the settings both languages share and is not built as it is: "
                "run `odimpact build` (or `odimpact serve`), which makes one project per language."
            )
        self.language = language(self.config.language)
        sources = self.config.serve_from
        if self.serving and sources.config and sources.cases and self.session is None:
            work = Path(config.config_file_path).resolve().parent.parent
            self.session = ServeSession(Path(sources.config), Path(sources.cases), work)
        return config

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Watch the sources instead of the generated tree (the session rewrites it: a second
        rebuild)."""
        if self.session:
            server.unwatch(config.docs_dir)
            server.unwatch(config.config_file_path)
            for path in self.session.sources():
                server.watch(str(path))
        return server

    def on_pre_build(self, config: Any) -> None:
        if self.session:
            try:
                for line in self.session.regenerate():
                    log.info(line)
            except RuntimeError as error:
                raise PluginError(str(error)) from None

    def on_post_build(self, config: Any) -> None:
        if self.session:
            self.session.add_other_languages(Path(config.site_dir))

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        odimpact = page.meta.get("odimpact") if isinstance(page.meta, dict) else None
        if isinstance(odimpact, dict) and odimpact.get("updated"):
            # the sitemap's lastmod: the case's last review, not the build's day
            page.update_date = odimpact["updated"]
        return finish_html(html, page.meta)

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        assert self.language is not None  # set by on_config
        return name_toggles(output, self.language.code)

    def on_env(self, env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
        assert self.language is not None  # set by on_config
        env = with_material_prefix(
            env, self.config.shortcuts, self.compiled if self.config.shortcuts else None
        )
        env.globals["odimpact_language"] = self.language
        env.globals["odimpact_alternates"] = alternates
        env.globals["odimpact_text"] = partial(text, lang=self.language.code)
        return env


def _expected_dirty_warning(record: logging.LogRecord) -> bool:
    """False for MkDocs' caution about dirty builds: the preview renders only the pages whose
    generated files changed on purpose, and regenerates them all when the navigation changes."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def finish_html(html: str, meta: Any) -> str:
    """A page's converted HTML made final: generated HTML back in place of its tokens, all of it
    sanitised, then the trusted markup (placeholders that survived sanitising) put in."""
    odimpact = meta.get("odimpact") if isinstance(meta, dict) else None
    odimpact = odimpact if isinstance(odimpact, dict) else {}
    fills, trusted = odimpact.get("fills"), odimpact.get("trusted")
    html = sanitise(fill(html, fills) if isinstance(fills, dict) else html)
    for marker, markup in (trusted or {}).items() if isinstance(trusted, dict) else ():
        html = html.replace(marker, markup, 1)
    return html


# Material keeps the state of its drawers in hidden checkboxes, each named by the <label for> that
# opens it. Two can have no label: the search toggle (base.html, outside any block; labelled only
# when Material's search plugin is on, and ours is off: Pagefind searches) and the table of
# contents' toggle (partials/nav-item.html, on a page of the navigation without headings).
# Checkers (pa11y's HTML_CodeSniffer) report an unnamed form control: such a toggle gets a name.
# id → key in publication/strings.yml
TOGGLE_NAMES = {"__search": "search_toggle", "__toc": "toc_toggle"}
TOGGLE = re.compile(r'<input class="[^"]*\bmd-toggle\b[^"]*"[^>]*\bid="([^"]+)"[^>]*>')


def name_toggles(page_html: str, lang: str) -> str:
    """A rendered page with each of Material's unlabelled toggles named in `lang`; fails loudly on a
    toggle it has no name for (a new one in Material), rather than leaving it nameless."""

    def named(match: re.Match[str]) -> str:
        toggle_id, tag = match[1], match[0]
        if f'for="{toggle_id}"' in page_html or "aria-label=" in tag:
            return tag
        if toggle_id not in TOGGLE_NAMES:
            raise PluginError(
                f"Material's toggle {toggle_id!r} has no label: give it a name in "
                f"odimpact.builder.plugin.TOGGLE_NAMES"
            )
        return (
            tag[:-1] + f' aria-label="{html_escaping.escape(text(TOGGLE_NAMES[toggle_id], lang))}">'
        )

    return TOGGLE.sub(named, page_html)


def alternates(page: Any) -> list[dict[str, str]]:
    """The language switcher's entries for a page: the same page in each language (site-relative
    URLs; the theme's `url` filter makes them relative). Every page exists in both languages:
    generated pages always, hand-written ones in the default language's text when untranslated."""
    url = getattr(page, "url", None)
    # the 404 page: home
    here = without_prefix(url) if isinstance(url, str) and not url.endswith(".html") else ""
    return [
        {"name": lang.own_name, "link": lang.prefix + here, "lang": lang.code}
        for lang in BY_CODE.values()
    ]
