"""End-to-end command flows through Textual's Pilot: export, help, command palette,
quit, markup safety and key remapping.
"""

from __future__ import annotations

import datetime as _dt

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from tui.ui.detail import DetailPane
from tui.ui.dialogs import ExportDialog
from tui.ui.help import HelpScreen

from conftest import (
    changes, cursor_line, detail_text, go_to, notices, on_disk, pane, pane_lines, status, type_text, wait_for,
)


HOSTILE = "[@click=app.quit]x[/]"


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
