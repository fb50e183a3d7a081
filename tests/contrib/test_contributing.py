"""CONTRIBUTING in both languages: same structure, real links, real commands."""

from __future__ import annotations

import re

from odimpact.cli import build_parser
from odimpact.paths import REPO_ROOT

GUIDES = {"en": REPO_ROOT / "CONTRIBUTING.md", "fr": REPO_ROOT / "CONTRIBUTING.fr.md"}


def text(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def test_both_guides_have_the_same_structure():
    counts = {
        lang: (
            text(lang).count("\n## "),
            text(lang).count("\n- "),
            text(lang).count("\n| `odimpact"),
        )
        for lang in GUIDES
    }
    assert counts["en"] == counts["fr"] and counts["en"][0] == 6


def test_local_links_exist():
    for lang in GUIDES:
        prose = re.sub(r"`[^`\n]*`", "", text(lang))  # an example in code is not a link
        for target in re.findall(r"\]\(([^)#:]+)\)", prose):
            assert (REPO_ROOT / target).exists(), (lang, target)


def test_every_command_mentioned_exists():
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for lang in GUIDES:
        mentioned = set(re.findall(r"odimpact ([a-z-]+)", text(lang)))
        assert mentioned and mentioned <= commands, (lang, mentioned - commands)
