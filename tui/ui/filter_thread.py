"""One long-lived thread that filters a big index off the event loop.

A Textual thread worker per keystroke cost a thread, a worker object and its
state messages each time; this thread waits for work instead.  A newer request
replaces one still waiting and cancels one running (the computation asks
``stale()`` between steps); only the answer to the newest request is delivered.
"""

from __future__ import annotations

import threading
from typing import Callable, Generic, TypeVar

from tui.data.view import Cancelled

Request = TypeVar("Request")


class FilterThread(Generic[Request]):
    def __init__(self, compute: Callable[[Request, Callable[[], bool]], object],
                 deliver: Callable[[int, object], None], fail: Callable[[int, Exception], None]) -> None:
        self._compute, self._deliver, self._fail = compute, deliver, fail
        self._cond = threading.Condition()
        self._pending: tuple[int, Request] | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self.generation = 0  # of the newest request

    def submit(self, request: Request) -> int:
        with self._cond:
            self.generation += 1
            self._pending = (self.generation, request)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="briefing-filter", daemon=True)
                self._thread.start()
            self._cond.notify()
            return self.generation

    def stale(self, generation: int) -> bool:
        return generation != self.generation

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self.generation += 1  # whatever runs is stale now
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending is None and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return
                generation, request = self._pending
                self._pending = None
            try:
                result = self._compute(request, lambda: self.stale(generation))
            except Cancelled:
                continue
            except Exception as exc:  # shown to the user; the thread keeps serving
                if not self.stale(generation):
                    self._fail(generation, exc)
                continue
            if not self.stale(generation):
                self._deliver(generation, result)
