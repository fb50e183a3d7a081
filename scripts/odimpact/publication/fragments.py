"""Live parts of hand-written pages: a page writes `<!-- odimpact:NAME ARG -->` on its own line and
the build replaces it with generated HTML (counts, featured cases, vocabularies, the profile).
A page whose front matter says `json_ld: NAME` gets that structured data in its head."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from odimpact.publication.case_sections import count_text
from odimpact.publication.context import SiteContext
from odimpact.publication.dataset import dataset_json_ld
from odimpact.publication.dictionary import files_table
from odimpact.publication.findings import Report
from odimpact.publication.formatting import escape, number
from odimpact.publication.overviews import case_item, group
from odimpact.publication.pages import script_json
from odimpact.publication.records import exported_cases
from odimpact.publication.strings import text
from odimpact.schema import case_schema
from odimpact.typography import typeset
from odimpact.urls import DATA_FOLDER, PAGES, SiteUrls, case_url, listing_url, relative

MARKER = re.compile(r"^<!-- odimpact:([a-z-]+)(?: ([a-z-]+))? -->$", re.MULTILINE)
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
JSON_LD = re.compile(r"^json_ld: ([a-z-]+)$", re.MULTILINE)
FEATURED = 3


def counts(ctx: SiteContext, here: str, lang: str, _: str | None) -> str:
    listed = ctx.listed()
    jurisdictions = {case.meta(lang).get("jurisdiction") for case in listed}
    sectors = {sector for sector in group(ctx, "sectors")}
    sentence = text(
        "counts",
        lang,
        cases=number(len(listed), lang),
        jurisdictions=number(len(jurisdictions), lang),
        sectors=number(len(sectors), lang),
    )
    # A missing translation is shown and counted, never hidden.
    awaiting = sum(case.awaiting_translation(lang) for case in listed)
    backlog = (
        text("backlog", lang, count=number(awaiting, lang))
        if awaiting
        else text("backlog_none", lang)
    )
    return f'<p class="odi-counts">{sentence}</p>\n<p class="odi-backlog">{backlog}</p>'


def featured(ctx: SiteContext, here: str, lang: str, _: str | None) -> str:
    """The most recently published cases."""
    latest = sorted(
        ctx.listed(),
        key=lambda case: (str(case.meta(lang).get("published", "")), case.id),
        reverse=True,
    )[:FEATURED]
    return f'<ul class="odi-cases">{"".join(case_item(case, here, lang) for case in latest)}</ul>'


def browse_sectors(ctx: SiteContext, here: str, lang: str, _: str | None) -> str:
    groups = group(ctx, "sectors")
    items = "".join(
        f'<li><a href="{relative(here, listing_url("sectors", term))}">'
        f"{ctx.label('sectors', term, lang)}</a>"
        f" ({count_text(len(groups[term]), lang)})</li>"
        for term in ctx.terms("sectors")
        if term in groups
    )
    return f'<ul class="odi-terms odi-columns">{items}</ul>'


def vocabulary(ctx: SiteContext, here: str, lang: str, name: str | None) -> str:
    """A vocabulary's terms with their labels and definitions, from schema/vocabularies/."""
    vocab = ctx.vocabularies[name or ""]
    rows = "".join(
        f"<tr><td>{escape(term.label[lang])}</td><td>{escape(term.definition[lang])}</td></tr>"
        for term in vocab.terms
    )
    head = (
        f'<thead><tr><th scope="col">{text("term", lang)}</th><th '
        f'scope="col">{text("definition", lang)}</th></tr></thead>'
    )
    return (
        f"<p>{escape(vocab.definition[lang])}</p>\n\n<div "
        f'class="odi-table"><table>{head}<tbody>{rows}</tbody></table></div>'
    )


def profile(ctx: SiteContext, here: str, lang: str, _: str | None) -> str:
    """The metadata profile: each front-matter field, whether it is required, and its
    description."""
    schema = case_schema()
    required = set(schema.get("required", []))
    key = "description" if lang == "en" else "x-description-fr"
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td>"
        f"<td>{text('yes' if name in required else 'no', lang)}</td>"
        f"<td>{escape(typeset(field.get(key, ''), lang))}</td></tr>"
        for name, field in schema["properties"].items()
    )
    head = "".join(
        f'<th scope="col">{text(k, lang)}</th>' for k in ("field", "required", "description")
    )
    return (
        f"<div "
        f'class="odi-table"><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>'
    )


def findings(ctx: SiteContext, here: str, lang: str, part: str | None) -> str:
    """One generated part of the findings report (odimpact.publication.findings)."""
    explore, datasets = relative(here, PAGES["explore"]), relative(here, PAGES["datasets"])
    report = ctx.once(
        f"findings:{lang}:{here}",
        lambda: Report(
            ctx.listed(),
            lang,
            lambda case_id: relative(here, case_url(case_id)),
            lambda query: (datasets if query.startswith("#") else explore) + query,
        ),
    )
    return report.part(part or "summary")


def downloads(ctx: SiteContext, here: str, lang: str, _: str | None) -> str:
    """The export files of this language, linked, with what each holds (the data dictionary's
    table)."""
    intro = text("data_files_intro", lang, dictionary=relative(here, PAGES["dictionary"]))
    table = files_table(lang, lambda name: relative(here, f"{DATA_FOLDER}/") + name)
    return "\n".join([f"<p>{intro}</p>", "", *table])


def dataset(ctx: SiteContext, here: str, lang: str) -> dict[str, Any]:
    """The exports as a schema.org Dataset (odimpact.publication.dataset)."""
    return dataset_json_ld(exported_cases(ctx.corpus), lang, SiteUrls(ctx.site_url or "/"), here)


FRAGMENTS: dict[str, Callable[[SiteContext, str, str, str | None], str]] = {
    "counts": counts,
    "featured": featured,
    "browse-sectors": browse_sectors,
    "vocabulary": vocabulary,
    "profile": profile,
    "findings": findings,
    "downloads": downloads,
}
STRUCTURED_DATA: dict[str, Callable[[SiteContext, str, str], dict[str, Any]]] = {"dataset": dataset}


def with_json_ld(markdown: str, ctx: SiteContext, here: str, lang: str) -> str:
    """A page whose front matter says `json_ld: NAME` carries that structured data as generated
    pages carry theirs (`odimpact.json_ld`, which the theme puts in the head); the line becomes
    an `odimpact` mapping written in JSON, which is YAML too."""
    front = FRONT_MATTER.match(markdown)
    line = JSON_LD.search(front.group(1)) if front else None
    if not front or not line:
        return markdown
    data = script_json(STRUCTURED_DATA[line.group(1)](ctx, here, lang))
    start = front.start(1)
    return (
        markdown[: start + line.start()]
        + "odimpact: "
        + json.dumps({"json_ld": data})
        + markdown[start + line.end() :]
    )


def expand(markdown: str, ctx: SiteContext, here: str, lang: str) -> str:
    """Replace every marker of a hand-written page, and give it the structured data its front
    matter asks for; `here` is the page's language-relative URL."""
    return MARKER.sub(
        lambda m: FRAGMENTS[m.group(1)](ctx, here, lang, m.group(2)),
        with_json_ld(markdown, ctx, here, lang),
    )
