"""The data dictionary page: every column of every export file, what it means and its allowed
values with their labels, generated from the same column table, schema and vocabularies as the
exports themselves (so it cannot drift from them)."""
from __future__ import annotations

from collections.abc import Callable

from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column, describe
from odimpact.publication.datapackage import FRICTIONLESS_TYPES
from odimpact.typography import typeset_words
from odimpact.vocabularies import Vocabulary, load_vocabularies

WORDS = {
    "en": {
        "title": "Data dictionary",
        "intro": ("The knowledge base is open data. Each language has its own files, at stable addresses; labels and "
                  "text are in that language, identifiers are the same in both. Files are UTF-8; CSV files have a "
                  "header row and use commas. In a CSV cell, several values are joined by `|` (a `|` or `\\` inside a "
                  "value is preceded by `\\`). Only published cases are included. Licence: CC BY 4.0."),
        "files": "Files", "file": "File", "what": "What it holds", "column": "Column", "type": "Type",
        "meaning": "Meaning", "values": "Allowed values", "vocabularies": "Allowed values and their labels",
        "id": "Value", "label": "Label", "definition": "Definition",
        "cases": "One row per published case.", "impacts": "One row per quantified impact, with the source that supports it.",
        "json": ("Every published case with its full front matter (the fields of the format "
                 "reference), plus `url` and `awaiting_translation`, and the labels of every "
                 "vocabulary. The period is typed as in cases.csv: `period.end` is a year or null, and "
                 "`period.ongoing` is true or false (a case file writes `end: ongoing`)."),
        "package": "Frictionless Data Package describing the files above (types, descriptions, allowed values).",
        "explore": ("The downloads of the page *Explore the cases* (CSV and JSON) hold the columns of cases.csv, "
                    "in the same order, for the cases it shows. In the JSON download, numbers and true / false values are "
                    "typed, a column that can hold several values is a list (empty when it holds none), and any other "
                    "empty cell is null."),
        "format": 'The fields of the case files themselves are described in the <a href="{format}">format reference</a>.',
    },
    "fr": {
        "title": "Dictionnaire de données",
        "intro": ("La base de connaissances est elle-même offerte en données ouvertes. Chaque langue a ses propres "
                  "fichiers, à des adresses stables; libellés et textes sont dans cette langue, les identifiants sont les "
                  "mêmes dans les deux. Les fichiers sont en UTF-8; les fichiers CSV ont une ligne d'en-tête et utilisent "
                  "la virgule. Dans une cellule CSV, les valeurs multiples sont séparées par `|` (un `|` ou un `\\` à "
                  "l'intérieur d'une valeur est précédé de `\\`). Seules les études de cas publiées y figurent. "
                  "Licence : CC BY 4.0."),
        "files": "Fichiers", "file": "Fichier", "what": "Contenu", "column": "Colonne", "type": "Type",
        "meaning": "Signification", "values": "Valeurs permises", "vocabularies": "Valeurs permises et leurs libellés",
        "id": "Valeur", "label": "Libellé", "definition": "Définition",
        "cases": "Une ligne par étude de cas publiée.", "impacts": "Une ligne par incidence chiffrée, avec la source qui l'appuie.",
        "json": ("Chaque étude de cas publiée avec tout son en-tête (les champs de la référence du "
                 "format), plus `url` et `awaiting_translation`, ainsi que les libellés de chaque "
                 "vocabulaire. La période y est typée comme dans cases.csv : `period.end` est une année ou "
                 "null, et `period.ongoing` vaut true ou false (un fichier d'étude de cas indique `end: ongoing`)."),
        "package": ("Paquet de données Frictionless (Data Package) qui décrit les fichiers "
                    "ci-dessus (types, descriptions, valeurs permises)."),
        "explore": ("Les téléchargements de la page *Explorer les études de cas* (CSV et JSON) contiennent les "
                    "colonnes de cases.csv, dans le même ordre, pour les études de cas affichées. Dans le téléchargement JSON, les nombres "
                    "et les valeurs true / false sont typés, une colonne à valeurs multiples devient une liste (vide si "
                    "elle n'en a aucune) et toute autre cellule vide vaut null."),
        "format": 'Les champs des fichiers d\'étude de cas sont décrits dans la <a href="{format}">référence du format</a>.',
    },
}
WORDS = typeset_words(WORDS)  # French spacing by the one rule, not by hand
TYPE_WORDS = {
    "string": ("text", "texte"), "integer": ("whole number", "nombre entier"), "number": ("number", "nombre"),
    "date": ("date (YYYY-MM-DD)", "date (AAAA-MM-JJ)"), "boolean": ("true / false", "true / false"),
}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _columns_table(columns: tuple[Column, ...], lang: str) -> list[str]:
    words = WORDS[lang]
    lines = [f"| {words['column']} | {words['type']} | {words['meaning']} | {words['values']} |", "|---|---|---|---|"]
    for column in columns:
        kind = TYPE_WORDS[FRICTIONLESS_TYPES[column.kind]][lang == "fr"]
        values = (f"[{load_vocabularies()[column.vocabulary].title[lang]}](#vocabulary-{column.vocabulary})"
                  if column.vocabulary and column.kind in ("id", "ids") else "")
        lines.append(f"| `{column.name}` | {kind} | {cell(describe(column, lang))} | {values} |")
    return lines


def _vocabulary_table(vocabulary: Vocabulary, lang: str) -> list[str]:
    words = WORDS[lang]
    lines = [f"### {vocabulary.title[lang]} {{#vocabulary-{vocabulary.name}}}", "", cell(vocabulary.definition[lang]), "",
             f"| {words['id']} | {words['label']} | {words['definition']} |", "|---|---|---|"]
    return lines + [f"| `{term.id}` | {cell(term.label[lang])} | {cell(term.definition[lang])} |" for term in vocabulary.terms] + [""]


def files_table(lang: str, data_href: Callable[[str], str]) -> list[str]:
    """The export files, linked, with what each holds (Markdown table lines)."""
    words = WORDS[lang]
    rows = [("cases.csv", "cases"), ("impacts.csv", "impacts"), ("cases.json", "json"), ("datapackage.json", "package")]
    lines = [f"| {words['file']} | {words['what']} |", "|---|---|"]
    return lines + [f'| <a href="{data_href(name)}"><code>{name}</code></a> | {words[key]} |' for name, key in rows]


def render_dictionary(lang: str, data_href: Callable[[str], str], format_href: str) -> str:
    """The data dictionary page in `lang` (Markdown); links are HTML so that they are page-relative as given."""
    words = WORDS[lang]
    used = sorted({c.vocabulary for c in CASE_COLUMNS + IMPACT_COLUMNS if c.vocabulary and c.kind in ("id", "ids")})
    lines = [f"# {words['title']}", "", words["intro"], "", words["format"].format(format=format_href), "",
             f"## {words['files']}", "", *files_table(lang, data_href), "", words["explore"], "",
             "## cases.csv", "", *_columns_table(CASE_COLUMNS, lang), "",
             "## impacts.csv", "", *_columns_table(IMPACT_COLUMNS, lang), "",
             f"## {words['vocabularies']}", ""]
    for name in used:
        lines += _vocabulary_table(load_vocabularies()[name], lang)
    return "\n".join(lines).rstrip() + "\n"
