"""A copy of a built index kept between sessions, so a big store opens at once.

The cache holds the index's columns (see :mod:`tui.data.index_build`): rows,
word index and each article's metadata, but not the bodies of JSON Lines
articles, which are read from the store file when the detail pane needs them (by
the byte span of their record).  It is one file of arrays that is opened by
memory map (:mod:`tui.data.columns`): opening costs no parsing, and only the
pages a filter or the screen touches are ever read into memory.

It lives in ``$XDG_CACHE_HOME/briefing-tui/index/`` (derived data, safe to
delete), keyed by the store's path, and is used only if every store file still
has the size, modification time and inode it had when the cache was written, and
the cache was written by this version of briefing-tui; otherwise the store is
read again and the cache rewritten (to a new file renamed over the old one, so a
running dashboard that has the old one mapped keeps reading it unharmed).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from platformdirs import user_cache_path

from tui import __version__
from tui.data.columns import ColumnFileError, pack, read_columns, unpack, write_columns
from tui.data.index import Index

FORMAT = f"briefing-tui index 6 / {__version__}"


def cache_path_for(store: Path) -> Path:
    resolved = Path(os.path.abspath(Path(store).expanduser()))  # not resolve(): a symlink loop must not raise
    digest = hashlib.blake2b(str(resolved).encode(), digest_size=6).hexdigest()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", resolved.name or "store")[:40]
    return user_cache_path("briefing-tui") / "index" / f"{name}-{digest}.idx"


def fingerprint(files: list[Path]) -> list:
    out = []
    for file in files:
        st = os.stat(file)
        out.append([os.path.abspath(file), st.st_size, st.st_mtime_ns, st.st_ino])
    return out


def save(index: Index, path: Path) -> bool:
    """Write ``index`` to ``path``; a failure to write only costs speed next time (False)."""
    store = index.store
    try:
        meta = {**index.meta, "format": FORMAT, "stamp": fingerprint(store.files),
                "files": [str(f) for f in store.files], "skipped": list(store.skipped)}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_columns(path, meta, pack(index.cols))
    except OSError:
        return False
    return True


def load(store_path: Path, files: list[Path], path: Path) -> Index | None:
    """The cached index of ``store_path`` if it is still valid, else None."""
    try:
        meta, arrays, mapped, where = read_columns(path)
        if meta.get("format") != FORMAT or meta.get("stamp") != fingerprint(files):
            return None
        return Index.from_columns(Path(store_path), meta["skipped"], [Path(n) for n in meta["files"]],
                                  meta, unpack(arrays, mapped, where))
    except (OSError, ColumnFileError, KeyError, TypeError, ValueError, IndexError):
        return None
