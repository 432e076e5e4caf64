"""Pure merge logic for annotations: change records, validation and the merge itself.

No I/O here; :mod:`tui.data.annotations` stores the records (journal, snapshot,
locking, compaction, undo) and relies on the properties described below.

A change record is ``{"v":1,"ts":..,"seq":..,"by":<session>,"id":<entry>,
"op":"set"|"tag+"|"tag-","field":..,"value":..}``; invalid records raise
``ValueError`` in :func:`_parse_change` and are ignored by :func:`merge`.

Merge: per entry and field the change with the greatest key ``(ts, by, seq,
tiebreak)`` wins; tags are the result of applying ``set``/``tag+``/``tag-`` in key
order, kept as "latest full set + latest add/remove per tag newer than it".  That
state is a join (max) over keys, hence independent of line order and idempotent.

An entry's state is dumped (:meth:`_Entry.dump`, for the compaction snapshot) as
``{field:[value,ts,by,seq], "tags":[[..],ts,by,seq], "tag_ops":{tag:[present,ts,by,seq]}}``.
It keeps every winning change with its own timestamp, so merging later changes
gives exactly the result of merging the original ones; :func:`_snapshot_changes`
turns it back into change records.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, NamedTuple

import orjson

from tui.data.sanitize import clean, clean_line

LEVELS = ("low", "medium", "high")
SCALARS = ("note", "star", "risk", "likelihood")


@dataclass(frozen=True)
class Annotation:
    note: str = ""
    tags: frozenset[str] = frozenset()
    star: bool = False
    risk: str = ""
    likelihood: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.note or self.tags or self.star or self.risk or self.likelihood)

    @property
    def annotated(self) -> bool:
        return not self.is_empty

    def to_dict(self) -> dict[str, Any]:
        return {"note": self.note, "tags": sorted(self.tags), "star": self.star,
                "risk": self.risk, "likelihood": self.likelihood}


EMPTY = Annotation()


def normalize_tag(tag: Any) -> str:
    """Clean a tag: one line, lower case, whitespace runs become ``-``."""
    if not isinstance(tag, str):
        raise ValueError(f"tag must be a string, not {type(tag).__name__}")
    result = "-".join(clean_line(tag).lower().split())
    if not result:
        raise ValueError("empty tag")
    return result


class _Op(NamedTuple):
    eid: str
    op: str
    field: str
    value: Any
    key: tuple[float, str, int, bytes]


def _parse_change(c: Any) -> _Op:
    """Validate and clean one change record; raise ValueError saying why it is unusable."""
    if not isinstance(c, dict):
        raise ValueError("not a JSON object")
    if c.get("v", 1) != 1:
        raise ValueError(f"unsupported format version {c.get('v')!r}")
    ts, by, seq = c.get("ts"), c.get("by"), c.get("seq", 0)
    if isinstance(ts, bool) or not isinstance(ts, (int, float)) or not math.isfinite(ts):
        raise ValueError("missing or invalid ts")
    if not isinstance(by, str) or isinstance(seq, bool) or not isinstance(seq, int):
        raise ValueError("missing or invalid by/seq")
    eid = clean_line(c["id"]) if isinstance(c.get("id"), str) else ""
    if not eid:
        raise ValueError("missing entry id")
    op, fld, value = c.get("op"), c.get("field", "tags"), c.get("value")
    if op in ("tag+", "tag-") and fld == "tags":
        value = normalize_tag(value)
    elif op == "set" and fld == "note" and isinstance(value, str):
        value = clean(value)
    elif op == "set" and fld == "star" and isinstance(value, bool):
        pass
    elif op == "set" and fld in ("risk", "likelihood") and isinstance(value, str) and value in ("", *LEVELS):
        pass
    elif op == "set" and fld == "tags" and isinstance(value, list):
        tags = set()
        for tag in value:
            try:
                tags.add(normalize_tag(tag))
            except ValueError:
                continue
        value = tuple(sorted(tags))
    else:
        raise ValueError(f"invalid change (op={op!r}, field={fld!r})")
    return _Op(eid, op, fld, value, (float(ts), clean_line(by), seq, orjson.dumps([op, value])))


class _Entry:
    """Merge state of one entry: the winning change per field, as a join-semilattice."""

    __slots__ = ("scalars", "tag_set", "tag_ops")

    def __init__(self) -> None:
        self.scalars: dict[str, tuple[tuple, Any]] = {}
        self.tag_set: tuple[tuple, tuple[str, ...]] | None = None
        self.tag_ops: dict[str, tuple[tuple, bool]] = {}

    def apply(self, op: _Op) -> None:
        k = op.key
        if op.field != "tags":
            cur = self.scalars.get(op.field)
            if cur is None or k > cur[0]:
                self.scalars[op.field] = (k, op.value)
        elif op.op == "set":
            if self.tag_set is None or k > self.tag_set[0]:
                self.tag_set = (k, op.value)
                self.tag_ops = {t: v for t, v in self.tag_ops.items() if v[0] > k}
        elif self.tag_set is None or k > self.tag_set[0]:
            cur = self.tag_ops.get(op.value)
            if cur is None or k > cur[0]:
                self.tag_ops[op.value] = (k, op.op == "tag+")

    def annotation(self) -> Annotation:
        tags = set(self.tag_set[1]) if self.tag_set else set()
        for tag, (_, present) in self.tag_ops.items():
            (tags.add if present else tags.discard)(tag)
        values = {f: v for f, (_, v) in self.scalars.items()}
        return Annotation(tags=frozenset(tags), **values)

    def floor(self, fld: str, tag: str | None) -> float:
        """Timestamp a new change to ``fld`` (or one ``tag``) must exceed to win."""
        if fld != "tags":
            keys = [self.scalars[fld][0]] if fld in self.scalars else []
        else:
            keys = [self.tag_set[0]] if self.tag_set else []
            ops = self.tag_ops if tag is None else {tag: self.tag_ops[tag]} if tag in self.tag_ops else {}
            keys += [k for k, _ in ops.values()]
        return max((k[0] for k in keys), default=-math.inf)

    def latest(self) -> float:
        keys = [k for k, _ in self.scalars.values()] + [k for k, _ in self.tag_ops.values()]
        keys += [self.tag_set[0]] if self.tag_set else []
        return max((k[0] for k in keys), default=-math.inf)

    def dump(self) -> dict[str, Any]:
        out: dict[str, Any] = {f: [v, *k[:3]] for f, (k, v) in self.scalars.items()}
        if self.tag_set:
            out["tags"] = [list(self.tag_set[1]), *self.tag_set[0][:3]]
        if self.tag_ops:
            out["tag_ops"] = {t: [p, *k[:3]] for t, (k, p) in self.tag_ops.items()}
        return out


def _snapshot_changes(entries: Any) -> Iterator[dict]:
    if not isinstance(entries, dict):
        raise ValueError("entries is not an object")
    for eid, fields in entries.items():
        if not isinstance(fields, dict):
            raise ValueError(f"entry {eid!r} is not an object")
        records = [("set", f, r) for f, r in fields.items() if f != "tag_ops"]
        tag_ops = fields.get("tag_ops", {})
        if not isinstance(tag_ops, dict):
            raise ValueError(f"tag_ops of {eid!r} is not an object")
        for tag, r in tag_ops.items():
            if not isinstance(r, list) or not r or not isinstance(r[0], bool):
                raise ValueError(f"bad tag record for {eid!r}/{tag!r}")
            records.append(("tag+" if r[0] else "tag-", "tags", [tag, *r[1:]]))
        for op, fld, rec in records:
            if fld not in (*SCALARS, "tags") or not isinstance(rec, list) or len(rec) != 4:
                raise ValueError(f"bad record for {eid!r}/{fld!r}")
            yield {"id": eid, "op": op, "field": fld, "value": rec[0], "ts": rec[1], "by": rec[2], "seq": rec[3]}


def merge(changes: Iterable[dict]) -> dict[str, Annotation]:
    """Merge change records into annotations (invalid records are ignored).

    Equivalent to applying the changes sorted by ``(ts, by, seq)``; the result
    does not depend on their order and repeating a change has no effect.
    """
    state: dict[str, _Entry] = {}
    for change in changes:
        try:
            op = _parse_change(change)
        except ValueError:
            continue
        state.setdefault(op.eid, _Entry()).apply(op)
    return {eid: a for eid, e in state.items() if (a := e.annotation()).annotated}


def changes_anything(cur: Annotation, change: tuple[str, str, Any]) -> bool:
    """Whether applying ``(op, field, value)`` to ``cur`` would change it."""
    op, fld, value = change
    if op == "tag+":
        return value not in cur.tags
    if op == "tag-":
        return value in cur.tags
    if fld == "tags":
        return frozenset(value) != cur.tags
    return getattr(cur, fld) != value


def inverse(cur: Annotation, change: tuple[str, str, Any]) -> tuple[str, str, Any]:
    """The change that undoes ``change`` applied to ``cur`` (for the undo stack)."""
    op, fld, value = change
    if op in ("tag+", "tag-"):
        return ("tag-" if op == "tag+" else "tag+", fld, value)
    return ("set", fld, sorted(cur.tags) if fld == "tags" else getattr(cur, fld))
