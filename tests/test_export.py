"""Unit tests for tui.data.export: the Markdown briefing memo."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import orjson
import pytest
from conftest import index_of, option_id, quote_id

from tui.data.annotations import Annotation
from tui.data.export import render_memo, write_memo
from tui.data.index import Index
from tui.data.store import load_store

NOW = dt.datetime(2025, 1, 2, 3, 4, tzinfo=dt.timezone.utc)
EVIL = "https://evil.example/x"

ARTICLES = [
    {
        "id": "dprk",
        "title": f"Strikes [link]({EVIL}) *now* <b>bold</b> #1 | `code`",
        "source": "Meridian_Wire",
        "url": "https://example.com/dprk",
        "published": "2024-10-29",
        "text": "Mark Rutte called it a significant escalation.\n\nPoland and Romania weigh air defence.",
        "actors": [
            {"name": "Mark Rutte", "kind": "person", "role": "NATO Secretary General", "aliases": ["Rutte"]},
            {"name": "Poland", "kind": "state"},
            {"name": "Romania", "kind": "state"},
        ],
        "quotes": [
            {"text": "a significant escalation", "speaker": "Rutte", "cue": "called"},
            {"text": "we are ready to help", "speaker": "a senior EU diplomat", "direct": False},
            {"text": "not annotated at all", "speaker": "Rutte"},
        ],
        "options": [
            {"text": "deploy air defence", "holder": "Poland, Romania", "status": "under consideration",
             "evidence": "Poland and Romania weigh air defence."},
            {"text": "do nothing", "holder": "Poland", "status": "rejected"},
        ],
    },
    {
        "id": "lng",
        "title": "EU bans Russian LNG",
        "url": "javascript:alert(1)",
        "text": "The ban was adopted.",
        "actors": [{"name": "European Union", "kind": "organization", "aliases": ["EU"]}],
        "quotes": [{"text": "the ban is overdue", "speaker": "EU"}],
        "options": [{"text": "ban Russian LNG", "holder": "EU", "status": "adopted"}],
    },
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return index_of(tmp_path_factory.mktemp("store"), ARTICLES)


qid, oid = quote_id, option_id


@pytest.fixture
def notes(index: Index) -> dict[str, Annotation]:
    return {
        oid(index, "deploy air defence"): Annotation(star=True, risk="high", likelihood="low"),
        oid(index, "ban Russian LNG"): Annotation(note="already law", tags=frozenset({"energy"})),
        qid(index, "a significant escalation"): Annotation(
            star=True, tags=frozenset({"escalation", "nato"}), note="First line of the note.\nSecond *line*\n\nFourth"),
        qid(index, "we are ready to help"): Annotation(note="who is this?"),
        "a:poland": Annotation(note="check Warsaw's position", risk="medium"),
    }


@pytest.fixture
def memo(index: Index, notes: dict[str, Annotation]) -> str:
    return render_memo(index, notes.get, title="Briefing memo: test", now=NOW)


def section(memo: str, heading: str) -> str:
    start = memo.index(heading + "\n")
    rest = memo[start + len(heading) + 1:]
    end = rest.find("\n## ")
    return rest if end < 0 else rest[:end]


def links(markdown: str) -> list[str]:
    md = pytest.importorskip("markdown_it").MarkdownIt("commonmark")
    out = []
    stack = md.parse(markdown)
    while stack:
        tok = stack.pop(0)
        if tok.children:
            stack = list(tok.children) + stack
        if tok.type == "link_open":
            out.append(tok.attrGet("href"))
    return out


def test_header(memo: str) -> None:
    lines = memo.splitlines()
    assert lines[0] == "# Briefing memo: test"
    assert lines[2] == ("Generated 2025-01-02 03:04 UTC from 2 articles: "
                        "2 options, 2 quotes and 1 actors starred or annotated.")
    assert memo.endswith("\n") and not memo.endswith("\n\n")


def test_sections_in_order(memo: str) -> None:
    assert memo.count("\n## Options\n") == 1
    assert memo.count("\n## By actor\n") == 1
    assert memo.index("## Options") < memo.index("## By actor")


def test_options_section(memo: str) -> None:
    options = section(memo, "## Options")
    # starred first, then by status and text
    headings = [line for line in options.splitlines() if line.startswith("### ")]
    assert headings == [
        "### deploy air defence — held by Poland, Romania (under discussion)",
        "### ban Russian LNG — held by EU (adopted)",
    ]
    assert "- ★ starred · escalation risk: **high** · likelihood: **low**" in options
    assert "- Evidence: “Poland and Romania weigh air defence.” — " in options
    assert "- tags: `energy`" in options
    assert "- Note: already law" in options
    # unannotated options are left out
    assert "do nothing" not in memo


def test_quotes_attributed(memo: str) -> None:
    by_actor = section(memo, "## By actor")
    assert "### Mark Rutte (person, NATO Secretary General)" in by_actor
    assert "- Mark Rutte: “a significant escalation” — Strikes" in by_actor
    # a descriptive speaker keeps its words; reported speech is marked
    assert "### a senior EU diplomat" in by_actor
    assert "- a senior EU diplomat: we are ready to help (reported) — " in by_actor
    # the annotated actor gets a section even without quotes
    assert "### Poland (state)" in by_actor
    assert "- escalation risk: **medium**" in by_actor
    assert "- Note: check Warsaw's position" in by_actor
    assert "not annotated at all" not in memo
    assert "the ban is overdue" not in memo


def test_actor_sections_sorted_by_name(memo: str) -> None:
    by_actor = section(memo, "## By actor")
    headings = [line[4:] for line in by_actor.splitlines() if line.startswith("### ")]
    assert headings == ["a senior EU diplomat", "Mark Rutte (person, NATO Secretary General)", "Poland (state)"]


def test_multi_line_note_included(memo: str) -> None:
    by_actor = section(memo, "## By actor")
    block = by_actor[by_actor.index("- Mark Rutte: “a significant escalation”"):]
    lines = block.splitlines()
    assert lines[1] == "  - ★ starred · tags: `escalation`, `nato`"
    assert lines[2] == "  - Note: First line of the note."
    assert lines[3] == "    Second \\*line\\*"
    assert lines[4] == "    "
    assert lines[5] == "    Fourth"


def test_source_line(memo: str) -> None:
    expected_title = "Strikes \\[link\\](https://evil.example/x) \\*now\\* \\<b\\>bold\\</b\\> \\#1 \\| \\`code\\`"
    assert f"— {expected_title}, Meridian\\_Wire, 2024-10-29 <https://example.com/dprk>" in memo
    # a non-http URL is not shown as a link
    assert "javascript:alert" not in memo


def test_markdown_in_article_text_does_not_become_links(memo: str) -> None:
    hrefs = links(memo)
    assert EVIL not in hrefs
    assert set(hrefs) == {"https://example.com/dprk"}
    html = pytest.importorskip("markdown_it").MarkdownIt("commonmark").render(memo)
    assert "<b>" not in html and "<em>now</em>" not in html


def test_hostile_url_and_tag_cannot_inject_markdown(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(orjson.dumps([{
        "id": "x", "title": "T", "text": "t",
        "url": f"https://ok.example/> [click]({EVIL}) <x",
        "quotes": [{"text": "q", "speaker": "S"}],
    }]))
    index = Index(load_store(path))
    note = Annotation(tags=frozenset({f"x`[c]({EVIL})`"}), star=True)
    memo = render_memo(index, {index.quotes[0].id: note}.get, now=NOW)
    assert EVIL not in links(memo)
    assert "<https://ok.example/%3E%20[click](https://evil.example/x)%20%3Cx>" in memo
    [href] = links(memo)
    assert href.startswith("https://ok.example/%3E%20")
    assert "tags: x\\`\\[c\\](https://evil.example/x)\\`" in memo


def test_nothing_annotated(index: Index) -> None:
    empty = {qid(index, "a significant escalation"): Annotation()}
    memo = render_memo(index, empty.get, now=NOW)
    assert memo.splitlines() == [
        "# Briefing memo",
        "",
        "Generated 2025-01-02 03:04 UTC from 2 articles: 0 options, 0 quotes and 0 actors starred or annotated.",
        "",
        "Nothing is starred or annotated yet.",
    ]
    assert "##" not in memo


def test_only_quotes_annotated_has_no_options_section(index: Index) -> None:
    notes = {qid(index, "a significant escalation"): Annotation(star=True)}
    memo = render_memo(index, notes.get, now=NOW)
    assert "## Options" not in memo
    assert "## By actor" in memo
    assert "1 quotes" in memo


# --------------------------------------------------------------------------- writing
def test_write_memo_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    first = write_memo(target, "first\n")
    second = write_memo(target, "second\n")
    third = write_memo(target, "third ★\n")
    assert first == target
    assert second == tmp_path / "memo-2.md"
    assert third == tmp_path / "memo-3.md"
    assert target.read_text(encoding="utf-8") == "first\n"
    assert second.read_text(encoding="utf-8") == "second\n"
    assert third.read_text(encoding="utf-8") == "third ★\n"


def test_write_memo_keeps_a_preexisting_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("precious")
    written = write_memo(target, "new")
    assert written == tmp_path / "brief-2.md"
    assert target.read_text() == "precious"
    assert written.read_text() == "new"


def test_write_memo_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for _ in range(3):
        write_memo(out / "memo.md", "x" * 100_000)
    assert sorted(os.listdir(out)) == ["memo-2.md", "memo-3.md", "memo.md"]
    assert all((out / n).stat().st_size == 100_000 for n in os.listdir(out))


def test_write_memo_to_missing_directory_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_memo(tmp_path / "no" / "such" / "memo.md", "x")
    assert os.listdir(tmp_path) == []


def test_the_memo_from_the_annotated_ids_is_the_memo_from_every_row(index: Index, notes: dict[str, Annotation]) -> None:
    """With ``noted`` only the annotated rows are looked at (a 100k store has 700k rows)."""
    noted = list(notes) + ["q:gone-from-the-store", "o:gone-too"]
    assert render_memo(index, notes.get, title="t", now=NOW, noted=noted) == render_memo(
        index, notes.get, title="t", now=NOW)
