"""Build a temporary repository of cases from the valid synthetic pair plus named mutations."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path
from typing import Any

import yaml

from odimpact.paths import REPO_ROOT

VALID_CASE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"
MUTATIONS_FILE = Path(__file__).with_name("mutations.yml")
EXPECTATION_FILES = {
    "en": Path(__file__).with_name("expectations.yml"),
    "fr": Path(__file__).with_name("expectations.fr.yml"),
}
CASE_ID = VALID_CASE.name


def mutations() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(MUTATIONS_FILE.read_text(encoding="utf-8"))


def expectations(lang: str = "en") -> dict[str, list[str]]:
    """Each fixture's exact output in `lang`."""
    return yaml.safe_load(EXPECTATION_FILES[lang].read_text(encoding="utf-8")) or {}


def _unescape(text: str) -> bytes:
    return codecs.escape_decode(text.encode("utf-8"))[0]


def _apply(edit: dict[str, Any], folder: Path, cases: Path) -> None:
    if "layout" in edit:
        _layout(edit, folder, cases)
        return
    path = folder / f"index.{edit['file']}.md"
    if edit.get("delete"):
        path.unlink()
    elif "bytes" in edit:
        path.write_bytes(_unescape(edit["bytes"]))
    elif "prepend" in edit:
        path.write_bytes(_unescape(edit["prepend"]) + path.read_bytes())
    elif edit.get("crlf"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    elif edit.get("truncate_body"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text[: text.index("\n---\n", 4) + 5], encoding="utf-8")
    elif edit.get("bytes_from_fr_body"):
        english = path.read_text(encoding="utf-8")
        french = (folder / "index.fr.md").read_text(encoding="utf-8")
        cut = lambda text: text.index("\n---\n", 4) + 5  # noqa: E731
        path.write_text(english[: cut(english)] + french[cut(french) :], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert edit["old"] in text, f"mutation text not found in {path.name}: {edit['old']!r}"
        path.write_text(text.replace(edit["old"], edit["new"], 1), encoding="utf-8")


def _layout(edit: dict[str, Any], folder: Path, cases: Path) -> None:
    kind, name = edit["layout"], edit["name"]
    if kind == "symlink":
        (folder / name).symlink_to(edit["target"])
    elif kind == "extra":  # an image gets its kind's signature unless the edit gives the bytes
        default = {".png": b"\x89PNG\r\n\x1a\n synthetic", ".jpg": b"\xff\xd8\xff synthetic"}.get(
            Path(name).suffix, b"x"
        )
        data = (
            edit["bytes"].encode("latin-1").decode("unicode_escape").encode("latin-1")
            if "bytes" in edit
            else default
        )
        (folder / name).write_bytes(data)
    elif kind == "rename":
        folder.rename(cases / name)
    elif kind == "symlink-folder":
        (cases / name).symlink_to(folder, target_is_directory=True)
    elif kind == "empty-folder":
        (cases / name).mkdir()
    elif kind == "copy-folder":
        shutil.copytree(folder, cases / name)


def build(root: Path, name: str | None) -> Path:
    """A repository at `root` whose cases/ holds the valid pair with mutation `name` applied."""
    cases = root / "cases"
    folder = cases / CASE_ID
    shutil.copytree(VALID_CASE, folder)
    if name:
        for edit in mutations()[name]["edits"]:
            _apply(edit, folder, cases)
    return cases
