"""Which rows of a pane one filter term matches, for all rows at once.

Each function answers with a boolean mask over the pane's rows, exact within
``among`` (the rows still in the running; outside it the answer does not matter,
as the caller ANDs it away).  Free text goes through the word index, ``actor:``
and ``kind:`` through the actors' own rows, ``article:`` through a search of the
article keys, ``status:`` and ``is:direct`` through columns, and the annotation
terms through the annotated rows only.  What no index can answer (a phrase, a
term with punctuation) is checked row by row among the candidates the index
leaves, a slice at a time so a newer query can cancel it.
"""

from __future__ import annotations

from typing import Callable, Mapping

import numpy as np

from tui.data.columns import slices
from tui.data.index import KINDS, Index
from tui.data.query import Predicate, Term, is_value, kind_value, status_value
from tui.data.view import Cancelled
from tui.data.words import WORD, candidates, rows_with_char, rows_with_word

ROW_FLAGS = {"direct", "reported", "quote", "option", "actor"}  # is: values that do not depend on notes


def checked(rows: np.ndarray, test: Callable[[int], bool], size: int,
            cancelled: Callable[[], bool] | None) -> np.ndarray:
    """A mask of the ``rows`` (numbers) for which ``test`` holds."""
    mask = np.zeros(size, dtype=bool)
    for chunk in slices(rows, cancelled, Cancelled):
        mask[[n for n in chunk.tolist() if test(n)]] = True
    return mask


def term_mask(index: Index, kind: str, term: Term, predicate: Predicate, among: np.ndarray,
              notes: Callable[[str], object], noted: Mapping[str, object] | None,
              cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Rows of ``kind`` that ``term`` matches (ignoring its negation), exact within ``among``."""
    cols, p, size = index.cols, KINDS[kind], len(among)
    field, value = term.field, term.value.lower()
    if field is None:
        words = (cols[f"{p}.words"], cols[f"{p}.postings"], cols[f"{p}.chars"])
        if len(value) == 1 and (found := rows_with_char(cols[f"{p}.chars"], value)) is not None:
            return found
        if WORD.fullmatch(value):
            return rows_with_word(*words, value)
        found = candidates(*words, value)
        return cols[f"{p}.haystack"].holding(value, among if found is None else found & among, cancelled, Cancelled)
    if field in ("actor", "kind") and "\n" not in value:
        if field == "kind":
            wanted = kind_value(term)
            actors = [n for n, a in enumerate(index.actors) if a.kind == wanted]
        else:
            actors = [n for n, a in enumerate(index.actors) if value in a.names]
        return cols[f"act.{kind}"].union(actors, size)
    if field == "actor":  # a value spanning two names ("a\nb"): only the joined names can tell
        return checked(np.flatnonzero(among), lambda n: value in index.names(kind, n), size, cancelled)
    if field == "article":
        articles = np.zeros(len(index.articles), dtype=bool)
        articles[cols["art.key"].containing(value)] = True
        return articles[cols[f"{p}.article"]]
    if field == "status":
        if kind != "options":
            return np.zeros(size, dtype=bool)
        statuses = cols["o.status_values"]
        wanted = status_value(term)
        return np.isin(cols["o.status"], [n for n in range(len(statuses)) if statuses[n] == wanted])
    if field == "is" and (flag := is_value(term)) in ROW_FLAGS:
        if flag in ("quote", "option", "actor"):
            return np.full(size, flag == kind[:-1], dtype=bool)
        if kind != "quotes":
            return np.zeros(size, dtype=bool)  # an option is neither direct nor reported
        direct = cols["q.direct"]
        return direct.copy() if flag == "direct" else ~direct
    # annotation terms: only annotated rows can match, so only they are tested
    rows = index.quotes if kind == "quotes" else index.options
    if noted is None:
        return checked(np.flatnonzero(among), lambda n: predicate(rows[n], notes(rows[n].id)), size, cancelled)
    mask = np.zeros(size, dtype=bool)
    for entry_id, n in index.rows_of(kind, noted).items():
        mask[n] = predicate(rows[n], noted[entry_id])
    return mask
