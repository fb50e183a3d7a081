"""`odimpact check-links`: report dead source and dataset addresses, with a web-archive suggestion.

Never part of the pull-request check: other people's servers are not reliable enough to block a
contribution. A scheduled workflow runs it instead. lychee does the requests (contrib/links.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from odimpact.command_line import CommandTexts, say
from odimpact.commands.options import add_cases_dir, add_message_language
from odimpact.contrib.links import (
    LinkResult,
    LycheeFailed,
    LycheeMissing,
    Settings,
    as_json,
    check_links,
    collect_links,
)
from odimpact.paths import REPO_ROOT

CACHE_DIR = REPO_ROOT / ".cache"


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("check-links", lang)
    parser = subparsers.add_parser("check-links", **say.parser())
    parser.add_argument("--timeout", type=float, default=10.0, help=say.option("--timeout"))
    parser.add_argument("--retries", type=int, default=2, help=say.option("--retries"))
    parser.add_argument("--retry-wait", type=float, default=1.0, help=say.option("--retry-wait"))
    parser.add_argument("--workers", type=int, default=8, help=say.option("--workers"))
    parser.add_argument("--per-host", type=int, default=2, help=say.option("--per-host"))
    parser.add_argument("--max-age", type=float, default=168.0, help=say.option("--max-age"))
    parser.add_argument("--no-cache", action="store_true", help=say.option("--no-cache"))
    parser.add_argument(
        "--format", choices=("human", "json"), default="human", help=say.option("--format")
    )
    add_message_language(parser, say)
    add_cases_dir(parser, say)
    parser.set_defaults(func=run)


def _why(result: LinkResult, lang: str) -> str:
    if result.status is not None:
        return say("check-links", "status", lang, status=result.status)
    return say("check-links", "error", lang, error=result.error)


def report(results: list[LinkResult], cached: int, lang: str) -> str:
    """Dead links first, each with where it is used and an archive search; then a summary line."""
    lines = []
    for result in (r for r in results if not r.ok):
        lines.append(say("check-links", "dead", lang, url=result.url, why=_why(result, lang)))
        lines += [say("check-links", "in", lang, place=place) for place in result.places]
        lines.append(say("check-links", "archive", lang, archive=result.archive))
    lines.append(
        say(
            "check-links",
            "summary",
            lang,
            total=len(results),
            cached=cached,
            dead=sum(not r.ok for r in results),
        )
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    cases_dir: Path = args.cases_dir.resolve()
    root = REPO_ROOT if cases_dir.is_relative_to(REPO_ROOT) else cases_dir.parent
    settings = Settings(
        args.timeout,
        max(0, args.retries),
        args.retry_wait,
        max(1, args.workers),
        max(1, args.per_host),
        args.max_age,
    )
    try:
        checked = check_links(
            collect_links(cases_dir, root), settings, None if args.no_cache else CACHE_DIR
        )
    except LycheeMissing:
        print(say("check-links", "missing", args.lang), file=sys.stderr)
        return 2
    except LycheeFailed as failure:
        print(say("check-links", "failed", args.lang, reason=failure), file=sys.stderr)
        return 2
    print(
        as_json(checked.results)
        if args.format == "json"
        else report(checked.results, checked.cached, args.lang)
    )
    return 1 if any(not result.ok for result in checked.results) else 0
