"""The real corpus: `odimpact build`'s validation, pages and search against a plain
`mkdocs build --strict` of the same generated projects plus Pagefind.

    .venv/bin/python -m benchmarks.real_build [RUNS]      (default: 5, alternating)

"odimpact" is what `odimpact build` runs before the findings report's PDFs (which a plain MkDocs
build has no equivalent of): validation of every case, the languages generated and rendered at
once (one process each), the site put together, Pagefind and the re-cut of its index. "plain" is
MkDocs alone on the projects that run generated, one language after the other as a person would
type the commands, then Pagefind on each language's pages; the generation itself is not counted
on its side. Prints each run and the medians.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from odimpact.builder.build import CONFIG, put_together, run_languages, run_pagefind
from odimpact.builder.project import CONFIG_FILE, read_settings
from odimpact.languages import LANGUAGES
from odimpact.paths import CASES_DIR
from odimpact.validation import validate_all


def ours(work: Path, site: Path) -> float:
    start = time.perf_counter()
    validate_all(CASES_DIR)
    run_languages(CONFIG, CASES_DIR, work)
    put_together(work, site, str(read_settings(CONFIG).get("site_url") or ""))
    run_pagefind(site)
    return time.perf_counter() - start


def plain(work: Path, out: Path) -> float:
    start = time.perf_counter()
    for lang in LANGUAGES:
        project = work / lang / CONFIG_FILE
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "-q",
                "-f",
                str(project),
                "-d",
                str(out / lang),
            ],
            check=True,
            capture_output=True,
        )
    for lang in LANGUAGES:
        subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(out / lang), "--quiet"],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def main(runs: int) -> None:
    times: dict[str, list[float]] = {"odimpact": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="odimpact-bench-real-") as temp:
        work, site, out = Path(temp) / "work", Path(temp) / "site", Path(temp) / "plain"
        ours(work, site)  # the projects plain MkDocs builds, and warm caches for both
        for run in range(runs):
            for name in times:
                shutil.rmtree(site, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
                seconds = ours(work, site) if name == "odimpact" else plain(work, out)
                times[name].append(seconds)
                print(f"run {run + 1}: {name} {seconds:.2f} s", flush=True)
    for name, values in times.items():
        print(
            f"{name}: median {statistics.median(values):.2f} s "
            f"({', '.join(f'{v:.2f}' for v in values)})"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
