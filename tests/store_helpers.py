"""Helpers for the store tests: write articles as JSON / JSON Lines, read a StoreError's message."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tui.data.store import StoreError, load_store

ESC = "\x1b"


def art(aid: str = "a1", **extra) -> dict:
    base = {"id": aid, "title": f"Title {aid}", "text": f"Body of {aid}.\n\nSecond paragraph."}
    base.update(extra)
    return base


def write(path: Path, doc) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(doc if isinstance(doc, bytes) else orjson.dumps(doc))
    return path


def jsonl(path: Path, docs: list, blank_lines: bool = False) -> Path:
    sep = b"\n\n  \n" if blank_lines else b"\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(sep.join(orjson.dumps(d) for d in docs) + b"\n")
    return path


def error(path: Path, **kw) -> str:
    with pytest.raises(StoreError) as info:
        load_store(path, **kw)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    return message
