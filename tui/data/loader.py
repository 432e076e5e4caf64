"""Open a store for the dashboard: read it, extract what came without extraction,
and build the index, reporting one overall fraction done as it goes.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Callable

from tui.data.index import Index
from tui.data.store import load_store, store_files

READ_SHARE = 0.6  # of the progress bar: reading and validating; the rest is indexing


def load_index(path: Path, *, skip_bad: bool = False, progress: Callable[[float], None] | None = None,
               cache: bool = True) -> Index:
    """Raises StoreError (one line) for a broken store, as :func:`load_store` does.

    With ``cache`` a valid index cache is used instead of reading the store, and
    a new one is written after reading it (see :mod:`tui.data.index_cache`).
    """
    collecting = gc.isenabled()
    gc.disable()  # millions of long-lived objects: collections while building them only cost time
    try:
        index = _load(Path(path), skip_bad, progress or (lambda _fraction: None), cache)
    finally:
        if collecting:
            gc.enable()
    gc.freeze()  # and later collections need not walk them either (no pauses while filtering)
    return index


def _load(path: Path, skip_bad: bool, tell: Callable[[float], None], cache: bool) -> Index:
    if cache:
        from tui.data import index_cache

        files = store_files(path)  # a missing or unreadable store fails here, with its one-line error
        cache_file = index_cache.cache_path_for(path)
        cached = index_cache.load(path, files, cache_file)
        if cached is not None and (skip_bad or not cached.store.skipped):
            tell(1.0)
            return cached
    store = load_store(path, skip_bad=skip_bad, progress=lambda f: tell(f * READ_SHARE))
    if any(not a.extracted for a in store.articles):
        from tui.extract_cli import fill_extraction

        fill_extraction(store)
    index = Index(store, progress=lambda f: tell(READ_SHARE + f * (1 - READ_SHARE)))
    del store  # the articles' bodies: the index reads them from the store file when needed
    if cache and index_cache.save(index, cache_file):
        # the same columns mapped from the file: memory only for the pages in use
        reopened = index_cache.load(path, files, cache_file)
        if reopened is not None:
            reopened.from_cache = False  # read from the store in this session
            index = reopened
    tell(1.0)
    return index
