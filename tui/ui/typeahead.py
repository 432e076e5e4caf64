"""Type-ahead over SSH: keys arrive in bursts and must take effect in the order
they were typed.

Keys are queued at the widget that had focus when they arrived.  When an earlier
key in the burst moved focus (enter in the filter bar, "/" in a pane), the later
keys must follow it: a widget that receives a key after it has lost focus hands
the key back to the app, which dispatches it again (``follow_focus``).

Textual runs an app-level priority binding (s, n, t, u, /, …) as soon as the app
reads the key, while keys read before it (j, k, tab) are still on their way
through the focused pane — their bindings run when they have bubbled back up to
the app.  So "j j s" starred the row *before* the two moves.  ``KeyOrder`` makes
such a key wait its turn: a marker follows the path the earlier keys take (the
focused widget's queue, then each ancestor's, then the app's) and the key is
handled when the marker arrives.  Keys read meanwhile are held and handled after
it, in order, so the text typed after "n" or "/" still lands in the dialog or the
filter bar that key opens.
"""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.widget import Widget


def follow_focus(widget: Widget, event: events.Key) -> bool:
    """Re-dispatch ``event`` through the app if ``widget`` no longer has focus."""
    if widget.app.focused is widget or not widget.is_attached:
        return False
    event.stop()
    event.prevent_default()
    widget.app.post_message(events.Key(event.key, event.character))
    return True


class KeyOrder:
    """A mixin for the App (before ``App`` in the bases)."""

    _held_keys: list[events.Key] | None = None  # read while a key waits its turn

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            focused = self.focused
            if focused is not None and self._app_priority_key(event.key):
                self._held_keys = []
                self._follow_queued_keys([focused, *focused.ancestors], 0, event)
                return
        await super().on_event(event)

    def keys_are_text(self) -> bool:
        """True while the app's own keys are off (the app says when), a cheap first test."""
        return False

    def _app_priority_key(self, key: str) -> bool:
        if self.keys_are_text():
            return False
        active = self.screen.active_bindings.get(key)
        return active is not None and active.enabled and active.binding.priority and active.node is self

    def _follow_queued_keys(self, path: list[DOMNode], step: int, event: events.Key) -> None:
        """Hop through ``path`` (focused widget … app), each hop queued behind what is there."""
        node = path[step]
        if node is self:
            self.call_later(self._handle_in_turn, event)
        elif not node.call_later(self._follow_queued_keys, path, step + 1, event):
            self._follow_queued_keys(path, step + 1, event)  # that widget has gone: on to its parent

    async def _handle_in_turn(self, event: events.Key) -> None:
        try:
            await super().on_event(event)
        finally:
            held, self._held_keys = self._held_keys or [], None
            for key in held:
                self.post_message(key)
