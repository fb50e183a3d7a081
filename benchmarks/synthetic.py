"""A clearly synthetic corpus for benchmarks: variations of the synthetic test fixture.

Never written under cases/ and never published: every file says SYNTHETIC in its title.
"""
from __future__ import annotations

import random
from pathlib import Path

from odimpact.paths import REPO_ROOT
from odimpact.vocabularies import load_vocabularies

TEMPLATE = REPO_ROOT / "tests" / "fixtures" / "valid" / "synthetic-bus-data"


def write_corpus(cases_dir: Path, count: int, seed: int = 1) -> list[Path]:
    """Write `count` bilingual synthetic cases; returns their folders."""
    rng = random.Random(seed)
    sectors = [str(i) for i in load_vocabularies()["sectors"].ids()]
    templates = {lang: (TEMPLATE / f"index.{lang}.md").read_text(encoding="utf-8") for lang in ("en", "fr")}
    folders = []
    for number in range(count):
        case_id = f"synthetic-case-{number:05d}"
        chosen = rng.sample(sectors, 2)
        folder = cases_dir / case_id
        folder.mkdir(parents=True)
        value, start = rng.randint(1, 100000), rng.randint(1995, 2015)
        for lang, text in templates.items():
            text = (text.replace("synthetic-bus-data", case_id)
                        .replace("[transport, economy-business]", f"[{chosen[0]}, {chosen[1]}]")
                        .replace("value: 1234.5", f"value: {value}")
                        .replace("passed 1,234.5 downloads", f"passed {value:,} downloads")
                        .replace("start: 2015", f"start: {start}"))
            (folder / f"index.{lang}.md").write_text(text, encoding="utf-8")
        folders.append(folder)
    return folders
