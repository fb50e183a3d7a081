"""The Frictionless Data Package (v1) that describes the exports of one language: field types,
descriptions from the schema and allowed values from the vocabularies."""

from __future__ import annotations

from typing import Any

from odimpact.languages import language
from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column, describe
from odimpact.publication.strings import text
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}  # by format (a file's extension)
FRICTIONLESS_TYPES = {
    "text": "string",
    "url": "string",
    "id": "string",
    "ids": "string",
    "label": "string",
    "labels": "string",
    "list": "string",
    "integer": "integer",
    "count": "integer",
    "number": "number",
    "date": "date",
    "boolean": "boolean",
}


def field_type(column: Column) -> str:
    """The Table Schema type of a column: a vocabulary's ids are integers when all of them are."""
    if (
        column.kind == "id"
        and column.vocabulary
        and all(isinstance(value, int) for value in load_vocabularies()[column.vocabulary].ids())
    ):
        return "integer"
    return FRICTIONLESS_TYPES[column.kind]


def field_descriptor(column: Column, lang: str) -> dict[str, Any]:
    """One Table Schema field."""
    descriptor: dict[str, Any] = {
        "name": column.name,
        "type": field_type(column),
        "description": describe(column, lang),
    }
    if column.kind == "id" and column.vocabulary:
        descriptor["constraints"] = {"enum": load_vocabularies()[column.vocabulary].ids()}
    return descriptor


def _table(
    name: str, lang: str, columns: tuple[Column, ...], keys: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": name,
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": MEDIA_TYPES["csv"],
        "encoding": "utf-8",
        "description": text(f"datapackage_{name}", lang),
        "schema": {"fields": [field_descriptor(column, lang) for column in columns], **keys},
    }


def package_title(lang: str) -> str:
    """The title of a language's exports: the site's name and the language, named in itself."""
    own_name = language(lang).names[lang]
    return text("datapackage_title", lang, site=text("site_name", lang), language=own_name)


def datapackage(lang: str, urls: SiteUrls) -> dict[str, Any]:
    """datapackage.json for the exports of `lang`."""
    impact_keys = {
        "primaryKey": ["case_id", "impact_number"],
        "foreignKeys": [{"fields": "case_id", "reference": {"resource": "cases", "fields": "id"}}],
    }
    return {
        "profile": "data-package",
        "name": f"open-data-impact-canada-{lang}",
        "title": package_title(lang),
        "description": text("datapackage_description", lang),
        "homepage": urls.absolute(lang, ""),
        "licenses": [
            {"name": "CC-BY-4.0", "path": LICENCE_URL, "title": text("datapackage_licence", lang)}
        ],
        "resources": [
            _table("cases", lang, CASE_COLUMNS, {"primaryKey": "id"}),
            _table("impacts", lang, IMPACT_COLUMNS, impact_keys),
            {
                "name": "cases-json",
                "path": "cases.json",
                "format": "json",
                "mediatype": MEDIA_TYPES["json"],
                "encoding": "utf-8",
                "description": text("datapackage_json", lang),
            },
        ],
    }
