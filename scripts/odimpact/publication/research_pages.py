"""The research pages of the site (Explore, visual overview, coverage, datasets behind the impact,
data dictionary) as renderer-independent Pages, and the files beside them (exports, feed, chart
images, the Explore page's data).

A page's `trusted` markup (the map's image map, the Explore page's mount point and script) is
put in by the renderer after it sanitises the page: the HTML allow-list would strip it. Every
value from a case is escaped where it is emitted."""

from __future__ import annotations

import json

from odimpact.languages import LANGUAGES, language
from odimpact.places import places_of_effect
from odimpact.publication.charts import Bar, bar_chart, chart_size, count_by
from odimpact.publication.context import SiteContext
from odimpact.publication.coverage import coverage_matrix, datasets_tables, gap_map
from odimpact.publication.dictionary import render_dictionary
from odimpact.publication.explore_data import explore_data
from odimpact.publication.exports import export_texts
from odimpact.publication.feeds import atom_feed
from odimpact.publication.findings import CHARTS as FINDINGS_CHARTS
from odimpact.publication.findings import chart_svg
from odimpact.publication.formatting import collation_key
from odimpact.publication.overviews import case_item
from odimpact.publication.pages import Page
from odimpact.publication.strings import text
from odimpact.publication.tilemap import map_figure, tile_map
from odimpact.schema import field_vocabularies
from odimpact.urls import (
    ASSETS,
    DATA_FOLDER,
    EXPLORE_FILE,
    FEED_FILE,
    FINDINGS_PAGE,
    PAGES,
    SiteUrls,
    case_url,
    listing_url,
    relative,
)

CHARTS = ("sectors", "year", "impact_types")
EXPLORE_MOUNT = '<div id="odi-explore-app"></div>'


def placeholder(name: str) -> str:
    """A marker that survives the sanitiser (a div with an id), replaced by trusted markup after
    it."""
    return f'<div class="odi-svg" id="odi-svg-{name}"></div>'


def _page(key: str, lang: str, markdown: str, trusted: dict[str, str] | None = None) -> Page:
    odimpact = {"kind": "research", "research": key, "trusted": trusted or {}}
    return Page(
        PAGES[key], lang, {"title": text(f"{key}_title", lang), "odimpact": odimpact}, markdown
    )


def _chart_bars(ctx: SiteContext, facet: str, here: str, lang: str) -> list[Bar]:
    listed = ctx.listed()
    if facet == "year":
        counts = count_by(listed, lambda case: [case.meta("en").get("period", {}).get("start")])
        years = sorted(year for year in counts if isinstance(year, int))
        return [
            Bar(str(year), counts[year], relative(here, listing_url("year", year)))
            for year in years
        ]
    counts = count_by(listed, lambda case: case.meta("en").get(facet) or [])
    return [
        Bar(
            ctx.vocabularies[field_vocabularies()[facet]].label(term, lang),
            counts[term],
            relative(here, listing_url(facet, term)),
        )
        for term in ctx.terms(facet)
        if counts[term]
    ]


# The two views of place: whose data it is, and where the effects were (listing facet, map file).
MAP_VIEWS = {"": ("jurisdiction", "map.svg"), "effects": ("effects_in", "map-effects.svg")}


def _jurisdiction_counts(ctx: SiteContext, view: str = "") -> dict[str, int]:
    places = (
        (lambda case: places_of_effect(case.meta("en")))
        if view == "effects"
        else (lambda case: [case.meta("en").get("jurisdiction")])
    )
    counts = count_by(ctx.listed(), places)
    return {str(code): count for code, count in counts.items()}


def charts_files(ctx: SiteContext, lang: str) -> dict[str, str]:
    """File name (next to the charts page) -> SVG document."""
    here = PAGES["charts"]
    files = {
        f"{facet}.svg": bar_chart(
            _chart_bars(ctx, facet, here, lang),
            text(f"chart_{facet}", lang),
            text(f"column_{facet}", lang),
            f"odi-chart-{facet}",
            lang,
        )[0]
        for facet in CHARTS
    }
    for view, (_, name) in MAP_VIEWS.items():
        files[name] = tile_map(_jurisdiction_counts(ctx, view), lang, view)
    return files


