"""Tests for tui.data.annotations: journal, undo, sessions, locking, robustness."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest
from filelock import FileLock

from tui.data.annotations import Annotation, AnnotationError, AnnotationStore, normalize_tag

from journal_helpers import E1, E2, change, lines, write_journal

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- basics
def test_annotation_value_object() -> None:
    a = Annotation()
    assert a.is_empty and not a.annotated
    b = Annotation(note="x", tags=frozenset({"b", "a"}), star=True, risk="high")
    assert b.annotated and not b.is_empty
    assert b.to_dict() == {"note": "x", "tags": ["a", "b"], "star": True, "risk": "high", "likelihood": ""}
    with pytest.raises(Exception):
        b.note = "y"  # type: ignore[misc]


def test_every_setter_persists_across_instances(path: Path) -> None:
    s = AnnotationStore(path)
    assert s.get(E1) == Annotation() and s.all() == {} and s.last_saved is None
    s.set_note(E1, "line one\nline two")
    s.set_star(E1, True)
    assert s.toggle_star(E2) is True
    assert s.toggle_star(E2) is False
    s.add_tag(E1, "Sanctions")
    s.add_tag(E1, "  Black   Sea ")
    s.add_tag(E1, "temp")
    s.remove_tag(E1, "TEMP")
    s.set_tags(E2, ["b", "a", "A"])
    s.set_assessment(E2, risk="high", likelihood="low")
    s.set_assessment(E2, likelihood="medium")
    assert s.last_saved is not None
    expected = {
        E1: Annotation(note="line one\nline two", tags=frozenset({"sanctions", "black-sea"}), star=True),
        E2: Annotation(tags=frozenset({"a", "b"}), risk="high", likelihood="medium"),
    }
    assert s.all() == expected
    t = AnnotationStore(path)
    assert t.all() == expected and t.warnings == []
    assert t.all_tags() == ["a", "b", "black-sea", "sanctions"]
    assert t.read_only is False


def test_journal_format(path: Path) -> None:
    s = AnnotationStore(path, session="sess1")
    s.set_note(E1, "hello")
    s.add_tag(E1, "x")
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    head, *recs = lines(path)
    assert head["v"] == 1 and isinstance(head["generation"], str)
    assert recs[0]["op"] == "set" and recs[0]["field"] == "note" and recs[0]["value"] == "hello"
    assert recs[0]["by"] == "sess1" and recs[0]["id"] == E1 and isinstance(recs[0]["ts"], float)
    assert recs[1]["op"] == "tag+" and recs[1]["value"] == "x" and recs[1]["seq"] > recs[0]["seq"]


def test_unchanged_value_writes_nothing(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "same")
    size = path.stat().st_size
    assert s.set_note(E1, "same") is False
    s.add_tag(E1, "t")
    size = path.stat().st_size
    s.add_tag(E1, "T")
    s.remove_tag(E1, "absent")
    s.set_assessment(E1)
    s.set_star(E1, False)
    assert path.stat().st_size == size


def test_input_is_cleaned_and_validated(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "red \x1b[31mtext\x1b[0m\r\nnext\x07")
    assert s.get(E1).note == "red text\nnext"
    s.add_tag(E1, " Nuclear\x1b]0;title\x07  Talks\n")
    assert s.get(E1).tags == {"nuclear-talks"}
    assert normalize_tag("A\tB  c") == "a-b-c"
    with pytest.raises(ValueError):
        s.add_tag(E1, "  \x1b[0m ")
    with pytest.raises(ValueError):
        s.set_tags(E1, ["ok", ""])
    with pytest.raises(ValueError):
        s.set_assessment(E1, risk="extreme")
    with pytest.raises(ValueError):
        s.set_note("", "x")
    with pytest.raises(ValueError):
        s.set_note("bad\x1b[31mid", "x")


def test_values_read_from_disk_are_cleaned(path: Path) -> None:
    write_journal(path, [
        change(E1, "set", "note", "evil\x1b]52;c;AAAA\x07 note", 1.0),
        change(E1, "tag+", "tags", "Big\u202eTag", 2.0),
        change(E1, "set", "risk", "catastrophic", 3.0),
        change(E1, "set", "star", "yes", 4.0),
    ])
    s = AnnotationStore(path)
    assert s.get(E1) == Annotation(note="evil note", tags=frozenset({"bigtag"}))
    assert len(s.warnings) == 2 and all(str(path) in w for w in s.warnings)


# --------------------------------------------------------------------------- undo
def test_undo_multi_step(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "a")
    s.set_note(E1, "b")
    s.set_star(E2, True)
    n = len(lines(path))
    assert s.undo() == E2 and s.get(E2).star is False
    assert s.undo() == E1 and s.get(E1).note == "a"
    assert s.undo() == E1 and s.get(E1).note == ""
    assert s.undo() is None
    assert len(lines(path)) == n + 3  # undo appends, never deletes
    assert AnnotationStore(path).all() == {}


def test_undo_tags_and_assessment(path: Path) -> None:
    s = AnnotationStore(path)
    s.add_tag(E1, "keep")
    s.add_tag(E1, "new")
    s.remove_tag(E1, "keep")
    s.set_tags(E1, ["x", "y"])
    s.set_assessment(E1, risk="low", likelihood="high")
    assert s.undo() == E1 and (s.get(E1).risk, s.get(E1).likelihood) == ("", "")
    assert s.undo() == E1 and s.get(E1).tags == {"new"}
    assert s.undo() == E1 and s.get(E1).tags == {"keep", "new"}
    assert s.undo() == E1 and s.get(E1).tags == {"keep"}
    assert AnnotationStore(path).get(E1).tags == {"keep"}


def test_undo_with_nothing_to_undo(path: Path) -> None:
    s = AnnotationStore(path)
    assert s.undo() is None
    assert not path.exists()
    s.set_note(E1, "x")
    # Another session's history is not ours to undo.
    assert AnnotationStore(path).undo() is None


def test_undo_of_tag_add_keeps_tags_added_elsewhere(path: Path) -> None:
    a, b = AnnotationStore(path, "A"), AnnotationStore(path, "B")
    a.add_tag(E1, "mine")
    b.add_tag(E1, "theirs")
    assert a.undo() == E1
    assert AnnotationStore(path).get(E1).tags == {"theirs"}


# --------------------------------------------------------------------------- sessions
def test_two_sessions_see_each_other_and_never_overwrite(path: Path) -> None:
    a, b = AnnotationStore(path, "A"), AnnotationStore(path, "B")
    a.set_note(E1, "from A")
    b.add_tag(E1, "from-b")        # b has not reloaded: must not clobber A's note
    a.add_tag(E1, "from-a")
    b.set_assessment(E2, risk="medium")
    a.set_star(E2, True)
    assert b.reload() is True
    assert a.reload() is True
    assert a.reload() is False      # nothing new
    want = {E1: Annotation(note="from A", tags=frozenset({"from-a", "from-b"})),
            E2: Annotation(star=True, risk="medium")}
    assert a.all() == b.all() == AnnotationStore(path).all() == want
    b.set_note(E1, "B edits")
    assert a.reload() is True and a.get(E1).note == "B edits"
    assert a.get(E1).tags == {"from-a", "from-b"}


def test_reload_is_cheap_and_detects_nothing(path: Path) -> None:
    s = AnnotationStore(path)
    assert s.reload() is False
    s.set_note(E1, "x")
    assert s.reload() is False      # own writes are already in memory
    other = AnnotationStore(path)
    other.set_note(E1, "x")        # no-op
    assert s.reload() is False


def test_reload_after_other_session_compacts(path: Path) -> None:
    a, b = AnnotationStore(path, "A"), AnnotationStore(path, "B")
    a.set_note(E1, "one")
    b.add_tag(E1, "t1")
    b.compact()
    b.add_tag(E2, "t2")
    assert a.reload() is True
    assert a.get(E1) == Annotation(note="one", tags=frozenset({"t1"}))
    assert a.get(E2).tags == {"t2"}
    a.set_star(E2, True)           # writes to the new journal
    assert b.reload() is True and b.get(E2) == Annotation(tags=frozenset({"t2"}), star=True)
    assert AnnotationStore(path).all() == a.all() == b.all()


def test_newer_write_wins_even_against_future_clock(path: Path) -> None:
    write_journal(path, [change(E1, "set", "note", "from the future", 4e9, by="skewed")])
    s = AnnotationStore(path)
    s.set_note(E1, "now")
    assert AnnotationStore(path).get(E1).note == "now"


# --------------------------------------------------------------------------- robustness
def test_torn_last_line_is_skipped_and_next_write_survives(path: Path) -> None:
    write_journal(path, [change(E1, "set", "note", "kept", 1.0)], tail=b'{"v":1,"ts":2.0,"id":"q:1","op":"se')
    s = AnnotationStore(path)
    assert s.get(E1).note == "kept"
    assert len(s.warnings) == 1
    assert f"{path}:3:" in s.warnings[0] and "incomplete" in s.warnings[0]
    s.add_tag(E1, "after")
    fresh = AnnotationStore(path)
    assert fresh.get(E1) == Annotation(note="kept", tags=frozenset({"after"}))
    assert any(f"{path}:3:" in w for w in fresh.warnings)


def test_garbage_middle_line_is_skipped_with_line_number(path: Path) -> None:
    path.parent.mkdir(parents=True)
    good1 = orjson.dumps(change(E1, "set", "note", "n", 1.0))
    good2 = orjson.dumps(change(E1, "tag+", "tags", "t", 2.0))
    path.write_bytes(b"\n".join([b'{"v":1,"generation":"g"}', good1, b"\x00garbage{", b"[1,2]", good2]) + b"\n")
    s = AnnotationStore(path)
    assert s.get(E1) == Annotation(note="n", tags=frozenset({"t"}))
    assert len(s.warnings) == 2
    assert f"{path}:3:" in s.warnings[0] and f"{path}:4:" in s.warnings[1]
    s.compact()                     # garbage is kept aside, not silently dropped
    assert b"garbage{" in Path(f"{path}.rejected").read_bytes()
    assert AnnotationStore(path).get(E1) == s.get(E1)


def test_corrupt_snapshot_is_backed_up_and_store_goes_read_only(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "journal note")
    snap = Path(f"{path}.snapshot.json")
    snap.write_bytes(b'{"v":1,"entries":{"q:1":{"note":["x",1.0,"s",')
    original = snap.read_bytes()
    t = AnnotationStore(path)
    assert t.read_only is True and "corrupt" in t.read_only_reason
    assert t.get(E1).note == "journal note"          # still readable
    backups = list(path.parent.glob("world.jsonl.snapshot.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    journal = path.read_bytes()
    for write in (lambda: t.set_note(E1, "x"), lambda: t.add_tag(E1, "y"), t.compact):
        with pytest.raises(AnnotationError, match="read-only"):
            write()
    assert snap.read_bytes() == original and path.read_bytes() == journal
    assert any("snapshot" in w for w in t.warnings)
    # A session open since before the corruption may still append to the journal,
    # but it notices the snapshot changed and refuses to compact over it.
    s.set_note(E1, "late")
    with pytest.raises(AnnotationError, match="read-only"):
        s.compact()
    assert s.read_only and snap.read_bytes() == original
    assert b"late" in path.read_bytes()


def test_snapshot_with_bad_structure_is_corrupt(path: Path) -> None:
    path.parent.mkdir(parents=True)
    Path(f"{path}.snapshot.json").write_bytes(orjson.dumps(
        {"v": 1, "generation": None, "journal_offset": 0, "entries": {E1: {"note": "not a record"}}}))
    s = AnnotationStore(path)
    assert s.read_only and "corrupt" in s.read_only_reason


def test_read_only_directory(path: Path) -> None:
    s = AnnotationStore(path)
    s.set_note(E1, "x")
    os.chmod(path.parent, 0o555)
    try:
        if os.access(path.parent, os.W_OK):
            pytest.skip("running as root: chmod does not make the directory read-only")
        t = AnnotationStore(path)
        assert t.read_only and "not writable" in t.read_only_reason
        assert t.get(E1).note == "x"
        with pytest.raises(AnnotationError, match="read-only"):
            t.set_note(E1, "y")
    finally:
        os.chmod(path.parent, 0o755)


def test_parent_that_is_a_file_means_read_only(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    s = AnnotationStore(blocker / "sub" / "a.jsonl")
    assert s.read_only and "not a directory" in s.read_only_reason
    with pytest.raises(AnnotationError, match="read-only"):
        s.set_star(E1, True)


def test_missing_directory_is_created_on_first_write(tmp_path: Path) -> None:
    p = tmp_path / "deep" / "er" / "a.jsonl"
    s = AnnotationStore(p)
    assert not p.parent.exists() and not s.read_only
    s.set_note(E1, "x")
    assert p.exists() and AnnotationStore(p).get(E1).note == "x"


def test_lock_timeout_gives_clear_error(path: Path) -> None:
    s = AnnotationStore(path, lock_timeout=0.2)
    path.parent.mkdir(parents=True)
    holder = FileLock(f"{path}.lock")
    with holder:
        with pytest.raises(AnnotationError, match="could not lock"):
            s.set_note(E1, "x")
    assert s.get(E1).note == ""
    s.set_note(E1, "x")
    assert AnnotationStore(path).get(E1).note == "x"


# --------------------------------------------------------------------------- concurrency
WORKER = textwrap.dedent("""
    import sys
    from tui.data.annotations import AnnotationStore
    path, name, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    import os, time
    while not os.path.exists(go):
        time.sleep(0.005)
    store = AnnotationStore(path, session=name, compact_bytes=8192)
    for i in range(n):
        store.add_tag("q:shared", f"{name}-{i}")
        if i % 10 == 0:
            store.set_note("q:" + name, f"note {i}")
            store.reload()
    store.set_note("q:" + name, "done")
""")


def test_concurrent_processes_lose_nothing(path: Path, tmp_path: Path) -> None:
    observer = AnnotationStore(path)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    names, n = ["p0", "p1", "p2"], 100
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), name, str(n), str(go)],
                              env=env, stderr=subprocess.PIPE) for name in names]
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err.decode()
    expected_tags = {f"{name}-{i}" for name in names for i in range(n)}
    fresh = AnnotationStore(path)
    assert fresh.get("q:shared").tags == expected_tags
    assert all(fresh.get("q:" + name).note == "done" for name in names)
    assert fresh.warnings == []
    assert Path(f"{path}.snapshot.json").exists()  # compaction ran while others wrote
    assert observer.reload() is True and observer.all() == fresh.all()
