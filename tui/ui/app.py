"""The briefing dashboard: panes, filter bar, annotation keys.

The app only renders and dispatches; filtering, annotations and export live in
``tui.data``.
"""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.reactive import Reactive
from textual.containers import Container, Horizontal
from textual.widgets import Footer, Input, Static

from tui import startup_gc
from tui.data.annotations import AnnotationStore
from tui.data.index import Index
from tui.data.query import QueryError, parse
from tui.data.view import View, compute_view
from tui.ui import detail
from tui.ui.annotate import AnnotateActions
from tui.ui.fetch import FetchActions
from tui.ui.filtering import Filtering
from tui.ui.loading import Loader, StoreLoading
from tui.ui.help import HelpScreen
from tui.ui.typeahead import KeyOrder, follow_focus
from tui.ui.panes import ActorsPane, EntryPane, OptionsPane, QuotesPane
from tui.ui.status_line import StatusLine
from tui.ui.virtual_table import VirtualTable


class FilterInput(Input):
    """The filter bar; escape clears it, enter returns to the panes."""

    # Input sets its virtual width on every keystroke; as a layout reactive that re-arranged
    # the whole screen per key.  The bar's own size never depends on it (one line, 1fr), so
    # a repaint of the bar is enough.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def watch_value(self, value: str) -> None:
        # At once, on this widget's turn: the Changed message would reach the app only
        # after bubbling through the screen's queue.
        self.app.filter_changed(value)

    async def _on_key(self, event: events.Key) -> None:
        # enter and escape are handled here, in queue order with the typed
        # characters, so a burst like "rutte<enter>j" over SSH stays in order.
        if follow_focus(self, event):
            return
        if event.key in ("enter", "escape"):
            event.stop()
            event.prevent_default()
            app = self.app
            app.action_filter_done() if event.key == "enter" else app.action_clear_filter()
            return
        await super()._on_key(event)


# The first frame is written to the terminal by Textual's writer thread; a loader started at
# once (importing numpy, mapping the cache) competes with it for the interpreter and delayed
# the frame by ~0.1 s.  It starts this long after the first refresh instead.
FIRST_FRAME = 0.05

# Textual's own app actions the dashboard uses (quit keys, Tab focus, the command palette).
# Everything else Textual offers (screenshot, simulate_key, push_screen, toggle_dark …) is denied.
_TEXTUAL_ACTIONS = frozenset({"quit", "help_quit", "focus_next", "focus_previous", "command_palette", "bell",
                              "hide_help_panel", "suspend_process"})


