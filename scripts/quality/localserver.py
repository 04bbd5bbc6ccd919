"""Serve a built site on 127.0.0.1 the way a static host would, for the link crawl,
the audit and the benchmarks."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site where it will live: under site_url's path (e.g. /guide/)."""

    base_path = "/"

    def translate_path(self, path):
        if not path.startswith(self.base_path):
            return super().translate_path("/__outside_the_site__")
        return super().translate_path("/" + path[len(self.base_path):])

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A crawler or browser that closes a connection early is not an error of the site.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path, base_path: str = "/", handler: type[SiteHandler] = SiteHandler,
          port: int = 0) -> Iterator[str]:
    """Yields the site's base URL while a server runs in a background thread."""
    handler_class = type("Handler", (handler,), {"base_path": base_path})
    server = QuietServer(
        ("127.0.0.1", port), functools.partial(handler_class, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
