"""The fetch key in the dashboard: dialog, worker, panes reloaded, errors as notifications, store on disk."""

from __future__ import annotations

import shutil

import orjson

from conftest import FIXTURE_STORE, build_app, pane, status, wait_for
from web_helpers import policy, serve_news
from webserver import Reply


def _app(tmp_path, store):
    return build_app(tmp_path, store=store, fetch_policy=policy())


async def test_f_fetches_a_feed_into_the_store_and_the_panes_update(site, tmp_path):
    urls = serve_news(site)
    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    app = _app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        before = len(app.index.articles)
        await pilot.press("f")
        await pilot.press(*urls["rss"], "enter")
        await wait_for(pilot, lambda: len(app.index.articles) == before + 2 and not app.fetch_progress, 15)
        names = {pane(app, "actors").entry(r).name for r in pane(app, "actors").row_ids}
        assert {"Karin Saar", "Tomas Vaitkus"} <= names
        assert "Fetched 3, added 2, duplicates 0, failed 0" in [n.message for n in app._notifications]
        assert f"{before + 2} articles" in status(app)
    saved = orjson.loads(store.read_bytes())["articles"]
    assert len(saved) == before + 2
    assert saved[-1]["title"] == "Grain corridor talks stall over inspection rules"


async def test_a_failed_fetch_is_a_notification_and_the_store_is_untouched(site, tmp_path):
    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    before = store.read_bytes()
    pdf = site.serve("/x.pdf", Reply(b"%PDF", "application/pdf"))
    app = _app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", *pdf, "enter")
        await wait_for(pilot, lambda: any(n.title == "Fetch failed" for n in app._notifications), 10)
        failure = next(n for n in app._notifications if n.title == "Fetch failed")
        assert failure.message == f"{pdf}\nnot an article or feed: content type application/pdf"
        assert app.fetch_progress == ""
    assert store.read_bytes() == before


async def test_the_ui_keeps_answering_keys_while_a_slow_fetch_runs(site, tmp_path):
    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    slow = site.serve("/slow", Reply(b"<html></html>", delay=2.0))
    app = _app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", *slow, "enter")
        await wait_for(pilot, lambda: site.requests != [], 5)
        assert app.fetch_progress.startswith("fetching")
        actors = pane(app, "actors")
        start = actors.cursor
        await pilot.press("j", "j")
        assert actors.cursor == start + 2  # moved while the server is still silent
        assert "⇣ fetching" in str(app.query_one("#status-right").render())
        await wait_for(pilot, lambda: not app.fetch_progress, 10)


async def test_escape_cancels_the_dialog_and_the_sample_store_is_never_written(site, tmp_path):
    from tui.data.store import sample_store_path

    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    app = _app(tmp_path, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "h", "escape")
        assert len(app.screen_stack) == 1 and not app.fetch_progress
    app = _app(tmp_path, sample_store_path())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        assert len(app.screen_stack) == 1
        assert any("sample store is read-only" in n.message for n in app._notifications)


async def test_without_a_policy_the_dashboard_refuses_local_addresses(site, tmp_path):
    """The default policy (made on the first fetch) keeps loopback out; nothing is requested or saved."""
    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    before = store.read_bytes()
    page = site.serve("/a.html", Reply(b"<html><body><p>text</p></body></html>", "text/html"))
    app = build_app(tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", *page, "enter")
        await wait_for(pilot, lambda: any(n.title == "Fetch failed" for n in app._notifications), 10)
        failure = next(n for n in app._notifications if n.title == "Fetch failed")
        assert "loopback address (--allow-private fetches it)" in failure.message
    assert site.requests == []
    assert store.read_bytes() == before
