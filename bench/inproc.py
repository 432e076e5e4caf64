"""In-process measures with Textual's Pilot: filter keystrokes and annotation saves.

    python bench/inproc.py filter STORE N [--runs R]
    python bench/inproc.py save STORE N [--presses 20]

Builds the dashboard the way ``tui/cli.py`` does, runs it headless at 80x24,
waits until all N articles are loaded and prints one line ``RESULT {json}``.
``bench/run.py`` runs this in a subprocess so a slow or huge run cannot take
the harness down with it.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import orjson

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from gen_store import PEOPLE  # noqa: E402

LOAD_TIMEOUT = 300.0
KEY_TIMEOUT = 30.0
REPEAT_BUDGET = 60.0  # a filter pass slower than this is not repeated
TOTAL_BUDGET = 600.0  # all filter keystrokes together
POLL = 0.0005  # seconds between checks while waiting for the app
CHAR_KEYS = {" ": "space", ":": "colon", '"': "quotation_mark", "-": "minus"}


def press(app, key: str) -> None:
    """Deliver one key the way the terminal driver does (a Key event posted to the app).

    ``Pilot.press`` is not used for timing: it waits for the process to be idle
    twice per key (2 x 20 ms in Textual 8), a floor far above the targets.
    """
    from textual import events

    if len(key) == 1:
        name = key if key.isalnum() else CHAR_KEYS.get(key) or unicodedata.name(key).lower().replace(" ", "_")
        event = events.Key(name, key)
    else:
        event = events.Key(key, None)
    app.post_message(event)


async def noop_ms(app, pilot, repaint: bool = True) -> float:
    """ms for a key bound to nothing (f12), one poll and (optionally) the repaint step:
    the harness's own floor under the filter and save figures."""
    start = time.perf_counter()
    press(app, "f12")
    await asyncio.sleep(POLL)
    if repaint:
        await pilot.pause(0)
    return (time.perf_counter() - start) * 1000


def make_app(store: Path, journal: Path):
    """The app as ``tui/cli.py`` builds it: with a background loader when the app takes one."""
    from tui.data.annotations import AnnotationStore
    from tui.data.index import Index
    from tui.ui.app import BriefingApp

    notes = AnnotationStore(journal)
    try:
        from tui.data.loader import load_index
    except ImportError:
        load_index = None
    if load_index is not None and "loader" in inspect.signature(BriefingApp).parameters:
        from tui.data.store import Store

        return BriefingApp(Index(Store(store, [])), notes, store_name=store.name,
                           loader=lambda progress: load_index(store, progress=progress))
    from tui.data.store import load_store

    return BriefingApp(Index(load_store(store)), notes, store_name=store.name)


async def wait_loaded(app, pilot, n: int) -> float:
    """Seconds until the app shows all ``n`` articles (and is not still filtering them in
    the background, where the app does that); raises TimeoutError."""
    start = time.perf_counter()
    while len(app.index.articles) != n or getattr(app, "filtering", False):
        if time.perf_counter() - start > LOAD_TIMEOUT:
            raise TimeoutError(f"store not loaded after {LOAD_TIMEOUT:.0f} s")
        await pilot.pause(0.01)
    await pilot.pause()
    return time.perf_counter() - start


def filter_script() -> list[tuple[str, str]]:
    """(key, filter value after it): broad and narrow queries, growing and shrinking."""
    steps: list[tuple[str, str]] = []
    value = ""

    def type_text(text: str) -> None:
        nonlocal value
        for char in text:
            value += char
            steps.append((char, value))

    def backspace(times: int) -> None:
        nonlocal value
        for _ in range(times):
            value = value[:-1]
            steps.append(("backspace", value))

    def clear() -> None:
        nonlocal value
        value = ""
        steps.append(("ctrl+u", value))

    surname = PEOPLE[7]["aliases"][0].lower()
    type_text("nato")
    backspace(3)
    type_text("orth")  # "north"
    clear()
    type_text("kind:state")
    type_text(f" actor:{surname}")
    clear()
    type_text('"air defence"')
    clear()
    type_text("-russia sanctions")
    backspace(len(value))
    return steps


