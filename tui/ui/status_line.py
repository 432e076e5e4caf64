"""One line of status text, drawn with the Line API.

The left half of the status bar changes on every filter keystroke (the query, the
counts).  A Static takes the new text through Textual's content pipeline and
re-renders it (~0.5 ms at 80 columns, a tenth of a keystroke's repaint); this
draws the text's segments straight onto one strip, once per change.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from tui.data.sanitize import clean
from tui.ui.columns import same_text


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._strip: Strip | None = None

    @property
    def content(self) -> Text:
        """The text shown."""
        return self._text

    def update(self, text: Text) -> None:
        """Show ``text`` (styled spans, never markup) on the line, cut with "…" if too long."""
        if same_text(text, self._text):
            return
        self._text = text
        self._strip = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strip = None

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        style = self.rich_style
        if y:
            return Strip.blank(width, style)
        if self._strip is None or self._strip.cell_length != width:
            console = self.app.console
            base = style + console.get_style(self._text.style) if self._text.style else style
            segments = [Segment(_one_line(s.text), base + s.style if s.style else base)
                        for s in self._text.render(console, end="") if s.text]
            strip = Strip(segments)
            if strip.cell_length > width > 0:  # cut, and say so
                strip = Strip.join([strip.crop(0, width - 1), Strip([Segment("…", style)], 1)])
            self._strip = strip.adjust_cell_length(width, style)
        return self._strip


def _one_line(text: str) -> str:
    """``text`` safe for the terminal (a store's file name, a pasted query) and on one line."""
    return clean(text).replace("\n", " ").replace("\t", " ")
