"""Which rows each pane shows for a query and an actor facet, with counts.

Pure data: the UI asks for a :class:`View` and renders it.
"""

from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain
from typing import Callable

from tui.data.index import Index
from tui.data.query import ANNOTATION_FIELDS, Query, kind_value, parse
from tui.data.words import WORD

NoteLookup = Callable[[str], object | None]


@dataclass(slots=True)
class View:
    query: Query
    facet: str | None
    actors: array
    quotes: array
    options: array
    quote_counts: dict[str, int] = field(default_factory=dict)
    option_counts: dict[str, int] = field(default_factory=dict)
    query_text: str = ""  # the text ``query`` was parsed from, set by the caller
    index: Index | None = None  # what it was computed over

    def counts(self, actor_key: str) -> tuple[int, int]:
        return self.quote_counts.get(actor_key, 0), self.option_counts.get(actor_key, 0)


class Cancelled(Exception):
    """A newer query replaced this one before it was done."""


_CHUNK = 4096  # rows between two looks at ``cancelled``
_POSTINGS_PER_ROW = 1  # past this many postings to merge per row, testing each row is cheaper
_FEW = 2048  # so few rows are tested directly


def _chunks(ids, cancelled):
    """``ids`` a slice at a time, raising Cancelled between slices once ``cancelled()``."""
    for begin in range(0, len(ids), _CHUNK):
        if cancelled is not None and cancelled():
            raise Cancelled
        yield ids[begin:begin + _CHUNK]


def _every(ids, rows: int) -> bool:
    return isinstance(ids, range) and len(ids) == rows


def _text_hits(index: Index, kind: str, value: str, negated: bool, ids, cancelled) -> list[int]:
    """Rows among ``ids`` whose haystack holds ``value`` (or not, if ``negated``)."""
    blob, starts = index.haystacks(kind)
    find = blob.find
    rows = len(starts) - 1
    words = WORD.findall(value)
    if words and len(ids) > _FEW:  # look the longest word up in the word index
        longest = max(words, key=len)
        found = index.words(kind).rows_with(longest, budget=rows * _POSTINGS_PER_ROW)
        if found is not None:
            if not _every(ids, rows):
                among = set(ids)
                found = [i for i in found if i in among]
            if longest != value:  # "long-range", a phrase: the word only found candidates
                found = [i for i in found if find(value, starts[i], starts[i + 1]) >= 0]
            if not negated:
                return found
            hit = set(found)
            return [i for i in ids if i not in hit]
    kept: list[int] = []  # a broad term, or few rows: test each row's stretch of the haystacks
    for chunk in _chunks(ids, cancelled):
        if negated:
            kept += [i for i in chunk if find(value, starts[i], starts[i + 1]) < 0]
        else:
            kept += [i for i in chunk if find(value, starts[i], starts[i + 1]) >= 0]
    return kept


def _actor_hits(index: Index, kind: str, term, ids) -> list[int]:
    """Rows among ``ids`` involving (or, negated, not involving) an actor the term names or
    of the kind it names: the union of those actors' rows, not a scan of every row."""
    if term.field == "kind":
        wanted = kind_value(term)
        actors = [a for a in index.actors if a.kind == wanted]
    else:
        actors = [a for a in index.actors if term.value in a.names]
    found: set[int] = set()
    for actor in actors:
        found.update(getattr(actor, kind))
    if term.negated:
        return [i for i in ids if i not in found]
    if _every(ids, len(getattr(index, kind))):
        return sorted(found)
    return [i for i in ids if i in found]


def _column_hits(column: list[str], value: str, negated: bool, ids, cancelled) -> list[int]:
    """Rows among ``ids`` whose string in ``column`` holds ``value`` (or not)."""
    kept: list[int] = []
    for chunk in _chunks(ids, cancelled):
        if negated:
            kept += [i for i in chunk if value not in column[i]]
        else:
            kept += [i for i in chunk if value in column[i]]
    return kept


