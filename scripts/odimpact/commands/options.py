"""Options several commands share, declared once: the cases folder and the language of messages."""

from __future__ import annotations

import argparse
from pathlib import Path

from odimpact.command_line import CommandTexts
from odimpact.languages import LANGUAGES, locale_language
from odimpact.paths import CASES_DIR


def add_cases_dir(parser: argparse.ArgumentParser, say: CommandTexts) -> None:
    """--cases-dir DIR (also --cases): the cases folder, cases/ by default."""
    parser.add_argument(
        "--cases-dir",
        "--cases",
        dest="cases_dir",
        type=Path,
        default=CASES_DIR,
        metavar="DIR",
        help=say.option("--cases-dir"),
    )


def add_message_language(parser: argparse.ArgumentParser, say: CommandTexts) -> None:
    """--lang en|fr: the language of the command's messages, from the locale by default."""
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=locale_language(), help=say.option("--lang")
    )
