"""SVG snapshot tests of the look, at 80x24 and 120x36, on the bundled sample store.

Update after an intended UI change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import time

import pytest

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.store import load_store, sample_store_path
from tui.ui.app import BriefingApp

SIZES = [(80, 24), (120, 36)]


def make_app(tmp_path):
    app = BriefingApp(Index(load_store(sample_store_path())), AnnotationStore(tmp_path / "notes.jsonl"),
                      store_name="sample store", poll=0)
    app.clock = lambda _t: time.struct_time((2026, 11, 24, 9, 30, 0, 1, 328, 0))  # a fixed "saved" time
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, tmp_path, size):
    assert snap_compare(make_app(tmp_path), press=["tab", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_filter_in_use(snap_compare, tmp_path, size):
    keys = ["slash", *"kind:state -russia"]
    assert snap_compare(make_app(tmp_path), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_invalid_filter_shows_error(snap_compare, tmp_path, size):
    assert snap_compare(make_app(tmp_path), press=["slash", *"is:bogus"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_actor_facet(snap_compare, tmp_path, size):
    assert snap_compare(make_app(tmp_path), press=["down", "down", "enter"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_note_dialog(snap_compare, tmp_path, size):
    keys = ["tab", "tab", "n", *"Watch for a NATO statement", "enter", *"before Friday."]
    assert snap_compare(make_app(tmp_path), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_starred_and_tagged_markers(snap_compare, tmp_path, size):
    keys = ["tab", "s", "down", "t", *"escalation", "enter", "tab", "a", "3", "down", "2", "enter"]
    assert snap_compare(make_app(tmp_path), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, tmp_path, size):
    assert snap_compare(make_app(tmp_path), press=["question_mark"], terminal_size=size)


def test_assess_dialog(snap_compare, tmp_path):
    assert snap_compare(make_app(tmp_path), press=["tab", "tab", "a", "right", "right"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_fetch_dialog(snap_compare, tmp_path, size):
    import shutil

    from tests.conftest import FIXTURE_STORE

    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    app = BriefingApp(Index(load_store(store)), AnnotationStore(tmp_path / "notes.jsonl"), store_name="world.json",
                      poll=0)
    assert snap_compare(app, press=["f", *"https://example.org/feed.xml"], terminal_size=size)
