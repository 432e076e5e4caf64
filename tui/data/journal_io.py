"""Low-level durable file operations used by the annotation journal.

Nothing here knows about annotations; these are the few primitives whose exact
ordering matters for crash safety:

* :func:`append_durably` - one ``os.write`` of complete lines on an ``O_APPEND``
  descriptor followed by ``fsync``; it first terminates a torn fragment left by
  an earlier crash so that fragment can never swallow the new line;
* :func:`atomic_write` - temp file in the same directory, write, flush, fsync,
  ``os.replace``, fsync the directory;
* :func:`backup_copy` - copy a file aside under a name that does not exist yet.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable


def fsync_dir(directory: Path) -> None:
    """Make a rename/creation inside ``directory`` durable (best effort off POSIX)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` (bytes, or chunks of them written one after another)
    so readers see the old or the new file, never a mix; the new file is private (0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in (data,) if isinstance(data, (bytes, bytearray, memoryview)) else data:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def append_durably(path: Path, data: bytes, header: bytes = b"") -> tuple[bytes, os.stat_result]:
    """Append ``data`` (complete ``\\n``-terminated lines) to ``path`` and fsync it.

    The caller must hold the journal lock.  If the file is new or empty,
    ``header`` is written in front of the data; if it ends in an unterminated
    fragment (a write interrupted by a crash), a newline is written first.
    Everything goes out in a single ``os.write``.  Returns the bytes actually
    written and the file's status afterwards.
    """
    created = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        size = os.fstat(fd).st_size
        if size == 0:
            data = header + data
        else:
            os.lseek(fd, size - 1, os.SEEK_SET)
            if os.read(fd, 1) != b"\n":
                data = b"\n" + data
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(errno.EIO, f"short write ({written} of {len(data)} bytes)")
        os.fsync(fd)
        status = os.fstat(fd)
    finally:
        os.close(fd)
    if created:
        fsync_dir(path.parent)
    return data, status


def read_from(path: Path, offset: int = 0) -> tuple[os.stat_result | None, bytes]:
    """Return ``path``'s status (taken before reading) and its bytes from ``offset``.

    A missing file gives ``(None, b"")``; other errors propagate.
    """
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            handle.seek(offset)
            return status, handle.read()
    except FileNotFoundError:
        return None, b""


def starts_with(path: Path, head: bytes) -> bool:
    """Whether ``path`` still begins with ``head`` (a journal replaced by one that got the old
    inode number back does not: ext4 recycles them)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(head)) == head
    except OSError:
        return False


def signature(status: os.stat_result | None) -> tuple[int, int, int, int] | None:
    """Identity + size + mtime of a file: equal signatures mean nothing was appended or replaced."""
    return None if status is None else (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def split_lines(data: bytes) -> tuple[list[bytes], bytes]:
    """Split into complete lines (without ``\n``) and an unterminated tail."""
    end = data.rfind(b"\n") + 1
    return data[:end].split(b"\n")[:-1], data[end:]


def write_problem(path: Path) -> str | None:
    """Why ``path`` could not be created or appended to, or None if it (probably) can."""
    probe = path.parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        return f"{probe} is not a directory"
    if not os.access(probe, os.W_OK | os.X_OK):
        return f"directory {probe} is not writable"
    if path.exists() and (path.is_dir() or not os.access(path, os.W_OK)):
        return f"{path} is not writable"
    return None


def backup_copy(src: Path, suffix: str) -> Path:
    """Copy ``src`` to ``src + suffix`` (or ``-1``, ``-2``... if taken); return the copy's path."""
    dest = Path(f"{src}{suffix}")
    n = 0
    while dest.exists():
        n += 1
        dest = Path(f"{src}{suffix}-{n}")
    shutil.copy2(src, dest)
    return dest
