"""The findings report: every number it prints is recomputed here from the corpus, by code of its
own, and compared; the PDF is tagged, in its language, with text alternatives, and small."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pypdf
import pytest
from babel.numbers import parse_decimal

from odimpact.corpus import Case, Corpus
from odimpact.languages import language
from odimpact.publication import findings
from odimpact.publication.findings import CHARTS, row_id
from odimpact.vocabularies import load_vocabularies

pytestmark = pytest.mark.slow

KINDS = ("output", "use", "outcome", "impact")


class Tables(HTMLParser):
    """Rows of the report's tables: table id -> {data-key: (cell texts, case ids linked)}."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
        self.table = self.row = None
        self.cells: list[str] = []
        self.links: list[str] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "table" and str(attributes.get("id", "")).startswith("findings-"):
            self.table = attributes["id"].removeprefix("findings-")
            self.tables[self.table] = {}
        elif (
            tag == "tr"
            and self.table
            and str(attributes.get("id", "")).startswith(f"findings-{self.table}-")
        ):
            self.row, self.cells, self.links = (
                attributes["id"].removeprefix(f"findings-{self.table}-"),
                [],
                [],
            )
        elif tag == "td" and self.row:
            self.cells.append("")
            self.in_cell = True
        elif tag == "a" and self.row:
            self.links.append(attributes["href"].rstrip("/").rsplit("/", 1)[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self.row:
            self.tables[self.table][self.row] = (self.cells, self.links)
            self.row = None
        elif tag == "table":
            self.table = None
        elif tag == "td":
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.row and self.in_cell:
            self.cells[-1] += data


def _number(cell: str, lang: str) -> float:
    return float(
        parse_decimal(
            cell.replace("\u202f", "\u00a0").replace("%", "").strip(), locale=language(lang).locale
        )
    )


def expected_cases(part: str, cases: list[Case]) -> dict[str, set[str]]:
    """Which cases each row of a part should count, computed from the front matter directly."""
    expected: dict[str, set[str]] = {}
    for case in cases:
        meta = case.meta("en")
        if part == "sectors":
            keys = meta["sectors"]
        elif part == "jurisdictions":
            keys = [meta["jurisdiction"]]
        elif part == "places":
            keys = meta.get("effects_in") or [meta["jurisdiction"]]
        elif part == "levels":
            keys = [meta["evidence_strength"]]
        elif part == "conditions":
            keys = meta.get("enabling_conditions", [])
        elif part == "challenges":
            keys = meta.get("challenges", [])
        elif part == "figures":
            keys = {figure["kind"] for figure in meta.get("impacts", [])}
        for key in keys:
            expected.setdefault(str(key), set()).add(case.id)
    if part == "figures":
        expected = {kind: expected.get(kind, set()) for kind in KINDS}
    return expected


@pytest.fixture(scope="module", params=["en", "fr"])
def report(request: pytest.FixtureRequest, research_site: Path) -> tuple[str, Tables, str]:
    lang = request.param
    html = (research_site / ("fr/" if lang == "fr" else "") / "findings" / "index.html").read_text(
        encoding="utf-8"
    )
    tables = Tables()
    tables.feed(html)
    return lang, tables, html


@pytest.mark.parametrize(
    "part", ["sectors", "jurisdictions", "places", "levels", "conditions", "challenges", "figures"]
)
def test_every_count_share_and_case_is_recomputed(
    report: tuple[str, Tables, str], corpus: Corpus, part: str
) -> None:
    lang, tables, _ = report
    published = corpus.published()
    expected = expected_cases(part, published)
    shown = tables.tables[part]
    expected = {
        row_id(part, key).removeprefix(f"findings-{part}-"): ids for key, ids in expected.items()
    }
    assert set(shown) == set(expected), part
    for key, (cells, links) in shown.items():
        count_cell, share_cell = (cells[2], cells[3]) if part == "figures" else (cells[1], cells[2])
        assert _number(count_cell, lang) == len(expected[key]), (part, key)
        assert round(_number(share_cell, lang)) == round(
            100 * len(expected[key]) / len(published)
        ), (part, key)
        assert sorted(links) == sorted(expected[key]), (part, key)
    if part == "figures":
        for kind in KINDS:
            figures = sum(
                figure["kind"] == kind
                for case in published
                for figure in case.meta("en").get("impacts", [])
            )
            assert _number(shown[kind][0][1], lang) == figures, kind


def test_summary_numbers_are_recomputed(report: tuple[str, Tables, str], corpus: Corpus) -> None:
    lang, _, html = report
    published = corpus.published()
    summary = re.search(r'id="findings-summary">(.*?)</p>', html).group(1)
    numbers = [
        _number(found, lang) for found in re.findall(r"\d[\d\u00a0\u202f ,.]*\d|\d", summary)
    ]
    metas = [case.meta("en") for case in published]
    measured = sum(
        any(
            f["kind"] in ("outcome", "impact") and "baseline" in f and "quote" in f
            for f in m.get("impacts", [])
        )
        for m in metas
    )
    assert numbers[:8] == [
        len(published),
        len({m["jurisdiction"] for m in metas}),
        len(load_vocabularies()["jurisdictions"].ids()),
        len({p for m in metas for p in (m.get("effects_in") or [m["jurisdiction"]])}),
        len({s for m in metas for s in m["sectors"]}),
        measured,
        round(100 * measured / len(published)),
        sum(m["evidence_strength"] >= 2 for m in metas),
    ]
    # "evidence level 2 or more"
    assert numbers[8] == 2 and numbers[9] == sum(not m.get("impacts") for m in metas)


def test_gaps_and_case_list(report: tuple[str, Tables, str], corpus: Corpus) -> None:
    lang, _, html = report
    metas = [case.meta("en") for case in corpus.published()]
    unused = [
        code
        for code in load_vocabularies()["jurisdictions"].ids()
        if code not in {m["jurisdiction"] for m in metas}
    ]
    places = {p for m in metas for p in (m.get("effects_in") or [m["jurisdiction"]])}
    per_sector = {
        s: sum(s in m["sectors"] for m in metas) for s in load_vocabularies()["sectors"].ids()
    }
    expected = {
        "jurisdictions": unused,
        "places": [
            code for code in load_vocabularies()["jurisdictions"].ids() if code not in places
        ],
        "sectors": [s for s, n in per_sector.items() if n == 0],
        "single-sectors": [s for s, n in per_sector.items() if n == 1],
    }
    for key, terms in expected.items():
        vocabulary = load_vocabularies()["sectors" if "sectors" in key else "jurisdictions"]
        shown = re.search(
            rf'<li id="findings-gap-{key}">[^<]*?\u00a0?: (.*?)</li>', html.replace("&#x27;", "'")
        ).group(1)
        assert shown == (
            ", ".join(vocabulary.label(term, lang) for term in terms)
            or {"en": "none", "fr": "aucun"}[lang]
        ), key
    listed = re.findall(r'<li id="finding-case-([a-z0-9-]+)">', html)
    by_title = sorted(
        corpus.published(), key=lambda case: (case.meta(lang)["title"].casefold(), case.id)
    )
    assert listed == [case.id for case in by_title]
    # [n] in the tables is the n-th case of that list.
    first = re.search(
        r'href="[^"]*?/([a-z0-9-]+)/">\[(\d+)\]<span class="odi-visually-hidden">', html
    )
    assert listed[int(first.group(2)) - 1] == first.group(1)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_pdf_is_tagged_in_its_language_with_text_alternatives(
    research_site: Path, corpus: Corpus, lang: str
) -> None:
    path = research_site / ("fr/" if lang == "fr" else "") / "data" / "findings.pdf"
    assert path.stat().st_size < 2_000_000
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        figures = [
            node for node in _structure(pdf.Root.StructTreeRoot) if node.get("/S") == "/Figure"
        ]
        assert len(figures) == len(CHARTS) and all(
            str(node.get("/Alt", "")).strip() for node in figures
        )
        headings = {str(node.get("/S")) for node in _structure(pdf.Root.StructTreeRoot)}
        assert {"/H1", "/H2", "/Table"} <= headings
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert {"en": "To cite", "fr": "Pour citer"}[lang] in text and "Version" in text
    assert {"en": "What the cases show", "fr": "Ce que révèlent les études de cas"}[lang] in text


def _structure(node: pikepdf.Object, depth: int = 0):
    """Every element of a PDF's structure tree."""
    if depth > 60:
        return
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    if isinstance(node, pikepdf.Dictionary):
        yield node
    if isinstance(kids, pikepdf.Array):
        for kid in kids:
            yield from _structure(kid, depth + 1)
    elif isinstance(kids, pikepdf.Dictionary):
        yield from _structure(kids, depth + 1)


def test_datasets_behind_several_cases_are_recomputed(
    report: tuple[str, Tables, str], corpus: Corpus
) -> None:
    lang, tables, _ = report
    users: dict[str, set[str]] = {}
    for case in corpus.published():
        for dataset in case.meta(lang)["datasets"]:
            users.setdefault(dataset.get("url") or dataset["name"], set()).add(case.id)
    shared = {url: ids for url, ids in users.items() if len(ids) > 1}
    shown = tables.tables["datasets"]
    assert len(shown) == min(len(shared), 10) and shown
    for cells, links in shown.values():
        assert set(links) in shared.values() and _number(cells[1], lang) == len(links)


def test_a_statement_about_many_cases_links_to_their_filtered_list(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(findings, "MOST_REFERENCES", 1)
    report = findings.Report(
        corpus.published(),
        "en",
        lambda case_id: f"/c/{case_id}/",
        lambda query: f"/explore/{query}",
    )
    tables = Tables()
    tables.feed(report.part("sectors") + report.part("cases"))
    for key, (cells, links) in tables.tables["sectors"].items():
        count = int(cells[1])
        assert (
            (links == [f"?sector={key}"])
            if count > 1
            else (len(links) == 1 and links[0] != f"?sector={key}")
        ), key
    cited = {links[0] for cells, links in tables.tables["sectors"].values() if int(cells[1]) == 1}
    # Only cases cited by number are in the numbered list (here: those alone in some row).
    listed = set(re.findall(r'<li id="finding-case-([a-z0-9-]+)">', report.part("cases")))
    assert cited <= listed and len(listed) < len(corpus.published())
