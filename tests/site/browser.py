"""Serving a built site on 127.0.0.1 under the path of its site_url, Debian's chromium, and a
Reader that records console errors and requests to other hosts and runs axe-core."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from odimpact.paths import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PREFIX = "/knowledge-base"  # the path of site_url in mkdocs.yml: static-i18n writes it into links


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only, silently."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path(path[len(PREFIX) :])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site's base URL while a server thread serves it."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
    finally:
        server.shutdown()
        server.server_close()


AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class Reader:
    """A page that records console errors and blocks, then reports, requests to other hosts."""

    def __init__(self, browser: object, base_url: str, width: int = 1280) -> None:
        self.base_url = base_url
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.requested: list[str] = []
        # A context of its own, closed whole once nothing is loading (see close).
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: object) -> None:
        self.requested.append(route.request.url)
        if urlparse(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def open(self, path: str) -> object:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def search(self, query: str) -> list[str]:
        """Result links of a search on this page's language search page."""
        self.page.fill(".pagefind-ui__search-input", query)
        self.page.wait_for_selector(".pagefind-ui__result-link", timeout=10000)
        self.page.wait_for_load_state("networkidle")
        return self.page.eval_on_selector_all(
            ".pagefind-ui__result-link", "links => links.map(l => l.getAttribute('href'))"
        )

    def axe_violations(self) -> list[str]:
        self.page.add_script_tag(path=str(AXE))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]

    def close(self) -> None:
        self.page.wait_for_load_state("networkidle")  # nothing in flight when the context goes
        # and nothing paused by the route either: closing a context while a request waits for its
        # route handler never returns (Playwright stalls the handlers of a closing page).
        self.page.unroute_all(behavior="ignoreErrors")
        self.context.close()
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.errors == [], f"console errors: {self.errors}"
