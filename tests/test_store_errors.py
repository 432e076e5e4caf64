"""Broken stores: one-line StoreErrors naming file, article and field; --skip-bad loads the rest."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import orjson
import pytest

from tui.data.store import StoreError, load_store

from store_helpers import ESC, art, error, jsonl, write


# --------------------------------------------------------------------------- errors
def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    p = write(tmp_path / "bad.json", b'[{"id": "a",\n  "title": }]')
    msg = error(p)
    assert msg.startswith(str(p) + ": invalid JSON at line 2, column ")
    assert "column 12" in msg


def test_invalid_json_lines_names_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl"
    p.write_bytes(orjson.dumps(art("ok")) + b"\n\n" + b'{"id": "b", "title":\n')
    msg = error(p)
    assert msg.startswith(str(p) + ": invalid JSON at line 3, column ")


def test_empty_file(tmp_path: Path) -> None:
    p = write(tmp_path / "empty.json", b"  \n")
    assert error(p) == f"{p}: file is empty"


def test_truncated_file(tmp_path: Path) -> None:
    full = orjson.dumps([art("a1"), art("a2")])
    p = write(tmp_path / "cut.json", full[: len(full) // 2])
    msg = error(p)
    assert msg.startswith(f"{p}: invalid JSON at line 1, column ")
    assert "end of data" in msg or "EOF" in msg


@pytest.mark.parametrize("doc, got", [(42, "number"), ("text", "string"), (None, "null"), (True, "boolean")])
def test_wrong_top_level_type(tmp_path: Path, doc, got: str) -> None:
    p = write(tmp_path / "s.json", doc)
    msg = error(p)
    assert msg.startswith(f"{p}: expected an article object, a list of articles")
    assert msg.endswith(f"got {got}")


def test_articles_key_not_a_list(tmp_path: Path) -> None:
    p = write(tmp_path / "s.json", {"articles": {"id": "x"}})
    assert error(p) == f"{p}: field 'articles': expected a list, got object"


def test_list_item_not_an_object(tmp_path: Path) -> None:
    p = write(tmp_path / "s.json", [art("a1"), "oops"])
    assert error(p) == f"{p}: article 2: expected an article object, got string"


@pytest.mark.parametrize(
    "second, expected",
    [
        ({"title": "t", "text": "x"}, "article 2: field 'id': missing"),
        ({"id": "x", "text": "x"}, "article 2 (id 'x'): field 'title': missing"),
        ({"id": "x", "title": "t"}, "article 2 (id 'x'): field 'text': missing"),
        ({"id": ["x"], "title": "t", "text": "x"}, "article 2: field 'id': expected a string, got list"),
        ({"id": True, "title": "t", "text": "x"}, "article 2: field 'id': expected a string, got boolean"),
        ({"id": "  ", "title": "t", "text": "x"}, "article 2: field 'id': must not be empty"),
        ({"id": "x", "title": 5, "text": "x"}, "article 2 (id 'x'): field 'title': expected a string, got number"),
        ({"id": "x", "title": "t", "text": ["x"]}, "article 2 (id 'x'): field 'text': expected a string, got list"),
        ({"id": "x", "title": "t", "text": "b", "quotes": {"text": "q"}},
         "article 2 (id 'x'): field 'quotes': expected a list, got object"),
        ({"id": "x", "title": "t", "text": "b", "quotes": ["q"]},
         "article 2 (id 'x'): field 'quotes[0]': expected an object, got string"),
        ({"id": "x", "title": "t", "text": "b", "quotes": [{"text": "q", "direct": "yes"}]},
         "article 2 (id 'x'): field 'quotes[0].direct': expected true or false, got string"),
        ({"id": "x", "title": "t", "text": "b", "quotes": [{"text": "q"}, {"text": "r", "paragraph": -1}]},
         "article 2 (id 'x'): field 'quotes[1].paragraph': expected a paragraph number (0 or more), got number"),
        ({"id": "x", "title": "t", "text": "b", "quotes": [{"text": "q", "paragraph": 1.5}]},
         "article 2 (id 'x'): field 'quotes[0].paragraph': expected a paragraph number (0 or more), got number"),
        ({"id": "x", "title": "t", "text": "b", "quotes": [{"speaker": "s"}]},
         "article 2 (id 'x'): field 'quotes[0].text': missing"),
        ({"id": "x", "title": "t", "text": "b", "quotes": [{"text": "q", "speaker": 3}]},
         "article 2 (id 'x'): field 'quotes[0].speaker': expected a string, got number"),
        ({"id": "x", "title": "t", "text": "b", "options": [{"text": "o", "holder": ["A"]}]},
         "article 2 (id 'x'): field 'options[0].holder': expected a string, got list"),
        ({"id": "x", "title": "t", "text": "b", "actors": [{"name": "N", "aliases": "Rutte"}]},
         "article 2 (id 'x'): field 'actors[0].aliases': expected a list of strings"),
        ({"id": "x", "title": "t", "text": "b", "actors": [{"kind": "person"}]},
         "article 2 (id 'x'): field 'actors[0].name': missing"),
        ({"id": "x", "title": "t", "text": "b", "actors": [{"name": "A"}, {"name": "B", "kind": "alien"}]},
         "article 2 (id 'x'): field 'actors[1].kind': unknown kind 'alien' (expected person, organization, state or group)"),
    ],
)
def test_bad_article_fields(tmp_path: Path, second: dict, expected: str) -> None:
    p = write(tmp_path / "s.json", [art("a1"), second])
    assert error(p) == f"{p}: {expected}"


def test_bad_article_in_json_lines_named_by_line(tmp_path: Path) -> None:
    p = jsonl(tmp_path / "s.jsonl", [art("a1"), art("b", title=None)], blank_lines=True)
    # blank lines count: the second article sits on line 4
    assert error(p) == f"{p}: line 4 (id 'b'): field 'title': missing"


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    d = tmp_path / "store"
    write(d / "a.json", [art("x"), art("y")])
    jsonl(d / "b.jsonl", [art("z"), art("x")])
    msg = error(d)
    assert msg == f"{d / 'b.jsonl'}: line 2 (id 'x'): field 'id': duplicate id, first seen in a.json article 1"


def test_duplicate_ids_in_one_file(tmp_path: Path) -> None:
    p = write(tmp_path / "s.json", [art("x"), art("x")])
    assert error(p) == f"{p}: article 2 (id 'x'): field 'id': duplicate id, first seen in s.json article 1"


def test_nonexistent_path(tmp_path: Path) -> None:
    p = tmp_path / "missing" / "store.json"
    assert error(p) == f"{p}: no such file or directory"


def test_directory_without_json_files(tmp_path: Path) -> None:
    d = tmp_path / "empty"
    d.mkdir()
    (d / "notes.txt").write_text("x")
    (d / ".hidden.json").write_bytes(orjson.dumps([art()]))
    assert error(d) == f"{d}: directory holds no .json or .jsonl files"


def _load_in_thread(path: Path, **kw) -> list:
    result: list = []

    def run() -> None:
        try:
            result.append(load_store(path, **kw))
        except BaseException as exc:  # noqa: BLE001 - reported to the test
            result.append(exc)

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():
        # unblock the reader so the test process can exit, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("load_store blocked on a FIFO")
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_rejected_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "store.json"
    os.mkfifo(fifo)
    [result] = _load_in_thread(fifo)
    assert isinstance(result, StoreError)
    assert str(result) == f"{fifo}: not a regular file"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_inside_directory_is_rejected(tmp_path: Path) -> None:
    d = tmp_path / "store"
    write(d / "a.json", [art("a1")])
    os.mkfifo(d / "b.jsonl")
    [result] = _load_in_thread(d)
    assert isinstance(result, StoreError)
    assert str(result) == f"{d / 'b.jsonl'}: not a regular file"
    [kept] = _load_in_thread(d, skip_bad=True)
    assert [a.id for a in kept.articles] == ["a1"]
    assert kept.skipped == [f"{d / 'b.jsonl'}: not a regular file"]


def test_non_utf8_bytes(tmp_path: Path) -> None:
    p = write(tmp_path / "s.json", b'[{"id": "a", "title": "caf\xe9 \xff", "text": "x"}]')
    msg = error(p)
    assert msg.startswith(f"{p}: invalid JSON")
    assert "UTF-8" in msg


def test_non_utf8_bytes_in_json_lines(tmp_path: Path) -> None:
    p = tmp_path / "s.jsonl"
    p.write_bytes(orjson.dumps(art("a")) + b"\n" + b'{"id": "b", "title": "\xc3\x28", "text": "x"}\n')
    msg = error(p)
    assert msg.startswith(f"{p}: invalid JSON at line 2")
    assert "UTF-8" in msg


def test_error_message_is_one_safe_line_even_for_odd_file_names(tmp_path: Path) -> None:
    d = tmp_path / "store"
    write(d / f"evil{ESC}]0;t{ESC}\\\nname.json", b"{")
    msg = error(d)
    assert ESC not in msg
    assert "evil" in msg and "name.json: invalid JSON at line 1" in msg


def test_error_attributes(tmp_path: Path) -> None:
    p = write(tmp_path / "s.json", [art("a1", quotes=[{"text": "q", "direct": 1}])])
    with pytest.raises(StoreError) as info:
        load_store(p)
    exc = info.value
    assert (exc.path, exc.article, exc.field) == (str(p), "article 1 (id 'a1')", "quotes[0].direct")
    assert exc.problem == "expected true or false, got number"


# --------------------------------------------------------------------------- skip_bad
def test_skip_bad_keeps_good_articles_and_lists_skipped(tmp_path: Path) -> None:
    d = tmp_path / "store"
    write(d / "a.json", [art("a1"), {"id": "a2", "text": "no title"}, art("a3")])
    jsonl(d / "b.jsonl", [art("b1"), art("a1")])
    write(d / "c.json", b"[{")
    write(d / "d.json", [art("d1", actors=[{"name": "X", "kind": "planet"}]), art("d2")])
    store = load_store(d, skip_bad=True)
    assert [a.id for a in store.articles] == ["a1", "a3", "b1", "d2"]
    assert store.skipped == [
        f"{d / 'a.json'}: article 2 (id 'a2'): field 'title': missing",
        f"{d / 'b.jsonl'}: line 2 (id 'a1'): field 'id': duplicate id, first seen in a.json article 1",
        f"{d / 'c.json'}: invalid JSON at line 1, column 3: unexpected end of data",
        f"{d / 'd.json'}: article 1 (id 'd1'): field 'actors[0].kind': unknown kind 'planet' "
        "(expected person, organization, state or group)",
    ]
    # without skip_bad the first problem stops loading
    assert error(d) == store.skipped[0]


def test_skip_bad_still_raises_for_a_missing_path(tmp_path: Path) -> None:
    assert error(tmp_path / "nope.json", skip_bad=True) == f"{tmp_path / 'nope.json'}: no such file or directory"


