"""The questions `odimpact new` asks, each with its check, in the contributor's language."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from odimpact.contrib.choices import ChoiceError, check_id, check_term, check_terms, split_values
from odimpact.reading import BIDI_CONTROL, CONTROL
from odimpact.vocabularies import load_vocabularies

Check = Callable[[str, str], Any]


@dataclass(frozen=True)
class Question:
    """One value to obtain: its option name, the question in both languages, the check of an answer."""

    dest: str
    prompt: dict[str, str]
    check: Check
    vocabulary: str | None = None


def _title(value: str, lang: str) -> str:
    # Composed (NFC) as the validator requires: some keyboards and systems type decomposed accents.
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if CONTROL.search(text) or BIDI_CONTROL.search(text):
        raise ChoiceError({"en": "a title cannot hold control or bidirectional characters.",
                           "fr": "un titre ne peut contenir de caractères de contrôle ou bidirectionnels."}[lang])
    if not 5 <= len(text) <= 160:
        raise ChoiceError({"en": "a title has 5 to 160 characters.", "fr": "un titre compte de 5 à 160 caractères."}[lang])
    return text


def _lang(value: str, lang: str) -> str:
    if value.strip() not in ("en", "fr"):
        raise ChoiceError({"en": "answer en or fr.", "fr": "répondez en ou fr."}[lang])
    return value.strip()


REQUIRED = (
    Question("lang", {"en": "Language you write the case in (en or fr)", "fr": "Langue dans laquelle vous rédigez (en ou fr)"}, _lang),
    Question("id", {"en": "Case id: lowercase words joined by hyphens, for example toronto-dinesafe",
                    "fr": "Identifiant : mots en minuscules reliés par des traits d'union, par exemple toronto-dinesafe"}, check_id),
    Question("title", {"en": "Title of the case", "fr": "Titre de l'étude de cas"}, _title),
    Question("jurisdiction", {"en": "Jurisdiction whose data is at the heart of the case",
                              "fr": "Administration dont les données sont au cœur du cas"},
             lambda value, lang: check_term("jurisdictions", value, lang), "jurisdictions"),
    Question("sectors", {"en": "Sectors, 1 to 3, main one first, separated by commas",
                         "fr": "Secteurs, de 1 à 3, le principal en premier, séparés par des virgules"},
             lambda value, lang: check_terms("sectors", split_values(value), lang, 1, 3), "sectors"),
    Question("impact_types", {"en": "Impact types, separated by commas", "fr": "Types d'incidences, séparés par des virgules"},
             lambda value, lang: check_terms("impact-types", split_values(value), lang), "impact-types"),
)


def menu(vocabulary: str, lang: str) -> str:
    """The allowed ids with their labels, one per line, shown before a question."""
    terms = load_vocabularies()[vocabulary].terms
    width = max(len(str(term.id)) for term in terms)
    return "\n".join(f"  {str(term.id):<{width}}  {term.label[lang]}" for term in terms)
