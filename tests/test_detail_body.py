"""The detail text repaints only its changed lines, and lays out only when its height changes."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tui.ui.detail_body import DetailBody


class BodyApp(App):
    def compose(self) -> ComposeResult:
        yield DetailBody(Text("STATE\nUkraine\nAlso: Kyiv\n\nAnnotation\nnone yet"), id="body")


def _spy(body: DetailBody) -> list[tuple[tuple, dict]]:
    calls: list[tuple[tuple, dict]] = []
    original = body.refresh

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    body.refresh = spy  # type: ignore[method-assign]
    return calls


async def test_only_changed_lines_are_repainted_and_height_changes_relayout() -> None:
    app = BodyApp()
    async with app.run_test(size=(40, 12)) as pilot:
        body = app.query_one(DetailBody)
        await pilot.pause()
        assert [body.render_line(y).text.rstrip() for y in range(6)] == [
            "STATE", "Ukraine", "Also: Kyiv", "", "Annotation", "none yet"]
        calls = _spy(body)
        body.update(Text("STATE\nRussia\nAlso: Moscow\n\nAnnotation\nnone yet"))
        assert [region.y for args, _ in calls for region in args] == [1, 2]
        assert all(args and not kw.get("layout") for args, kw in calls)  # two lines, no whole repaint
        await pilot.pause()
        assert body.render_line(1).text.rstrip() == "Russia" and body.size.height == 6
        calls.clear()
        body.update(Text("PERSON\nMark Rutte\nrole: NATO\n\nAnnotation\nnone yet\nmore"))
        assert calls and calls[0][1].get("layout") is True  # seven lines now
        await pilot.pause()
        assert body.size.height == 7 and body.render_line(6).text.rstrip() == "more"
        calls.clear()
        body.update(Text("PERSON\nMark Rutte\nrole: NATO\n\nAnnotation\nnone yet\nmore"))
        assert calls == []  # nothing changed, nothing repainted


async def test_long_text_wraps_to_the_width_and_a_highlight_ends_with_its_words() -> None:
    app = BodyApp()
    async with app.run_test(size=(20, 12)) as pilot:
        body = app.query_one(DetailBody)
        body.update(Text("alpha beta gamma delta epsilon", style="reverse"))
        await pilot.pause()
        lines = [body.render_line(y) for y in range(body.size.height)]
        assert [line.text.rstrip() for line in lines] == ["alpha beta gamma", "delta epsilon"]
        last = list(lines[0])[-1]
        assert last.text.strip() == "" and not (last.style and last.style.reverse)
