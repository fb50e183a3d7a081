"""`odimpact serve`: preview the bilingual site with live reload while editing cases or pages."""

from __future__ import annotations

import argparse

from odimpact.command_line import CommandTexts
from odimpact.commands.options import add_cases_dir


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("serve", lang)
    parser = subparsers.add_parser("serve", **say.parser())
    add_cases_dir(parser, say)
    parser.add_argument("--address", default="127.0.0.1:8000", help=say.option("--address"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from odimpact.builder.build import CONFIG, WORK
    from odimpact.builder.serve import serve

    return serve(CONFIG, args.cases_dir.resolve(), WORK, args.address)
