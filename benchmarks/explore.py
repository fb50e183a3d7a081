"""Explore page benchmark: `python -m benchmarks.explore [N]` (default 10,000 synthetic cases).

Builds the Explore data for N clearly synthetic cases (never published), serves a page with the
real explore.js on 127.0.0.1, and measures in headless Debian chromium the time of each filter
change (event to results, counts and list redrawn, layout forced). Target: under 50 ms.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from odimpact.paths import REPO_ROOT
from odimpact.publication.explore_data import explore_data
from tests.synthetic import synthetic_front_matter

ASSETS = REPO_ROOT / "overrides" / "assets" / "research"
CHROMIUM = "/usr/bin/chromium"
TARGET_MS = 50.0
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
  <title>Explore benchmark (synthetic)</title>
<link rel="stylesheet" href="research.css"></head><body><main><h1>Synthetic benchmark</h1>
<div id="odi-explore-app" data-src="explore.json"></div><script src="explore.js" defer></script>
  </main></body></html>"""
# Each step: a CSS selector to click, or ("fill", selector, text) for the text filter.
STEPS: list[Any] = [
    'fieldset[data-facet="sector"] input[value="health"]',
    'fieldset[data-facet="sector"] input[value="transport"]',
    'fieldset[data-facet="jurisdiction"] input[value="CA-ON"]',
    'fieldset[data-facet="impact"] input[value="economic"]',
    'fieldset[data-facet="strongest"] input[value="outcome"]',
    ("fill", 'input[name="q"]', "synthetic 12"),
    ("fill", 'input[name="q"]', ""),
    'fieldset[data-facet="jurisdiction"] input[value="CA-ON"]',
    'fieldset[data-facet="evidence"] input[value="2"]',
    'fieldset[data-facet="sector"] input[value="health"]',
]


class _Case:
    """Just what explore_data reads from a case."""

    def __init__(self, index: int) -> None:
        self.id = f"synthetic-case-{index:05d}"
        self._meta = {lang: synthetic_front_matter(index, lang) for lang in ("en",)}

    def meta(self, lang: str) -> dict[str, Any]:
        return self._meta["en"]


def write_page(folder: Path, count: int) -> int:
    """The benchmark page, the script and N cases' data; returns the data's size in bytes."""
    for name in ("explore.js", "research.css"):
        shutil.copy(ASSETS / name, folder / name)
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    data = explore_data([_Case(i) for i in range(count)], "en", lambda case_id: f"../{case_id}/")  # type: ignore[arg-type]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (folder / "explore.json").write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


MEASURE = """step => {
  const started = performance.now();
  if (step.fill !== undefined) {
    const input = document.querySelector(step.selector);
    input.value = step.fill;
    input.dispatchEvent(new Event('input', {bubbles: true}));
  } else {
    document.querySelector(step.selector).click();
  }
  document.body.getBoundingClientRect();  // force style and layout of the redrawn results
  return [performance.now() - started, window.odiExplore.results().length];
}"""


def measure(url: str, rounds: int) -> list[tuple[float, int]]:
    """(milliseconds, results) of every filter change, `rounds` times through STEPS."""
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.goto(url)
        page.wait_for_function("window.odiExplore && window.odiExplore.ready", timeout=60000)
        for _ in range(rounds):
            for step in STEPS:
                argument = (
                    {"selector": step[1], "fill": step[2]}
                    if isinstance(step, tuple)
                    else {"selector": step}
                )
                timings.append(tuple(page.evaluate(MEASURE, argument)))
        browser.close()
    return timings


@functools.cache
def _handler(directory: str) -> Any:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    return functools.partial(Quiet, directory=directory)


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10_000
    with tempfile.TemporaryDirectory(prefix="odimpact-explore-bench-") as temporary:
        started = time.perf_counter()
        size = write_page(Path(temporary), count)
        print(
            f"synthetic cases: {count:,}; explore.json {size / 1e6:.2f} MB, generated in "
            f"{time.perf_counter() - started:.1f} s"
        )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(temporary))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            timings = measure(f"http://127.0.0.1:{server.server_address[1]}/index.html", rounds=3)
        finally:
            server.shutdown()
    times = sorted(ms for ms, _ in timings)
    print(
        f"filter changes measured: {len(times)}"
        f" (results from {min(r for _, r in timings):,} to {max(r for _, r in timings):,})"
    )
    print(
        f"per change: median {statistics.median(times):.1f} ms,"
        f" p95 {times[int(len(times) * 0.95) - 1]:.1f} ms, max {times[-1]:.1f} ms"
        f" (target < {TARGET_MS:.0f} ms)"
    )
    return 0 if times[-1] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
