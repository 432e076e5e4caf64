"""The detail pane's text, repainting only the lines that change.

A ``Static`` repaints all of itself on every update; moving the cursor from one
actor to the next changes a few lines of the detail (name, counts) and leaves
the rest (labels, key hints) as they were.  This widget wraps its text to its
width, keeps the lines, and on an update refreshes only the lines that differ —
and asks for a layout only when the number of lines changes.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


class DetailBody(Widget):
    DEFAULT_CSS = "DetailBody { height: auto; }"

    def __init__(self, text: Text, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self._wrapped: tuple[int, list[Text]] = (-1, [])

    def _lines(self, width: int) -> list[Text]:
        if self._wrapped[0] != width:
            lines = list(self.text.wrap(self.app.console, max(1, width)))
            for line in lines:
                line.rstrip()  # a highlight ends with its last word, not at the edge
            self._wrapped = (width, lines)
        return self._wrapped[1]

    def update(self, text: Text) -> None:
        width = self.content_region.width
        before = self._lines(width) if width > 0 else []
        self.text = text
        self._wrapped = (-1, [])
        if width <= 0:
            self.refresh(layout=True)
            return
        after = self._lines(width)
        if len(after) != len(before):
            self.refresh(layout=True)
            return
        changed = [Region(0, y, self.size.width, 1) for y, (old, new) in enumerate(zip(before, after)) if old != new]
        if changed:
            self.refresh(*changed)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        lines = self._lines(width)
        style = self.rich_style
        if not 0 <= y < len(lines):
            return Strip.blank(width, style)
        line = lines[y]
        segments = Segment.simplify(line.render(self.app.console))
        return Strip(segments, line.cell_len).adjust_cell_length(width, style).apply_style(style)
