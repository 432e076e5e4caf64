"""Shared fixtures: the fixed test store, an isolated XDG environment, an app runner."""

from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

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
def notes_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.jsonl"


def build_app(tmp_path: Path, *, store: Path = FIXTURE_STORE, notes: Path | None = None,
              keymap: dict[str, str] | None = None, poll: float = 0, session: str | None = None):
    """A BriefingApp on ``store`` with its journal in ``tmp_path`` (not started)."""
    from tui.data.annotations import AnnotationStore
    from tui.data.index import Index
    from tui.data.store import load_store
    from tui.ui.app import BriefingApp

    notes = notes or tmp_path / "notes.jsonl"
    return BriefingApp(Index(load_store(store)), AnnotationStore(notes, session=session), store_name="test",
                       keymap=keymap, poll=poll, export_dir=tmp_path)


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
