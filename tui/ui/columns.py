"""Column layout for :class:`tui.ui.virtual_table.VirtualTable`: widths and fitted cells.

Pure functions of text and widths (no widget): how the available width is shared
between columns, and how one cell's value becomes a single-line ``Text`` exactly
as wide as its column (cut on a grapheme boundary, whitespace flattened, never
parsed as markup).
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

from rich.cells import split_graphemes
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

__all__ = ["Column", "cell_segments", "compute_widths", "fit_cell"]

WHITESPACE = str.maketrans({"\n": " ", "\t": " ", "\r": " ", "\v": " ", "\f": " "})


class Column(NamedTuple):
    key: str
    label: str
    width: int | None = None  # None = flexible, shares the remaining width by ratio
    ratio: int = 1
    min_width: int = 4
    align: str = "left"  # "left" | "right"


def compute_widths(columns: Sequence[Column], available: int) -> list[int]:
    """Fit ``columns`` into ``available`` cells (separators already removed).

    Fixed columns take their width, flexible ones share the rest by ratio.
    When space runs out, flexible columns shrink to ``min_width`` first, then
    the widest columns shrink (fixed ones down to their minimum, then anything
    down to one cell).  The result may still exceed ``available`` at absurd
    widths; the rendered line is cropped in that case.
    """
    widths = [c.width if c.width is not None else 0 for c in columns]
    flex = [i for i, c in enumerate(columns) if c.width is None]
    remaining = available - sum(widths)
    pending = list(flex)
    while pending:  # share by ratio; columns that fall below min_width get min_width
        total_ratio = sum(max(1, columns[i].ratio) for i in pending)
        shares = {i: remaining * max(1, columns[i].ratio) // total_ratio for i in pending}
        short = [i for i in pending if shares[i] < columns[i].min_width]
        if not short:
            for i in pending:
                widths[i] = shares[i]
            leftover = remaining - sum(shares.values())
            for i in pending[:leftover]:  # hand out the rounding remainder
                widths[i] += 1
            break
        for i in short:
            widths[i] = columns[i].min_width
            remaining -= columns[i].min_width
            pending.remove(i)
    overflow = sum(widths) - available
    for floor_of in (lambda c: min(c.min_width, c.width or c.min_width), lambda c: 1):
        while overflow > 0:
            candidates = [i for i, c in enumerate(columns) if widths[i] > floor_of(c)]
            if not candidates:
                break
            widest = max(candidates, key=lambda i: (widths[i], i))
            widths[widest] -= 1
            overflow -= 1
    return [max(1, w) for w in widths]


def _prefix_within(plain: str, cells: int) -> tuple[int, int]:
    """Index and cell width of the longest grapheme-aligned prefix of ``plain`` fitting ``cells``."""
    if plain.isascii():
        n = min(len(plain), cells)
        return n, n
    sample = plain[: cells * 4 + 16]
    spans, total = split_graphemes(sample)
    if total <= cells and len(sample) < len(plain):
        spans, total = split_graphemes(plain)
    used = end = 0
    for _start, stop, width in spans:
        if used + width > cells:
            break
        used += width
        end = stop
    return end, used


def fit_cell(value: object, width: int, align: str = "left") -> Text:
    """Return ``value`` as a single-line Text exactly ``width`` cells wide."""
    if isinstance(value, Text):
        text = value.copy()
        flat = text.plain.translate(WHITESPACE)
        if flat != text.plain:
            text.plain = flat  # same length: spans are kept
    else:
        text = Text("" if value is None else str(value).translate(WHITESPACE))
    text.end = ""
    text.no_wrap = True
    length = text.cell_len
    if length > width:
        cut, used = _prefix_within(text.plain, max(0, width - 1))
        text = text[:cut]
        text.append("…")
        length = used + 1
    if length < width:
        pad = width - length
        text.pad_left(pad) if align == "right" else text.pad_right(pad)
    return text


def cell_segments(value: object, width: int, align: str, console: Console) -> list[Segment]:
    """``fit_cell(value, width, align)`` as segments; a plain ASCII string (most cells) is cut
    and padded as a string, without a ``Text`` to build and render."""
    if isinstance(value, str) and value.isascii() and width > 0:
        if len(value) > width:
            flat = value[:width - 1].translate(WHITESPACE) + "…"
        else:
            pad = " " * (width - len(value))
            flat = value.translate(WHITESPACE)
            flat = pad + flat if align == "right" else flat + pad
        return [Segment(flat)]
    styled = Text(end="")  # its own style becomes a span, which render() honours
    styled.append_text(fit_cell(value, width, align))
    return list(styled.render(console))


def same_text(a: Text, b: Text) -> bool:
    """True if ``a`` and ``b`` show the same: characters, spans and base style (``Text``'s own
    ``==`` leaves the base style out)."""
    return a == b and a.style == b.style
