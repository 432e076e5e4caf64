"""Tests for the virtualised Line API table (tui.ui.virtual_table)."""

from __future__ import annotations

from array import array

from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Input

from tui.ui.columns import Column, compute_widths, fit_cell
from tui.ui.virtual_table import VirtualTable

N = 1_000_000

COLUMNS = [
    Column("id", "ID", 8, align="right"),
    Column("name", "Name"),
    Column("value", "Value", 10, align="right"),
]


class TableApp(App):
    """Tiny host app: one table over N generated rows, records the table's messages."""

    def __init__(self, rows=None, columns=COLUMNS, cells=None, with_input: bool = False) -> None:
        super().__init__()
        self.rows = array("q", range(N)) if rows is None else rows
        self.columns = columns
        self.cells = cells or (lambda i: (str(i), f"name {i}", f"{i * 2}"))
        self.with_input = with_input
        self.calls = 0
        self.highlighted: list[int | None] = []
        self.selected: list[int] = []

    def get_cells(self, row_id: int):
        self.calls += 1
        return self.cells(row_id)

    def compose(self) -> ComposeResult:
        table = VirtualTable(self.columns, get_cells=self.get_cells, id="table")
        table.set_rows(self.rows)
        yield table
        if self.with_input:
            yield Input(id="other")

    def on_virtual_table_highlighted(self, message: VirtualTable.Highlighted) -> None:
        self.highlighted.append(message.row_id)

    def on_virtual_table_selected(self, message: VirtualTable.Selected) -> None:
        self.selected.append(message.row_id)

    @property
    def table(self) -> VirtualTable:
        return self.query_one(VirtualTable)


