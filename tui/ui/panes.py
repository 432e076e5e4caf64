"""The three list panes: actors, quotes and options, each a VirtualTable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import events
from textual.content import Content
from textual.geometry import Region

from tui.ui.typeahead import follow_focus
from tui.ui.columns import Column
from tui.ui.virtual_table import VirtualTable

if TYPE_CHECKING:
    from tui.data.index import Index

KIND_SHORT = {"person": "person", "organization": "org", "state": "state", "group": "group"}
STATUS_SHORT = {
    "proposed": "proposed",
    "under discussion": "discussed",
    "adopted": "adopted",
    "rejected": "rejected",
    "in place": "in place",
}


def marker_for(note) -> str:
    """★ starred, ✎ annotated otherwise, blank when nothing."""
    if note is None:
        return ""
    if note.star:
        return "★"
    if note.note or note.tags or note.risk or note.likelihood:
        return "✎"
    return ""


class EntryPane(VirtualTable):
    """A list pane over one kind of index rows."""

    kind = ""
    title = ""
    COLUMNS: list[Column] = []

    def __init__(self, index: Index, notes: Callable[[str], object], *, id: str) -> None:
        super().__init__(self.COLUMNS, get_cells=self._cells, row_key=self.row_key, id=id)
        self._index = index
        self._fit_columns()
        self.notes = notes
        self.set_marker(lambda row_id: marker_for(notes(self.rows_of(self.index)[row_id].id)))
        self.border_title = self.title

    @property
    def index(self) -> Index:
        return self._index

    @index.setter
    def index(self, index: Index) -> None:
        self._index = index
        self._fit_columns()
        self.refresh_rows()  # the same row ids are other entries now

    def row_key(self, row_id: int):
        """What a row's cells depend on, besides the index and annotations (see refresh_rows)."""
        return row_id

    def rows_of(self, index: Index) -> list:
        return getattr(index, self.kind)

    def entry(self, row_id: int | None):
        return None if row_id is None else self.rows_of(self.index)[row_id]

    @property
    def current(self):
        return self.entry(self.cursor_row_id)

    def set_counts(self, shown: int) -> None:
        total = len(self.rows_of(self.index))
        title = f"{self.title} {shown}/{total}" if shown != total else f"{self.title} {total}"
        if title != self.border_title:
            # What the border_title setter stores, but only the top border line is repainted:
            # the setter repaints every line of the pane, on every filter keystroke.
            self._border_title = Content(title)
            left, top = self.content_offset
            self.refresh(Region(-left, -top, self.outer_size.width, 1))

    async def _on_key(self, event: events.Key) -> None:
        if not follow_focus(self, event):
            await super()._on_key(event)

    NARROW_HIDE: tuple[str, ...] = ()  # column keys dropped when the pane is narrow
    NARROW_BELOW = 60
    _narrow = False

    def on_resize(self, event) -> None:
        self._narrow = event.size.width < self.NARROW_BELOW
        self._fit_columns()  # VirtualTable's own resize handler repaints every line

    def all_columns(self) -> list[Column]:
        """The columns for this index, before the narrow ones are dropped."""
        return self.COLUMNS

    def _fit_columns(self) -> None:
        """Take the columns this index and width call for (the caller repaints)."""
        wanted = [c for c in self.all_columns() if not (self._narrow and c.key in self.NARROW_HIDE)]
        if wanted != self.columns:
            self.columns = wanted
            self._widths = (-1, [])

    def _cells(self, row_id: int) -> list:
        values = self.cells(row_id)
        return [values[c.key] for c in self.columns]

    def cells(self, row_id: int) -> dict:
        raise NotImplementedError


def short_count(n: int) -> str:
    """``n`` in at most four characters: 999, 1.2k, 25k, 400k, 1.2M (the detail has it exactly)."""
    if n < 1000:
        return str(n)
    for unit, size in (("k", 1e3), ("M", 1e6), ("G", 1e9)):
        scaled = n / size
        text = f"{scaled:.1f}" if scaled < 9.95 else f"{scaled:.0f}"
        if len(text) <= 3:
            break
    return text.removesuffix(".0") + unit


class ActorsPane(EntryPane):
    kind = "actors"
    title = "Actors"
    COLUMNS = [
        Column("name", "Name", None, ratio=3, min_width=8),
        Column("kind", "Kind", 6),
        Column("role", "Role", None, ratio=3, min_width=4),
        Column("q", "Q", 3, min_width=2, align="right"),
        Column("o", "O", 3, min_width=2, align="right"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts: Callable[[str], tuple[int, int]] = lambda key: (0, 0)

    def row_key(self, row_id: int):
        return row_id, self.counts(self.index.actors[row_id].id)

    def all_columns(self) -> list[Column]:
        # as wide as the store's largest count (filtered counts are never larger): 3, or 4 for "1.2k"
        most = max((max(len(a.quotes), len(a.options)) for a in self.index.actors), default=0)
        width = max(3, len(short_count(most)))
        return [c._replace(width=width) if c.key in ("q", "o") else c for c in self.COLUMNS]

    def cells(self, row_id: int) -> dict:
        a = self.index.actors[row_id]
        q, o = self.counts(a.id)
        return {"name": a.name, "kind": KIND_SHORT.get(a.kind, a.kind), "role": a.role, "q": short_count(q),
                "o": short_count(o)}


class QuotesPane(EntryPane):
    kind = "quotes"
    title = "Quotes"
    COLUMNS = [
        Column("speaker", "Speaker", None, ratio=1, min_width=8),
        Column("how", "", 1, min_width=1),
        Column("text", "Statement", None, ratio=3, min_width=10),
        Column("source", "Source", None, ratio=1, min_width=4),
    ]

    NARROW_HIDE = ("source",)

    def cells(self, row_id: int) -> dict:
        q = self.index.quotes[row_id]
        speaker = q.speaker or Text("(unnamed)", style="italic dim")
        how = Text("“", style="bold") if q.direct else Text("~", style="dim")
        article = self.index.articles[q.article]
        return {"speaker": speaker, "how": how, "text": q.text, "source": article.source or article.id}


class OptionsPane(EntryPane):
    kind = "options"
    title = "Options"
    COLUMNS = [
        Column("text", "Option", None, ratio=3, min_width=10),
        Column("holder", "Holder", None, ratio=1, min_width=6),
        Column("status", "Status", 9, min_width=4),
    ]

    def cells(self, row_id: int) -> dict:
        o = self.index.options[row_id]
        return {"text": o.text, "holder": o.holder or Text("—", style="dim"),
                "status": STATUS_SHORT.get(o.status, o.status)}
