"""Real HTTP servers on loopback addresses for the fetch tests (stdlib http.server).

A :class:`Site` serves routes the test sets: fixed responses, redirects, or a
function that writes whatever it likes (slow drips, gzip bombs, 304s).  It
records every request, and how many were in flight at once per site.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable


@dataclass
class Reply:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (to overlap requests)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: "Site"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        site = self.site
        with site.lock:
            site.requests.append((self.path, dict(self.headers)))
            site.inflight += 1
            site.max_inflight = max(site.max_inflight, site.inflight)
        try:
            route = site.routes.get(self.path.split("?")[0])
            if route is None:
                self.send(Reply(b"not here", "text/plain", 404))
            elif callable(route):
                route(self)
            else:
                self.send(route)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with site.lock:
                site.inflight -= 1

    def send(self, reply: Reply) -> None:
        if reply.delay:
            threading.Event().wait(reply.delay)
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)


class Site:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Reply | Callable[[_Handler], None]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.inflight = self.max_inflight = 0
        handler = type("Handler", (_Handler,), {"site": self})
        self.server = ThreadingHTTPServer((host, 0), handler)
        self.server.daemon_threads = True
        self.host = host
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def serve(self, path: str, reply: Reply | Callable[[_Handler], None]) -> str:
        self.routes[path] = reply
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.serve(path, Reply(b"", "", status, {"Location": to}))

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
