"""Problems found in cases, and how they are printed: like a compiler, in English or French."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from odimpact.languages import language
from odimpact.strict_yaml import parser_problem_in_french
from odimpact.typography import typeset

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a case file: where, which field, which rule, with what values."""

    path: str
    line: int
    column: int
    code: str
    field: str = ""
    severity: Severity = "error"
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    def message(self, lang: str) -> str:
        """The message text in one language."""
        return render(self.code, lang, self.params)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


WORDS = "words"  # messages.yml's section of the words messages take by id, not a message code


@cache
def _messages_file() -> dict[str, Any]:
    text = resources.files("odimpact").joinpath("messages.yml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Message templates by code, from messages.yml, each in its language's typography (the one
    rule of odimpact.typography, applied to the templates: the values filled in stay as written)."""
    return {
        code: {lang: typeset(template, lang) for lang, template in entry.items()}
        for code, entry in _messages_file().items()
        if code != WORDS
    }


@cache
def words() -> dict[str, dict[str, dict[str, str]]]:
    """messages.yml's word lists: list -> id -> language -> words, typeset like the messages."""
    return {
        name: {
            key: {lang: typeset(text, lang) for lang, text in entry.items()}
            for key, entry in listed.items()
        }
        for name, listed in _messages_file()[WORDS].items()
    }


def _word(listed: str, value: Any, lang: str) -> str:
    """The words for an id; an id the list lacks is shown as it is (a report never fails)."""
    return words()[listed].get(str(value), {}).get(lang, str(value))


def _quoted(ids: Any) -> str:
    return ", ".join(f"'{key}'" for key in ids)


def _vocabulary(name: Any, lang: str) -> str:
    # vocabularies report problems: imported when needed
    from odimpact.vocabularies import load_vocabularies

    title = load_vocabularies()[str(name)].title[lang]
    return _word("vocabulary", "name", lang).format(title=title, lower=title.lower())


# Problems carry ids (a language code, a schema type, candidate values), never words: a format
# spec in a template names how the id is said in the message's language ({found:language}).
SAYINGS: dict[str, Callable[[Any, str], str]] = {
    "language": lambda code, lang: language(str(code)).names[lang],
    "type": lambda kind, lang: _word("type", kind, lang),
    "yaml-kind": lambda kind, lang: _word("yaml-kind", kind, lang),
    "vocabulary": _vocabulary,
    "did-you-mean": lambda ids, lang: (
        _word("did-you-mean", "some", lang).format(values=_quoted(ids)) if ids else ""
    ),
    "ids-or-none": lambda ids, lang: (
        ", ".join(map(str, ids)) if ids else _word("ids-or-none", "none", lang)
    ),
    "parser-problem": lambda problem, lang: (
        parser_problem_in_french(str(problem)) if lang == "fr" else str(problem)
    ),
    "named-source": lambda kind, lang: (
        _word("named-source", "kind", lang).format(kind=kind)
        if kind
        else _word("named-source", "", lang)
    ),
}


class _Missing(str):
    """A placeholder no value fills, shown as written whatever its format spec."""

    def __format__(self, spec: str) -> str:
        return str(self)


class _Lenient(dict):  # a missing placeholder must never turn a report into a traceback
    def __missing__(self, key: str) -> str:
        return _Missing("{" + key + "}")


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    """Fill a message template; unknown placeholders are left visible rather than failing."""
    template = catalogue()[code][lang]
    values = _Lenient({k: _Shown(v, lang) for k, v in params.items()})
    return template.format_map(values)


class _Shown:
    """Formats values for messages: `!r` gives quoted text without Python's escapes for accents;
    a spec named in SAYINGS says an id in the message's language."""

    def __init__(self, value: Any, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, spec: str) -> str:
        if spec in SAYINGS:
            return SAYINGS[spec](self.value, self.lang)
        return format(str(self.value), spec)

    def __str__(self) -> str:
        return str(self.value)

    def __repr__(self) -> str:
        text = (
            self.value
            if isinstance(self.value, str)
            else json.dumps(self.value, ensure_ascii=False)
        )
        if len(text) > 80:
            text = text[:77] + "..."
        return "'" + text.replace("'", "\\'") + "'"


def format_human(problems: Iterable[Problem], lang: str) -> str:
    """file:line:col: severity: field: message [code] — one line each."""
    lines = []
    for problem in problems:
        where = f"{problem.path}:{problem.line}:{problem.column}"
        field_part = f" {problem.field}:" if problem.field else ""
        severity = _word("severity", problem.severity, lang)
        lines.append(f"{where}: {severity}:{field_part} {problem.message(lang)} [{problem.code}]")
    return "\n".join(lines)


def _escape_annotation(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_annotation(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Iterable[Problem], lang: str) -> str:
    """GitHub Actions workflow commands, so problems show on the pull request's diff."""
    lines = []
    for problem in problems:
        props = f"file={_escape_property(problem.path)},line={problem.line},col={problem.column}"
        title = _escape_property(
            f"{problem.code}" + (f" ({problem.field})" if problem.field else "")
        )
        text = _escape_annotation(
            (f"{problem.field}: " if problem.field else "") + problem.message(lang)
        )
        lines.append(f"::{problem.severity} {props},title={title}::{text}")
    return "\n".join(lines)


def _markdown_cell(text: str) -> str:
    """Contributor text made inert in a Markdown table cell: no markup, no line break, no column
    break."""
    escaped = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_\[\]|#!~])", r"\\\1", escaped)


def format_markdown(problems: list[Problem], lang: str, summary: str) -> str:
    """A Markdown report for a pull request's job summary: a heading, the summary line, a table."""
    lines = [f"### {_word('report', 'title', lang)}", "", summary, ""]
    if not problems:
        return "\n".join([*lines, _word("report", "none", lang)])
    columns = ("file", "where", "severity", "problem")
    headings = " | ".join(_word("report", column, lang) for column in columns)
    lines += [f"| {headings} |", "|---|---|---|---|"]
    for problem in problems:
        message = (
            (f"{problem.field}: " if problem.field else "")
            + problem.message(lang)
            + f" [{problem.code}]"
        )
        severity = _word("severity", problem.severity, lang)
        where = f"{problem.line}:{problem.column}"
        cells = (_markdown_cell(problem.path), where, severity, _markdown_cell(message))
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def format_json(problems: list[Problem], lang: str, files_checked: int) -> str:
    """A stable JSON document for tools."""
    return json.dumps(
        {
            "files_checked": files_checked,
            "errors": sum(p.severity == "error" for p in problems),
            "warnings": sum(p.severity == "warning" for p in problems),
            "problems": [
                {
                    "path": p.path,
                    "line": p.line,
                    "column": p.column,
                    "severity": p.severity,
                    "code": p.code,
                    "field": p.field,
                    "message": p.message(lang),
                }
                for p in problems
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def field_name(path: tuple[str | int, ...]) -> str:
    """A field path as contributors write it: sources[1].url."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text
