"""The format reference page, generated from the schema, the vocabularies and the outline.

It is what contributors read, so it is committed (docs/reference/) and a test fails when it is
stale; `odimpact regenerate` rewrites it.
"""

from __future__ import annotations

import json
from typing import Any

from odimpact.outline import outline
from odimpact.paths import DOCS_DIR
from odimpact.publication.dictionary import VOCABULARY_HEADINGS
from odimpact.publication.strings import STRINGS, text
from odimpact.schema import case_schema
from odimpact.vocabularies import Vocabulary, load_vocabularies

REFERENCE_DIR = DOCS_DIR / "reference"


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _describe(node: dict[str, Any], lang: str) -> str:
    return (
        node.get("description", "")
        if lang == "en"
        else node.get("x-description-fr", node.get("description", ""))
    )


def _type_word(kind: str, lang: str) -> str:
    """A JSON Schema type in words ("whole number"); nothing for a type the page does not name."""
    return text(f"reference_type_{kind}", lang) if f"reference_type_{kind}" in STRINGS else ""


def _type(node: dict[str, Any], lang: str) -> str:
    if "x-vocabulary" in node:
        return f"[{text('allowed_values', lang)}](#{node['x-vocabulary']})"
    if node.get("type") == "array":
        items = node.get("items", {})
        inner = (
            f"[{items['x-vocabulary']}](#{items['x-vocabulary']})"
            if "x-vocabulary" in items
            else _type_word(items.get("type", "object"), lang)
        )
        return f"{_type_word('array', lang)} ({inner})"
    if "enum" in node:
        return " \\| ".join(f"`{value}`" for value in node["enum"])
    if "oneOf" in node:
        return " \\| ".join(
            _type(option, lang) if "type" in option else f"`{option.get('const')}`"
            for option in node["oneOf"]
        )
    if "$ref" in node:
        ref = node["$ref"].split("/")[-1]
        named = {"url": "URL", "date": text("date_pattern", lang), "source_id": "s1, s2…"}
        return named.get(ref, ref)
    return _type_word(node.get("type", ""), lang)


def _table(node: dict[str, Any], lang: str, prefix: str = "") -> list[str]:
    required = set(node.get("required", []))
    yes, no = text("reference_yes", lang), text("reference_no", lang)
    headings = (
        "reference_field",
        "field_type",
        "reference_required",
        "reference_neutral",
        "reference_description",
        "reference_example",
    )
    lines = [f"| {' | '.join(text(key, lang) for key in headings)} |", "|---|---|---|---|---|---|"]
    nested = []
    for name, child in node.get("properties", {}).items():
        example = child.get("examples", [None])[0]
        example_text = (
            f"`{_cell(json.dumps(example, ensure_ascii=False))}`"
            if example is not None
            and child.get("type") != "array"
            or (example is not None and "items" in child and child["items"].get("type") != "object")
            else ""
        )
        needed = yes if name in required else no
        neutral = yes if child.get("x-language-neutral") else no
        lines.append(
            f"| `{prefix}{name}` | {_type(child, lang)} | {needed} | {neutral} | "
            f"{_cell(_describe(child, lang))} | {example_text} |"
        )
        if child.get("type") == "array" and child.get("items", {}).get("type") == "object":
            nested.append((name, child))
    for name, child in nested:
        lines += [
            "",
            f"### {text('reference_items_of', lang)} `{name}`",
            "",
            *_table(child["items"], lang, f"{name}[]."),
        ]
        example = child.get("examples", [None])[0]
        if example is not None:
            example_heading = text("reference_example", lang) + (" :" if lang == "fr" else ":")
            lines += ["", example_heading, "", "```yaml", *_yaml(name, example), "```"]
    return lines


def _yaml(name: str, value: Any) -> list[str]:
    import yaml

    return (
        yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_flow_style=False)
        .rstrip()
        .split("\n")
    )


def _vocabulary(vocabulary: Vocabulary, lang: str) -> list[str]:
    headings = " | ".join(text(key, lang) for key in VOCABULARY_HEADINGS)
    lines = [
        f"### {vocabulary.title[lang]} {{#{vocabulary.name}}}",
        "",
        vocabulary.definition[lang],
        f"(`schema/vocabularies/{vocabulary.name}.yml`)",
        "",
        f"| {headings} |",
        "|---|---|---|",
    ]
    for term in vocabulary.terms:
        lines.append(
            f"| `{term.id}` | {_cell(term.label[lang])} | {_cell(term.definition[lang])} |"
        )
    return lines + [""]


def render_reference(lang: str) -> str:
    """The whole reference page in one language."""
    schema = case_schema()
    outline_headings = f"{text('reference_heading', lang)} | {text('reference_guidance', lang)}"
    lines = [
        f"# {text('reference_title', lang)}",
        "",
        f'!!! note ""\n    {text("reference_generated", lang)}',
        "",
        text("reference_intro", lang),
        "",
        f"## {text('reference_fields', lang)}",
        "",
        *_table(schema, lang),
        "",
        f"## {text('reference_outline', lang)}",
        "",
        text("reference_outline_intro", lang),
        "",
        f"| id | {outline_headings} |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{s['id']}` | `## {s['heading'][lang]} {{#{s['id']}}}` | {_cell(s['guidance'][lang])} |"
        for s in outline()
    ]
    lines += ["", f"## {text('reference_vocabularies', lang)}", ""]
    for vocabulary in load_vocabularies().values():
        lines += _vocabulary(vocabulary, lang)
    return "\n".join(lines).rstrip() + "\n"


def reference_files() -> dict[str, str]:
    """Relative path under docs/ -> expected content, for both languages."""
    return {f"reference/format.{lang}.md": render_reference(lang) for lang in ("en", "fr")}
