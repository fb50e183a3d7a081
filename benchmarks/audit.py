"""The field's own checks of a built site: Lighthouse (mobile), the Nu HTML Checker and pa11y.

    .venv/bin/python -m benchmarks.audit [--site DIR] [--runs N]      (`make audit` builds site/
    first)

Serves the site on 127.0.0.1 under its site_url's path, gzip-compressed as its host (GitHub
Pages) serves it, then:
- Lighthouse 12 (mobile, its default simulated throttling) on ten pages: home, the longest case,
  Explore, search and the visual overview, in English and French; each page's score in each of
  the four categories is the median of --runs runs;
- pa11y (HTML_CodeSniffer, WCAG2AA) on the same ten pages;
- the Nu HTML Checker on every page, its errors sorted into the project's and Material's
  (tests/site/nu.py says how).
Lighthouse and pa11y drive Debian's chromium. Lighthouse's performance score depends on the machine:
its simulated phone slows the measured CPU work down four times, so on a busy machine the score
drops; the table shows its benchmark index of the machine (column cpu; it expects about 1,000 or
more) beside each page's scores. Prints a table, writes every report and the figures
to test-artifacts/audit/, and exits 1 when a figure misses its target: Lighthouse 95 or more in
every category, no pa11y error, no Nu error from the project.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from odimpact.languages import BY_CODE
from odimpact.paths import REPO_ROOT
from odimpact.urls import CASES, PAGES, RESERVED_IDS, SEARCH_PAGE
from tests.site import nu
from tests.site.browser import CHROMIUM, PREFIX, SiteHandler

ARTIFACTS = REPO_ROOT / "test-artifacts" / "audit"
BIN = REPO_ROOT / "node_modules" / ".bin"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}  # what GitHub Pages gzips
HEADLESS = ["--headless=new", "--no-sandbox", "--disable-gpu"]


class CompressingHandler(SiteHandler):
    """The site under its path, text files gzipped when the browser accepts it (as its host
    does)."""

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        path = (
            path / "index.html"
            if path.is_dir() and self.path.split("?", 1)[0].endswith("/")
            else path
        )
        if (
            path.suffix not in COMPRESSED
            or not path.is_file()
            or "gzip" not in self.headers.get("Accept-Encoding", "")
        ):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_compressed(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(CompressingHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
    finally:
        server.shutdown()
        server.server_close()


def longest_case(site: Path) -> str:
    """The case whose page is the largest: the hardest for Lighthouse."""
    pages = [
        page for page in (site / CASES).glob("*/index.html") if page.parent.name not in RESERVED_IDS
    ]
    return max(pages, key=lambda page: page.stat().st_size).parent.name


def audited_pages(site: Path) -> list[tuple[str, str]]:
    """(name, site-relative URL) of the ten pages Lighthouse and pa11y check."""
    case = longest_case(site)
    kinds = {
        "home": "",
        f"case {case}": f"{CASES}/{case}/",
        "explore": PAGES["explore"],
        "search": SEARCH_PAGE,
        "visual overview": PAGES["charts"],
    }
    return [
        (f"{lang.code} {name}", lang.prefix + url)
        for lang in BY_CODE.values()
        for name, url in kinds.items()
    ]


@dataclass
class PageFigures:
    name: str
    url: str
    scores: dict[str, int] = field(default_factory=dict)  # Lighthouse category → 0–100
    failing_audits: list[str] = field(default_factory=list)  # what Lighthouse held against the page
    pa11y: list[str] = field(default_factory=list)  # pa11y's errors: code, selector
    # Lighthouse's measure of the machine's speed during the runs (median); under about 1,000 it
    # warns that a slow or busy CPU lowers the performance score (its throttling assumes a fast
    # one).
    benchmark_index: float = 0.0


def lighthouse(url: str, report: Path) -> dict[str, object]:
    subprocess.run(
        [
            str(BIN / "lighthouse"),
            url,
            "--quiet",
            "--output",
            "json",
            "--output-path",
            str(report),
            f"--chrome-flags={' '.join(HEADLESS)}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        stdout=subprocess.DEVNULL,
    )
    result: dict[str, object] = json.loads(report.read_text(encoding="utf-8"))
    return result


def failing_audits(result: dict[str, object]) -> list[str]:
    """The weighted audits that cost the page points, as 'category: audit (value)'."""
    audits: dict[str, dict[str, object]] = result["audits"]  # type: ignore[assignment]
    found = []
    for category in result["categories"].values():  # type: ignore[attr-defined]
        for ref in category["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if ref.get("weight") and isinstance(score, (int, float)) and score < 1:
                found.append(
                    f"{category['id']}: {ref['id']} ({audit.get('displayValue') or score})"
                )
    return found


def run_lighthouse(figures: PageFigures, base: str, runs: int) -> None:
    results = [
        lighthouse(base + figures.url, ARTIFACTS / f"lighthouse-{slug(figures.name)}-{run}.json")
        for run in range(runs)
    ]
    for category in CATEGORIES:
        figures.scores[category] = round(  # type: ignore[index]
            100 * statistics.median(r["categories"][category]["score"] for r in results)
        )
    figures.benchmark_index = statistics.median(r["environment"]["benchmarkIndex"] for r in results)  # type: ignore[index]
    figures.failing_audits = sorted(
        {audit for result in results for audit in failing_audits(result)}
    )


def run_pa11y(figures: PageFigures, base: str, config: Path) -> None:
    done = subprocess.run(
        [
            str(BIN / "pa11y"),
            "--config",
            str(config),
            "--runner",
            "htmlcs",
            "--standard",
            "WCAG2AA",
            "--reporter",
            "json",
            base + figures.url,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
    )
    if done.returncode not in (0, 2):  # 2: it found issues
        raise RuntimeError(f"pa11y failed on {figures.url}: {done.stderr.strip()}")
    issues = json.loads(done.stdout or "[]")
    (ARTIFACTS / f"pa11y-{slug(figures.name)}.json").write_text(
        json.dumps(issues, indent=1), encoding="utf-8"
    )
    figures.pa11y = [
        f"{issue['code']} {issue['selector']}" for issue in issues if issue["type"] == "error"
    ]


def slug(name: str) -> str:
    return "-".join(name.split())


def versions() -> dict[str, str]:
    def first_line(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")
        return (done.stdout.strip() or done.stderr.strip()).splitlines()[0]

    return {
        "chromium": first_line([str(CHROMIUM), "--version"]),
        "lighthouse": first_line([str(BIN / "lighthouse"), "--version"]),
        "pa11y": first_line([str(BIN / "pa11y"), "--version"]),
        "vnu": first_line([nu.java() or "java", "-jar", str(nu.VNU_JAR), "--version"]),
        "java": first_line([nu.java() or "java", "-version"]),
        "node": first_line(["node", "--version"]),
        "machine": (
            f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}"
        ),
    }


def print_table(pages: list[PageFigures], nu_errors: list[nu.NuError], page_count: int) -> None:
    print(f"{'page':<44} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5} {'pa11y':>6} {'cpu':>6}")
    for figures in pages:
        scores = " ".join(f"{figures.scores[category]:>5}" for category in CATEGORIES)
        print(
            f"{figures.name[:44]:<44} {scores} {len(figures.pa11y):>6} "
            f"{figures.benchmark_index:>6.0f}"
        )
    project = [error for error in nu_errors if error.upstream is None]
    upstream = Counter(error.upstream.template for error in nu_errors if error.upstream)
    print(
        f"\nNu HTML Checker, {page_count} pages: {len(project)} errors from the project's markup, "
        f"{sum(upstream.values())} from Material's "
        f"({', '.join(f'{t}: {n}' for t, n in sorted(upstream.items())) or 'none'})"
    )
    for error in project[:20]:
        print(f"  {error}")
    if len(project) > 20:
        print(f"  ... and {len(project) - 20} more (test-artifacts/audit/audit.json)")
    for figures in pages:
        for line in [*figures.failing_audits, *(f"pa11y: {issue}" for issue in figures.pa11y)]:
            print(f"  {figures.name}: {line}")


def misses(pages: list[PageFigures], nu_errors: list[nu.NuError]) -> int:
    """How many figures miss their target."""
    low = sum(score < TARGET for figures in pages for score in figures.scores.values())
    return (
        low
        + sum(len(figures.pa11y) for figures in pages)
        + sum(error.upstream is None for error in nu_errors)
    )


def audit(site: Path, runs: int) -> int:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = [PageFigures(name, url) for name, url in audited_pages(site)]
    with tempfile.TemporaryDirectory() as scratch, serve_compressed(site) as base:
        config = Path(scratch) / "pa11y.json"
        config.write_text(
            json.dumps(
                {"chromeLaunchConfig": {"executablePath": str(CHROMIUM), "args": HEADLESS[1:]}}
            ),
            encoding="utf-8",
        )
        for figures in pages:
            print(f"checking {figures.name}", file=sys.stderr, flush=True)
            run_lighthouse(figures, base, runs)
            run_pa11y(figures, base, config)
    page_count = len(nu.site_pages(site))
    nu_errors = nu.check(site)
    print_table(pages, nu_errors, page_count)
    (ARTIFACTS / "audit.json").write_text(
        json.dumps(
            {
                "date": datetime.now(UTC).isoformat(timespec="seconds"),
                "versions": versions(),
                "lighthouse_runs": runs,
                "pages": [asdict(figures) for figures in pages],
                "nu": {
                    "pages": page_count,
                    "project": [str(error) for error in nu_errors if error.upstream is None],
                    "material": dict(
                        Counter(error.upstream.template for error in nu_errors if error.upstream)
                    ),
                },
            },
            indent=1,
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    missed = misses(pages, nu_errors)
    print(
        f"\n{missed} figure(s) below target (Lighthouse >= {TARGET}, pa11y 0, Nu 0 from "
        f"the project); reports in {ARTIFACTS}"
    )
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--site",
        type=Path,
        default=REPO_ROOT / "site",
        help="the built site to check (default: site/)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="Lighthouse runs per page; the median counts (default: 1)",
    )
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        parser.error(
            f"{args.site} holds no built site: run `make site` (or `make audit`, which builds it)"
        )
    return audit(args.site, args.runs)


if __name__ == "__main__":
    sys.exit(main())
