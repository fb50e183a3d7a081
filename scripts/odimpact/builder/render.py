"""A page's Markdown rendered with one Markdown instance per build, not one per page.

MkDocs 1.6.1 builds a Markdown instance, with every extension, for each page: a tenth of the
Markdown time at 1,000 cases. `render` is MkDocs' own `Page.render` with the plugin's instance
(Python-Markdown supports it: `reset()` between documents clears every extension's state) and
MkDocs' per-page processors registered anew for each page, replacing the last page's under
the same names. It uses MkDocs' private processors, so mkdocs is pinned (pyproject.toml); the
test that compares `odimpact build` with a stock build (shortcuts off) covers it.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

log = logging.getLogger("mkdocs.structure.pages")  # the logger MkDocs' own render asks


def markdown_instance(config: Any) -> markdown.Markdown:
    """One instance with the site's extensions, as MkDocs would make for each page."""
    return markdown.Markdown(
        extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
    )


def render(md: markdown.Markdown, page: Any, config: Any, files: Any) -> None:
    """What `Page.render` does, with a kept Markdown instance."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md.reset()
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative_paths = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative_paths._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_paths.links_to_anchors
