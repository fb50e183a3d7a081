"""Options several commands share, declared once: the cases folder and the language of messages."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from odimpact.languages import DEFAULT, LANGUAGES
from odimpact.paths import CASES_DIR


def default_language() -> str:
    """The language of messages from the user's locale (ODIMPACT_LANG first): French when it is
    French, else the default language."""
    for name in ("ODIMPACT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return next((code for code in LANGUAGES if value.lower().startswith(code)), DEFAULT)
    return DEFAULT


def add_cases_dir(parser: argparse.ArgumentParser) -> None:
    """--cases-dir DIR (also --cases): the cases folder, cases/ by default."""
    parser.add_argument("--cases-dir", "--cases", dest="cases_dir", type=Path, default=CASES_DIR, metavar="DIR",
                        help="the cases folder (default: cases/)")


def add_message_language(parser: argparse.ArgumentParser) -> None:
    """--lang en|fr: the language of the command's messages, from the locale by default."""
    parser.add_argument("--lang", choices=LANGUAGES, default=default_language(),
                        help="language of messages (default: from the locale)")
