"""End-to-end flows of the dashboard through Textual's Pilot: start-up, panes, focus, facet and filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.view import compute_view
from tui.ui.detail import DetailPane

from conftest import (
    SIZES, cursor_line, detail_plain, fixture_index, go_to, option_id_containing as option_id, pane, pane_lines,
    status, type_text,
)


# ----------------------------------------------------------------- helpers
def quote_id(index: Index, needle: str) -> str:
    (row,) = [q for q in index.quotes if needle in q.text]
    return row.id


def expected_counts(app, query: str) -> tuple[int, int, int]:
    view = compute_view(app.index, query, app.notes.get)
    return len(view.actors), len(view.quotes), len(view.options)


def shown_counts(app) -> tuple[int, int, int]:
    return tuple(pane(app, n).row_count for n in ("actors", "quotes", "options"))

# ----------------------------------------------------------------- start-up
@pytest.mark.parametrize("size", SIZES)
async def test_startup_shows_every_pane(tmp_path, make_app, size) -> None:
    index = fixture_index()
    async with make_app(tmp_path, size=size) as pilot:
        app = pilot.app
        assert app.size == size
        totals = {"actors": len(index.actors), "quotes": len(index.quotes), "options": len(index.options)}
        assert totals == {"actors": 9, "quotes": 6, "options": 7}
        names = {a.name for a in index.actors}
        assert {"Elena Varga", "Russia"} <= names and not {"Varga", "Moscow"} & names  # merged, not duplicated
        for name, total in totals.items():
            p = pane(app, name)
            assert p.row_count == total
            assert p.border_title == f"{p.title} {total}"
            lines = pane_lines(p)
            assert lines[0].split()[0] in ("Name", "Speaker", "Option")  # header row
            assert sum(1 for line in lines[1:] if line.strip()) == min(total, p.size.height - 1)
        actors = pane(app, "actors")
        assert app.focused is actors
        assert actors.cursor == 0
        first = app.index.actors[actors.cursor_row_id]
        assert first.name in cursor_line(actors) or first.name[:8] in cursor_line(actors)
        assert first.name in detail_plain(app)
        assert f"{first.kind.upper()}\n{first.name}" in detail_plain(app)
        assert "4 articles" in status(app)
        assert app.query_one("#filter", Input).display is False
        assert "no changes" in app.query_one("#status-right", Static).content.plain


# ----------------------------------------------------------------- navigation
async def test_tab_and_shift_tab_cycle_the_panes(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        seen = [app.focused.id]
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["actors", "quotes", "options", "detail", "actors"]
        back = []
        for _ in range(4):
            await pilot.press("shift+tab")
            back.append(app.focused.id)
        assert back == ["detail", "options", "quotes", "actors"]


async def test_cursor_keys_move_and_detail_follows(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab")
        quotes = pane(app, "quotes")
        assert quotes.cursor == 0
        await pilot.press("j")
        assert quotes.cursor == 1
        await pilot.press("down", "down")
        assert quotes.cursor == 3
        await pilot.press("k")
        assert quotes.cursor == 2
        await pilot.press("up")
        assert quotes.cursor == 1
        q = quotes.current
        assert q is app.index.quotes[quotes.cursor_row_id]
        assert q.text[:30] in detail_plain(app)
        await pilot.press("end", "j")
        assert quotes.cursor == quotes.row_count - 1  # clamped at the end
        await pilot.press("g", "up")
        assert quotes.cursor == 0  # and at the start


async def test_enter_on_actor_narrows_and_x_escape_clear(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        actors, quotes, options = pane(app, "actors"), pane(app, "quotes"), pane(app, "options")
        await go_to(pilot, actors, lambda a: a.name == "Elena Varga")
        await pilot.press("enter")
        assert app.facet == "a:elena-varga"
        assert app.focused is quotes
        assert "actor:" in status(app) and "Elena Varga" in status(app)
        assert quotes.row_count == 2  # both of her quotes, the surname-only one included
        assert {app.index.quotes[i].article for i in quotes._rows} == {0, 1}
        assert quotes.border_title == "Quotes 2/6"
        assert options.row_count == 0 and options.border_title == "Options 0/7"
        await pilot.press("x")
        assert app.facet is None
        assert "actor:" not in status(app)
        assert (quotes.row_count, options.row_count) == (6, 7)
        assert quotes.border_title == "Quotes 6"
        # escape removes the facet too
        await go_to(pilot, actors, lambda a: a.name == "Norway")
        await pilot.press("enter")
        assert (quotes.row_count, options.row_count) == (0, 2)
        await pilot.press("escape")
        assert app.facet is None
        assert (quotes.row_count, options.row_count) == (6, 7)


async def test_enter_on_quote_opens_detail_and_escape_returns(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab", "j", "enter")
        assert isinstance(app.focused, DetailPane)
        assert "Context (paragraph" in detail_plain(app)
        await pilot.press("escape")
        assert app.focused is pane(app, "quotes")
        assert pane(app, "quotes").cursor == 1


# ----------------------------------------------------------------- filter
async def test_filter_as_you_type_enter_keeps_escape_clears(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        bar = app.query_one("#filter", Input)
        await pilot.press("tab")
        await pilot.press("slash")
        assert bar.display is True and app.focused is bar
        typed = ""
        for ch in "varga":
            await pilot.press(ch)
            typed += ch
            assert shown_counts(app) == expected_counts(app, typed), typed
        assert shown_counts(app) == (1, 2, 0)
        assert "filter: varga" in status(app)
        assert "1 actors · 2 quotes · 0 options" in status(app)
        assert pane(app, "quotes").border_title == "Quotes 2/6"
        await pilot.press("enter")
        assert app.focused is pane(app, "quotes")
        assert bar.display is True and bar.value == "varga"
        assert shown_counts(app) == (1, 2, 0)
        assert "filter: varga" in status(app)
        await pilot.press("escape")
        assert bar.value == "" and bar.display is False
        assert shown_counts(app) == (9, 6, 7)
        assert "filter" not in status(app)


async def test_filter_reopened_appends_to_the_query(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        bar = app.query_one("#filter", Input)
        await pilot.press("slash", *"varga", "enter")
        assert app.focused is not bar
        await pilot.press("slash")
        assert app.focused is bar and bar.cursor_position == len("varga")
        await pilot.press(*" -ship")
        assert bar.value == "varga -ship"
        assert shown_counts(app) == expected_counts(app, "varga -ship") == (1, 1, 0)


async def test_filter_escape_inside_the_bar_clears(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("slash", *"baltic")
        assert shown_counts(app) == expected_counts(app, "baltic") != (9, 6, 7)
        await pilot.press("escape")
        assert app.query_one("#filter", Input).display is False
        assert shown_counts(app) == (9, 6, 7)
        assert app.focused is pane(app, "actors")


def _prewrite(path: Path) -> None:
    """Another session's annotations, on disk before the app starts."""
    index = fixture_index()
    other = AnnotationStore(path, session="analyst-b")
    other.set_star(quote_id(index, "This was no accident"), True)
    other.set_tags(option_id(index, "Expel Russian diplomats"), ["escalation", "nordic"])
    other.set_tags(quote_id(index, "Shipping must never"), ["maritime"])


