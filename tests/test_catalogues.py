"""The site's string catalogue (publication/strings.yml and documents.yml) holds exactly the strings
the code asks for: every key asked for exists, every key is asked for (no dead entries)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from odimpact.publication.strings import CATALOGUES, STRINGS, load_catalogues

REPO = Path(__file__).resolve().parents[1]
SOURCES = [*(REPO / "scripts" / "odimpact").rglob("*.py"), *(REPO / "overrides").rglob("*.html")]
LITERAL = re.compile(r"""(?:\b|odimpact_)text\(\s*["']([a-z0-9_]+)["']""")
# Keys made at run time: text(f"chart_{facet}", ...) or text(f"{key}_title", ...).
DYNAMIC = re.compile(r"""\btext\(\s*f["']([a-z0-9_]*)\{[^}]*\}([a-z0-9_]*)["']""")


def _code() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def test_every_key_asked_for_exists() -> None:
    missing = sorted(set(LITERAL.findall(_code())) - set(STRINGS))
    assert not missing


def test_every_key_is_asked_for() -> None:
    code = _code()
    literal = set(LITERAL.findall(code))
    families = DYNAMIC.findall(code)
    # keys passed on to text() by a caller
    quoted = set(re.findall(r"""["']([a-z0-9_]+)["']""", code))
    dead = [
        key
        for key in STRINGS
        if key not in literal
        and key not in quoted
        and not any(
            key.startswith(prefix) and key.endswith(suffix) and (prefix or suffix)
            for prefix, suffix in families
        )
    ]
    assert not dead


def test_validator_messages_take_ids_and_say_them_in_their_language() -> None:
    """Problems carry ids, never words: no template asks for a value already in one language
    (`found_fr`); every format spec names a way of saying an id (odimpact.problems.SAYINGS); both
    languages take the same values; and every word list entry is in both languages."""
    from string import Formatter

    from odimpact.languages import LANGUAGES
    from odimpact.problems import SAYINGS, catalogue, render, words

    for code, templates in catalogue().items():
        fields = {}
        for lang, template in templates.items():
            parsed = {(name, spec) for _, name, spec, _ in Formatter().parse(template) if name}
            assert not any(
                name.endswith(tuple(f"_{code}" for code in LANGUAGES)) for name, _ in parsed
            ), (code, lang)
            assert all(spec in SAYINGS or not spec for _, spec in parsed), (code, lang)
            fields[lang] = {name for name, _ in parsed}
        assert len({frozenset(names) for names in fields.values()}) == 1, code
    assert all(
        set(entry) == set(LANGUAGES) for listed in words().values() for entry in listed.values()
    )
    # An id said in each language: the schema's "integer", the language "fr", candidate values.
    assert render(
        "schema-type", "fr", {"expected": "integer", "found": "string", "value": "x"}
    ).startswith("attendu\u00a0: un nombre entier; trouvé\u00a0: du texte")
    assert "this file should be in French but" in render(
        "language-mismatch", "en", {"expected": "fr", "found": "en"}
    )
    # an id a word list lacks is shown as it is: a report never fails
    assert "found synthetic-kind " in render("schema-type", "en", {"found": "synthetic-kind"})
    assert "(vouliez-vous dire 'a', 'b'?)" in render(
        "schema-unknown-field", "fr", {"name": "c", "suggestions": ["a", "b"]}
    )


def test_a_key_in_two_catalogue_files_is_refused(tmp_path: Path) -> None:
    """strings.yml and documents.yml are one lookup: a key in both would hide one of its texts."""
    first, second = CATALOGUES
    (tmp_path / first).write_text("shared:\n  en: One\n  fr: Un\n", encoding="utf-8")
    repeated = "own:\n  en: Two\n  fr: Deux\nshared:\n  en: Three\n  fr: Trois\n"
    (tmp_path / second).write_text(repeated, encoding="utf-8")
    with pytest.raises(ValueError, match=f"{second}: keys already in another catalogue: shared"):
        load_catalogues(tmp_path)
    (tmp_path / second).write_text("own:\n  en: 'Two: 2'\n  fr: 'Deux : 2'\n", encoding="utf-8")
    assert load_catalogues(tmp_path)["own"] == {"en": "Two: 2", "fr": "Deux\u00a0: 2"}
