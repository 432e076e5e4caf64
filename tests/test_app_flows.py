"""End-to-end flows of the dashboard, driven by the real keys through Textual's Pilot.

Every flow that changes an annotation is checked on disk: the journal is read
back with a fresh :class:`AnnotationStore` (and as raw JSON Lines), never only
on the screen.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import orjson
import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static, TextArea

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.store import load_store
from tui.data.view import compute_view
from tui.ui.detail import DetailPane
from tui.ui.dialogs import AssessDialog, ExportDialog, NoteDialog, TagsDialog
from tui.ui.help import HelpScreen
from tui.ui.panes import EntryPane


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
HOSTILE = "[@click=app.quit]x[/]"
FIXTURE_STORE = Path(__file__).resolve().parent / "fixtures" / "store.json"


# ----------------------------------------------------------------- helpers
def fixture_index() -> Index:
    return Index(load_store(FIXTURE_STORE))


def quote_id(index: Index, needle: str) -> str:
    (row,) = [q for q in index.quotes if needle in q.text]
    return row.id


def option_id(index: Index, needle: str) -> str:
    (row,) = [o for o in index.options if needle in o.text]
    return row.id


def changes(path: Path) -> list[dict]:
    """The change records of the journal at ``path`` (header excluded)."""
    if not path.exists():
        return []
    records = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    assert records and "generation" in records[0] and "op" not in records[0], "journal must start with its header"
    return records[1:]


def on_disk(path: Path, entry_id: str):
    """What another process sees: a fresh store reading the files."""
    return AnnotationStore(path).get(entry_id)


def pane(app, name: str) -> EntryPane:
    return app.query_one(f"#{name}", EntryPane)


def pane_lines(p) -> list[str]:
    return [p.render_line(y).text for y in range(p.size.height)]


def cursor_line(p: EntryPane) -> str:
    return p.render_line(p.cursor - p.scroll_offset.y + 1).text


def detail_text(app) -> str:
    """The detail pane's rendered lines (its whole content, also the scrolled-off part)."""
    body = app.query_one("#detail-body", Static)
    return "\n".join(body.render_line(y).text for y in range(body.size.height))


def detail_plain(app) -> str:
    return app.query_one("#detail-body", Static).content.plain


def status(app) -> str:
    return app.query_one("#status-left", Static).content.plain


def notices(app) -> list[tuple[str, str]]:
    return [(n.message, n.severity) for n in app._notifications]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def go_to(pilot, p: EntryPane, match) -> None:
    """Focus ``p`` with tab and move its cursor with j until ``match(entry)``."""
    for _ in range(6):
        if pilot.app.focused is p:
            break
        await pilot.press("tab")
    assert pilot.app.focused is p
    if p.cursor > 0:
        await pilot.press("home")
    for _ in range(p.row_count):
        if match(p.current):
            return
        await pilot.press("j")
    raise AssertionError(f"no row in {p.id} matches")


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    steps = int(timeout / 0.02)
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), "condition not reached in time"


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


# ----------------------------------------------------------------- star
@pytest.mark.parametrize("size", SIZES)
async def test_star_writes_journal_and_shows_marker(tmp_path, make_app, size) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, size=size) as pilot:
        app = pilot.app
        quotes = pane(app, "quotes")
        await pilot.press("tab", "j")
        q = quotes.current
        assert "★" not in cursor_line(quotes)
        await pilot.press("s")
        recs = changes(notes)
        assert [(r["id"], r["op"], r["field"], r["value"]) for r in recs] == [(q.id, "set", "star", True)]
        assert on_disk(notes, q.id).star is True
        assert cursor_line(quotes).lstrip().startswith("★")
        assert "★ starred" in detail_plain(app)
        assert "saved" in app.query_one("#status-right", Static).content.plain
        await pilot.press("s")
        recs = changes(notes)
        assert [(r["field"], r["value"]) for r in recs] == [("star", True), ("star", False)]
        assert on_disk(notes, q.id).star is False
        assert "★" not in cursor_line(quotes)
        # the marker follows the row, not the cursor position
        await pilot.press("s", "j")
        assert "★" not in cursor_line(quotes)
        assert "★" in quotes.render_line(quotes.cursor).text  # the row above the cursor line


