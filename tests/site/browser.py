"""Serving a built site on 127.0.0.1 under the path of its site_url, and Debian's chromium."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
PREFIX = "/knowledge-base"  # the path of site_url in mkdocs.yml: static-i18n writes it into links


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder under PREFIX only, silently."""

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(PREFIX + "/"):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path(path[len(PREFIX):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The site's base URL while a server thread serves it."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SiteHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}/"
    finally:
        server.shutdown()
        server.server_close()
