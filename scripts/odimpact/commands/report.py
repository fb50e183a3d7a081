"""`odimpact report`: counts of the corpus, its evidence and its gaps, and the translation backlog."""
from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import TypedDict

from babel.numbers import format_percent

from odimpact.command_line import CommandTexts
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.corpus import load_corpus
from odimpact.evidence import evidence_counts
from odimpact.languages import language
from odimpact.publication.formatting import colon
from odimpact.typography import typeset_table
from odimpact.vocabularies import load_vocabularies


class ReportText(TypedDict):
    """The report's words in one language: templates to format, and the languages' names."""

    cases: str
    backlog: str
    item: str
    names: dict[str, str]
    evidence: str
    figures: str
    levels: str
    independence: str
    change: str
    gaps: str
    unverified: str
    figure: str


TEXT: dict[str, ReportText] = {
    "en": {
        "cases": "Cases: {total} ({statuses})",
        "backlog": "Awaiting translation: {count}",
        "item": "  {id}: written in {written}, missing {missing}",
        "names": {"en": "English", "fr": "French"},
        "evidence": "Evidence in the {cases} published cases:",
        "figures": "  Figures by kind: {counts}",
        "levels": "  Cases by evidence level: {counts}",
        "independence": "  Sources by standpoint: {counts}",
        "change": "  Cases with a verified outcome or impact against a baseline: {count} ({percent})",
        "gaps": ("  Gaps: {baselines} outcome or impact figure(s) without a baseline, "
                 "{archives} source(s) without an archived copy, {access} without an access date"),
        "unverified": "Unverified figures (no quotation from the source that contains them): {count}",
        "figure": "  {case}: figure {figure}, {measure}",
    },
    "fr": {
        "cases": "Études de cas : {total} ({statuses})",
        "backlog": "En attente de traduction : {count}",
        "item": "  {id} : rédigée en {written}, manque {missing}",
        "names": {"en": "anglais", "fr": "français"},
        "evidence": "Données probantes des {cases} études de cas publiées :",
        "figures": "  Chiffres selon leur nature : {counts}",
        "levels": "  Études de cas selon le niveau de preuve : {counts}",
        "independence": "  Sources selon leur point de vue : {counts}",
        "change": "  Études de cas avec un effet ou une incidence vérifiés par rapport à un point de départ : {count} ({percent})",
        "gaps": ("  Lacunes : {baselines} chiffre(s) d'effet ou d'incidence sans point de départ, "
                 "{archives} source(s) sans copie archivée, {access} sans date de consultation"),
        "unverified": "Chiffres non vérifiés (aucune citation de la source qui les contient) : {count}",
        "figure": "  {case} : chiffre {figure}, {measure}",
    },
}
TEXT = typeset_table(TEXT)  # each language's typography, by the one rule


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("report", lang)
    parser = subparsers.add_parser("report", **say.parser())
    parser.add_argument("--format", choices=("human", "json"), default="human", help=say.option("--format"))
    add_cases_dir(parser, say)
    add_message_language(parser, say)
    parser.set_defaults(func=run)


def backlog(corpus) -> list[dict[str, str]]:
    """Cases that exist in one language only, with the language they need."""
    items = []
    for case in corpus.cases:
        written = case.languages()
        if len(written) == 1:
            items.append({"id": case.id, "written": written[0], "missing": "fr" if written[0] == "en" else "en"})
    return items


def _counts(counts: dict, vocabulary: str, lang: str) -> str:
    terms = load_vocabularies()[vocabulary]
    return ", ".join(f"{terms.label(key, lang)}{colon(lang)}{value}" for key, value in counts.items())


def _print_evidence(summary: dict, lang: str) -> None:
    text = TEXT[lang]
    share = summary["cases_with_measured_change"] / summary["cases"] if summary["cases"] else 0.0
    print(text["evidence"].format(cases=summary["cases"]))
    print(text["figures"].format(counts=_counts(summary["figures_by_kind"], "figure-kinds", lang)))
    print(text["levels"].format(counts=_counts(summary["cases_by_level"], "evidence-levels", lang)))
    print(text["independence"].format(counts=_counts(summary["sources_by_independence"], "source-independence", lang)))
    print(text["change"].format(count=summary["cases_with_measured_change"], percent=format_percent(share, locale=language(lang).locale)))
    print(text["gaps"].format(baselines=summary["changes_without_baseline"], archives=summary["sources_without_archive"],
                              access=summary["sources_without_access_date"]))
    print(text["unverified"].format(count=len(summary["unverified_figures"])))
    for item in summary["unverified_figures"]:
        print(text["figure"].format(**item))


def run(args: argparse.Namespace) -> int:
    cases_dir = args.cases_dir.resolve()
    corpus = load_corpus(cases_dir, root=cases_dir.parent)
    statuses = Counter(case.status for case in corpus.cases)
    items = backlog(corpus)
    summary = evidence_counts([case.meta(args.lang) for case in corpus.published()])
    if args.format == "json":
        print(json.dumps({"cases": len(corpus.cases), "by_status": dict(sorted(statuses.items())),
                          "evidence": summary, "awaiting_translation": items}, ensure_ascii=False, indent=2))
        return 0
    text = TEXT[args.lang]
    print(text["cases"].format(total=len(corpus.cases), statuses=", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))))
    _print_evidence(summary, args.lang)
    print(text["backlog"].format(count=len(items)))
    for item in items:
        print(text["item"].format(id=item["id"], written=text["names"][item["written"]], missing=text["names"][item["missing"]]))
    return 0
