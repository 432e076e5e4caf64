"""One sanitiser for every string that enters the data layer.

Article text, titles, names, notes and tags all come from outside (scraped pages,
other people's stores, the analyst's own editor).  Before anything is stored in
memory it passes through :func:`clean`, which allow-lists what may reach a
terminal:

* whole escape sequences (CSI, OSC, DCS, SOS/PM/APC, two-byte ESC forms) are
  removed, not just their introducer, so no half-sequence is left behind;
* C0 controls other than newline and tab, DEL, and C1 controls are removed;
  carriage returns and Unicode line/paragraph separators become newlines;
* bidi embedding/override/isolate characters and invisible zero-width
  formatting characters are removed;
* runs of combining marks are capped so a "combining flood" cannot smear a line.

Markup is *not* escaped here: the UI never parses stored text as markup (it
builds ``Content``/``Text`` objects), so square brackets are kept literally.
"""

from __future__ import annotations

import re
import unicodedata

# Escape sequences: ESC [ ... final, ESC ] ... (BEL | ST), ESC P/X/^/_ ... ST,
# and the 8-bit C1 forms of the same introducers.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?             # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])       # OSC, DCS, SOS, PM, APC
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?         #   ... up to BEL or ST
    | \x1b[ -/]*[0-~]?                              # other ESC forms
    """,
    re.VERBOSE,
)

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")

# C0 except \t and \n, DEL, C1, bidi controls, zero-width and other invisible
# format characters (word joiner, invisible operators, BOM, interlinear marks).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb]"
)

MAX_COMBINING = 2
_COMBINING_RUN = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3,}")


# Any character one of the steps below would act on: text without one is already clean.
_ACTED_ON = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\r\u2028\u2029"
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)


def _cap_combining(match: re.Match[str]) -> str:
    return match.group(0)[:MAX_COMBINING]


def clean(text: str) -> str:
    """Return ``text`` with everything unsafe for a terminal removed."""
    if not text:
        return ""
    if text.isascii() and text.isprintable():
        return text
    if _ACTED_ON.search(text) is None and unicodedata.is_normalized("NFC", text):
        return text  # e.g. paragraphs with newlines and curly quotes: nothing to do
    text = _ESCAPES.sub("", text)
    text = _NEWLINES.sub("\n", text)
    text = _FORBIDDEN.sub("", text)
    if not text.isascii():
        # NFC can expand a character into several marks (U+0344), so cap after
        # normalising and repeat until stable; each round only shortens the text.
        text = unicodedata.normalize("NFC", text)
        while (capped := _COMBINING_RUN.sub(_cap_combining, text)) != text:
            text = unicodedata.normalize("NFC", capped)
    return text


def clean_line(text: str) -> str:
    """Like :func:`clean` but for one-line fields (names, titles, tags)."""
    text = clean(text)
    if "\n" in text or "\t" in text:
        text = " ".join(text.split())
    return text.strip()
