"""`odimpact check-links` against a local server: 200, 404, 500, redirects, HEAD refused, and a hang."""
from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HITS: Counter[str] = Counter()


class Handler(BaseHTTPRequestHandler):
    """Answers by path; counts requests so retries and the cache can be observed."""

    def _answer(self) -> None:
        HITS[f"{self.command} {self.path}"] += 1
        if self.path == "/hang":
            time.sleep(2)
            return
        if self.path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif self.path.startswith("/redirect"):
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response({"/ok": 200, "/no-head": 200, "/missing": 404, "/broken": 500}.get(self.path, 404))
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
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1")


def synthetic_case(cases_dir: Path, base: str) -> None:
    folder = cases_dir / "synthetic-links"
    folder.mkdir()
    sources = "".join(f"  - id: s{n}\n    url: {base}{path}\n" for n, path in enumerate(
        ["/ok", "/missing", "/broken", "/redirect", "/no-head", "/hang"], start=1))
    (folder / "index.en.md").write_text(
        f"---\nid: synthetic-links\nsources:\n{sources}datasets:\n  - name: Synthetic\n    url: {base}/ok\n---\nBody\n", encoding="utf-8")


def check(run_cli, cases_dir: Path, cache: Path, *extra: str):
    return run_cli("check-links", "--cases-dir", str(cases_dir), "--cache", str(cache), "--timeout", "0.4",
                   "--retries", "1", "--backoff", "0.01", "--lang", "en", *extra)


def test_dead_links_are_reported_with_places_and_archive_links(run_cli, cases_dir, server, tmp_path):
    synthetic_case(cases_dir, server)
    HITS.clear()
    started = time.monotonic()
    result = check(run_cli, cases_dir, tmp_path / "links.json")
    assert time.monotonic() - started < 5
    assert result.code == 1
    place = "cases/synthetic-links/index.en.md"
    lines = result.out.splitlines()
    assert lines[:3] == [f"dead: {server}/broken (HTTP 500)", f"  in {place}: sources[2].url",
                         f"  try an archived copy: https://web.archive.org/web/*/{server}/broken"]
    assert lines[3].startswith(f"dead: {server}/hang (no answer: ") and "timed out" in lines[3]
    assert lines[6:9] == [f"dead: {server}/missing (HTTP 404)", f"  in {place}: sources[1].url",
                          f"  try an archived copy: https://web.archive.org/web/*/{server}/missing"]
    assert lines[-1] == "6 address(es) checked (0 from the cache): 3 dead."
    assert HITS["HEAD /broken"] == 2 and HITS["HEAD /missing"] == 1  # 5xx retried, 404 not
    assert HITS["GET /no-head"] == 1 and HITS["HEAD /redirect"] == 1
    assert HITS["HEAD /ok"] + HITS["GET /ok"] == 2  # once for itself (used twice, checked once), once via the redirect


def test_successes_are_cached_and_failures_rechecked(run_cli, cases_dir, server, tmp_path):
    synthetic_case(cases_dir, server)
    cache = tmp_path / "links.json"
    check(run_cli, cases_dir, cache)
    assert sorted(json.loads(cache.read_text(encoding="utf-8"))) == [f"{server}/no-head", f"{server}/ok", f"{server}/redirect"]
    HITS.clear()
    result = check(run_cli, cases_dir, cache, "--format", "json")
    report = {item["url"]: item for item in json.loads(result.out)}
    assert report[f"{server}/ok"]["cached"] and not report[f"{server}/missing"]["cached"]
    assert HITS["HEAD /ok"] == 0 and HITS["HEAD /missing"] == 1
    assert report[f"{server}/missing"]["archive"] == f"https://web.archive.org/web/*/{server}/missing"


def test_a_stale_cache_entry_is_checked_again(run_cli, cases_dir, server, tmp_path):
    synthetic_case(cases_dir, server)
    cache = tmp_path / "links.json"
    cache.write_text(json.dumps({f"{server}/ok": "2000-01-01T00:00:00+00:00"}), encoding="utf-8")
    HITS.clear()
    result = check(run_cli, cases_dir, cache, "--format", "json")
    assert HITS["HEAD /ok"] == 1
    ok = next(item for item in json.loads(result.out) if item["url"] == f"{server}/ok")
    assert (ok["cached"], ok["places"]) == (False, ["cases/synthetic-links/index.en.md: sources[0].url",
                                                    "cases/synthetic-links/index.en.md: datasets[0].url"])
