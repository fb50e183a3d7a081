"""A strict YAML loader for case front matter, built on libyaml's event parser.

PyYAML's own loaders are too lenient for untrusted contributions: they keep the last of duplicate
keys, turn `no` into False and `0123` into 83, expand aliases (a few hundred bytes can become
gigabytes) and crash on deep nesting. Here values stay text unless they are plain YAML 1.2
numbers, booleans or null; anchors, aliases and tags are refused; depth and size are bounded
before libyaml sees the text; every value keeps its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

try:  # libyaml when available: about seven times faster than the pure-Python parser.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 32
MAX_FRONT_MATTER_BYTES = 256 * 1024

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(0|[1-9][0-9]*)\.[0-9]+\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
# Words that plain YAML gives a meaning other than text (1.2 core or 1.1 booleans).
_WORDS = {
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "TRUE",
    "false",
    "False",
    "FALSE",
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Plain scalars that YAML 1.1 tools (PyYAML, hence MkDocs) read as something other than text.
_SURPRISES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("boolean", re.compile(r"(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\Z")),
    ("date", re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?\Z")),
    ("octal", re.compile(r"[-+]?0[0-9_]+\Z")),
    ("base", re.compile(r"[-+]?0[xXbBoO][0-9a-fA-F_]+\Z")),
    ("sexagesimal", re.compile(r"[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\Z")),
    ("exponent", re.compile(r"[-+]?([0-9][0-9_]*)?\.?[0-9_]*[eE][-+]?[0-9]+\Z")),
    ("underscore-number", re.compile(r"[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?\Z")),
    ("special-float", re.compile(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)\Z")),
)


# The parser's explanations, as libyaml (or PyYAML) words them, in French: a contributor reading
# messages in French should not meet an English sentence in the middle. Unknown ones stay English.
_PARSER_FR: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), french)
    for pattern, french in (
        (
            r"mapping values are not allowed (here|in this context)",
            "un « : » suivi d'une espace ouvre ici une paire clé-valeur qui n'a pas sa place",
        ),
        (
            r"(block )?sequence entries are not allowed (here|in this context)",
            "un élément de liste (« - ») n'a pas sa place ici",
        ),
        (r"could not find expected ':'", "le « : » attendu après une clé est introuvable"),
        (
            r"did not find expected key",
            "la clé attendue est introuvable (indentation ou guillemets à vérifier)",
        ),
        (
            r"did not find expected (node content|'-' indicator)",
            "le contenu attendu est introuvable",
        ),
        (r"expected the node content, but found (.*)", r"contenu attendu, trouvé \1"),
        (
            r"did not find expected ',' or '\]'|expected ',' or '\]', but got .*",
            "« , » ou « ] » attendu dans la liste entre crochets",
        ),
        (
            r"did not find expected ',' or '\}'|expected ',' or '\}', but got .*",
            "« , » ou « } » attendu entre accolades",
        ),
        (
            r"expected <block end>, but found (.*)",
            r"l'indentation ne suit pas celle du bloc (trouvé \1)",
        ),
        (
            r"found (a )?character (.*)that cannot start any token",
            "caractère qui ne peut commencer aucune valeur YAML",
        ),
        (
            (
                r"found a tab character (that violates indentation|where an indentation space "
                r"is expected)"
            ),
            "tabulation trouvée là où une espace d'indentation est attendue",
        ),
        (
            r"found character '\\t' that cannot start any token",
            "tabulation trouvée là où une espace d'indentation est attendue",
        ),
        (
            r"found unexpected end of stream",
            "fin inattendue de l'en-tête (guillemets ou crochets non fermés?)",
        ),
        (r"found unknown escape character(.*)", r"caractère d'échappement inconnu\1"),
        (r"found unexpected document separator", "séparateur de document inattendu"),
        (r"while scanning a (double-)?quoted scalar", "en lisant une valeur entre guillemets"),
        (r"while scanning a simple key", "en lisant une clé"),
    )
)


def parser_problem_in_french(problem: str) -> str:
    """The French of the parser's explanation, or the explanation itself when it is not known."""
    for pattern, french in _PARSER_FR:
        if pattern.fullmatch(problem):
            return pattern.sub(french, problem)
    return problem


class Position(NamedTuple):
    """A 1-based line and column in the file."""

    line: int
    column: int


