"""Actors, quotes and options of a whole store, with cross references, as columns.

The index holds every row in a few arrays (see :mod:`tui.data.index_build` for
what they are), opened from the index cache by memory map or built from a store;
``index.quotes[n]`` makes the :class:`~tui.data.rows.QuoteRow` of row ``n`` when
it is asked for, so only the rows on screen ever become Python objects.  Each row
carries a stable id (derived from the article id and the entry's own text, so it
survives the store being re-generated) and the canonical actors it involves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Sequence

from tui.data.rows import ARTICLE_FIELDS, ActorRow, ArticleRecord, OptionRow, QuoteRow, entry_id, find_paragraph
from tui.data.store import Store

if TYPE_CHECKING:  # numpy comes with the first store opened, not before the first frame
    import numpy as np

    from tui.data.columns import Texts
    from tui.data.index_build import Columns

__all__ = ["ActorRow", "Index", "OptionRow", "QuoteRow", "entry_id", "find_paragraph"]

KINDS = {"quotes": "q", "options": "o"}
_PANE_COLUMNS = ("id", "id_sorted", "id_order", "article", "text", "paragraph", "actors", "haystack", "words",
                 "postings", "chars")
COLUMNS = frozenset(
    [f"art.{f}" for f in (*ARTICLE_FIELDS, "key", "body", "origin", "extracted")]
    + [f"act.{f}" for f in ("quotes", "options", "articles")]
    + [f"{p}.{f}" for p in KINDS.values() for f in _PANE_COLUMNS]
    + [f"q.{f}" for f in ("speaker", "speaker_values", "speaker_key", "direct", "cue", "cue_values")]
    + [f"o.{f}" for f in ("holder", "holder_values", "holder_keys", "status", "status_values", "evidence",
                          "evidence_values")])


class Index:
    """Build with ``Index(store)``; :mod:`tui.data.index_cache` opens a saved one
    (``from_cache`` tells which)."""

    def __init__(self, store: Store, progress: Callable[[float], None] | None = None):
        from tui.data.index_build import build_columns

        meta, cols = build_columns(store, progress)
        self._open(store.path, store.skipped, store.files, meta, cols)
        self.from_cache = False

    @classmethod
    def from_columns(cls, path: Path, skipped: list[str], files: list[Path], meta: dict, cols: Columns) -> Index:
        index = cls.__new__(cls)
        index._open(path, skipped, files, meta, cols)
        index.from_cache = True
        return index

    @classmethod
    def empty(cls, path: Path) -> Index:
        """An index of no articles, for the first frame while a store is opened."""
        index = cls.__new__(cls)
        index.meta, index.cols, index.from_cache = {"actors": []}, {}, False
        index.articles, index.actors, index.actor_pos = [], [], {}
        index.quotes, index.options = [], []
        index.store = Store(Path(path), [], [], [])
        return index

    def _open(self, path: Path, skipped: list[str], files: list[Path], meta: dict, cols: Columns) -> None:
        if not COLUMNS <= cols.keys():
            raise KeyError(f"columns missing: {sorted(COLUMNS - cols.keys())}")
        self.meta, self.cols = meta, cols
        self.articles = ArticleTable(cols, list(files))
        self.store = Store(Path(path), self.articles, list(skipped), list(files))  # type: ignore[arg-type]
        self.actors: list[ActorRow] = []
        for n, (key, name, kind, role, aliases) in enumerate(meta["actors"]):
            names = "\n".join([name, *aliases]).lower()
            self.actors.append(ActorRow(key, name, kind, role, tuple(aliases), f"{names}\n{role.lower()}", names,
                                        cols["act.articles"][n], cols["act.quotes"][n], cols["act.options"][n]))
        self.actor_pos: dict[str, int] = {a.id: n for n, a in enumerate(self.actors)}
        self.quotes = RowTable(self, "q", self._quote)
        self.options = RowTable(self, "o", self._option)

    # -- rows ----------------------------------------------------------------------------
    def _involved(self, p: str, n: int) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
        rows = [self.actors[int(i)] for i in self.cols[f"{p}.actors"][n]]
        return (tuple(r.id for r in rows), "\n".join(r.names for r in rows),
                tuple(dict.fromkeys(r.kind for r in rows)))

    def _quote(self, n: int) -> QuoteRow:
        c = self.cols
        keys, names, kinds = self._involved("q", n)
        speaker_key = int(c["q.speaker_key"][n])
        paragraph = int(c["q.paragraph"][n])
        article = int(c["q.article"][n])
        return QuoteRow(c["q.id"][n].decode(), article, c["q.text"][n], c["q.speaker_values"][int(c["q.speaker"][n])],
                        None if speaker_key < 0 else self.actors[speaker_key].id, bool(c["q.direct"][n]),
                        c["q.cue_values"][int(c["q.cue"][n])], None if paragraph < 0 else paragraph, keys, names, kinds,
                        c["art.key"][article])

    def _option(self, n: int) -> OptionRow:
        c = self.cols
        keys, names, kinds = self._involved("o", n)
        paragraph = int(c["o.paragraph"][n])
        article = int(c["o.article"][n])
        return OptionRow(c["o.id"][n].decode(), article, c["o.text"][n], c["o.holder_values"][int(c["o.holder"][n])],
                         tuple(self.actors[int(i)].id for i in c["o.holder_keys"][n]),
                         c["o.status_values"][int(c["o.status"][n])], c["o.evidence_values"][int(c["o.evidence"][n])],
                         None if paragraph < 0 else paragraph, keys, names, kinds, c["art.key"][article])

    def haystack(self, kind: str, n: int) -> str:
        """What free text matches in row ``n`` of ``kind`` (lower case), without making the row."""
        return self.cols[f"{KINDS[kind]}.haystack"][n]

    def names(self, kind: str, n: int) -> str:
        """The names of the actors row ``n`` involves, one per line (what ``actor:`` matches)."""
        return self._involved(KINDS[kind], n)[1]

    # -- lookups for the UI ----------------------------------------------------------------
    def actor(self, key: str | None) -> ActorRow | None:
        pos = self.actor_pos.get(key or "")
        return None if pos is None else self.actors[pos]

    def said_by(self, key: str, limit: int) -> list[QuoteRow]:
        """The first ``limit`` quotes the actor ``key`` speaks (not only is mentioned in)."""
        pos = self.actor_pos.get(key)
        if pos is None:
            return []
        mine = self.actors[pos].quotes
        return [self.quotes[int(n)] for n in mine[self.cols["q.speaker_key"][mine] == pos][:limit]]

    def row_number(self, kind: str, entry_id: str) -> int | None:
        """Where the entry ``entry_id`` is in ``kind`` ("actors", "quotes" or "options")."""
        if kind == "actors":
            return self.actor_pos.get(entry_id)
        return self.rows_of(kind, [entry_id]).get(entry_id)

    def rows_of(self, kind: str, ids) -> dict[str, int]:
        """The row numbers in ``kind`` ("quotes" or "options") of those ``ids`` that are its rows."""
        import numpy as np

        p = KINDS[kind]
        ordered, order = self.cols[f"{p}.id_sorted"], self.cols[f"{p}.id_order"]
        wanted = {i: i.encode("utf-8", "surrogatepass") for i in ids if i.startswith(f"{p}:")}
        wanted = {i: b for i, b in wanted.items() if len(b) <= ordered.itemsize}
        if not wanted or not len(ordered):
            return {}
        keys = np.array(list(wanted.values()), dtype=ordered.dtype)
        at = np.minimum(np.searchsorted(ordered, keys), len(ordered) - 1)
        return {i: int(order[a]) for i, a, hit in zip(wanted, at, ordered[at] == keys) if hit}

    def by_id(self) -> dict[str, object]:
        out: dict[str, object] = {r.id: r for r in self.actors}
        out.update((r.id, r) for r in self.quotes)
        out.update((r.id, r) for r in self.options)
        return out


class _OnDemand(Sequence):
    """A sequence whose items are made when asked for (``_make(n)``), with Python's indexing;
    the last few hundred made are kept (the rows on screen and around them)."""

    _recent: dict[int, object]

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, n):  # type: ignore[override]
        if isinstance(n, slice):
            return [self[i] for i in range(*n.indices(self._len))]
        if n < 0:
            n += self._len
        if not 0 <= n < self._len:
            raise IndexError(n)
        return self._get(n)

    def __iter__(self) -> Iterator:
        return (self._make(n) for n in range(self._len))

    def _get(self, n: int):
        row = self._recent.get(n)
        if row is None:
            if len(self._recent) >= 512:
                self._recent.clear()
            row = self._recent[n] = self._make(n)
        return row


class RowTable(_OnDemand):
    """The rows of one entry pane, made on demand from the index's columns."""

    def __init__(self, index: Index, prefix: str, make: Callable[[int], object]) -> None:
        self.prefix, self._make = prefix, make
        self._len = len(index.cols[f"{prefix}.article"])
        self._recent = {}


class ArticleTable(_OnDemand):
    """Every article's metadata, made on demand; bodies are read when asked for."""

    def __init__(self, cols: Columns, files: list[Path]) -> None:
        self._texts: list[Texts] = [cols[f"art.{f}"] for f in ARTICLE_FIELDS]
        self._body: Texts = cols["art.body"]
        self._origin: np.ndarray = cols["art.origin"]
        self._extracted: np.ndarray = cols["art.extracted"]
        self._files = files
        self._len = len(self._extracted)
        self._recent = {}

    def _make(self, n: int) -> ArticleRecord:
        number, offset, length = (int(v) for v in self._origin[n])
        origin = (number, offset, length) if number >= 0 else None
        return ArticleRecord(*(t[n] for t in self._texts), origin, bool(self._extracted[n]),
                             None if origin else self._body[n], self._files)