class BriefingApp(KeyOrder, AnnotateActions, FetchActions, StoreLoading, Filtering, App):
    CSS_PATH = "briefing.tcss"
    TITLE = "briefing-tui"
    AUTO_FOCUS = "#actors"  # not the filter bar first (each focus change restyles a widget)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    # Priority bindings are handled by the app, after the keys typed before them
    # (typeahead.KeyOrder) and before the keys after them reach a pane, so
    # type-ahead after "/" lands in the filter bar.  check_action turns them off
    # while a text field or a dialog has the keyboard.
    BINDINGS = [
        Binding("slash", "filter", "Filter", id="filter", priority=True),
        Binding("n", "note", "Note", id="note", priority=True),
        Binding("N", "note_in_editor", "Note in $EDITOR", show=False, id="note_editor", priority=True),
        Binding("t", "tags", "Tags", id="tags", priority=True),
        Binding("s", "star", "Star", id="star", priority=True),
        Binding("a", "assess", "Assess", show=False, id="assess", priority=True),
        Binding("u", "undo", "Undo", id="undo", priority=True),
        Binding("e", "export", "Export", id="export", priority=True),
        Binding("f", "fetch", "Fetch", id="fetch", priority=True),
        Binding("x", "clear_facet", "Clear actor", show=False, id="clear_facet", priority=True),
        Binding("escape", "back", "Back", show=False, id="back", priority=True),
        Binding("question_mark", "help", "Help", id="help", priority=True),
        Binding("f1", "help", "Help", show=False, id="help_f1", priority=True),
        Binding("q", "quit", "Quit", id="quit", priority=True),
    ]
    ACTIONS = {  # action -> (title for the palette and help, description)
        "filter": ("Filter", "Filter every pane with the query language"),
        "note": ("Note", "Write a note on the selected entry (ctrl+s saves)"),
        "note_in_editor": ("Note in $EDITOR", "Edit the selected entry's note in $VISUAL/$EDITOR"),
        "tags": ("Tags", "Set the selected entry's tags, with completion"),
        "star": ("Star", "Star or unstar the selected entry"),
        "assess": ("Assess option", "Set escalation risk and likelihood of the selected option"),
        "undo": ("Undo", "Undo your last annotation change"),
        "export": ("Export memo", "Write a Markdown briefing memo of starred and annotated entries"),
        "fetch": ("Fetch from the web", "Fetch article pages or an RSS/Atom feed into the store"),
        "clear_facet": ("Clear actor facet", "Show every actor's quotes and options again"),
        "help": ("Help", "Show every key and the filter language"),
        "quit": ("Quit", "Leave briefing-tui"),
    }

    clock = staticmethod(time.localtime)  # how "saved HH:MM:SS" reads the time; fixed in snapshot tests

    def __init__(self, index: Index, annotations: AnnotationStore, *, store_name: str = "",
                 keymap: dict[str, str] | None = None, export_dir: Path | None = None, poll: float = 1.0,
                 fetch_policy=None, loader: Loader | None = None):
        super().__init__()
        self.index = index
        self.notes = annotations
        self.store_name = store_name or str(index.store.path)
        self.keymap_overrides = keymap or {}
        self.export_dir = export_dir or Path.cwd()
        self.poll_interval = poll
        self._fetch_policy = fetch_policy  # None: the default one (see FetchActions.fetch_policy)
        self.loader = loader  # if given, the store is opened after the first frame
        if loader is not None:
            self.loading = 0.0  # the first frame already says so
        self.query_text = ""
        self.query_error = ""
        self.filtering = False
        self._status_right = Text()
        self.facet: str | None = None
        self.view: View = compute_view(index, "", annotations.get)
        self.active_pane_id = "actors"
        # the app-level actions it offers: its own, and Textual's few it relies on
        own = {name[len("action_"):] for klass in type(self).__mro__ if klass.__module__.startswith("tui.")
               for name in vars(klass) if name.startswith("action_")}
        self._offered = frozenset(own | set(self.ACTIONS) | _TEXTUAL_ACTIONS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in self._offered:
            return False  # e.g. "app.screenshot" from a link in hostile text: never run
        if (action in self.ACTIONS or action == "back") and self.keys_are_text():
            return False
        return True

    def keys_are_text(self) -> bool:
        """A dialog, the help screen or a text field has the keyboard: the app's keys are off."""
        # (a TextArea only ever appears in a dialog)
        return len(self.screen_stack) > 1 or isinstance(self.focused, Input)

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="status"):
            yield StatusLine(id="status-left")
            yield Static(id="status-right")
        yield FilterInput(placeholder="filter: words, \"phrase\", actor:, kind:, tag:, is:starred, status:, -neg",
                          id="filter", select_on_focus=False)  # reopening keeps the cursor at the end
        self._panes = (ActorsPane(self.index, self.notes.get, id="actors"),
                       QuotesPane(self.index, self.notes.get, id="quotes"),
                       OptionsPane(self.index, self.notes.get, id="options"))
        with Container(id="grid"):
            yield from self._panes
            yield detail.DetailPane(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        self.query_one("#detail").border_title = "Detail"
        self.actors_pane.counts = self.view.counts
        self._apply_view(keep_cursor=False)
        self.actors_pane.focus()
        for warning in self.notes.warnings:
            self.notify(warning, severity="warning", markup=False, timeout=8)
        if self.notes.read_only:
            self.notify(f"Annotations are read-only: {self.notes.read_only_reason}", severity="error",
                        markup=False, timeout=10)
        self._update_status()
        if self.poll_interval:
            self.set_interval(self.poll_interval, self._poll_annotations)
        self.call_after_refresh(startup_gc.resume)
        if self.loader is not None:  # once the first frame is out (see FIRST_FRAME)
            self.call_after_refresh(self.set_timer, FIRST_FRAME, lambda: self.start_loading(self.loader))

    @property
    def actors_pane(self) -> ActorsPane:
        return self._panes[0]

    @property
    def panes(self) -> tuple[EntryPane, ...]:
        return self._panes

    @property
    def active_pane(self) -> EntryPane:
        """The focused pane, or the one focused last (while the filter bar or detail has focus).
        Read from the focus itself: the focus message may still be on its way."""
        focused = self.focused
        if isinstance(focused, EntryPane) and focused.id != self.active_pane_id:
            self.active_pane_id = focused.id
        return self.query_one(f"#{self.active_pane_id}", EntryPane)

    # ------------------------------------------------------------ filtering
    def filter_changed(self, value: str) -> None:
        """The text in the filter bar changed (typed, pasted, deleted or set)."""
        try:
            query = parse(value)
        except QueryError as exc:
            self.query_error = f"{exc.message} (column {exc.column})"
            self._update_status()
            return
        self.query_error = ""
        self.query_text = value
        self._apply_view(query=query)

    def action_filter_done(self) -> None:
        """Enter in the filter bar: keep the filter, go back to the panes."""
        if not self.query_one("#filter", FilterInput).value.strip():
            self.action_clear_filter()
        else:
            self.set_focus(self.active_pane)

    def action_filter(self) -> None:
        bar = self.query_one("#filter", FilterInput)
        bar.display = True
        self.set_focus(bar)  # synchronously, so type-ahead after "/" lands in the bar
        bar.cursor_position = len(bar.value)

    def action_clear_filter(self) -> None:
        bar = self.query_one("#filter", FilterInput)
        bar.value = ""
        bar.display = False
        self.query_error = ""
        if self.query_text:
            self.query_text = ""
            self._apply_view()
        self.set_focus(self.active_pane)

    def action_clear_facet(self) -> None:
        if self.facet is not None:
            self.facet = None
            self._apply_view()

    def action_back(self) -> None:
        if isinstance(self.focused, detail.DetailPane):
            self.active_pane.focus()
        elif self.facet is not None:
            self.action_clear_facet()
        elif self.query_text or self.query_one("#filter").display:
            self.action_clear_filter()

    # ------------------------------------------------------------ selection
    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, EntryPane):
            self.active_pane_id = event.widget.id
            self._show_detail()

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        if event.table.id == self.active_pane_id:
            try:
                self._show_detail()
            except NoMatches:  # a highlight still queued while the app closes and its panes go
                pass

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        if event.table.id == "actors":
            self.facet = self.index.actors[event.row_id].id
            self._apply_view()
            self.query_one("#quotes").focus()
        else:
            self.query_one("#detail").focus()

    def current_entry(self):
        return self.active_pane.current

    def _show_detail(self) -> None:
        entry = self.current_entry()
        pane = self.query_one("#detail", detail.DetailPane)
        if entry is None:
            pane.show(Text("Nothing selected", style="dim"))
            return
        note = self.notes.get(entry.id)
        if entry.etype == "quote":
            text = detail.render_quote(self.index, entry, note)
        elif entry.etype == "option":
            text = detail.render_option(self.index, entry, note)
        else:
            text = detail.render_actor(self.index, entry, note, self.view.counts(entry.id))
        pane.show(text)
        pane.scroll_home(animate=False)

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_table()))

    def key_table(self) -> list[tuple[str, str]]:
        rows = []
        bindings = self._bindings.copy()  # Textual applies the keymap to copies only
        if self._keymap:
            bindings.apply_keymap(self._keymap)
        for key, binding in bindings:  # honours remapped keys
            if binding.action in self.ACTIONS:
                rows.append((binding.key_display or self.get_key_display(binding), self.ACTIONS[binding.action][1]))
        seen: dict[str, list[str]] = {}
        for key, what in rows:
            seen.setdefault(what, []).append(key)
        return [(" / ".join(keys), what) for what, keys in seen.items()]

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        for action, (title, help) in self.ACTIONS.items():
            yield SystemCommand(title, help, getattr(self, f"action_{action}"))

    # ---------------------------------------------------------------- status
    def _poll_annotations(self) -> None:
        if self.notes.reload():
            self._after_change()

    def _update_status(self) -> None:
        left = Text()
        left.append(self.store_name, style="bold")
        if self.loading is not None:
            left.append(f" · loading {self.loading:4.0%} ", style="bold")
            left.append("━" * round(self.loading * 12), style="bold").append("━" * (12 - round(self.loading * 12)), style="dim")
        else:
            left.append(f" · {len(self.index.articles)} articles", style="dim")
        if self.facet is not None:
            actor = self.index.actor(self.facet)
            left.append("  actor: ", style="bold").append(f" {actor.name if actor else self.facet} ", style="reverse")
            left.append(" x clears", style="dim")
        if self.query_error:
            left.append("  filter error: ", style="bold red").append(self.query_error, style="red")
        elif self.filtering and self.query_text:
            left.append("  filter: ", style="bold").append(self.query_text).append(" …", style="dim")
        elif self.query_text:
            v = self.view
            left.append("  filter: ", style="bold").append(self.query_text)
            left.append(f" → {len(v.actors)} actors · {len(v.quotes)} quotes · {len(v.options)} options", style="dim")
        right = Text()
        if self.fetch_progress:
            right.append("⇣ " + self.fetch_progress + "  ", style="bold")
        if self.notes.read_only:
            right.append("⚠ read-only", style="bold red")
        elif self.notes.last_saved:
            right.append("✓ saved " + time.strftime("%H:%M:%S", self.clock(self.notes.last_saved)), style="green")
        else:
            right.append("no changes", style="dim")
        # the left part fills what the right leaves: a new text there needs no layout (which would
        # repaint every pane); the right part is as wide as its text
        self.query_one("#status-left", StatusLine).update(left)
        status_right = self.query_one("#status-right", Static)
        if right != self._status_right:
            status_right.update(right, layout=right.cell_len != self._status_right.cell_len)
            self._status_right = right
