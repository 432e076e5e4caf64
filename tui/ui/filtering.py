"""Filtering the panes: at once for a small index, in a long-lived thread for a big one
(see :mod:`tui.ui.filter_thread`), with the typed key's echo held back until its results
can go to the terminal in the same repaint.
"""

from __future__ import annotations

import asyncio

from textual.message import Message

from tui.data.query import ANNOTATION_FIELDS, Query, parse
from tui.data.view import View, compute_view
from tui.ui.filter_thread import FilterThread

BACKGROUND_ROWS = 50_000  # rows past which filtering runs in a thread
HOLD = 0.05  # seconds the screen may wait for a filter in a thread before showing the typed key alone


class FilterDone(Message):
    """From the filter thread: ``result`` is a (View, keep_cursor) or the exception it raised."""

    def __init__(self, generation: int, result: tuple | Exception) -> None:
        super().__init__()
        self.generation, self.result = generation, result


class Filtering:
    """A mixin for :class:`tui.ui.app.BriefingApp`."""

    _held = None  # a batch_update() in progress while a filter runs in the thread
    _hold_timer: asyncio.TimerHandle | None = None  # ends it after HOLD
    _filterer: FilterThread | None = None  # started with the first filter of a big index

    def _apply_view(self, keep_cursor: bool = True, query: Query | None = None) -> None:
        """Recompute what the panes show; ``query`` is the already parsed filter, if at hand.

        A big index is filtered in a thread (a newer keystroke cancels older work);
        a small one at once.
        """
        if query is None:
            query = self.view.query if self.view.query_text == self.query_text else parse(self.query_text)
        request = (query, self.query_text, self.facet, keep_cursor, self._noted(query), self.index, self.view)
        if self._filters_in_background():
            self.filtering = True
            self._hold_screen()
            if self._filterer is None:
                self._filterer = FilterThread(self._compute_view, self._deliver_view, self._deliver_view)
            self._filterer.submit(request)
            return
        self._show_view(*self._compute_view(request))

    def _noted(self, query: Query) -> dict | None:
        """The annotated entries, read here on the event loop, if the query asks about them."""
        return self.notes.all() if any(t.field in ANNOTATION_FIELDS for t in query.terms) else None

    def on_unmount(self) -> None:
        if self._hold_timer is not None:
            self._hold_timer.cancel()
        if self._filterer is not None:
            self._filterer.close()

    def _compute_view(self, request, stale=None) -> tuple[View, bool]:
        """At once, or in the filter thread (which passes ``stale``)."""
        query, text, facet, keep_cursor, noted, index, previous = request
        view = compute_view(index, query, self.notes.get, facet, previous=previous, cancelled=stale, noted=noted)
        view.query_text = text
        return view, keep_cursor

    def _deliver_view(self, generation: int, result: tuple[View, bool] | Exception) -> None:
        """In the filter thread: hand the answer to the event loop (a message is thread-safe,
        and the thread need not wait for the loop to take it)."""
        try:
            self.post_message(FilterDone(generation, result))
        except RuntimeError:  # the app has closed meanwhile
            pass

    def on_filter_done(self, message: FilterDone) -> None:
        if self._filterer.stale(message.generation):
            return  # a newer query or store is on its way
        if isinstance(message.result, Exception):
            self._show_filter_error(message.result)
        elif message.result[0].index is self.index:
            self._show_view(*message.result)

    def _show_filter_error(self, error: Exception) -> None:
        self.filtering = False
        self._release_screen()
        self._update_status()
        self.notify(f"Filtering failed: {error}", severity="error", markup=False)

    def _filters_in_background(self) -> bool:
        return len(self.index.quotes) + len(self.index.options) + len(self.index.actors) > BACKGROUND_ROWS

    def _hold_screen(self) -> None:
        """Keep what is typed off the screen until the filter's answer can go with it, for at
        most HOLD seconds: one repaint per keystroke instead of two (the event loop stays free)."""
        if self._held is None:
            self._held = self.batch_update()
            self._held.__enter__()
            # the event loop's own timer: a Textual Timer costs ~0.1 ms a keystroke to make
            self._hold_timer = asyncio.get_running_loop().call_later(HOLD, self._hold_expired)

    def _hold_expired(self) -> None:
        self._release_screen()
        if self.filtering:
            self._update_status()  # "filter: … …": this answer takes a while

    def _release_screen(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            self._hold_timer.cancel()
            held.__exit__(None, None, None)

    def _show_view(self, view: View, keep_cursor: bool) -> None:
        self._release_screen()
        self.filtering = False
        self.view = view
        self.actors_pane.counts = self.view.counts
        for pane, rows in zip(self.panes, (self.view.actors, self.view.quotes, self.view.options)):
            pane.set_rows(rows, keep_cursor=keep_cursor)  # repaints the lines that change
            pane.set_counts(len(rows))
        self._show_detail()
        self._update_status()
