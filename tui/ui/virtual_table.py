"""A virtualised, keyboard-driven table built on Textual's Line API.

Only the visible lines are ever rendered, so a table over a million row ids
costs the same as one over a hundred.  The caller owns the data: the table holds
an array of *row ids* (ints into the caller's data) and asks ``get_cells(row_id)``
for the cell values of the rows it is about to paint.

Header choice: the header is part of this widget.  Line ``y == 0`` of the
viewport always renders the column labels; viewport line ``y >= 1`` shows the
row at index ``scroll_offset.y + y - 1``.  The virtual height is therefore
``row_count + 1`` so that the last row can scroll fully into view under the
pinned header, and the ScrollView scrollbar / max scroll need no special
handling.  (This is the same trick DataTable uses for its fixed header.)

Cells are ``str`` (always literal text, never markup) or ``rich.text.Text``.

Repainting: a row's line is drawn once and kept (keyed by ``row_key(row_id)``, the
cursor, focus and zebra stripe) until ``refresh_rows()`` says the caller's data
changed.  ``set_rows`` repaints only the lines whose key differs from what is on
screen, so a filter that leaves the top rows in place sends nothing for them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Callable, ClassVar, Hashable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from tui.ui.columns import WHITESPACE, Column, cell_segments, compute_widths, fit_cell
from tui.ui.steady_scroll import SteadyScroll

__all__ = ["VirtualTable"]

_SEP = 1  # blank cells between columns
_GUTTER = 2  # marker column width (when a marker function is set)


class _RowMessage(Message):
    def __init__(self, table: VirtualTable, row_id: int | None) -> None:
        super().__init__()
        self.table = table
        self.row_id = row_id

    @property
    def control(self) -> VirtualTable:
        return self.table


class VirtualTable(SteadyScroll, can_focus=True):
    """A table that renders only its visible rows (see module docstring)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("k", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("ctrl+u", "page(-0.5)", "Half page up", show=False),
        Binding("ctrl+d", "page(0.5)", "Half page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("g", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "select", "Open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--cursor-blurred",
        "virtual-table--odd",
        "virtual-table--empty",
        "virtual-table--marker",
    }

    DEFAULT_CSS = """
    VirtualTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        & > .virtual-table--header { background: $panel; color: $foreground; text-style: bold; }
        & > .virtual-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: $block-cursor-text-style; }
        & > .virtual-table--cursor-blurred { background: $block-cursor-blurred-background; color: $block-cursor-blurred-foreground; text-style: $block-cursor-blurred-text-style; }
        /* .virtual-table--odd: unstyled by default; an app may set a zebra background. */
        & > .virtual-table--empty { color: $text-muted; text-style: italic; }
        & > .virtual-table--marker { color: $accent; }
    }
    """

    cursor: reactive[int] = reactive(-1, repaint=False, init=False)
    """Index into the shown rows of the cursor row (-1 when the table is empty)."""

    empty_text: reactive[str] = reactive("No entries")
    """Message shown (dim, centred) when there are no rows."""

    class Highlighted(_RowMessage):
        """The cursor moved to a different row (``row_id`` is None when the table emptied)."""

    class Selected(_RowMessage):
        """Enter (or a double click) on the cursor row; ``row_id`` is never None."""

    def __init__(
        self,
        columns: list[Column],
        *,
        get_cells: Callable[[int], Sequence[str | Text]],
        row_key: Callable[[int], Hashable] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self._get_cells = get_cells
        self._row_key = row_key or (lambda row_id: row_id)
        self._rows: Sequence[int] = array("q")
        self._marker: Callable[[int], str] | None = None
        self._line_cache: LRUCache[tuple, Strip] = LRUCache(256)
        self._version = 0  # bumped by refresh_rows(): every line is drawn anew
        self._painted: dict[int, tuple] = {}  # y -> key of the line last drawn there
        self._styles: dict[tuple[str, bool], Style] = {}  # component styles, until the CSS changes
        self._widths: tuple[int, list[int]] = (-1, [])
        self._last_highlighted: int | None = None

    # ----------------------------------------------------------------- data
    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row_id(self) -> int | None:
        cursor = self.cursor
        return int(self._rows[cursor]) if 0 <= cursor < len(self._rows) else None

    @property
    def row_ids(self) -> Sequence[int]:
        return self._rows

    def set_rows(self, row_ids: Sequence[int] | array, *, keep_cursor: bool = True) -> None:
        """Show ``row_ids`` (ascending); keep the cursor on the same row id if still present, else clamp.

        Only lines that now show something else are repainted."""
        old_id, old_index = self.cursor_row_id, self.cursor
        self._rows = row_ids
        new_index = 0
        if keep_cursor and old_id is not None:
            found = self.position_of(old_id)
            new_index = old_index if found is None else found
        self.set_scroll_height(len(self._rows) + 1)
        self.set_reactive(VirtualTable.cursor, self.validate_cursor(new_index))
        if not keep_cursor:
            self.scroll_to(y=0, animate=False)
        self._scroll_cursor_visible()
        self._refresh_changed()
        self._post_highlight()

    def position_of(self, row_id: int) -> int | None:
        """Where ``row_id`` is among the shown rows (they ascend: a bisection, not a scan)."""
        at = bisect_left(self._rows, row_id)
        return at if at < len(self._rows) and self._rows[at] == row_id else None

    def refresh_rows(self) -> None:
        """Repaint every line: the caller's data changed (same rows)."""
        self._version += 1
        self._line_cache.clear()
        self.refresh()

    def set_marker(self, fn: Callable[[int], str] | None) -> None:
        """Draw ``fn(row_id)`` (1-2 cells, e.g. "★") in a narrow first gutter column."""
        self._marker = fn
        self._widths = (-1, [])
        self.refresh_rows()

    # ------------------------------------------------------------- geometry
    @property
    def _page(self) -> int:
        """Number of row lines visible under the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _column_widths(self, width: int) -> list[int]:
        if self._widths[0] != width:
            available = width - _SEP * max(0, len(self.columns) - 1)
            if self._marker is not None:
                available -= _GUTTER + _SEP
            self._widths = (width, compute_widths(self.columns, available))
        return self._widths[1]

    def _scroll_cursor_visible(self) -> None:
        cursor, top = self.cursor, self.scroll_offset.y
        if cursor < 0:
            return
        if cursor < top:
            self.scroll_to(y=cursor, animate=False)
        elif cursor >= top + self._page:
            self.scroll_to(y=cursor - self._page + 1, animate=False)

    def _line_key(self, y: int, width: int, height: int) -> tuple:
        """What line ``y`` of a ``width`` x ``height`` viewport shows: equal keys, equal lines."""
        key: tuple
        index = self.scroll_offset.y + y - 1
        if y == 0:
            key = ("header",)
        elif not self._rows:
            key = ("message", self.empty_text) if y == max(1, height // 2) else ("blank",)
        elif index >= len(self._rows):
            key = ("blank",)
        else:
            is_cursor = index == self.cursor
            key = ("row", self._row_key(int(self._rows[index])), is_cursor, is_cursor and self.has_focus, index % 2)
        return (self._version, width, *key)

    def _refresh_changed(self) -> None:
        """Repaint the lines that would now show something else, as few regions as can be."""
        width, height = self.scrollable_content_region.size
        painted, start = self._painted, None
        for y in range(1, height + 1):
            changed = y < height and painted.get(y) != self._line_key(y, width, height)
            if changed and start is None:
                start = y
            elif not changed and start is not None:
                self.refresh(Region(0, start, width, y - start))
                start = None

    def _refresh_index(self, index: int) -> None:
        y = index - self.scroll_offset.y + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _on_resize(self, event: events.Resize) -> None:
        self._line_cache.clear()
        self.set_scroll_height(len(self._rows) + 1)
        self._scroll_cursor_visible()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._version += 1
        self._line_cache.clear()

    # --------------------------------------------------------------- cursor
    def validate_cursor(self, value: int) -> int:
        count = len(self._rows)
        return -1 if count == 0 else min(max(value, 0), count - 1)

    def watch_cursor(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self._scroll_cursor_visible()
        if self.scroll_offset.y == top:  # a scroll repaints everything anyway
            self._refresh_index(old)
            self._refresh_index(new)
        self._post_highlight()

    def _post_highlight(self) -> None:
        row_id = self.cursor_row_id
        if row_id != self._last_highlighted:
            self._last_highlighted = row_id
            self.post_message(self.Highlighted(self, row_id))

    def action_move(self, delta: int) -> None:
        if self._rows:
            self.cursor = self.cursor + delta

    def action_page(self, pages: float) -> None:
        step = max(1, int(self._page * abs(pages)))
        self.action_move(step if pages > 0 else -step)

    def action_first(self) -> None:
        self.action_move(-len(self._rows))

    def action_last(self) -> None:
        self.action_move(len(self._rows))

    def action_select(self) -> None:
        row_id = self.cursor_row_id
        if row_id is not None:
            self.post_message(self.Selected(self, row_id))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = self.scroll_offset.y + offset.y - 1
        if index < len(self._rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    # ------------------------------------------------------------ rendering
    def _style(self, name: str, partial: bool = False) -> Style:
        """A component style (or, for "", the widget's own), looked up once until the CSS changes
        (Textual's own cache of these is emptied by every refresh)."""
        found = self._styles.get((name, partial))
        if found is None:
            found = self.rich_style if not name else self.get_component_rich_style(name, partial=partial)
            self._styles[(name, partial)] = found
        return found

    def render_line(self, y: int) -> Strip:
        width, height = self.scrollable_content_region.size
        key = self._painted[y] = self._line_key(y, width, height)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._line_cache[key] = self._draw_line(y, key)
        return strip

    def _draw_line(self, y: int, key: tuple) -> Strip:
        """Draw line ``y`` as its key (see _line_key) says."""
        width, kind, base = key[1], key[2], self._style("")
        if kind == "header":
            return self._render_header(width, base)
        if kind == "blank":
            return Strip.blank(width, base)
        if kind == "message":
            text = Text(self.empty_text.translate(WHITESPACE), end="")
            text.truncate(width, overflow="ellipsis")
            line = Strip(text.render(self.app.console), text.cell_len)
            return line.text_align(width, "center").apply_style(base + self._style("virtual-table--empty"))
        index = self.scroll_offset.y + y - 1
        return self._render_row(int(self._rows[index]), width, base, index == self.cursor, index % 2 == 1)

    def _line(self, values: Sequence[object], lead: Text | None, width: int, style: Style) -> Strip:
        """One line of the table: ``lead`` (the marker gutter) and one fitted cell per column,
        a blank between each; one segment per run of the same style (fewer escape sequences)."""
        console = self.app.console
        gap = Segment(" " * _SEP)
        segments: list[Segment] = [*lead.render(console), gap] if lead is not None else []
        for i, (column, w) in enumerate(zip(self.columns, self._column_widths(width))):
            if i:
                segments.append(gap)
            segments += cell_segments(values[i] if i < len(values) else "", w, column.align, console)
        return Strip(Segment.simplify(segments)).adjust_cell_length(width).apply_style(style)

    def _render_header(self, width: int, base: Style) -> Strip:
        lead = Text(" " * _GUTTER) if self._marker is not None else None
        return self._line([c.label for c in self.columns], lead, width, base + self._style("virtual-table--header"))

    def _render_row(self, row_id: int, width: int, base: Style, is_cursor: bool, odd: bool) -> Strip:
        lead = None
        if self._marker is not None:
            lead = fit_cell(self._marker(row_id) or "", _GUTTER)
            if not is_cursor:
                lead.stylize(self._style("virtual-table--marker", partial=True))
        style = base
        if odd:
            style += self._style("virtual-table--odd", partial=True)
        if is_cursor:
            name = "virtual-table--cursor" if self.has_focus else "virtual-table--cursor-blurred"
            style += self._style(name)
        return self._line(self._get_cells(row_id), lead, width, style)
