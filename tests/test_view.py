"""Unit tests for tui.data.view.compute_view on a small real index."""

from __future__ import annotations


import pytest
from conftest import index_of, option_id, quote_id

from tui.data.annotations import Annotation
from tui.data.index import Index
from tui.data.query import QueryError, parse
from tui.data.view import compute_view

ARTICLES = [
    {
        "id": "dprk",
        "title": "West weighs options on North Korean troops",
        "source": "Meridian Wire",
        "text": "Mark Rutte called it a significant escalation.\n\nSeoul may send weapons to Kyiv.",
        "actors": [
            {"name": "Mark Rutte", "kind": "person", "role": "NATO Secretary General", "aliases": ["Rutte"]},
            {"name": "South Korea", "kind": "state", "aliases": ["Seoul"]},
            {"name": "Ukraine", "kind": "state", "aliases": ["Kyiv"]},
        ],
        "quotes": [
            {"text": "a significant escalation", "speaker": "Rutte", "cue": "called"},
            {"text": "Seoul is reviewing its position", "speaker": "a South Korean official", "direct": False},
        ],
        "options": [
            {"text": "send weapons to Kyiv", "holder": "South Korea", "status": "under discussion"},
        ],
    },
    {
        "id": "lng",
        "title": "EU bans Russian LNG",
        "source": "Harbour Post",
        "text": "The European Union adopted a ban on Russian LNG.\n\nRutte welcomed the ban.",
        "actors": [
            {"name": "European Union", "kind": "organization", "aliases": ["EU"]},
            {"name": "Russia", "kind": "state"},
            {"name": "Rutte", "kind": "person"},
            {"name": "Kaja Kallas", "kind": "person", "role": "EU foreign policy chief"},
        ],
        "quotes": [
            {"text": "the ban is long overdue", "speaker": "Rutte"},
            {"text": "Russia will find other buyers", "speaker": "an energy analyst"},
        ],
        "options": [
            {"text": "ban Russian LNG imports", "holder": "European Union", "status": "adopted"},
            {"text": "price cap on Russia's oil", "holder": "EU", "status": "in place"},
        ],
    },
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Index:
    return index_of(tmp_path_factory.mktemp("store"), ARTICLES)


qid, oid = quote_id, option_id


def quotes(index: Index, view) -> list[str]:
    return [index.quotes[i].text for i in view.quotes]


def options(index: Index, view) -> list[str]:
    return [index.options[i].text for i in view.options]


def actors(index: Index, view) -> set[str]:
    return {index.actors[i].id for i in view.actors}


def no_notes(_: str) -> None:
    return None


@pytest.fixture
def notes(index: Index):
    table = {
        qid(index, "a significant escalation"): Annotation(star=True, tags=frozenset({"escalation"})),
        oid(index, "send weapons to Kyiv"): Annotation(note="watch Seoul", risk="high", likelihood="low"),
        oid(index, "price cap on Russia's oil"): Annotation(tags=frozenset({"economy"}), risk="medium"),
        "a:kaja-kallas": Annotation(star=True),
    }
    return table.get


def test_index_as_expected(index: Index) -> None:
    # guards the assumptions of the tests below
    assert {a.id for a in index.actors} == {
        "a:mark-rutte", "a:south-korea", "a:ukraine", "a:european-union", "a:russia", "a:kaja-kallas"}
    assert len(index.quotes) == 4 and len(index.options) == 3


def test_empty_query_shows_everything(index: Index) -> None:
    view = compute_view(index, "", no_notes)
    assert list(view.actors) == list(range(len(index.actors)))
    assert list(view.quotes) == [0, 1, 2, 3]
    assert list(view.options) == [0, 1, 2]
    assert view.facet is None and view.query.empty
    # counts cover every quote and option the actor is involved in
    assert view.counts("a:mark-rutte") == (2, 0)
    assert view.counts("a:european-union") == (0, 2)
    # "Russian LNG" does not mention Russia (whole words only); "Russia's oil" does
    assert view.counts("a:russia") == (1, 1)
    assert view.counts("a:kaja-kallas") == (0, 0)
    assert view.counts("a:nobody") == (0, 0)


def test_query_string_or_parsed_query(index: Index) -> None:
    a = compute_view(index, "ban", no_notes)
    b = compute_view(index, parse("ban"), no_notes)
    assert (list(a.quotes), list(a.options), list(a.actors)) == (list(b.quotes), list(b.options), list(b.actors))
    assert str(a.query) == "ban"


def test_free_text(index: Index) -> None:
    view = compute_view(index, "ban", no_notes)
    assert quotes(index, view) == ["the ban is long overdue"]
    assert options(index, view) == ["ban Russian LNG imports"]
    # actors of the hits: Rutte (speaker) and the EU (holder)
    assert actors(index, view) == {"a:mark-rutte", "a:european-union"}
    assert view.counts("a:mark-rutte") == (1, 0)
    assert view.counts("a:european-union") == (0, 1)
    assert view.counts("a:russia") == (0, 0)
    assert view.counts("a:south-korea") == (0, 0)


def test_actor_pane_is_direct_matches_plus_involved_actors(index: Index) -> None:
    # "chief" matches Kallas's role only: no quote or option mentions her
    view = compute_view(index, "chief", no_notes)
    assert actors(index, view) == {"a:kaja-kallas"}
    assert quotes(index, view) == [] and options(index, view) == []
    # "kyiv" matches Ukraine by alias and the option naming Kyiv (held by South Korea)
    view = compute_view(index, "kyiv", no_notes)
    assert options(index, view) == ["send weapons to Kyiv"]
    assert actors(index, view) == {"a:ukraine", "a:south-korea"}
    assert view.counts("a:south-korea") == (0, 1)
    assert view.counts("a:ukraine") == (0, 1)


def test_no_hits(index: Index) -> None:
    view = compute_view(index, "zzzz", no_notes)
    assert (list(view.actors), list(view.quotes), list(view.options)) == ([], [], [])
    assert view.quote_counts == {} and view.option_counts == {}


def test_actor_and_kind_qualifiers(index: Index) -> None:
    view = compute_view(index, "who:rutte", no_notes)
    assert quotes(index, view) == ["a significant escalation", "the ban is long overdue"]
    assert options(index, view) == []
    assert actors(index, view) == {"a:mark-rutte"}
    view = compute_view(index, "kind:organization", no_notes)
    assert options(index, view) == ["ban Russian LNG imports", "price cap on Russia's oil"]
    assert actors(index, view) == {"a:european-union", "a:russia"}
    view = compute_view(index, "-kind:state is:quote", no_notes)
    assert quotes(index, view) == ["a significant escalation", "the ban is long overdue"]


def test_facet_narrows_quotes_and_options_only(index: Index) -> None:
    full = compute_view(index, "", no_notes)
    view = compute_view(index, "", no_notes, facet="a:russia")
    assert quotes(index, view) == ["Russia will find other buyers"]
    assert options(index, view) == ["price cap on Russia's oil"]
    assert list(view.actors) == list(full.actors)
    assert view.quote_counts == full.quote_counts and view.option_counts == full.option_counts
    assert view.facet == "a:russia"
    # facet and query combine
    view = compute_view(index, "cap", no_notes, facet="a:russia")
    assert options(index, view) == ["price cap on Russia's oil"] and quotes(index, view) == []
    view = compute_view(index, "", no_notes, facet="a:kaja-kallas")
    assert quotes(index, view) == [] and options(index, view) == []


def test_annotation_qualifiers(index: Index, notes) -> None:
    view = compute_view(index, "is:starred", notes)
    assert quotes(index, view) == ["a significant escalation"]
    assert options(index, view) == []
    # the starred actor matches directly; Rutte is involved in the starred quote
    assert actors(index, view) == {"a:kaja-kallas", "a:mark-rutte"}

    view = compute_view(index, "tag:esc", notes)
    assert quotes(index, view) == ["a significant escalation"] and options(index, view) == []

    view = compute_view(index, "tag:e", notes)
    assert quotes(index, view) == ["a significant escalation"]
    assert options(index, view) == ["price cap on Russia's oil"]

    view = compute_view(index, "risk:high", notes)
    assert quotes(index, view) == []
    assert options(index, view) == ["send weapons to Kyiv"]
    assert actors(index, view) == {"a:south-korea", "a:ukraine"}

    view = compute_view(index, "is:annotated", notes)
    assert quotes(index, view) == ["a significant escalation"]
    assert options(index, view) == ["send weapons to Kyiv", "price cap on Russia's oil"]

    view = compute_view(index, "-is:annotated is:option", notes)
    assert options(index, view) == ["ban Russian LNG imports"]

    view = compute_view(index, "is:noted seoul", notes)  # "seoul" in the note is not searched
    assert options(index, view) == []


def test_annotation_qualifiers_without_notes_match_nothing(index: Index) -> None:
    for q in ("is:starred", "tag:e", "risk:high", "likelihood:low", "is:annotated"):
        view = compute_view(index, q, no_notes)
        assert (list(view.quotes), list(view.options), list(view.actors)) == ([], [], []), q


def test_query_errors_propagate(index: Index) -> None:
    with pytest.raises(QueryError):
        compute_view(index, "nope:x", no_notes)
