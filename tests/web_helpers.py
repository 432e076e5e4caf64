"""Fixtures for the fetch tests: real loopback sites serving pages and feeds written for them."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tui.web.download import Document, fetch_document
from tui.web.guard import guarded_client
from tui.web.policy import FetchPolicy
from webserver import Reply, Site

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
PORTS = (WEB / "ports.html").read_bytes()
GRAIN = (WEB / "grain.html").read_bytes()


def policy(**kw) -> FetchPolicy:
    """The test policy: loopback allowed, short waits."""
    kw.setdefault("allow_private", True)
    kw.setdefault("backoff", 0.05)
    return FetchPolicy(**kw)


def get(url: str, validators: dict[str, str] | None = None, **kw) -> Document:
    async def run() -> Document:
        p = policy(**kw)
        async with guarded_client(p) as client:
            return await fetch_document(client, url, p, validators=validators)
    return asyncio.run(run())


def rss(site: Site) -> bytes:
    return (WEB / "feed.rss").read_text().replace("{base}", site.url("")).encode()


def serve_news(site: Site) -> dict[str, str]:
    """Two article pages and an RSS feed listing both; returns their URLs."""
    return {
        "ports": site.serve("/world/baltic-patrols", Reply(PORTS)),
        "grain": site.serve("/2026/11/grain-corridor", Reply(GRAIN)),
        "rss": site.serve("/feed.rss", Reply(rss(site), "application/rss+xml")),
    }


@pytest.fixture
def site():
    s = Site("127.0.0.1")
    yield s
    s.close()


@pytest.fixture
def other_site():
    """A second server on another loopback address (127.0.0.2): a 'private' redirect target."""
    s = Site("127.0.0.2")
    yield s
    s.close()
