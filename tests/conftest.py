"""Shared fixtures: the fixed test store, an isolated XDG environment, an app runner."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

import orjson
import pytest

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.store import load_store
from tui.ui.panes import EntryPane

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_STORE = FIXTURES / "store.json"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point HOME and the XDG directories at temporary ones so no test touches the real home.

    Returns a copy of the resulting environment, for subprocesses.
    """
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    for var in ("BRIEFING_TUI_ANNOTATIONS", "VISUAL", "EDITOR", "TEXTUAL"):
        monkeypatch.delenv(var, raising=False)
    return dict(os.environ)


@pytest.fixture
def store_path() -> Path:
    return FIXTURE_STORE


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Where the annotation journal tests keep their journal."""
    return tmp_path / "annotations" / "world.jsonl"


@pytest.fixture
def notes_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.jsonl"


def build_app(tmp_path: Path, *, store: Path = FIXTURE_STORE, notes: Path | None = None,
              keymap: dict[str, str] | None = None, poll: float = 0, session: str | None = None,
              fetch_policy=None):
    """A BriefingApp on ``store`` with its journal in ``tmp_path`` (not started)."""
    from tui.data.annotations import AnnotationStore
    from tui.data.index import Index
    from tui.data.store import load_store
    from tui.ui.app import BriefingApp

    notes = notes or tmp_path / "notes.jsonl"
    return BriefingApp(Index(load_store(store)), AnnotationStore(notes, session=session), store_name="test",
                       keymap=keymap, poll=poll, export_dir=tmp_path, fetch_policy=fetch_policy)


@asynccontextmanager
async def _run_app(tmp_path: Path, size: tuple[int, int] = (80, 24), **kwargs):
    app = build_app(tmp_path, **kwargs)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield pilot


@pytest.fixture
def make_app():
    """``async with make_app(tmp_path, size=(80, 24), notes=..., keymap=...) as pilot:``"""
    return _run_app


def index_of(tmp_dir: Path, articles: list[dict]):
    """An Index over ``articles`` written as a JSON store under ``tmp_dir``."""
    import orjson

    from tui.data.index import Index
    from tui.data.store import load_store

    path = tmp_dir / "store.json"
    path.write_bytes(orjson.dumps(articles))
    return Index(load_store(path))


def quote_id(index, text: str) -> str:
    [row] = [q for q in index.quotes if q.text == text]
    return row.id


def option_id(index, text: str) -> str:
    [row] = [o for o in index.options if o.text == text]
    return row.id


# ----------------------------------------------------------------- Pilot flow helpers (tests/test_app_*.py)
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]


def fixture_index() -> Index:
    return Index(load_store(FIXTURE_STORE))


def option_id_containing(index: Index, needle: str) -> str:
    (row,) = [o for o in index.options if needle in o.text]
    return row.id


def changes(path: Path) -> list[dict]:
    """The change records of the journal at ``path`` (header excluded)."""
    if not path.exists():
        return []
    records = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    assert records and "generation" in records[0] and "op" not in records[0], "journal must start with its header"
    return records[1:]


def on_disk(path: Path, entry_id: str):
    """What another process sees: a fresh store reading the files."""
    return AnnotationStore(path).get(entry_id)


def pane(app, name: str) -> EntryPane:
    return app.query_one(f"#{name}", EntryPane)


def pane_lines(p) -> list[str]:
    return [p.render_line(y).text for y in range(p.size.height)]


def cursor_line(p: EntryPane) -> str:
    return p.render_line(p.cursor - p.scroll_offset.y + 1).text


def detail_text(app) -> str:
    """The detail pane's rendered lines (its whole content, also the scrolled-off part)."""
    body = app.query_one("#detail")
    width = body.scrollable_content_region.width
    return "\n".join(body.strip(n, width).text for n in range(len(body.lines())))


def detail_plain(app) -> str:
    return app.query_one("#detail").text.plain


def status(app) -> str:
    return app.query_one("#status-left").content.plain


def notices(app) -> list[tuple[str, str]]:
    return [(n.message, n.severity) for n in app._notifications]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def go_to(pilot, p: EntryPane, match) -> None:
    """Focus ``p`` with tab and move its cursor with j until ``match(entry)``."""
    for _ in range(6):
        if pilot.app.focused is p:
            break
        await pilot.press("tab")
    assert pilot.app.focused is p
    if p.cursor > 0:
        await pilot.press("home")
    for _ in range(p.row_count):
        if match(p.current):
            return
        await pilot.press("j")
    raise AssertionError(f"no row in {p.id} matches")


async def wait_for(pilot, condition, timeout: float = 5.0) -> None:
    steps = int(timeout / 0.02)
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), "condition not reached in time"


async def burst(pilot, *keys: str) -> None:
    """Send ``keys`` the way a fast typist or a laggy SSH link delivers them: all at once,
    before the app has handled the first (``pilot.press`` waits for idle after each)."""
    from textual import events

    app = pilot.app
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause(0.3)


from web_helpers import other_site, site  # noqa: E402,F401  (fixtures for the fetch tests)
