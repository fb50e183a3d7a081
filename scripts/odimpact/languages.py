"""The site's two official languages: everything said about each, in one record.

Other modules ask this one for a language's other language, locale, BCP 47 tag, URL prefix or
name, instead of typing them: a third language, or a change of prefix, is made here."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as in file names: index.en.md
    other: str  # the other official language's code
    locale: str  # Open Graph and Babel: en_CA
    tag: str  # BCP 47, for lang attributes, feeds and citations: en-CA
    prefix: str  # where its pages sit on the site: "" (the root) or "fr/"
    own_name: str  # its name in itself, for the language switcher
    # its name in each language, in running text: {"en": "French", "fr": "français"}
    names: dict[str, str]


ENGLISH = Language("en", "fr", "en_CA", "en-CA", "", "English", {"en": "English", "fr": "anglais"})
FRENCH = Language(
    "fr", "en", "fr_CA", "fr-CA", "fr/", "Français", {"en": "French", "fr": "français"}
)
BY_CODE = {language.code: language for language in (ENGLISH, FRENCH)}
LANGUAGES = tuple(BY_CODE)  # ("en", "fr"): English first, the site's default
DEFAULT = LANGUAGES[0]


def language(code: str) -> Language:
    """The record of a language code; KeyError for a code the site does not publish in."""
    return BY_CODE[code]


def other(code: str) -> str:
    return BY_CODE[code].other


def language_of_url(url: str) -> str:
    """The language of a site-relative page URL, from its prefix ("fr/cases/x/" is French)."""
    return next(
        (lang.code for lang in BY_CODE.values() if lang.prefix and url.startswith(lang.prefix)),
        DEFAULT,
    )


def without_prefix(url: str) -> str:
    """A site-relative URL made language-relative: "fr/cases/x/" -> "cases/x/"."""
    return url.removeprefix(BY_CODE[language_of_url(url)].prefix)


def locale_language() -> str:
    """The language of messages from the user's locale (ODIMPACT_LANG first): French when it is
    French, else the default language."""
    for name in ("ODIMPACT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return next((code for code in LANGUAGES if value.lower().startswith(code)), DEFAULT)
    return DEFAULT