def _valid(value: str) -> bool:
    from tui.data.query import QueryError, parse

    try:
        parse(value)
    except QueryError:
        return False
    return True


async def type_key(app, pilot, key: str, expected: str) -> float | None:
    """ms from posting ``key`` until the panes show ``expected`` (or, for an invalid query,
    until the error is shown), plus the repaint; None after KEY_TIMEOUT."""
    bar = app.query_one("#filter")
    valid = _valid(expected)
    start = time.perf_counter()
    press(app, key)
    while not (bar.value == expected and (app.view.query_text == expected if valid else app.query_error)):
        if time.perf_counter() - start > KEY_TIMEOUT:
            return None
        await asyncio.sleep(POLL)
    await pilot.pause(0)  # the repaint: pending messages handled, the screen updated
    return (time.perf_counter() - start) * 1000


async def measure_filter(store: Path, n: int, runs: int) -> dict:
    """``runs`` passes of the filter script in one app (loaded once); ms per keystroke."""
    out = {"times_ms": [], "invalid_ms": [], "stopped": "", "passes": 0, "noop_ms": []}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        app = make_app(store, Path(tmp) / "notes.jsonl")
        async with app.run_test(size=(80, 24)) as pilot:
            out["load_s"] = await wait_loaded(app, pilot, n)
            await pilot.press("slash")
            await pilot.pause()
            out["noop_ms"] = [await noop_ms(app, pilot) for _ in range(10)]
            begun = time.perf_counter()
            for _ in range(runs):
                pass_start = time.perf_counter()
                for key, expected in filter_script():
                    took = await type_key(app, pilot, key, expected)
                    if took is None:
                        out["stopped"] = f"keystroke {key!r} (filter {expected!r}) took over {KEY_TIMEOUT:.0f} s"
                        return out
                    out["times_ms" if _valid(expected) else "invalid_ms"].append(took)
                    if time.perf_counter() - begun > TOTAL_BUDGET:
                        out["stopped"] = f"keystrokes took over {TOTAL_BUDGET:.0f} s in all"
                        return out
                out["passes"] += 1
                if time.perf_counter() - pass_start > REPEAT_BUDGET:
                    break  # slow: one pass is enough
    return out


async def measure_save(store: Path, n: int, presses: int) -> dict:
    """ms per star toggle (key posted until ``notes.last_saved`` changes) and per no-op key."""
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        app = make_app(store, Path(tmp) / "notes.jsonl")
        saves: list[float] = []
        noops: list[float] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_loaded(app, pilot, n)
            for _ in range(presses):
                before = app.notes.last_saved
                start = time.perf_counter()
                press(app, "s")
                while app.notes.last_saved == before:
                    if time.perf_counter() - start > KEY_TIMEOUT:
                        return {"saves_ms": saves, "noop_ms": noops, "stopped": "no save after 30 s"}
                    await asyncio.sleep(POLL)
                saves.append((time.perf_counter() - start) * 1000)
                await pilot.pause(0)  # let the repaint finish before the next key (not timed)
                noops.append(await noop_ms(app, pilot, repaint=False))
    return {"saves_ms": saves, "noop_ms": noops, "stopped": ""}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=("filter", "save"))
    ap.add_argument("store", type=Path)
    ap.add_argument("n", type=int, help="number of articles in the store")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--presses", type=int, default=20)
    args = ap.parse_args(argv)
    try:
        if args.what == "filter":
            result = asyncio.run(measure_filter(args.store, args.n, args.runs))
        else:
            result = asyncio.run(measure_save(args.store, args.n, args.presses))
    except TimeoutError as exc:
        result = {"stopped": str(exc)}
    if result.get("saves_ms"):
        result["save_median_ms"] = statistics.median(result["saves_ms"])
    print("RESULT " + orjson.dumps(result).decode(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