def lines(table: VirtualTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_keyboard_navigation_over_a_million_rows() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        assert table.has_focus
        assert table.row_count == N
        assert table.cursor == 0 and table.cursor_row_id == 0
        # Only the visible rows were rendered, never the whole data set.
        assert app.calls <= 2 * 24

        await pilot.press("down", "j")
        assert table.cursor == 2
        await pilot.press("pagedown")  # 24 lines - header = 23 rows per page
        assert table.cursor == 25
        await pilot.press("end")
        assert table.cursor == N - 1 and table.cursor_row_id == N - 1
        assert table.scroll_offset.y == table.max_scroll_y
        await pilot.press("k", "enter")
        await pilot.pause()
        assert table.cursor_row_id == N - 2
        assert app.selected == [N - 2]
        assert app.highlighted == [0, 1, 2, 25, N - 1, N - 2]
        # The last row is drawn on the bottom line, under the pinned header.
        text = lines(table)
        assert "ID" in text[0] and "Name" in text[0] and "Value" in text[0]
        assert f"name {N - 1}" in text[-1]
        assert app.calls <= 6 * 24


async def test_vim_and_page_bindings() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("ctrl+d")
        assert table.cursor == 11  # half of 23 visible rows
        await pilot.press("ctrl+d", "ctrl+u")
        assert table.cursor == 11
        await pilot.press("G")
        assert table.cursor == N - 1
        await pilot.press("pageup")
        assert table.cursor == N - 1 - 23
        await pilot.press("g")
        assert table.cursor == 0 and table.scroll_offset.y == 0
        await pilot.press("up", "k", "home")  # clamped at the top
        assert table.cursor == 0
        await pilot.press("end", "down", "j", "pagedown", "ctrl+d")  # clamped at the end
        assert table.cursor == N - 1
        await pilot.press("tab")  # no tab binding: focus just moves on (nowhere here)
        assert table.cursor == N - 1


async def test_cursor_stays_visible_and_render_is_relative_to_scroll() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.table
        for _ in range(12):
            await pilot.press("down")
        # 9 row lines under the header; cursor 12 sits on the bottom line.
        assert table.scroll_offset.y == 12 - 9 + 1
        assert "name 12" in table.render_line(9).text
        assert "name 4" in table.render_line(1).text
        await pilot.press("up")
        assert table.scroll_offset.y == 4  # no scroll needed to move up inside the page


async def test_cursor_move_repaints_only_two_lines() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.pause()
        regions: list[tuple[Region, ...]] = []
        original = table.refresh

        def spy(*args, **kwargs):
            regions.append(args)
            return original(*args, **kwargs)

        table.refresh = spy  # type: ignore[method-assign]
        await pilot.press("down")
        del table.refresh
        dirty = [r for call in regions for r in call]
        assert all(regions), "a whole-widget refresh happened"
        assert sorted(r.y for r in dirty) == [1, 2]
        assert all(r.height == 1 for r in dirty)


async def test_set_rows_filtering_keeps_cursor_on_same_row_id() -> None:
    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.table
        await pilot.press("down", "down", "down", "down", "down", "down")
        assert table.cursor_row_id == 6
        table.set_rows(array("q", range(0, N, 3)))  # filter: multiples of 3
        assert table.row_count == (N + 2) // 3
        assert table.cursor_row_id == 6 and table.cursor == 2
        table.set_rows(array("q", range(1, 100, 2)))  # row 6 gone: clamp the index
        assert table.cursor == 2 and table.cursor_row_id == 5
        table.set_rows(array("q", [5]))
        assert table.cursor == 0 and table.cursor_row_id == 5
        table.set_rows(list(range(500, 1000)), keep_cursor=False)
        assert table.cursor == 0 and table.cursor_row_id == 500
        assert table.scroll_offset.y == 0
        await pilot.press("end")
        table.set_rows(array("q", range(N)))  # widen the filter again: follows row 999
        assert table.cursor == 999 and table.cursor_row_id == 999
        assert table.cursor - table.scroll_offset.y < 23  # still on screen
        await pilot.pause()
        assert app.highlighted == [0, 1, 2, 3, 4, 5, 6, 5, 500, 999]
        assert "name 999" in "".join(lines(table))


async def test_empty_state() -> None:
    app = TableApp(rows=array("q"))
    async with app.run_test(size=(40, 11)) as pilot:
        table = app.table
        assert table.row_count == 0
        assert table.cursor == -1 and table.cursor_row_id is None
        await pilot.press("down", "end", "enter", "pagedown", "g")
        assert table.cursor == -1 and app.selected == []
        text = lines(table)
        assert "ID" in text[0]
        message_lines = [y for y, line in enumerate(text) if "No entries" in line]
        assert message_lines == [5]
        line = text[5]
        left = len(line) - len(line.lstrip())
        right = len(line) - len(line.rstrip())
        assert abs(left - right) <= 1  # centred
        table.empty_text = "Nothing matches [b]filter[/b]"
        await pilot.pause()
        assert "Nothing matches [b]filter[/b]" in "".join(lines(table))
        # Filling the table and emptying it again posts Highlighted(None).
        table.set_rows([7, 8])
        table.set_rows([])
        await pilot.pause()
        assert app.highlighted == [7, None]


async def test_markup_like_strings_are_literal_and_whitespace_flattened() -> None:
    hostile = ["[@click=app.quit]x[/]", "[bold]not bold", "tab\there\nnew\rline"]
    app = TableApp(
        rows=array("q", range(3)),
        columns=[Column("text", "[b]Text[/b]")],
        cells=lambda i: (hostile[i],),
    )
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.table
        text = lines(table)
        assert text[0].startswith("[b]Text[/b]")
        assert text[1].startswith("[@click=app.quit]x[/]")
        assert text[2].startswith("[bold]not bold")
        assert text[3].startswith("tab here new line")
        strip = table.render_line(2)
        assert not any(seg.style and seg.style.bold for seg in strip if "not" in seg.text)
        assert all(not (seg.style and seg.style.meta) for seg in table.render_line(1))
        await pilot.click(VirtualTable, offset=(2, 1))  # a click on that row is harmless
        assert app.is_running and table.cursor == 0


async def test_rich_text_cells_keep_their_style() -> None:
    app = TableApp(
        rows=array("q", range(5)),
        cells=lambda i: (str(i), Text("red\nname", style="red"), Text("ok", style="bold")),
    )
    async with app.run_test(size=(40, 8)) as pilot:
        strip = app.table.render_line(2)
        assert "red name" in strip.text
        assert any(seg.text.strip() == "red name" and seg.style.color.name == "red" for seg in strip)


def test_fit_cell_truncates_by_cells() -> None:
    assert fit_cell("abcdef", 4).plain == "abc…"
    assert fit_cell("abc", 5).plain == "abc  "
    assert fit_cell("abc", 5, "right").plain == "  abc"
    wide = "日本語テキスト"  # 14 cells
    for width in range(1, 16):
        out = fit_cell(wide, width)
        assert out.cell_len == width, width
    assert fit_cell(wide, 5).plain == "日本…"
    assert fit_cell(wide, 4).plain == "日… "  # no half character
    assert fit_cell(wide, 14).plain == wide
    emoji = "👍🏽 ok 👨‍👩‍👧 family"
    for width in range(1, cell_len(emoji) + 2):
        assert fit_cell(emoji, width).cell_len == width
    styled = fit_cell(Text("hello world", style="bold"), 6)
    assert styled.plain == "hello…" and styled.cell_len == 6


def test_compute_widths() -> None:
    cols = [Column("a", "A", 10), Column("b", "B", ratio=2), Column("c", "C", ratio=1)]
    assert compute_widths(cols, 40) == [10, 20, 10]
    assert sum(compute_widths(cols, 41)) == 41
    # Narrow: flex columns hit min_width, then the fixed one shrinks.
    assert compute_widths(cols, 18) == [10, 4, 4]
    assert compute_widths(cols, 14) == [6, 4, 4]
    assert compute_widths(cols, 12) == [4, 4, 4]
    assert all(w >= 1 for w in compute_widths(cols, 2))
    # A flexible column whose ratio share is below its minimum gets the minimum.
    cols = [Column("a", "A", ratio=10), Column("b", "B", ratio=1, min_width=6)]
    assert compute_widths(cols, 30) == [24, 6]


async def test_wide_characters_in_rendered_rows() -> None:
    app = TableApp(rows=array("q", range(10)), cells=lambda i: (str(i), "日本語テキスト" * 5, "👍"))
    async with app.run_test(size=(38, 10)) as pilot:
        table = app.table
        width = table.scrollable_content_region.width
        for y in range(table.size.height):
            strip = table.render_line(y)
            assert strip.cell_length == width
            assert cell_len(strip.text) == width
        assert "…" in table.render_line(1).text


async def test_resize_recomputes_widths() -> None:
    long_name = "a fairly long name that will not fit in a narrow pane"
    app = TableApp(cells=lambda i: (str(i), long_name, "123456"))
    async with app.run_test(size=(100, 24)) as pilot:
        table = app.table
        wide = table.render_line(1).text
        assert long_name in wide
        assert cell_len(wide) == table.scrollable_content_region.width
        await pilot.press("pagedown", "pagedown")
        await pilot.resize_terminal(38, 8)
        await pilot.pause()
        width = table.scrollable_content_region.width
        assert width < 38
        header, row = table.render_line(0).text, table.render_line(1).text
        assert cell_len(header) == cell_len(row) == width
        assert "…" in row and "123456" in row and long_name not in row
        assert header.rstrip().endswith("Value")
        # The cursor is still on screen after the shrink.
        assert 0 <= table.cursor - table.scroll_offset.y < table.size.height - 1
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert long_name in table.render_line(1).text
        assert cell_len(table.render_line(1).text) == table.scrollable_content_region.width


async def test_marker_gutter_and_refresh_rows() -> None:
    notes: dict[int, str] = {1: "★"}
    app = TableApp(rows=array("q", range(100)))
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.table
        table.set_marker(lambda row_id: notes.get(row_id, ""))
        await pilot.pause()
        assert table.render_line(2).text.startswith("★ ")
        assert table.render_line(1).text.startswith("   ")
        notes[0] = "✎"
        assert not table.render_line(1).text.startswith("✎")  # cached until told
        table.refresh_rows()
        assert table.render_line(1).text.startswith("✎ ")
        table.set_marker(None)
        assert table.render_line(2).text.startswith("       1 ")


async def test_cursor_style_follows_focus_and_click_moves_cursor() -> None:
    app = TableApp(rows=array("q", range(100)), with_input=True)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.table
        assert table.has_focus

        def bg(y: int):
            return table.render_line(y).simplify()._segments[0].style.bgcolor

        focused, plain = bg(1), bg(2)
        assert focused != plain
        await pilot.press("tab")
        assert not table.has_focus
        await pilot.pause()
        blurred = bg(1)
        assert blurred != focused and blurred != plain
        await pilot.click(VirtualTable, offset=(3, 4))
        await pilot.pause()
        assert table.cursor == 3 and table.has_focus
        await pilot.click(VirtualTable, offset=(3, 0))  # header click: no move
        assert table.cursor == 3
        await pilot.double_click(VirtualTable, offset=(3, 5))
        await pilot.pause()
        assert table.cursor == 4 and app.selected[-1] == 4
