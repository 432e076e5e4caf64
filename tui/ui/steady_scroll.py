"""A ScrollView whose scroll height changes without a screen layout.

Textual lays out the whole screen (and repaints every widget whose region it
touches, ~10-20 ms at 80x24) when a widget's virtual size is set, and again
when a scrollbar appears or goes.  The panes change their scroll height on
every filter keystroke, so they set it quietly instead: the scrollbar track is
always there (``overflow-y: scroll``: nothing appears, the columns never
shift), and the bar is repainted only when its thumb would look different.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar, ScrollBarRender


class SteadyScroll(ScrollView):
    DEFAULT_CSS = """
    SteadyScroll {
        overflow-x: hidden;
        overflow-y: scroll;
    }
    """

    # Textual's own code sets this too (on a resize); never a reason for a layout here.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def set_scroll_height(self, height: int) -> None:
        """Scroll over ``height`` lines; the caller repaints the lines whose content changed."""
        size = Size(self.size.width, height)
        if size == self.virtual_size:
            return
        self.set_reactive(SteadyScroll.virtual_size, size)
        had_scrollbar = self.show_vertical_scrollbar
        still = self.validate_scroll_y(self.scroll_y) == self.scroll_y  # not scrolled past the new end
        if had_scrollbar and still and self.styles.overflow_y == "scroll" and self._same_thumb(height):
            self.vertical_scrollbar.set_reactive(ScrollBar.window_virtual_size, height)
            return
        self._scroll_update(size)  # Textual's own update of scrollbar visibility and thumb
        if self.show_vertical_scrollbar != had_scrollbar:
            self.refresh(layout=True)  # overflow-y: auto in some stylesheet: the content got narrower or wider

    def _same_thumb(self, height: int) -> bool:
        """True if the scrollbar would look as it does now with ``height`` lines to scroll."""
        bar = self.vertical_scrollbar

        def look(virtual_size: int) -> list[tuple]:
            segments = ScrollBarRender.render_bar(size=bar.size.height, virtual_size=virtual_size,
                                                  window_size=bar.window_size, position=bar.position)
            # not the styles themselves: each carries mouse actions under a new link id
            return [(s.text, s.style.color, s.style.bgcolor, s.style.reverse) for s in segments.segments]

        return look(bar.window_virtual_size) == look(height)
