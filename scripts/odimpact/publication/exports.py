"""The knowledge base as open data, per language: cases.csv, impacts.csv, cases.json and a
Frictionless datapackage.json describing them. Output is deterministic (no timestamps), so an
unchanged corpus gives byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from odimpact.corpus import Corpus
from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column
from odimpact.publication.datapackage import datapackage
from odimpact.publication.records import case_facts, case_row, exported_cases, impact_rows
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies

# also the rows of the Explore page's downloads (explore_data.download_table)
CASES_CSV = "cases.csv"
EXPORT_FILES = (CASES_CSV, "impacts.csv", "cases.json", "datapackage.json")


def _csv_text(columns: tuple[Column, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=[column.name for column in columns], lineterminator="\r\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(value) for key, value in row.items()})
    return buffer.getvalue()


def _csv_value(value: Any) -> Any:
    # Frictionless reads booleans as true/false; Python would write True/False.
    return ("true" if value else "false") if isinstance(value, bool) else value


def vocabulary_labels(lang: str) -> dict[str, dict[str, str]]:
    """Every vocabulary as {id: label} in `lang` (ids as text, as JSON object keys must be)."""
    return {
        name: {str(term.id): term.label[lang] for term in vocabulary.terms}
        for name, vocabulary in load_vocabularies().items()
    }


def export_texts(corpus: Corpus, lang: str, urls: SiteUrls) -> dict[str, str]:
    """File name -> content of every export in one language: cases.csv (a row per published
    case), impacts.csv (a row per quantified impact, with its case and source), cases.json (every
    published case's full front matter, plus the labels of every vocabulary), datapackage.json.
    Each case's facts are computed once for all of them."""
    cases = exported_cases(corpus)
    facts = [case_facts(case, lang, urls) for case in cases]
    document = {"language": lang, "cases": facts, "vocabularies": vocabulary_labels(lang)}
    return {
        CASES_CSV: _csv_text(CASE_COLUMNS, [case_row(item, lang) for item in facts]),
        "impacts.csv": _csv_text(
            IMPACT_COLUMNS,
            [row for case, item in zip(cases, facts) for row in impact_rows(case.id, item, lang)],
        ),
        "cases.json": json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n",
        "datapackage.json": json.dumps(datapackage(lang, urls), ensure_ascii=False, indent=1)
        + "\n",
    }


def write_exports(corpus: Corpus, lang: str, urls: SiteUrls, folder: Path) -> list[Path]:
    """Write the exports of one language into `folder`; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in export_texts(corpus, lang, urls).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written
