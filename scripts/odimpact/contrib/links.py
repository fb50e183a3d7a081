"""Checking the source and dataset addresses of every case: concurrent, patient, cached.

Only the standard library: urllib in a thread pool is enough for a few hundred addresses.
Successes are cached (JSON under .cache/, git-ignored) so a weekly run does not hammer
government sites; failures are never cached, so the report of dead links is always fresh.
"""
from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from odimpact.layout import discover, relative
from odimpact.reading import CaseFile, read_case_file

USER_AGENT = "odimpact-link-checker/1.0 (+https://github.com/open-data-impact-canada/knowledge-base)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
HEAD_REFUSED = {403, 405, 501}  # servers that refuse HEAD but answer GET
ARCHIVE = "https://web.archive.org/web/*/{url}"


@dataclass
class LinkResult:
    """The outcome for one address."""

    url: str
    ok: bool
    status: int | None = None
    error: str = ""
    places: list[str] = field(default_factory=list)
    cached: bool = False

    @property
    def archive(self) -> str:
        return ARCHIVE.format(url=self.url)


@dataclass
class Settings:
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 1.0
    workers: int = 8
    max_age: dt.timedelta = dt.timedelta(days=7)


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


def _request(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # follows redirects
            if method == "GET":
                response.read(1024)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def probe(url: str, settings: Settings) -> tuple[int | None, str]:
    """(HTTP status, error text): HEAD first, GET when HEAD is refused; retried with backoff."""
    status, error = None, ""
    for attempt in range(settings.retries + 1):
        if attempt:
            time.sleep(settings.backoff * 2 ** (attempt - 1))
        try:
            status = _request(url, "HEAD", settings.timeout)
            if status in HEAD_REFUSED:
                status = _request(url, "GET", settings.timeout)
            error = ""
        except (urllib.error.URLError, OSError, ValueError) as failure:  # timeouts, DNS, refused, bad URL
            status, error = None, str(getattr(failure, "reason", failure)) or type(failure).__name__
        if status is not None and status not in RETRY_STATUSES:
            break
    return status, error


def load_cache(path: Path) -> dict[str, str]:
    """url -> ISO time of its last success; a damaged cache is simply ignored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _fresh(checked: str | None, now: dt.datetime, max_age: dt.timedelta) -> bool:
    try:
        return checked is not None and now - dt.datetime.fromisoformat(checked) < max_age
    except ValueError:
        return False


def check_links(links: dict[str, list[str]], settings: Settings, cache: dict[str, str],
                now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)) -> list[LinkResult]:
    """Check every address not fresh in the cache; updates `cache` with new successes."""
    start = now()
    results = [LinkResult(url, True, places=places, cached=True) for url, places in links.items()
               if _fresh(cache.get(url), start, settings.max_age)]
    todo = [url for url in links if not _fresh(cache.get(url), start, settings.max_age)]
    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        for url, (status, error) in zip(todo, pool.map(lambda u: probe(u, settings), todo)):
            ok = status is not None and 200 <= status < 400
            results.append(LinkResult(url, ok, status, error, links[url]))
            if ok:
                cache[url] = start.isoformat()
    return sorted(results, key=lambda result: result.url)


def save_cache(path: Path, cache: dict[str, str]) -> None:
    """Write the cache (plain write: losing it only costs a re-check)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cache, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def as_json(results: list[LinkResult]) -> str:
    """The report for tools."""
    return json.dumps([asdict(result) | {"archive": result.archive} for result in results], ensure_ascii=False, indent=2)
