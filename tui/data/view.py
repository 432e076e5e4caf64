"""Which rows each pane shows for a query and an actor facet, with counts.

Pure data: the UI asks for a :class:`View` and renders it.  Every term is
answered for a whole pane at once as a mask (see :mod:`tui.data.search`); the
masks are ANDed, and the per-actor counts are one ``bincount``.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from tui.data.query import ANNOTATION_FIELDS, Query, parse

if TYPE_CHECKING:  # numpy and the search come with the first store, not before the first frame
    import numpy as np

    from tui.data.index import Index

NoteLookup = Callable[[str], object | None]


class Cancelled(Exception):
    """A newer query replaced this one before it was done."""


@dataclass(slots=True)
class View:
    query: Query
    facet: str | None
    actors: Sequence[int]  # row numbers, ascending (an array or a memoryview of int32)
    quotes: Sequence[int]
    options: Sequence[int]
    quote_counts: dict[str, int] = field(default_factory=dict)
    option_counts: dict[str, int] = field(default_factory=dict)
    query_text: str = ""  # the text ``query`` was parsed from, set by the caller
    index: Index | None = None  # what it was computed over
    # for refining: per quotes and options, (hit mask, per-actor counts array, hit count)
    found: tuple | None = field(default=None, repr=False, compare=False)

    def counts(self, actor_key: str) -> tuple[int, int]:
        return self.quote_counts.get(actor_key, 0), self.option_counts.get(actor_key, 0)


def _rows(hits: np.ndarray) -> memoryview:
    """The row numbers as a sequence of Python ints, without a copy beyond the narrowing one
    (an ``array`` took a second copy of up to 400k numbers on every keystroke)."""
    import numpy as np

    return memoryview(hits.astype(np.int32))


def _hits(index: Index, kind: str, query: Query, notes: NoteLookup, noted, among: np.ndarray,
          cancelled) -> np.ndarray:
    """The mask of the rows of ``kind`` that ``query`` matches, among ``among``."""
    from tui.data.search import term_mask

    for term, (negated, predicate) in zip(query.terms, query.predicates):
        if cancelled is not None and cancelled():
            raise Cancelled
        found = term_mask(index, kind, term, predicate, among, notes, noted, cancelled)
        among = among & (~found if negated else found)
    return among


def refinable(previous: View | None, index: Index, query: Query, facet: str | None) -> bool:
    """True if ``query``'s hits are among ``previous``'s, so only those need testing."""
    return (previous is not None and previous.found is not None and previous.index is index
            and facet is None and previous.facet is None and not previous.query.empty and query.narrows(previous.query)
            and not any(t.field in ANNOTATION_FIELDS for t in query.terms))


def _counts(index: Index, kind: str, mask: np.ndarray, hits: np.ndarray, within=None) -> np.ndarray:
    """How many rows of ``mask`` each actor is involved in (an array by actor position);
    ``within``: the previous query's (mask, counts, hit count), when ``mask`` narrows it."""
    from tui.data.index import KINDS

    return index.cols[f"{KINDS[kind]}.actors"].counts_in(mask, len(index.actors), hits, within)


def _by_key(index: Index, counts: np.ndarray) -> dict[str, int]:
    import numpy as np

    return {index.actors[n].id: int(counts[n]) for n in np.flatnonzero(counts)}


def compute_view(index: Index, query: Query | str, notes: NoteLookup, facet: str | None = None, *,
                 previous: View | None = None, cancelled: Callable[[], bool] | None = None,
                 noted: Mapping[str, object] | None = None) -> View:
    """Rows to show for ``query``; ``facet`` (an actor key) narrows quotes and options.

    The actors pane lists the actors that match the query themselves plus the
    actors involved in the matching quotes and options; their counts are the
    matching quotes and options they are involved in.

    ``noted`` maps every annotated entry's id to its annotation: with it, the
    annotation terms test only those entries (without it, every row's
    ``notes(id)``).  With ``previous`` (the view on screen) a narrowing query
    only re-tests the previous hits; ``cancelled`` is asked now and then, and
    raises Cancelled.
    """
    if isinstance(query, str):
        query = parse(query)
    if not index.actors and not index.quotes and not index.options:  # before numpy: the first frame
        return View(query, facet, array("i"), array("i"), array("i"), index=index)
    import numpy as np

    refine = refinable(previous, index, query, facet)
    if refine and previous.query.narrows(query):  # the same hits, spelled otherwise ("kind:st", "kind:sta")
        return replace(previous, query=query)
    found, hits = [], []
    for i, kind in enumerate(("quotes", "options")):
        within = previous.found[i] if refine else None  # its counts: refined queries are never empty
        among = np.ones(len(getattr(index, kind)), dtype=bool) if within is None else within[0]
        mask = among if query.empty else _hits(index, kind, query, notes, noted, among, cancelled)
        rows = np.flatnonzero(mask)
        counts = None if query.empty else _counts(index, kind, mask, rows, within)
        found.append((mask, counts, len(rows)))
        hits.append(rows)
    if query.empty:  # every row: the counts are each actor's own
        q_counts = {a.id: len(a.quotes) for a in index.actors if len(a.quotes)}
        o_counts = {a.id: len(a.options) for a in index.actors if len(a.options)}
        actors = array("i", range(len(index.actors)))
    else:
        q_counts, o_counts = (_by_key(index, counts) for _, counts, _ in found)
        involved = q_counts.keys() | o_counts.keys()
        match = query.matches
        actors = array("i", (i for i in (previous.actors if refine else range(len(index.actors)))
                             if (a := index.actors[i]).id in involved or match(a, notes(a.id))))
    if facet is not None:  # counts stay those of the whole query: the actors pane is not faceted
        pos = index.actor_pos.get(facet)
        hits = [rows[index.cols[f"act.{kind}"].union([] if pos is None else [pos], len(mask))[rows]]
                for kind, (mask, _, _), rows in zip(("quotes", "options"), found, hits)]
    quotes, options = map(_rows, hits)
    return View(query, facet, actors, quotes, options, q_counts, o_counts, index=index, found=tuple(found))
