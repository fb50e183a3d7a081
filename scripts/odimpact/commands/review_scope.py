"""`odimpact review-scope`: flag changes that go beyond case files, for maintainer review."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_message_language
from odimpact.contrib.scope import review_flags
from odimpact.paths import REPO_ROOT


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("review-scope", lang)
    parser = subparsers.add_parser("review-scope", **say.parser())
    parser.add_argument(
        "--changed-since", metavar="REF", required=True, help=say.option("--changed-since")
    )
    parser.add_argument(
        "--format", choices=("human", "github"), default="human", help=say.option("--format")
    )
    add_message_language(parser, say)
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    try:
        flags = review_flags(args.changed_since, args.repo)
    except (subprocess.CalledProcessError, FileNotFoundError) as error:
        reason = (getattr(error, "stderr", "") or str(error)).strip()
        print(
            say("review-scope", "git", lang, ref=args.changed_since, reason=reason), file=sys.stderr
        )
        return 2
    for flag in flags:
        text = say(
            "review-scope",
            "flag",
            lang,
            path=flag.path,
            reason=say("contrib-scope", flag.reason, lang),
        )
        if args.format == "github":
            path = flag.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
            print(
                f"::warning file={path},title=review-scope "
                f"({flag.reason})::{text.replace('%', '%25')}"
            )
        else:
            print(text)
    if not flags:
        print(say("review-scope", "clean", lang, ref=args.changed_since))
    return 1 if flags else 0
