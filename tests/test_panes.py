"""What the list panes show for big numbers: counts in four characters, exact in the detail."""

from __future__ import annotations

import orjson

from conftest import build_app, detail_plain, pane
from tui.ui.panes import short_count


def test_counts_fit_in_four_characters_and_keep_two_figures():
    shown = {n: short_count(n) for n in (0, 7, 999, 1000, 1234, 9949, 9950, 25_499, 25_500, 400_480,
                                         999_499, 999_500, 1_250_000, 12_345_678, 2_000_000_000)}
    assert shown == {0: "0", 7: "7", 999: "999", 1000: "1k", 1234: "1.2k", 9949: "9.9k", 9950: "10k",
                     25_499: "25k", 25_500: "26k", 400_480: "400k", 999_499: "999k", 999_500: "1M",
                     1_250_000: "1.2M", 12_345_678: "12M", 2_000_000_000: "2G"}
    assert all(len(text) <= 4 for text in shown.values())


def _busy_store(tmp_path):
    quotes = [{"text": f"Statement number {n} on the air patrols.", "speaker": "Elena Varga", "direct": True,
               "cue": "said"} for n in range(1234)]
    article = {"id": "a1", "title": "Patrols", "text": "Elena Varga spoke.",
               "actors": [{"name": "Elena Varga", "kind": "person", "role": "Minister"}], "quotes": quotes}
    store = tmp_path / "store.json"
    store.write_bytes(orjson.dumps({"articles": [article]}))
    return store


async def test_an_actor_with_thousands_of_quotes_shows_a_short_count_and_the_exact_one_in_the_detail(tmp_path):
    app = build_app(tmp_path, store=_busy_store(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        actors = pane(app, "actors")
        line = actors.render_line(1).text  # the first row, under the header
        assert line.split()[0] == "Elena" and line.rstrip().endswith(" 1.2k    0")  # four cells each
        header = actors.render_line(0).text
        assert header.rstrip().endswith("   Q    O")
        assert "1234 quotes" in detail_plain(app)


async def test_the_count_columns_stay_three_cells_wide_while_no_count_needs_more(tmp_path):
    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert pane(app, "actors").render_line(0).text.rstrip().endswith("  Q   O")


async def test_the_count_columns_widen_when_a_store_with_big_counts_replaces_the_one_shown(tmp_path):
    from tui.data.index import Index
    from tui.data.store import load_store

    app = build_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.use_index(Index(load_store(_busy_store(tmp_path))))
        await pilot.pause()
        actors = pane(app, "actors")
        assert actors.render_line(0).text.rstrip().endswith("   Q    O")
        assert actors.render_line(1).text.rstrip().endswith(" 1.2k    0")
