"""Open a big store without a frozen screen: the dashboard's first frame comes at
once, the store is read and indexed in a thread, the status line shows how far it
has got, and the panes fill when it is done.  Also how a re-read store (after a
fetch) replaces the one on screen, keeping each pane's cursor on its entry.
"""

from __future__ import annotations

import time
from typing import Callable

from textual import work

Loader = Callable[[Callable[[float], None]], object]  # progress -> Index


class StoreLoading:
    """A mixin for :class:`tui.ui.app.BriefingApp`."""

    loading: float | None = None  # fraction done while a store is being opened
    load_error: Exception | None = None

    def start_loading(self, loader: Loader) -> None:
        self.loading = 0.0
        self._update_status()
        self._load(loader)

    @work(thread=True, group="load", exit_on_error=False)
    def _load(self, loader: Loader) -> None:
        from tui.data.store import StoreError

        last = [0.0]

        def progress(fraction: float) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.1:  # a few repaints a second, not one per article
                last[0] = now
                self.call_from_thread(self._show_loading, fraction)

        try:
            index = loader(progress)
        except StoreError as exc:  # reported by the command line after the screen is restored
            self.call_from_thread(self._load_failed, exc)
            return
        self.call_from_thread(self._loaded, index)

    def _show_loading(self, fraction: float) -> None:
        if self.loading is not None:
            self.loading = fraction
            self._update_status()

    def _load_failed(self, error: Exception) -> None:
        self.load_error = error
        self.exit(return_code=2)

    def _loaded(self, index) -> None:
        self.loading = None
        self.use_index(index)
        skipped = index.store.skipped
        if skipped:
            self.notify(f"Skipped {len(skipped)} bad entries; first: {skipped[0]}", severity="warning",
                        markup=False, timeout=10)

    def use_index(self, index) -> None:
        """Show ``index`` in place of the current one, keeping each pane's cursor on the same entry."""
        kept = {pane.id: getattr(pane.current, "id", None) for pane in self.panes}
        self.index = index
        for pane in self.panes:
            pane.index = index
        if self.facet is not None and index.actor(self.facet) is None:
            self.facet = None
        self._apply_view(keep_cursor=False)
        if self.filtering:  # a big index is filtered in a thread: the cursors start at the top
            return
        for pane in self.panes:
            row = None if kept[pane.id] is None else index.row_number(pane.kind, kept[pane.id])
            position = None if row is None else pane.position_of(row)
            if position is not None:
                pane.cursor = position
