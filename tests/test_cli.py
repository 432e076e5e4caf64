"""The command line, run as real subprocesses (``python -m tui``) in an isolated environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.store import load_store

from ptyterm import PtyApp


ROOT = Path(__file__).resolve().parents[1]
FIXTURE_STORE = ROOT / "tests" / "fixtures" / "store.json"
STARRED = "We will not be intimidated by these incursions."


@pytest.fixture
def env(isolated_env: dict[str, str]) -> dict[str, str]:
    env = dict(isolated_env)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


def run(env: dict[str, str], *args: str | Path, cwd: Path, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *map(str, args)], env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """An annotation journal with one starred, noted quote and one assessed option."""
    index = Index(load_store(FIXTURE_STORE))
    path = tmp_path / "shared" / "notes.jsonl"
    notes = AnnotationStore(path, session="analyst")
    (quote,) = [q for q in index.quotes if q.text == STARRED]
    (option,) = [o for o in index.options if o.text == "Expel Russian diplomats"]
    notes.set_star(quote.id, True)
    notes.set_note(quote.id, "Lead with this")
    notes.set_assessment(option.id, "high", "low")
    return path


# ----------------------------------------------------------------- help
def test_help_mentions_export_annotations_and_store_docs(env, tmp_path) -> None:
    result = run(env, "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("usage: briefing-tui")
    assert "briefing-tui export" in out
    assert "--annotations" in out and "annotations are kept" in out
    assert "docs/store.md" in out
    assert (ROOT / "docs" / "store.md").is_file()
    assert result.stderr == ""


def test_export_help(env, tmp_path) -> None:
    result = run(env, "export", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--output" in result.stdout and "--annotations" in result.stdout and "--skip-bad" in result.stdout


# ----------------------------------------------------------------- export
def test_export_prints_memo_with_starred_quote(env, tmp_path, journal) -> None:
    result = run(env, "export", FIXTURE_STORE, "--annotations", journal, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    memo = result.stdout
    assert memo.startswith("# Briefing memo: store.json\n")
    assert "from 4 articles: 1 options, 1 quotes and 0 actors starred or annotated" in memo
    options_part, actors_part = memo.split("## By actor")
    assert "## Options" in options_part
    assert "### Expel Russian diplomats — held by Norway (under discussion)" in options_part
    assert "escalation risk: **high** · likelihood: **low**" in options_part
    assert "### Elena Varga (person, Estonian Foreign Minister)" in actors_part
    assert f"- Elena Varga: “{STARRED}”" in actors_part
    assert "  - ★ starred" in actors_part
    assert "  - Note: Lead with this" in actors_part
    assert "This was no accident" not in memo  # not annotated
    assert result.stderr == ""
    assert not list(tmp_path.glob("*.md"))  # printed, not written


def test_export_uses_annotations_env_var(env, tmp_path, journal) -> None:
    env["BRIEFING_TUI_ANNOTATIONS"] = str(journal)
    result = run(env, "export", FIXTURE_STORE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"- Elena Varga: “{STARRED}”" in result.stdout


def test_export_default_journal_lives_in_xdg_data_home(env, tmp_path, journal) -> None:
    from tui.config import annotations_path_for

    default = annotations_path_for(FIXTURE_STORE)  # computed with the isolated XDG_DATA_HOME
    assert default.is_relative_to(env["XDG_DATA_HOME"])
    default.parent.mkdir(parents=True)
    shutil.copy(journal, default)
    result = run(env, "export", FIXTURE_STORE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"- Elena Varga: “{STARRED}”" in result.stdout


def test_export_to_file_never_overwrites(env, tmp_path, journal) -> None:
    out = tmp_path / "memos" / "brief.md"
    out.parent.mkdir()
    first = run(env, "export", FIXTURE_STORE, "--annotations", journal, "-o", out, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == ""
    assert first.stderr.strip() == f"memo written to {out}"
    text = out.read_text(encoding="utf-8")
    assert f"- Elena Varga: “{STARRED}”" in text and "## Options" in text
    before = out.read_bytes()
    second = run(env, "export", FIXTURE_STORE, "--annotations", journal, "--output", out, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    again = out.with_name("brief-2.md")
    assert second.stderr.strip() == f"memo written to {again}"
    assert out.read_bytes() == before
    assert f"- Elena Varga: “{STARRED}”" in again.read_text(encoding="utf-8")
    assert sorted(p.name for p in out.parent.iterdir()) == ["brief-2.md", "brief.md"]


# ----------------------------------------------------------------- bad stores
def _article(**fields) -> dict:
    base = {"id": "a1", "title": "A title", "text": "Some text."}
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def _bad_store(kind: str, tmp_path: Path) -> tuple[Path, list[str]]:
    """Make a broken store; return its path and what the one-line message must name."""
    path = tmp_path / "bad.json"
    if kind == "invalid-json":
        path.write_text('{"articles": [{"id": "a1", "title": "x",\n', encoding="utf-8")
        return path, ["invalid JSON at line"]
    if kind == "missing-title":
        path.write_bytes(orjson.dumps({"articles": [_article(title=None)]}))
        return path, ["article 1", "'a1'", "field 'title'", "missing"]
    if kind == "quotes-wrong-type":
        path.write_bytes(orjson.dumps({"articles": [_article(quotes="Rutte said so")]}))
        return path, ["article 1", "'a1'", "field 'quotes'", "expected a list, got string"]
    if kind == "duplicate-id":
        path.write_bytes(orjson.dumps({"articles": [_article(), _article(title="Another")]}))
        return path, ["article 2", "'a1'", "field 'id'", "duplicate id"]
    if kind == "nonexistent":
        return tmp_path / "no-such-store.json", ["no such file or directory"]
    if kind == "empty-directory":
        folder = tmp_path / "store-dir"
        folder.mkdir()
        (folder / "README.txt").write_text("not a store\n", encoding="utf-8")
        return folder, ["no .json or .jsonl files"]
    if kind == "truncated":
        path.write_bytes(orjson.dumps({"articles": [_article(), _article(id="a2")]})[:-7])
        return path, ["invalid JSON at line 1"]
    if kind == "non-utf8":
        path.write_bytes(orjson.dumps([_article()]).replace(b"Some text.", b"Some \xff\xfe text."))
        return path, ["invalid JSON", "str is not valid UTF-8"]
    if kind == "deeply-nested":
        path.write_bytes(b'[{"id": "a1", "title": "t", "text": ' + b"[" * 200_000 + b"]" * 200_000 + b"}]")
        return path, ["invalid JSON", "depth limit exceeded"]
    if kind == "huge-string":  # a 1 GiB string, written in chunks
        with open(path, "wb") as fh:
            fh.write(b'[{"id": "a1", "title": "t", "text": "')
            chunk = b"A" * (1 << 24)
            for _ in range(64):
                fh.write(chunk)
            fh.write(b'"}]')
        return path, ["article 1", "'a1'", "field 'text'", "1,073,741,824 characters, over the limit"]
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs on this platform")
        os.mkfifo(path)
        return path, ["not a regular file"]
    if kind == "symlink-loop":
        (tmp_path / "loop-a.json").symlink_to(tmp_path / "loop-b.json")
        (tmp_path / "loop-b.json").symlink_to(tmp_path / "loop-a.json")
        return tmp_path / "loop-a.json", ["symbolic links"]
    if kind == "bad-file-in-directory":
        folder = _mixed_dir(tmp_path)
        return folder, [f"{folder / 'bad.json'}: invalid JSON"]
    raise AssertionError(kind)


BAD_KINDS = ["invalid-json", "missing-title", "quotes-wrong-type", "duplicate-id", "nonexistent", "empty-directory",
             "truncated", "non-utf8", "deeply-nested", "huge-string", "fifo", "symlink-loop", "bad-file-in-directory"]


@pytest.mark.parametrize("command", [pytest.param(["export"], id="export"), pytest.param([], id="launch")])
@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_store_exits_2_with_one_line(env, tmp_path, kind, command) -> None:
    path, words = _bad_store(kind, tmp_path)
    result = run(env, *command, path, "--annotations", tmp_path / "notes.jsonl", cwd=tmp_path, timeout=60)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    (line,) = lines
    assert line.startswith(f"briefing-tui: {path}"), line
    for word in words:
        assert word in line, (word, line)
    assert result.stdout == ""
    assert not (tmp_path / "notes.jsonl").exists()


def _mixed_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(FIXTURE_STORE, folder / "good.json")
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    return folder


def test_skip_bad_skips_the_broken_file(env, tmp_path, journal) -> None:
    folder = _mixed_dir(tmp_path)
    result = run(env, "export", folder, "--skip-bad", "--annotations", journal, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "skipped 1 bad entries, loaded 4 articles" in result.stderr
    assert f"skipped: {folder / 'bad.json'}: invalid JSON" in result.stderr
    assert f"- Elena Varga: “{STARRED}”" in result.stdout  # same ids: the good file's annotations apply


def test_without_skip_bad_the_broken_file_fails(env, tmp_path) -> None:
    folder = _mixed_dir(tmp_path)
    result = run(env, "export", folder, "--annotations", tmp_path / "n.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"briefing-tui: {folder / 'bad.json'}: invalid JSON")


# ----------------------------------------------------------------- a real terminal
def test_launch_in_pty(env, tmp_path) -> None:
    """Start the dashboard in a pseudo-terminal, star with "s", quit with "q"."""
    notes = tmp_path / "notes.jsonl"
    first_actor = Index(load_store(FIXTURE_STORE)).actors[0]
    app = PtyApp([str(FIXTURE_STORE), "--annotations", str(notes)], env, tmp_path)
    try:
        assert app.wait_until(lambda: b"Actors" in app.output and b"Options" in app.output, 30), app.tail()
        # the store loads behind the first frame: "s" stars the selected actor once there is one
        assert app.wait_until(lambda: b"4 articles" in app.output, 30), app.tail()
        time.sleep(0.2)
        app.send(b"s")
        assert app.wait_until(lambda: notes.exists() and b'"star"' in notes.read_bytes(), 15), app.tail()
        app.send(b"q")
        assert app.proc.wait(timeout=20) == 0, app.tail()
    finally:
        app.close()
    output = app.output
    assert b"Traceback" not in output
    records = [orjson.loads(line) for line in notes.read_bytes().splitlines()[1:]]
    assert [(r["id"], r["field"], r["value"]) for r in records] == [(first_actor.id, "star", True)]
    assert AnnotationStore(notes).get(first_actor.id).star is True
