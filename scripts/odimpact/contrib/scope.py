"""Which changes in a pull request need a maintainer's eye: anything beyond case files.

A case contribution touches only cases/<id>/index.en.md, index.fr.md and images. Workflows,
hooks, mkdocs.yml and scripts run code on our machines or readers' browsers; symlinks can point
outside the repository; binaries cannot be reviewed in a diff."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

CASE_FILE = re.compile(r"cases/[a-z0-9]+(?:-[a-z0-9]+)*/index\.(?:en|fr)\.md\Z")
CASE_IMAGE = re.compile(
    r"cases/[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9][a-z0-9._-]*\.(?:png|jpe?g|webp)\Z"
)
SENSITIVE = (
    ".github/",
    ".ci/",
    "scripts/",
    "overrides/",
    "schema/",
    "tests/",
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    ".pre-commit-config.yaml",
    ".pre-commit-hooks.yaml",
    "package.json",
    ".gitignore",
)
SPECIAL_MODES = {"120000": "symlink", "160000": "submodule"}


@dataclass(frozen=True)
class Flag:
    """One changed path and why it needs review."""

    path: str
    reason: str  # sensitive, outside-cases, outside-layout, symlink, submodule, binary


def _git(root: Path, *args: str) -> list[str]:
    output = subprocess.run(
        ["git", *args], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    return [item for item in output.split("\0") if item]


def changed_entries(ref: str, root: Path) -> dict[str, tuple[str, bool]]:
    """path -> (new file mode, is binary) for every path changed since `ref` (working tree
    included)."""
    raw = _git(root, "diff", "--raw", "-z", "--no-renames", "--no-ext-diff", ref)
    modes: dict[str, str] = {}
    for header, path in zip(raw[0::2], raw[1::2]):
        # ":old new sha sha status" -> new mode (000000 when deleted)
        modes[path] = header.split()[1]
    numstat = _git(root, "diff", "--numstat", "-z", "--no-renames", "--no-ext-diff", ref)
    binary = {line.split("\t", 2)[2] for line in numstat if line.startswith("-\t-\t")}
    return {path: (mode, path in binary) for path, mode in modes.items()}


def flags_for(path: str, mode: str, binary: bool) -> list[Flag]:
    """Every reason one changed path needs review (none for an ordinary case file or image)."""
    found: list[Flag] = []
    if mode in SPECIAL_MODES:
        found.append(Flag(path, SPECIAL_MODES[mode]))
    if path.startswith(SENSITIVE) or path in SENSITIVE:
        found.append(Flag(path, "sensitive"))
    elif not path.startswith("cases/"):
        found.append(Flag(path, "outside-cases"))
    elif not (CASE_FILE.match(path) or CASE_IMAGE.match(path)):
        found.append(Flag(path, "outside-layout"))
    if binary and not CASE_IMAGE.match(path):
        found.append(Flag(path, "binary"))
    return found


def review_flags(ref: str, root: Path) -> list[Flag]:
    """All flags for the changes since `ref`, sorted by path."""
    entries = changed_entries(ref, root)
    return [flag for path in sorted(entries) for flag in flags_for(path, *entries[path])]