def map_markup(ctx: SiteContext, lang: str, view: str = "") -> str:
    """A map image and its image map of links (trusted: put in after sanitising)."""
    here, (facet, name) = PAGES["charts"], MAP_VIEWS[view]
    return map_figure(
        _jurisdiction_counts(ctx, view),
        name,
        lambda code: relative(here, listing_url(facet, code)),
        lang,
        view,
    )


def _map_table(ctx: SiteContext, lang: str, view: str = "") -> str:
    here, counts, (facet, _) = PAGES["charts"], _jurisdiction_counts(ctx, view), MAP_VIEWS[view]
    bars = [
        Bar(
            ctx.vocabularies["jurisdictions"].label(code, lang),
            counts[code],
            relative(here, listing_url(facet, code)),
        )
        for code in ctx.terms("jurisdiction")
        if counts.get(str(code))
    ]
    heading = text("map_effects_heading" if view else "map_heading", lang)
    return bar_chart(
        bars,
        heading,
        text("column_jurisdiction", lang),
        f"odi-map-table{'-' + view if view else ''}",
        lang,
    )[1]


def charts_page(ctx: SiteContext, lang: str) -> Page:
    here = PAGES["charts"]
    parts = [
        f"<h1>{text('charts_title', lang)}</h1>",
        f"<p>{text('charts_intro', lang)}</p>",
        f'<h2 id="map">{text("map_heading", lang)}</h2>',
        f"<p>{text('map_intro', lang)}</p>",
        placeholder("map"),
        _map_table(ctx, lang),
        f'<h2 id="map-effects">{text("map_effects_heading", lang)}</h2>',
        f"<p>{text('map_effects_intro', lang)}</p>",
        placeholder("map-effects"),
        _map_table(ctx, lang, "effects"),
    ]
    explore = relative(here, PAGES["explore"])
    parts += [
        f'<h2 id="evidence-gap-map">{text("gap_map_heading", lang)}</h2>',
        f"<p>{text('gap_map_intro', lang)}</p>",
        placeholder("gap-map"),
    ]
    for facet in CHARTS:
        bars = _chart_bars(ctx, facet, here, lang)
        width, height = chart_size(bars)
        table = bar_chart(
            bars,
            text(f"chart_{facet}", lang),
            text(f"column_{facet}", lang),
            f"odi-chart-{facet}",
            lang,
        )[1]
        alt = f"{text(f'chart_{facet}', lang)}. {text('chart_alt', lang)}"
        image = (
            f'<figure class="odi-figure"><img src="{facet}.svg" width="{width}" '
            f'height="{height}" alt="{alt}"></figure>'
        )
        parts += [
            f'<h2 id="by-{facet.replace("_", "-")}">{text(f"chart_{facet}", lang)}</h2>',
            image,
            table,
        ]
    trusted = {
        placeholder("map"): map_markup(ctx, lang),
        placeholder("map-effects"): map_markup(ctx, lang, "effects"),
        placeholder("gap-map"): gap_map(
            ctx.listed(), lambda sector, kind: f"{explore}?sector={sector}&strongest={kind}", lang
        ),
    }
    return _page("charts", lang, "\n\n".join(parts), trusted)


def coverage_page(ctx: SiteContext, lang: str) -> Page:
    here = PAGES["coverage"]
    explore = relative(here, PAGES["explore"])
    by_data = coverage_matrix(
        ctx.listed(), lambda j, s: f"{explore}?jurisdiction={j}&sector={s}", lang
    )
    by_effect = coverage_matrix(
        ctx.listed(), lambda j, s: f"{explore}?effects={j}&sector={s}", lang, by_effect=True
    )
    # The matrices are trusted markup: their scrolling regions' attributes would not survive the
    # sanitiser.
    return _page(
        "coverage",
        lang,
        "\n\n".join(
            [
                f"<h1>{text('coverage_title', lang)}</h1>",
                f"<p>{text('coverage_intro', lang)}</p>",
                f'<h2 id="by-jurisdiction">{text("coverage_by_data", lang)}</h2>',
                placeholder("coverage-data"),
                f'<h2 id="by-effect">{text("coverage_by_effect", lang)}</h2>',
                f"<p>{text('coverage_by_effect_intro', lang)}</p>",
                placeholder("coverage-effects"),
            ]
        ),
        {placeholder("coverage-data"): by_data, placeholder("coverage-effects"): by_effect},
    )


