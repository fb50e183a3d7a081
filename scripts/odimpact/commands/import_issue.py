"""`odimpact import-issue`: turn a "Propose a case study" issue into a draft case folder."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.contrib.atomic import write_atomic
from odimpact.contrib.issue_form import render_form
from odimpact.contrib.issue_import import MAX_ISSUE_CHARS, IssueError, read_issue
from odimpact.contrib.template import render_case
from odimpact.layout import relative
from odimpact.paths import REPO_ROOT


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("import-issue", lang)
    parser = subparsers.add_parser("import-issue", **say.parser())
    parser.add_argument("file", nargs="?", help=say.option("file"))
    parser.add_argument("--print-form", action="store_true", help=say.option("--print-form"))
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
        print(
            say("import-issue", "unreadable", lang, path=name, reason=error.strerror or error),
            file=sys.stderr,
        )
        return None


def run(args: argparse.Namespace) -> int:
    lang: str = args.lang
    if args.print_form:
        sys.stdout.write(render_form())
        return 0
    if not args.file:
        print(
            say("import-issue", "refused", lang, reason=say("import-issue", "no-file", lang)),
            file=sys.stderr,
        )
        return 2
    body = _read(args.file, lang)
    if body is None:
        return 1
    try:
        draft = read_issue(body, lang, (args.today or dt.date.today()).isoformat())
    except IssueError as error:
        print(say("import-issue", "refused", lang, reason=error), file=sys.stderr)
        return 1
    for text in draft.warnings:
        print(say("import-issue", "warning", lang, text=text), file=sys.stderr)
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    folder = cases_dir / draft.values["id"]
    try:
        os.mkdir(folder)
    except FileExistsError:
        print(say("import-issue", "exists", lang, path=relative(folder, root)), file=sys.stderr)
        return 1
    path = folder / f"index.{draft.lang}.md"
    write_atomic(path, render_case(draft.values, draft.lang, draft.sections))
    print(
        say(
            "import-issue",
            "created",
            lang,
            path=relative(path, root),
            folder=relative(folder, root),
        )
    )
    return 0
