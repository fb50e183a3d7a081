"""`odimpact validate`: check cases against the format and report every problem at once."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.problems import format_github, format_human, format_json, format_markdown
from odimpact.validation import (
    Report,
    all_case_ids,
    changed_case_folders,
    folders_for_paths,
    repository_root,
    validate,
    validate_all,
)


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("validate", lang)
    parser = subparsers.add_parser("validate", **say.parser())
    parser.add_argument("paths", nargs="*", type=Path, help=say.option("paths"))
    parser.add_argument("--changed-since", metavar="REF", help=say.option("--changed-since"))
    parser.add_argument(
        "--format",
        choices=("human", "github", "json", "markdown"),
        default="human",
        help=say.option("--format"),
    )
    add_message_language(parser, say)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help=say.option("--jobs"))
    add_cases_dir(parser, say)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang: str = args.lang
    cases_dir: Path = args.cases_dir.resolve()
    root = repository_root(cases_dir)
    if args.changed_since:
        try:
            paths = changed_case_folders(args.changed_since, cases_dir, root)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            reason = getattr(error, "stderr", "") or str(error)
            print(
                say("validate", "git", lang, ref=args.changed_since, reason=reason.strip()),
                file=sys.stderr,
            )
            return 2
        folders, layout, missing = folders_for_paths(paths, cases_dir, root)
    elif args.paths:
        folders, layout, missing = folders_for_paths(args.paths, cases_dir, root)
        if missing:
            for path in missing:
                print(say("validate", "missing", lang, path=path), file=sys.stderr)
            return 2
    if args.changed_since or args.paths:
        report = validate(
            folders, layout, all_case_ids(cases_dir), today=args.today, root=root, jobs=args.jobs
        )
    else:
        report = validate_all(cases_dir, today=args.today, jobs=args.jobs)
    print_report(report, lang, args.format)
    return 1 if report.errors else 0


def print_report(report: Report, lang: str, output: str = "human") -> None:
    """The problems and the summary line, in `lang`, as `--format` asks."""
    summary = say(
        "validate",
        "summary",
        lang,
        files=report.files_checked,
        errors=report.errors,
        warnings=report.warnings,
    )
    if output == "json":
        print(format_json(report.problems, lang, report.files_checked))
        return
    if output == "markdown":
        print(format_markdown(report.problems, lang, summary))
        return
    formatter = format_github if output == "github" else format_human
    if report.problems:
        print(formatter(report.problems, lang))
    print(summary, file=sys.stderr if output == "github" else sys.stdout)