# ----------------------------------------------------------------- note
async def test_note_dialog_saves_multiline_note(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        quotes = pane(app, "quotes")
        await pilot.press("tab", "j", "j")
        q = quotes.current
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "Call, A")
        await pilot.press("enter")
        await type_text(pilot, "then B")
        assert changes(notes) == []  # nothing before ctrl+s
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, NoteDialog)
        assert on_disk(notes, q.id).note == "Call, A\nthen B"
        (rec,) = changes(notes)
        assert (rec["id"], rec["field"], rec["value"]) == (q.id, "note", "Call, A\nthen B")
        text = detail_plain(app)
        assert "Note: Call, A\nthen B" in text
        assert "then B" in detail_text(app)
        assert cursor_line(quotes).lstrip().startswith("✎")
        # editing again starts from the saved note
        await pilot.press("n")
        assert app.screen.query_one(TextArea).text == "Call, A\nthen B"
        await pilot.press("escape")


async def test_note_dialog_escape_writes_nothing(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab", "n")
        assert isinstance(app.screen, NoteDialog)
        await type_text(pilot, "drop")
        await pilot.press("enter", "x")
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteDialog)
        assert app.focused is pane(app, "quotes")
        assert changes(notes) == []
        assert AnnotationStore(notes).all() == {}
        assert "drop" not in detail_plain(app)
        assert "none yet" in detail_plain(app)


