"""A tile-grid map of Canada: each province and territory a labelled square placed roughly where
it lies (row, column), shaded by its number of cases and linking to its overview page.

A tile grid needs no boundary data, so nothing here is invented geometry: the honest claim is
only "roughly west to east, north to south". The Government of Canada (CA) gets its own tile.
"""

from __future__ import annotations

from collections.abc import Callable

from odimpact.publication.formatting import number
from odimpact.publication.strings import case_count, text
from odimpact.publication.svg import EDGE, SHADES, TEXT, esc, shade_floor, shade_index, svg_open
from odimpact.vocabularies import load_vocabularies

# Narrow enough (340 units) to be shown unscaled in the text column of a 375 px screen (343 px):
# the image map's coordinates are never scaled with the image, so a scaled map sends a tap on one
# tile to another's link. Its text is then shown at its own size, 15 px and more.
TILE, GAP = 44, 4
CODE_SIZE, TEXT_SIZE = 17, 15
LEGEND_STEP = 66
# (row, column) of each jurisdiction: north to south, west to east.
GRID: dict[str, tuple[int, int]] = {
    "CA-YT": (0, 0),
    "CA-NT": (0, 1),
    "CA-NU": (0, 2),
    "CA-BC": (1, 0),
    "CA-AB": (1, 1),
    "CA-SK": (1, 2),
    "CA-MB": (1, 3),
    "CA-ON": (1, 4),
    "CA-QC": (1, 5),
    "CA-NL": (1, 6),
    "CA-NB": (2, 5),
    "CA-PE": (2, 6),
    "CA-NS": (3, 6),
    "CA": (3, 0),
}


def _short(code: str) -> str:
    return "CA" if code == "CA" else code.removeprefix("CA-")


def _origin(code: str) -> tuple[int, int]:
    row, column = GRID[code]
    return GAP + column * (TILE + GAP), GAP + row * (TILE + GAP)


def _tile(code: str, count: int, peak: int, lang: str) -> str:
    x, y = _origin(code)
    fill, ink = SHADES[shade_index(count, peak)]
    label = load_vocabularies()["jurisdictions"].label(code, lang)
    square = (
        f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="4" fill="{fill}" '
        f'stroke="{EDGE}"/>'
        f'<text x="{x + TILE / 2}" y="{y + 19}" text-anchor="middle" '
        f'font-size="{CODE_SIZE}" font-weight="700"'
        f' fill="{ink}">{_short(code)}</text>'
        f'<text x="{x + TILE / 2}" y="{y + 37}" text-anchor="middle" font-size="{TEXT_SIZE}"'
        f' fill="{ink}">{esc(number(count, lang))}</text>'
    )
    return f'<g aria-label="{esc(label)}">{square}</g>'


def _legend(top: int, peak: int, lang: str) -> str:
    """The legend under the tiles: its title on one line, the shades and their floors on the
    next."""
    legend = esc(text("tile_map_legend", lang))
    parts = [
        f'<text x="{GAP}" y="{top + 16}" font-size="{TEXT_SIZE}" fill="{TEXT}">{legend}</text>'
    ]
    for step, (fill, _) in enumerate(SHADES):
        low = shade_floor(step, peak)
        x = GAP + step * LEGEND_STEP
        parts.append(
            f'<rect x="{x}" y="{top + 26}" width="15" height="15" fill="{fill}" stroke="{EDGE}"/>'
            f'<text x="{x + 20}" y="{top + 39}" font-size="{TEXT_SIZE}" fill="{TEXT}">'
            f"{'0' if step == 0 else '≥ ' + number(low, lang)}</text>"
        )
    return "".join(parts)


WIDTH = GAP + 7 * (TILE + GAP)
HEIGHT = GAP + 4 * (TILE + GAP) + 46


def _title(lang: str, view: str) -> str:
    """The map's title: cases by province and territory, or by where their effects were."""
    return text("tile_map_title_effects" if view == "effects" else "tile_map_title", lang)


def tile_map(counts: dict[str, int], lang: str, view: str = "") -> str:
    """The map as an SVG document (shown as an image; `map_figure` makes its regions links);
    `view` "effects" titles it by where the effects were."""
    labels = load_vocabularies()["jurisdictions"]
    items = "; ".join(
        text(
            "tile_map_item",
            lang,
            label=labels.label(code, lang),
            count=number(counts.get(code, 0), lang),
        )
        for code in GRID
    )
    peak = max(counts.values(), default=0)
    top = GAP + 4 * (TILE + GAP)
    description = text("tile_map_desc", lang, items=items)
    parts = [svg_open(WIDTH, HEIGHT, _title(lang, view), description, "odi-map")]
    parts += [_tile(code, counts.get(code, 0), peak, lang) for code in GRID]
    parts.append(_legend(top, peak, lang))
    return "".join(parts) + "</svg>"


def map_figure(
    counts: dict[str, int], src: str, href_of: Callable[[str], str], lang: str, view: str = ""
) -> str:
    """The map image with an HTML image map: each region with cases is a keyboard-reachable link
    named by its jurisdiction and count (an image map needs no script and no inline SVG)."""
    labels = load_vocabularies()["jurisdictions"]
    areas = []
    for code in GRID:
        if counts.get(code, 0):
            x, y = _origin(code)
            name = text(
                "tile_map_link",
                lang,
                label=labels.label(code, lang),
                cases=case_count(counts[code], lang, number(counts[code], lang)),
            )
            areas.append(
                f'<area shape="rect" coords="{x},{y},{x + TILE},{y + TILE}" '
                f'href="{esc(href_of(code))}" '
                f'alt="{esc(name)}" class="odi-map-region" data-jurisdiction="{code}">'
            )
    name = f"odi-map-areas{'-' + view if view else ''}"
    title = _title(lang, view)
    return (
        f'<figure class="odi-figure odi-map"><img src="{esc(src)}" usemap="#{name}" '
        f'width="{WIDTH}" height="{HEIGHT}" '
        f'alt="{esc(title)}"><map name="{name}">{"".join(areas)}</map></figure>'
    )
