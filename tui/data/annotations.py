"""The analyst's annotations (note, tags, star, risk, likelihood) on store entries.

The change records and how they merge live in :mod:`tui.data.annotation_merge`
(re-exported here); this module stores them.  Files, for an annotation path ``P``:

* ``P`` - the journal: JSON Lines, append-only.  Line 1 is a header
  ``{"v":1,"generation":"<uuid>"}``; every other line is one change record.
  A write is one ``os.write`` of whole lines on an ``O_APPEND`` descriptor
  plus ``fsync``, under ``P.lock``.
* ``P.snapshot.json`` - compaction snapshot: ``{"v":1,"ts":..,"generation":<gen
  of the journal it folded>,"journal_offset":<bytes folded>,"journal_lines":..,
  "entries":{id:<merge state of the entry>}}``.  It keeps every winning change
  with its own timestamp, so merging later journal lines gives exactly the
  result of merging the original lines.
* ``P.rejected`` - unreadable journal lines, copied here by compaction so it
  never silently discards bytes someone wrote.

Crash safety rests on the merge's idempotence: folding a change twice is
harmless, skipping one is not.  Compaction (under the lock) first writes the snapshot
atomically, recording the journal's generation and the byte offset it covers,
then atomically replaces the journal by a fresh one with a new generation.

* crash before the snapshot rename: old snapshot + full old journal, nothing lost;
* crash between the two renames: new snapshot + old journal with the same
  generation - the covered prefix is skipped (it would be harmless to re-read);
* after both: generations differ, so the whole (new) journal is read.

Bytes are only skipped when the journal carries the snapshot's generation and is
long enough; anything else (no header, hand edits, a recreated journal) is read
in full.  Readers (who take no lock) read the journal *before* the snapshot, so
a compaction running meanwhile can only make them fold more, never less.  A
power cut can leave an unterminated last line: readers skip it, and the next
writer terminates it before appending so it cannot swallow an acknowledged
line.  A corrupt snapshot is never overwritten (the store turns read-only).
A new write uses a timestamp just above the field's current winner, so what
the analyst just did takes effect even if another machine's clock is ahead.
"""

from __future__ import annotations

import math
import os
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from tui.data.annotation_merge import (EMPTY, LEVELS, SCALARS, Annotation, _Entry, _Op, _parse_change,
                                       _snapshot_changes, changes_anything, inverse, merge, normalize_tag)
from tui.data.journal_io import (append_durably, atomic_write, backup_copy, read_from, signature,
                                 split_lines, starts_with, stat_or_none, write_problem)
from tui.data.sanitize import clean, clean_line

__all__ = ["COMPACT_BYTES", "EMPTY", "LEVELS", "LOCK_TIMEOUT", "SCALARS", "Annotation", "AnnotationError",
           "AnnotationStore", "merge", "normalize_tag"]

LOCK_TIMEOUT = 10.0
COMPACT_BYTES = 1 << 20


class AnnotationError(Exception):
    """An annotation could not be saved (locked, read-only, disk error)."""


def _header(gen: str) -> bytes:
    return orjson.dumps({"v": 1, "generation": gen}) + b"\n"