@pytest.mark.parametrize(
    ("query", "counts"),
    [
        ("actor:varga", (1, 2, 0)),
        ("actor:moscow", (1, 1, 0)),  # capital as a state alias: Russia's quote
        ("kind:state", None),
        ("is:starred", (1, 1, 0)),
        ("tag:esc", (1, 0, 1)),
        ("-baltic", None),
        ('"air patrols"', (1, 1, 1)),
    ],
)
async def test_filter_qualifiers(tmp_path, make_app, query, counts) -> None:
    notes = tmp_path / "notes.jsonl"
    _prewrite(notes)
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        await pilot.press("slash")
        await type_text(pilot, query)
        assert app.query_error == ""
        assert app.query_one("#filter", Input).value == query
        got = shown_counts(app)
        assert got == expected_counts(app, query)
        assert got != (9, 6, 7)
        if counts is not None:
            assert got == counts
        if query == "actor:moscow":
            (row,) = pane(app, "quotes")._rows
            assert app.index.quotes[row].speaker == "Russia"
            assert app.index.actors[pane(app, "actors")._rows[0]].name == "Russia"
        if query == "kind:state":
            kinds = {app.index.actors[i].kind for i in pane(app, "actors")._rows}
            assert kinds == {"state"}
        if query == "-baltic":
            assert all("baltic" not in app.index.quotes[i].text.lower() for i in pane(app, "quotes")._rows)
            assert got[1:] == (5, 6)


