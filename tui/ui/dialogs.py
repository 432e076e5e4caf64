"""Modal dialogs: note, tags, assessment, export path, fetch URLs."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea


class Dialog(ModalScreen):
    """A centred box with a title line, a body and a key hint line."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", priority=True)]
    heading = ""
    hint = ""

    def __init__(self, subject: str) -> None:
        super().__init__()
        self.subject = subject
        self._early_keys: list[tuple[str, str | None]] | None = []

    def on_key(self, event: events.Key) -> None:
        """Keep keys typed before the dialog's field has focus; replay them once it has."""
        if self._early_keys is not None and self.focused is None:
            self._early_keys.append((event.key, event.character))
            event.stop()

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self._replay_early_keys)

    def _replay_early_keys(self) -> None:
        keys, self._early_keys = self._early_keys or [], None
        target = self.focused
        for key, character in keys:
            if target is not None:
                target.post_message(events.Key(key, character))

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.heading, style="bold"), classes="dialog-title")
            yield Label(Text(self.subject), classes="dialog-subject")
            yield from self.body()
            yield Static(Text(self.hint, style="dim"), classes="dialog-hint")

    def body(self) -> ComposeResult:
        yield from ()

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteArea(TextArea):
    """The note's text area; ctrl+s saves in the order keys arrive.

    A priority binding would run as soon as ctrl+s is read, while the keys typed
    before it still wait in this widget's queue (type-ahead over SSH): the note
    would be saved without them.  Here ctrl+s is handled after them.
    """

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "ctrl+s":
            event.stop()
            event.prevent_default()
            self.screen.action_save()
            return
        await super()._on_key(event)


class NoteDialog(Dialog):
    heading = "Note"
    hint = "ctrl+s save · escape cancel · text is saved as typed"
    BINDINGS = [Binding("ctrl+s", "save", "Save")]  # shown in the footer; the area handles it in order

    def __init__(self, subject: str, note: str) -> None:
        super().__init__(subject)
        self.note = note

    def body(self) -> ComposeResult:
        area = NoteArea(self.note, id="note-text", soft_wrap=True, tab_behavior="focus")
        area.show_line_numbers = False
        yield area

    AUTO_FOCUS = "#note-text"

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


class LastTagSuggester(Suggester):
    """Completes the last comma-separated tag from the tags already in use."""

    def __init__(self, tags: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        head, sep, last = value.rpartition(",")
        stem = last.strip().lower()
        if not stem:
            return None
        taken = {t.strip().lower() for t in head.split(",")}
        for tag in self.tags:
            if tag.startswith(stem) and tag != stem and tag not in taken:
                prefix = head + sep + (" " if sep else "")
                return prefix + tag
        return None


class TagsDialog(Dialog):
    heading = "Tags"
    hint = "comma-separated · tab or → completes · enter save · escape cancel"
    BINDINGS = [Binding("tab", "complete", "Complete", priority=True)]

    def __init__(self, subject: str, tags: list[str], known: list[str]) -> None:
        super().__init__(subject)
        self.tags = tags
        self.known = known

    def body(self) -> ComposeResult:
        value = ", ".join(self.tags) + (", " if self.tags else "")
        yield Input(value, id="tags-input", suggester=LastTagSuggester(self.known), placeholder="escalation, follow-up",
                    select_on_focus=False)  # typing appends to the current tags instead of replacing them
        known = ", ".join(self.known[:30]) if self.known else "none yet"
        yield Static(Text(f"In use: {known}", style="dim"), classes="dialog-known")

    AUTO_FOCUS = "#tags-input"

    def action_complete(self) -> None:
        field = self.query_one(Input)
        if field._suggestion:
            field.value = field._suggestion
            field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        tags = [t.strip() for t in event.value.split(",") if t.strip()]
        self.dismiss(tags)


LEVELS = ("", "low", "medium", "high")


class LevelPicker(Widget, can_focus=True):
    """One line: a label and none / low / medium / high, changed with ←/→ or 0-3."""

    BINDINGS = [
        Binding("left", "shift(-1)", "Lower", show=False),
        Binding("h", "shift(-1)", "Lower", show=False),
        Binding("right", "shift(1)", "Higher", show=False),
        Binding("l", "shift(1)", "Higher", show=False),
        Binding("0", "pick(0)", show=False),
        Binding("1", "pick(1)", show=False),
        Binding("2", "pick(2)", show=False),
        Binding("3", "pick(3)", show=False),
    ]
    level = reactive(0)

    def __init__(self, label: str, value: str, *, id: str) -> None:
        super().__init__(id=id)
        self.label = label
        self.level = LEVELS.index(value) if value in LEVELS else 0

    @property
    def value(self) -> str:
        return LEVELS[self.level]

    def render(self) -> Text:
        out = Text(f"{self.label:<16}", style="bold" if self.has_focus else "")
        for n, name in enumerate(LEVELS):
            mark = "●" if n == self.level else "○"
            style = "reverse" if n == self.level and self.has_focus else ("bold" if n == self.level else "dim")
            out.append(f" {mark} {name or 'none'} ", style=style)
        return out

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_shift(self, delta: int) -> None:
        self.level = max(0, min(len(LEVELS) - 1, self.level + delta))

    def action_pick(self, n: int) -> None:
        self.level = n


class AssessDialog(Dialog):
    heading = "Assessment"
    hint = "↑/↓ choose line · ←/→ or 0-3 set level · enter save · escape cancel"
    BINDINGS = [
        # not a priority binding: enter must wait for the level keys typed before it
        Binding("enter", "save", "Save"),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
        Binding("k", "app.focus_previous", show=False),
        Binding("j", "app.focus_next", show=False),
    ]

    def __init__(self, subject: str, risk: str, likelihood: str) -> None:
        super().__init__(subject)
        self.risk, self.likelihood = risk, likelihood

    def body(self) -> ComposeResult:
        yield LevelPicker("Escalation risk", self.risk, id="risk")
        yield LevelPicker("Likelihood", self.likelihood, id="likelihood")

    AUTO_FOCUS = "#risk"

    def action_save(self) -> None:
        self.dismiss((self.query_one("#risk", LevelPicker).value, self.query_one("#likelihood", LevelPicker).value))


class ExportDialog(Dialog):
    heading = "Export briefing memo"
    hint = "enter write Markdown · escape cancel · an existing file is never overwritten"

    def __init__(self, subject: str, path: str) -> None:
        super().__init__(subject)
        self.path = path

    def body(self) -> ComposeResult:
        yield Input(self.path, id="export-path")

    AUTO_FOCUS = "#export-path"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())


class FetchDialog(Dialog):
    heading = "Fetch from the web"
    hint = "enter fetch · escape cancel · several URLs: separate with spaces · feeds are recognised"

    def body(self) -> ComposeResult:
        yield Input(placeholder="https://… article page or RSS/Atom feed", id="fetch-urls")

    AUTO_FOCUS = "#fetch-urls"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        urls = event.value.split()
        if urls:
            self.dismiss(urls)
