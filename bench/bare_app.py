"""Baseline for start-up timing: the smallest Textual app, a Static and a Footer.

    python bench/bare_app.py

Prints "bare app ready" in its first frame; ``q`` quits.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class BareApp(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("bare app ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
