"""Synthetic cases for the site tests: every name, figure and address is invented."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from odimpact.paths import REPO_ROOT
from odimpact.reading import read_case_file

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"


def fixture_meta(lang: str) -> tuple[dict[str, Any], str]:
    """Front matter and body of the synthetic bus-data fixture in one language."""
    parsed = read_case_file(FIXTURE / f"index.{lang}.md", "fixture", lang)
    return copy.deepcopy(parsed.data), parsed.body


def write_case_file(folder: Path, lang: str, meta: dict[str, Any], body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"index.{lang}.md"
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def write_case(cases_dir: Path, case_id: str, langs: tuple[str, ...] = ("en", "fr"), **changes: Any) -> None:
    """A copy of the fixture under a new id, with front-matter changes applied to every language."""
    for lang in langs:
        meta, body = fixture_meta(lang)
        meta.update(id=case_id, **{k: v for k, v in changes.items() if not isinstance(v, dict) or k == "period"})
        for key, value in changes.items():
            if isinstance(value, dict) and set(value) == {"en", "fr"}:
                meta[key] = value[lang]
        if len(langs) == 1:
            meta["translation"] = "awaiting"
        write_case_file(cases_dir / case_id, lang, meta, body)


def synthetic_corpus(cases_dir: Path) -> None:
    """Cases with known facts: which are listed where, which carry which notice."""
    write_case(cases_dir, "synthetic-bus-data")
    write_case(
        cases_dir, "synthetic-clinic-waits",
        title={"en": "Synthetic example: clinic waiting times", "fr": "Exemple synthétique : temps d'attente en clinique"},
        summary={"en": "Synthetic test case. A fictional province publishes clinic waiting times and health researchers use them.",
                 "fr": "Cas de test synthétique. Une province fictive publie les temps d'attente en clinique; des chercheurs en santé s'en servent."},
        sectors=["health"], jurisdiction="CA-NB", impact_types=["social"], period={"start": 2019, "end": 2021},
        related=["synthetic-bus-data", "synthetic-draft-case"],
    )
    write_case(cases_dir, "synthetic-retired-case", status="retired", retired_notice={"en": "Synthetic: merged into another synthetic case.", "fr": "Synthétique : fusionné avec une autre étude de cas synthétique."},
               title={"en": "Synthetic retired case", "fr": "Étude de cas synthétique retirée"})
    write_case(cases_dir, "synthetic-draft-case", status="draft", title={"en": "Synthetic draft case", "fr": "Étude de cas synthétique à l'état d'ébauche"})
    write_case(cases_dir, "synthetic-english-only", langs=("en",), title={"en": "Synthetic case awaiting translation", "fr": ""}, sectors=["education"], jurisdiction="CA-YT")
