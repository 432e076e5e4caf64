"""A compact copy of a built index, kept between sessions so a big store opens fast.

The cache holds the rows the panes show and filter (actors, quotes, options with
their haystacks) and each article's metadata, but not article bodies: a body is
read from the store file when the detail pane needs it, by the byte span of its
JSON Lines record (articles of ``.json`` files keep their text in the cache).

It lives in ``$XDG_CACHE_HOME/briefing-tui/index/`` (derived data, safe to
delete), keyed by the store's path, and is used only if every store file still
has the size, modification time and inode it had when the cache was written, and
the cache was written by this version of briefing-tui; otherwise the store is
read again and the cache rewritten.  It is :mod:`marshal` data: the fastest
stdlib format to load for plain strings, numbers and tuples, and only ever read
from the user's own cache directory.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from array import array
from pathlib import Path

import orjson
from platformdirs import user_cache_path

from tui import __version__
from tui.data.index import ActorRow, Index, OptionRow, QuoteRow
from tui.data.journal_io import atomic_write
from tui.data.model import paragraphs_of
from tui.data.sanitize import clean
from tui.data.store import Store
from tui.data.words import WordIndex

FORMAT = f"briefing-tui index 3 / {__version__}"


def cache_path_for(store: Path) -> Path:
    resolved = Path(os.path.abspath(Path(store).expanduser()))  # not resolve(): a symlink loop must not raise
    digest = hashlib.blake2b(str(resolved).encode(), digest_size=6).hexdigest()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.name or "store")[:40]
    return user_cache_path("briefing-tui") / "index" / f"{name}-{digest}.idx"


def fingerprint(files: list[Path]) -> tuple:
    out = []
    for file in files:
        st = os.stat(file)
        out.append((os.path.abspath(file), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


class StoredArticle:
    """An article's metadata, with its body read from the store file on demand."""

    __slots__ = ("id", "title", "source", "url", "published", "byline", "origin", "_text", "_files")

    def __init__(self, fields: tuple, files: list[Path]) -> None:
        self.id, self.title, self.source, self.url, self.published, self.byline, self.origin, self._text = fields
        self._files = files

    @property
    def text(self) -> str:
        if self._text is not None:
            return self._text
        number, offset, length = self.origin
        try:
            with open(self._files[number], "rb") as fh:
                fh.seek(offset)
                raw = orjson.loads(fh.read(length))
        except (OSError, orjson.JSONDecodeError, IndexError):
            return ""  # the store changed under us; the next open re-reads it
        if not isinstance(raw, dict) or str(raw.get("id")) != self.id or not isinstance(raw.get("text"), str):
            return ""
        return clean(raw["text"])

    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.text)


def save(index: Index, path: Path) -> None:
    """Write ``index`` to ``path`` (atomically); a failure to write only costs speed next time."""
    store = index.store
    try:
        stamp = fingerprint(store.files)
    except OSError:
        return
    articles = [(a.id, a.title, a.source, a.url, a.published, a.byline, a.origin,
                 None if a.origin is not None else a.text) for a in index.articles]
    payload = (
        FORMAT, stamp, [str(f) for f in store.files], list(store.skipped), articles,
        [tuple(getattr(r, f) for f in ActorRow.__slots__) for r in index.actors],
        [tuple(getattr(r, f) for f in QuoteRow.__slots__) for r in index.quotes],
        [tuple(getattr(r, f) for f in OptionRow.__slots__) for r in index.options],
        [(blob, starts.tobytes()) for blob, starts in map(index.haystacks, ("quotes", "options"))],
        [(w.vocabulary, w.offsets.tobytes(), w.postings.tobytes()) for w in map(index.words, ("quotes", "options"))],
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps(payload, 4))
    except OSError:
        pass


def load(store_path: Path, files: list[Path], path: Path) -> Index | None:
    """The cached index of ``store_path`` if it is still valid, else None."""
    try:
        data = path.read_bytes()
        fmt, stamp, names, skipped, articles, actors, quotes, options, blobs, words = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    try:
        if fmt != FORMAT or stamp != fingerprint(files):
            return None
    except OSError:
        return None
    del data
    files = [Path(n) for n in names]
    store = Store(Path(store_path), [StoredArticle(a, files) for a in articles], skipped, files)
    kinds = ("quotes", "options")
    return Index.restore(
        store, [ActorRow(*r) for r in actors], [QuoteRow(*r) for r in quotes], [OptionRow(*r) for r in options],
        {kind: (blob, array("q", starts)) for kind, (blob, starts) in zip(kinds, blobs)},
        {kind: WordIndex(vocabulary, array("q", offsets), array("i", postings))
         for kind, (vocabulary, offsets, postings) in zip(kinds, words)},
    )
