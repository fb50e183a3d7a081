"""`odimpact report`: counts of the corpus, its evidence and its gaps, and the translation
backlog."""

from __future__ import annotations

import argparse
import json
from collections import Counter

from babel.numbers import format_percent

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.corpus import load_corpus
from odimpact.evidence import evidence_counts
from odimpact.languages import language
from odimpact.publication.formatting import colon
from odimpact.vocabularies import load_vocabularies


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("report", lang)
    parser = subparsers.add_parser("report", **say.parser())
    parser.add_argument(
        "--format", choices=("human", "json"), default="human", help=say.option("--format")
    )
    add_cases_dir(parser, say)
    add_message_language(parser, say)
    parser.set_defaults(func=run)


def backlog(corpus) -> list[dict[str, str]]:
    """Cases that exist in one language only, with the language they need."""
    items = []
    for case in corpus.cases:
        written = case.languages()
        if len(written) == 1:
            items.append(
                {
                    "id": case.id,
                    "written": written[0],
                    "missing": "fr" if written[0] == "en" else "en",
                }
            )
    return items


def _counts(counts: dict, vocabulary: str, lang: str) -> str:
    terms = load_vocabularies()[vocabulary]
    return ", ".join(
        f"{terms.label(key, lang)}{colon(lang)}{value}" for key, value in counts.items()
    )


def _print_evidence(summary: dict, lang: str) -> None:
    share = summary["cases_with_measured_change"] / summary["cases"] if summary["cases"] else 0.0
    print(say("report", "evidence", lang, cases=summary["cases"]))
    print(
        say(
            "report",
            "figures",
            lang,
            counts=_counts(summary["figures_by_kind"], "figure-kinds", lang),
        )
    )
    print(
        say(
            "report",
            "levels",
            lang,
            counts=_counts(summary["cases_by_level"], "evidence-levels", lang),
        )
    )
    print(
        say(
            "report",
            "independence",
            lang,
            counts=_counts(summary["sources_by_independence"], "source-independence", lang),
        )
    )
    percent = format_percent(share, locale=language(lang).locale)
    print(
        say("report", "change", lang, count=summary["cases_with_measured_change"], percent=percent)
    )
    print(
        say(
            "report",
            "gaps",
            lang,
            baselines=summary["changes_without_baseline"],
            archives=summary["sources_without_archive"],
            access=summary["sources_without_access_date"],
        )
    )
    print(say("report", "unverified", lang, count=len(summary["unverified_figures"])))
    for item in summary["unverified_figures"]:
        print(say("report", "figure", lang, **item))


def run(args: argparse.Namespace) -> int:
    cases_dir = args.cases_dir.resolve()
    corpus = load_corpus(cases_dir, root=cases_dir.parent)
    statuses = Counter(case.status for case in corpus.cases)
    items = backlog(corpus)
    summary = evidence_counts([case.meta(args.lang) for case in corpus.published()])
    if args.format == "json":
        print(
            json.dumps(
                {
                    "cases": len(corpus.cases),
                    "by_status": dict(sorted(statuses.items())),
                    "evidence": summary,
                    "awaiting_translation": items,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    lang = args.lang
    counted = ", ".join(
        f"{status}{colon(lang)}{count}" for status, count in sorted(statuses.items())
    )
    print(say("report", "cases", lang, total=len(corpus.cases), statuses=counted))
    _print_evidence(summary, args.lang)
    print(say("report", "backlog", lang, count=len(items)))
    for item in items:
        names = {key: language(item[key]).names[lang] for key in ("written", "missing")}
        print(say("report", "item", lang, id=item["id"], **names))
    return 0
