"""The HTML blocks of a case page: facts panel, impacts, datasets, organisations, sources, related.

Every value from front matter is escaped here; the blocks are raw HTML so Markdown never parses
them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from odimpact.corpus import Case
from odimpact.publication.context import SiteContext, as_dicts, as_list
from odimpact.publication.figures import cite_in_note, lang_attribute
from odimpact.publication.formatting import (
    colon,
    escape,
    full_stop,
    link,
    long_date,
    number,
    period_text,
    sentence_case,
)
from odimpact.publication.strings import case_count, text
from odimpact.source_markers import CITATION
from odimpact.urls import case_url, listing_url, relative


def source_numbers(meta: dict[str, Any]) -> dict[str, int]:
    """Source id -> its number in the list (s1 -> 1), in the order the case lists them."""
    ids = [str(source.get("id")) for source in as_dicts(meta.get("sources"))]
    return {source_id: index for index, source_id in enumerate(ids, start=1)}


def cite(source_id: Any, numbers: dict[str, int]) -> str:
    """A link to a numbered source, or the escaped id when the case has no such source."""
    number_ = numbers.get(str(source_id))
    if number_ is None:
        return escape(source_id)
    return f'<a class="odi-cite" href="#source-{escape(source_id)}">[{number_}]</a>'


def link_citations(
    body: str, numbers: dict[str, int], token: Callable[[str], str] = lambda html: html
) -> str:
    """Body citations [s1] become links to the numbered sources list (through `token`, outside
    headings,
    whose text also becomes the table of contents)."""

    def linked(line: str) -> str:
        wrap = (lambda html: html) if line.lstrip().startswith("#") else token
        return CITATION.sub(
            lambda match: (
                wrap(cite(match.group(1), numbers)) if match.group(1) in numbers else match.group(0)
            ),
            line,
        )

    return "".join(linked(line) for line in body.splitlines(keepends=True))


def _term_links(ctx: SiteContext, field: str, values: list[Any], here: str, lang: str) -> str:
    items = []
    for value in values:
        label = ctx.label(field, value, lang)
        if value in ctx.terms(field):
            label = f'<a href="{relative(here, listing_url(field, value))}">{label}</a>'
        items.append(label)
    return ", ".join(items)


def period(meta: dict[str, Any], lang: str) -> str:
    """The case's years: "since 2001" / "depuis 2001", "2001–2005" / "de 2001 à 2005"."""
    raw = meta.get("period")
    value = raw if isinstance(raw, dict) else {}
    return period_text(value.get("start"), value.get("end"), lang)


def note_html(note: Any, numbers: dict[str, int]) -> str:
    """A note, escaped, with the sources it names linked by number as in the body ("(s2)" ->
    "[2]")."""
    return cite_in_note(note, lambda source_id: cite(source_id, numbers), numbers)


def facts_panel(ctx: SiteContext, meta: dict[str, Any], here: str, lang: str) -> str:
    """The metadata panel: labels from the vocabularies, sectors and facets linked to their
    lists."""
    jurisdiction = meta.get("jurisdiction")
    rows = [
        ("jurisdiction", _term_links(ctx, "jurisdiction", [jurisdiction], here, lang)),
        ("government_level", ctx.label("government_level", meta.get("government_level"), lang)),
        ("sectors", _term_links(ctx, "sectors", as_list(meta.get("sectors")), here, lang)),
        (
            "impact_types",
            _term_links(ctx, "impact_types", as_list(meta.get("impact_types")), here, lang),
        ),
        ("period", period(meta, lang)),
    ]
    if meta.get("place"):
        rows.insert(1, ("place", escape(meta["place"])))
    after_place = 2 if meta.get("place") else 1
    if meta.get("communities"):
        rows.insert(
            after_place,
            ("communities", ", ".join(escape(name) for name in as_list(meta.get("communities")))),
        )
    if meta.get("effects_in"):
        rows.insert(
            after_place,
            (
                "effects_in",
                _term_links(ctx, "effects_in", as_list(meta.get("effects_in")), here, lang),
            ),
        )
    level = meta.get("evidence_strength")
    evidence = (
        f"{ctx.label('evidence_strength', level, lang)}<br>"
        f'<span class="odi-meaning">{ctx.definition("evidence_strength", level, lang)}</span>'
    )
    rows.append(("evidence", evidence))
    cells = "".join(f"<dt>{text(key, lang)}</dt><dd>{value}</dd>" for key, value in rows)
    return (
        f'<section class="odi-facts" aria-labelledby="odi-facts-title">'
        f'<h2 id="odi-facts-title" '
        f'class="odi-facts__title">{text("case_facts", lang)}</h2><dl>{cells}</dl></section>'
    )


def datasets_list(ctx: SiteContext, meta: dict[str, Any], lang: str) -> str:
    numbers = source_numbers(meta)
    items = []
    for dataset in as_dicts(meta.get("datasets")):
        note = f"<br>{note_html(dataset['note'], numbers)}" if dataset.get("note") else ""
        items.append(
            f"<li>{link(escape(dataset.get('name')), dataset.get('url'))}<br>"
            f"{text('publisher', lang)}{colon(lang)}{escape(dataset.get('publisher'))} · "
            f"{text('licence', lang)}{colon(lang)}"
            f"{ctx.label('licence', dataset.get('licence'), lang)}{note}</li>"
        )
    return f'<ul class="odi-datasets">{"".join(items)}</ul>'


