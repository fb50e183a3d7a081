"""The real corpus (or N SYNTHETIC cases, written to a temporary folder): `odimpact build`'s
validation, pages and search against a plain `mkdocs build --strict` of the same generated
projects plus Pagefind.

    .venv/bin/python -m benchmarks.real_build [RUNS] [N]   (default: 5 runs, alternating; the
                                                            real corpus)

"odimpact" is what `odimpact build` runs before the findings report's PDFs (which a plain MkDocs
build has no equivalent of): validation of every case, the languages generated and rendered at
once (one process each), the site put together, Pagefind and the re-cut of its index. "plain" is
MkDocs alone on the projects that run generated, one language after the other as a person would
type the commands, then Pagefind on each language's pages; the generation itself is not counted
on its side. Prints each run and the medians, with the processor time each took (user and
system, every process it ran): on a machine of C cores, no scheduling makes a build shorter than
its processor time divided by C.
"""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.site import write_corpus
from odimpact.builder.build import CONFIG, put_together, run_languages, run_pagefind
from odimpact.builder.project import CONFIG_FILE, read_settings
from odimpact.languages import LANGUAGES
from odimpact.paths import CASES_DIR
from odimpact.validation import validate_all


def cpu_s() -> float:
    """Processor seconds so far of this process and of the children it has waited for."""
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def ours(work: Path, site: Path, cases: Path) -> float:
    start = time.perf_counter()
    validate_all(cases)
    run_languages(CONFIG, cases, work)
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


def main(runs: int, synthetic: int | None) -> None:
    times: dict[str, list[float]] = {"odimpact": [], "plain": []}
    cpu: dict[str, list[float]] = {"odimpact": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="odimpact-bench-real-") as temp:
        work, site, out = Path(temp) / "work", Path(temp) / "site", Path(temp) / "plain"
        cases = CASES_DIR
        if synthetic:
            cases = Path(temp) / "cases"
            write_corpus(cases, synthetic)
        ours(work, site, cases)  # the projects plain MkDocs builds, and warm caches for both
        for run in range(runs):
            for name in times:
                shutil.rmtree(site, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
                before = cpu_s()
                seconds = ours(work, site, cases) if name == "odimpact" else plain(work, out)
                times[name].append(seconds)
                cpu[name].append(cpu_s() - before)
                print(
                    f"run {run + 1}: {name} {seconds:.2f} s ({cpu[name][-1]:.1f} s of processor)",
                    flush=True,
                )
    for name, values in times.items():
        print(
            f"{name}: median {statistics.median(values):.2f} s "
            f"({', '.join(f'{v:.2f}' for v in values)}); processor "
            f"{statistics.median(cpu[name]):.1f} s"
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 5,
        int(sys.argv[2]) if len(sys.argv) > 2 else None,
    )
