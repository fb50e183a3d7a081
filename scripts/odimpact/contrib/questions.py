"""The questions `odimpact new` asks, each with its check, in the contributor's language (the
words: command_line.yml, contrib-questions)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from odimpact.command_line import catalogue, say
from odimpact.contrib.choices import ChoiceError, check_id, check_term, check_terms, split_values
from odimpact.reading import BIDI_CONTROL, CONTROL
from odimpact.vocabularies import load_vocabularies

Check = Callable[[str, str], Any]


@dataclass(frozen=True)
class Question:
    """One value to obtain: its option name, the check of an answer, the vocabulary it is from."""

    dest: str
    check: Check
    vocabulary: str | None = None

    def prompt(self, lang: str) -> str:
        """The question, in `lang`."""
        return str(catalogue()["contrib-questions"]["questions"][self.dest][lang])


def _title(value: str, lang: str) -> str:
    # Composed (NFC) as the validator requires: some keyboards and systems type decomposed accents.
    text = unicodedata.normalize("NFC", " ".join(value.split()))
    if CONTROL.search(text) or BIDI_CONTROL.search(text):
        raise ChoiceError(say("contrib-questions", "title-control", lang))
    if not 5 <= len(text) <= 160:
        raise ChoiceError(say("contrib-questions", "title-length", lang))
    return text


def _lang(value: str, lang: str) -> str:
    if value.strip() not in ("en", "fr"):
        raise ChoiceError(say("contrib-questions", "lang-answer", lang))
    return value.strip()


REQUIRED = (
    Question("lang", _lang),
    Question("id", check_id),
    Question("title", _title),
    Question(
        "jurisdiction",
        lambda value, lang: check_term("jurisdictions", value, lang),
        "jurisdictions",
    ),
    Question(
        "sectors",
        lambda value, lang: check_terms("sectors", split_values(value), lang, 1, 3),
        "sectors",
    ),
    Question(
        "impact_types",
        lambda value, lang: check_terms("impact-types", split_values(value), lang),
        "impact-types",
    ),
)


def menu(vocabulary: str, lang: str) -> str:
    """The allowed ids with their labels, one per line, shown before a question."""
    terms = load_vocabularies()[vocabulary].terms
    width = max(len(str(term.id)) for term in terms)
    return "\n".join(f"  {str(term.id):<{width}}  {term.label[lang]}" for term in terms)
