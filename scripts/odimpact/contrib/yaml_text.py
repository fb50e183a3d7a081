"""YAML text for case files: one round-trip configuration, safe scalar rendering, front-matter
split.

ruamel.yaml's round-trip mode keeps comments, key order and quoting; PyYAML and python-frontmatter
drop comments, reorder keys and change values when they write. The indentation below is the one
the case files use, so reading and writing an untouched file gives back the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

FENCE = "---"
# Values that may be written without quotes: vocabulary ids such as CA-ON, CC-BY-4.0 or s1.
SAFE_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9.-]*\Z")
YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def round_trip_yaml() -> YAML:
    """The one ruamel configuration used to read and rewrite front matter."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold long summaries onto several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def dump_text(data: Any) -> str:
    """Round-trip dump of a front-matter mapping."""
    buffer = io.StringIO()
    round_trip_yaml().dump(data, buffer)
    return buffer.getvalue()


def scalar(value: Any) -> str:
    """One value as YAML text for a template line; text is always double-quoted by ruamel's emitter,
    so no input (quotes, colons, `#`, line breaks, `no`) can change the document's structure."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"no template value may be {value!r}")
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if SAFE_PLAIN.match(text) and text.lower() not in YAML_WORDS:
        return text
    rendered = dump_text({"k": DoubleQuotedScalarString(text)})
    return rendered.removeprefix("k: ").rstrip("\n")


def flow_list(values: list[Any]) -> str:
    """A list on one line: [a, b]."""
    return "[" + ", ".join(scalar(value) for value in values) + "]"


@dataclass
class FrontMatterText:
    """A case file cut into its front matter and everything after it (closing fence and body),
    verbatim."""

    front: str
    rest: str

    def join(self, front: str) -> str:
        return f"{FENCE}\n{front}{self.rest}"


def split_front_matter(text: str) -> FrontMatterText | None:
    """Split on the fences; None when the file has no closed front matter. Line ends must be \\n."""
    if not text.startswith(FENCE + "\n"):
        return None
    match = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE).search(text, len(FENCE) + 1)
    if not match:
        return None
    return FrontMatterText(front=text[len(FENCE) + 1 : match.start()], rest=text[match.start() :])
