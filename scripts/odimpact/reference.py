"""The format reference page, generated from the schema, the vocabularies and the outline.

It is what contributors read, so it is committed (docs/reference/) and a test fails when it is
stale; `odimpact regenerate` rewrites it.
"""
from __future__ import annotations

import json
from typing import Any

from odimpact.outline import outline
from odimpact.paths import DOCS_DIR
from odimpact.schema import case_schema
from odimpact.typography import typeset_table
from odimpact.vocabularies import Vocabulary, load_vocabularies

REFERENCE_DIR = DOCS_DIR / "reference"
WORDS = {
    "en": {
        "title": "Case-study format reference",
        "generated": (
            "This page is generated from `schema/case.schema.json`, `schema/vocabularies/` and "
            "`schema/outline.yml` by `odimpact regenerate`. Do not edit it by hand."
        ),
        "intro": (
            "Each case lives in its own folder, `cases/<id>/`, with an English file `index.en.md` and a French file "
            "`index.fr.md`. Each file starts with YAML front matter between two `---` lines, followed by the Markdown "
            "body. Fields marked *neutral* do not depend on language: they must be identical in both files, and "
            "`odimpact sync cases/<id> --from en` (or `--from fr`) copies them from one file to the other. "
            "A case written in one language first "
            "sets `translation: awaiting` until the other file exists. Check your work with `odimpact validate`."
        ),
        "fields": "Fields", "field": "Field", "type": "Type", "required": "Required", "neutral": "Neutral",
        "description": "Description", "example": "Example", "yes": "yes", "no": "no", "values": "Allowed values",
        "items_of": "Fields of each item in", "vocabularies": "Vocabularies", "id": "Value", "label": "Label",
        "definition": "Definition", "outline": "Body outline",
        "outline_intro": (
            "The body follows these sections, in this order, each heading with the same id in both "
            "languages. Cite sources as `[s1]`."
        ),
        "heading": "Heading", "guidance": "What to write", "see": "see",
    },
    "fr": {
        "title": "Référence du format des études de cas",
        "generated": (
            "Cette page est produite à partir de `schema/case.schema.json`, `schema/vocabularies/` "
            "et `schema/outline.yml` par `odimpact regenerate`. Ne la modifiez pas à la main."
        ),
        "intro": (
            "Chaque étude de cas a son propre dossier, `cases/<id>/`, avec un fichier anglais `index.en.md` et un fichier "
            "français `index.fr.md`. Chaque fichier commence par un en-tête YAML placé entre deux lignes `---`, suivi du "
            "texte en Markdown. Les champs marqués *neutres* ne dépendent pas de la langue : ils doivent être identiques "
            "dans les deux fichiers, et `odimpact sync cases/<id> --from fr` (ou `--from en`) les recopie "
            "d'un fichier à l'autre. Une étude de cas "
            "rédigée d'abord dans une seule langue indique `translation: awaiting` jusqu'à ce que l'autre fichier existe. "
            "Vérifiez votre travail avec `odimpact validate`."
        ),
        "fields": "Champs", "field": "Champ", "type": "Type", "required": "Obligatoire", "neutral": "Neutre",
        "description": "Description", "example": "Exemple", "yes": "oui", "no": "non", "values": "Valeurs permises",
        "items_of": "Champs de chaque élément de", "vocabularies": "Vocabulaires", "id": "Valeur", "label": "Libellé",
        "definition": "Définition", "outline": "Plan du texte",
        "outline_intro": (
            "Le texte suit ces sections, dans cet ordre; chaque intertitre porte le même id dans "
            "les deux langues. Citez les sources sous la forme `[s1]`."
        ),
        "heading": "Intertitre", "guidance": "Contenu attendu", "see": "voir",
    },
}
WORDS = typeset_table(WORDS)  # each language's typography, by the one rule
TYPE_WORDS = {
    "string": ("text", "texte"), "integer": ("whole number", "nombre entier"), "number": ("number", "nombre"),
    "array": ("list", "liste"), "object": ("fields", "champs"), "boolean": ("true/false", "vrai/faux"),
}


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _describe(node: dict[str, Any], lang: str) -> str:
    return node.get("description", "") if lang == "en" else node.get("x-description-fr", node.get("description", ""))


