"""Compaction of the annotation journal into a snapshot, and crashes in the middle of it."""

from __future__ import annotations

from pathlib import Path

import orjson

from tui.data.annotations import Annotation, AnnotationStore

from journal_helpers import E1, E2, change, lines


# --------------------------------------------------------------------------- compaction
def test_compaction_preserves_values_and_per_field_timestamps(path: Path) -> None:
    s = AnnotationStore(path, "A")
    s.set_note(E1, "note")
    s.add_tag(E1, "a")
    s.add_tag(E1, "b")
    s.set_star(E2, True)
    s.set_assessment(E2, risk="low")
    before = s.all()
    note_ts = lines(path)[1]["ts"]
    s.compact()
    assert len(lines(path)) == 1 and "generation" in lines(path)[0]
    snap = orjson.loads(Path(f"{path}.snapshot.json").read_bytes())
    assert snap["entries"][E1]["note"][1] == note_ts
    assert AnnotationStore(path).all() == before == s.all()
    # Late lines from a slow session: older timestamps lose, newer ones win, tags merge.
    with open(path, "ab") as f:
        for rec in (change(E1, "set", "note", "stale", note_ts - 10, by="Z"),
                    change(E1, "tag-", "tags", "a", note_ts - 10, by="Z"),
                    change(E1, "tag+", "tags", "c", note_ts - 10, by="Z"),
                    change(E2, "set", "risk", "high", note_ts + 3600, by="Z")):
            f.write(orjson.dumps(rec) + b"\n")
    after = AnnotationStore(path)
    assert after.get(E1) == Annotation(note="note", tags=frozenset({"a", "b", "c"}))
    assert after.get(E2) == Annotation(star=True, risk="high")
    assert s.reload() is True and s.all() == after.all()
    after.compact()
    assert AnnotationStore(path).all() == after.all()


def test_crash_between_snapshot_and_journal_replacement(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "a")
    s.add_tag(E1, "t")
    old_journal = path.read_bytes()
    s.compact()
    # Simulate the crash: the snapshot was written, the journal never replaced.
    path.write_bytes(old_journal)
    with open(path, "ab") as f:  # and a change appended after the folded part
        f.write(orjson.dumps(change(E2, "set", "star", True, 5.0)) + b"\n")
    t = AnnotationStore(path)
    assert t.get(E1) == Annotation(note="a", tags=frozenset({"t"})) and t.get(E2).star
    # The covered prefix really is skipped (garbage there would otherwise warn) ...
    corrupted = old_journal.replace(b'"op":"set"', b'"op":"XXX"')
    path.write_bytes(corrupted)
    assert AnnotationStore(path).warnings == []
    # ... but only for the same journal generation: another journal is read in full.
    path.write_bytes(corrupted.replace(orjson.loads(old_journal.split(b"\n")[0])["generation"].encode(), b"other"))
    u = AnnotationStore(path)
    assert len(u.warnings) == 1 and u.get(E1) == Annotation(note="a", tags=frozenset({"t"}))


def test_crash_before_snapshot_rename_leaves_temp_only(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "a")
    (path.parent / ".world.jsonl.snapshot.json.x.tmp").write_bytes(b'{"half')
    assert AnnotationStore(path).get(E1).note == "a"


def test_auto_compaction_keeps_everything(path: Path) -> None:
    s = AnnotationStore(path, compact_bytes=2048)
    for i in range(60):
        s.add_tag(E1, f"tag{i}")
        s.set_note(E2, f"note {i}")
    assert Path(f"{path}.snapshot.json").exists()
    assert path.stat().st_size < 4096
    fresh = AnnotationStore(path)
    assert fresh.get(E1).tags == {f"tag{i}" for i in range(60)}
    assert fresh.get(E2).note == "note 59" and fresh.warnings == []


def test_changed_since(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "x")
    mark = s.last_saved
    assert mark is not None
    s.set_note(E2, "y")
    assert s.changed_since(mark) == {E2}
    assert s.changed_since(0) == {E1, E2}
