"""Fetch from the web inside the dashboard: a dialog for URLs, a worker that
fetches without blocking the UI, progress in the status line, and the panes
reloaded when the articles are in the store.

The fetching itself is :func:`tui.web.fetcher.fetch_into_store`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work


class FetchActions:
    """The fetch key of :class:`tui.ui.app.BriefingApp`; expects ``index``, ``panes`` and ``_apply_view``."""

    fetch_progress = ""
    _fetch_policy = None  # set by the app; the default policy is made on the first fetch

    @property
    def fetch_policy(self):
        if self._fetch_policy is None:
            from tui.web.policy import FetchPolicy

            self._fetch_policy = FetchPolicy()
        return self._fetch_policy

    def _fetch_target(self) -> Path | None:
        from tui.data.store import sample_store_path

        path = Path(self.index.store.path)
        if path.resolve() == sample_store_path().resolve():
            self.notify("The bundled sample store is read-only: open a store of your own "
                        "(briefing-tui PATH) to fetch into it", severity="warning", markup=False, timeout=8)
            return None
        return path

    def action_fetch(self) -> None:
        if self.fetch_progress:
            self.notify("A fetch is already running", severity="warning", markup=False)
            return
        target = self._fetch_target()
        if target is None:
            return

        def done(urls: list[str] | None) -> None:
            if urls:
                self._fetching(f"fetching {len(urls)}…")
                self._fetch(urls, target)

        from tui.ui.dialogs import FetchDialog  # loaded when first used

        self.push_screen(FetchDialog(f"into {self.store_name}"), done)

    @work(group="fetch", exclusive=True)
    async def _fetch(self, urls: list[str], target: Path) -> None:
        from tui.data.store import StoreError
        from tui.web.fetcher import fetch_into_store

        def progress(done: int, total: int, _what: str) -> None:
            self._fetching(f"fetching {done}/{total}")

        try:
            report = await fetch_into_store(urls, [], target, self.fetch_policy, progress=progress)
            if report.added:
                self._fetching("loading new articles…")
                await self._reload_store(target)
        except (StoreError, OSError) as exc:
            self.notify(f"Fetch failed: {exc}", severity="error", markup=False, timeout=10)
            return
        finally:
            self._fetching("")
        self.notify(report.summary().capitalize(), title="Fetch", markup=False, timeout=8,
                    severity="information" if not report.failed else "warning")
        for url, reason in report.failed[:3]:
            self.notify(f"{url}\n{reason}", title="Fetch failed", severity="error", markup=False, timeout=12)
        if len(report.failed) > 3:
            self.notify(f"and {len(report.failed) - 3} more failures", severity="error", markup=False)

    def _fetching(self, progress: str) -> None:
        self.fetch_progress = progress
        self._update_status()

    async def _reload_store(self, path: Path) -> None:
        from tui.data.loader import load_index

        index = await asyncio.to_thread(load_index, path)
        self.use_index(index)
