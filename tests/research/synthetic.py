"""Clearly synthetic cases for tests and benchmarks: every name, figure and address is invented
(the titles say so), values cycle through the vocabularies so every facet has several values."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from odimpact.outline import outline
from odimpact.vocabularies import load_vocabularies

SENTENCE = {"en": "Synthetic text invented for tests [s1].", "fr": "Texte synthétique inventé pour les tests [s1]."}


def synthetic_body(lang: str) -> str:
    """A body that follows the outline, one invented sentence per section."""
    return "".join(f"## {section['heading'][lang]} {{#{section['id']}}}\n\n{SENTENCE[lang]}\n\n" for section in outline())


def _pick(rng: random.Random, vocabulary: str, most: int) -> list[Any]:
    ids = load_vocabularies()[vocabulary].ids()
    return rng.sample(ids, rng.randint(1, min(most, len(ids))))


def synthetic_front_matter(index: int, lang: str, seed: int = 7) -> dict[str, Any]:
    """Front matter of synthetic case number `index` in `lang` (same facts in both languages)."""
    rng = random.Random(seed * 100_003 + index)
    case_id = f"synthetic-case-{index:05d}"
    start = rng.randint(1995, 2024)
    word = {"en": "Synthetic case", "fr": "Cas synthétique"}[lang]
    facts: dict[str, Any] = {
        "id": case_id, "lang": lang,
        "title": f"{word} {index}: {'fictional data' if lang == 'en' else 'données fictives'}",
        "summary": f"{word} {index}. " + ("Invented for tests; nothing here is real." if lang == "en"
                                          else "Inventé pour les tests; rien n'y est réel."),
        "status": "published", "translation": "complete",
        "jurisdiction": rng.choice(load_vocabularies()["jurisdictions"].ids()),
        "government_level": rng.choice(load_vocabularies()["government-levels"].ids()),
        "sectors": _pick(rng, "sectors", 3), "impact_types": _pick(rng, "impact-types", 2),
        "impact_dimensions": _pick(rng, "impact-dimensions", 2), "reusers": _pick(rng, "reusers", 2),
        "reuse_purposes": _pick(rng, "reuse-purposes", 2),
        "period": {"start": start, "end": rng.choice(["ongoing", min(start + rng.randint(0, 5), 2025)])},
        "evidence_strength": 1,
        "datasets": [{"name": f"Synthetic dataset {index % 5}", "publisher": f"Synthetic publisher {index % 3}",
                      "url": f"https://example.org/dataset/{index % 5}", "licence": "OGL-Canada-2.0"}],
        "organisations": [{"name": f"Synthetic publisher {index % 3}", "roles": ["data-publisher"]}],
        "sources": [{"id": "s1", "title": f"Synthetic source {index}", "publisher": "Example News",
                     "date": "2020-01", "url": f"https://example.org/source/{index}", "kind": "news",
                     "independence": "independent"},
                    {"id": "s2", "title": f"Synthetic report {index}", "publisher": "Example Agency",
                     "url": f"https://example.org/report/{index}", "kind": "evaluation", "independence": "data-publisher"}],
        "published": f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "reviewed": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "contributors": ["Synthetic Test Author"],
    }
    if index % 5 == 0:  # effects reached other places than the jurisdiction's own
        facts["effects_in"] = _pick(rng, "jurisdictions", 3)
    if index % 3 == 0:
        facts["impacts"] = [_figure(index, start, lang)]
        facts["evidence_strength"] = {"outcome": 2, "impact": 3}.get(facts["impacts"][0]["kind"], 1)
    return facts


def _figure(index: int, year: int, lang: str) -> dict[str, Any]:
    """One figure of each kind in turn; outcomes and impacts carry what their evidence level needs."""
    kinds = load_vocabularies()["figure-kinds"].ids()
    kind = kinds[(index // 3) % len(kinds)]
    value = 1000 + index
    figure: dict[str, Any] = {
        "measure": "Synthetic downloads" if lang == "en" else "Téléchargements fictifs", "kind": kind,
        "value": value, "unit": "downloads" if lang == "en" else "téléchargements", "year": year,
        "source": "s2" if kind == "impact" else "s1", "quote": f"Invented for tests: {value:,} downloads.",
    }
    if kind in ("outcome", "impact"):
        figure["baseline"] = {"value": value // 2, "year": year - 1}
    if kind == "impact":
        figure["comparison"] = "A fictional town without the data" if lang == "en" else "Une ville fictive sans les données"
    return figure


def case_text(facts: dict[str, Any], lang: str) -> str:
    """A case file: front matter (dates quoted, as the strict loader wants) and a short body."""
    front = yaml.safe_dump(facts, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n# SYNTHETIC: invented for tests.\n{front}---\n\n{synthetic_body(lang)}"


def write_synthetic_cases(cases_dir: Path, count: int, seed: int = 7) -> list[str]:
    """Write `count` bilingual synthetic cases under `cases_dir`; returns their ids."""
    ids = []
    for index in range(count):
        for lang in ("en", "fr"):
            facts = synthetic_front_matter(index, lang, seed)
            folder = cases_dir / facts["id"]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"index.{lang}.md").write_text(case_text(facts, lang), encoding="utf-8")
        ids.append(facts["id"])
    return ids
