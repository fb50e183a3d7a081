"""The findings report as a PDF per language: the hand-written page (docs/findings.*.md) with its
generated parts, a title block with the report's date, version and citation, printed by
WeasyPrint as a tagged PDF/UA document (structure tags, the document's language, text
alternatives for the charts).

Links point at the published site (absolute addresses), since a PDF is read away from it.
"""

from __future__ import annotations

import base64
import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import markdown
import yaml

from odimpact.corpus import Case, load_corpus
from odimpact.languages import LANGUAGES, language
from odimpact.paths import DOCS_DIR
from odimpact.problems import Problem
from odimpact.publication.findings import Report, summary_numbers
from odimpact.publication.formatting import escape, long_date
from odimpact.publication.fragments import MARKER
from odimpact.publication.strings import text
from odimpact.reading import split_front_matter
from odimpact.urls import DATA_FOLDER, FINDINGS_PAGE, PAGES, case_url

PDF_FILE = "findings.pdf"
PAGE_URL = FINDINGS_PAGE
STYLE = """
@page { size: letter; margin: 2cm 1.8cm; @bottom-center { content: counter(page); font-size: 9pt;
  } }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.4; color: #1a1a1a; }
h1 { font-size: 20pt; margin: 0 0 .4em; } h2 { font-size: 13pt; margin-top: 1.4em; }
.odi-report-meta { color: #4a4a4a; font-size: 9pt; border-bottom: 1px solid #bbb;
  padding-bottom: .6em; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: .3em; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 4px; vertical-align: top; text-align: left; }
td.odi-num { text-align: right; white-space: nowrap; }
a { color: #0b4a8b; text-decoration: none; }
ol.odi-findings-cases { font-size: 8.5pt; }
.odi-visually-hidden { display: none; }
"""


def report_version() -> str:
    """The project's version, as the package declares it."""
    try:
        return version("odimpact")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0"


def report_date(cases: list[Case]) -> str:
    """The report's date: the latest review of a case it reads, so an unchanged corpus gives the
    same report."""
    return max((str(case.meta("en").get("reviewed", "")) for case in cases), default="")


def _page_parts(path: Path) -> tuple[dict[str, str], str]:
    """A hand-written page's front matter and Markdown body."""
    parts = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    if isinstance(parts, Problem):
        raise ValueError(f"{path}: no front matter")
    return yaml.safe_load(parts[0]) or {}, parts[1]


def _absolute_links(markdown_text: str, site_url: str, lang: str) -> str:
    """Links to hand-written pages (`data.md#x`) as addresses on the published site."""
    base = site_url + language(lang).prefix
    return re.sub(
        r"\]\(([a-z-]+)\.md(#[a-z-]+)?\)",
        lambda m: f"]({base}{m.group(1)}/{m.group(2) or ''})",
        markdown_text,
    )


def report_html(cases: list[Case], site_url: str, lang: str) -> str:
    """The whole report as one HTML document, ready to print: the page's own heading, then its
    edition (version, date) and how to cite it."""
    meta, body = _page_parts(DOCS_DIR / f"findings.{lang}.md")
    site = site_url + language(lang).prefix
    report = Report(
        cases,
        lang,
        lambda case_id: site + case_url(case_id),
        lambda query: site + PAGES["datasets" if query.startswith("#") else "explore"] + query,
        lambda name, svg: (
            "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        ),
    )
    expanded = MARKER.sub(
        lambda m: report.part(m.group(2) or "summary") if m.group(1) == "findings" else "", body
    )
    html = markdown.markdown(
        _absolute_links(expanded, site_url, lang), extensions=["attr_list", "tables", "md_in_html"]
    )
    edition = {"version": report_version(), "date": long_date(report_date(cases), lang)}
    citation = text(
        "findings_citation",
        lang,
        site=text("site_name", lang),
        title=text("findings_title", lang),
        count=summary_numbers(cases)["cases"],
        url=site + PAGE_URL,
        **edition,
    )
    block = (
        f'<div class="odi-report-meta"><p>{escape(text("site_name", lang))}. '
        f"{escape(text('findings_edition', lang, **edition))}</p>"
        f"<p>{escape(citation)}</p></div>"
    )
    title = escape(meta.get("title", text("findings_title", lang)))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{escape(text("site_name", lang))}">'
        f'<meta name="description" content="{escape(meta.get("description", ""))}">'
        f"<style>{STYLE}</style></head>"
        f"<body>{html.replace('</h1>', '</h1>' + block, 1)}</body></html>"
    )


def write_report_pdf(cases: list[Case], site_url: str, lang: str, folder: Path) -> Path:
    """Write the report's PDF into `folder` (the language's data folder); returns its path."""
    from weasyprint import HTML  # imported here: only the build that writes data files needs it

    path = folder / PDF_FILE
    HTML(string=report_html(cases, site_url, lang), base_url=str(folder)).write_pdf(
        str(path), pdf_variant="pdf/ua-1"
    )
    return path


def write_reports(
    site_dir: Path, cases_dir: Path, site_url: str, languages: tuple[str, ...] = LANGUAGES
) -> list[Path]:
    """The PDFs of the given languages into the site's data folders, from the published cases of
    `cases_dir`."""
    cases = load_corpus(cases_dir, root=cases_dir.parent).published()
    return [
        write_report_pdf(cases, site_url, lang, site_dir / language(lang).prefix / DATA_FOLDER)
        for lang in languages
    ]


def main(argv: list[str]) -> int:
    """`python -m odimpact.publication.findings_pdf SITE_DIR CASES_DIR SITE_URL [LANG...]`: run by
    `odimpact build`, one process per language, beside Pagefind."""
    site_dir, cases_dir, site_url = Path(argv[0]), Path(argv[1]), argv[2]
    for path in write_reports(site_dir, cases_dir, site_url, tuple(argv[3:]) or LANGUAGES):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
