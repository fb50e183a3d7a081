"""Preview benchmark: how long after a save the edited page shows the change under `odimpact serve`,
and how many rebuilds each save starts.

    .venv/bin/python -m benchmarks.serve [N ...]      (0: a copy of the real cases; default: 0 1000)

For each corpus (a temporary copy of cases/, or N SYNTHETIC bilingual cases, never under cases/),
the server is started in its own working folder; then, 7 times, a word is appended to one case's
English body and the page is fetched every 20 ms until it holds the word. Prints the median and
the slowest of the 7, and the rebuilds MkDocs logged per save.
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from odimpact.paths import CASES_DIR
from tests.synthetic import fixture_meta, write_case_file

SAVES = 7
CASE = "synthetic-serve-probe"  # the case edited, added to every corpus


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_case(cases: Path, case_id: str, lang: str, extra: str) -> None:
    """The synthetic fixture's case under another id, with `extra` after its first paragraph."""
    meta, body = fixture_meta(lang)
    meta.update(id=case_id, title=f"{meta['title']} {case_id}")
    head, rest = body.split("\n\n", 1) if "\n\n" in body else (body, "")
    write_case_file(
        cases / case_id, lang, meta, f"{head}\n\nSynthetic probe text {extra}.\n\n{rest}"
    )


def write_probe(cases: Path, marker: str) -> None:
    write_case(cases, CASE, "en", marker)


def synthetic_cases(folder: Path, count: int) -> None:
    for n in range(count):
        for lang in ("en", "fr"):
            write_case(folder, f"synthetic-case-{n:05d}", lang, str(n))


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def measure(cases: Path, work: Path) -> tuple[list[float], list[int]]:
    port = free_port()
    log = work / "serve.log"
    work.mkdir(parents=True, exist_ok=True)
    code = (
        "import sys; from pathlib import Path; from odimpact.builder.serve import serve; "
        "from odimpact.builder.build import CONFIG; "
        f"sys.exit(serve(CONFIG, Path({str(cases)!r}), Path({str(work)!r}), '127.0.0.1:{port}'))"
    )
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", code], stdout=output, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}/knowledge-base/cases/{CASE}/"
    try:
        deadline = time.monotonic() + 600
        while "Synthetic probe" not in fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(log.read_text(encoding="utf-8"))
            time.sleep(0.2)
        times, rebuilds = [], []
        for save in range(SAVES):
            time.sleep(1.5)  # let the previous rebuild settle
            before = log.read_text(encoding="utf-8").count("Building documentation")
            marker = f"synthetic{save}marker"
            start = time.monotonic()
            write_probe(cases, marker)
            while marker not in fetch(url):
                time.sleep(0.02)
            times.append(time.monotonic() - start)
            time.sleep(1.5)  # a second rebuild, if the save started one, shows in the log by now
            rebuilds.append(
                log.read_text(encoding="utf-8").count("Building documentation") - before
            )
        return times, rebuilds
    finally:
        server.terminate()
        server.wait(30)


def main(sizes: list[int]) -> None:
    print(f"{'cases':>6} {'median s':>9} {'slowest s':>10} {'rebuilds per save':>18}")
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="odimpact-bench-serve-") as temp:
            cases = Path(temp) / "cases"
            if size == 0:
                shutil.copytree(CASES_DIR, cases)
            else:
                synthetic_cases(cases, size)
            write_probe(cases, "start")
            write_case(cases, CASE, "fr", "start")
            times, rebuilds = measure(cases, Path(temp) / "work")
            label = "real" if size == 0 else str(size)
            print(
                (
                    f"{label:>6} {statistics.median(times):9.2f} {max(times):10.2f} "
                    f"{','.join(map(str, rebuilds)):>18}"
                ),
                flush=True,
            )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [0, 1000])
