"""One case -> one page per language (Markdown with fill tokens for the generated HTML, and front
matter)."""

from __future__ import annotations

import re
from typing import Any

from odimpact.corpus import Case
from odimpact.languages import LANGUAGES, language
from odimpact.problems import format_human
from odimpact.publication import case_sections as sections
from odimpact.publication.cite_this_case import cite_block
from odimpact.publication.context import SiteContext, as_dicts, as_list, shown_field, shown_meta
from odimpact.publication.figures import figures_by_kind
from odimpact.publication.formatting import colon, escape, long_date, safe_url
from odimpact.publication.pages import Fills, Page, script_json
from odimpact.publication.strings import contributor_name, text
from odimpact.typography import typeset
from odimpact.urls import SiteUrls, case_url


def problems_found(ctx: SiteContext, case: Case, lang: str) -> str:
    """In the preview, what `odimpact validate` finds in the case, as it prints it, in the page's
    language: the contributor sees on the page what the pull-request check will say. Errors are
    shown open; warnings alone are folded, since most published cases have some."""
    shown = f"index.{case.source_lang(lang)}.md"  # this page's file, and the case's folder itself
    found = [
        problem
        for problem in ctx.problems.get(case.id, [])
        if ctx.preview and (problem.path.endswith("/" + shown) or not problem.path.endswith(".md"))
    ]
    if not found:
        return ""
    items = "".join(
        f"<li><code>{escape(line)}</code></li>" for line in format_human(found, lang).splitlines()
    )
    if any(problem.severity == "error" for problem in found):
        title = (
            f"<p "
            f'class="admonition-title">{text("preview_problems_title", lang, count=len(found))}</p>'
        )
        return f'<div class="admonition failure odi-problems">{title}<ul>{items}</ul></div>'
    summary = text("preview_warnings_title", lang, count=len(found))
    return (
        f'<details class="warning '
        f'odi-problems"><summary>{summary}</summary><ul>{items}</ul></details>'
    )


def notices(ctx: SiteContext, case: Case, lang: str) -> str:
    """Admonitions for a retired case, a draft or a case with problems in the preview, and a case
    shown in the other language."""
    blocks = [block for block in (problems_found(ctx, case, lang),) if block]
    if case.status == "retired":
        reason = escape(shown_field(case, lang, "retired_notice") or "")
        title = f'<p class="admonition-title">{text("retired", lang)}</p>'
        blocks.append(f'<div class="admonition warning odi-retired">{title}<p>{reason}</p></div>')
    elif case.status != "published":  # only the preview gives a draft a page
        title = f'<p class="admonition-title">{text("draft_preview_title", lang)}</p>'
        blocks.append(
            f'<div class="admonition warning '
            f'odi-draft">{title}<p>{text("draft_preview", lang)}</p></div>'
        )
    if case.awaiting_translation(lang):
        blocks.append(
            f'<div class="admonition info odi-awaiting"><p '
            f'class="admonition-title">{text("awaiting", lang)}</p></div>'
        )
    return "\n\n".join(blocks)


def body(case: Case, lang: str, numbers: dict[str, int], fills: Fills) -> str:
    """The case's own Markdown with citations linked; marked with its language when it is the other
    one."""
    markdown = sections.link_citations(
        typeset(case.body(lang), case.source_lang(lang)), numbers, fills.add
    )
    if case.awaiting_translation(lang):
        return f'<div lang="{case.source_lang(lang)}" markdown="1">\n\n{markdown}\n\n</div>'
    return markdown


def section(key: str, anchor: str, lang: str, token: str) -> str:
    """A titled section: a Markdown heading (so it enters the table of contents) and its HTML's
    token."""
    return f"## {text(key, lang)} {{#{anchor}}}\n\n{token}" if token else ""


def footer(ctx: SiteContext, case: Case, lang: str) -> str:
    """Last reviewed date, text licence and the link to edit the case's file."""
    meta = case.meta(lang)
    reviewed = (
        f"<time "
        f'datetime="{escape(meta.get("reviewed"))}">{long_date(meta.get("reviewed"), lang)}</time>'
    )
    parts = [f"{text('reviewed', lang)}{colon(lang)}{reviewed}"]
    licence = ctx.label("licence", meta.get("licence", "CC-BY-4.0"), lang)
    parts.append(f"{text('case_licence', lang)}{colon(lang)}{licence}")
    if ctx.edit_base:
        path = f"cases/{case.id}/index.{case.source_lang(lang)}.md"
        parts.append(f'<a href="{escape(ctx.edit_base + path)}">{text("edit", lang)}</a>')
    return '<p class="odi-footer">' + "<br>".join(parts) + "</p>"


