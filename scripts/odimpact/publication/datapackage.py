"""The Frictionless Data Package (v1) that describes the exports of one language: field types,
descriptions from the schema and allowed values from the vocabularies."""
from __future__ import annotations

from typing import Any

from odimpact.publication.columns import CASE_COLUMNS, IMPACT_COLUMNS, Column, describe
from odimpact.typography import typeset_words
from odimpact.urls import SiteUrls
from odimpact.vocabularies import load_vocabularies

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}  # by format (a file's extension)
FRICTIONLESS_TYPES = {
    "text": "string", "url": "string", "id": "string", "ids": "string", "label": "string",
    "labels": "string", "list": "string", "integer": "integer", "count": "integer",
    "number": "number", "date": "date", "boolean": "boolean",
}
WORDS = {
    "en": {
        "title": "Open Data Impact Canada: case studies (English)",
        "description": (
            "Case studies of the social and economic impact of open government data in Canada, as "
            "published on the site in English. Multi-valued cells are joined by `|`."
        ),
        "cases": "One row per published case study.",
        "impacts": "One row per quantified impact, with the source that supports it.",
        "json": ("Every published case with its full front matter, and the English labels of every vocabulary. "
                 "`period.end` is a year or null; `period.ongoing` is true or false."),
        "licence": "Creative Commons Attribution 4.0",
    },
    "fr": {
        "title": "Incidences des données ouvertes au Canada : études de cas (français)",
        "description": (
            "Études de cas sur les incidences sociales et économiques des données ouvertes "
            "gouvernementales au Canada, telles que publiées sur le site en français. Les cellules "
            "à valeurs multiples les séparent par `|`."
        ),
        "cases": "Une ligne par étude de cas publiée.",
        "impacts": "Une ligne par incidence chiffrée, avec la source qui l'appuie.",
        "json": ("Chaque étude de cas publiée avec tout son en-tête, et les libellés français de chaque vocabulaire. "
                 "`period.end` est une année ou null; `period.ongoing` vaut true ou false."),
        "licence": "Creative Commons Attribution 4.0",
    },
}
WORDS = typeset_words(WORDS)  # French spacing by the one rule, not by hand


def field_type(column: Column) -> str:
    """The Table Schema type of a column: a vocabulary's ids are integers when all of them are."""
    if column.kind == "id" and column.vocabulary and all(isinstance(value, int) for value in load_vocabularies()[column.vocabulary].ids()):
        return "integer"
    return FRICTIONLESS_TYPES[column.kind]


def field_descriptor(column: Column, lang: str) -> dict[str, Any]:
    """One Table Schema field."""
    descriptor: dict[str, Any] = {"name": column.name, "type": field_type(column), "description": describe(column, lang)}
    if column.kind == "id" and column.vocabulary:
        descriptor["constraints"] = {"enum": load_vocabularies()[column.vocabulary].ids()}
    return descriptor


def _table(name: str, lang: str, columns: tuple[Column, ...], keys: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
        "format": "csv", "mediatype": MEDIA_TYPES["csv"], "encoding": "utf-8",
        "description": WORDS[lang][name],
        "schema": {"fields": [field_descriptor(column, lang) for column in columns], **keys},
    }


def datapackage(lang: str, urls: SiteUrls) -> dict[str, Any]:
    """datapackage.json for the exports of `lang`."""
    words = WORDS[lang]
    impact_keys = {
        "primaryKey": ["case_id", "impact_number"],
        "foreignKeys": [{"fields": "case_id", "reference": {"resource": "cases", "fields": "id"}}],
    }
    return {
        "profile": "data-package",
        "name": f"open-data-impact-canada-{lang}",
        "title": words["title"],
        "description": words["description"],
        "homepage": urls.absolute(lang, ""),
        "licenses": [{"name": "CC-BY-4.0", "path": LICENCE_URL, "title": words["licence"]}],
        "resources": [
            _table("cases", lang, CASE_COLUMNS, {"primaryKey": "id"}),
            _table("impacts", lang, IMPACT_COLUMNS, impact_keys),
            {"name": "cases-json", "path": "cases.json", "format": "json", "mediatype": MEDIA_TYPES["json"],
             "encoding": "utf-8", "description": words["json"]},
        ],
    }