def organisations_list(ctx: SiteContext, meta: dict[str, Any], lang: str) -> str:
    """Each organization, linked where it has an address, with its roles in `lang`."""

    def roles(org: dict[str, Any]) -> str:
        return ", ".join(
            ctx.label("organisations.roles", role, lang) for role in as_list(org.get("roles"))
        )

    items = "".join(
        f"<li>{link(escape(org.get('name')), org.get('url'))} ({roles(org)})</li>"
        for org in as_dicts(meta.get("organisations"))
    )
    return f'<ul class="odi-organisations">{items}</ul>'


def _source_title(source: dict[str, Any], lang: str) -> str:
    """The document's own title as a citation, or our description of it in square brackets."""
    title = escape(source.get("title"))
    if source.get("descriptive_title") is True:
        return f"[{title}]"
    return f"<cite{lang_attribute(source.get('language'), lang)}>{title}</cite>"


def sources_list(ctx: SiteContext, meta: dict[str, Any], lang: str) -> str:
    """The numbered sources, each with an anchor that body citations link to, what kind of document
    it is, whom it speaks for, when it was read and where an archived copy is."""
    numbers = source_numbers(meta)
    items = []
    for source in as_dicts(meta.get("sources")):
        parts = [
            link(_source_title(source, lang), source.get("url")),
            escape(source.get("publisher")),
        ]
        if source.get("date"):  # after a full stop: "Mars 2024", not "mars 2024"
            parts.append(sentence_case(long_date(source["date"], lang)))
        weight = [
            ctx.label("sources.kind", source.get("kind"), lang),
            ctx.label("sources.independence", source.get("independence"), lang),
        ]
        details = [
            f"{text('source_kind', lang)}{colon(lang)}{weight[0]}",
            f"{text('independence', lang)}{colon(lang)}{weight[1]}",
        ]
        if source.get("accessed"):
            details.append(text("accessed", lang, date=long_date(source["accessed"], lang)))
        if source.get("archived"):
            details.append(link(text("archived_copy", lang), source["archived"]))
        note = f"<br>{note_html(source['note'], numbers)}" if source.get("note") else ""
        items.append(
            f'<li id="source-{escape(source.get("id"))}">'
            f"{' '.join(full_stop(part) for part in parts if part)}"
            f'<br><span class="odi-meaning">{" · ".join(details)}</span>{note}</li>'
        )
    return f'<ol class="odi-sources">{"".join(items)}</ol>'


def _attribution(
    ctx: SiteContext, interview: dict[str, Any], numbers: dict[str, int], lang: str
) -> str:
    """Who spoke (by name only with recorded consent), how and when, and the source's number."""
    recorded = interview.get("consent")
    consent = recorded if isinstance(recorded, dict) else {}
    named = consent.get("named") is True and interview.get("name")
    who = escape(interview["name"]) + ", " if named else ""
    who += f"{escape(interview.get('role'))}, {escape(interview.get('organisation'))}"
    how = text(
        "interview_by",
        lang,
        method=ctx.label("interviews.method", interview.get("method"), lang),
        date=long_date(interview.get("date"), lang),
    )
    return f"{full_stop(who)} {how} {cite(interview.get('source'), numbers)}"


def interviews_block(
    ctx: SiteContext, meta: dict[str, Any], numbers: dict[str, int], lang: str
) -> str:
    """Interview quotations in the reader's language, the original beside a translation, attributed.
    Only quotations whose publication the interviewee consented to exist (the validator refuses
    others)."""
    blocks = []
    for interview in as_dicts(meta.get("interviews")):
        spoken = str(interview.get("language", lang))
        for quote in as_dicts(interview.get("quotes")):
            if spoken == lang or not quote.get("translation"):
                original = escape(quote.get("original"))
                said = f"<blockquote{lang_attribute(spoken, lang)}><p>{original}</p></blockquote>"
            else:
                # unvalidated builds too
                name = (
                    text(f"language_{spoken}", lang) if spoken in ("en", "fr") else escape(spoken)
                )
                original = (
                    f'<p class="odi-original">{text("interview_original", lang, language=name)}'
                    f"{colon(lang)}<q "
                    f'lang="{escape(spoken)}">{escape(quote.get("original"))}</q></p>'
                )
                said = f"<blockquote><p>{escape(quote['translation'])}</p></blockquote>{original}"
            blocks.append(
                f'<figure class="odi-interview">{said}'
                f"<figcaption>{_attribution(ctx, interview, numbers, lang)}</figcaption></figure>"
            )
    return "".join(blocks)


def related_list(ctx: SiteContext, case: Case, here: str, lang: str) -> str:
    """Related cases that have a page, linked by their title in `lang`."""
    pages = ctx.pages_by_id()
    items = [
        f'<li><a href="{relative(here, case_url(other))}">'
        f"{escape(pages[other].meta(lang).get('title'))}</a></li>"
        for other in as_list(case.meta(lang).get("related"))
        if isinstance(other, str) and other in pages and other != case.id
    ]
    return f'<ul class="odi-related">{"".join(items)}</ul>' if items else ""


def count_text(count: int, lang: str) -> str:
    """'12 cases' / '12 études de cas'."""
    return case_count(count, lang, number(count, lang))