def _last_valid_prefix(text: str) -> str:
    from tui.data.query import QueryError, parse

    good = ""
    for n in range(len(text) + 1):
        try:
            parse(text[:n])
        except QueryError:
            continue
        good = text[:n]
    return good


@pytest.mark.parametrize("bad", ["foo:bar", "is:xyz", '"air'])
async def test_invalid_filter_shows_error_and_keeps_results(tmp_path, make_app, bad) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("slash")
        await type_text(pilot, bad)
        assert app.is_running
        assert "filter error" in status(app)
        assert app.query_error
        kept = _last_valid_prefix(bad)
        assert app.query_text == kept
        assert shown_counts(app) == expected_counts(app, kept)
        # the keys keep working: clearing the line clears the error
        await pilot.press("ctrl+u")
        assert "filter error" not in status(app)
        assert shown_counts(app) == (9, 6, 7)


async def test_pasted_invalid_filter_keeps_previous_results(tmp_path, make_app) -> None:
    from textual import events

    async with make_app(tmp_path) as pilot:
        app = pilot.app
        bar = app.query_one("#filter", Input)
        await pilot.press("slash", *"varga")
        assert shown_counts(app) == (1, 2, 0)
        for bad, words in (("foo:bar", "unknown filter 'foo:'"), ("is:xyz", "unknown 'is:' value"),
                           ('"unclosed', "unclosed quote")):
            bar.post_message(events.Paste(" " + bad))  # a terminal's bracketed paste, in one go
            await pilot.pause()
            assert bar.value == "varga " + bad
            assert words in status(app), status(app)
            assert shown_counts(app) == (1, 2, 0)  # still the results of "varga"
            assert app.query_text == "varga"
            await pilot.press("ctrl+u")
            assert "filter error" not in status(app) and shown_counts(app) == (9, 6, 7)
            bar.post_message(events.Paste("varga"))
            await pilot.pause()
            assert shown_counts(app) == (1, 2, 0)
        await pilot.press("enter")
        assert app.focused is pane(app, "actors")
        assert app.is_running


# ----------------------------------------------------------------- repainting
async def test_the_screen_after_each_key_is_what_a_full_repaint_draws(tmp_path, make_app) -> None:
    """Filtering repaints only the lines that change (an actor's counts, a row that moved up,
    the cursor); starring repaints its row; what is on screen must equal a repaint of it all."""
    async with make_app(tmp_path) as pilot:
        app = pilot.app

        async def same_as_full_repaint(what: str) -> None:
            await pilot.pause()
            shown = app.export_screenshot()
            for p in app.panes:
                p.refresh_rows()
                p.vertical_scrollbar.refresh()
            app.screen.refresh()
            await pilot.pause()
            assert app.export_screenshot() == shown, what

        await same_as_full_repaint("start")
        await pilot.press("slash")
        for key in [*"rutte", "backspace", "backspace", *" -kind:person", "ctrl+u", *"strikes"]:
            await pilot.press(key)
            await same_as_full_repaint(f"typed {key!r}: {app.query_text!r}")
        await pilot.press("enter", "tab", "j", "s", "j")
        await same_as_full_repaint("starred")
        await pilot.press("escape", "escape", "shift+tab", "enter")
        await same_as_full_repaint("faceted")
        actors = pane(app, "actors")  # the same actors with other counts (the title stays)
        actors.counts = lambda key: (7, 7)
        actors.set_rows(actors.row_ids)
        await same_as_full_repaint("new counts")
