"""The detail pane: the selected entry, its source paragraph and annotation.

Everything from the store is appended to ``rich.text.Text`` objects as plain
strings, so no article text is ever parsed as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding

from tui.ui.detail_body import DetailBody
from tui.ui.panes import marker_for

if TYPE_CHECKING:
    from tui.data.index import ActorRow, Index, OptionRow, QuoteRow

HIGHLIGHT = "bold reverse"
LABEL = "bold"


def _context(index: Index, article: int, paragraph: int | None, needle: str) -> Text:
    a = index.articles[article]
    paragraphs = a.paragraphs()
    out = Text()
    if paragraph is None or not (0 <= paragraph < len(paragraphs)):
        return out
    para = paragraphs[paragraph]
    out.append(f"Context (paragraph {paragraph + 1} of {len(paragraphs)})\n", style=LABEL)
    body = Text(para)
    start = para.find(needle) if needle else -1
    if start < 0 and needle:
        start = para.find(needle[:40])
        end = len(para) if start < 0 else min(len(para), start + len(needle))
    else:
        end = start + len(needle)
    if start >= 0:
        body.stylize(HIGHLIGHT, start, end)
    out.append_text(body)
    out.append("\n\n")
    return out


def _article(index: Index, article: int) -> Text:
    a = index.articles[article]
    out = Text()
    out.append("Article  ", style=LABEL).append(a.title + "\n")
    meta = " · ".join(x for x in (a.byline, a.source, a.published, a.id) if x)
    out.append("         " + meta + "\n", style="dim")
    if a.url:
        out.append("         " + a.url + "\n", style="underline")
    return out


def _annotation(note, *, option: bool) -> Text:
    out = Text()
    out.append("\n").append("Annotation\n", style=LABEL)  # an unstyled blank line costs fewer bytes
    if note is None or not marker_for(note):
        keys = "n note · t tags · s star" + (" · a assess" if option else "")
        return out.append(f"none yet ({keys})\n", style="dim")
    bits = []
    if note.star:
        bits.append("★ starred")
    if note.tags:
        bits.append("tags: " + ", ".join(sorted(note.tags)))
    if note.risk:
        bits.append(f"escalation risk: {note.risk}")
    if note.likelihood:
        bits.append(f"likelihood: {note.likelihood}")
    if bits:
        out.append(" · ".join(bits) + "\n")
    if note.note:
        out.append("Note: ", style=LABEL).append(note.note + "\n")
    return out


def render_quote(index: Index, q: QuoteRow, note) -> Text:
    out = Text()
    how = "direct quote" if q.direct else "reported statement"
    out.append(f"{how.upper()}", style=LABEL)
    if q.cue:
        out.append(f"  ({q.cue})", style="dim")
    out.append("\n")
    out.append(f"“{q.text}”\n" if q.direct else q.text + "\n", style="italic" if q.direct else "")
    speaker = index.actor(q.speaker_key)
    who = q.speaker or "unnamed source"
    if speaker is not None and speaker.role:
        who = f"{who}, {speaker.role}"
    out.append(f"— {who}\n\n")
    out.append_text(_context(index, q.article, q.paragraph, q.text))
    out.append_text(_article(index, q.article))
    out.append_text(_annotation(note, option=False))
    return out


def render_option(index: Index, o: OptionRow, note) -> Text:
    out = Text()
    out.append("OPTION", style=LABEL).append(f"  ({o.status})\n", style="dim")
    out.append(o.text + "\n", style="bold")
    out.append("Held by: ", style=LABEL).append((o.holder or "not named") + "\n\n")
    out.append_text(_context(index, o.article, o.paragraph, o.evidence or o.text))
    out.append_text(_article(index, o.article))
    out.append_text(_annotation(note, option=True))
    return out


def render_actor(index: Index, a: ActorRow, note, counts: tuple[int, int]) -> Text:
    out = Text()
    out.append(f"{a.kind.upper()}\n", style=LABEL)
    out.append(a.name + "\n", style="bold")
    if a.role:
        out.append(a.role + "\n")
    if a.aliases:
        out.append("Also: ", style=LABEL).append(", ".join(a.aliases) + "\n")
    total = f"{len(a.articles)} articles · {counts[0]} quotes · {counts[1]} options"
    if counts != (len(a.quotes), len(a.options)):  # a filter hides some
        total += f" (of {len(a.quotes)} and {len(a.options)})"
    out.append(total + "\n", style="dim")
    out.append("⏎ shows only its quotes and options\n", style="dim")
    said = index.said_by(a.id, 5)
    if said:
        out.append("Says\n", style=LABEL)
        for q in said:
            out.append("• ").append(f"“{q.text}”" if q.direct else q.text).append("\n")
    out.append_text(_annotation(note, option=False))
    return out


class DetailPane(DetailBody, can_focus=True):
    """Scrollable detail of the selected entry."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("Nothing selected", style="dim"), id=id)

    def show(self, text: Text) -> None:
        """Show ``text``: only its changed lines are repainted (see DetailBody)."""
        text.rstrip()  # trailing blank lines would only cost repaints
        self.update(text)
