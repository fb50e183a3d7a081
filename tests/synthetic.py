"""Every synthetic corpus the tests and benchmarks use, made in one place outside the shipped
package: every name, figure and address is invented (ids and titles say "synthetic"), and none is
ever written under cases/ or published.

- Hand-made cases from the valid fixture, with changes (`write_case`, `synthetic_corpus`): the
  site tests' corpus, one case per situation a page must show.
- Cases drawn at random from the vocabularies (`synthetic_front_matter`, `write_synthetic_cases`):
  the research pages' and exports' tests, where every facet needs several values.
- Variations of the fixture at scale (`write_corpus`): the validation benchmark.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path
from typing import Any

import yaml

from odimpact.outline import outline
from odimpact.paths import REPO_ROOT
from odimpact.reading import read_case_file
from odimpact.vocabularies import load_vocabularies

# Hand-made cases from the valid fixture (the site tests)

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


def write_case(
    cases_dir: Path, case_id: str, langs: tuple[str, ...] = ("en", "fr"), **changes: Any
) -> None:
    """A copy of the fixture under a new id, with front-matter changes applied to every language."""
    for lang in langs:
        meta, body = fixture_meta(lang)
        meta.update(
            id=case_id,
            **{k: v for k, v in changes.items() if not isinstance(v, dict) or k == "period"},
        )
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
        cases_dir,
        "synthetic-clinic-waits",
        title={
            "en": "Synthetic example: clinic waiting times",
            "fr": "Exemple synthétique : temps d'attente en clinique",
        },
        summary={
            "en": (
                "Synthetic test case. A fictional province publishes clinic waiting times and "
                "health researchers use them."
            ),
            "fr": (
                "Cas de test synthétique. Une province fictive publie les temps d'attente "
                "en clinique; "
                "des chercheurs en santé s'en servent."
            ),
        },
        sectors=["health"],
        jurisdiction="CA-NB",
        impact_types=["social"],
        period={"start": 2019, "end": 2021},
        related=["synthetic-bus-data", "synthetic-draft-case"],
    )
    write_case(
        cases_dir,
        "synthetic-retired-case",
        status="retired",
        retired_notice={
            "en": "Synthetic: merged into another synthetic case.",
            "fr": "Synthétique : fusionné avec une autre étude de cas synthétique.",
        },
        title={"en": "Synthetic retired case", "fr": "Étude de cas synthétique retirée"},
    )
    write_case(
        cases_dir,
        "synthetic-draft-case",
        status="draft",
        title={"en": "Synthetic draft case", "fr": "Étude de cas synthétique à l'état d'ébauche"},
    )
    write_case(
        cases_dir,
        "synthetic-english-only",
        langs=("en",),
        title={"en": "Synthetic case awaiting translation", "fr": ""},
        sectors=["education"],
        jurisdiction="CA-YT",
    )
    write_case(cases_dir, "synthetic-evidence", **evidence_changes())


def _evidence_figure(measure: tuple[str, str], lang: str, **facts: Any) -> dict[str, Any]:
    return {
        "measure": measure[lang == "fr"],
        **{
            k: (v[lang] if isinstance(v, dict) and set(v) == {"en", "fr"} else v)
            for k, v in facts.items()
        },
    }


def evidence_changes() -> dict[str, Any]:
    """A case with one figure of each kind: a qualifier, a range, a large sum, a baseline, a
    comparison;
    and a stakeholder interview, quoted with consent."""
    figures = {
        lang: [
            _evidence_figure(
                ("Synthetic apps entered", "Applications synthétiques inscrites"),
                lang,
                kind="output",
                qualifier="more-than",
                value=500,
                unit={"en": "apps", "fr": "applications"},
                year=2016,
                source="s1",
            ),
            _evidence_figure(
                ("Synthetic active users", "Utilisateurs actifs synthétiques"),
                lang,
                kind="use",
                qualifier="about",
                min=35000,
                max=60000,
                unit={"en": "users", "fr": "utilisateurs"},
                year=2017,
                source="s1",
                locator={"en": "paragraph 2", "fr": "paragraphe 2"},
                quote="The fictional app had between 35,000 and 60,000 users.",
            ),
            _evidence_figure(
                ("Synthetic value to the economy", "Valeur synthétique pour l'économie"),
                lang,
                kind="outcome",
                qualifier="about",
                value=20_700_000_000,
                currency="CAD",
                year=2018,
                baseline={"value": 18_000_000_000, "year": 2012},
                source="s2",
                locator={"en": "table 3", "fr": "tableau 3"},
                quote="Le total fictif atteint environ 20,7 milliards de dollars.",
            ),
            _evidence_figure(
                ("Synthetic late buses", "Autobus en retard synthétiques"),
                lang,
                kind="impact",
                value=12,
                unit="%",
                year=2019,
                baseline={"value": 20, "year": 2015},
                source="s2",
                comparison={
                    "en": "A fictional city without the data",
                    "fr": "Une ville fictive sans les données",
                },
                locator={"en": "section 4", "fr": "section 4"},
                quote=(
                    "Les autobus en retard sont passés de 20 % à 12 %, sans changement dans la "
                    "ville de comparaison."
                ),
            ),
        ]
        for lang in ("en", "fr")
    }
    sources = {
        lang: [
            {
                "id": "s1",
                "title": "A synthetic news item",
                "descriptive_title": True,
                "publisher": "Example News",
                "url": "https://example.org/news/evidence",
                "kind": "news",
                "independence": "independent",
                "language": "en",
                "accessed": "2026-01-10",
                "archived": "https://archive.example.org/news/evidence",
            },
            {
                "id": "s2",
                "title": "Synthetic evaluation",
                "publisher": {"en": "Example Evaluators", "fr": "Évaluateurs exemplaires"}[lang],
                "url": "https://example.org/evaluation",
                "kind": "evaluation",
                "independence": "independent",
                "language": "fr",
                "accessed": "2026-01-10",
                "archived": "https://archive.example.org/evaluation",
            },
            {
                "id": "s3",
                "title": "Synthetic interview with the app's developer",
                "descriptive_title": True,
                "date": "2026-02",
                "publisher": {
                    "en": "Example Apps Co-operative",
                    "fr": "Coopérative Applications Exemple",
                }[lang],
                "url": "https://example.org/interviews/evidence",
                "kind": "interview",
                "independence": "reuser",
                "accessed": "2026-02-10",
                "archived": "https://archive.example.org/interviews/evidence",
            },
        ]
        for lang in ("en", "fr")
    }
    # An interview held in English, quoted with consent (dated) but not named; no figure comes from
    # it.
    quotes = [
        (
            "Riders told us the fictional app saved them a wait in the cold.",
            (
                "Les usagers nous ont dit que l'application fictive leur épargnait une attente "
                "au froid."
            ),
        ),
        (
            "We would not have built it without the open data.",
            "Nous ne l'aurions pas conçue sans les données ouvertes.",
        ),
    ]
    interviews = {
        lang: [
            {
                "source": "s3",
                "role": {
                    "en": "Developer of the synthetic app",
                    "fr": "Développeur de l'application synthétique",
                }[lang],
                "organisation": {
                    "en": "Example Apps Co-operative",
                    "fr": "Coopérative Applications Exemple",
                }[lang],
                "date": "2026-02-03",
                "interviewer": "Synthetic Test Author",
                "language": "en",
                "method": "phone",
                "consent": {"publish": "given", "date": "2026-02-10", "named": False},
                "quotes": [
                    {"original": original, **({"translation": french} if lang == "fr" else {})}
                    for original, french in quotes
                ],
            },
        ]
        for lang in ("en", "fr")
    }
    return {
        "title": {
            "en": "Synthetic example: every kind of figure",
            "fr": "Exemple synthétique : chaque nature de chiffre",
        },
        "impacts": figures,
        "sources": sources,
        "interviews": interviews,
        "evidence_strength": 4,
        "effects_in": ["CA-NU", "CA-NT"],
        "communities": {"en": ["Exampleton"], "fr": ["Exempleton"]},
        "sectors": ["energy"],
    }


# Cases drawn at random from the vocabularies (research pages and exports)

SENTENCE = {
    "en": "Synthetic text invented for tests [s1].",
    "fr": "Texte synthétique inventé pour les tests [s1].",
}


def synthetic_body(lang: str) -> str:
    """A body that follows the outline, one invented sentence per section."""
    return "".join(
        f"## {section['heading'][lang]} {{#{section['id']}}}\n\n{SENTENCE[lang]}\n\n"
        for section in outline()
    )


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
        "id": case_id,
        "lang": lang,
        "title": f"{word} {index}: {'fictional data' if lang == 'en' else 'données fictives'}",
        "summary": f"{word} {index}. "
        + (
            "Invented for tests; nothing here is real."
            if lang == "en"
            else "Inventé pour les tests; rien n'y est réel."
        ),
        "status": "published",
        "translation": "complete",
        "jurisdiction": rng.choice(load_vocabularies()["jurisdictions"].ids()),
        "government_level": rng.choice(load_vocabularies()["government-levels"].ids()),
        "sectors": _pick(rng, "sectors", 3),
        "impact_types": _pick(rng, "impact-types", 2),
        "impact_dimensions": _pick(rng, "impact-dimensions", 2),
        "reusers": _pick(rng, "reusers", 2),
        "reuse_purposes": _pick(rng, "reuse-purposes", 2),
        "period": {
            "start": start,
            "end": rng.choice(["ongoing", min(start + rng.randint(0, 5), 2025)]),
        },
        "evidence_strength": 1,
        "datasets": [
            {
                "name": f"Synthetic dataset {index % 5}",
                "publisher": f"Synthetic publisher {index % 3}",
                "url": f"https://example.org/dataset/{index % 5}",
                "licence": "OGL-Canada-2.0",
            }
        ],
        "organisations": [
            {"name": f"Synthetic publisher {index % 3}", "roles": ["data-publisher"]}
        ],
        "sources": [
            {
                "id": "s1",
                "title": f"Synthetic source {index}",
                "publisher": "Example News",
                "date": "2020-01",
                "url": f"https://example.org/source/{index}",
                "kind": "news",
                "independence": "independent",
            },
            {
                "id": "s2",
                "title": f"Synthetic report {index}",
                "publisher": "Example Agency",
                "url": f"https://example.org/report/{index}",
                "kind": "evaluation",
                "independence": "data-publisher",
            },
        ],
        "published": f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "reviewed": f"2025-{1 + index % 12:02d}-{1 + index % 28:02d}",
        "contributors": ["Synthetic Test Author"],
    }
    if index % 5 == 0:  # effects reached other places than the jurisdiction's own
        facts["effects_in"] = _pick(rng, "jurisdictions", 3)
    if index % 3 == 0:
        facts["impacts"] = [_random_figure(index, start, lang)]
        facts["evidence_strength"] = {"outcome": 2, "impact": 3}.get(facts["impacts"][0]["kind"], 1)
    return facts


def _random_figure(index: int, year: int, lang: str) -> dict[str, Any]:
    """One figure of each kind in turn; outcomes and impacts carry what their evidence level
    needs."""
    kinds = load_vocabularies()["figure-kinds"].ids()
    kind = kinds[(index // 3) % len(kinds)]
    value = 1000 + index
    figure: dict[str, Any] = {
        "measure": "Synthetic downloads" if lang == "en" else "Téléchargements fictifs",
        "kind": kind,
        "value": value,
        "unit": "downloads" if lang == "en" else "téléchargements",
        "year": year,
        "source": "s2" if kind == "impact" else "s1",
        "quote": f"Invented for tests: {value:,} downloads.",
    }
    if kind in ("outcome", "impact"):
        figure["baseline"] = {"value": value // 2, "year": year - 1}
    if kind == "impact":
        figure["comparison"] = (
            "A fictional town without the data"
            if lang == "en"
            else "Une ville fictive sans les données"
        )
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


# Variations of the fixture at scale (the validation benchmark)


def write_corpus(cases_dir: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` bilingual synthetic cases; returns their folders."""
    rng = random.Random(seed)
    sectors = [str(i) for i in load_vocabularies()["sectors"].ids()]
    templates = {
        lang: (FIXTURE / f"index.{lang}.md").read_text(encoding="utf-8") for lang in ("en", "fr")
    }
    folders = []
    for number in range(count):
        case_id = f"synthetic-case-{number:05d}"
        chosen = rng.sample(sectors, 2)
        folder = cases_dir / case_id
        folder.mkdir(parents=True)
        value, start = rng.randint(1, 100000), rng.randint(1995, 2015)
        for lang, text in templates.items():
            text = (
                text.replace("synthetic-bus-data", case_id)
                .replace("[transport, economy-business]", f"[{chosen[0]}, {chosen[1]}]")
                .replace("value: 1234.5", f"value: {value}")
                .replace("passed 1,234.5 downloads", f"passed {value:,} downloads")
                .replace("start: 2015", f"start: {start}")
            )
            (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
        folders.append(folder)
    return folders