class YamlError(Exception):
    """The front matter is not acceptable YAML; `code` names the message to show."""

    def __init__(self, code: str, position: Position, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.position = position
        self.params = params


@dataclass
class Document:
    """Plain data from the front matter, with the position of every value and key."""

    data: Any
    positions: dict[Path_, Position] = field(default_factory=dict)
    key_positions: dict[Path_, Position] = field(default_factory=dict)
    # Plain scalars kept as text that YAML 1.1 would have read otherwise: path -> kind.
    surprises: dict[Path_, str] = field(default_factory=dict)

    def position(self, path: Path_) -> Position:
        """The position of the value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found:
                return found
        return Position(1, 1)


def precheck(text: str, first_line: int) -> None:
    """Refuse sizes and bracket depths that could exhaust libyaml before it parses anything."""
    if len(text.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise YamlError(
            "front-matter-too-large", Position(first_line, 1), limit=MAX_FRONT_MATTER_BYTES // 1024
        )
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # cannot nest deeper than the number of brackets: skip the character scan
    depth = 0
    line = first_line
    for char in text:
        if char == "\n":
            line += 1
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError("too-deep", Position(line, 1), limit=MAX_DEPTH)
        elif char in "]}" and depth:
            depth -= 1


_IGNORED_EVENTS = {yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent}


def _position(mark: Any, first_line: int) -> Position:
    return Position(mark.line + first_line, mark.column + 1)


def _scalar(event: yaml.ScalarEvent) -> tuple[Any, str | None]:
    """The value of a scalar, and the YAML 1.1 surprise it would have been, if any."""
    text = event.value
    if event.style:  # quoted or block: always text (libyaml gives "" for plain, PyYAML None)
        return text, None
    if text[:1].isalpha() and text not in _WORDS:
        return text, None  # fast path: ordinary words are text and surprise nobody
    if text in _NULL:
        return None, None
    if text in _BOOL:
        return _BOOL[text], None
    if _INT.match(text):
        return int(text), None
    if _FLOAT.match(text):
        return float(text), None
    for kind, pattern in _SURPRISES:
        if pattern.match(text):
            return text, kind
    return text, None


def load(text: str, first_line: int = 1) -> Document:
    """Parse one YAML document strictly. Raises YamlError with a position on any problem."""
    precheck(text, first_line)
    document = Document(data=None)
    # Each frame: [container, path, pending key or None]
    stack: list[list[Any]] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            _handle(event, stack, document, first_line)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlError("several-documents", _position(event.start_mark, first_line))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _position(mark, first_line) if mark else Position(first_line, 1)
        problem = str(error.problem or error.context or "")
        raise YamlError("yaml-syntax", position, problem=problem) from None
    except yaml.YAMLError as error:
        raise YamlError("yaml-syntax", Position(first_line, 1), problem=str(error)) from None
    return document


def _handle(event: Any, stack: list[list[Any]], document: Document, first_line: int) -> None:
    kind = type(event)
    if kind in _IGNORED_EVENTS:
        return
    mark = event.start_mark
    position = Position(mark.line + first_line, mark.column + 1)
    if kind is yaml.ScalarEvent and event.anchor is None and event.tag is None:
        value, surprise = _scalar(event)
        top = stack[-1] if stack else None
        if top is not None and top[2] is None and type(top[0]) is dict:
            _add_key(top, value, position, document)
            return
        path = _attach(stack, value, position, document)
        if surprise:
            document.surprises[path] = surprise
        return
    if isinstance(event, yaml.AliasEvent):
        raise YamlError("alias", position)
    if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        if event.anchor is not None:
            raise YamlError("alias", position)
        if event.tag is not None:
            raise YamlError("tag", position, tag=event.tag)
    if isinstance(event, yaml.ScalarEvent):
        value, surprise = _scalar(event)
        if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
            _add_key(stack[-1], value, position, document)
            return
        path = _attach(stack, value, position, document)
        if surprise:
            document.surprises[path] = surprise
    elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
        if stack and isinstance(stack[-1][0], dict) and stack[-1][2] is None:
            raise YamlError("complex-key", position)
        if len(stack) >= MAX_DEPTH:
            raise YamlError("too-deep", position, limit=MAX_DEPTH)
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        path = _attach(stack, container, position, document)
        stack.append([container, path, None])
    elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        stack.pop()


def _add_key(frame: list[Any], key: Any, position: Position, document: Document) -> None:
    container, path, _ = frame
    if not isinstance(key, str):
        key = str(key).lower() if isinstance(key, bool) else str(key)
    if key in container:
        first = document.key_positions[path + (key,)]
        raise YamlError("duplicate-key", position, key=key, first_line=first.line)
    frame[2] = key
    document.key_positions[path + (key,)] = position


def _attach(stack: list[list[Any]], value: Any, position: Position, document: Document) -> Path_:
    """Put a value into the innermost container (or make it the document) and record its place."""
    if not stack:
        document.data = value
        path: Path_ = ()
    else:
        frame = stack[-1]
        container = frame[0]
        if isinstance(container, dict):
            key = frame[2]
            container[key] = value
            frame[2] = None
            path = frame[1] + (key,)
        else:
            container.append(value)
            path = frame[1] + (len(container) - 1,)
    document.positions[path] = position
    return path
