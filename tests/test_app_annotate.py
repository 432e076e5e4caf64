"""End-to-end annotation flows through Textual's Pilot: star, note, tags, assess, undo,
restart and two sessions.

Every flow that changes an annotation is checked on disk: the journal is read
back with a fresh :class:`AnnotationStore` (and as raw JSON Lines), never only
on the screen.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static, TextArea

from tui.data.annotations import AnnotationStore
from tui.ui.dialogs import AssessDialog, NoteDialog, TagsDialog

from conftest import (
    SIZES, burst, changes, cursor_line, detail_plain, detail_text, fixture_index, notices, on_disk,
    go_to, option_id_containing as option_id, pane, pane_lines, type_text, wait_for,
)


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


async def test_a_note_typed_ahead_is_saved_whole_when_ctrl_s_arrives_with_it(make_app, tmp_path) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes) as pilot:
        p = pane(pilot.app, "quotes")
        await go_to(pilot, p, lambda entry: True)
        qid = p.current.id
        expected = ""
        for attempt in range(5):
            text = f" typed ahead {attempt}"
            await burst(pilot, "n", *text, "ctrl+s")  # the dialog opens on the note so far, cursor at its end
            await wait_for(pilot, lambda: len(pilot.app.screen_stack) == 1)
            expected += text
            assert on_disk(notes, qid).note == expected


async def test_an_assessment_typed_ahead_is_saved_with_every_level_key(tmp_path, make_app) -> None:
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path) as pilot:
        await pilot.press("tab", "tab", "j")
        o = pane(pilot.app, "options").current
        await burst(pilot, "a", "right", "right", "down", "1", "enter")
        await wait_for(pilot, lambda: len(pilot.app.screen_stack) == 1)
        saved = on_disk(notes, o.id)
        assert (saved.risk, saved.likelihood) == ("medium", "low")


async def test_keys_typed_ahead_take_effect_in_the_order_typed(tmp_path, make_app) -> None:
    """Over SSH "j j s" arrives in one read: the star lands on the row the two moves reach
    (Textual would run the app's "s" before the pane's moves); after "tab j s" on the next
    pane's second row; and "j / nato" moves, then filters on the whole word."""
    notes = tmp_path / "notes.jsonl"
    async with make_app(tmp_path, notes=notes) as pilot:
        app = pilot.app
        actors, quotes = pane(app, "actors"), pane(app, "quotes")
        first, third = (actors.entry(actors.row_ids[n]).id for n in (0, 2))
        await burst(pilot, "j", "j", "s")
        await wait_for(pilot, lambda: bool(changes(notes)))
        assert on_disk(notes, third).star and not on_disk(notes, first).star
        second = quotes.entry(quotes.row_ids[1]).id
        await burst(pilot, "tab", "j", "s")
        await wait_for(pilot, lambda: len(changes(notes)) == 2)
        assert on_disk(notes, second).star and app.focused is quotes
        await burst(pilot, "j", "slash", *"nato")
        await wait_for(pilot, lambda: app.query_text == "nato")
        assert len(app.screen_stack) == 1 and {c["field"] for c in changes(notes)} == {"star"}  # "n", "t" typed
