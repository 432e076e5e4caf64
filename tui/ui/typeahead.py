"""Type-ahead over SSH: keys arrive in bursts and are queued at the widget that
had focus when they arrived.  When an earlier key in the burst moved focus (enter
in the filter bar, "/" in a pane), the later keys must follow it.  A widget that
receives a key after it has lost focus hands the key back to the app, which
dispatches it again: bindings first, then the widget that has focus now.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


def follow_focus(widget: Widget, event: events.Key) -> bool:
    """Re-dispatch ``event`` through the app if ``widget`` no longer has focus."""
    if widget.app.focused is widget or not widget.is_attached:
        return False
    event.stop()
    event.prevent_default()
    widget.app.post_message(events.Key(event.key, event.character))
    return True
