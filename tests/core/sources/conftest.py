"""Fixtures for the source parser tests: a real HTTP server on 127.0.0.1 and small helpers."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pantau.core.sources import SourcePost, SourceProblem


def split(items):
    """(posts, problems) of a finished iteration."""
    items = list(items)
    posts = [i for i in items if isinstance(i, SourcePost)]
    problems = [i for i in items if isinstance(i, SourceProblem)]
    assert len(posts) + len(problems) == len(items)
    return posts, problems


class LocalServer:
    """Routes: path (with query) → callable(handler) returning (status, headers, body)."""

    def __init__(self):
        self.routes: dict = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if route is None:
                    status, headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
                else:
                    status, headers, body = route(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def add(self, path, body=b"", status=200, headers=None):
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = lambda handler: (status, headers or {}, data)


@pytest.fixture
def server():
    local = LocalServer()
    local.thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()
