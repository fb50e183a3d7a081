"""The command line's own texts in English and French (command_line.yml): each command's help,
description, epilog and messages, each option's help, and argparse's texts (usage, headings,
errors).

The language is chosen before the parser is built, from the arguments (--ui-lang, then --lang)
or else the locale, because argparse writes its headings when the parser is made."""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any, TypedDict

import yaml

from odimpact.languages import DEFAULT, LANGUAGES, locale_language
from odimpact.typography import typeset_table

# The options that name the language of messages, the most specific first: `new` takes --lang
# for the file's language and --ui-lang for its questions and messages.
LANGUAGE_OPTIONS = ("--ui-lang", "--lang")
# A section's texts that the tools write into contributors' files (the template's comments, the
# marker `new --translate` leaves beside each original): kept with plain spaces, which any editor
# shows and a contributor can retype, and as the files already hold them.
WRITTEN = "written"


class ProgramTexts(TypedDict):
    description: str
    epilog: str


class ParserTexts(ProgramTexts):
    help: str


@cache
def catalogue() -> dict[str, Any]:
    """command_line.yml, each text in its language's typography (odimpact.typography's one rule)."""
    raw = yaml.safe_load(
        resources.files("odimpact").joinpath("command_line.yml").read_text(encoding="utf-8")
    )
    return {name: _typeset_section(name, entry) for name, entry in raw.items()}


def _typeset_section(name: str, entry: dict[str, Any]) -> dict[str, Any]:
    """A section, each text in its language's typography but for the texts written into files."""
    if name == "argparse":  # French only, keyed by argparse's English
        return typeset_table(entry, "fr")
    return {
        part: texts if part == WRITTEN else typeset_table(texts) for part, texts in entry.items()
    }


def language_of(argv: Sequence[str]) -> str:
    """The language the command line speaks for these arguments: the last --ui-lang, else the
    last --lang, given as a known language; else the locale's."""
    for option in LANGUAGE_OPTIONS:
        values = [
            value for name, value in _option_values(argv) if name == option and value in LANGUAGES
        ]
        if values:
            return values[-1]
    return locale_language()


def _option_values(argv: Sequence[str]) -> Iterator[tuple[str, str]]:
    for index, token in enumerate(argv):
        if token == "--":
            return
        name, equals, value = token.partition("=")
        if equals:
            yield name, value
        elif index + 1 < len(argv):
            yield token, argv[index + 1]


class CommandTexts:
    """The help texts of one command in one language."""

    def __init__(self, command: str, lang: str) -> None:
        self.command = command
        self.lang = lang

    def parser(self) -> ParserTexts:
        """help, description and epilog, as add_parser takes them."""
        entry = catalogue()[self.command]
        return ParserTexts(
            help=entry["help"][self.lang],
            description=entry["description"][self.lang],
            epilog=entry["epilog"][self.lang],
        )

    def option(self, name: str) -> str:
        """The help of an option (by its first option string) or of a positional argument (by
        its name): the command's own, else the one shared by every command."""
        own = catalogue()[self.command].get("options", {})
        return (own.get(name) or catalogue()["common"]["options"][name])[self.lang]


def say(command: str, key: str, lang: str, **values: object) -> str:
    """One of a command's messages (command_line.yml: <command>.messages.<key>) in `lang`,
    filled."""
    return str(catalogue()[command]["messages"][key][lang]).format(**values)


def written(section: str, key: str, lang: str, **values: object) -> str:
    """A text a tool writes into a contributor's file (command_line.yml: <section>.written)."""
    return str(catalogue()[section][WRITTEN][key][lang]).format(**values)


def top_level(lang: str) -> ProgramTexts:
    """The description and epilog of `odimpact --help`."""
    entry = catalogue()["odimpact"]
    return ProgramTexts(description=entry["description"][lang], epilog=entry["epilog"][lang])


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own texts in `lang` while the parser is built and parses. argparse looks its
    texts up through the names `_` and `ngettext` it imported from gettext; they are swapped
    for the catalogue's and put back afterwards, so nothing outlives the call."""
    if lang == DEFAULT:
        yield
        return
    table: dict[str, str] = catalogue()["argparse"]
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        return table.get(message, message)

    def translate_plural(singular: str, plural: str, count: int) -> str:
        return translate(gettext.ngettext(singular, plural, count))

    argparse._, argparse.ngettext = translate, translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
