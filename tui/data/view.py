"""Which rows each pane shows for a query and an actor facet, with counts.

Pure data: the UI asks for a :class:`View` and renders it.  Every term is
answered for a whole pane at once as a mask (see :mod:`tui.data.search`); the
masks are ANDed, and the per-actor counts are one ``bincount``.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

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
    actors: array
    quotes: array
    options: array
    quote_counts: dict[str, int] = field(default_factory=dict)
    option_counts: dict[str, int] = field(default_factory=dict)
    query_text: str = ""  # the text ``query`` was parsed from, set by the caller
    index: Index | None = None  # what it was computed over

    def counts(self, actor_key: str) -> tuple[int, int]:
        return self.quote_counts.get(actor_key, 0), self.option_counts.get(actor_key, 0)


def _rows(mask: np.ndarray) -> array:
    import numpy as np

    return array("i", np.flatnonzero(mask).astype(np.int32).tobytes())


def _mask(rows: array, size: int) -> np.ndarray:
    import numpy as np

    mask = np.zeros(size, dtype=bool)
    mask[np.frombuffer(rows, dtype=np.int32) if len(rows) else []] = True
    return mask


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
    return (previous is not None and previous.index is index and facet is None and previous.facet is None
            and not previous.query.empty and query.narrows(previous.query)
            and not any(t.field in ANNOTATION_FIELDS for t in query.terms))


def _counts(index: Index, kind: str, mask: np.ndarray) -> dict[str, int]:
    import numpy as np

    from tui.data.index import KINDS

    involved = index.cols[f"{KINDS[kind]}.actors"]
    counts = np.bincount(involved.values[mask[involved.owners()]], minlength=len(index.actors))
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
    import numpy as np

    if isinstance(query, str):
        query = parse(query)
    if not index.actors and not index.quotes and not index.options:
        return View(query, facet, array("i"), array("i"), array("i"), index=index)
    refine = refinable(previous, index, query, facet)
    masks = []
    for kind in ("quotes", "options"):
        size = len(getattr(index, kind))
        among = _mask(getattr(previous, kind), size) if refine else np.ones(size, dtype=bool)
        masks.append(among if query.empty else _hits(index, kind, query, notes, noted, among, cancelled))
    if query.empty:  # every row: the counts are each actor's own
        q_counts = {a.id: len(a.quotes) for a in index.actors if len(a.quotes)}
        o_counts = {a.id: len(a.options) for a in index.actors if len(a.options)}
        actors = array("i", range(len(index.actors)))
    else:
        q_counts, o_counts = _counts(index, "quotes", masks[0]), _counts(index, "options", masks[1])
        involved = q_counts.keys() | o_counts.keys()
        match = query.matches
        actors = array("i", (i for i in (previous.actors if refine else range(len(index.actors)))
                             if (a := index.actors[i]).id in involved or match(a, notes(a.id))))
    if facet is not None:  # counts stay those of the whole query: the actors pane is not faceted
        pos = index.actor_pos.get(facet)
        masks = [mask & index.cols[f"act.{kind}"].union([] if pos is None else [pos], len(mask))
                 for kind, mask in zip(("quotes", "options"), masks)]
    return View(query, facet, actors, _rows(masks[0]), _rows(masks[1]), q_counts, o_counts, index=index)
