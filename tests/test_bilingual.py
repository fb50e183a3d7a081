"""English and French are equal: every string catalogue has both languages for every entry."""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

import pytest

from odimpact.command_line import catalogue as command_line_catalogue
from odimpact.problems import catalogue

LANGS = {"en", "fr"}
NOT_TEXT = {"LANGUAGE_PREFIX"}  # language-keyed tables that are not interface text (URL prefixes)


def _modules() -> list[ModuleType]:
    package = importlib.import_module("odimpact")
    names = [info.name for info in pkgutil.walk_packages(package.__path__, "odimpact.")]
    return [importlib.import_module(name) for name in sorted(names)]


def _turn(english: dict, french: dict, prefix: str = "") -> dict:
    """{en: {k: ...}, fr: {k: ...}} as {k: {en, fr}}; nested tables become dotted keys."""
    turned: dict = {}
    for key in set(english) | set(french):
        en, fr = english.get(key, ""), french.get(key, "")
        if isinstance(en, dict) or isinstance(fr, dict):
            turned.update(
                _turn(
                    en if isinstance(en, dict) else {},
                    fr if isinstance(fr, dict) else {},
                    f"{prefix}{key}.",
                )
            )
        else:
            turned[f"{prefix}{key}"] = {"en": en, "fr": fr}
    return turned


def _catalogues() -> list[tuple[str, dict]]:
    """Every module-level table of interface strings in the package, found rather than listed:
    {key: {en, fr}} tables, and {en: {...}, fr: {...}} tables turned the same way."""
    found = []
    for module in _modules():
        for attribute, value in vars(module).items():
            if (
                not isinstance(value, dict)
                or not value
                or attribute.startswith("_")
                or attribute in NOT_TEXT
            ):
                continue
            where = f"{module.__name__}.{attribute}"
            if set(value) == LANGS and all(isinstance(v, str) for v in value.values()):
                found.append((where, {"text": value}))
            elif set(value) == LANGS and all(isinstance(v, dict) for v in value.values()):
                found.append((where, _turn(value["en"], value["fr"])))
            elif all(
                isinstance(v, dict)
                and LANGS <= set(v)
                and all(isinstance(v[lang], str) for lang in LANGS)
                for v in value.values()
            ):
                found.append((where, value))
    return found


# {kind_en} pairs with {kind_fr}
PLACEHOLDER = re.compile(r"\{([a-z_]+?)(?:_en|_fr)?(?:![rs])?(?::[^}]*)?\}")


def _command_line() -> list[tuple[str, str, dict[str, str]]]:
    """Every {en, fr} text of command_line.yml (help and messages), by its dotted place."""
    found = []

    def walk(place: str, entry: object) -> None:
        if isinstance(entry, dict) and set(entry) == LANGS:
            found.append(("command_line.yml", place, entry))
        elif isinstance(entry, dict):
            for key, value in entry.items():
                walk(f"{place}.{key}" if place else str(key), value)

    walk(
        "",
        {
            section: entry
            for section, entry in command_line_catalogue().items()
            if section != "argparse"
        },
    )
    return found


def _all() -> list[tuple[str, str, dict[str, str]]]:
    entries = [
        ("messages.yml", code, texts) for code, texts in catalogue().items()
    ] + _command_line()
    for where, table in _catalogues():
        entries += [(where, str(key), texts) for key, texts in table.items()]
    return entries


def test_known_catalogues_are_found() -> None:
    found = {where for where, _ in _catalogues()}
    assert "odimpact.publication.strings.STRINGS" in found
    places = {place for _, place, _ in _command_line()}
    assert {
        "sync.messages.in-sync",
        "validate.messages.summary",
        "validate.options.--jobs",
    } <= places


@pytest.mark.parametrize(("where", "key", "texts"), _all(), ids=[f"{w}:{k}" for w, k, _ in _all()])
def test_entry_exists_in_both_languages(where: str, key: str, texts: dict[str, str]) -> None:
    assert isinstance(texts, dict), f"{where}:{key} is not a {{en, fr}} mapping"
    assert set(texts) >= {"en", "fr"}, f"{where}:{key} lacks a language"
    assert texts["en"].strip() and texts["fr"].strip(), f"{where}:{key} has an empty translation"
    assert sorted(PLACEHOLDER.findall(texts["en"])) == sorted(PLACEHOLDER.findall(texts["fr"])), (
        f"{where}:{key}: placeholders differ between English and French"
    )


def test_catalogues_are_not_empty() -> None:
    assert len(_all()) > 300


def _written_into_case_files(where: str, key: str) -> bool:
    """Comments the scaffold writes into a contributor's file, and the marker `new --translate`
    writes beside each original (command_line.yml: <section>.written.<key>): plain spaces, which
    any editor shows and a contributor can retype."""
    from odimpact.command_line import WRITTEN

    return where == "command_line.yml" and f".{WRITTEN}." in key


def test_every_french_text_is_set_by_the_one_spacing_rule() -> None:
    """Tables, catalogues and messages are typeset where they are loaded (odimpact.typography), so
    no French text reaches a reader or a terminal spaced another way; what is written into case
    files is left as typed."""
    from odimpact.typography import french_spacing

    entries = [
        (where, key, texts["fr"])
        for where, key, texts in _all()
        if isinstance(texts.get("fr"), str)
    ]
    unset = [
        (where, key)
        for where, key, french in entries
        if not _written_into_case_files(where, key) and french_spacing(french) != french
    ]
    assert unset == []
    written = [french for where, key, french in entries if _written_into_case_files(where, key)]
    assert any(" :" in french for french in written), "texts written into files are typeset at load"
