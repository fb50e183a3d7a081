"""Reading one case file: bytes to text to front matter and body, refusing what is unsafe."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from odimpact.problems import Problem
from odimpact.strict_yaml import Document, YamlError, load

MAX_FILE_BYTES = 1024 * 1024
FENCE = "---"
# C0 controls but tab and line ends, DEL and C1: invisible, and some make the feeds' XML invalid.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidirectional embeddings, overrides and isolates reorder text on screen (the "Trojan Source"
# trick): what a reviewer reads is not what the file says. Marks (U+200E, U+200F) are allowed.
BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Characters that take no room on screen (str.strip keeps some of them), for the blank-text check.
INVISIBLE = "\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Where a value of the front matter could be blank: a quoted string of spaces or invisible
# characters only, or a plain value made of them. Few files have one: the rest skip the check.
MAYBE_BLANK = re.compile(
    rf"""(["'])[\s{INVISIBLE}]*\1|(?::|^[ \t]*-)[ \t]+[{INVISIBLE}][\s{INVISIBLE}]*$""",
    re.MULTILINE,
)


@dataclass
class CaseFile:
    """One language file of a case, parsed."""

    path: Path
    display: str  # path as shown in messages, relative to the repository when possible
    lang: str  # from the file name
    document: Document
    body: str
    body_line: int  # line number of the body's first line
    # the front matter holds a backslash: YAML escapes may make characters its text lacks
    escaped: bool = False
    maybe_blank: bool = False  # the front matter may hold a blank value (MAYBE_BLANK)

    @property
    def data(self) -> dict:
        return self.document.data


def decode(raw: bytes, display: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text with BOM removed and line ends normalised, or the problem that prevents it."""
    if len(raw) > MAX_FILE_BYTES:
        return None, Problem(
            display,
            1,
            1,
            "file-too-large",
            params={"size": len(raw) // 1024, "limit": MAX_FILE_BYTES // 1024},
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, Problem(display, line, 1, "nul-byte")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, Problem(
            display, line, column, "not-utf8", params={"byte": f"0x{raw[error.start]:02x}"}
        )
    # A byte-order mark and CRLF line ends are harmless: accept them (editors on Windows add them).
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    for pattern, code in ((CONTROL, "control-character"), (BIDI_CONTROL, "bidi-control")):
        found = pattern.search(text)
        if found:
            line, column = _line_col(text, found.start())
            return None, Problem(
                display, line, column, code, params={"codepoint": f"U+{ord(found.group()):04X}"}
            )
    if not unicodedata.is_normalized("NFC", text):
        line, column = _line_col(text, _first_unnormalized(text))
        return None, Problem(display, line, column, "not-nfc")
    return text, None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _first_unnormalized(text: str) -> int:
    """Where the first character that NFC would change sits (a base letter and its combining
    mark)."""
    for offset, char in enumerate(text):
        pair = text[max(0, offset - 1) : offset + 1]
        if unicodedata.combining(char) and unicodedata.normalize("NFC", pair) != pair:
            return max(0, offset - 1)
    return 0


def split_front_matter(text: str, display: str) -> tuple[str, str, int] | Problem:
    """(front matter, body, body's first line number) or the problem with the fences."""
    opening_end = text.find("\n")
    first = text if opening_end == -1 else text[:opening_end]
    if first.rstrip() != FENCE:
        return Problem(display, 1, 1, "no-front-matter", params={"found": first[:40]})
    start, end, line_number = opening_end + 1, opening_end, 2
    while end != -1:  # walk the front matter's lines only, not the whole body
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if line.rstrip() in (FENCE, "..."):
            body = "" if end == -1 else text[end + 1 :]
            return text[opening_end + 1 : start], body, line_number + 1
        start, line_number = end + 1, line_number + 1
    return Problem(display, 1, 1, "unclosed-front-matter")


def read_case_file(path: Path, display: str, lang: str) -> CaseFile | Problem:
    """Parse a case file strictly; returns the first problem that stops parsing."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return Problem(
            display, 1, 1, "file-unreadable", params={"reason": error.strerror or str(error)}
        )
    text, problem = decode(raw, display)
    if problem:
        return problem
    assert text is not None
    split = split_front_matter(text, display)
    if isinstance(split, Problem):
        return split
    front, body, body_line = split
    try:
        document = load(front, first_line=2)
    except YamlError as error:
        return Problem(
            display, error.position.line, error.position.column, error.code, params=error.params
        )
    if not isinstance(document.data, dict):
        kind = "nothing" if document.data is None else type(document.data).__name__
        return Problem(display, 2, 1, "not-a-mapping", params={"found": kind})
    return CaseFile(
        path=path,
        display=display,
        lang=lang,
        document=document,
        body=body,
        body_line=body_line,
        escaped="\\" in front,
        maybe_blank=bool(MAYBE_BLANK.search(front)),
    )
