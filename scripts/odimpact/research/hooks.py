"""MkDocs hooks for the research features (listed in mkdocs.yml after the site's hooks).

The site's hooks generate the research pages (through odimpact.site.generate) and sanitise every
page; these hooks then add the trusted, generated markup the allow-list would strip (inline SVG,
the Explore page's data and script), link every page to its language's Atom feed, and write the
open-data files and feeds next to the built pages."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from odimpact.research.exports import write_exports
from odimpact.research.explore_data import explore_data
from odimpact.research.feeds import atom_feed, feed_link
from odimpact.research.findings import CHARTS as FINDINGS_CHARTS, chart_svg
from odimpact.research.findings_pdf import PAGE_URL as FINDINGS_PAGE
from odimpact.research.site_pages import PAGES, charts_files, map_markup, placeholder
from odimpact.research.urls import DATA_FOLDER, FEED_FILE, LANGUAGE_PREFIX, SiteUrls
from odimpact.site.context import SiteContext
from odimpact.site.hooks import LANGUAGE_ENV, context, pass_language
from odimpact.site.pages import case_url, relative

ASSETS = "assets/research/"
EXPLORE_FILE = "explore.json"  # the Explore page's data, per language, beside the exports


def _research_page(page: Any) -> str | None:
    meta = page.meta.get("odimpact") if isinstance(page.meta, dict) else None
    return meta.get("research") if isinstance(meta, dict) and meta.get("kind") == "research" else None


def _lang(page: Any) -> str:
    return "fr" if page.url.startswith("fr/") else "en"


def explore_markup(page_url: str) -> str:
    """The Explore app's mount point, where its data is, and its script (deferred, same origin)."""
    data = relative(PAGES["explore"], f"{DATA_FOLDER}/") + EXPLORE_FILE
    return (f'<div id="odi-explore-app" data-src="{data}"></div>'
            f'<script src="{relative(page_url, ASSETS)}explore.js" defer></script>')


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    key = _research_page(page)
    if key == "charts":
        html = html.replace(placeholder("map"), map_markup(context(config), _lang(page)))
        html = html.replace(placeholder("map-effects"), map_markup(context(config), _lang(page), "effects"))
    elif key == "explore":
        html = html.replace('<div id="odi-explore-app"></div>', explore_markup(page.url))
    return html


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Every page links to its language's feed; research pages also load their stylesheet."""
    lang = _lang(page)
    head = feed_link(lang, SiteUrls(relative(page.url, "")))
    if _research_page(page):
        head += f'<link rel="stylesheet" href="{relative(page.url, ASSETS)}research.css">'
    return output.replace("</head>", head + "</head>", 1)


def write_data_files(ctx: SiteContext, root: Path, base_url: str, languages: tuple[str, ...] = tuple(LANGUAGE_PREFIX)) -> None:
    """Exports, feeds, chart images and the Explore data of the given languages under `root`."""
    urls = SiteUrls(base_url or "/")
    for lang in languages:
        prefix = LANGUAGE_PREFIX[lang]
        write_exports(ctx.corpus, lang, urls, root / prefix / DATA_FOLDER)
        (root / prefix / FEED_FILE).write_text(atom_feed(ctx.corpus, lang, urls), encoding="utf-8")
        explore = explore_data(ctx.listed(), lang, lambda case_id: relative(PAGES["explore"], case_url(case_id)))
        (root / prefix / DATA_FOLDER / EXPLORE_FILE).write_text(json.dumps(explore, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        charts = root / prefix / PAGES["charts"]
        charts.mkdir(parents=True, exist_ok=True)
        for name, svg in charts_files(ctx, lang).items():
            (charts / name).write_text(svg, encoding="utf-8")
        findings = root / prefix / FINDINGS_PAGE
        findings.mkdir(parents=True, exist_ok=True)
        for name in FINDINGS_CHARTS:
            (findings / f"{name}.svg").write_text(chart_svg(name, ctx.listed(), lang)[0], encoding="utf-8")


def on_post_build(config: Any) -> None:
    # Each pass writes its own language's files, and only in the process that renders that
    # language (odimpact build runs one process per language): every file is written once.
    lang = pass_language(config)
    if os.environ.get(LANGUAGE_ENV, lang) == lang:
        write_data_files(context(config), Path(config.site_dir), config.site_url or "", (lang,))
