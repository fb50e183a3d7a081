"""`odimpact new`: create a case folder from the commented template, asking for what is missing."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir
from odimpact.contrib import translate
from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.choices import ChoiceError, check_terms, split_values
from odimpact.contrib.questions import REQUIRED, Question, menu
from odimpact.contrib.template import render_case
from odimpact.languages import LANGUAGES, locale_language, other
from odimpact.layout import relative
from odimpact.paths import REPO_ROOT
from odimpact.vocabularies import load_vocabularies

LEVEL_OF_KIND = {"federal": "federal", "province": "provincial", "territory": "territorial"}
OPTIONAL_LISTS = {
    "impact_dimensions": "impact-dimensions",
    "reusers": "reusers",
    "reuse_purposes": "reuse-purposes",
}


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("new", lang)
    parser = subparsers.add_parser("new", **say.parser())
    parser.add_argument("--id", help=say.option("--id"))
    parser.add_argument("--lang", choices=("en", "fr"), help=say.option("--lang"))
    parser.add_argument("--title", help=say.option("--title"))
    parser.add_argument("--jurisdiction", help=say.option("--jurisdiction"))
    parser.add_argument("--sectors", help=say.option("--sectors"))
    parser.add_argument("--impact-types", dest="impact_types", help=say.option("--impact-types"))
    parser.add_argument("--government-level", help=say.option("--government-level"))
    parser.add_argument("--place", help=say.option("--place"))
    for dest in OPTIONAL_LISTS:
        option = f"--{dest.replace('_', '-')}"
        parser.add_argument(option, dest=dest, help=say.option(option))
    parser.add_argument("--start-year", type=int, help=say.option("--start-year"))
    parser.add_argument("--contributor", action="append", help=say.option("--contributor"))
    parser.add_argument("--both", action="store_true", help=say.option("--both"))
    parser.add_argument("--translate", metavar="ID", help=say.option("--translate"))
    parser.add_argument("--ui-lang", choices=LANGUAGES, default=None, help=say.option("--ui-lang"))
    add_cases_dir(parser, say)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _ask(question: Question, ui: str) -> Any:
    """Ask until the answer passes the check; EOFError when input ends."""
    if question.vocabulary:
        print(menu(question.vocabulary, ui), file=sys.stderr)
    while True:
        prompt = f"{question.prompt(ui)}{' :' if ui == 'fr' else ':'} "
        print(prompt, end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
        if not answer:
            raise EOFError(question.dest)
        try:
            return question.check(answer.strip(), ui)
        except ChoiceError as error:
            print(f"  {error}", file=sys.stderr)


def gather(args: argparse.Namespace, ui: str) -> dict[str, Any]:
    """The six required answers: from options (checked) or asked one by one."""
    answers: dict[str, Any] = {}
    for question in REQUIRED:
        given = getattr(args, question.dest)
        if given is None:
            try:
                answers[question.dest] = _ask(question, ui)
            except EOFError:
                raise UsageError("no-answer", ui, option=question.dest.replace("_", "-")) from None
        else:
            try:
                answers[question.dest] = question.check(given, ui)
            except ChoiceError as error:
                raise UsageError(
                    "bad-option", ui, option=question.dest.replace("_", "-"), reason=str(error)
                ) from None
        ui = args.ui_lang or answers.get("lang", ui)
    return answers


class UsageError(Exception):
    """A bad or missing value; the message is printed in `ui`, the language of the conversation so
    far."""

    def __init__(self, code: str, ui: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.ui, self.params = code, ui, params


def _list_check(
    args: argparse.Namespace, name: str, vocabulary: str, ui: str
) -> Callable[[], list[str | int]]:
    """The check of one optional list, run only once the option is known to be given; a function of
    its
    own so that each check keeps its name and vocabulary."""
    return lambda: check_terms(vocabulary, split_values(getattr(args, name)), ui)


def _optional(args: argparse.Namespace, answers: dict[str, Any], ui: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    checks: dict[str, Callable[[], Any]] = {
        name: _list_check(args, name, vocabulary, ui) for name, vocabulary in OPTIONAL_LISTS.items()
    }
    checks["government_level"] = lambda: check_terms(
        "government-levels", [args.government_level], ui, 1, 1
    )[0]
    for name, check in checks.items():
        if getattr(args, name) is not None:
            try:
                values[name] = check()
            except ChoiceError as error:
                raise UsageError(
                    "bad-option", ui, option=name.replace("_", "-"), reason=str(error)
                ) from None
    if "government_level" not in values:
        kind = load_vocabularies()["jurisdictions"].term(answers["jurisdiction"]).extra.get("kind")
        if kind in LEVEL_OF_KIND:
            values["government_level"] = LEVEL_OF_KIND[kind]
    return values


def _contributors(args: argparse.Namespace) -> list[str]:
    if args.contributor:
        return [" ".join(name.split()) for name in args.contributor]
    try:
        name = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, cwd=REPO_ROOT
        ).stdout.strip()
    except OSError:
        name = ""
    return [name] if len(name) >= 2 else []


def case_values(
    args: argparse.Namespace, answers: dict[str, Any], ui: str, lang: str
) -> dict[str, Any]:
    """Front-matter values of the file in `lang`; text written in the other language is left
    empty."""
    today = (args.today or dt.date.today()).isoformat()
    values: dict[str, Any] = {
        "id": answers["id"],
        "lang": lang,
        "status": "draft",
        "translation": "complete" if args.both else "awaiting",
        "jurisdiction": answers["jurisdiction"],
        "sectors": answers["sectors"],
        "impact_types": answers["impact_types"],
        "evidence_strength": 1,
        "published": today,
        "reviewed": today,
        "contributors": _contributors(args),
        "licence": "CC-BY-4.0",
    }
    if lang == answers["lang"]:
        values["title"] = answers["title"]
        if args.place:
            values["place"] = " ".join(args.place.split())
    if args.start_year is not None:
        values["period"] = {"start": args.start_year, "end": "ongoing"}
    values.update(_optional(args, answers, ui))
    return values


def _say(code: str, ui: str, **params: Any) -> str:
    return say("new", code, ui, **params)


def run(args: argparse.Namespace) -> int:
    if args.translate is not None:
        return translate.run(args)
    ui: str = args.ui_lang or args.lang or locale_language()
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    try:
        answers = gather(args, ui)
        ui = args.ui_lang or answers["lang"]
        languages = [answers["lang"]] + ([other(answers["lang"])] if args.both else [])
        files = {
            lang: render_case(case_values(args, answers, ui, lang), lang) for lang in languages
        }
    except UsageError as error:
        print(_say(error.code, error.ui, **error.params), file=sys.stderr)
        return 2
    folder = cases_dir / answers["id"]
    try:
        # fails when the folder (or a link of that name) exists: never overwrite a case
        os.mkdir(folder)
    except FileExistsError:
        print(_say("exists", ui, path=relative(folder, root)), file=sys.stderr)
        return 1
    for lang, text in files.items():
        path = folder / f"index.{lang}.md"
        write_atomic(path, text)
        print(_say("created", ui, path=relative(path, root)))
    print(_say("next", ui, folder=relative(folder, root)))
    return 0
