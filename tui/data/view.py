"""Which rows each pane shows for a query and an actor facet, with counts.

Pure data: the UI asks for a :class:`View` and renders it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Callable

from tui.data.index import Index
from tui.data.query import Query, parse

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


_ANNOTATION_FIELDS = frozenset({"tag", "is", "risk", "likelihood"})  # hits change when annotations do
_CHUNK = 4096  # rows between two looks at ``cancelled``


def _hits(rows, query: Query, notes: NoteLookup, candidates=None, cancelled=None) -> array:
    if query.empty:
        return array("i", range(len(rows)))
    match = query.matches
    ids = range(len(rows)) if candidates is None else candidates
    out = array("i")
    for start in range(0, len(ids), _CHUNK):
        if cancelled is not None and cancelled():
            raise Cancelled
        out.extend(i for i in ids[start:start + _CHUNK] if match(rows[i], notes(rows[i].id)))
    return out


def refinable(previous: View | None, index: Index, query: Query, facet: str | None) -> bool:
    """True if ``query``'s hits are among ``previous``'s, so only those need testing."""
    return (previous is not None and previous.index is index and facet is None and previous.facet is None
            and not previous.query.empty and query.narrows(previous.query)
            and not any(t.field in _ANNOTATION_FIELDS for t in query.terms))


def _count(rows, hits: array) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in hits:
        for key in rows[i].actor_keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


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
    quotes = _hits(index.quotes, query, notes, previous.quotes if refine else None, cancelled)
    options = _hits(index.options, query, notes, previous.options if refine else None, cancelled)
    q_counts = _count(index.quotes, quotes)
    o_counts = _count(index.options, options)
    if query.empty:
        actors = array("i", range(len(index.actors)))
    else:
        involved = q_counts.keys() | o_counts.keys()
        match = query.matches
        actors = array("i", (i for i in (previous.actors if refine else range(len(index.actors)))
                             if (a := index.actors[i]).id in involved or match(a, notes(a.id))))
    if facet is not None:
        quotes = array("i", (i for i in quotes if facet in index.quotes[i].actor_keys))
        options = array("i", (i for i in options if facet in index.options[i].actor_keys))
    return View(query, facet, actors, quotes, options, q_counts, o_counts, index=index)
