"""End to end over a real SSH connection: sshd on 127.0.0.1, the ssh client in a tmux pane.

A throwaway sshd (Debian's openssh-server, installed by ``.ci/run``) listens on a
free port of 127.0.0.1 with a fresh host key and key-only login.  The real ssh
client runs in an 80x24 tmux pane (a real pty) and starts ``python -m tui`` on
the far side with ``TERM=xterm-256color`` and again with ``TERM=screen``.  The
test then filters, moves to an option, stars, tags and notes it with keys,
quits with ``q`` and reads the annotation journal back from disk.  No mocks.
"""

from __future__ import annotations

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.store import load_store

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_STORE = ROOT / "tests" / "fixtures" / "store.json"

FILTER = "Russian"
TARGET = "Lift sanctions on the Russian farm bank"  # the second option row under the filter
TAG = "follow-up"
NOTE = "Check with Ankara first"
TIMEOUT = 20.0


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin"):  # sbin is often off a user's PATH
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def _binaries() -> dict[str, str]:
    found = {name: _binary(name) for name in ("sshd", "ssh", "ssh-keygen", "tmux")}
    missing = [name for name, path in found.items() if path is None]
    if missing:
        pytest.skip(f"SSH end-to-end test needs {', '.join(missing)} (Debian: openssh-server, openssh-client, tmux)")
    return found  # type: ignore[return-value]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _child_env() -> dict[str, str]:
    """The test's (isolated) environment without anything that would leak into ssh or tmux."""
    env = dict(os.environ)
    for var in ("TMUX", "TMUX_PANE", "SSH_AUTH_SOCK", "SSH_AGENT_PID", "COLUMNS", "LINES"):
        env.pop(var, None)
    return env


def _wait_until(condition, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return bool(condition())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SSHServer:
    def __init__(self, bins: dict[str, str], base: Path) -> None:
        self.bins = bins
        self.base = base
        self.user = pwd.getpwuid(os.getuid()).pw_name
        self.host_key = base / "ssh_host_ed25519_key"
        self.client_key = base / "client_ed25519_key"
        self.log = base / "sshd.log"
        self.proc: subprocess.Popen | None = None
        self.port = 0

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def start(self) -> None:
        keygen = self.bins["ssh-keygen"]
        for key in (self.host_key, self.client_key):
            subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-C", "briefing-tui-e2e", "-f", str(key)],
                           check=True, stdin=subprocess.DEVNULL, capture_output=True, timeout=30)
        authorized = self.base / "authorized_keys"
        authorized.write_bytes(Path(f"{self.client_key}.pub").read_bytes())
        authorized.chmod(0o600)
        if os.geteuid() == 0:  # root sshd insists on its privilege separation directory
            os.makedirs("/run/sshd", mode=0o755, exist_ok=True)
        problems = []
        for _attempt in range(3):  # the free port may be taken between choosing and binding it
            self.port = _free_port()
            config = self.base / "sshd_config"
            config.write_text("\n".join([
                f"Port {self.port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {self.host_key}",
                f"PidFile {self.base / 'sshd.pid'}",
                f"AuthorizedKeysFile {authorized}",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "StrictModes no",
                "PrintMotd no",
                "PrintLastLog no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                "",
            ]))
            with open(self.log, "ab") as log:
                self.proc = subprocess.Popen([self.bins["sshd"], "-D", "-e", "-f", str(config)],
                                             stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                             env=_child_env(), start_new_session=True)
            if _wait_until(lambda: self.proc.poll() is not None or self._accepts(), TIMEOUT) and self.proc.poll() is None:
                return
            problems.append(self.log_text())
            self.stop()
        pytest.fail("sshd did not start listening:\n" + "\n".join(problems))

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.settimeout(2)
                return sock.recv(4).startswith(b"SSH-")  # the server banner: really sshd, really up
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.proc = None

    def ssh_command(self, remote: str) -> list[str]:
        return [self.bins["ssh"], "-F", "/dev/null", "-i", str(self.client_key), "-p", str(self.port),
                "-l", self.user, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=10", "-tt", "127.0.0.1", remote]


class Tmux:
    """A private tmux server (its own socket) with one 80x24 session."""

    def __init__(self, tmux: str, base: Path) -> None:
        self.tmux = tmux
        self.socket = f"briefing-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.conf = base / "tmux.conf"
        # no status line (the pane gets all 24 rows); keep the pane after exit to read its status
        self.conf.write_text("set -g status off\nset -g remain-on-exit on\nset -g history-limit 2000\n")
        self.started = False
        self.socket_path = ""

    def run(self, *args: str, check: bool = True) -> str:
        result = subprocess.run([self.tmux, "-L", self.socket, "-f", str(self.conf), *args], env=_child_env(),
                                stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=15)
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout

    def start(self, command: list[str]) -> None:
        self.started = True
        self.run("new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", shlex.join(command))
        self.socket_path = self.pane("#{socket_path}")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "e2e", check=False)

    def history(self) -> str:
        return self.run("capture-pane", "-p", "-S", "-2000", "-t", "e2e", check=False)

    def pane(self, fmt: str) -> str:
        return self.run("display-message", "-p", "-t", "e2e", fmt, check=False).strip()

    def dead(self) -> bool:
        return self.pane("#{pane_dead}") == "1"

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "e2e", *keys)

    def text(self, text: str) -> None:
        self.run("send-keys", "-t", "e2e", "-l", text)

    def stop(self) -> None:
        if self.started:
            self.run("kill-server", check=False)
            self.started = False
            if self.socket_path.endswith(self.socket):  # tmux leaves its socket file behind
                Path(self.socket_path).unlink(missing_ok=True)


