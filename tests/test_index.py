"""Unit tests for tui.data.index (and the actor merging in tui.data.actors)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tui.data.actors import is_generic, norm_name, split_holders
from tui.data.index import Index, entry_id, find_paragraph
from tui.data.store import load_store

A1 = {
    "id": "nato-warning",
    "title": "Rutte warns Moscow",
    "source": "Meridian Wire",
    "url": "https://example.com/a1",
    "text": (
        "NATO Secretary General Mark Rutte said Moscow must withdraw its troops now.\n\n"
        "The Meridian Institute, a think tank, said the agency had warned of this. "
        "A senior EU diplomat said nobody wants war.\n\n"
        "Poland and Romania are considering more air defence on the border."
    ),
    "actors": [
        {"name": "Mark Rutte", "kind": "person", "role": "NATO Secretary General", "aliases": ["Rutte"]},
        {"name": "Moscow", "kind": "country"},
        {"name": "Meridian Institute", "kind": "organisation", "role": "think tank", "aliases": ["the agency"]},
        {"name": "Poland", "kind": "state"},
        {"name": "Romania", "kind": "state"},
    ],
    "quotes": [
        {"text": "Moscow must withdraw its troops now", "speaker": "Rutte", "cue": "said"},
        {"text": "the agency had warned of this", "speaker": "the agency", "direct": False},
        {"text": "nobody wants war", "speaker": "a senior EU diplomat", "direct": False},
        {"text": "nobody wants war", "speaker": "a senior EU diplomat", "direct": False},
    ],
    "options": [
        {"text": "more air defence on the border", "holder": "Poland, Romania", "status": "under consideration",
         "evidence": "Poland and Romania are considering more air defence on the border."},
    ],
}

A2 = {
    "id": "kremlin-reply",
    "title": "Kremlin replies",
    "text": (
        "Rutte repeated his warning on Wednesday.\n\n"
        "The Russian Federation said it would respond. The agency, the Baltic Grain Board, "
        "said shipments had stopped."
    ),
    "actors": [
        {"name": "Rutte", "kind": "person", "role": "NATO Secretary General"},
        {"name": "Russian Federation", "kind": "state"},
        {"name": "Baltic Grain Board", "kind": "organization", "aliases": ["the agency"]},
    ],
    "quotes": [
        {"text": "it would respond", "speaker": "Moscow", "direct": False, "paragraph": 1},
        {"text": "shipments had stopped", "speaker": "the agency", "direct": False},
        {"text": "This warning stands", "speaker": "Rutte", "paragraph": 0},
    ],
    "options": [
        {"text": "retaliatory sanctions", "holder": "Russian Federation", "status": "already imposed"},
    ],
}

A3 = {
    "id": "sanctions-watch",
    "title": "Sanctions watch",
    "text": "Russia faces new measures.\n\nThe former Dutch prime minister Mark Rutte backed them.",
    "actors": [
        {"name": "Russia", "kind": "state"},
        {"name": "Mark Rutte", "kind": "person", "role": "former Dutch prime minister"},
        {"name": "International Atomic Energy Agency", "kind": "organization"},
    ],
    "quotes": [{"text": "We back the measures", "speaker": "Mark Rutte"}],
    "options": [{"text": "new measures against Russia", "holder": "United States and Europe", "status": "proposed"}],
}

UNEXTRACTED = {"id": "raw", "title": "Not yet extracted", "text": "Nothing here."}


def build(tmp_path: Path, articles: list[dict], name: str = "store.json") -> Index:
    path = tmp_path / name
    path.write_bytes(orjson.dumps(articles))
    return Index(load_store(path))


@pytest.fixture
def index(tmp_path: Path) -> Index:
    return build(tmp_path, [A1, A2, A3, UNEXTRACTED])


def actor(index: Index, key: str):
    row = index.actor(key)
    assert row is not None, f"no actor {key}: {[a.id for a in index.actors]}"
    return row


def quote(index: Index, text: str, article: int | None = None):
    rows = [q for q in index.quotes if q.text == text and (article is None or q.article == article)]
    assert rows, text
    return rows[0]


def option(index: Index, text: str):
    [row] = [o for o in index.options if o.text == text]
    return row


# --------------------------------------------------------------------------- actors
def test_actor_rows(index: Index) -> None:
    assert sorted(a.id for a in index.actors) == [
        "a:baltic-grain-board", "a:iaea", "a:mark-rutte", "a:meridian-institute",
        "a:poland", "a:romania", "a:russia",
    ]
    assert index.actor_pos == {a.id: n for n, a in enumerate(index.actors)}
    assert index.actor(None) is None and index.actor("a:nobody") is None


def test_full_name_and_surname_merge(index: Index) -> None:
    rutte = actor(index, "a:mark-rutte")
    assert rutte.name == "Mark Rutte"
    assert rutte.kind == "person"
    assert "Rutte" in rutte.aliases
    assert set(rutte.articles.tolist()) == {0, 1, 2}
    assert not any(a.name == "Rutte" for a in index.actors)


def test_state_aliases_merge_into_one_state(index: Index) -> None:
    russia = actor(index, "a:russia")
    assert russia.name == "Russia"
    assert russia.kind == "state"
    assert {"Moscow", "Russian Federation"} <= set(russia.aliases)
    assert set(russia.articles.tolist()) == {0, 1, 2}
    assert [a.id for a in index.actors if "russia" in a.names] == ["a:russia"]


def test_gazetteer_canonical_name_and_default_role(index: Index) -> None:
    iaea = actor(index, "a:iaea")
    assert iaea.name == "IAEA"
    assert iaea.kind == "organization"
    assert "International Atomic Energy Agency" in iaea.aliases
    assert iaea.role == "UN nuclear watchdog"
    assert set(iaea.articles.tolist()) == {2}


def test_generic_aliases_stay_local(index: Index) -> None:
    meridian = actor(index, "a:meridian-institute")
    grain = actor(index, "a:baltic-grain-board")
    assert set(meridian.articles.tolist()) == {0}
    assert set(grain.articles.tolist()) == {1}
    assert "the agency" not in meridian.aliases and "the agency" not in grain.aliases
    # the same description resolves to a different organisation in each article
    assert quote(index, "the agency had warned of this").speaker_key == "a:meridian-institute"
    assert quote(index, "shipments had stopped").speaker_key == "a:baltic-grain-board"
    assert quote(index, "shipments had stopped").speaker == "Baltic Grain Board"


def test_roles_picked(index: Index) -> None:
    # two articles say Secretary General, one says former prime minister
    assert actor(index, "a:mark-rutte").role == "NATO Secretary General"
    assert actor(index, "a:meridian-institute").role == "think tank"
    assert actor(index, "a:russia").role == ""
    assert actor(index, "a:meridian-institute").kind == "organization"


def test_haystacks_hold_names_aliases_and_role(index: Index) -> None:
    rutte = actor(index, "a:mark-rutte")
    assert rutte.names.split("\n")[0] == "mark rutte"
    assert "rutte" in rutte.names.split("\n")
    assert rutte.haystack.endswith("\nnato secretary general")


# --------------------------------------------------------------------------- quotes
def test_speaker_given_by_alias_resolves(index: Index) -> None:
    q = quote(index, "Moscow must withdraw its troops now")
    assert q.speaker == "Mark Rutte"
    assert q.speaker_key == "a:mark-rutte"
    assert q.cue == "said" and q.direct is True
    # "Moscow" is an alias from another article: the registry resolves it
    r = quote(index, "it would respond")
    assert (r.speaker, r.speaker_key, r.direct) == ("Russia", "a:russia", False)
    # a surname in an article whose actor list only has the surname
    s = quote(index, "This warning stands")
    assert (s.speaker, s.speaker_key) == ("Mark Rutte", "a:mark-rutte")


def test_descriptive_speaker_kept_as_text(index: Index) -> None:
    q = quote(index, "nobody wants war")
    assert q.speaker == "a senior EU diplomat"
    assert q.speaker_key is None
    assert q.actor_keys == ()
    assert q.names == "" and q.kinds == ()
    assert "a senior eu diplomat" in q.haystack


def test_mentions_link_actors(index: Index) -> None:
    q = quote(index, "Moscow must withdraw its troops now")
    assert q.actor_keys == ("a:mark-rutte", "a:russia")
    assert q.kinds == ("person", "state")
    assert "russia" in q.names and "mark rutte" in q.names
    o = option(index, "new measures against Russia")
    assert "a:russia" in o.actor_keys


def test_paragraphs(index: Index) -> None:
    assert quote(index, "Moscow must withdraw its troops now").paragraph == 0
    assert quote(index, "the agency had warned of this").paragraph == 1
    assert quote(index, "it would respond").paragraph == 1
    assert quote(index, "This warning stands").paragraph == 0  # not in the text: the hint is kept
    assert quote(index, "We back the measures").paragraph is None
    assert option(index, "more air defence on the border").paragraph == 2


# --------------------------------------------------------------------------- options
def test_holders_split(index: Index) -> None:
    o = option(index, "more air defence on the border")
    assert o.holder == "Poland, Romania"
    assert o.holder_keys == ("a:poland", "a:romania")
    assert o.status == "under discussion"
    assert set(o.kinds) == {"state"}
    assert split_holders("Poland, Romania") == ["Poland", "Romania"]
    assert split_holders("United States and Europe") == ["United States", "Europe"]
    assert split_holders("France; Germany / Italy & Spain") == ["France", "Germany", "Italy", "Spain"]
    assert split_holders(None) == [] and split_holders("") == []


def test_holder_given_by_alias_and_unknown_holders(index: Index) -> None:
    o = option(index, "retaliatory sanctions")
    assert o.holder_keys == ("a:russia",)
    assert o.status == "in place"
    # neither the United States nor Europe is an actor of this store
    p = option(index, "new measures against Russia")
    assert p.holder == "United States and Europe"
    assert p.holder_keys == ()
    assert p.actor_keys == ("a:russia",)


# --------------------------------------------------------------------------- counts
def test_counts_per_actor(index: Index) -> None:
    def counts(key: str) -> tuple[int, int, set[int]]:
        a = actor(index, key)
        return len(a.quotes), len(a.options), set(a.articles.tolist())

    assert counts("a:mark-rutte") == (3, 0, {0, 1, 2})
    assert counts("a:russia") == (2, 2, {0, 1, 2})
    assert counts("a:poland") == (0, 1, {0})
    assert counts("a:romania") == (0, 1, {0})
    assert counts("a:meridian-institute") == (1, 0, {0})
    assert counts("a:baltic-grain-board") == (1, 0, {1})
    assert counts("a:iaea") == (0, 0, {2})
    # the lists point at the right rows
    for a in index.actors:
        assert all(a.id in index.quotes[i].actor_keys for i in a.quotes)
        assert all(a.id in index.options[i].actor_keys for i in a.options)


def test_totals_and_unextracted_article(index: Index) -> None:
    assert len(index.articles) == 4
    assert len(index.quotes) == 4 + 3 + 1
    assert len(index.options) == 1 + 1 + 1
    assert not any(q.article == 3 for q in index.quotes)
    assert index.articles[3].extracted is False


def test_article_key_and_by_id(index: Index) -> None:
    q = quote(index, "Moscow must withdraw its troops now")
    assert q.article_key == "nato-warning\nrutte warns moscow\nmeridian wire\nhttps://example.com/a1"
    rows = index.by_id()
    assert len(rows) == len(index.actors) + len(index.quotes) + len(index.options)
    assert rows[q.id] == q
    assert index.rows_of("quotes", [q.id, "q:unknown", "o:x"]) == {q.id: index.quotes.index(q)}
    assert rows["a:russia"] is actor(index, "a:russia")


# --------------------------------------------------------------------------- ids
def ids(index: Index) -> dict[tuple[str, str, str], str]:
    out = {}
    for q in index.quotes:
        out.setdefault(("q", index.articles[q.article].id, q.text), q.id)
    for o in index.options:
        out.setdefault(("o", index.articles[o.article].id, o.text), o.id)
    return out


def test_entry_ids_have_prefixes_and_are_unique(index: Index) -> None:
    all_ids = [r.id for r in (*index.quotes, *index.options)]
    assert len(set(all_ids)) == len(all_ids)
    assert all(i.startswith("q:") for i in (q.id for q in index.quotes))
    assert all(i.startswith("o:") for i in (o.id for o in index.options))
    assert entry_id("q", "nato-warning", "nobody wants war") == quote(index, "nobody wants war").id


def test_entry_ids_stable_when_store_regenerated(tmp_path: Path, index: Index) -> None:
    extra = {
        "id": "extra", "title": "Extra", "text": "More.",
        "quotes": [{"text": "Moscow must withdraw its troops now", "speaker": "x"}],
        "options": [{"text": "retaliatory sanctions"}],
    }
    again = build(tmp_path, [extra, A3, UNEXTRACTED, A2, A1], name="regenerated.json")
    before, after = ids(index), ids(again)
    for key, value in before.items():
        assert after[key] == value, key
    # actor ids are canonical names, independent of order too
    assert {a.id for a in index.actors} <= {a.id for a in again.actors}
    # the same text in a different article gets a different id
    assert after[("q", "extra", "Moscow must withdraw its troops now")] != before[
        ("q", "nato-warning", "Moscow must withdraw its troops now")]
    assert after[("o", "extra", "retaliatory sanctions")] != before[("o", "kremlin-reply", "retaliatory sanctions")]


def test_entry_ids_ignore_cosmetic_text_changes() -> None:
    assert entry_id("q", "a", "Nobody wants war.") == entry_id("q", "a", "nobody wants  war")
    assert entry_id("q", "a", "nobody wants war") != entry_id("q", "a", "everybody wants war")
    assert entry_id("q", "a", "x") != entry_id("q", "b", "x")
    assert entry_id("q", "a", "x") != entry_id("o", "a", "x")


def test_duplicate_quote_texts_get_distinct_ids(index: Index) -> None:
    dups = [q for q in index.quotes if q.text == "nobody wants war"]
    assert len(dups) == 2
    base = entry_id("q", "nato-warning", "nobody wants war")
    assert [q.id for q in dups] == [base, base + "-2"]


# --------------------------------------------------------------------------- helpers
def test_find_paragraph() -> None:
    paras = ["First paragraph about Rutte.", "Second one says Moscow must withdraw now.", "Third."]
    assert find_paragraph(paras, "Moscow must withdraw") == 1
    assert find_paragraph(paras, "Third.") == 2
    assert find_paragraph(paras, "Third.", hint=2) == 2
    # a correct hint wins over an earlier occurrence
    assert find_paragraph(["x y", "x y"], "x y", hint=1) == 1
    # a wrong hint is corrected when the text is found
    assert find_paragraph(paras, "Moscow must withdraw", hint=0) == 1
    # not found: the hint if it is in range, else None
    assert find_paragraph(paras, "absent text", hint=2) == 2
    assert find_paragraph(paras, "absent text", hint=7) is None
    assert find_paragraph(paras, "absent text", hint=-1) is None
    assert find_paragraph(paras, "absent text") is None
    assert find_paragraph([], "x", hint=0) is None
    # long needles are matched by their start
    assert find_paragraph(paras, "Second one says Moscow must withdraw now. And then more text follows.") == 1


def test_name_helpers() -> None:
    assert norm_name("The Kremlin’s") == "kremlin"
    assert norm_name("U.S.") == "us"
    assert norm_name("Zelenskyy's") == norm_name("ZELENSKYY")
    assert is_generic("the agency") and is_generic("ministry") and is_generic("a senior EU diplomat") is False
    assert not is_generic("Meridian Institute")


def test_said_by_lists_the_quotes_an_actor_speaks_in_order(index: Index) -> None:
    for a in index.actors:
        spoken = [index.quotes[int(i)] for i in a.quotes if index.quotes[int(i)].speaker_key == a.id]
        assert index.said_by(a.id, 5) == spoken[:5]
        assert index.said_by(a.id, 1) == spoken[:1]
    assert [q.text for q in index.said_by("a:mark-rutte", 5)] and index.said_by("a:nobody", 5) == []
