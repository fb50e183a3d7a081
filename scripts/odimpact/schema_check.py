"""Structural validation against the JSON Schema, turned into contributor-friendly problems."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from typing import Any

from odimpact.problems import Problem, field_name
from odimpact.reading import CaseFile
from odimpact.schema import case_schema, fast_validator
from odimpact.vocabularies import Vocabulary, load_vocabularies

PATTERN_CODES = {
    "^[a-z0-9]+(-[a-z0-9]+)*$": "schema-pattern-id",
    "^https?://[^\\s/?#.][^\\s]*$": "schema-pattern-url",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "schema-pattern-date",
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "schema-pattern-partial-date",
    "^s[1-9][0-9]*$": "schema-pattern-source-id",
}
LIMIT_CODES = {
    "minItems": "schema-min-items",
    "maxItems": "schema-max-items",
    "minLength": "schema-min-length",
    "maxLength": "schema-max-length",
    "minimum": "schema-minimum",
    "maximum": "schema-maximum",
}


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), "string"
    )


def _suggestion(value: Any, choices: list[Any]) -> list[str]:
    return difflib.get_close_matches(str(value), [str(c) for c in choices], n=3, cutoff=0.6)


def _plain(text: str) -> str:
    """Text as a typist might have meant it: no accents, no case, words joined by hyphens."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "-".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split()
    )


def _vocabulary_suggestion(value: Any, vocabulary: Vocabulary) -> list[str]:
    """The closest values, matching ids and the labels in both languages, accents and case aside
    ('santé', 'Sante' and 'helth' all lead to 'health')."""
    names: dict[str, list[str]] = {}
    for term in vocabulary.terms:
        for name in (str(term.id), *term.label.values()):
            names.setdefault(_plain(name), []).append(str(term.id))
    close = difflib.get_close_matches(_plain(str(value)), list(names), n=3, cutoff=0.6)
    return list(dict.fromkeys(term_id for name in close for term_id in names[name]))[:3]


def check_schema(case: CaseFile) -> list[Problem]:
    """All schema problems of one file (the compiled validator answers first for valid files)."""
    try:
        fast_validator()(case.data)
        return []
    except Exception:  # fastjsonschema stops at the first error: collect them all below
        pass
    from jsonschema import Draft202012Validator  # imported only when a file is invalid

    validator = Draft202012Validator(case_schema())
    problems = [p for error in validator.iter_errors(case.data) for p in _problems(case, error)]
    return problems


def _problems(case: CaseFile, error: Any) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    position = case.document.position(path)
    field = field_name(path)
    value = error.instance
    kind = error.validator

    def problem(code: str, at: tuple = path, **params: Any) -> Problem:
        pos = case.document.key_positions.get(at) or case.document.position(at)
        return Problem(case.display, pos.line, pos.column, code, field_name(at), params=params)

    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                yield Problem(
                    case.display,
                    position.line,
                    position.column,
                    "schema-required",
                    field,
                    params={"name": name},
                )
                return
    elif kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for name in sorted(set(value) - set(allowed)):
            yield problem(
                "schema-unknown-field",
                path + (name,),
                name=name,
                suggestions=_suggestion(name, allowed),
            )
    elif kind == "type":
        expected = (
            error.validator_value
            if isinstance(error.validator_value, str)
            else error.validator_value[0]
        )
        found = _type_of(value)
        yield problem("schema-type", expected=expected, found=found, value=value)
    elif kind == "enum" and "x-vocabulary" in error.schema:
        name = error.schema["x-vocabulary"]
        suggestions = _vocabulary_suggestion(value, load_vocabularies()[name])
        yield problem("schema-vocabulary", value=value, vocabulary=name, suggestions=suggestions)
    elif kind == "enum":
        yield problem(
            "schema-enum", value=value, allowed=", ".join(map(str, error.validator_value))
        )
    elif kind == "pattern":
        yield problem(
            PATTERN_CODES.get(error.validator_value, "schema-pattern"),
            value=value,
            pattern=error.validator_value,
        )
    elif kind in LIMIT_CODES:
        count = len(value) if isinstance(value, (str, list)) else value
        yield problem(LIMIT_CODES[kind], limit=error.validator_value, count=count, value=value)
    elif kind == "uniqueItems":
        yield problem("schema-unique")
    elif kind == "oneOf" and path and path[-1] == "end":
        yield problem("schema-period-end", value=value)
    elif kind == "oneOf":
        found = (
            ", ".join(k for k in ("value", "min", "max") if isinstance(value, dict) and k in value)
            or "none"
        )
        yield problem("schema-value-or-range", found=found)
    else:
        yield problem("schema-other", detail=error.message)
