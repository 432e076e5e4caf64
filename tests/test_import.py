"""`briefing-tui import`: files into a store, extracted, deduplicated, idempotent."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tui.data.annotations import AnnotationStore
from tui.data.importer import import_paths
from tui.data.index import Index
from tui.data.store import load_store

STORY = """Envoys meet in Geneva on grain corridor

GENEVA — Turkish Foreign Minister Selin Aydin said on Monday that Ankara was ready to host new talks.

“We are ready to host both sides as soon as next week,” Aydin told reporters.

The European Union is considering extending its sanctions on Russia, according to two diplomats.
"""

OTHER = """Japan raises defence budget

Japanese Defence Minister Kenji Sato said the budget would rise again next year.
"""


def _write(tmp_path: Path) -> Path:
    src = tmp_path / "incoming"
    src.mkdir()
    (src / "geneva.txt").write_text(STORY, encoding="utf-8")
    (src / "japan.txt").write_text(OTHER, encoding="utf-8")
    (src / "prepared.json").write_text(json.dumps({
        "id": "prep-1", "title": "Prepared", "text": "NATO met.", "url": "https://example.com/prep",
        "actors": [{"name": "NATO", "kind": "organization"}], "quotes": [], "options": []}), encoding="utf-8")
    (src / "notes.bin").write_bytes(b"\x00\x01")  # not an article file: ignored
    return src


def test_import_into_directory_store_is_idempotent(tmp_path):
    src = _write(tmp_path)
    store = tmp_path / "store"
    first = import_paths([src], store)
    assert (first.added, first.duplicates, first.failed) == (3, 0, [])
    files = sorted(p.name for p in store.iterdir())
    assert len(files) == 1 and files[0].startswith("imported-") and files[0].endswith(".jsonl")
    loaded = load_store(store)
    assert sorted(a.id for a in loaded.articles) == ["geneva", "japan", "prep-1"]
    geneva = next(a for a in loaded.articles if a.id == "geneva")
    assert geneva.title == "Envoys meet in Geneva on grain corridor"
    assert geneva.extracted and geneva.actors  # extraction ran
    before = {p.name: p.read_bytes() for p in store.iterdir()}

    second = import_paths([src], store)
    assert (second.added, second.duplicates) == (0, 3)
    assert {p.name: p.read_bytes() for p in store.iterdir()} == before  # nothing rewritten


def test_import_dedupes_by_url_and_by_text(tmp_path):
    store = tmp_path / "store.jsonl"
    src = _write(tmp_path)
    import_paths([src], store)
    again = tmp_path / "again"
    again.mkdir()
    (again / "same-text.txt").write_text(OTHER.replace("Japan raises", "Tokyo lifts"), encoding="utf-8")
    (again / "same-url.json").write_text(json.dumps({
        "id": "other-id", "title": "Changed", "text": "Different words.", "url": "https://example.com/prep"}))
    (again / "new.txt").write_text("Fresh story\n\nSomething else happened in Oslo.", encoding="utf-8")
    report = import_paths([again], store)
    assert report.duplicates == 2  # same body under a new headline; same URL under a new id
    assert report.added == 1
    assert len(load_store(store).articles) == 4


def test_import_into_json_file_keeps_existing_articles_and_annotations(tmp_path):
    store = tmp_path / "store.json"
    store.write_text(json.dumps({"articles": [{
        "id": "old", "title": "Old", "text": "“Hold the line,” said NATO spokeswoman Ana Varga.",
        "actors": [{"name": "Ana Varga", "kind": "person"}],
        "quotes": [{"text": "Hold the line,", "speaker": "Ana Varga"}], "options": []}]}))
    notes = AnnotationStore(tmp_path / "notes.jsonl")
    quote_id = Index(load_store(store)).quotes[0].id
    notes.set_star(quote_id, True)
    report = import_paths([_write(tmp_path)], store)
    assert report.added == 3
    index = Index(load_store(store))
    assert [a.id for a in index.articles][0] == "old"
    assert index.quotes[0].id == quote_id
    assert AnnotationStore(tmp_path / "notes.jsonl").get(quote_id).star


def test_bad_file_is_reported_and_others_imported(tmp_path):
    src = _write(tmp_path)
    (src / "broken.json").write_text("{nope", encoding="utf-8")
    report = import_paths([src], tmp_path / "store")
    assert report.added == 3
    assert len(report.failed) == 1 and report.failed[0][0].endswith("broken.json")
    assert "invalid JSON" in report.failed[0][1]


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "tui", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env=env)


def test_cli_import_and_extract_json_contract(tmp_path, isolated_env):
    src = _write(tmp_path)
    done = _cli("import", src, "--store", tmp_path / "store", env=isolated_env)
    assert done.returncode == 0, done.stderr
    assert "imported 3 articles" in done.stderr and "0 duplicates" in done.stderr

    out = _cli("extract", "--json", src / "geneva.txt", src / "japan.txt", env=isolated_env)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert [a["id"] for a in doc["articles"]] == ["geneva", "japan"]
    for article in doc["articles"]:
        assert set(article) == {"id", "title", "actors", "quotes", "options"}
        for actor in article["actors"]:
            assert set(actor) == {"name", "kind", "role", "aliases"}
            assert actor["kind"] in {"person", "organization", "state", "group"}
        for quote in article["quotes"]:
            assert set(quote) == {"text", "speaker", "direct", "cue", "paragraph"}
        for option in article["options"]:
            assert set(option) == {"text", "holder", "status", "evidence"}
    names = {a["name"] for a in doc["articles"][0]["actors"]}
    assert "Selin Aydin" in names and "Turkey" in names
    quote = next(q for q in doc["articles"][0]["quotes"] if q["direct"])
    assert quote["text"].startswith("We are ready to host") and quote["speaker"] == "Selin Aydin"


def test_cli_extract_missing_file_is_one_line_error(tmp_path, isolated_env):
    out = _cli("extract", tmp_path / "nope.txt", env=isolated_env)
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "nope.txt" in out.stderr and "Traceback" not in out.stderr


async def test_dashboard_extracts_raw_store_on_load(tmp_path):
    """A store of raw articles (no actors/quotes/options) fills the panes."""
    from tui.extract_cli import fill_extraction
    from tui.ui.app import BriefingApp

    store_file = tmp_path / "raw.jsonl"
    text = STORY.split("\n", 2)[2]
    store_file.write_text(json.dumps({"id": "raw-1", "title": "Geneva", "text": text}) + "\n", encoding="utf-8")
    store = load_store(store_file)
    assert not store.articles[0].extracted
    fill_extraction(store)
    app = BriefingApp(Index(store), AnnotationStore(tmp_path / "n.jsonl"), poll=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.query_one("#quotes").row_count >= 1
        assert any(a.name == "Selin Aydin" for a in app.index.actors)
    assert store_file.read_text(encoding="utf-8").count("\n") == 1  # the store file is not rewritten
