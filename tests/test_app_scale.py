"""The dashboard with a store that loads behind the first frame, and filtering in a thread."""

from __future__ import annotations

import threading

from conftest import FIXTURE_STORE, burst, pane, status, wait_for
from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.loader import load_index
from tui.data.store import Store, StoreError, load_store
from tui.data.view import compute_view
from tui.ui.app import BriefingApp


def _loading_app(tmp_path, loader):
    return BriefingApp(Index(Store(FIXTURE_STORE, [])), AnnotationStore(tmp_path / "notes.jsonl"),
                       store_name="world", poll=0, loader=loader)


async def test_the_first_frame_shows_progress_and_the_panes_fill_when_loaded(tmp_path):
    gate = threading.Event()

    def loader(progress):
        progress(0.0)
        gate.wait(10)  # hold the load until the test has seen the loading screen
        return load_index(FIXTURE_STORE, progress=progress)

    app = _loading_app(tmp_path, loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "loading" in status(app)
        assert pane(app, "actors").row_count == 0
        await pilot.press("j", "tab")  # keys work while loading
        gate.set()
        await wait_for(pilot, lambda: app.loading is None, 10)
        assert "4 articles" in status(app)
        assert pane(app, "actors").row_count == len(Index(load_store(FIXTURE_STORE)).actors)


async def test_a_store_that_fails_to_load_ends_the_app_with_its_error(tmp_path):
    def loader(progress):
        raise StoreError(tmp_path / "bad.json", "invalid JSON at line 1, column 2")

    app = _loading_app(tmp_path, loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.load_error is not None, 5)
    assert app.return_code == 2
    assert str(app.load_error).endswith("bad.json: invalid JSON at line 1, column 2")


async def test_filtering_in_a_thread_shows_the_view_of_the_last_query_typed(tmp_path, monkeypatch):
    import tui.ui.filtering as filtering_module

    monkeypatch.setattr(filtering_module, "BACKGROUND_ROWS", 0)  # every filter goes to the thread
    index = Index(load_store(FIXTURE_STORE))
    app = BriefingApp(index, AnnotationStore(tmp_path / "notes.jsonl"), store_name="t", poll=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await burst(pilot, *"nato")  # faster than each filter finishes
        await pilot.press("backspace", "backspace", "backspace")
        await burst(pilot, *"orway")
        await wait_for(pilot, lambda: app.view.query_text == "norway" and not app.filtering, 10)
        expected = compute_view(index, "norway", app.notes.get)
        assert list(pane(app, "quotes").row_ids) == list(expected.quotes)
        assert list(pane(app, "options").row_ids) == list(expected.options)
        assert list(pane(app, "actors").row_ids) == list(expected.actors)


async def test_the_typed_key_waits_for_a_threaded_filter_at_most_a_moment(tmp_path, monkeypatch):
    """While a filter runs in a thread the screen holds the key's echo, so the echo and the
    results arrive in one repaint; a slow filter releases the screen after HOLD seconds."""
    import tui.ui.filtering as filtering_module

    monkeypatch.setattr(filtering_module, "BACKGROUND_ROWS", 0)
    monkeypatch.setattr(filtering_module, "HOLD", 1.0)  # long enough to be seen held
    gate = threading.Event()
    real = filtering_module.compute_view

    def slow(*args, **kwargs):
        gate.wait(10)
        return real(*args, **kwargs)

    index = Index(load_store(FIXTURE_STORE))
    app = BriefingApp(index, AnnotationStore(tmp_path / "notes.jsonl"), store_name="t", poll=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        monkeypatch.setattr(filtering_module, "compute_view", slow)
        await pilot.press("n")
        assert app._held is not None  # held while the thread works
        await wait_for(pilot, lambda: app._held is None, 3)  # released by the timer
        assert app.filtering and "filter: n …" in status(app)
        gate.set()
        await wait_for(pilot, lambda: app.view.query_text == "n" and not app.filtering, 10)
        monkeypatch.setattr(filtering_module, "compute_view", real)
        await pilot.press("a")
        await wait_for(pilot, lambda: app.view.query_text == "na" and not app.filtering, 10)
        assert app._held is None and app._batch_count == 0  # released with the results
        assert list(pane(app, "quotes").row_ids) == list(compute_view(index, "na", app.notes.get).quotes)


async def test_annotation_terms_in_a_thread_see_the_saved_annotations(tmp_path, monkeypatch):
    import tui.ui.filtering as filtering_module

    monkeypatch.setattr(filtering_module, "BACKGROUND_ROWS", 0)
    index = Index(load_store(FIXTURE_STORE))
    app = BriefingApp(index, AnnotationStore(tmp_path / "notes.jsonl"), store_name="t", poll=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: not app.filtering, 10)
        await pilot.press("tab", "j", "s")  # star the second quote
        starred = pane(app, "quotes").current.id
        await pilot.press("slash", *"is:starred")
        await wait_for(pilot, lambda: app.view.query_text == "is:starred" and not app.filtering, 10)
        assert [index.quotes[i].id for i in pane(app, "quotes").row_ids] == [starred]
        await pilot.press("ctrl+u", *"-is:starred")
        await wait_for(pilot, lambda: app.view.query_text == "-is:starred" and not app.filtering, 10)
        assert len(pane(app, "quotes").row_ids) == len(index.quotes) - 1
    assert starred in (tmp_path / "notes.jsonl").read_text()


def test_the_first_frame_needs_no_numpy(tmp_path):
    """numpy (~70 ms to import) comes with the store, in the loading thread, not before the
    first frame: building the app as the command line does must not import it."""
    import subprocess
    import sys

    code = ("import sys; from pathlib import Path; from tui.data.index import Index; "
            "from tui.data.annotations import AnnotationStore; from tui.ui.app import BriefingApp; "
            f"app = BriefingApp(Index.empty(Path('s.jsonl')), AnnotationStore(Path({str(tmp_path)!r}) / 'n.jsonl'), "
            "loader=lambda progress: None); print(sorted(m for m in ('numpy', 'tui.data.search') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


async def test_a_filter_that_fails_in_the_thread_says_so_and_the_app_goes_on(tmp_path, monkeypatch):
    import tui.ui.filtering as filtering_module

    monkeypatch.setattr(filtering_module, "BACKGROUND_ROWS", 0)
    index = Index(load_store(FIXTURE_STORE))
    real = filtering_module.compute_view
    app = BriefingApp(index, AnnotationStore(tmp_path / "notes.jsonl"), store_name="t", poll=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: not app.filtering, 10)

        def broken(*args, **kwargs):
            raise OSError("cache file unreadable")

        monkeypatch.setattr(filtering_module, "compute_view", broken)
        await pilot.press("slash", "n")
        await wait_for(pilot, lambda: not app.filtering, 10)
        assert any("Filtering failed: cache file unreadable" in str(n.message) for n in app._notifications)
        assert app._held is None
        monkeypatch.setattr(filtering_module, "compute_view", real)
        await pilot.press("a")
        await wait_for(pilot, lambda: app.view.query_text == "na" and not app.filtering, 10)
