"""How the virtual table repaints: a new row count without a screen layout, and only the
lines that change — while the screen stays what a full repaint would draw."""

from __future__ import annotations

from array import array

from test_virtual_table import TableApp, lines


async def test_a_new_row_count_moves_the_thumb_without_a_layout_and_the_columns_stay() -> None:
    """The scrollbar track is always there, so a filter never makes the columns jump, and
    set_rows changes the virtual height without laying out the screen."""
    app = TableApp(rows=array("q", range(3)))
    async with app.run_test(size=(40, 10)) as pilot:
        table = app.table
        await pilot.pause()
        assert table.show_vertical_scrollbar and table.virtual_size.height == 4
        width = table.scrollable_content_region.width
        layouts = []
        original = table.refresh
        table.refresh = lambda *a, **kw: (layouts.append(kw) if kw.get("layout") else None, original(*a, **kw))[1]
        table.set_rows(array("q", range(1000)))
        await pilot.pause()
        assert table.vertical_scrollbar.window_virtual_size == 1001 and table.virtual_size.height == 1001
        assert "999" not in "".join(lines(table))
        table.cursor = 999
        await pilot.pause()
        assert table.render_line(table.size.height - 1).text.split()[0] == "999"  # scrolled to the end
        table.set_rows(array("q", range(0, 1000, 2)))
        await pilot.pause()
        assert table.vertical_scrollbar.window_virtual_size == 501
        table.set_rows(array("q", [1, 2]))
        await pilot.pause()
        assert table.scroll_offset.y == 0 and [line.split()[0] for line in lines(table)[1:3]] == ["1", "2"]
        assert table.scrollable_content_region.width == width and layouts == []


async def test_what_is_on_screen_after_partial_repaints_is_what_a_full_repaint_draws() -> None:
    """set_rows repaints only lines that show something else, and leaves the scrollbar alone
    when its thumb would look the same: the screen must still equal a repaint of everything."""
    import random

    class Zebra(TableApp):
        CSS = "VirtualTable > .virtual-table--odd { background: red; }"

    rng = random.Random(5)
    app = Zebra(rows=array("q", range(5000)))
    async with app.run_test(size=(40, 12)) as pilot:
        table = app.table
        await pilot.pause()
        for step in range(60):
            count = rng.choice([0, 1, 3, 9, 10, 11, 200, 4000, 4990, 5000, -1])
            if count == -1:  # one of the rows on screen goes: those under it move up a line
                rows = array("q", table.row_ids)
                if rows:
                    del rows[rng.randrange(min(len(rows), 8))]
            else:
                rows = array("q", sorted(rng.sample(range(5000), count)))
            table.set_rows(rows, keep_cursor=rng.random() < 0.7)
            if rows and rng.random() < 0.5:
                table.cursor = rng.randrange(len(rows))
            await pilot.pause()
            shown = app.export_screenshot()
            table.refresh_rows()
            table.vertical_scrollbar.refresh()
            await pilot.pause()
            assert app.export_screenshot() == shown, f"step {step}: {count} rows"
