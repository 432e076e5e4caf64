"""Collections are paused while the dashboard starts and resume once its first frame is out."""

from __future__ import annotations

import gc

import pytest

from conftest import build_app
from tui import startup_gc


@pytest.fixture
def collector():
    """Leave the collector as the test found it: enabled, nothing frozen by the test."""
    frozen = gc.get_freeze_count()
    yield
    startup_gc._paused = False
    gc.enable()
    if gc.get_freeze_count() != frozen:
        gc.unfreeze()


def test_pause_stops_collections_and_resume_freezes_what_was_made_then_restarts_them(collector):
    startup_gc.pause()
    assert not gc.isenabled()
    made = [[] for _ in range(1000)]  # objects made while paused
    gc.unfreeze()
    startup_gc.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_resume_leaves_alone_a_collector_it_did_not_pause(collector):
    gc.disable()  # someone else's choice (say, the index loader's)
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled()
    startup_gc.resume()
    assert not gc.isenabled()


async def test_the_app_restarts_collections_after_its_first_frame(tmp_path, collector):
    app = build_app(tmp_path)
    startup_gc.pause()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert app.query_one("#actors").size.height > 0  # laid out and drawn by then
