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
                 "fr": ("Cas de test synthétique. Une province fictive publie les temps d'attente en clinique; "
                        "des chercheurs en santé s'en servent.")},
        sectors=["health"], jurisdiction="CA-NB", impact_types=["social"], period={"start": 2019, "end": 2021},
        related=["synthetic-bus-data", "synthetic-draft-case"],
    )
    write_case(cases_dir, "synthetic-retired-case", status="retired",
               retired_notice={"en": "Synthetic: merged into another synthetic case.",
                               "fr": "Synthétique : fusionné avec une autre étude de cas synthétique."},
               title={"en": "Synthetic retired case", "fr": "Étude de cas synthétique retirée"})
    write_case(cases_dir, "synthetic-draft-case", status="draft",
               title={"en": "Synthetic draft case", "fr": "Étude de cas synthétique à l'état d'ébauche"})
    write_case(cases_dir, "synthetic-english-only", langs=("en",),
               title={"en": "Synthetic case awaiting translation", "fr": ""},
               sectors=["education"], jurisdiction="CA-YT")
    write_case(cases_dir, "synthetic-evidence", **evidence_changes())


def _figure(measure: tuple[str, str], lang: str, **facts: Any) -> dict[str, Any]:
    return {"measure": measure[lang == "fr"],
            **{k: (v[lang] if isinstance(v, dict) and set(v) == {"en", "fr"} else v) for k, v in facts.items()}}


def evidence_changes() -> dict[str, Any]:
    """A case with one figure of each kind: a qualifier, a range, a large sum, a baseline, a comparison;
    and a stakeholder interview, quoted with consent."""
    figures = {lang: [
        _figure(("Synthetic apps entered", "Applications synthétiques inscrites"), lang, kind="output", qualifier="more-than",
                value=500, unit={"en": "apps", "fr": "applications"}, year=2016, source="s1"),
        _figure(("Synthetic active users", "Utilisateurs actifs synthétiques"), lang, kind="use", qualifier="about",
                min=35000, max=60000, unit={"en": "users", "fr": "utilisateurs"}, year=2017, source="s1",
                locator={"en": "paragraph 2", "fr": "paragraphe 2"}, quote="The fictional app had between 35,000 and 60,000 users."),
        _figure(("Synthetic value to the economy", "Valeur synthétique pour l'économie"), lang, kind="outcome", qualifier="about",
                value=20_700_000_000, currency="CAD", year=2018, baseline={"value": 18_000_000_000, "year": 2012}, source="s2",
                locator={"en": "table 3", "fr": "tableau 3"}, quote="Le total fictif atteint environ 20,7 milliards de dollars."),
        _figure(("Synthetic late buses", "Autobus en retard synthétiques"), lang, kind="impact", value=12, unit="%", year=2019,
                baseline={"value": 20, "year": 2015}, source="s2",
                comparison={"en": "A fictional city without the data", "fr": "Une ville fictive sans les données"},
                locator={"en": "section 4", "fr": "section 4"},
                quote="Les autobus en retard sont passés de 20 % à 12 %, sans changement dans la ville de comparaison."),
    ] for lang in ("en", "fr")}
    sources = {lang: [
        {"id": "s1", "title": "A synthetic news item", "descriptive_title": True, "publisher": "Example News", "url": "https://example.org/news/evidence",
         "kind": "news", "independence": "independent", "language": "en", "accessed": "2026-01-10",
         "archived": "https://archive.example.org/news/evidence"},
        {"id": "s2", "title": "Synthetic evaluation", "publisher": {"en": "Example Evaluators", "fr": "Évaluateurs exemplaires"}[lang],
         "url": "https://example.org/evaluation", "kind": "evaluation", "independence": "independent",
         "language": "fr", "accessed": "2026-01-10",
         "archived": "https://archive.example.org/evaluation"},
        {"id": "s3", "title": "Synthetic interview with the app's developer", "descriptive_title": True, "date": "2026-02",
         "publisher": {"en": "Example Apps Co-operative", "fr": "Coopérative Applications Exemple"}[lang],
         "url": "https://example.org/interviews/evidence", "kind": "interview", "independence": "reuser", "accessed": "2026-02-10",
         "archived": "https://archive.example.org/interviews/evidence"},
    ] for lang in ("en", "fr")}
    # An interview held in English, quoted with consent (dated) but not named; no figure comes from it.
    quotes = [("Riders told us the fictional app saved them a wait in the cold.",
               "Les usagers nous ont dit que l'application fictive leur épargnait une attente au froid."),
              ("We would not have built it without the open data.",
               "Nous ne l'aurions pas conçue sans les données ouvertes.")]
    interviews = {lang: [
        {"source": "s3", "role": {"en": "Developer of the synthetic app", "fr": "Développeur de l'application synthétique"}[lang],
         "organisation": {"en": "Example Apps Co-operative", "fr": "Coopérative Applications Exemple"}[lang],
         "date": "2026-02-03", "interviewer": "Synthetic Test Author", "language": "en", "method": "phone",
         "consent": {"publish": "given", "date": "2026-02-10", "named": False},
         "quotes": [{"original": original, **({"translation": french} if lang == "fr" else {})} for original, french in quotes]},
    ] for lang in ("en", "fr")}
    return {"title": {"en": "Synthetic example: every kind of figure", "fr": "Exemple synthétique : chaque nature de chiffre"},
            "impacts": figures, "sources": sources, "interviews": interviews, "evidence_strength": 4, "effects_in": ["CA-NU", "CA-NT"],
            "communities": {"en": ["Exampleton"], "fr": ["Exempleton"]}, "sectors": ["energy"]}
