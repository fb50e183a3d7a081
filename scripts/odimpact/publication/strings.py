"""Every sentence the site shows readers, in English and French, read from data files: strings.yml
(the site's pages) and documents.yml (the documents generated from the schema and committed under
docs/: the format reference, the interview guide and the consent form). One lookup reads both."""

from __future__ import annotations

from pathlib import Path

import yaml

from odimpact.typography import typeset

CATALOGUES = ("strings.yml", "documents.yml")


def load_catalogues(folder: Path = Path(__file__).parent) -> dict[str, dict[str, str]]:
    """Every file's entries, each in its language's typography, applied here once so that the
    catalogues never need spacing by hand. A key in two files would make one of them unreachable."""
    strings: dict[str, dict[str, str]] = {}
    for name in CATALOGUES:
        entries = yaml.safe_load((folder / name).read_text(encoding="utf-8"))
        repeated = sorted(set(entries) & set(strings))
        if repeated:
            raise ValueError(f"{name}: keys already in another catalogue: {', '.join(repeated)}")
        strings |= {
            key: {lang: typeset(value, lang) for lang, value in entry.items()}
            for key, entry in entries.items()
        }
    return strings


STRINGS = load_catalogues()


def text(key: str, lang: str, **values: object) -> str:
    """One reader-facing string in `lang`, with {placeholders} filled."""
    return STRINGS[key][lang].format(**values)


def case_count(count: int, lang: str, formatted: str) -> str:
    """'1 case' / '12 cases' with the number already formatted for `lang`."""
    return text("case_count_one", lang) if count == 1 else text("case_count", lang, count=formatted)


def contributor_name(name: str, lang: str) -> str:
    """A contributor as readers of `lang` see them: the editors' collective name, written in front
    matter in any language (contributors is language-neutral), in `lang`; a person's name as
    written."""
    return text("editors", lang) if name in STRINGS["editors"].values() else name