# ----------------------------------------------------------------- tags
async def test_tags_dialog_saves_tags(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab", "tab")
        o = pane(app, "options").current
        await pilot.press("t")
        assert isinstance(app.screen, TagsDialog)
        await type_text(pilot, "escalation, follow-up")
        await pilot.press("enter")
        assert not isinstance(app.screen, TagsDialog)
        assert on_disk(notes, o.id).tags == {"escalation", "follow-up"}
        (rec,) = changes(notes)
        assert (rec["op"], rec["field"], rec["value"]) == ("set", "tags", ["escalation", "follow-up"])
        assert "tags: escalation, follow-up" in detail_plain(app)
        # reopening shows the current tags; clearing them removes them on disk
        await pilot.press("t")
        field = app.screen.query_one(Input)
        assert field.value == "escalation, follow-up, "
        await pilot.press("ctrl+u")  # delete everything left of the cursor
        assert field.value == ""
        await pilot.press("enter")
        assert on_disk(notes, o.id).tags == frozenset()


async def test_tags_completion_with_tab(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    index = fixture_index()
    AnnotationStore(notes, session="earlier").set_tags(option_id(index, "Expel Russian"), ["escalation"])
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        await pilot.press("t")
        field = app.screen.query_one(Input)
        assert "escalation" in app.screen.query_one(".dialog-known", Static).content.plain
        await type_text(pilot, "esc")
        await wait_for(pilot, lambda: field._suggestion == "escalation")
        await pilot.press("tab")
        assert field.value == "escalation"
        assert isinstance(app.screen, TagsDialog)  # tab completed, did not move focus away
        await type_text(pilot, ", follow")
        await pilot.press("enter")
        assert on_disk(notes, q.id).tags == {"escalation", "follow"}
        # the other entry's tag is untouched
        assert on_disk(notes, option_id(index, "Expel Russian")).tags == {"escalation"}


# ----------------------------------------------------------------- assess
async def test_assess_option_with_arrows_and_digits(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab", "tab", "j")
        o = pane(app, "options").current
        assert o.etype == "option"
        await pilot.press("a")
        assert isinstance(app.screen, AssessDialog)
        await pilot.press("right", "right", "down", "1", "enter")
        assert not isinstance(app.screen, AssessDialog)
        saved = on_disk(notes, o.id)
        assert (saved.risk, saved.likelihood) == ("medium", "low")
        assert {(r["field"], r["value"]) for r in changes(notes)} == {("risk", "medium"), ("likelihood", "low")}
        assert "escalation risk: medium · likelihood: low" in detail_plain(app)
        # reopen: the pickers start at the saved levels; 3 sets high
        await pilot.press("a", "3", "enter")
        saved = on_disk(notes, o.id)
        assert (saved.risk, saved.likelihood) == ("high", "low")
        # escape cancels
        await pilot.press("a", "0", "escape")
        assert on_disk(notes, o.id).risk == "high"
        assert len(changes(notes)) == 3


async def test_assess_on_a_quote_warns_and_writes_nothing(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab", "a")
        assert not isinstance(app.screen, AssessDialog)
        assert ("Assessments are for options: select one in the Options pane", "warning") in notices(app)
        assert changes(notes) == []
        assert not notes.exists()


# ----------------------------------------------------------------- undo
async def test_undo_reverts_step_by_step(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        await pilot.press("s", "t", *"hot", "enter", "n", *"memo", "ctrl+s")
        a = on_disk(notes, q.id)
        assert (a.star, a.tags, a.note) == (True, {"hot"}, "memo")
        await pilot.press("u")
        a = on_disk(notes, q.id)
        assert (a.star, a.tags, a.note) == (True, {"hot"}, "")
        assert "Note:" not in detail_plain(app)
        await pilot.press("u")
        a = on_disk(notes, q.id)
        assert (a.star, a.tags, a.note) == (True, frozenset(), "")
        await pilot.press("u")
        assert on_disk(notes, q.id).is_empty
        assert "★" not in cursor_line(pane(app, "quotes"))
        n_lines = len(changes(notes))
        assert n_lines == 6  # three changes, three undos: the journal only grows
        await pilot.press("u")
        assert len(changes(notes)) == n_lines
        assert ("Nothing to undo", "information") in notices(app)


# ----------------------------------------------------------------- restart
async def test_annotations_survive_a_restart(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        await pilot.press("tab", "j", "s")
        starred = pane(app, "quotes").current
        await pilot.press("tab", "j", "j", "n", *"vote", "ctrl+s")
        noted = pane(app, "options").current
        await pilot.press("q")
    assert app.return_code == 0
    async with make_app(tmp_path, notes=notes) as pilot:
        app2 = pilot.app
        assert app2 is not app
        quotes, options = pane(app2, "quotes"), pane(app2, "options")
        lines = pane_lines(quotes)
        pos = next(i for i, r in enumerate(quotes._rows) if app2.index.quotes[r].id == starred.id)
        assert lines[pos + 1].lstrip().startswith("★")
        pos = next(i for i, r in enumerate(options._rows) if app2.index.options[r].id == noted.id)
        assert pane_lines(options)[pos + 1].lstrip().startswith("✎")
        await pilot.press("tab", "tab", "j", "j")
        assert options.current.id == noted.id
        assert "Note: vote" in detail_plain(app2)
        await pilot.press("shift+tab", "j")
        assert quotes.current.id == starred.id
        assert "★ starred" in detail_plain(app2)


# ----------------------------------------------------------------- two sessions
async def test_second_session_changes_show_and_are_kept(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes, session="analyst-a") as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        await pilot.press("s")  # this session writes first: the journal exists
        other = AnnotationStore(notes, session="analyst-b")
        other.add_tag(q.id, "from-b")
        assert "from-b" not in detail_plain(app)
        app._poll_annotations()
        await pilot.pause()
        assert app.notes.get(q.id).tags == {"from-b"}
        assert "tags: from-b" in detail_plain(app)
        assert "✎" not in cursor_line(pane(app, "quotes"))  # starred wins the marker
        # our next changes must not erase theirs
        await pilot.press("t")
        assert app.screen.query_one(Input).value == "from-b, "
        await pilot.press(*"mine", "enter")
        assert on_disk(notes, q.id).tags == {"from-b", "mine"}
        await pilot.press("n", *"ours", "ctrl+s")
        final = on_disk(notes, q.id)
        assert (final.note, final.star, final.tags) == ("ours", True, {"from-b", "mine"})
        assert {r["by"] for r in changes(notes)} == {"analyst-a", "analyst-b"}


async def test_tags_edit_keeps_a_tag_added_meanwhile_by_another_session(tmp_path, make_app) -> None:
    """The other analyst tags the entry after our last poll: saving our tags must keep theirs."""
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        await pilot.press("t", *"us", "enter")
        AnnotationStore(notes, session="analyst-b").add_tag(q.id, "them")  # no poll in between
        await pilot.press("t")
        assert app.screen.query_one(Input).value == "us, "
        await pilot.press(*"me", "enter")
        assert on_disk(notes, q.id).tags == {"us", "me", "them"}
        assert "tags: me, them, us" in detail_plain(app)
        # removing one of ours still keeps theirs
        await pilot.press("t", "ctrl+u", *"me,them", "enter")
        assert on_disk(notes, q.id).tags == {"me", "them"}
        # and a tag the analyst saw and deleted is really removed
        await pilot.press("t", "ctrl+u", *"me", "enter")
        assert on_disk(notes, q.id).tags == {"me"}


async def test_second_session_before_first_write_and_star_keeps_tag(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        assert not notes.exists()
        AnnotationStore(notes, session="analyst-b").add_tag(q.id, "from-b")
        app._poll_annotations()
        await pilot.pause()
        assert "tags: from-b" in detail_plain(app)
        assert "✎" in cursor_line(pane(app, "quotes"))
        await pilot.press("s")
        final = on_disk(notes, q.id)
        assert final.star is True and final.tags == {"from-b"}


async def test_polling_picks_up_other_session(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes, poll=0.05) as pilot:
        app = pilot.app
        await pilot.press("tab", "tab")
        o = pane(app, "options").current
        AnnotationStore(notes, session="analyst-b").set_assessment(o.id, "high", "medium")
        await wait_for(pilot, lambda: "escalation risk: high" in detail_plain(app), timeout=3)
        assert "likelihood: medium" in detail_plain(app)
        await pilot.press("s")
        final = on_disk(notes, o.id)
        assert (final.star, final.risk, final.likelihood) == (True, "high", "medium")


# ----------------------------------------------------------------- export
async def test_export_writes_memo_and_never_overwrites(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    out_dir = tmp_path
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        quotes, options = pane(app, "quotes"), pane(app, "options")
        await go_to(pilot, quotes, lambda q: q.text.startswith("We will not be intimidated"))
        await pilot.press("s", "n", *"Cite it", "ctrl+s")
        await go_to(pilot, options, lambda o: o.text == "Close Estonian airspace to Russian civilian flights")
        await pilot.press("a", "3", "enter", "s")
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one(Input)
        expected = out_dir / f"briefing-{_dt.date.today().isoformat()}.md"
        assert field.value == str(expected)
        assert "2 annotated entries" in app.screen.query_one(".dialog-subject").content.plain
        await pilot.press("enter")
        assert not isinstance(app.screen, ExportDialog)
        assert expected.exists()
        memo = expected.read_text(encoding="utf-8")
        assert memo.startswith("# Briefing memo: test\n")
        assert "## Options" in memo and "## By actor" in memo
        assert memo.index("## Options") < memo.index("## By actor")
        options_part, actors_part = memo.split("## By actor")
        assert ("### Close Estonian airspace to Russian civilian flights — held by Estonia (under discussion)"
                in options_part)
        assert "escalation risk: **high**" in options_part
        assert "### Elena Varga (person, Estonian Foreign Minister)" in actors_part
        assert "- Elena Varga: “We will not be intimidated by these incursions.”" in actors_part
        assert "- Note: Cite it" in actors_part
        assert any(f"Memo written to {expected}" == m for m, _ in notices(app))
        first = expected.read_bytes()
        await pilot.press("e", "enter")
        second = out_dir / f"briefing-{_dt.date.today().isoformat()}-2.md"
        assert second.exists()
        assert expected.read_bytes() == first
        assert "## Options" in second.read_text(encoding="utf-8")
        # escape in the dialog writes nothing
        await pilot.press("e", "escape")
        assert {p.name for p in out_dir.glob("briefing-*.md")} == {expected.name, second.name}


# ----------------------------------------------------------------- help, palette, quit
ACTION_KEYS = {
    "filter": "/", "note": "n", "tags": "t", "star": "s", "undo": "u", "export": "e",
    "help": "?", "quit": "q", "assess": "a",
}


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_screen_lists_every_key(tmp_path, make_app, key) -> None:
    from tui.ui.app import BriefingApp

    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press(key)
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Static).content.plain
        lines = text.splitlines()
        for action, keyname in ACTION_KEYS.items():
            what = BriefingApp.ACTIONS[action][1]
            (line,) = [line for line in lines if line.rstrip().endswith(what)]
            keys = line.strip()[: -len(what)].split(" / ")
            assert keyname in [k.strip() for k in keys], (action, line)
        assert any("f1" in line and "Show every key" in line for line in lines)
        assert "is:starred" in text and "kind:state" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


async def test_command_palette_offers_export(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await type_text(pilot, "Export")
        results = app.screen.query_one(OptionList)

        def prompts() -> list[str]:
            return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]

        await wait_for(pilot, lambda: any("Export memo" in p for p in prompts()))
        assert any("Write a Markdown briefing memo" in p for p in prompts())
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, CommandPalette))
        assert app.is_running


async def test_q_quits(tmp_path, make_app) -> None:
    async with make_app(tmp_path) as pilot:
        app = pilot.app
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


# ----------------------------------------------------------------- markup safety
async def click_on(pilot, widget, lines: list[str], needle: str, top: int, left: int) -> None:
    """Click the first cell of ``needle`` as rendered in ``lines`` (content starts at top/left)."""
    y = next(n for n, line in enumerate(lines) if needle in line)
    await pilot.click(widget, offset=(left + lines[y].index(needle), top + y))


async def test_markup_in_store_is_shown_literally_and_never_runs(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, size=(120, 36), notes=notes) as pilot:
        app = pilot.app
        actors, quotes, options = pane(app, "actors"), pane(app, "quotes"), pane(app, "options")
        await go_to(pilot, actors, lambda a: a.name == "Zed [bold]Quill[/]")
        assert "Zed [bold]Quill[/]" in detail_text(app)
        assert "envoy [/] at large" in detail_text(app)
        assert "Zed [bold]" in cursor_line(actors)
        await pilot.press("enter")
        assert app.is_running
        assert "Zed [bold]Quill[/]" in status(app)
        assert quotes.row_count == 1
        assert "[@click=app.quit]" in cursor_line(quotes)
        # clicking the text would run app.quit if it had been parsed as markup
        await click_on(pilot, quotes, pane_lines(quotes), "[@click", top=1, left=1)
        await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        assert app.is_running and isinstance(app.focused, DetailPane)
        shown = detail_text(app)
        assert "Press [@click=app.quit]x[/] now [/] or [bold]never[/]." in " ".join(shown.split("\n"))
        assert shown.count(HOSTILE) >= 3  # quote, context paragraph, article title
        assert "Envoys dismiss [bold]loud[/] claims" in shown
        await click_on(pilot, app.query_one("#detail"), shown.split("\n"), HOSTILE, top=1, left=2)
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape", "tab")
        assert options.row_count == 1 and app.focused is options
        assert "[@click=app.quit]" in cursor_line(options)
        await pilot.press("enter")
        assert app.is_running
        assert "Ban [@click=app.quit]x[/] links [/] from [bold]wires[/]" in detail_text(app)
        # hostile text in a dialog, and markup the analyst types, stay literal too
        await pilot.press("escape", "n")
        assert HOSTILE in app.screen.query_one(".dialog-subject").content.plain
        await type_text(pilot, "[b]x[/]")
        await pilot.press("ctrl+s")
        assert app.is_running
        o = options.current
        assert on_disk(notes, o.id).note == "[b]x[/]"
        assert "Note: [b]x[/]" in detail_text(app)
        await pilot.press("t", *"[/]", "enter")
        assert app.is_running
        assert on_disk(notes, o.id).tags == {"[/]"}
        assert "tags: [/]" in detail_text(app)
        # filtering for the markup finds it, and the status line shows it literally
        await pilot.press("slash", *"[/]")
        assert app.query_error == ""
        assert "filter: [/]" in status(app)
        assert (quotes.row_count, options.row_count) == (1, 1)
        await pilot.press("enter")
        assert app.is_running


# ----------------------------------------------------------------- keymap
async def test_keymap_remaps_star(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes, keymap={"star": "S"}) as pilot:
        app = pilot.app
        await pilot.press("tab")
        q = pane(app, "quotes").current
        await pilot.press("s")
        assert changes(notes) == []  # the old key is gone
        await pilot.press("S")
        assert on_disk(notes, q.id).star is True
        assert [(r["field"], r["value"]) for r in changes(notes)] == [("star", True)]
        await pilot.press("question_mark")
        text = app.screen.query_one(Static).content.plain
        (line,) = [line for line in text.splitlines() if "Star or unstar" in line]
        assert line.split()[0] == "S"
