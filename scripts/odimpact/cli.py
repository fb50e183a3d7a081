"""The project's one command-line tool: `odimpact <subcommand>`.

Exit codes, for every subcommand: 0 success; 1 the input (a case, a site) has problems;
2 the command was used wrongly (unknown option, missing path).
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from odimpact.command_line import argparse_speaks, language_of, top_level

# Each module in odimpact.commands exposes register(subparsers, lang) which adds one subcommand,
# its help in `lang`, whose handler is stored as `func` and returns an exit code.
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


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered, its help in `lang` (argparse's own
    headings too when built inside argparse_speaks(lang))."""
    parser = argparse.ArgumentParser(prog="odimpact", **top_level(lang))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        importlib.import_module(f"odimpact.commands.{name}").register(subparsers, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the tool; returns the exit code (argparse exits 2 on usage errors, in the language
    of --lang or the locale, as the help is)."""
    arguments = sys.argv[1:] if argv is None else argv
    lang = language_of(arguments)
    with argparse_speaks(lang):
        args = build_parser(lang).parse_args(arguments)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # the reader stopped reading (`odimpact report | head`): no traceback
        # Python's exit flush must not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + signal.SIGPIPE  # what a shell reports for a command its pipe closed


if __name__ == "__main__":
    sys.exit(main())
