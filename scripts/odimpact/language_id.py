"""Which official language a text is in: py3langid's bundled model, limited to English and
French."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["en", "fr"])
    return identifier


def language_of(text: str) -> str:
    """'en' or 'fr', whichever the text reads as (500 characters decide reliably and keep it
    fast)."""
    found, _ = _identifier().classify(text[:500])
    return str(found)


def language_and_confidence(text: str) -> tuple[str, float]:
    """'en' or 'fr', and how sure the model is (0.5 to 1): short texts need a high bar."""
    found, probability = _identifier().classify(text[:500])
    return str(found), float(probability)
