"""The project's one command-line tool: `odimpact <subcommand>`.

Exit codes, for every subcommand: 0 success; 1 the input (a case, a site) has problems;
2 the command was used wrongly (unknown option, missing path).
"""
from __future__ import annotations

import argparse
import importlib
import sys

# Each module in odimpact.commands exposes register(subparsers) which adds one subcommand
# whose handler is stored as `func` and returns an exit code.
COMMANDS = (
    "validate",
    "new",
    "sync",
    "import_issue",
    "check_links",
    "review_scope",
    "regenerate",
    "report",
    "build",
    "serve",
    "export",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="odimpact",
        description="Open Data Impact Canada: validate, scaffold and publish bilingual case studies.",
        epilog="Exit codes: 0 success, 1 problems found in the input, 2 usage error.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"odimpact.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the tool; returns the exit code (argparse exits 2 on usage errors)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
