"""The detail pane's text: wrapped to its width, scrolled, repainting only changed lines.

A ``Static`` repaints all of itself on every update, and a text whose height
follows its content makes Textual lay out the whole screen whenever the number
of lines changes (the next actor has a longer role, a quote has a note).  This
widget keeps the wrapped lines, scrolls over them itself (see
:mod:`tui.ui.steady_scroll`: a new height is no layout) and on an update
refreshes only the lines on screen that differ.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.strip import Strip

from tui.ui.columns import same_text
from tui.ui.steady_scroll import SteadyScroll


class DetailBody(SteadyScroll):
    def __init__(self, text: Text, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self._wrapped: tuple[int, list[Text]] = (-1, [])

    def lines(self, width: int | None = None) -> list[Text]:
        """The text wrapped to ``width`` (by default the width it is shown at)."""
        width = self.scrollable_content_region.width if width is None else width
        if self._wrapped[0] != width:
            lines = list(self.text.wrap(self.app.console, max(1, width)))
            for line in lines:
                line.rstrip()  # a highlight ends with its last word, not at the edge
            self._wrapped = (width, lines)
        return self._wrapped[1]

    def update(self, text: Text) -> None:
        if same_text(text, self.text):
            return
        width, height = self.scrollable_content_region.size
        before = self.lines(width) if width > 0 else []
        self.text = text
        self._wrapped = (-1, [])
        if width <= 0:
            self.refresh()
            return
        after = self.lines(width)
        self.set_scroll_height(len(after))
        top = self.scroll_offset.y
        for y in range(height):
            old = before[top + y] if top + y < len(before) else None
            new = after[top + y] if top + y < len(after) else None
            if old != new:
                self.refresh(Region(0, y, width, 1))

    def _on_resize(self, event: events.Resize) -> None:
        self.set_scroll_height(len(self.lines()))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        return self.strip(self.scroll_offset.y + y, width)

    def strip(self, n: int, width: int) -> Strip:
        """Line ``n`` of the wrapped text, ``width`` cells wide (blank past the end)."""
        lines = self.lines(width)
        style = self.rich_style
        if not 0 <= n < len(lines):
            return Strip.blank(width, style)
        line = lines[n]
        segments = Segment.simplify(line.render(self.app.console))
        return Strip(segments, line.cell_len).adjust_cell_length(width, style).apply_style(style)
