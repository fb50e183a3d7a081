"""Checking values a contributor types (ids, vocabulary terms) before anything is written."""

from __future__ import annotations

import difflib
import re

from odimpact.command_line import say
from odimpact.layout import is_case_id
from odimpact.vocabularies import load_vocabularies


class ChoiceError(ValueError):
    """A typed value that is not allowed; the message is already in the contributor's language."""


def message(code: str, lang: str, **params: object) -> str:
    """One message of this module in one language."""
    return say("contrib-choices", code, lang, **params)


def check_id(value: str, lang: str) -> str:
    """The id unchanged, or ChoiceError: it becomes a folder name and a URL, so it is never repaired
    silently."""
    if not is_case_id(value):
        raise ChoiceError(message("bad-id", lang, value=value))
    return value


def _hint(value: str, ids: list[str], lang: str) -> str:
    close = difflib.get_close_matches(value, ids, n=3, cutoff=0.6)
    if not close:
        close = (
            [term for term in ids if term.lower().startswith(value.lower()[:3])][:3]
            if len(value) >= 3
            else []
        )
    if close:
        return message("did-you-mean", lang, choices=", ".join(repr(term) for term in close))
    return message("allowed", lang, choices=", ".join(ids))


def check_term(vocabulary: str, value: str, lang: str) -> str | int:
    """The vocabulary id written as typed (numbers for numeric vocabularies), or ChoiceError with
    the closest ids."""
    ids = load_vocabularies()[vocabulary].ids()
    by_text = {str(term): term for term in ids}
    if value.strip() in by_text:
        return by_text[value.strip()]
    raise ChoiceError(
        message(
            "bad-term",
            lang,
            value=value.strip(),
            vocabulary=vocabulary,
            hint=_hint(value.strip(), list(by_text), lang),
        )
    )


def split_values(text: str) -> list[str]:
    """'health, transport' or 'health transport' -> ['health', 'transport']."""
    return [part for part in re.split(r"[,\s]+", text.strip()) if part]


def check_terms(
    vocabulary: str, values: list[str], lang: str, low: int = 1, high: int = 99
) -> list[str | int]:
    """Several vocabulary ids, each checked, between `low` and `high` of them, without repeats."""
    terms = [check_term(vocabulary, value, lang) for value in values]
    if not low <= len(terms) <= high or len(set(terms)) != len(terms):
        raise ChoiceError(message("count", lang, low=low, high=high, count=len(terms)))
    return terms