def json_ld(ctx: SiteContext, case: Case, lang: str) -> dict[str, Any]:
    """schema.org Article: jurisdiction as spatialCoverage, datasets as isBasedOn, the knowledge
    base as publisher, the page itself as the main entity."""
    meta = case.meta(lang)
    datasets = [
        {
            "@type": "Dataset",
            "name": str(d.get("name", "")),
            **({"url": safe_url(d.get("url"))} if safe_url(d.get("url")) else {}),
        }
        for d in as_dicts(meta.get("datasets"))
    ]
    code = meta.get("jurisdiction")
    place = (
        ctx.vocabularies["jurisdictions"].label(str(code), lang)
        if code in ctx.terms("jurisdiction")
        else str(code or "")
    )
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": str(meta.get("title", "")),
        "description": str(meta.get("summary", "")),
        "inLanguage": case.source_lang(lang),
        "spatialCoverage": {
            "@type": "AdministrativeArea",
            "name": place,
            "identifier": str(meta.get("jurisdiction", "")),
        },
        "isBasedOn": datasets,
        "datePublished": str(meta.get("published", "")),
        "dateModified": str(meta.get("reviewed", "")),
        "author": [
            {"@type": "Organization", "name": contributor_name(str(name), lang)}
            for name in as_list(meta.get("contributors"))
        ],
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "keywords": [
            ctx.vocabularies["sectors"].label(s, lang)
            for s in as_list(meta.get("sectors"))
            if s in ctx.terms("sectors")
        ],
    }
    data["publisher"] = {"@type": "Organization", "name": text("site_name", lang)}
    if ctx.site_url:
        data["url"] = data["mainEntityOfPage"] = (
            ctx.site_url + language(lang).prefix + case_url(case.id)
        )
        data["publisher"]["url"] = ctx.site_url + language(lang).prefix
    return data


def _date_text(value: Any) -> str | None:
    """A YYYY-MM-DD date as text (the sitemap's lastmod), else None."""
    text = str(value) if value is not None else ""
    return text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None


def case_page(ctx: SiteContext, case: Case, lang: str) -> Page:
    """The page of one case in one language."""
    meta, here = shown_meta(case, lang), case_url(case.id)
    numbers, fills = sections.source_numbers(meta), Fills()
    blocks = [
        fills.add(f'<h1 id="odi-title">{escape(meta.get("title"))}</h1>'),
        fills.add(f'<p class="odi-summary">{escape(meta.get("summary"))}</p>'),
        fills.add(notices(ctx, case, lang)),
        fills.add(sections.facts_panel(ctx, meta, here, lang)),
        body(case, lang, numbers, fills),
        section(
            "impacts",
            "impacts",
            lang,
            fills.add(
                figures_by_kind(ctx, meta, lambda source: sections.cite(source, numbers), lang)
            ),
        ),
        section(
            "interviews",
            "interviews",
            lang,
            fills.add(sections.interviews_block(ctx, meta, numbers, lang)),
        ),
        section("datasets", "datasets", lang, fills.add(sections.datasets_list(ctx, meta, lang))),
        section(
            "organisations",
            "organisations",
            lang,
            fills.add(sections.organisations_list(ctx, meta, lang)),
        ),
        section("sources", "sources", lang, fills.add(sections.sources_list(ctx, meta, lang))),
        section(
            "related", "related", lang, fills.add(sections.related_list(ctx, case, here, lang))
        ),
        fills.add(cite_block(case, lang, SiteUrls(ctx.site_url or "/"))),
        fills.add(footer(ctx, case, lang)),
    ]
    page_meta = {
        "title": escape(meta.get("title")),
        "description": escape(meta.get("summary")),
        "odimpact": {
            "kind": "case",
            "id": case.id,
            "status": case.status,
            "updated": _date_text(meta.get("reviewed")),
            "json_ld": script_json(json_ld(ctx, case, lang)),
            "fills": fills.blocks,
        },
    }
    return Page(here, lang, page_meta, "\n\n".join(block for block in blocks if block))


def case_pages(ctx: SiteContext, languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """Every case page in the given languages, both by default (drafts never)."""
    return [case_page(ctx, case, lang) for case in ctx.with_pages() for lang in languages]
