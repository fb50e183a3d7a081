"""Finding cases under cases/ without ever following a symbolic link."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from odimpact.languages import LANGUAGES
from odimpact.problems import Problem

CASE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
# What each kind of image file starts with: a file named chart.png must be a PNG, not a program.
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".webp": (b"RIFF",),
}


def is_image(path: Path) -> bool:
    """Whether the file starts as its suffix says (WebP: RIFF, then WEBP at byte 8)."""
    with path.open("rb") as file:
        head = file.read(12)
    suffix = path.suffix.lower()
    return head.startswith(IMAGE_SIGNATURES[suffix]) and (
        suffix != ".webp" or head[8:12] == b"WEBP"
    )


@dataclass
class CaseFolder:
    """One case's folder and the language files found in it."""

    path: Path
    display: str
    files: dict[str, Path] = field(default_factory=dict)
    images: list[Path] = field(default_factory=list)  # published beside the case's pages


def is_case_id(name: str) -> bool:
    """Lowercase ASCII kebab-case, 3 to 80 characters."""
    return 3 <= len(name) <= 80 and bool(CASE_ID.match(name))


def relative(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to the repository root when it is inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def scan_case_folder(folder: Path, root: Path) -> tuple[CaseFolder | None, list[Problem]]:
    """The language files of one case folder, and layout problems (links, stray files, bad
    names)."""
    display = relative(folder, root)
    problems: list[Problem] = []
    if folder.is_symlink():
        return None, [Problem(display, 1, 1, "symlink")]
    if not is_case_id(folder.name):
        problems.append(Problem(display, 1, 1, "bad-folder-name", params={"value": folder.name}))
    case = CaseFolder(folder, display)
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = Path(entry.path)
            shown = relative(path, root)
            if entry.is_symlink():
                problems.append(Problem(shown, 1, 1, "symlink"))
            elif entry.is_file() and entry.name in {f"index.{lang}.md" for lang in LANGUAGES}:
                case.files[entry.name.split(".")[1]] = path
            elif entry.is_file() and path.suffix.lower() in IMAGE_SUFFIXES:
                if is_image(path):
                    case.images.append(path)
                else:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            1,
                            "image-not-image",
                            params={"kind": path.suffix.lower().lstrip(".")},
                        )
                    )
            else:
                problems.append(Problem(shown, 1, 1, "unexpected-file"))
    if not case.files:
        problems.append(Problem(display, 1, 1, "no-case-files"))
        return None, problems
    return (case if not any(p.code == "bad-folder-name" for p in problems) else None), problems


def discover(cases_dir: Path, root: Path) -> tuple[list[CaseFolder], list[Problem]]:
    """Every case folder directly under cases/, and layout problems found on the way."""
    folders: list[CaseFolder] = []
    problems: list[Problem] = []
    if not cases_dir.is_dir():
        return folders, problems
    with os.scandir(cases_dir) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            path = Path(entry.path)
            if (
                entry.name.startswith(".")
                and entry.is_file(follow_symlinks=False)
                and entry.name in {".gitkeep"}
            ):
                continue
            if entry.is_symlink():
                problems.append(Problem(relative(path, root), 1, 1, "symlink"))
            elif entry.is_dir(follow_symlinks=False):
                folder, found = scan_case_folder(path, root)
                problems.extend(found)
                if folder:
                    folders.append(folder)
            elif entry.name != "README.md":
                problems.append(Problem(relative(path, root), 1, 1, "unexpected-file"))
    return folders, problems