class AnnotationStore:
    """Annotations persisted in an append-only journal shared by every session."""

    def __init__(self, path: Path | str, session: str | None = None, *,
                 lock_timeout: float = LOCK_TIMEOUT, compact_bytes: int = COMPACT_BYTES) -> None:
        self.path = Path(path).expanduser()
        self.snapshot_path = Path(f"{self.path}.snapshot.json")
        self.lock_path = Path(f"{self.path}.lock")
        self.rejected_path = Path(f"{self.path}.rejected")
        self.session = clean_line(session or "") or uuid.uuid4().hex[:12]
        self.read_only = False
        self.read_only_reason = ""
        self.warnings: list[str] = []
        self.last_saved: float | None = None
        self._lock = None  # a filelock.FileLock, made when first needed (keeps start-up lean)
        self._lock_timeout = lock_timeout
        self._compact_bytes = compact_bytes
        self._mutex = threading.RLock()
        self._seq = 0
        self._undo: list[tuple[str, list[tuple[str, str, Any]]]] = []
        self._state: dict[str, _Entry] = {}
        self._cache: dict[str, Annotation] = {}
        self._gen: str | None = None
        self._offset = self._lines = 0
        self._sig: tuple | None = None
        self._head: bytes | None = None  # the journal's first line: tells a new journal on a recycled inode
        self._snap_sig: tuple | None = None
        self._rejected: list[bytes] = []
        self._seen_tails: set[tuple] = set()
        self._backed_up: set[tuple] = set()
        self._external = False
        with self._mutex:
            self._load()

    # ------------------------------------------------------------------ reading
    def get(self, entry_id: str) -> Annotation:
        cached = self._cache.get(entry_id)
        if cached is None:
            entry = self._state.get(entry_id)
            cached = self._cache[entry_id] = entry.annotation() if entry else EMPTY
        return cached

    def all(self) -> dict[str, Annotation]:
        return {eid: a for eid in list(self._state) if (a := self.get(eid)).annotated}

    def all_tags(self) -> list[str]:
        return sorted({t for a in self.all().values() for t in a.tags})

    def changed_since(self, ts: float) -> set[str]:
        """Ids of entries with a change timestamped after ``ts``."""
        return {eid for eid, e in self._state.items() if e.latest() > ts}

    def reload(self) -> bool:
        """Pick up changes made by any process; True if an annotation changed."""
        with self._mutex:
            changed = self._refresh() or self._external
            self._external = False
            return changed

    def _warn(self, message: str) -> None:
        if (message := clean_line(message)) not in self.warnings:
            self.warnings.append(message)

    def _set_read_only(self, reason: str, warn: bool = False) -> None:
        if not self.read_only:
            self.read_only, self.read_only_reason = True, reason
        if warn:
            self._warn(f"{reason}; annotations are read-only")

    def _apply(self, op: _Op) -> None:
        self._state.setdefault(op.eid, _Entry()).apply(op)
        self._cache.pop(op.eid, None)

    def _load(self) -> None:
        """Full (re)load.  The journal is read before the snapshot (see module docstring)."""
        self.read_only, self.read_only_reason = False, ""
        if problem := write_problem(self.path):
            self._set_read_only(problem)
        self._state, self._cache, self._rejected = {}, {}, []
        try:
            st, data = read_from(self.path)
        except OSError as exc:
            st, data = None, b""
            self._set_read_only(f"cannot read journal {self.path}: {exc.strerror}", warn=True)
        meta = self._read_snapshot()
        self._gen, self._offset, self._lines = None, 0, 0
        first, newline, _ = data.partition(b"\n")
        self._head = first + newline if newline else None
        try:
            head = orjson.loads(first) if newline else None
        except ValueError:
            head = None
        if isinstance(head, dict) and isinstance(head.get("generation"), str) and "op" not in head:
            self._gen, self._offset, self._lines = head["generation"], len(first) + 1, 1
        if meta and self._gen is not None and meta[0] == self._gen and self._offset <= meta[1] <= len(data):
            self._offset, self._lines = meta[1], meta[2]
        self._consume(data[self._offset:])
        self._sig = signature(st)

    def _read_snapshot(self) -> tuple[str | None, int, int] | None:
        self._snap_sig = signature(stat_or_none(self.snapshot_path))
        try:
            doc = orjson.loads(self.snapshot_path.read_bytes())
            if not isinstance(doc, dict) or doc.get("v") != 1:
                raise ValueError("missing or unsupported version")
            meta = doc.get("generation"), doc.get("journal_offset"), doc.get("journal_lines", 0)
            if not isinstance(meta[0], (str, type(None))) or not all(isinstance(m, int) for m in meta[1:]):
                raise ValueError("bad journal position")
            ops = [_parse_change(c) for c in _snapshot_changes(doc.get("entries"))]
        except FileNotFoundError:
            return None
        except OSError as exc:
            problem = f"cannot read snapshot {self.snapshot_path}: {exc.strerror}"
        except ValueError as exc:
            problem = f"snapshot {self.snapshot_path} is corrupt ({exc})"
        else:
            for op in ops:
                self._apply(op)
            return meta
        if self._snap_sig not in self._backed_up:  # once per damaged version, not per reload
            try:
                dest = backup_copy(self.snapshot_path, ".corrupt-" + time.strftime("%Y%m%d-%H%M%S"))
                self._backed_up.add(self._snap_sig)
                self._warn(f"copied unreadable snapshot to {dest}")
            except OSError as exc:
                self._warn(f"could not back up {self.snapshot_path}: {exc}")
        self._set_read_only(problem, warn=True)
        return None

    def _consume(self, data: bytes) -> dict[str, Annotation]:
        """Apply the complete lines of ``data`` (journal bytes at ``_offset``); return prior values."""
        before: dict[str, Annotation] = {}
        lines, tail = split_lines(data)
        for raw in lines:
            self._lines += 1
            if not raw.strip():
                continue
            try:
                op = _parse_change(orjson.loads(raw))
            except ValueError as exc:
                self._warn(f"{self.path}:{self._lines}: skipped invalid line ({exc})")
                self._rejected.append(raw)
                continue
            if op.eid not in before:
                before[op.eid] = self.get(op.eid)
            self._apply(op)
        self._offset += len(data) - len(tail)
        if tail and (self._gen, self._offset) not in self._seen_tails:
            self._seen_tails.add((self._gen, self._offset))
            self._warn(f"{self.path}:{self._lines + 1}: skipped incomplete last line (interrupted write?)")
        return before

    def _refresh(self) -> bool:
        """Catch up with the journal: appended bytes only, or a full load if it was replaced."""
        sig, old = signature(stat_or_none(self.path)), self._sig
        if sig == old:
            return False
        if sig is None or old is None or sig[:2] != old[:2] or sig[2] < self._offset:
            previous = self.all()
            self._load()
            return self.all() != previous
        try:
            st, data = read_from(self.path, self._offset)
        except OSError:
            return False
        # Replaced between stat and open, or replaced by a journal that got the old
        # inode number back (ext4 recycles them): read the first line after the data.
        if signature(st)[:2] != old[:2] or (self._head is not None and not starts_with(self.path, self._head)):
            self._sig = None
            return self._refresh()
        before = self._consume(data)
        self._sig = signature(st)
        return any(self.get(eid) != a for eid, a in before.items())

    # ------------------------------------------------------------------ writing
    def _require_writable(self) -> None:
        if self.read_only:
            raise AnnotationError(f"annotations are read-only: {self.read_only_reason}")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        from filelock import FileLock, Timeout

        with self._mutex:
            self._require_writable()
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                if self._lock is None:
                    self._lock = FileLock(str(self.lock_path))
                self._lock.acquire(timeout=self._lock_timeout)
            except Timeout:
                raise AnnotationError(f"could not lock {self.lock_path} within {self._lock_timeout:g}s "
                                      "(another briefing-tui may be busy or hung)") from None
            except OSError as exc:
                raise AnnotationError(f"cannot lock annotations in {self.path.parent}: {exc}") from exc
            try:
                if self._refresh():
                    self._external = True
                self._require_writable()
                yield
            finally:
                self._lock.release()

    def _write(self, entry_id: str, build: Callable[[Annotation], list[tuple[str, str, Any]]],
               record_undo: bool = True) -> bool:
        if not isinstance(entry_id, str) or not entry_id or clean_line(entry_id) != entry_id:
            raise ValueError(f"invalid entry id {entry_id!r}")
        with self._locked():
            cur = self.get(entry_id)
            ops = [o for o in build(cur) if changes_anything(cur, o)]
            if not ops:
                return False
            entry = self._state.get(entry_id) or _Entry()
            now, lines, parsed = time.time(), [], []
            for op, fld, value in ops:
                ts = max(now, math.nextafter(entry.floor(fld, None if op == "set" else value), math.inf))
                self._seq += 1
                rec = {"v": 1, "ts": ts, "seq": self._seq, "by": self.session, "id": entry_id,
                       "op": op, "field": fld, "value": value}
                lines.append(orjson.dumps(rec) + b"\n")
                parsed.append(_parse_change(rec))
            gen = uuid.uuid4().hex
            try:
                written, st = append_durably(self.path, b"".join(lines), _header(gen))
            except OSError as exc:
                raise AnnotationError(f"could not save annotation to {self.path}: {exc}") from exc
            if self._sig is None or self._sig[:2] == (st.st_dev, st.st_ino):
                if written.startswith(_header(gen)):
                    self._gen, self._offset, self._lines, self._head = gen, 0, 0, _header(gen)
                self._offset, self._lines = st.st_size, self._lines + written.count(b"\n")
                self._sig = signature(st)
            for p in parsed:
                self._apply(p)
            if record_undo:
                self._undo.append((entry_id, [inverse(cur, o) for o in reversed(ops)]))
            self.last_saved = time.time()
            if st.st_size > self._compact_bytes:
                try:
                    self._compact_locked()
                except (OSError, AnnotationError) as exc:
                    self._warn(f"automatic compaction of {self.path} failed: {exc}")
        return True

    def set_note(self, entry_id: str, text: str) -> bool:
        text = clean(text)
        return self._write(entry_id, lambda a: [("set", "note", text)])

    def set_star(self, entry_id: str, starred: bool) -> bool:
        return self._write(entry_id, lambda a: [("set", "star", bool(starred))])

    def toggle_star(self, entry_id: str) -> bool:
        result: list[bool] = []
        self._write(entry_id, lambda a: result.append(not a.star) or [("set", "star", not a.star)])
        return result[0]

    def add_tag(self, entry_id: str, tag: str) -> bool:
        tag = normalize_tag(tag)
        return self._write(entry_id, lambda a: [("tag+", "tags", tag)])

    def remove_tag(self, entry_id: str, tag: str) -> bool:
        tag = normalize_tag(tag)
        return self._write(entry_id, lambda a: [("tag-", "tags", tag)])

    def set_tags(self, entry_id: str, tags: Iterable[str]) -> bool:
        if isinstance(tags, str):
            raise ValueError("set_tags takes an iterable of tags, not a string")
        value = sorted({normalize_tag(t) for t in tags})
        return self._write(entry_id, lambda a: [("set", "tags", value)])

    def set_assessment(self, entry_id: str, risk: str | None = None, likelihood: str | None = None) -> bool:
        ops = []
        for fld, value in (("risk", risk), ("likelihood", likelihood)):
            if value is not None:
                if value not in ("", *LEVELS):
                    raise ValueError(f"{fld} must be one of low, medium, high or empty, not {value!r}")
                ops.append(("set", fld, value))
        return self._write(entry_id, lambda a: ops)

    def undo(self) -> str | None:
        """Revert this session's last change by writing the previous values again."""
        with self._mutex:
            if not self._undo:
                return None
            entry_id, ops = self._undo.pop()
            try:
                self._write(entry_id, lambda a: ops, record_undo=False)
            except BaseException:
                self._undo.append((entry_id, ops))
                raise
            return entry_id

    def compact(self) -> None:
        """Fold the journal into the snapshot and start a fresh journal."""
        with self._locked():
            self._compact_locked()

    def _compact_locked(self) -> None:
        if signature(stat_or_none(self.snapshot_path)) != self._snap_sig:  # replaced behind our back: re-read, never clobber
            self._load()
            self._require_writable()
        tail = read_from(self.path, self._offset)[1] if self._sig else b""
        if b"\n" in tail:  # unread complete lines: refresh failed; never fold a partial view
            raise AnnotationError(f"{self.path} changed during compaction; try again")
        junk = self._rejected + ([tail] if tail else [])
        if junk:
            append_durably(self.rejected_path, b"".join(r + b"\n" for r in junk))
        snapshot = {"v": 1, "ts": time.time(), "generation": self._gen, "journal_offset": self._offset,
                    "journal_lines": self._lines, "entries": {e: s.dump() for e, s in self._state.items()}}
        atomic_write(self.snapshot_path, orjson.dumps(snapshot))
        self._snap_sig = signature(stat_or_none(self.snapshot_path))
        gen = uuid.uuid4().hex
        atomic_write(self.path, _header(gen))
        self._gen, self._offset, self._lines, self._rejected = gen, len(_header(gen)), 1, []
        self._head = _header(gen)
        self._sig = signature(os.stat(self.path))
