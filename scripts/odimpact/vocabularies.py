"""Controlled vocabularies: one YAML file each under schema/vocabularies/, the single source of
allowed values, their English and French labels and their definitions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from odimpact.paths import VOCABULARY_DIR, VOCABULARY_SCHEMA
from odimpact.typography import typeset


@dataclass(frozen=True)
class Term:
    """One allowed value with its labels, definitions and any extra mappings."""

    id: str | int
    label: dict[str, str]
    definition: dict[str, str]
    extra: dict[str, Any]


@dataclass(frozen=True)
class Vocabulary:
    """A named list of terms, in the order the file gives them."""

    name: str
    title: dict[str, str]
    definition: dict[str, str]
    terms: tuple[Term, ...]

    def ids(self) -> list[str | int]:
        """The allowed values, in order."""
        return [term.id for term in self.terms]

    def label(self, term_id: str | int, lang: str) -> str:
        """The reader-facing label of a value in one language."""
        for term in self.terms:
            if term.id == term_id:
                return term.label[lang]
        raise KeyError(f"{self.name}: no term {term_id!r}")

    def term(self, term_id: str | int) -> Term:
        """The term with this id."""
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(f"{self.name}: no term {term_id!r}")


def _typeset(texts: dict[str, str]) -> dict[str, str]:
    """A text in each language, each with its language's typography (French spacing), so that no
    vocabulary file needs spacing by hand."""
    return {lang: typeset(value, lang) for lang, value in texts.items()}


def _read(path: Path) -> Vocabulary:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = tuple(
        Term(
            id=item["id"],
            label=_typeset(item["label"]),
            definition=_typeset(item["definition"]),
            extra={k: v for k, v in item.items() if k not in {"id", "label", "definition"}},
        )
        for item in raw["terms"]
    )
    return Vocabulary(
        name=path.stem,
        title=_typeset(raw["name"]),
        definition=_typeset(raw["definition"]),
        terms=terms,
    )


@cache
def load_vocabularies(directory: Path = VOCABULARY_DIR) -> dict[str, Vocabulary]:
    """Every vocabulary, by file name without extension (`sectors`, `licences`...)."""
    return {path.stem: _read(path) for path in sorted(directory.glob("*.yml"))}


def vocabulary_schema(vocabularies: dict[str, Vocabulary]) -> dict[str, Any]:
    """The JSON Schema $defs that the case schema references, generated from the vocabularies."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": (
            "GENERATED from schema/vocabularies/*.yml by `odimpact regenerate`: do not edit."
        ),
        "$defs": {
            name: {
                "enum": vocabulary.ids(),
                "x-vocabulary": name,
                "description": vocabulary.definition["en"],
                "x-description-fr": vocabulary.definition["fr"],
            }
            for name, vocabulary in vocabularies.items()
        },
    }


def render_vocabulary_schema() -> str:
    """The text of schema/vocabularies.schema.json as it should be."""
    return json.dumps(vocabulary_schema(load_vocabularies()), ensure_ascii=False, indent=2) + "\n"


def write_vocabulary_schema(path: Path = VOCABULARY_SCHEMA) -> bool:
    """Regenerate the vocabulary schema; returns True when the file changed."""
    text = render_vocabulary_schema()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
