"""The case schema: schema/case.schema.json with the generated vocabulary definitions inlined."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from functools import cache
from typing import Any

import fastjsonschema

from odimpact.paths import CASE_SCHEMA
from odimpact.vocabularies import load_vocabularies, vocabulary_schema

_REF_PREFIX = "vocabularies.schema.json#/$defs/"
Path_ = tuple[str | int, ...]


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            # The field's own description wins over the vocabulary's.
            merged = dict(definitions[ref[len(_REF_PREFIX) :]])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            return {k: _inline(v, definitions) for k, v in merged.items()}
        return {k: _inline(v, definitions) for k, v in node.items()}
    if isinstance(node, list):
        return [_inline(item, definitions) for item in node]
    return node


@cache
def case_schema() -> dict[str, Any]:
    """The case schema as one self-contained document (vocabulary enums inlined)."""
    raw = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    definitions = vocabulary_schema(load_vocabularies())["$defs"]
    return _inline(raw, definitions)


@cache
def fast_validator() -> Callable[[Any], Any]:
    """fastjsonschema's compiled validator: about ten times faster than jsonschema on valid
    input."""
    return fastjsonschema.compile(copy.deepcopy(case_schema()))


def subschema(path: Path_) -> dict[str, Any]:
    """The schema that applies to the value at `path` (object properties and array items only)."""
    node = case_schema()
    for step in path:
        if isinstance(step, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(step, {})
        while "$ref" in node and node["$ref"].startswith("#/$defs/"):
            node = case_schema()["$defs"][node["$ref"].split("/")[-1]]
    return node


def expects_date(path: Path_) -> bool:
    """Whether the schema wants a date (YYYY-MM-DD, or a partial YYYY[-MM[-DD]]) at `path`."""
    return subschema(path).get("pattern", "").startswith("^[0-9]{4}")


def _neutral_paths(node: dict[str, Any], prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, child in node.get("properties", {}).items():
        path = prefix + (name,)
        if child.get("x-language-neutral"):
            found.append(path)
        elif child.get("type") == "array" and isinstance(child.get("items"), dict):
            found.extend(_neutral_paths(child["items"], path + ("*",)))
    return found


@cache
def language_neutral_fields() -> tuple[tuple[str, ...], ...]:
    """Field paths that must be identical in both language files; `*` stands for each list item."""
    return tuple(_neutral_paths(case_schema(), ()))


def neutral_unless(path: tuple[str, ...]) -> str:
    """The flag that, true in a list item, makes the language-neutral field at `path` (`*` for
    each list item) written in each language there, as the schema's `x-neutral-unless` names it
    ('' when none): a source's `title` with `descriptive_title` is our own words."""
    return str(
        subschema(tuple(0 if step == "*" else step for step in path)).get("x-neutral-unless") or ""
    )


def neutral_here(path: tuple[str, ...], item: Any) -> bool:
    """Whether a language-neutral field must match the other language in this list item."""
    flag = neutral_unless(path)
    return not (flag and isinstance(item, dict) and item.get(flag) is True)


@cache
def field_vocabularies() -> dict[str, str]:
    """Which vocabulary each front-matter field takes its values from, by dotted path ("sectors",
    "sources.kind", "organisations.roles"), read from the schema's references: the one source."""
    found: dict[str, str] = {}

    def walk(node: Any, path: str) -> None:
        if not isinstance(node, dict):
            return
        ref = node.get("$ref", "")
        if isinstance(ref, str) and ref.startswith(_REF_PREFIX):
            found[path] = ref[len(_REF_PREFIX) :]
        for name, child in (node.get("properties") or {}).items():
            walk(child, f"{path}.{name}" if path else name)
        walk(node.get("items"), path)
        for key in ("anyOf", "oneOf", "allOf"):
            for child in node.get(key) or []:
                walk(child, path)

    walk(json.loads(CASE_SCHEMA.read_text(encoding="utf-8")), "")
    return found
