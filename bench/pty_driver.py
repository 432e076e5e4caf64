"""Run a program in a pseudo-terminal, keep every byte it writes, time markers.

A reader thread drains the pty and records when each chunk arrived, so
:meth:`PtyProcess.wait_for` reports the time from spawn until the chunk that
completed a marker arrived (not when the waiter happened to wake up).
"""

from __future__ import annotations

import bisect
import fcntl
import os
import signal
import struct
import subprocess
import tempfile
import termios
import threading
import time
from pathlib import Path


def isolated_env(home: Path, cols: int = 80, rows: int = 24, term: str = "xterm-256color") -> dict[str, str]:
    """The current environment with HOME and XDG_* under ``home`` (user data untouched)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_TUI_", "XDG_", "TEXTUAL"))}
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    env.update(HOME=str(home), TERM=term, COLUMNS=str(cols), LINES=str(rows))
    return env


def fresh_home() -> Path:
    """A new temporary directory to use as HOME (the caller removes it)."""
    return Path(tempfile.mkdtemp(prefix="briefing-bench-home-"))


class PtyProcess:
    """``argv`` on a ``cols`` x ``rows`` pty; ``output`` holds what it wrote."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, cols: int = 80, rows: int = 24) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.output = bytearray()
        self._ends: list[int] = []  # output length after each chunk ...
        self._times: list[float] = []  # ... and when that chunk arrived
        self._cond = threading.Condition()
        self._eof = False
        self.started = time.perf_counter()
        try:
            self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
                                         start_new_session=True, close_fds=True)
        except BaseException:
            os.close(slave)
            os.close(self.master)
            raise
        os.close(slave)
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                chunk = b""
            now = time.perf_counter()
            with self._cond:
                if chunk:
                    self.output.extend(chunk)
                    self._ends.append(len(self.output))
                    self._times.append(now)
                else:
                    self._eof = True
                self._cond.notify_all()
            if not chunk:
                return

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_for(self, marker: bytes, timeout: float, start: int = 0) -> float | None:
        """Seconds from spawn until ``marker`` appeared at or after offset ``start``; None on timeout or exit."""
        deadline = time.monotonic() + timeout
        searched = start
        with self._cond:
            while True:
                at = self.output.find(marker, searched)
                if at >= 0:
                    chunk = bisect.bisect_left(self._ends, at + len(marker))
                    return self._times[chunk] - self.started
                searched = max(start, len(self.output) - len(marker) + 1)
                left = deadline - time.monotonic()
                if left <= 0 or self._eof:
                    return None
                self._cond.wait(min(left, 0.5))

    def wait_quiet(self, quiet: float, timeout: float = 30.0) -> bool:
        """Wait until nothing has been written for ``quiet`` seconds (counted from now at the
        earliest, so output a key is about to cause is not missed); False on timeout."""
        deadline = time.monotonic() + timeout
        called = time.perf_counter()
        with self._cond:
            while time.monotonic() < deadline:
                last = max(self._times[-1] if self._times else self.started, called)
                idle = time.perf_counter() - last
                if idle >= quiet or self._eof:
                    return True
                self._cond.wait(min(quiet - idle, max(deadline - time.monotonic(), 0.001)))
            return False

    def peak_rss(self) -> int | None:
        """VmHWM of the process in bytes (Linux), None if unknown."""
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return None

    def close(self, quit_key: bytes | None = b"q", quit_wait: float = 2.0) -> None:
        """Ask politely (``quit_key``, up to ``quit_wait`` s), then SIGTERM, then SIGKILL the
        process group; always reap the process and close the pty."""
        try:
            if self.alive() and quit_key:
                try:
                    self.send(quit_key)
                    self.proc.wait(timeout=quit_wait)
                except (OSError, subprocess.TimeoutExpired):
                    pass
            for sig, wait in ((signal.SIGTERM, 3), (signal.SIGKILL, 10)):
                if not self.alive():
                    break
                try:
                    os.killpg(self.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.proc.wait(timeout=wait)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            self._reader.join(timeout=5)
            try:
                os.close(self.master)
            except OSError:
                pass

    def __enter__(self) -> "PtyProcess":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
