"""Every sentence the site shows readers, in English and French: strings.yml, one data file."""
from __future__ import annotations

from pathlib import Path

import yaml

from odimpact.typography import typeset

# Each language's typography is applied here, once, so the catalogue never needs spacing by hand.
STRINGS: dict[str, dict[str, str]] = {
    key: {lang: typeset(value, lang) for lang, value in entry.items()}
    for key, entry in yaml.safe_load((Path(__file__).with_name("strings.yml")).read_text(encoding="utf-8")).items()
}


def text(key: str, lang: str, **values: object) -> str:
    """One reader-facing string in `lang`, with {placeholders} filled."""
    return STRINGS[key][lang].format(**values)


def case_count(count: int, lang: str, formatted: str) -> str:
    """'1 case' / '12 cases' with the number already formatted for `lang`."""
    return text("case_count_one", lang) if count == 1 else text("case_count", lang, count=formatted)


def contributor_name(name: str, lang: str) -> str:
    """A contributor as readers of `lang` see them: the editors' collective name, written in front
    matter in any language (contributors is language-neutral), in `lang`; a person's name as written."""
    return text("editors", lang) if name in STRINGS["editors"].values() else name
