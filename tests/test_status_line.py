"""The status line: styled text on one line, safe for the terminal, cut with an ellipsis."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from hostile import FORBIDDEN_BYTES
from tui.ui.status_line import StatusLine


class OneLine(App):
    def compose(self) -> ComposeResult:
        yield StatusLine(id="line")


def drawn(app) -> tuple[str, list]:
    strip = app.query_one("#line").render_line(0)
    return strip.text, list(strip)


async def test_styled_text_is_drawn_as_given_and_padded_to_the_width():
    app = OneLine()
    async with app.run_test(size=(30, 3)) as pilot:
        line = app.query_one("#line", StatusLine)
        line.update(Text("store").append(" · 4 articles", style="bold"))
        await pilot.pause()
        text, segments = drawn(app)
        assert text == "store · 4 articles".ljust(30)
        assert any(s.text == " · 4 articles" and s.style.bold for s in segments)
        assert not any(s.style.bold for s in segments if s.text == "store")


async def test_a_long_text_is_cut_with_an_ellipsis():
    app = OneLine()
    async with app.run_test(size=(20, 3)) as pilot:
        app.query_one("#line", StatusLine).update(Text("filter: nato → 12 actors · 30 quotes"))
        await pilot.pause()
        text, _ = drawn(app)
        assert text == "filter: nato → 12 a…"


async def test_hostile_text_reaches_the_line_without_controls_or_newlines():
    app = OneLine()
    async with app.run_test(size=(60, 3)) as pilot:
        hostile = "a\x1b]0;PWNED\x07b\x1b[6mc\u202ed\u200be\x9bf\ng\th"
        app.query_one("#line", StatusLine).update(Text(hostile + " · tail"))
        await pilot.pause()
        text, _ = drawn(app)
        assert not [f for f in FORBIDDEN_BYTES if f in text.encode()]
        assert "\x1b" not in text and "\n" not in text and "\t" not in text
        assert text.startswith("a") and text.rstrip().endswith("e g h · tail")  # the rest kept, in order


async def test_the_same_text_again_repaints_nothing():
    app = OneLine()
    async with app.run_test(size=(30, 3)) as pilot:
        line = app.query_one("#line", StatusLine)
        line.update(Text("same"))
        await pilot.pause()
        first = line.render_line(0)
        line.update(Text("same"))
        assert line.render_line(0) is first
        line.update(Text("same", style="bold"))  # the same characters, styled otherwise
        await pilot.pause()
        assert line.render_line(0) is not first
        assert all(s.style.bold for s in line.render_line(0) if s.text == "same")
