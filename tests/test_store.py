"""Unit tests for tui.data.store: reading stores from real files (the forms a store may take)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.data.model import ACTOR_KINDS, STATUSES
from tui.data.store import load_store, sample_store_path

from store_helpers import ESC, art, jsonl, write


# --------------------------------------------------------------------------- forms
def test_list_of_articles(tmp_path: Path) -> None:
    store = load_store(write(tmp_path / "s.json", [art("a1"), art("a2")]))
    assert [a.id for a in store.articles] == ["a1", "a2"]
    assert len(store) == 2
    assert store.skipped == []
    assert store.path == tmp_path / "s.json"
    assert store.articles[0].title == "Title a1"
    assert store.articles[0].paragraphs() == ["Body of a1.", "Second paragraph."]


def test_articles_wrapper_object(tmp_path: Path) -> None:
    store = load_store(write(tmp_path / "s.json", {"articles": [art("x"), art("y"), art("z")]}))
    assert [a.id for a in store.articles] == ["x", "y", "z"]


def test_single_article_object(tmp_path: Path) -> None:
    store = load_store(write(tmp_path / "one.json", art("only")))
    assert [a.id for a in store.articles] == ["only"]


def test_integer_id_becomes_string(tmp_path: Path) -> None:
    store = load_store(write(tmp_path / "s.json", [art(17)]))  # type: ignore[arg-type]
    assert store.articles[0].id == "17"


def test_json_lines_with_blank_lines(tmp_path: Path) -> None:
    store = load_store(jsonl(tmp_path / "s.jsonl", [art("l1"), art("l2"), art("l3")], blank_lines=True))
    assert [a.id for a in store.articles] == ["l1", "l2", "l3"]


def test_directory_sorted_and_hidden_files_ignored(tmp_path: Path) -> None:
    d = tmp_path / "store"
    write(d / "b.json", [art("b1"), art("b2")])
    jsonl(d / "a.jsonl", [art("a1")])
    write(d / "c.json", {"articles": [art("c1")]})
    write(d / ".hidden.json", b"{ not json")
    write(d / "notes.txt", b"{ not json either")
    write(d / "README.md", b"# readme")
    store = load_store(d)
    assert [a.id for a in store.articles] == ["a1", "b1", "b2", "c1"]
    assert store.path == d


def test_optional_fields(tmp_path: Path) -> None:
    full = art(
        "full",
        source="Meridian Wire",
        url="https://example.com/x",
        published="2024-10-29",
        actors=[{"name": "Mark Rutte", "role": "NATO Secretary General", "aliases": ["Rutte", "Rutte", ""]}],
        quotes=[{"text": "significant escalation", "speaker": "Rutte", "direct": False, "cue": "called", "paragraph": 1}],
        options=[{"text": "lift limits", "holder": "United States", "status": "adopted", "evidence": "They lifted them."}],
    )
    bare = art("bare", quotes=[{"text": "hello"}], options=[{"text": "wait"}], actors=[{"name": "X"}])
    nulls = art("nulls", source=None, url=None, quotes=[{"text": "q", "speaker": None, "direct": None, "paragraph": None}])
    a, b, c = load_store(write(tmp_path / "s.json", [full, bare, nulls])).articles

    assert (a.source, a.url, a.published) == ("Meridian Wire", "https://example.com/x", "2024-10-29")
    actor = a.actors[0]
    assert (actor.name, actor.kind, actor.role, actor.aliases) == ("Mark Rutte", "person", "NATO Secretary General", ("Rutte",))
    q = a.quotes[0]
    assert (q.text, q.speaker, q.direct, q.cue, q.paragraph) == ("significant escalation", "Rutte", False, "called", 1)
    o = a.options[0]
    assert (o.text, o.holder, o.status, o.evidence) == ("lift limits", "United States", "adopted", "They lifted them.")

    assert (b.source, b.url, b.published) == ("", "", "")
    assert b.actors[0].kind == "person" and b.actors[0].role == "" and b.actors[0].aliases == ()
    assert (b.quotes[0].speaker, b.quotes[0].direct, b.quotes[0].cue, b.quotes[0].paragraph) == (None, True, "", None)
    assert (b.options[0].holder, b.options[0].status, b.options[0].evidence) == (None, "proposed", "")

    assert c.source == "" and c.quotes[0].speaker is None and c.quotes[0].direct is True


def test_extracted_flag(tmp_path: Path) -> None:
    docs = [art("raw"), art("empty-lists", actors=[], quotes=[], options=[]), art("one", options=[{"text": "x"}])]
    raw, empty, one = load_store(write(tmp_path / "s.json", docs)).articles
    assert raw.extracted is False
    assert (raw.actors, raw.quotes, raw.options) == ([], [], [])
    assert empty.extracted is True
    assert one.extracted is True


def test_every_string_sanitised(tmp_path: Path) -> None:
    doc = art(
        "id\u202e1",
        title=f"Breaking{ESC}]0;owned{ESC}\\ news{ESC}[2J",
        text=f"Para\x00 one\r\n\r\nPara{ESC}[31m two\u200b",
        source="Wire\x9b1m",
        url="https://e.x/\x07",
        published="2024\u202e-01-01",
        actors=[{"name": f"Mark{ESC}[1m Rutte", "role": "Sec\nGen", "aliases": [f"Rutte{ESC}]52;c;eA=={ESC}\\"], "kind": "person"}],
        quotes=[{"text": f"line one\r\nline two{ESC}P$q{ESC}\\", "speaker": "Rutte\u2066", "cue": "said\x7f"}],
        options=[{"text": "act\x1b[8m now", "holder": "Poland\u200f", "status": "adopted", "evidence": "ev\rid"}],
    )
    a = load_store(write(tmp_path / "s.json", [doc])).articles[0]
    assert a.id == "id1"
    assert a.title == "Breaking news"
    assert a.text == "Para one\n\nPara two"
    assert (a.source, a.url, a.published) == ("Wire", "https://e.x/", "2024-01-01")
    assert (a.actors[0].name, a.actors[0].role, a.actors[0].aliases) == ("Mark Rutte", "Sec Gen", ("Rutte",))
    assert (a.quotes[0].text, a.quotes[0].speaker, a.quotes[0].cue) == ("line one\nline two", "Rutte", "said")
    assert (a.options[0].text, a.options[0].holder, a.options[0].evidence) == ("act now", "Poland", "ev\nid")


@pytest.mark.parametrize(
    "raw, expected",
    [("organisation", "organization"), ("Organisation", "organization"), ("org", "organization"),
     ("country", "state"), ("nation", "state"), ("STATE", "state"), (" group ", "group"), ("person", "person")],
)
def test_kind_synonyms(tmp_path: Path, raw: str, expected: str) -> None:
    a = load_store(write(tmp_path / "s.json", [art(actors=[{"name": "N", "kind": raw}])])).articles[0]
    assert a.actors[0].kind == expected
    assert expected in ACTOR_KINDS


@pytest.mark.parametrize(
    "raw, expected",
    [("under consideration", "under discussion"), ("Under  Consideration", "under discussion"),
     ("already imposed", "in place"), ("in force", "in place"), ("ruled out", "rejected"),
     ("approved", "adopted"), ("floated", "proposed"), ("being discussed", "under discussion"),
     ("rejected", "rejected"), ("", "proposed"), ("something odd", "under discussion")],
)
def test_status_synonyms(tmp_path: Path, raw: str, expected: str) -> None:
    a = load_store(write(tmp_path / "s.json", [art(options=[{"text": "t", "status": raw}])])).articles[0]
    assert a.options[0].status == expected
    assert expected in STATUSES


# --------------------------------------------------------------------------- sample
def test_bundled_sample_store() -> None:
    path = sample_store_path()
    assert path.is_dir()
    store = load_store(path)
    assert store.skipped == []
    assert len(store) >= 10
    assert len({a.id for a in store.articles}) == len(store)
    for a in store.articles:
        assert a.extracted, a.id
        assert a.title and len(a.paragraphs()) >= 2, a.id
        assert a.actors and a.quotes and a.options, a.id
        assert all(act.kind in ACTOR_KINDS for act in a.actors)
        assert all(o.status in STATUSES for o in a.options)
    assert sum(len(a.quotes) for a in store.articles) >= 50
