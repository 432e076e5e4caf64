"""Hostile article text in the real app: no action runs, nothing crashes, text shows literally,
and no injected sequence reaches the terminal (checked on the bytes written to a real pty)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from conftest import build_app, detail_plain, go_to, pane
from hostile import FORBIDDEN_BYTES, MARKUP, hostile_store
from ptyterm import PtyApp

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # where a hostile "app.screenshot(…, '.')" would write
    return hostile_store(tmp_path)


def _no_files_written(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if "pwned" in p.name.lower()]


async def test_walking_and_clicking_every_row_runs_no_action(tmp_path: Path, store: Path) -> None:
    app = build_app(tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ("actors", "quotes", "options"):
            p = pane(app, name)
            await go_to(pilot, p, lambda entry: True)
            for _ in range(p.row_count):
                await pilot.press("j")
                await pilot.pause()
            await pilot.press("home")
            for y in range(1, p.size.height):
                for x in (2, p.size.width // 2, p.size.width - 3):
                    await pilot.click(p, offset=(x, y))
            await pilot.click("#detail", offset=(3, 2))
        await pilot.pause()
        assert app.is_running and app.return_code is None
    assert _no_files_written(tmp_path) == []


async def test_denied_actions_never_run_even_when_asked_for(tmp_path: Path, store: Path) -> None:
    app = build_app(tmp_path, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.run_action("app.screenshot('pwned.svg', '.')")
        await app.run_action("app.simulate_key('q')")
        await app.run_action("app.push_screen('_default')")
        await app.run_action("app.toggle_dark")
        await pilot.pause()
        assert app.is_running and app.return_code is None
        assert not app.check_action("screenshot", ())
        assert app.check_action("star", ())  # what the app offers still runs
    assert _no_files_written(tmp_path) == []


@pytest.mark.parametrize("payload", MARKUP)
async def test_markup_is_shown_literally_in_panes_and_detail(tmp_path: Path, store: Path, payload: str) -> None:
    app = build_app(tmp_path, store=store)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        p = pane(app, "quotes")
        await go_to(pilot, p, lambda entry: payload in entry.text)
        await pilot.pause()
        assert payload in detail_plain(app)
        assert any(payload[:24] in p.render_line(y).text for y in range(p.size.height))  # cells are cut to width


def test_no_injected_sequence_reaches_the_terminal(isolated_env, tmp_path: Path, store: Path) -> None:
    env = {**isolated_env, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), isolated_env.get("PYTHONPATH", "")) if p)}
    app = PtyApp([str(store), "--annotations", str(tmp_path / "notes.jsonl")], env, tmp_path)
    try:
        assert app.wait_until(lambda: b"Options" in app.output, 60), app.tail()
        time.sleep(0.3)
        keys = [b"j"] * 25 + [b"\t"] + [b"j"] * 25 + [b"\t"] + [b"j"] * 25 + [b"\t"] + [b"j"] * 10
        for key in keys:
            app.send(key)
            time.sleep(0.03)
        time.sleep(0.5)
        app.send(b"q")
        assert app.proc.wait(timeout=30) == 0, app.tail()
    finally:
        app.close()
    out = bytes(app.output)
    assert b"Traceback" not in out
    leaked = [f for f in FORBIDDEN_BYTES if f in out]
    assert leaked == [], f"injected bytes reached the terminal: {leaked}"
    # the only OSC Textual itself writes sets the mouse pointer shape
    assert {m.split(b";")[0] for m in re.findall(rb"\x1b\][^\x07\x1b]*", out)} <= {b"\x1b]22"}
    assert b"Quote 0" in out  # the hostile entries were on screen
