"""Open a store for the dashboard: read it, extract what came without extraction,
and build the index, reporting one overall fraction done as it goes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from tui.data.index import Index
from tui.data.store import load_store

READ_SHARE = 0.6  # of the progress bar: reading and validating; the rest is indexing


def load_index(path: Path, *, skip_bad: bool = False, progress: Callable[[float], None] | None = None) -> Index:
    """Raises StoreError (one line) for a broken store, as :func:`load_store` does."""
    tell = progress or (lambda _fraction: None)
    store = load_store(path, skip_bad=skip_bad, progress=lambda f: tell(f * READ_SHARE))
    if any(not a.extracted for a in store.articles):
        from tui.extract_cli import fill_extraction

        fill_extraction(store)
    index = Index(store, progress=lambda f: tell(READ_SHARE + f * (1 - READ_SHARE)))
    tell(1.0)
    return index