def _type(node: dict[str, Any], lang: str, words: dict[str, str]) -> str:
    index = 0 if lang == "en" else 1
    if "x-vocabulary" in node:
        return f"[{words['values']}](#{node['x-vocabulary']})"
    if node.get("type") == "array":
        items = node.get("items", {})
        inner = (f"[{items['x-vocabulary']}](#{items['x-vocabulary']})" if "x-vocabulary" in items
                 else TYPE_WORDS.get(items.get("type", "object"), ("", ""))[index])
        return f"{TYPE_WORDS['array'][index]} ({inner})"
    if "enum" in node:
        return " \\| ".join(f"`{value}`" for value in node["enum"])
    if "oneOf" in node:
        return " \\| ".join(_type(option, lang, words) if "type" in option else f"`{option.get('const')}`" for option in node["oneOf"])
    if "$ref" in node:
        ref = node["$ref"].split("/")[-1]
        return {"url": "URL", "date": "YYYY-MM-DD" if lang == "en" else "AAAA-MM-JJ", "source_id": "s1, s2…"}.get(ref, ref)
    return TYPE_WORDS.get(node.get("type", ""), ("", ""))[index]


def _table(node: dict[str, Any], lang: str, prefix: str = "") -> list[str]:
    words = WORDS[lang]
    required = set(node.get("required", []))
    lines = [f"| {words['field']} | {words['type']} | {words['required']} | {words['neutral']} | "
             f"{words['description']} | {words['example']} |",
             "|---|---|---|---|---|---|"]
    nested = []
    for name, child in node.get("properties", {}).items():
        example = child.get("examples", [None])[0]
        example_text = (
            f"`{_cell(json.dumps(example, ensure_ascii=False))}`"
            if example is not None and child.get("type") != "array"
            or (example is not None and "items" in child and child["items"].get("type") != "object")
            else ""
        )
        lines.append(f"| `{prefix}{name}` | {_type(child, lang, words)} | {words['yes'] if name in required else words['no']} | "
                     f"{words['yes'] if child.get('x-language-neutral') else words['no']} | "
                     f"{_cell(_describe(child, lang))} | {example_text} |")
        if child.get("type") == "array" and child.get("items", {}).get("type") == "object":
            nested.append((name, child))
    for name, child in nested:
        lines += ["", f"### {words['items_of']} `{name}`", "", *_table(child["items"], lang, f"{name}[].")]
        example = child.get("examples", [None])[0]
        if example is not None:
            lines += ["", f"{words['example']} :" if lang == "fr" else f"{words['example']}:", "", "```yaml", *_yaml(name, example), "```"]
    return lines


def _yaml(name: str, value: Any) -> list[str]:
    import yaml

    return yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip().split("\n")


def _vocabulary(vocabulary: Vocabulary, lang: str) -> list[str]:
    words = WORDS[lang]
    lines = [f"### {vocabulary.title[lang]} {{#{vocabulary.name}}}", "", vocabulary.definition[lang],
             f"(`schema/vocabularies/{vocabulary.name}.yml`)", "",
             f"| {words['id']} | {words['label']} | {words['definition']} |", "|---|---|---|"]
    for term in vocabulary.terms:
        lines.append(f"| `{term.id}` | {_cell(term.label[lang])} | {_cell(term.definition[lang])} |")
    return lines + [""]


def render_reference(lang: str) -> str:
    """The whole reference page in one language."""
    words = WORDS[lang]
    schema = case_schema()
    lines = [f"# {words['title']}", "", f"!!! note \"\"\n    {words['generated']}", "", words["intro"], "",
             f"## {words['fields']}", "", *_table(schema, lang), "", f"## {words['outline']}", "", words["outline_intro"], "",
             f"| id | {words['heading']} | {words['guidance']} |", "|---|---|---|"]
    lines += [f"| `{s['id']}` | `## {s['heading'][lang]} {{#{s['id']}}}` | {_cell(s['guidance'][lang])} |" for s in outline()]
    lines += ["", f"## {words['vocabularies']}", ""]
    for vocabulary in load_vocabularies().values():
        lines += _vocabulary(vocabulary, lang)
    return "\n".join(lines).rstrip() + "\n"


def reference_files() -> dict[str, str]:
    """Relative path under docs/ -> expected content, for both languages."""
    return {f"reference/format.{lang}.md": render_reference(lang) for lang in ("en", "fr")}
