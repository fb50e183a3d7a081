"""`odimpact report`: counts of the corpus, and the translation backlog."""
from __future__ import annotations

import argparse
import json
from collections import Counter

from odimpact.corpus import load_corpus
from odimpact.paths import CASES_DIR

TEXT = {
    "en": {
        "cases": "Cases: {total} ({statuses})",
        "backlog": "Awaiting translation: {count}",
        "item": "  {id}: written in {written}, missing {missing}",
        "names": {"en": "English", "fr": "French"},
    },
    "fr": {
        "cases": "Études de cas : {total} ({statuses})",
        "backlog": "En attente de traduction : {count}",
        "item": "  {id} : rédigée en {written}, manque {missing}",
        "names": {"en": "anglais", "fr": "français"},
    },
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report",
        help="count cases by status and list the translation backlog",
        description="Count cases by status and list those awaiting translation (one language file only).",
        epilog="Exit code: 0.",
    )
    parser.add_argument("--format", choices=("human", "json"), default="human")
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.set_defaults(func=run)


def backlog(corpus) -> list[dict[str, str]]:
    """Cases that exist in one language only, with the language they need."""
    items = []
    for case in corpus.cases:
        written = case.languages()
        if len(written) == 1:
            items.append({"id": case.id, "written": written[0], "missing": "fr" if written[0] == "en" else "en"})
    return items


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(CASES_DIR)
    statuses = Counter(case.status for case in corpus.cases)
    items = backlog(corpus)
    if args.format == "json":
        print(json.dumps({"cases": len(corpus.cases), "by_status": dict(sorted(statuses.items())),
                          "awaiting_translation": items}, ensure_ascii=False, indent=2))
        return 0
    text = TEXT[args.lang]
    print(text["cases"].format(total=len(corpus.cases), statuses=", ".join(f"{k}: {v}" for k, v in sorted(statuses.items()))))
    print(text["backlog"].format(count=len(items)))
    for item in items:
        print(text["item"].format(id=item["id"], written=text["names"][item["written"]], missing=text["names"][item["missing"]]))
    return 0
