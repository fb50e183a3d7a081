"""`odimpact validate`: check cases against the format and report every problem at once."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from odimpact.layout import discover
from odimpact.paths import CASES_DIR, REPO_ROOT
from odimpact.problems import format_github, format_human, format_json
from odimpact.validation import all_case_ids, changed_case_folders, folders_for_paths, validate

SUMMARY = {
    "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s).",
    "fr": "{files} fichier(s) vérifié(s) : {errors} erreur(s), {warnings} avertissement(s).",
}
USAGE_MISSING = {
    "en": "odimpact validate: {path}: no such file or folder. Give paths under cases/.",
    "fr": "odimpact validate : {path} : fichier ou dossier introuvable. Indiquez des chemins sous cases/.",
}
USAGE_GIT = {
    "en": "odimpact validate: cannot list changes since {ref!r}: {reason}",
    "fr": "odimpact validate : impossible de lister les changements depuis {ref!r} : {reason}",
}


def default_language() -> str:
    """French when the user's locale is French, English otherwise."""
    for name in ("ODIMPACT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check case files against the format",
        description=(
            "Check case studies: YAML syntax and strictness, the JSON Schema, vocabularies, dates, "
            "sources, the body outline, raw HTML, and agreement between the English and French files. "
            "With no path, checks every case under cases/."
        ),
        epilog="Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.",
    )
    parser.add_argument("paths", nargs="*", type=Path, help="case folders or files (default: all of cases/)")
    parser.add_argument("--changed-since", metavar="REF", help="check only cases changed since this git ref (for pull requests)")
    parser.add_argument("--format", choices=("human", "github", "json"), default="human",
                        help="human (default), github (Actions annotations) or json")
    parser.add_argument("--lang", choices=("en", "fr"), default=default_language(), help="language of messages (default: from the locale)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: one per core)")
    parser.add_argument("--cases-dir", type=Path, default=CASES_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang: str = args.lang
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    if args.changed_since:
        try:
            paths = changed_case_folders(args.changed_since, cases_dir, root)
        except (subprocess.CalledProcessError, FileNotFoundError) as error:
            reason = getattr(error, "stderr", "") or str(error)
            print(USAGE_GIT[lang].format(ref=args.changed_since, reason=reason.strip()), file=sys.stderr)
            return 2
        folders, layout, missing = folders_for_paths(paths, cases_dir, root)
    elif args.paths:
        folders, layout, missing = folders_for_paths(args.paths, cases_dir, root)
        if missing:
            for path in missing:
                print(USAGE_MISSING[lang].format(path=path), file=sys.stderr)
            return 2
    else:
        folders, layout = discover(cases_dir, root)
    report = validate(folders, layout, all_case_ids(cases_dir), today=args.today, root=root, jobs=args.jobs)
    if args.format == "json":
        print(format_json(report.problems, lang, report.files_checked))
    else:
        formatter = format_github if args.format == "github" else format_human
        if report.problems:
            print(formatter(report.problems, lang))
        print(SUMMARY[lang].format(files=report.files_checked, errors=report.errors, warnings=report.warnings),
              file=sys.stderr if args.format == "github" else sys.stdout)
    return 1 if report.errors else 0
