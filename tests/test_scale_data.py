"""Data-layer pieces of working at scale: refining the previous hits, cancelling stale
filter work, and progress while a store opens."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.data.index import Index
from tui.data.loader import load_index
from tui.data.store import load_store, sample_store_path
from tui.data.view import Cancelled, compute_view, refinable

SAMPLE = Index(load_store(sample_store_path()))
WORDS = ["nato", "russia", "strike", "the", "sanction", "ukraine", "said", "korea", "a", "minister", "weapon"]


def _same(a, b) -> None:
    assert (list(a.actors), list(a.quotes), list(a.options)) == (list(b.actors), list(b.quotes), list(b.options))
    assert (a.quote_counts, a.option_counts) == (b.quote_counts, b.option_counts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), st.integers(0, 2),
       st.sampled_from(["", "kind:state ", "actor:", "-russia ", "is:direct "]))
def test_typing_a_query_letter_by_letter_refines_to_the_same_view_as_from_scratch(words, cut, prefix):
    text = prefix + " ".join(words)
    previous = None
    for end in range(1, len(text) + 1):  # every prefix typed, as a user types it
        partial = text[:end]
        try:
            view = compute_view(SAMPLE, partial, lambda _id: None, previous=previous)
        except ValueError:  # an unfinished qualifier such as "kind:" is an error while typing
            continue
        _same(view, compute_view(SAMPLE, partial, lambda _id: None))
        previous = view
    shorter = text[: max(1, len(text) - cut)]  # and deleting characters widens it again
    try:
        _same(compute_view(SAMPLE, shorter, lambda _id: None, previous=previous),
              compute_view(SAMPLE, shorter, lambda _id: None))
    except ValueError:
        pass


def test_only_narrowing_text_queries_are_refined():
    base = compute_view(SAMPLE, "nat", lambda _id: None)
    from tui.data.query import parse

    assert refinable(base, SAMPLE, parse("nato"), None)
    assert refinable(base, SAMPLE, parse("nat russia"), None)
    assert not refinable(base, SAMPLE, parse("na"), None)  # wider
    assert not refinable(base, SAMPLE, parse("nato"), "some-actor")  # a facet changes the counts
    assert not refinable(base, SAMPLE, parse("nat is:starred"), None)  # annotations may have changed
    assert not refinable(base, Index(load_store(sample_store_path())), parse("nato"), None)  # another index


def test_a_cancelled_computation_stops():
    with pytest.raises(Cancelled):
        compute_view(SAMPLE, "nato", lambda _id: None, cancelled=lambda: True)


def test_progress_rises_to_one_while_a_store_opens(tmp_path):
    import orjson

    store = tmp_path / "s.jsonl"
    lines = [orjson.dumps({"id": f"a{n}", "title": f"T {n}", "text": f"Para {n}.", "actors": [], "quotes": [],
                           "options": []}) for n in range(5000)]
    store.write_bytes(b"\n".join(lines) + b"\n")
    seen: list[float] = []
    index = load_index(store, progress=seen.append)
    assert len(index.articles) == 5000
    assert seen == sorted(seen) and seen[0] == 0.0 and seen[-1] == 1.0 and len(seen) > 4


TERMS = ["nato", "-nato", "russia", "-russia", "actor:rutte", "-actor:russia", "article:wire", "-article:a",
         "is:direct", "is:reported", "status:prop", "kind:state", "-kind:person", '"said the"', "the", "-the", "ä"]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(TERMS + ["long-range", '"air defence"', "nato's", "kyiv", "é", "-"]),
                min_size=1, max_size=4), st.sampled_from([(2048, 1), (0, 1), (0, 0)]))
def test_column_matching_gives_exactly_the_rows_query_matches_gives(terms, limits):
    """With the word index used for every term (small _FEW), for narrow ones only, and never."""
    from tui.data import view as view_module
    from tui.data.query import parse

    query = parse(" ".join(terms))
    saved = view_module._FEW, view_module._POSTINGS_PER_ROW
    view_module._FEW, view_module._POSTINGS_PER_ROW = limits
    try:
        view = compute_view(SAMPLE, query, lambda _id: None)
    finally:
        view_module._FEW, view_module._POSTINGS_PER_ROW = saved
    for kind, hits in (("quotes", view.quotes), ("options", view.options)):
        rows = getattr(SAMPLE, kind)
        assert list(hits) == [i for i, row in enumerate(rows) if query.matches(row, None)]
    counts = {}
    for i in view.quotes:
        for key in SAMPLE.quotes[i].actor_keys:
            counts[key] = counts.get(key, 0) + 1
    assert view.quote_counts == counts


def test_the_word_index_finds_rows_by_any_part_of_any_word():
    from tui.data.words import WordIndex

    words = WordIndex.build(["nato said\nkyiv", "the natural gas", "", "région île", "nato nato"])
    assert words.rows_with("nato", 100) == [0, 4]
    assert words.rows_with("nat", 100) == [0, 1, 4]
    assert words.rows_with("gion", 100) == [3] and words.rows_with("île", 100) == [3]
    assert words.rows_with("zzz", 100) == []
    assert words.rows_with("a", 2) is None  # more postings than the budget: scan instead


@pytest.mark.parametrize("text", ["nato's", "long-range", '"air defence"', "-nato's", "kyiv", "-kyiv", "ukraine's"])
def test_terms_beyond_one_word_are_checked_against_the_text(text, monkeypatch):
    from tui.data import view as view_module
    from tui.data.query import parse

    monkeypatch.setattr(view_module, "_FEW", 0)
    query = parse(text)
    view = compute_view(SAMPLE, query, lambda _id: None)
    assert list(view.quotes) == [i for i, r in enumerate(SAMPLE.quotes) if query.matches(r, None)]
    assert list(view.options) == [i for i, r in enumerate(SAMPLE.options) if query.matches(r, None)]


def test_the_counts_without_a_filter_are_each_actors_own():
    from tui.data.view import _count

    view = compute_view(SAMPLE, "", lambda _id: None)
    assert view.quote_counts == _count(SAMPLE, "quotes", view.quotes)
    assert view.option_counts == _count(SAMPLE, "options", view.options)
