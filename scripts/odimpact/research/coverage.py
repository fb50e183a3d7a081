"""Where the knowledge base has cases and where it has none: the jurisdiction × sector coverage
matrix (gaps contributors can fill), and "datasets behind the impact": datasets and publishers
ranked by the number of cases that use them."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable

from odimpact.corpus import Case
from odimpact.research.svg import esc
from odimpact.site.formatting import number
from odimpact.vocabularies import load_vocabularies

WORDS = {
    "en": {"caption": "Published cases by jurisdiction (rows) and sector (columns); an empty cell is a gap",
           "jurisdiction": "Jurisdiction", "gap": "none yet", "total": "Total", "cell": "{count} case(s): {j}, {s}",
           "dataset": "Dataset", "publisher": "Publisher", "cases": "Cases", "count": "Number of cases",
           "datasets_caption": "Datasets ranked by the number of published cases that use them",
           "publishers_caption": "Publishers ranked by the number of published cases that use their data"},
    "fr": {"caption": "Études de cas publiées par secteur de compétence (lignes) et par secteur (colonnes); une cellule vide est une lacune",
           "jurisdiction": "Secteur de compétence", "gap": "aucune", "total": "Total", "cell": "{count} étude(s) de cas : {j}, {s}",
           "dataset": "Jeu de données", "publisher": "Diffuseur", "cases": "Études de cas", "count": "Nombre d'études de cas",
           "datasets_caption": "Jeux de données classés selon le nombre d'études de cas publiées qui les utilisent",
           "publishers_caption": "Diffuseurs classés selon le nombre d'études de cas publiées qui utilisent leurs données"},
}


def coverage_counts(cases: list[Case]) -> dict[tuple[str, str], int]:
    """(jurisdiction, sector) -> number of cases."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        meta = case.meta("en")
        for sector in set(meta.get("sectors", []) or []):
            counts[(str(meta.get("jurisdiction")), str(sector))] += 1
    return counts


def _matrix_cell(count: int, jurisdiction: str, sector: str, href: str, lang: str) -> str:
    words, vocabularies = WORDS[lang], load_vocabularies()
    if not count:
        return f'<td class="odi-gap"><span class="odi-visually-hidden">{esc(words["gap"])}</span></td>'
    name = words["cell"].format(count=number(count, lang), j=vocabularies["jurisdictions"].label(jurisdiction, lang),
                                s=vocabularies["sectors"].label(sector, lang))
    return f'<td class="odi-num"><a href="{esc(href)}" title="{esc(name)}">{esc(number(count, lang))}</a></td>'


def coverage_matrix(cases: list[Case], explore_href: Callable[[str, str], str], lang: str) -> str:
    """The matrix as an HTML table; each non-empty cell links to the Explore page filtered to it."""
    words, vocabularies = WORDS[lang], load_vocabularies()
    counts = coverage_counts(cases)
    sectors = vocabularies["sectors"].ids()
    head = f'<th scope="col">{esc(words["jurisdiction"])}</th>' + "".join(
        f'<th scope="col">{esc(vocabularies["sectors"].label(s, lang))}</th>' for s in sectors)
    rows = []
    for code in vocabularies["jurisdictions"].ids():
        cells = "".join(_matrix_cell(counts.get((code, s), 0), str(code), str(s), explore_href(str(code), str(s)), lang) for s in sectors)
        rows.append(f'<tr><th scope="row">{esc(vocabularies["jurisdictions"].label(code, lang))}</th>{cells}</tr>')
    return (f'<div class="odi-table odi-coverage"><table><caption>{esc(words["caption"])}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _dataset_key(dataset: dict[str, Any]) -> str:
    # The URL identifies a dataset across cases best; without one, its name and publisher.
    return str(dataset.get("url") or f"{dataset.get('name', '')}|{dataset.get('publisher', '')}").casefold().rstrip("/")


def rank_datasets(cases: list[Case], lang: str) -> list[tuple[dict[str, Any], list[Case]]]:
    """Datasets (as first named in `lang`) with the cases using them, most used first."""
    found: dict[str, tuple[dict[str, Any], list[Case]]] = {}
    for case in cases:
        for dataset in case.meta(lang).get("datasets", []) or []:
            if isinstance(dataset, dict):
                entry = found.setdefault(_dataset_key(dataset), (dataset, []))
                if not entry[1] or entry[1][-1] is not case:  # cases come one at a time: a repeat is the last one
                    entry[1].append(case)
    return sorted(found.values(), key=lambda item: (-len(item[1]), str(item[0].get("name", "")).casefold()))


def rank_publishers(cases: list[Case], lang: str) -> list[tuple[str, list[Case]]]:
    """Publishers with the cases that use their datasets, most used first."""
    found: dict[str, tuple[str, list[Case]]] = {}
    for case in cases:
        for dataset in case.meta(lang).get("datasets", []) or []:
            name = str(dataset.get("publisher", "")) if isinstance(dataset, dict) else ""
            entry = found.setdefault(name.casefold(), (name, []))
            if name and (not entry[1] or entry[1][-1] is not case):
                entry[1].append(case)
    return sorted(((n, c) for n, c in found.values() if c), key=lambda item: (-len(item[1]), item[0].casefold()))


def _case_links(cases: list[Case], case_href: Callable[[str], str], lang: str) -> str:
    items = "".join(f'<li><a href="{esc(case_href(case.id))}">{esc(case.meta(lang).get("title", case.id))}</a></li>' for case in cases)
    return f'<ul class="odi-case-links">{items}</ul>'


def datasets_tables(cases: list[Case], case_href: Callable[[str], str], lang: str) -> tuple[str, str]:
    """(datasets table, publishers table) as HTML."""
    words = WORDS[lang]
    dataset_rows = "".join(
        f'<tr><td>{_dataset_name(dataset)}</td><td>{esc(dataset.get("publisher", ""))}</td>'
        f'<td class="odi-num">{esc(number(len(using), lang))}</td><td>{_case_links(using, case_href, lang)}</td></tr>'
        for dataset, using in rank_datasets(cases, lang))
    publisher_rows = "".join(
        f'<tr><td>{esc(name)}</td><td class="odi-num">{esc(number(len(using), lang))}</td><td>{_case_links(using, case_href, lang)}</td></tr>'
        for name, using in rank_publishers(cases, lang))
    head = lambda *names: "".join(f'<th scope="col">{esc(words[n])}</th>' for n in names)  # noqa: E731
    return (f'<div class="odi-table"><table><caption>{esc(words["datasets_caption"])}</caption><thead><tr>{head("dataset", "publisher", "count", "cases")}</tr></thead><tbody>{dataset_rows}</tbody></table></div>',
            f'<div class="odi-table"><table><caption>{esc(words["publishers_caption"])}</caption><thead><tr>{head("publisher", "count", "cases")}</tr></thead><tbody>{publisher_rows}</tbody></table></div>')


def _dataset_name(dataset: dict[str, Any]) -> str:
    url = str(dataset.get("url", ""))
    name = esc(dataset.get("name", ""))
    return f'<a href="{esc(url)}">{name}</a>' if url.startswith(("https://", "http://")) else name
