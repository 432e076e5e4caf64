"""Measures on the real ``python -m tui`` process in an 80x24 pseudo-terminal.

Every function returns plain numbers (None for a timeout) and kills every
process it started before returning, whatever happens.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pty_driver import PtyProcess, fresh_home, isolated_env

BENCH = Path(__file__).resolve().parent
APP = [sys.executable, "-m", "tui"]
BARE = [sys.executable, str(BENCH / "bare_app.py")]
FIRST_FRAME = b"Actors"  # the first pane's border title
BARE_READY = b"bare app ready"
TIMEOUT = 300.0


def sec(x: float | None) -> str:
    return "timeout" if x is None else f"{x:.3f} s"


def log(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def ready_marker(n: int) -> bytes:
    """What the status line says once the store is loaded: "<store name> · N articles"."""
    return f"{n} articles".encode()


class Home:
    """A throw-away HOME with XDG_* dirs inside, removed on exit."""

    def __enter__(self) -> "Home":
        self.path = fresh_home()
        self.env = isolated_env(self.path)
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def time_to(argv: list[str], marker: bytes, home: Home, timeout: float = TIMEOUT) -> float | None:
    """Seconds from spawn until ``marker`` is written; the process is killed afterwards."""
    proc = PtyProcess(argv, home.env, home.path)
    try:
        took = proc.wait_for(marker, timeout)
        if took is None:
            why = "exited with code %s" % proc.proc.returncode if not proc.alive() else f"no {marker!r} in {timeout:.0f} s"
            log(f"{' '.join(argv[1:])}: {why}; last output {bytes(proc.output[-200:])!r}")
        return took
    finally:
        proc.close()


def _pair(run: int, app, bare) -> tuple[float | None, float | None]:
    """One app and one bare-app timing, in alternating order: the second of two starts in a row
    tends to be the faster (a bare app after a bare app: 3 % here), so neither always comes second."""
    if run % 2:
        first = app()
        return first, bare()
    first = bare()
    return app(), first


def start_times(runs: int) -> tuple[list, list]:
    """(app, bare) seconds to first frame, sample store, interleaved; one untimed warm-up each."""
    app, bare = [], []
    with Home() as home:
        time_to(BARE, BARE_READY, home, 60)
        time_to(APP, FIRST_FRAME, home, 60)
        for run in range(runs):
            a, b = _pair(run, lambda: time_to(APP, FIRST_FRAME, home), lambda: time_to(BARE, BARE_READY, home))
            app.append(a)
            bare.append(b)
            log(f"start run {run + 1}: app {sec(a)}, bare {sec(b)}")
    return app, bare


def first_frame_times(store: Path, runs: int) -> tuple[list, list]:
    """(app, bare) seconds to the first frame on ``store``, each app run with a fresh HOME (no
    cache), each paired with a bare app's start so the baseline is measured alongside."""
    out, bare = [], []
    for run in range(runs):
        with Home() as home:
            a, b = _pair(run, lambda: time_to(APP + [str(store)], FIRST_FRAME, home),
                         lambda: time_to(BARE, BARE_READY, home))
        out.append(a)
        bare.append(b)
        log(f"first frame run {run + 1}: {sec(a)}, bare {sec(b)}")
        if out[-1] is None:
            break  # a timeout will not get better
    return out, bare


def ready_and_rss(store: Path, n: int, runs: int) -> tuple[list, list]:
    """Seconds to "N articles" on second opens of ``store`` and the peak RSS (bytes) of each."""
    ready, rss = [], []
    marker = ready_marker(n)
    with Home() as home:
        proc = PtyProcess(APP + [str(store)], home.env, home.path)
        try:  # the first open: lets the app write any cache it keeps
            warm = proc.wait_for(marker, TIMEOUT)
            log(f"ready warm-up (first open): {sec(warm)}")
            if warm is None:
                return [None], [None]
            proc.wait_quiet(1.0, 30)
        finally:
            proc.close(quit_wait=30)  # q, and time to finish writing before SIGTERM
        for run in range(runs):
            proc = PtyProcess(APP + [str(store)], home.env, home.path)
            try:
                ready.append(proc.wait_for(marker, TIMEOUT))
                if ready[-1] is not None:
                    proc.wait_quiet(0.5, 10)
                rss.append(proc.peak_rss() if ready[-1] is not None else None)
            finally:
                proc.close()
            log(f"ready run {run + 1}: {sec(ready[-1])}, peak RSS {rss[-1]} B")
            if ready[-1] is None:
                break
    return ready, rss


def output_bytes(n_sample: int, runs: int) -> tuple[list, list]:
    """Bytes the app writes for one cursor move (j) and one filter keystroke (r), sample store."""
    cursor, filtering = [], []
    with Home() as home:
        for run in range(runs):
            proc = PtyProcess(APP, home.env, home.path)
            try:
                if proc.wait_for(ready_marker(n_sample), 60) is None:
                    cursor.append(None)
                    filtering.append(None)
                    continue
                proc.wait_quiet(0.5)
                before = len(proc.output)
                proc.send(b"j")
                proc.wait_quiet(0.3)
                cursor.append(len(proc.output) - before)
                proc.send(b"/")
                proc.wait_quiet(0.3)
                before = len(proc.output)
                proc.send(b"r")
                proc.wait_quiet(0.3)
                filtering.append(len(proc.output) - before)
            finally:
                proc.close()
            log(f"bytes run {run + 1}: cursor {cursor[-1]}, filter {filtering[-1]}")
    return cursor, filtering
