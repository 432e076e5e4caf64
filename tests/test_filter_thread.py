"""The filter thread: only the newest request's answer is delivered, older work is cancelled."""

from __future__ import annotations

import threading
import time

from tui.data.view import Cancelled
from tui.ui.filter_thread import FilterThread


def _wait(predicate, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_newer_request_cancels_the_running_one_and_only_it_is_delivered():
    started, release = threading.Event(), threading.Event()
    delivered, cancelled = [], []

    def compute(request, stale):
        if request == "slow":
            started.set()
            release.wait(5)
            if stale():
                cancelled.append(request)
                raise Cancelled
        return request.upper()

    worker = FilterThread(compute, lambda gen, result: delivered.append((gen, result)), lambda gen, exc: None)
    worker.submit("slow")
    assert started.wait(5)
    worker.submit("waiting")  # replaced before it runs
    newest = worker.submit("fast")
    release.set()
    _wait(lambda: delivered)
    time.sleep(0.05)
    assert delivered == [(newest, "FAST")] and cancelled == ["slow"]
    worker.close()
    worker._thread.join(5)
    assert not worker._thread.is_alive()


def test_a_failing_request_is_reported_and_the_thread_keeps_serving():
    failures, delivered = [], []

    def compute(request, stale):
        if request == "bad":
            raise ValueError("broken index")
        return request

    worker = FilterThread(compute, lambda gen, result: delivered.append(result),
                          lambda gen, exc: failures.append(str(exc)))
    worker.submit("bad")
    _wait(lambda: failures)
    worker.submit("good")
    _wait(lambda: delivered)
    assert failures == ["broken index"] and delivered == ["good"]
    worker.close()
