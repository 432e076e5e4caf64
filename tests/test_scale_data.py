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
         "is:direct", "is:reported", "status:prop", "kind:state", "-kind:person", '"said the"', "the", "-the", "ä",
         "a", "-e", "z", "7", "_", "is:starred", "-is:starred", "tag:esc", "is:option", "-is:quote", "status:under",
         "'", ".", "’", ",", "(", "-'"]


class _Note:
    def __init__(self, star: bool = False, tags: frozenset = frozenset()) -> None:
        self.star, self.tags, self.note, self.risk, self.likelihood = star, tags, "", "", ""


NOTED = {row.id: _Note(n % 2 == 0, frozenset({"escalation"}) if n % 3 == 0 else frozenset())
         for n, row in enumerate([*SAMPLE.quotes[::5], *SAMPLE.options[::4]])}
EMPTY = _Note()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TERMS + ["long-range", '"air defence"', "nato's", "kyiv", "é", "-", "u.s."]),
                min_size=1, max_size=4), st.sampled_from([8, 0, 10**9]), st.booleans())
def test_column_matching_gives_exactly_the_rows_query_matches_gives(terms, scan_share, noted):
    """Every path of the column search — word index, letter masks, phrases checked one by one
    or by one pass over the text, annotations looked up by id or row by row — agrees with
    testing each row with ``Query.matches``."""
    from tui.data import columns
    from tui.data.query import parse

    query = parse(" ".join(terms))
    notes = lambda entry_id: NOTED.get(entry_id, EMPTY)  # noqa: E731
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columns, "SCAN_SHARE", scan_share)
        view = compute_view(SAMPLE, query, notes, noted=NOTED if noted else None)
    for kind, hits in (("quotes", view.quotes), ("options", view.options)):
        rows = getattr(SAMPLE, kind)
        assert list(hits) == [i for i, row in enumerate(rows) if query.matches(row, notes(row.id))]
    counts = {}
    for i in view.quotes:
        for key in SAMPLE.quotes[i].actor_keys:
            counts[key] = counts.get(key, 0) + 1
    assert view.quote_counts == counts


def test_the_word_index_finds_rows_by_any_part_of_any_word():
    from tui.data.words import build_words, rows_with_word

    words = build_words(["nato said\nkyiv", "the natural gas", "", "région île", "nato nato 7"])

    def rows(term: str) -> list[int]:
        return rows_with_word(*words, term).nonzero()[0].tolist()

    assert rows("nato") == [0, 4]
    assert rows("nat") == [0, 1, 4]
    assert rows("gion") == [3] and rows("île") == [3]
    assert rows("zzz") == [] and rows("q") == []
    assert rows("a") == [0, 1, 4] and rows("7") == [4] and rows("é") == [3]  # letter masks and postings

    from tui.data.words import rows_with_char

    chars = build_words(["it's", "a-b", "no marks"])[2]
    assert rows_with_char(chars, "'").nonzero()[0].tolist() == [0]
    assert rows_with_char(chars, "-").nonzero()[0].tolist() == [1]
    assert rows_with_char(chars, "~") is None  # no bit: the caller searches the text


@pytest.mark.parametrize("text", ["nato's", "long-range", '"air defence"', "-nato's", "kyiv", "-kyiv", "ukraine's"])
@pytest.mark.parametrize("scan_share", [0, 10**9])
def test_terms_beyond_one_word_are_checked_against_the_text(text, scan_share, monkeypatch):
    from tui.data import columns
    from tui.data.query import parse

    monkeypatch.setattr(columns, "SCAN_SHARE", scan_share)
    query = parse(text)
    view = compute_view(SAMPLE, query, lambda _id: None)
    assert list(view.quotes) == [i for i, r in enumerate(SAMPLE.quotes) if query.matches(r, None)]
    assert list(view.options) == [i for i, r in enumerate(SAMPLE.options) if query.matches(r, None)]


def test_the_counts_without_a_filter_are_each_actors_own():
    import numpy as np

    from tui.data.view import _by_key, _counts

    view = compute_view(SAMPLE, "", lambda _id: None)
    for kind, counts in (("quotes", view.quote_counts), ("options", view.option_counts)):
        mask = np.zeros(len(getattr(SAMPLE, kind)), dtype=bool)
        mask[list(getattr(view, kind))] = True
        assert counts == _by_key(SAMPLE, _counts(SAMPLE, kind, mask, np.flatnonzero(mask)))
