"""A case file as text with a round-trip front-matter tree: read, change, render back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from odimpact.contrib.yaml_text import (
    FrontMatterText,
    dump_text,
    round_trip_yaml,
    split_front_matter,
)
from odimpact.problems import Problem
from odimpact.reading import read_case_file


@dataclass
class EditableCase:
    """One language file: its original text, its parts, and the front matter as an editable tree."""

    path: Path
    original: str
    parts: FrontMatterText
    data: CommentedMap

    def render(self) -> str:
        """The file with the (possibly changed) front matter; the body is the original's, byte for
        byte."""
        return self.parts.join(dump_text(self.data))


def load_editable(path: Path, display: str, lang: str) -> EditableCase | Problem:
    """Check the file with the strict reader first (it refuses alias bombs, duplicates, bad bytes),
    then load it again with ruamel for editing. Byte-order marks and CRLF line ends are
    normalised."""
    checked = read_case_file(path, display, lang)
    if isinstance(checked, Problem):
        return checked
    original = path.read_bytes().decode("utf-8")
    text = original.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    parts = split_front_matter(text)
    if parts is None:
        return Problem(display, 1, 1, "unclosed-front-matter")
    try:
        data = round_trip_yaml().load(parts.front)
    # the strict reader accepted it, so this is unexpected; report, never crash
    except YAMLError as error:
        return Problem(display, 1, 1, "yaml-syntax", params={"problem": str(error).splitlines()[0]})
    if not isinstance(data, CommentedMap):
        return Problem(display, 2, 1, "not-a-mapping", params={"found": type(data).__name__})
    return EditableCase(path, original, parts, data)
