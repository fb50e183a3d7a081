"""`odimpact regenerate`: rewrite the committed files generated from the schema, vocabularies and
question bank."""

from __future__ import annotations

import argparse
import sys

from odimpact.command_line import CommandTexts
from odimpact.interview_kit import interview_files
from odimpact.paths import DOCS_DIR, REPO_ROOT, VOCABULARY_SCHEMA
from odimpact.reference import reference_files
from odimpact.vocabularies import render_vocabulary_schema


def expected_files() -> dict:
    """Path -> the content it must have."""
    files = {VOCABULARY_SCHEMA: render_vocabulary_schema()}
    files.update({DOCS_DIR / relative: text for relative, text in reference_files().items()})
    files.update({DOCS_DIR / relative: text for relative, text in interview_files().items()})
    return files


def register(subparsers: argparse._SubParsersAction, lang: str) -> None:
    say = CommandTexts("regenerate", lang)
    parser = subparsers.add_parser("regenerate", **say.parser())
    parser.add_argument("--check", action="store_true", help=say.option("--check"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    stale = []
    for path, text in expected_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(REPO_ROOT).as_posix())
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(
            f"{'stale' if args.check else 'rewrote'}: {name}",
            file=sys.stderr if args.check else sys.stdout,
        )
    return 1 if (args.check and stale) else 0
