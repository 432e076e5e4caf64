"""Fetch pages and feeds concurrently and add the articles found to a store.

Nothing is written until every document has been tried, and then only the new
articles are added (through :class:`tui.data.importer.StoreAdder`, deduplicated
by canonical URL and content hash), so a failed fetch never touches the store.
A feed's ETag / Last-Modified are remembered only after its articles are safely
written and none of its entries failed, so the next poll retries what failed.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import httpx

from tui.data.importer import StoreAdder
from tui.data.reader import RawArticle
from tui.web.download import Document, FetchError, check_url, fetch_document
from tui.web.feeds import FeedEntry, FeedState, feed_entries
from tui.web.guard import guarded_client
from tui.web.pages import article_from_page
from tui.web.policy import FetchPolicy

Progress = Callable[[int, int, str], None]  # done, total, what just finished


@dataclass
class FetchReport:
    fetched: int = 0                   # documents downloaded (pages and feeds)
    added: int = 0
    duplicates: int = 0
    unchanged_feeds: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    written_to: str = ""

    def summary(self) -> str:
        parts = [f"fetched {self.fetched}", f"added {self.added}", f"duplicates {self.duplicates}",
                 f"failed {len(self.failed)}"]
        if self.unchanged_feeds:
            parts.append(f"{self.unchanged_feeds} feed{'s' if self.unchanged_feeds > 1 else ''} unchanged")
        return ", ".join(parts)


class _Run:
    def __init__(self, client: httpx.AsyncClient, policy: FetchPolicy, adder: StoreAdder, state: FeedState,
                 limit: int, progress: Progress | None) -> None:
        self.client, self.policy, self.adder, self.state = client, policy, adder, state
        self.limit = limit
        self.progress = progress
        self.report = FetchReport()
        self.slots = asyncio.Semaphore(policy.concurrency)
        self.hosts: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(policy.per_host))
        self.pages: list[tuple[tuple[int, ...], str, RawArticle]] = []  # (order, url, article)
        self.seen: set[str] = set()
        self.total = self.done = 0
        self.validators: dict[str, dict[str, str]] = {}  # feeds to remember once written

    def _tick(self, what: str) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, what)

    def _fail(self, url: str, reason: str) -> None:
        self.report.failed.append((url, reason))
        self._tick(f"failed: {url}")

    async def _get(self, url: str, validators: dict[str, str] | None = None) -> Document:
        host = check_url(url).host
        async with self.slots, self.hosts[host]:
            document = await fetch_document(self.client, url, self.policy, validators=validators)
        if not document.not_modified:
            self.report.fetched += 1
        return document

    async def feed(self, url: str, order: tuple[int, ...], document: Document | None = None) -> None:
        try:
            if document is None:
                document = await self._get(url, self.state.validators(url))
            if document.not_modified:
                self.report.unchanged_feeds += 1
                self._tick(f"unchanged: {url}")
                return
            entries = feed_entries(document, self.limit)
        except FetchError as exc:
            self._fail(url, str(exc))
            return
        self._tick(f"feed: {url} ({len(entries)} entries)")
        failed_before = len(self.report.failed)
        self.total += len(entries)
        async with asyncio.TaskGroup() as group:
            for n, entry in enumerate(entries):
                group.create_task(self.page(entry.url, order + (n,), entry))
        if len(self.report.failed) == failed_before and document.validators:
            self.validators[url] = document.validators

    async def page(self, url: str, order: tuple[int, ...], entry: FeedEntry | None = None) -> None:
        if url in self.seen or self.adder.has_url(url):
            self.report.duplicates += 1
            self._tick(f"duplicate: {url}")
            return
        self.seen.add(url)
        try:
            document = await self._get(url)
            if document.is_feed:
                if entry is None:  # a page URL that turned out to be a feed: read it as one
                    return await self.feed(url, order, document)
                raise FetchError("a feed entry links to another feed")
            raw = await asyncio.to_thread(article_from_page, document, entry)
        except FetchError as exc:
            self._fail(url, str(exc))
            return
        except Exception as exc:  # a page that breaks the extractor fails alone
            self._fail(url, f"could not read the page: {type(exc).__name__}: {exc}"[:300])
            return
        self.pages.append((order, url, raw))
        self._tick(f"fetched: {raw.title or url}")

    def add_in_order(self) -> None:
        """Extract and add the pages in the order given (feed order, then URLs), not as they arrived."""
        for _, url, raw in sorted(self.pages, key=lambda page: page[0]):
            self.adder.add(raw, url)


async def fetch_into_store(urls: list[str], feeds: list[str], store_path: Path, policy: FetchPolicy, *,
                           limit: int = 50, state: FeedState | None = None,
                           progress: Progress | None = None) -> FetchReport:
    """Fetch, extract and add; raises StoreError if the store itself cannot be read."""
    adder = await asyncio.to_thread(StoreAdder, store_path)
    state = state or FeedState()
    async with guarded_client(policy) as client:
        run = _Run(client, policy, adder, state, limit, progress)
        run.total = len(urls) + len(feeds)
        async with asyncio.TaskGroup() as group:
            for n, url in enumerate(feeds):
                group.create_task(run.feed(url, (n,)))
            for n, url in enumerate(urls, len(feeds)):
                group.create_task(run.page(url, (n,)))
    await asyncio.to_thread(run.add_in_order)
    committed = await asyncio.to_thread(adder.commit)
    report = run.report
    report.duplicates += committed.duplicates
    report.failed.extend(committed.failed)
    report.added, report.written_to = committed.added, committed.written_to
    for url, validators in run.validators.items():
        state.remember(url, validators)
    return report
