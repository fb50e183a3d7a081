"""`odimpact build`: the bilingual site (MkDocs, strict) and its search index (Pagefind)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.paths import CASES_DIR, REPO_ROOT


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("build", lang)
    parser = subparsers.add_parser("build", **say.parser())
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "site", help=say.option("--out"))
    add_cases_dir(parser, say)
    parser.add_argument("--no-search", action="store_true", help=say.option("--no-search"))
    parser.add_argument(
        "--skip-validation", action="store_true", help=say.option("--skip-validation")
    )
    add_message_language(parser, say)
    parser.set_defaults(func=run)


def _valid(cases_dir: Path, lang: str) -> bool:
    """Validate every case as `odimpact validate` does, printing its report; only errors outside
    draft cases stop the build (drafts are never published)."""
    from odimpact.commands.validate import print_report
    from odimpact.validation import validate_all

    report = validate_all(cases_dir)
    print_report(report, lang)
    if report.errors_in_drafts:
        print(say("build", "drafts", lang, errors=report.errors_in_drafts), file=sys.stderr)
    return report.blocking_errors == 0


def run(args: argparse.Namespace) -> int:
    from odimpact.builder.build import BuildError, build_site

    if not args.skip_validation and not _valid(args.cases_dir, args.lang):
        print(say("build", "refused", args.lang), file=sys.stderr)
        return 1
    try:
        if args.cases_dir != CASES_DIR:
            with tempfile.TemporaryDirectory(prefix="odimpact-build-") as work:
                build_site(
                    args.out, cases_dir=args.cases_dir, search=not args.no_search, work=Path(work)
                )
        else:
            build_site(args.out, search=not args.no_search)
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Site built in {args.out}")
    return 0
