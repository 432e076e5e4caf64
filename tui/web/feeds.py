"""RSS/Atom feeds: their entry links (feedparser reads every dialect), and the
validators (ETag / Last-Modified) remembered between polls for conditional GETs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import orjson
from filelock import FileLock
from platformdirs import user_state_path

from tui.data.journal_io import atomic_write
from tui.data.sanitize import clean_line
from tui.web.download import Document, FetchError, check_url


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str = ""
    author: str = ""
    published: str = ""


def feed_entries(document: Document, limit: int) -> list[FeedEntry]:
    """The entries of a feed, newest first as the feed lists them, at most ``limit``."""
    import feedparser  # only the fetch command needs it

    headers = {"content-type": document.media_type + (f"; charset={document.charset}" if document.charset else ""),
               "content-location": document.url}
    parsed = feedparser.parse(document.body, response_headers=headers, sanitize_html=True,
                              resolve_relative_uris=True)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(problem)})" if problem else ""
        raise FetchError(f"not a feed, or a feed without entries{detail}")
    out: list[FeedEntry] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        try:
            url = str(check_url(str(_join(document.url, link))))
        except FetchError:
            continue  # an entry without a usable web link
        published = ""
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        out.append(FeedEntry(url, clean_line(entry.get("title", "")), clean_line(entry.get("author", "")),
                             published))
        if len(out) >= limit:
            break
    return out


def _join(base: str, link: str) -> str:
    return str(httpx.URL(base).join(link.strip())) if link.strip() else ""


def _one_line(problem: object) -> str:
    return " ".join(str(problem).split())[:160]


def feed_state_path() -> Path:
    return user_state_path("briefing-tui") / "feeds.json"


class FeedState:
    """Validators per feed URL, kept in ``$XDG_STATE_HOME/briefing-tui/feeds.json``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or feed_state_path()

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError, OSError):
            return {}  # lost state only costs one unconditional fetch
        return data if isinstance(data, dict) else {}

    def validators(self, feed_url: str) -> dict[str, str]:
        entry = self._read().get(feed_url, {})
        return {k: v for k, v in entry.items() if k in ("etag", "last-modified") and isinstance(v, str)}

    def remember(self, feed_url: str, validators: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.path) + ".lock", timeout=10):
            data = self._read()
            data[feed_url] = dict(validators)
            atomic_write(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS))