def datasets_page(ctx: SiteContext, lang: str) -> Page:
    here = PAGES["datasets"]
    datasets, publishers = datasets_tables(
        ctx.listed(), lambda case_id: relative(here, case_url(case_id)), lang
    )
    return _page(
        "datasets",
        lang,
        "\n\n".join(
            [
                f"<h1>{text('datasets_title', lang)}</h1>",
                f"<p>{text('datasets_intro', lang)}</p>",
                f'<h2 id="datasets">{text("datasets_heading", lang)}</h2>',
                datasets,
                f'<h2 id="publishers">{text("publishers_heading", lang)}</h2>',
                publishers,
            ]
        ),
    )


def dictionary_page(lang: str) -> Page:
    here = PAGES["dictionary"]
    markdown = render_dictionary(
        lang, lambda name: relative(here, "data/") + name, relative(here, "reference/format/")
    )
    return _page("dictionary", lang, markdown)


def explore_page(ctx: SiteContext, lang: str) -> Page:
    here = PAGES["explore"]
    overviews = "".join(
        f'<li><a href="{relative(here, listing_url(facet))}">'
        f"{text(f'overview_{facet}', lang)}</a></li>"
        for facet in ("sectors", "jurisdiction", "effects_in", "impact_types", "year")
    )
    by_title = sorted(
        ctx.listed(), key=lambda case: collation_key(str(case.meta(lang).get("title", "")))
    )
    items = "".join(case_item(case, here, lang) for case in by_title)
    parts = [
        f"<h1>{text('explore_title', lang)}</h1>",
        f"<p>{text('explore_intro', lang)}</p>",
        EXPLORE_MOUNT,
        f'<div id="odi-explore-static"><p>{text("explore_static", lang)}</p><ul>{overviews}</ul>',
        f'<ul class="odi-cases">{items}</ul></div>',
    ]
    return _page("explore", lang, "\n\n".join(parts), {EXPLORE_MOUNT: explore_markup(lang)})


def explore_markup(lang: str) -> str:
    """The Explore app's mount point, where its data is (in the language's tree), and its script
    (deferred, same origin, shared by both languages at the site's root)."""
    data = relative(PAGES["explore"], f"{DATA_FOLDER}/") + EXPLORE_FILE
    script = relative(language(lang).prefix + PAGES["explore"], ASSETS) + "explore.js"
    return (
        f'<div id="odi-explore-app" data-src="{data}"></div><script src="{script}" defer></script>'
    )


def research_pages(ctx: SiteContext, languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """Every research page in the given languages, both by default."""
    pages: list[Page] = []
    for lang in languages:
        pages += [
            explore_page(ctx, lang),
            charts_page(ctx, lang),
            coverage_page(ctx, lang),
            datasets_page(ctx, lang),
            dictionary_page(lang),
        ]
    return pages


def research_files(ctx: SiteContext, lang: str, base_url: str) -> dict[str, str]:
    """The files of one language's tree beside its pages (path in the tree -> text): the exports,
    the Atom feed, the charts' and the findings report's images, the Explore page's data."""
    urls = SiteUrls(base_url or "/")
    files = {
        f"{DATA_FOLDER}/{name}": content
        for name, content in export_texts(ctx.corpus, lang, urls).items()
    }
    files[FEED_FILE] = atom_feed(ctx.corpus, lang, urls)
    explore = explore_data(
        ctx.listed(), lang, lambda case_id: relative(PAGES["explore"], case_url(case_id))
    )
    files[f"{DATA_FOLDER}/{EXPLORE_FILE}"] = json.dumps(
        explore, ensure_ascii=False, separators=(",", ":")
    )
    files.update({PAGES["charts"] + name: svg for name, svg in charts_files(ctx, lang).items()})
    files.update(
        {
            f"{FINDINGS_PAGE}{name}.svg": chart_svg(name, ctx.listed(), lang)[0]
            for name in FINDINGS_CHARTS
        }
    )
    return files
