"""Every command a message or a generated page tells a contributor to run is a command the tool
accepts as written (the format reference once said `odimpact sync cases/<id>` without the
required --from)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from odimpact.cli import build_parser

REPO = Path(__file__).resolve().parents[1]
WHERE = [
    REPO / "scripts" / "odimpact" / "messages.yml",
    *(REPO / "scripts" / "odimpact").rglob("*.py"),
    *(REPO / "docs" / "reference").glob("*.md"),
    REPO / "CONTRIBUTING.md",
    REPO / "CONTRIBUTING.fr.md",
]
# A hint: "odimpact <command> ..." up to the quote, backtick or guillemet that closes it.
HINT = re.compile(
    r"""(?:['`«]\s?|^\s+|\$ )(?:\.venv/bin/)?odimpact """
    r"""([a-z][a-z-]*(?: [^'`»\n]*?)?)\s?(?=['`»]|$)""",
    re.M,
)
PLACEHOLDERS = {
    "{case_dir}": "cases/synthetic-bus-data",
    "{folder}": "cases/synthetic-bus-data",
    "{id}": "synthetic-bus-data",
    "cases/<id>": "cases/synthetic-bus-data",
    "<id>": "synthetic-bus-data",
    "ID": "synthetic-bus-data",
    "{path}": "cases/synthetic-bus-data/index.en.md",
    "<that language>": "en",
    "<sa langue>": "fr",
    "REF": "main",
}


def hints() -> list[tuple[str, str]]:
    """(where, command without "odimpact") for every command written out with its arguments; a bare
    command name is a mention, and a usage summary ("[PATHS…]", "en|fr") is not pasted as is."""
    found = set()
    for path in WHERE:
        for match in HINT.finditer(path.read_text(encoding="utf-8")):
            hint = match.group(1).strip().rstrip(".,;:")
            if " " in hint and not any(mark in hint for mark in ("…", "[", "|")):
                found.add((path.relative_to(REPO).as_posix(), hint))
    return sorted(found)


def test_hints_are_found() -> None:
    texts = {text for _, text in hints()}
    assert any(text.startswith("sync") for text in texts) and any(
        text.startswith("validate") for text in texts
    )


@pytest.mark.parametrize(("where", "hint"), hints())
def test_hint_is_accepted_as_written(where: str, hint: str) -> None:
    for placeholder, value in PLACEHOLDERS.items():
        hint = hint.replace(placeholder, value)
    try:
        build_parser().parse_args(shlex.split(hint))
    except SystemExit as error:  # --help exits 0 once printed
        if error.code:
            raise AssertionError(
                f"{where}: `odimpact {hint}` is refused (exit {error.code})"
            ) from None
