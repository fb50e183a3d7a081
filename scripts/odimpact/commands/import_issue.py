"""`odimpact import-issue`: turn a "Propose a case study" issue into a draft case folder."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.issue_form import render_form
from odimpact.contrib.issue_import import MAX_ISSUE_CHARS, IssueError, read_issue
from odimpact.contrib.template import render_case
from odimpact.layout import relative
from odimpact.paths import REPO_ROOT

MESSAGES = {
    "refused": {"en": "odimpact import-issue: {reason}", "fr": "odimpact import-issue : {reason}"},
    "unreadable": {"en": "odimpact import-issue: cannot read {path}: {reason}",
                   "fr": "odimpact import-issue : lecture impossible de {path} : {reason}"},
    "exists": {"en": "odimpact import-issue: {path} already exists; nothing was written. Give another id in the issue.",
               "fr": ("odimpact import-issue : {path} existe déjà; rien n'a été écrit. "
                      "Indiquez un autre identifiant dans la demande GitHub.")},
    "warning": {"en": "warning: {text}", "fr": "avertissement : {text}"},
    "created": {"en": "Created draft {path}: complete it, then run odimpact validate {folder}",
                "fr": "Ébauche créée : {path}; complétez-la, puis lancez odimpact validate {folder}"},
}


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("import-issue", lang)
    parser = subparsers.add_parser("import-issue", **say.parser())
    parser.add_argument("file", nargs="?", help=say.option("file"))
    parser.add_argument("--print-form", action="store_true",
                        help=say.option("--print-form"))
    add_message_language(parser, say)
    add_cases_dir(parser, say)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def _read(name: str, lang: str) -> str | None:
    try:
        if name == "-":
            return sys.stdin.read(MAX_ISSUE_CHARS + 1)
        with open(name, encoding="utf-8", errors="replace") as handle:
            return handle.read(MAX_ISSUE_CHARS + 1)
    except OSError as error:
        print(MESSAGES["unreadable"][lang].format(path=name, reason=error.strerror or error), file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    lang: str = args.lang
    if args.print_form:
        sys.stdout.write(render_form())
        return 0
    if not args.file:
        print(MESSAGES["refused"][lang].format(
            reason={"en": "give a FILE or -.", "fr": "indiquez un FICHIER ou -."}[lang]), file=sys.stderr)
        return 2
    body = _read(args.file, lang)
    if body is None:
        return 1
    try:
        draft = read_issue(body, lang, (args.today or dt.date.today()).isoformat())
    except IssueError as error:
        print(MESSAGES["refused"][lang].format(reason=error), file=sys.stderr)
        return 1
    for text in draft.warnings:
        print(MESSAGES["warning"][lang].format(text=text), file=sys.stderr)
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    folder = cases_dir / draft.values["id"]
    try:
        os.mkdir(folder)
    except FileExistsError:
        print(MESSAGES["exists"][lang].format(path=relative(folder, root)), file=sys.stderr)
        return 1
    path = folder / f"index.{draft.lang}.md"
    write_atomic(path, render_case(draft.values, draft.lang, draft.sections))
    print(MESSAGES["created"][lang].format(path=relative(path, root), folder=relative(folder, root)))
    return 0
