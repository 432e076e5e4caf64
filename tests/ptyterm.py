"""Drive the real ``briefing-tui`` in a pseudo-terminal and keep every byte it writes."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest


class PtyApp:
    """``python -m tui ARGS`` on a pty of ``cols`` x ``rows``; ``output`` holds what it wrote."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path, cols: int = 80, rows: int = 24,
                 term: str = "xterm-256color") -> None:
        try:
            import fcntl
            import struct
            import termios
        except ImportError:
            pytest.skip("no termios/fcntl on this platform: cannot drive a pseudo-terminal")
        try:
            self.master, slave = os.openpty()
        except (AttributeError, OSError) as exc:
            pytest.skip(f"cannot open a pseudo-terminal: {exc}")
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**env, "TERM": term, "COLUMNS": str(cols), "LINES": str(rows)}
        self.proc = subprocess.Popen([sys.executable, "-m", "tui", *args], stdin=slave, stdout=slave, stderr=slave,
                                     env=env, cwd=cwd, start_new_session=True, close_fds=True)
        os.close(slave)
        self.output = bytearray()
        self._done = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:  # keep reading so the child never blocks on a full pty buffer
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.output.extend(chunk)
        self._done.set()

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def wait_until(self, condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            if self.proc.poll() is not None:
                return condition()
            time.sleep(0.05)
        return condition()

    def tail(self, n: int = 2000) -> bytes:
        return bytes(self.output[-n:])

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self._done.wait(timeout=5)
        os.close(self.master)