def _hits(index: Index, kind: str, query: Query, notes: NoteLookup, candidates=None, cancelled=None) -> array:
    """The rows of ``kind`` that ``query`` matches.  Free text, ``actor:``, ``kind:`` and
    ``article:`` are answered for all rows at once (word index, the actors' own rows, one
    column); the other terms test row objects, only among the rows left."""
    rows = getattr(index, kind)
    if query.empty:
        return array("i", range(len(rows)))
    ids = range(len(rows)) if candidates is None else candidates
    other = []
    for term, predicate in zip(query.terms, query.predicates):
        if cancelled is not None and cancelled():
            raise Cancelled
        value, field = term.value.lower(), term.field
        if field is None:
            ids = _text_hits(index, kind, value, term.negated, ids, cancelled)
        elif field == "kind" or (field == "actor" and "\n" not in value):
            ids = _actor_hits(index, kind, term, ids)
        elif field in ("actor", "article"):  # an actor: value spanning two names ("a\nb")
            ids = _column_hits(index.column(kind, "names" if field == "actor" else "article_key"),
                               value, term.negated, ids, cancelled)
        else:
            other.append(predicate)
    if other:
        def match(row) -> bool:
            note = notes(row.id)
            return all(pred(row, note) != negated for negated, pred in other)
        kept = []
        for chunk in _chunks(ids, cancelled):
            kept += [i for i in chunk if match(rows[i])]
        ids = kept
    return ids if isinstance(ids, array) else array("i", ids)


def refinable(previous: View | None, index: Index, query: Query, facet: str | None) -> bool:
    """True if ``query``'s hits are among ``previous``'s, so only those need testing."""
    return (previous is not None and previous.index is index and facet is None and previous.facet is None
            and not previous.query.empty and query.narrows(previous.query)
            and not any(t.field in ANNOTATION_FIELDS for t in query.terms))


def _count(index: Index, kind: str, hits: array) -> dict[str, int]:
    keys = index.column(kind, "actor_keys")
    return dict(Counter(chain.from_iterable(map(keys.__getitem__, hits))))


def compute_view(index: Index, query: Query | str, notes: NoteLookup, facet: str | None = None, *,
                 previous: View | None = None, cancelled: Callable[[], bool] | None = None) -> View:
    """Rows to show for ``query``; ``facet`` (an actor key) narrows quotes and options.

    The actors pane lists the actors that match the query themselves plus the
    actors involved in the matching quotes and options; their counts are the
    matching quotes and options they are involved in.

    With ``previous`` (the view on screen) a narrowing query only re-tests the
    previous hits; ``cancelled`` is asked now and then, and raises Cancelled.
    """
    if isinstance(query, str):
        query = parse(query)
    refine = refinable(previous, index, query, facet)
    quotes = _hits(index, "quotes", query, notes, previous.quotes if refine else None, cancelled)
    options = _hits(index, "options", query, notes, previous.options if refine else None, cancelled)
    if query.empty:  # every row: the counts are each actor's own
        q_counts = {a.id: len(a.quotes) for a in index.actors if a.quotes}
        o_counts = {a.id: len(a.options) for a in index.actors if a.options}
        actors = array("i", range(len(index.actors)))
    else:
        q_counts = _count(index, "quotes", quotes)
        o_counts = _count(index, "options", options)
        involved = q_counts.keys() | o_counts.keys()
        match = query.matches
        actors = array("i", (i for i in (previous.actors if refine else range(len(index.actors)))
                             if (a := index.actors[i]).id in involved or match(a, notes(a.id))))
    if facet is not None:
        quotes = array("i", (i for i in quotes if facet in index.quotes[i].actor_keys))
        options = array("i", (i for i in options if facet in index.options[i].actor_keys))
    return View(query, facet, actors, quotes, options, q_counts, o_counts, index=index)
