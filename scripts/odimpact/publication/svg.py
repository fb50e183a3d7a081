"""Small SVG and table helpers shared by the charts, the map and the coverage matrix.

Colours are checked for WCAG 2.1 AA: text on its background at least 4.5:1, bars and tile edges
against the page at least 3:1 (tests compute the ratios)."""

from __future__ import annotations

import html

TEXT = "#1a1a1a"
BAR = "#1d4b66"  # the site's primary colour: 9.6:1 on white
EDGE = "#595959"  # tile outlines: 7:1 on white, so even an empty tile is visible
# Sequential shades for counts (0 first), each with a text colour that passes AA on it.
SHADES = (
    ("#f2f2f2", TEXT),
    ("#c6dbef", TEXT),
    ("#6baed6", TEXT),
    ("#2171b5", "#ffffff"),
    ("#08306b", "#ffffff"),
)


def esc(value: object) -> str:
    """Text or attribute value escaped for HTML and SVG."""
    return html.escape(str(value), quote=True)


def svg_open(width: int, height: int, title: str, description: str, ident: str) -> str:
    """The start of a standalone SVG document, named by its <title> and described by its <desc>."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'font-family="sans-serif" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'class="odi-chart">'
        f'<title id="{ident}-title">{esc(title)}</title><desc '
        f'id="{ident}-desc">{esc(description)}</desc>'
    )


def data_table(caption: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """The data behind a chart as an HTML table (cells already escaped or linked by the caller)."""
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    # odi-chart-data: research.css lays it out only near the screen (a row per term or year)
    return (
        f'<div class="odi-table odi-chart-data"><table><caption>{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1) of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio between two colours."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shade_index(count: int, maximum: int) -> int:
    """Which of SHADES a count gets: 0 for none, then four equal steps, the maximum the darkest."""
    if count <= 0 or maximum <= 0:
        return 0
    steps = len(SHADES) - 1
    return min(steps, 1 + (count * steps - 1) // maximum)


def shade_floor(step: int, maximum: int) -> int:
    """The smallest count that gets shade `step` (for the legend)."""
    steps = len(SHADES) - 1
    return 0 if step == 0 else max(1, -(-((step - 1) * maximum + 1) // steps))
