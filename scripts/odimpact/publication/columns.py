"""The columns of cases.csv and impacts.csv: one table that the exports, the data package and the
data dictionary all read, so a column is named, typed and described in exactly one place.

Descriptions come from the case schema (English `description`, French `x-description-fr`);
columns that the schema does not have (labels, counts, addresses) in the site's catalogue
(strings.yml: export_description_<field>, dots as underscores).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from odimpact.publication.strings import STRINGS, text
from odimpact.schema import case_schema, field_vocabularies
from odimpact.typography import typeset

# How a multi-valued field is written in one CSV cell: values joined by "|"; a "|" or "\" inside a
# value (possible only in free text such as a dataset name) is escaped with a backslash.
SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    """One column: `field` is the schema path it comes from ("period.start", "datasets.name")."""

    name: str
    field: str
    kind: str  # text, integer, number, date, url, boolean, id, ids, label, labels, list, count
    vocabulary: str | None = None

    @property
    def many(self) -> bool:
        """True when a cell holds several values (joined, see SEPARATOR)."""
        return self.kind in ("ids", "labels", "list")


def _vocabulary_columns(field: str, many: bool) -> list[Column]:
    """The ids and the labels of a field that takes a vocabulary's values (the schema says
    which)."""
    vocabulary = field_vocabularies()[field]
    if many:
        return [
            Column(field, field, "ids", vocabulary),
            Column(f"{field}_labels", field, "labels", vocabulary),
        ]
    return [
        Column(field, field, "id", vocabulary),
        Column(f"{field}_label", field, "label", vocabulary),
    ]


CASE_COLUMNS: tuple[Column, ...] = (
    Column("id", "id", "text"),
    Column("url", "url", "url"),
    Column("title", "title", "text"),
    Column("summary", "summary", "text"),
    Column("awaiting_translation", "awaiting_translation", "boolean"),
    *_vocabulary_columns("jurisdiction", False),
    *_vocabulary_columns("effects_in", True),
    Column("communities", "communities", "list"),
    *_vocabulary_columns("government_level", False),
    Column("place", "place", "text"),
    *_vocabulary_columns("sectors", True),
    *_vocabulary_columns("impact_types", True),
    *_vocabulary_columns("impact_dimensions", True),
    *_vocabulary_columns("reusers", True),
    *_vocabulary_columns("reuse_purposes", True),
    *_vocabulary_columns("enabling_conditions", True),
    *_vocabulary_columns("challenges", True),
    Column("period_start", "period.start", "integer"),
    Column("period_end", "period.end", "integer"),
    Column("ongoing", "period.ongoing", "boolean"),
    *_vocabulary_columns("evidence_strength", False),
    Column("datasets", "datasets.name", "list"),
    Column("dataset_publishers", "datasets.publisher", "list"),
    Column("organisations", "organisations.name", "list"),
    Column("impact_count", "impacts", "count"),
    Column("strongest_figure", "strongest_figure", "id", "figure-kinds"),
    Column("strongest_figure_label", "strongest_figure", "label", "figure-kinds"),
    Column("verified_figure_count", "verified_figure_count", "integer"),
    Column("source_count", "sources", "count"),
    Column("independent_source_count", "independent_source_count", "integer"),
    Column("published", "published", "date"),
    Column("reviewed", "reviewed", "date"),
    Column("contributors", "contributors", "list"),
    Column("licence", "licence", "id", field_vocabularies()["licence"]),
    Column("related", "related", "list"),
    Column("keywords", "keywords", "list"),
)

IMPACT_COLUMNS: tuple[Column, ...] = (
    Column("case_id", "id", "text"),
    Column("case_url", "url", "url"),
    Column("impact_number", "impact_number", "integer"),
    Column("measure", "impacts.measure", "text"),
    Column("kind", "impacts.kind", "id", field_vocabularies()["impacts.kind"]),
    Column("kind_label", "impacts.kind", "label", field_vocabularies()["impacts.kind"]),
    Column("qualifier", "impacts.qualifier", "id", field_vocabularies()["impacts.qualifier"]),
    Column("value", "impacts.value", "number"),
    Column("min", "impacts.min", "number"),
    Column("max", "impacts.max", "number"),
    Column("unit", "impacts.unit", "text"),
    Column("currency", "impacts.currency", "text"),
    Column("year", "impacts.year", "integer"),
    Column("baseline_value", "impacts.baseline.value", "number"),
    Column("baseline_year", "impacts.baseline.year", "integer"),
    Column("baseline_start", "impacts.baseline.period.start", "integer"),
    Column("baseline_end", "impacts.baseline.period.end", "integer"),
    Column("comparison", "impacts.comparison", "text"),
    Column("note", "impacts.note", "text"),
    Column("source_id", "impacts.source", "text"),
    Column("locator", "impacts.locator", "text"),
    Column("quote", "impacts.quote", "text"),
    Column("verified", "verified", "boolean"),
    Column("source_title", "sources.title", "text"),
    Column("source_descriptive_title", "sources.descriptive_title", "boolean"),
    Column("source_publisher", "sources.publisher", "text"),
    Column("source_date", "sources.date", "text"),
    Column("source_url", "sources.url", "url"),
    Column("source_kind", "sources.kind", "id", field_vocabularies()["sources.kind"]),
    Column(
        "source_independence",
        "sources.independence",
        "id",
        field_vocabularies()["sources.independence"],
    ),
    Column("source_accessed", "sources.accessed", "date"),
    Column("source_archived", "sources.archived", "url"),
)


def schema_node(field: str) -> dict[str, Any]:
    """The schema of a field path such as "period.start" or "datasets.name" (items are stepped
    into)."""
    node: dict[str, Any] = case_schema()
    for step in field.split("."):
        if node.get("type") == "array":
            node = node.get("items", {})
        node = node.get("properties", {}).get(step, {})
    return node


def describe(column: Column, lang: str) -> str:
    """What the column holds, in `lang`."""
    if column.kind in ("label", "labels"):
        return text(f"export_{column.kind}_description", lang, field=column.field)
    own = column.field.replace(".", "_")
    if f"export_description_{own}" in STRINGS:
        return text(f"export_description_{own}", lang)
    node = schema_node(column.field)
    french = typeset(node.get("x-description-fr", ""), lang)
    described = node.get("description", "") if lang == "en" else french
    return described + (text("export_list_note", lang) if column.kind in ("ids", "list") else "")


def join_values(values: list[Any]) -> str:
    """Several values in one cell (see SEPARATOR)."""
    return SEPARATOR.join(str(value).replace("\\", "\\\\").replace("|", "\\|") for value in values)


def split_values(cell: str) -> list[str]:
    """The inverse of join_values."""
    if cell == "":
        return []
    values, current, escaped = [], [], False
    for character in cell:
        if escaped:
            current.append(character)
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == SEPARATOR:
            values.append("".join(current))
            current = []
        else:
            current.append(character)
    values.append("".join(current))
    return values
