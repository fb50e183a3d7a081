"""The commented case template: every field explained in the contributor's language.

Nothing here is hand-written prose about fields: descriptions come from the JSON Schema
(`description` / `x-description-fr`), allowed values from the vocabularies and the body's
sections from schema/outline.yml, so the template cannot drift from the format. Its own few words
are the command line's catalogue's (command_line.yml: contrib-template).
"""

from __future__ import annotations

import textwrap
from typing import Any

from odimpact.command_line import written
from odimpact.contrib.yaml_text import FENCE, flow_list, scalar
from odimpact.outline import outline
from odimpact.schema import case_schema
from odimpact.vocabularies import load_vocabularies

WIDTH = 100
# Structural values a new list item starts with (not facts: the first source is always s1).
SKELETON = {"sources": {"id": "s1"}}


def _description(node: dict[str, Any], lang: str) -> str:
    return node.get("x-description-fr" if lang == "fr" else "description", "")


def _vocabulary_name(node: dict[str, Any]) -> str | None:
    return node.get("x-vocabulary") or (node.get("items") or {}).get("x-vocabulary")


def _comment(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, WIDTH - len(indent) - 2, break_on_hyphens=False) or [""]
    return [f"{indent}# {line}".rstrip() for line in lines]


def _vocabulary_lines(name: str, lang: str, indent: str) -> list[str]:
    vocabulary = load_vocabularies()[name]
    lines = [f"{indent}# " + written("contrib-template", "values", lang)]
    for term in vocabulary.terms:
        text = f"{term.id}: {term.label[lang]} — {term.definition[lang]}"
        wrapped = textwrap.wrap(text, WIDTH - len(indent) - 6, break_on_hyphens=False)
        lines += [f"{indent}#   {wrapped[0]}"] + [f"{indent}#     {line}" for line in wrapped[1:]]
    return lines


def field_comment(
    name: str, node: dict[str, Any], required: bool, lang: str, indent: str = ""
) -> list[str]:
    """The explanation above one field: description, required or optional, and allowed values."""
    word = written("contrib-template", "required" if required else "optional", lang)
    lines = _comment(
        written(
            "contrib-template",
            "field",
            lang,
            name=name,
            word=word,
            description=_description(node, lang),
        ),
        indent,
    )
    vocabulary = _vocabulary_name(node)
    if vocabulary:
        lines += _vocabulary_lines(vocabulary, lang, indent)
    return lines


def _value(node: dict[str, Any], value: Any) -> str:
    if isinstance(value, list):
        return flow_list(value)
    return scalar(value)


def _empty(node: dict[str, Any]) -> str:
    """What a required field holds before the contributor fills it in: visibly empty, never
    invented."""
    return "[]" if node.get("type") == "array" else '""'


def _object_lines(item: dict[str, Any], node: dict[str, Any], indent: str) -> list[str]:
    """One list item of an object list (a dataset, a source...), required fields shown even when
    empty."""
    lines: list[str] = []
    properties, required = node["properties"], node.get("required", [])
    for key, child in properties.items():
        if key in item:
            text = _value(child, item[key])
        elif key in required:
            text = _empty(child)
        else:
            continue
        prefix = f"{indent}- " if not lines else f"{indent}  "
        lines.append(f"{prefix}{key}: {text}")
    return lines


def _object_comments(name: str, node: dict[str, Any], lang: str) -> list[str]:
    item_node = node["items"]
    lines: list[str] = []
    for key, child in item_node["properties"].items():
        lines += field_comment(f"{name}[].{key}", child, key in item_node.get("required", []), lang)
    return lines


def _object_values(name: str, node: dict[str, Any], items: list[dict[str, Any]]) -> list[str]:
    lines = [f"{name}:"]
    for item in items or [SKELETON.get(name, {})]:
        lines += _object_lines(item, node["items"], "  ")
    return lines


def _period(node: dict[str, Any], value: dict[str, Any]) -> list[str]:
    start = value.get("start")
    return [
        "period:",
        f"  start:{' ' + scalar(start) if start is not None else ''}",
        f"  end: {scalar(value.get('end', 'ongoing'))}",
    ]


def field_lines(
    name: str, node: dict[str, Any], required: bool, values: dict[str, Any], lang: str
) -> list[str]:
    """The comment and the value line(s) of one top-level field."""
    lines = field_comment(name, node, required, lang)
    if node.get("type") == "array" and node.get("items", {}).get("type") == "object":
        lines += _object_comments(name, node, lang)
        if name in values or required:
            return lines + _object_values(name, node, values.get(name, []))
        return lines + [f"# {line}" for line in _object_values(name, node, [])]
    if name == "period":
        return lines + _period(node, values.get("period", {}))
    if name in values:
        return lines + [f"{name}: {_value(node, values[name])}"]
    if required:
        return lines + [f"{name}: {_empty(node)}"]
    # Only language-neutral examples are shown: the schema's examples are written in English.
    example = (
        node["examples"][0] if node.get("x-language-neutral") and node.get("examples") else None
    )
    return lines + [f"# {name}: {_value(node, example) if example is not None else _empty(node)}"]


def render_front_matter(values: dict[str, Any], lang: str) -> str:
    """The commented YAML front matter, fields in the schema's order."""
    schema = case_schema()
    required = set(schema["required"])
    lines = _comment(written("contrib-template", "header", lang, id=values.get("id", "")))
    for name, node in schema["properties"].items():
        lines.append("")
        lines += field_lines(name, node, name in required, values, lang)
    return "\n".join(lines) + "\n"


def render_body(lang: str, sections: dict[str, str] | None = None) -> str:
    """The outline's headings with their guidance as HTML comments (invisible on the site)."""
    parts = []
    for section in outline():
        text = (sections or {}).get(section["id"], "").strip()
        guidance = section["guidance"][lang].replace("--", "—")
        parts.append(
            f"## {section['heading'][lang]} {{#{section['id']}}}\n\n<!-- {guidance} -->\n"
            + (f"\n{text}\n" if text else "")
        )
    return "\n".join(parts)


def render_case(values: dict[str, Any], lang: str, sections: dict[str, str] | None = None) -> str:
    """A whole case file: fences, commented front matter, outline body."""
    return f"{FENCE}\n{render_front_matter(values, lang)}{FENCE}\n\n{render_body(lang, sections)}"
