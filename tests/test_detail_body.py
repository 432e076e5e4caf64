"""The detail text repaints only its changed lines and never asks for a screen layout."""

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


def shown(body: DetailBody, count: int) -> list[str]:
    return [body.render_line(y).text.rstrip() for y in range(count)]


async def test_only_changed_lines_are_repainted_and_a_new_height_is_no_layout() -> None:
    app = BodyApp()
    async with app.run_test(size=(40, 12)) as pilot:
        body = app.query_one(DetailBody)
        await pilot.pause()
        assert shown(body, 6) == ["STATE", "Ukraine", "Also: Kyiv", "", "Annotation", "none yet"]
        calls = _spy(body)
        body.update(Text("STATE\nRussia\nAlso: Moscow\n\nAnnotation\nnone yet"))
        assert [region.y for args, _ in calls for region in args] == [1, 2]  # two lines, no whole repaint
        await pilot.pause()
        assert body.render_line(1).text.rstrip() == "Russia"
        calls.clear()
        body.update(Text("PERSON\nMark Rutte\nrole: NATO\n\nAnnotation\nnone yet\nmore"))
        assert not any(kw.get("layout") for _, kw in calls) and body.virtual_size.height == 7
        await pilot.pause()
        assert shown(body, 7)[6] == "more"
        calls.clear()
        body.update(Text("PERSON\nMark Rutte\nrole: NATO\n\nAnnotation\nnone yet\nmore"))
        assert calls == []  # nothing changed, nothing repainted


async def test_a_text_longer_than_the_pane_scrolls_and_the_screen_matches_a_full_repaint() -> None:
    app = BodyApp()
    async with app.run_test(size=(30, 5)) as pilot:
        body = app.query_one(DetailBody)
        body.update(Text("\n".join(f"line {n}" for n in range(20))))
        await pilot.pause()
        body.scroll_to(y=15, animate=False)
        await pilot.pause()
        assert shown(body, 5) == ["line 15", "line 16", "line 17", "line 18", "line 19"]
        body.update(Text("\n".join(f"line {n}" if n != 17 else "changed" for n in range(20))))
        await pilot.pause()
        before = app.export_screenshot()
        body.refresh()
        body.vertical_scrollbar.refresh()
        await pilot.pause()
        assert app.export_screenshot() == before and "changed" in shown(body, 5)
        body.update(Text("short"))  # shorter than the scroll position: back to the top
        await pilot.pause()
        assert body.scroll_offset.y == 0 and shown(body, 2) == ["short", ""]


async def test_long_text_wraps_to_the_width_and_a_highlight_ends_with_its_words() -> None:
    app = BodyApp()
    async with app.run_test(size=(21, 12)) as pilot:
        body = app.query_one(DetailBody)
        body.update(Text("alpha beta gamma delta epsilon", style="reverse"))
        await pilot.pause()
        lines = [body.render_line(y) for y in range(2)]
        assert [line.text.rstrip() for line in lines] == ["alpha beta gamma", "delta epsilon"]
        last = list(lines[0])[-1]
        assert last.text.strip() == "" and not (last.style and last.style.reverse)
