"""The data dictionary page: every column of every export file, what it means and its allowed
values with their labels, generated from the same column table, schema and vocabularies as the
exports themselves (so it cannot drift from them)."""

from __future__ import annotations

from collections.abc import Callable

from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column, describe
from odimpact.publication.datapackage import FRICTIONLESS_TYPES
from odimpact.publication.strings import text
from odimpact.vocabularies import Vocabulary, load_vocabularies

# A vocabulary's table: the headings of its columns, as the format reference gives them too.
VOCABULARY_HEADINGS = ("vocabulary_value", "vocabulary_label", "vocabulary_definition")
# The files and what each holds (strings.yml: dictionary_file_<key>), in the page's order.
FILES = (
    ("cases.csv", "cases"),
    ("impacts.csv", "impacts"),
    ("cases.json", "json"),
    ("datapackage.json", "package"),
)


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


def _type(column: Column, lang: str) -> str:
    """A column's type in words: its Table Schema type's, a date's with how it is written."""
    pattern = text("date_pattern", lang)
    return text(f"dictionary_type_{FRICTIONLESS_TYPES[column.kind]}", lang, pattern=pattern)


def _heading_rows(keys: tuple[str, ...], lang: str) -> list[str]:
    """A Markdown table's heading row, each heading from the catalogue, and the line under it."""
    return [f"| {' | '.join(text(key, lang) for key in keys)} |", f"|{'---|' * len(keys)}"]


def _columns_table(columns: tuple[Column, ...], lang: str) -> list[str]:
    headings = ("dictionary_column", "field_type", "dictionary_meaning", "allowed_values")
    lines = _heading_rows(headings, lang)
    for column in columns:
        kind = _type(column, lang)
        values = (
            f"[{load_vocabularies()[column.vocabulary].title[lang]}](#vocabulary-{column.vocabulary})"
            if column.vocabulary and column.kind in ("id", "ids")
            else ""
        )
        lines.append(f"| `{column.name}` | {kind} | {cell(describe(column, lang))} | {values} |")
    return lines


def _vocabulary_table(vocabulary: Vocabulary, lang: str) -> list[str]:
    lines = [
        f"### {vocabulary.title[lang]} {{#vocabulary-{vocabulary.name}}}",
        "",
        cell(vocabulary.definition[lang]),
        "",
        *_heading_rows(VOCABULARY_HEADINGS, lang),
    ]
    return (
        lines
        + [
            f"| `{term.id}` | {cell(term.label[lang])} | {cell(term.definition[lang])} |"
            for term in vocabulary.terms
        ]
        + [""]
    )


def files_table(lang: str, data_href: Callable[[str], str]) -> list[str]:
    """The export files, linked, with what each holds (Markdown table lines)."""
    lines = _heading_rows(("dictionary_file", "dictionary_what"), lang)
    return lines + [
        f'| <a href="{data_href(name)}"><code>{name}</code></a> | '
        f"{text(f'dictionary_file_{key}', lang)} |"
        for name, key in FILES
    ]


def render_dictionary(lang: str, data_href: Callable[[str], str], format_href: str) -> str:
    """The data dictionary page in `lang` (Markdown); links are HTML so that they are page-relative
    as given."""
    used = sorted(
        {
            c.vocabulary
            for c in CASE_COLUMNS + IMPACT_COLUMNS
            if c.vocabulary and c.kind in ("id", "ids")
        }
    )
    lines = [
        f"# {text('dictionary_title', lang)}",
        "",
        text("dictionary_intro", lang),
        "",
        text("dictionary_format", lang, format=format_href),
        "",
        f"## {text('dictionary_files', lang)}",
        "",
        *files_table(lang, data_href),
        "",
        text("dictionary_explore", lang),
        "",
        "## cases.csv",
        "",
        *_columns_table(CASE_COLUMNS, lang),
        "",
        "## impacts.csv",
        "",
        *_columns_table(IMPACT_COLUMNS, lang),
        "",
        f"## {text('dictionary_vocabularies', lang)}",
        "",
    ]
    for name in used:
        lines += _vocabulary_table(load_vocabularies()[name], lang)
    return "\n".join(lines).rstrip() + "\n"
