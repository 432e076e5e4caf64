"""Add article files to a store, with extraction, deduplicated, never disturbing
what is already there.

A store that is a directory receives one new ``imported-*.jsonl`` file per
import; a ``.jsonl`` or ``.json`` store file is rewritten atomically with the new
articles appended.  Articles already in the store (same URL, or the same text)
are skipped, so re-importing is idempotent.  Annotations are keyed by article id
and entry text, and existing articles are never rewritten, so they are untouched.
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import orjson

from tui.data.journal_io import atomic_write
from tui.data.model import Article
from tui.data.reader import ARTICLE_SUFFIXES, RawArticle, content_hash, read_articles
from tui.data.store import StoreError, load_store


@dataclass
class ImportReport:
    added: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    written_to: str = ""


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Files to import: the files given, and article files under the directories given."""
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(Path(root) / f for f in sorted(files)
                           if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith("."))
        else:
            out.append(path)
    return out


def extraction_of(raw: RawArticle) -> dict:
    """The article's actors/quotes/options: its own if it has them, else extracted."""
    if raw.extracted:
        return raw.extracted
    from tui.extract import extract  # heavy rules: imported only when needed

    result = extract(raw.title, raw.paragraphs)
    return {"actors": result.actors, "quotes": result.quotes, "options": result.options}


def to_store_dict(raw: RawArticle, extraction: dict) -> dict:
    def plain(obj) -> dict:
        return {name: (list(v) if isinstance(v, tuple) else v)
                for name in obj.__slots__ for v in [getattr(obj, name)]}

    byline = {"byline": raw.byline} if raw.byline else {}
    return {
        "id": raw.id, "title": raw.title, "source": raw.source, "url": raw.url, "published": raw.published,
        **byline, "text": raw.text,
        "actors": [plain(a) for a in extraction["actors"]],
        "quotes": [plain(q) for q in extraction["quotes"]],
        "options": [plain(o) for o in extraction["options"]],
    }


def _existing(store_path: Path) -> list[Article]:
    if not store_path.exists():
        return []
    if store_path.is_dir() and not any(n.endswith((".json", ".jsonl")) for n in os.listdir(store_path)):
        return []
    return load_store(store_path).articles


class StoreAdder:
    """Collects new articles for a store, skipping ones it already has; ``commit`` writes them once."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = Path(store_path)
        self.report = ImportReport()
        existing = _existing(self.store_path)
        self.urls = {a.url for a in existing if a.url}
        self.hashes = {content_hash(a.text) for a in existing}
        self.ids = {a.id for a in existing}
        self.new: list[dict] = []

    def has_url(self, url: str) -> bool:
        return url in self.urls

    def add(self, raw: RawArticle, origin: str) -> bool:
        """Extract and keep ``raw`` unless the store has it (same URL or text); True if kept."""
        digest = raw.content_hash
        if (raw.url and raw.url in self.urls) or digest in self.hashes:
            self.report.duplicates += 1
            return False
        if raw.id in self.ids:
            raw.id = f"{raw.id}-{digest[:8]}"
        try:
            self.new.append(to_store_dict(raw, extraction_of(raw)))
        except Exception as exc:  # one bad article must not sink the batch
            self.report.failed.append((origin, f"extraction failed: {exc}"))
            return False
        if raw.url:
            self.urls.add(raw.url)
        self.hashes.add(digest)
        self.ids.add(raw.id)
        return True

    def commit(self) -> ImportReport:
        if self.new:
            self.report.written_to = str(_write(self.store_path, self.new))
        self.report.added = len(self.new)
        return self.report


def import_paths(paths: Iterable[Path], store_path: Path,
                 progress: Callable[[int, int], None] | None = None) -> ImportReport:
    adder = StoreAdder(store_path)
    files = article_files(paths)
    for n, file in enumerate(files, 1):
        try:
            raws = read_articles(file)
        except StoreError as exc:
            detail = str(exc)
            adder.report.failed.append(
                (str(file), detail[len(exc.path) + 2:] if detail.startswith(exc.path) else detail))
            raws = []
        for raw in raws:
            adder.add(raw, str(file))
        if progress:
            progress(n, len(files))
    return adder.commit()


def _write(store_path: Path, new: list[dict]) -> Path:
    lines = b"".join(orjson.dumps(a) + b"\n" for a in new)
    suffix = store_path.suffix.lower()
    if suffix == ".jsonl":
        old = store_path.read_bytes() if store_path.exists() else b""
        if old and not old.endswith(b"\n"):
            old += b"\n"
        atomic_write(store_path, old + lines)
        return store_path
    if suffix == ".json":
        doc = orjson.loads(store_path.read_bytes()) if store_path.exists() else {"articles": []}
        articles = doc["articles"] if isinstance(doc, dict) else doc
        if not isinstance(articles, list):
            articles = [articles]
        articles.extend(new)
        atomic_write(store_path, orjson.dumps({"articles": articles}, option=orjson.OPT_INDENT_2))
        return store_path
    store_path.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    target = store_path / f"imported-{stamp}-{content_hash(lines.decode())[:6]}.jsonl"
    atomic_write(target, lines)
    return target