@pytest.fixture
def sshd(tmp_path: Path):
    bins = _binaries()
    base = tmp_path / "sshd"
    base.mkdir()
    server = SSHServer(bins, base)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("term", ["xterm-256color", "screen"])
def test_filter_and_annotate_over_ssh(sshd: SSHServer, tmp_path: Path, term: str) -> None:
    store = tmp_path / "store.json"
    shutil.copy(FIXTURE_STORE, store)
    journal = tmp_path / "annotations" / "notes.jsonl"
    app_pid_file = tmp_path / "app.pid"
    index = Index(load_store(store))
    (target,) = [o for o in index.options if o.text == TARGET]

    # sshd starts the login shell with a clean environment: pass everything on the command line.
    remote_env = {
        "TERM": term,
        "HOME": os.environ["HOME"],  # the isolated home of tests/conftest.py
        **{var: os.environ[var] for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")},
        "PYTHONPATH": str(ROOT),
        "BRIEFING_TUI_ANNOTATIONS": str(journal),
    }
    python = os.path.abspath(sys.executable)  # not resolved: a venv's python is a symlink into the base install
    remote = (f"cd {shlex.quote(str(tmp_path))} && echo $$ > {shlex.quote(str(app_pid_file))} && exec "
              + shlex.join(["env", *(f"{k}={v}" for k, v in remote_env.items()), python, "-m", "tui", str(store)]))

    tmux = Tmux(sshd.bins["tmux"], tmp_path)
    screen = ""
    # ssh's exit status is written by a shell around it: tmux's own #{pane_dead_status} is not reliable
    # (Debian's tmux 3.3a now and then never reaps the pane's process: pane dead, status empty, a zombie)
    status_file = tmp_path / "ssh.status"

    def exit_status() -> str | None:
        try:
            return status_file.read_text().strip()
        except OSError:
            return None

    def diagnose(what: str) -> str:
        return (f"{what} (TERM={term})\n--- pane ---\n{screen}\n--- pane history ---\n{tmux.history()}"
                f"\n--- pane dead: {tmux.pane('#{pane_dead}')}, ssh exit status: {exit_status()!r}"
                f"\n--- sshd log ---\n{sshd.log_text()}")

    def wait_screen(condition, what: str, timeout: float = TIMEOUT) -> str:
        nonlocal screen
        deadline = time.monotonic() + timeout
        while True:
            screen = tmux.screen()
            if condition(screen):
                return screen
            if time.monotonic() > deadline or tmux.dead():
                screen = tmux.screen()
                if condition(screen):
                    return screen
                raise AssertionError(diagnose(f"timed out waiting for {what}"))
            time.sleep(0.05)

    try:
        tmux.start(["sh", "-c", f'{shlex.join(sshd.ssh_command(remote))}; echo $? > "$0.tmp" && mv "$0.tmp" "$0"',
                    str(status_file)])
        assert tmux.pane("#{pane_width}x#{pane_height}") == "80x24"

        # first frame: the four panes and the footer
        wait_screen(lambda s: "Actors 9" in s and "Options 7" in s and "Detail" in s and "Filter" in s,
                    "the first frame")

        # filter: "/" opens the bar, the word, enter returns to the panes
        tmux.keys("/")
        tmux.text(FILTER)
        tmux.keys("Enter")
        filtered = wait_screen(lambda s: f"filter: {FILTER} → 3 actors · 0 quotes · …" in s and "Options 3/7" in s,
                               "the filtered panes")
        assert "Actors 3/9" in filtered and "Quotes 0/6" in filtered
        assert "Close Estonian a" in filtered and "Lift sanctions o" in filtered and "Expel Russian di" in filtered
        assert "Double the number" not in filtered and "Extend the grain" not in filtered  # filtered out
        assert "Elena Va" not in filtered  # an actor without a matching entry

        # move to the Options pane with tab: the empty Quotes pane first, then Options
        tmux.keys("Tab")
        wait_screen(lambda s: "Nothing selected" in s, "the (empty) Quotes pane to take the focus")
        tmux.keys("Tab")
        wait_screen(lambda s: "OPTION  (under discussion)" in s and "Close Estonian airspace" in s,
                    "the Options pane to take the focus")
        # one row down with j
        tmux.keys("j")
        wait_screen(lambda s: "OPTION  (rejected)" in s and "Lift sanctions on the Russian farm" in s,
                    f"the cursor on {TARGET!r}")

        # star
        tmux.keys("s")
        wait_screen(lambda s: "★  Lift sanctions o" in s and "✓ saved" in s, "the star")

        # tags dialog: type, enter saves
        tmux.keys("t")
        wait_screen(lambda s: "comma-separated" in s and f"Option: {TARGET}" in s, "the tags dialog")
        tmux.text(TAG)
        tmux.keys("Enter")
        wait_screen(lambda s: "comma-separated" not in s and "/ Filter" in s, "the tags dialog to close")

        # note dialog: type, see the text (as a person would), ctrl+s saves.  Not ctrl+s right after
        # the text: ctrl+s is a priority binding and can overtake keys still queued for the text area.
        tmux.keys("n")
        wait_screen(lambda s: "ctrl+s save" in s, "the note dialog")
        tmux.text(NOTE)
        wait_screen(lambda s: NOTE in s, "the typed note")
        tmux.keys("C-s")
        wait_screen(lambda s: "ctrl+s save" not in s and "/ Filter" in s, "the note dialog to close")
        final_frame = screen

        # quit
        tmux.keys("q")
        if not _wait_until(lambda: exit_status() is not None and tmux.dead(), TIMEOUT):  # dead: all output read
            screen = tmux.screen()
            raise AssertionError(diagnose("the app (and ssh) did not exit after q"))
        history = tmux.history()
        assert exit_status() == "0", diagnose("ssh (so the app) did not exit with 0")
        assert "Traceback" not in history, diagnose("a traceback was printed")
    finally:
        tmux.stop()
        try:  # never leave the far side's app running if the test failed half way
            pid = int(app_pid_file.read_text().strip())
            if not _wait_until(lambda: not _alive(pid), 5):
                os.kill(pid, 9)
        except (OSError, ValueError):
            pass

    assert "★  Lift sanctions o" in final_frame and f"filter: {FILTER}" in final_frame

    # what is on disk, read by a fresh store: exactly the one option, starred, tagged and noted
    assert journal.is_file(), f"no annotation journal at {journal}"
    notes = AnnotationStore(journal)
    assert not notes.warnings, notes.warnings
    saved = notes.get(target.id)
    assert saved.star is True
    assert saved.tags == frozenset({TAG})
    assert saved.note == NOTE
    assert set(notes.all()) == {target.id}
    assert not journal.with_name(journal.name + ".rejected").exists()
