"""The help screen (? or F1): every key, and the filter language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

NAVIGATION = [
    ("tab / shift+tab", "next / previous pane"),
    ("↑ ↓  (k j)", "move within a pane"),
    ("pgup pgdn  ctrl+u ctrl+d", "page / half page"),
    ("home end  (g G)", "first / last entry"),
    ("enter", "actor: narrow quotes and options to it · quote/option: read its context"),
    ("escape", "back out: close dialog, clear filter, remove actor facet"),
    ("ctrl+p", "command palette: every action by name"),
]

FILTER_HELP = [
    ("words", "free text, every word must match"),
    ('"a phrase"', "exact phrase"),
    ("-word", "exclude (works with every filter)"),
    ("actor:rutte", "involves an actor (name or alias)"),
    ("kind:state", "involves a person / organization / state / group"),
    ("tag:escalation", "has a tag (prefix)"),
    ("is:starred", "starred · annotated · noted · tagged · assessed"),
    ("is:direct", "direct · reported · quote · option · actor"),
    ("article:bloomberg", "article id, title, source or URL"),
    ("status:adopted", "proposed · under discussion · adopted · rejected · in place"),
    ("risk:high likelihood:low", "your assessment of an option"),
]


def _table(rows: list[tuple[str, str]], width: int = 26) -> Text:
    out = Text()
    for key, what in rows:
        out.append(f"  {key:<{width}}", style="bold").append(what + "\n")
    return out


def help_text(app_bindings: list[tuple[str, str]]) -> Text:
    out = Text()
    out.append("Keys\n", style="bold underline")
    out.append_text(_table(app_bindings))
    out.append("\nMoving around\n", style="bold underline")
    out.append_text(_table(NAVIGATION))
    out.append("\nFilter language  (press / then type)\n", style="bold underline")
    out.append_text(_table(FILTER_HELP))
    out.append("\nIn dialogs: ctrl+s saves a note, enter saves tags and assessments, escape cancels.\n", style="dim")
    out.append("Keys can be remapped in config.toml under [keys] (see README).\n", style="dim")
    return out


class HelpScreen(ModalScreen):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("j", "scroll('down')", show=False),
        Binding("k", "scroll('up')", show=False),
    ]

    def __init__(self, app_bindings: list[tuple[str, str]]) -> None:
        super().__init__()
        self.app_bindings = app_bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(help_text(self.app_bindings))

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = "Help"
        box.border_subtitle = "escape closes"
        box.focus()

    def action_scroll(self, direction: str) -> None:
        box = self.query_one("#help-box", VerticalScroll)
        box.scroll_down() if direction == "down" else box.scroll_up()
