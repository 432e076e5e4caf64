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

    def counts(self, actor_key: str) -> tuple[int, int]:
        return self.quote_counts.get(actor_key, 0), self.option_counts.get(actor_key, 0)


def _hits(rows, query: Query, notes: NoteLookup) -> array:
    if query.empty:
        return array("i", range(len(rows)))
    match = query.matches
    return array("i", (i for i, row in enumerate(rows) if match(row, notes(row.id))))


def _count(rows, hits: array) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in hits:
        for key in rows[i].actor_keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


def compute_view(index: Index, query: Query | str, notes: NoteLookup, facet: str | None = None) -> View:
    """Rows to show for ``query``; ``facet`` (an actor key) narrows quotes and options.

    The actors pane lists the actors that match the query themselves plus the
    actors involved in the matching quotes and options; their counts are the
    matching quotes and options they are involved in.
    """
    if isinstance(query, str):
        query = parse(query)
    quotes = _hits(index.quotes, query, notes)
    options = _hits(index.options, query, notes)
    q_counts = _count(index.quotes, quotes)
    o_counts = _count(index.options, options)
    if query.empty:
        actors = array("i", range(len(index.actors)))
    else:
        involved = q_counts.keys() | o_counts.keys()
        match = query.matches
        actors = array(
            "i",
            (i for i, a in enumerate(index.actors) if a.id in involved or match(a, notes(a.id))),
        )
    if facet is not None:
        quotes = array("i", (i for i in quotes if facet in index.quotes[i].actor_keys))
        options = array("i", (i for i in options if facet in index.options[i].actor_keys))
    return View(query, facet, actors, quotes, options, q_counts, o_counts)
