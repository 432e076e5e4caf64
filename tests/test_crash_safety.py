"""Crash safety of the annotation journal, tested with real processes (no mocks).

* A worker process saving annotations as fast as it can is SIGKILLed at a random
  moment, 200 times in a row on the same journal (small compaction threshold, so
  kills also land inside compaction): every time, a fresh AnnotationStore must
  open the files without corruption and hold every acknowledged save.
* Four processes make 250 checkable saves each on one journal, with compaction
  running, while this process keeps reloading: nothing is lost, and the reader
  never goes backwards nor sees a process's later save without its earlier ones.

The workers import only :mod:`tui.data.annotations` (never Textual) so that
starting 200 of them stays cheap.
"""

from __future__ import annotations

import inspect
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import orjson
import pytest

from tui.data.annotations import EMPTY, SCALARS, Annotation, AnnotationStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

ROOT = Path(__file__).resolve().parents[1]
KILLS = 200
COMPACT_BYTES = 4096
SEED = 20240611
TORN = "skipped incomplete last line"


def worker_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))}


def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "annotations" / "world.jsonl"


# --------------------------------------------------------------------------- SIGKILL mid-save
def planned_save(run, i):
    """The ``i``-th save of crash worker ``run``: ``(method, entry id, args)``.

    Shared verbatim by the worker (via ``inspect.getsource``) and the test, so the
    test knows what the one save in flight at the moment of the kill would do.
    Every value is unique; ``set_tags`` every 8 saves keeps the state bounded.
    """
    eid = "q:crash%d" % (i % 3)
    levels = ("", "low", "medium", "high")
    k = i % 8
    if k in (0, 2, 6):
        return "add_tag", eid, ("r%d-%d" % (run, i),)
    if k == 1:
        return "set_note", eid, ("run %d save %d" % (run, i),)
    if k == 3:
        return "set_star", eid, ((i // 8 + run) % 2 == 0,)
    if k == 4:
        return "set_assessment", eid, (levels[(i + run) % 4], levels[(i // 4 + run) % 4])
    if k == 5:  # removes the tag added by save i - 5, on that save's entry
        return "remove_tag", "q:crash%d" % ((i - 5) % 3), ("r%d-%d" % (run, i - 5),)
    return "set_tags", "q:crash%d" % (run % 3), (["r%d-%d" % (run, i), "kept"],)


CRASH_WORKER = inspect.getsource(planned_save) + textwrap.dedent("""
    import sys, time
    from tui.data.annotations import AnnotationStore
    path, run, compact = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = AnnotationStore(path, session="run%d" % run, compact_bytes=compact)
    deadline = time.monotonic() + 30  # never outlive a parent that failed to kill us
    i = 0
    while time.monotonic() < deadline:
        method, eid, args = planned_save(run, i)
        getattr(store, method)(eid, *args)
        sys.stdout.write("ack %d %s %s %r\\n" % (i, method, eid, args))
        sys.stdout.flush()
        i += 1
""")


def apply_save(state: dict[str, Annotation], save: tuple) -> dict[str, Annotation]:
    """Model: what ``save`` does to ``state`` (one writer at a time, so plain sequential semantics)."""
    method, eid, args = save
    a = state.get(eid, EMPTY)
    if method == "add_tag":
        a = replace(a, tags=a.tags | {args[0]})
    elif method == "remove_tag":
        a = replace(a, tags=a.tags - {args[0]})
    elif method == "set_tags":
        a = replace(a, tags=frozenset(args[0]))
    elif method == "set_note":
        a = replace(a, note=args[0])
    elif method == "set_star":
        a = replace(a, star=args[0])
    elif method == "set_assessment":
        a = replace(a, risk=args[0], likelihood=args[1])
    else:
        raise AssertionError(method)
    new = dict(state)
    new[eid] = a
    return {e: v for e, v in new.items() if v.annotated}


def _facts(state: dict[str, Annotation]) -> set[tuple]:
    return {(eid, f) for eid in state for f in SCALARS} | {(eid, "tag", t) for eid, a in state.items() for t in a.tags}


def _fact(state: dict[str, Annotation], key: tuple):
    a = state.get(key[0], EMPTY)
    return key[2] in a.tags if key[1] == "tag" else getattr(a, key[1])


def unexplained(disk: dict[str, Annotation], acked: dict[str, Annotation],
                in_flight: dict[str, Annotation]) -> list[str]:
    """Fields (and single tags) on disk that show neither the acknowledged state nor the in-flight save.

    A save that was not acknowledged may or may not have landed, even partly (a
    set_assessment is two records), so each field is judged on its own.
    """
    problems = []
    for key in sorted(_facts(disk) | _facts(acked) | _facts(in_flight), key=repr):
        got, want, maybe = _fact(disk, key), _fact(acked, key), _fact(in_flight, key)
        if got != want and got != maybe:
            what = f"tag {key[2]!r} present" if key[1] == "tag" else key[1]
            problems.append(f"{key[0]} {what}: on disk {got!r}, acknowledged {want!r}")
    return problems


def run_and_kill(path: Path, run: int, delay: float, env: dict[str, str]) -> tuple[int, int, str]:
    """Start a crash worker, SIGKILL it ``delay`` s after its first ack; return (acks, returncode, stderr)."""
    proc = subprocess.Popen([sys.executable, "-c", CRASH_WORKER, str(path), str(run), str(COMPACT_BYTES)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)
    try:  # unbuffered: readline takes exactly one line, communicate() gets the rest
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        first = proc.stdout.readline() if ready else b""
        if first:
            time.sleep(delay)
    finally:
        proc.send_signal(signal.SIGKILL)  # harmless if it already exited
        out, err = proc.communicate(timeout=30)
    acks = [line.split()[1] for line in (first + out).splitlines(keepends=True)
            if line.startswith(b"ack ") and line.endswith(b"\n")]
    assert acks == [str(i).encode() for i in range(len(acks))], f"run {run}: acks out of order"
    return len(acks), proc.returncode, err.decode(errors="replace")


def invalid_lines(path: Path) -> list[bytes]:
    """Complete journal lines that are not JSON (what the store warns about as invalid)."""
    lines = path.read_bytes().split(b"\n")[:-1] if path.exists() else []
    bad = []
    for line in lines:
        try:
            orjson.loads(line)
        except orjson.JSONDecodeError:
            bad.append(line)
    return bad


def generation(p: Path) -> str | None:
    try:
        return orjson.loads(p.read_bytes().split(b"\n", 1)[0]).get("generation")
    except (OSError, ValueError, AttributeError):
        return None


def test_sigkill_mid_save_200_times_loses_and_corrupts_nothing(tmp_path: Path, isolated_env: dict[str, str]) -> None:
    path = journal_path(tmp_path)
    snapshot = Path(f"{path}.snapshot.json")
    env = worker_env(isolated_env)
    rng = random.Random(SEED)
    state: dict[str, Annotation] = {}     # what the journal must hold: every acknowledged save
    corrupt: list[str] = []
    lost: list[str] = []
    stats: Counter[str] = Counter()
    temps: set[Path] = set()
    last_snapshot_gen = None
    started = time.monotonic()
    for run in range(KILLS):
        acks, code, err = run_and_kill(path, run, rng.uniform(0.005, 0.060), env)
        assert code == -signal.SIGKILL and acks, f"run {run}: worker ended by itself ({code}) after {acks} acks:\n{err}"
        stats["saves acknowledged"] += acks
        acked = state
        for i in range(acks):
            acked = apply_save(acked, planned_save(run, i))
        in_flight = apply_save(acked, planned_save(run, acks))

        # Where did the kill land?  (Only for the summary; the checks below do not depend on it.)
        new_temps = set(path.parent.glob(".*.tmp")) - temps
        temps |= new_temps
        stats["killed while writing the snapshot temp file"] += any(".snapshot.json." in t.name for t in new_temps)
        stats["killed while writing the new journal temp file"] += any(".snapshot.json." not in t.name
                                                                       for t in new_temps)
        snapshot_gen = generation(snapshot)
        stats["killed between snapshot and journal replace"] += (snapshot_gen not in (None, last_snapshot_gen)
                                                                  and generation(path) == snapshot_gen)
        last_snapshot_gen = snapshot_gen

        try:
            fresh = AnnotationStore(path)
        except Exception as exc:  # noqa: BLE001 - any failure to open is corruption
            corrupt.append(f"run {run}: cannot open: {exc!r}")
        else:
            # Torn writes are allowed: an unterminated last line, or (once the next
            # writer has terminated it) an invalid line that is a cut-off record.
            torn = [w for w in fresh.warnings if TORN in w]
            cut_off = [line for line in invalid_lines(path) if line.startswith(b'{"v":1,"ts":')]
            other = [w for w in fresh.warnings if TORN not in w]
            if fresh.read_only or len(other) > len(cut_off):
                corrupt.append(f"run {run}: read_only={fresh.read_only} {fresh.read_only_reason!r} "
                               f"warnings={fresh.warnings}")
            stats["torn last line seen"] += bool(torn)
            stats["cut-off line seen"] += bool(cut_off)
            if problems := unexplained(fresh.all(), acked, in_flight):
                lost.extend(f"run {run} ({acks} acks): {p}" for p in problems)
            state = fresh.all()
        if corrupt and corrupt[-1].startswith(f"run {run}:"):
            shutil.copytree(path.parent, tmp_path / f"corrupt-after-run-{run}")
            break  # a broken journal is no base for further runs

    summary = (f"{KILLS} kills in {time.monotonic() - started:.1f}s; "
               + ", ".join(f"{k}: {v}" for k, v in stats.items())
               + f"; corrupt: {len(corrupt)}, lost/wrong: {len(lost)}")
    print(summary)
    assert not corrupt and not lost, (summary + "\ncorrupt:\n  " + "\n  ".join(corrupt[:10])
                                      + "\nlost or wrong:\n  " + "\n  ".join(lost[:20]))
    assert snapshot.exists(), "compaction never ran: the kills did not exercise it"
    # The survivor of 200 crashes is still a fully working store.
    final = AnnotationStore(path)
    final.set_note("q:crash0", "after the crashes")
    final.compact()
    assert AnnotationStore(path).all() == final.all() == apply_save(state, ("set_note", "q:crash0",
                                                                            ("after the crashes",)))


# --------------------------------------------------------------------------- concurrent savers
SAVER = textwrap.dedent("""
    import os, sys, time
    from tui.data.annotations import AnnotationStore
    path, name, n, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = AnnotationStore(path, session=name, compact_bytes=int(sys.argv[5]))
    while not os.path.exists(go):
        time.sleep(0.002)
    for j in range(n):
        kind = j % 4
        if kind == 0:
            saved = store.add_tag("q:shared", "%s-%d" % (name, j))
        elif kind == 1:
            saved = store.set_note("q:%s-%d" % (name, j), "%s note %d" % (name, j))
        elif kind == 2:
            saved = store.add_tag("q:" + name, "t%d" % j)
        else:
            saved = store.set_assessment("q:%s-%d" % (name, j), risk="high", likelihood="low")
        assert saved, j
        if j % 25 == 0:
            store.set_note("q:last-word", "%s at %d" % (name, j))
    store.set_note("q:last-word", "%s done" % name)
""")


def expected_saves(name: str, n: int) -> dict[str, Annotation]:
    """The annotations ``name``'s ``n`` saves leave behind (q:last-word aside)."""
    out: dict[str, Annotation] = {"q:shared": Annotation(tags=frozenset(f"{name}-{j}" for j in range(0, n, 4))),
                                  f"q:{name}": Annotation(tags=frozenset(f"t{j}" for j in range(2, n, 4)))}
    out.update({f"q:{name}-{j}": Annotation(note=f"{name} note {j}") for j in range(1, n, 4)})
    out.update({f"q:{name}-{j}": Annotation(risk="high", likelihood="low") for j in range(3, n, 4)})
    return out


def test_four_processes_1000_saves_lose_nothing(tmp_path: Path, isolated_env: dict[str, str]) -> None:
    path = journal_path(tmp_path)
    go = tmp_path / "go"
    names, n = ["w0", "w1", "w2", "w3"], 250
    observer = AnnotationStore(path)
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, str(path), name, str(n), str(go), str(COMPACT_BYTES)],
                              env=worker_env(isolated_env), stderr=subprocess.PIPE) for name in names]
    try:
        time.sleep(0.3)  # let them all start and open the store
        go.touch()
        seen: frozenset[str] = frozenset()
        reloads, rng, deadline = 0, random.Random(SEED), time.monotonic() + 120
        while any(p.poll() is None for p in procs):
            assert time.monotonic() < deadline, "workers did not finish in 120 s"
            observer.reload()
            reloads += 1
            now = observer.get("q:shared").tags
            # A reader following along never goes backwards, and never sees a save
            # of a process without all of that process's earlier saves.
            assert now >= seen, f"reader lost {sorted(seen - now)[:5]} after {reloads} reloads"
            for name in names:
                mine = sorted(int(t.split("-")[1]) for t in now if t.startswith(f"{name}-"))
                assert mine == list(range(0, 4 * len(mine), 4)), f"reader missed earlier saves of {name}: {mine}"
            seen = now
            time.sleep(rng.uniform(0, 0.03))  # sometimes several compactions between two reloads
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        errors = [p.communicate(timeout=60)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0] * len(procs), "\n".join(errors)

    want: dict[str, Annotation] = {}
    for name in names:
        for eid, a in expected_saves(name, n).items():
            want[eid] = replace(a, tags=a.tags | want.get(eid, EMPTY).tags)
    assert sum(len(a.tags) + bool(a.note) + bool(a.risk) for a in want.values()) == len(names) * n == 1000
    fresh = AnnotationStore(path)
    got = fresh.all()
    last_word = got.pop("q:last-word")
    missing = {eid: a for eid, a in want.items() if got.get(eid) != a}
    assert not missing, f"{len(missing)} entries differ, e.g. {list(missing.items())[:3]}"
    assert got == want
    assert last_word.note in {f"{name} done" for name in names}  # the last save anyone made wins
    assert fresh.warnings == [] and not fresh.read_only
    assert Path(f"{path}.snapshot.json").exists()  # compaction ran while others saved
    observer.reload()
    assert observer.all() == fresh.all(), "a reader that followed along disagrees with a fresh one"


def test_reader_is_not_fooled_by_a_recycled_journal_inode(tmp_path: Path) -> None:
    """Compaction replaces the journal; ext4 soon hands the old inode number to a new journal.

    A reader that last saw the old journal must not take the new one for it and
    read on from its old offset (which skipped the new journal's first changes).
    """
    path = journal_path(tmp_path)
    reader, writer = AnnotationStore(path, "R"), AnnotationStore(path, "W")
    for attempt in range(10):
        writer.set_note("q:1", f"seen by the reader ({attempt})")
        assert reader.reload() is True
        inode, size = path.stat().st_ino, path.stat().st_size
        for _ in range(10):
            writer.compact()
            if path.stat().st_ino == inode:
                break
        else:
            continue
        break
    else:
        pytest.skip("this filesystem did not recycle the journal's inode number")
    writer.set_note("q:2", "first change in the new journal, long enough to pass the old offset")
    writer.add_tag("q:3", "second")
    assert path.stat().st_ino == inode and path.stat().st_size > size
    assert reader.reload() is True
    assert reader.all() == AnnotationStore(path).all() == writer.all()
    assert reader.warnings == []
