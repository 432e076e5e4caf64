"""Paragraph text helpers: sentence boundaries, word tokens, quote-mark tables.

Offsets are always character offsets into the paragraph string as given, so
every later stage can cut the original text (quote text and evidence keep the
article's own punctuation).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

OPEN_DOUBLE = "\u201c\u201e\u00ab\u201f"
CLOSE_DOUBLE = "\u201d\u00bb"
OPEN_SINGLE = "\u2018\u201b"
CLOSE_SINGLE = "\u2019"
ALL_QUOTE_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'"

# Abbreviations whose period does not end a sentence.
_ABBREV = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st jr sr rev hon amb cmdr cpl pvt
jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc inc corp ltd co dept est approx fig
al gens reps sens govs messrs mt ft brig
""".split())

# After "U.S." a sentence only ends when one of these starts the next one.
_STARTERS = frozenset("""
The A An It He She They We I In On At But And As After Before While When If This That These Those
There His Her Their Its Our Some Many Most No Not Officials However Meanwhile Still Yet So Last
""".split())

_LOWER_WORD = re.compile(r"[a-z][a-z'\u2019-]*")
# Punctuation run, or a bullet ("Key points • … • …" ends a sentence too).  Written to open with one
# character class (the first character of either form) so ``re`` can skip ahead to candidates; the
# look-behinds then pick the form: "[.!?…]+[”’)]*\s+(?=…)" or "\s*[•▪●]\s*".
_BOUNDARY = re.compile(r"[.!?\u2026\s\u2022\u25aa\u25cf](?:(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019)\]]*\s+"
                       r"(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"
                       r"|(?<=\s)\s*[\u2022\u25aa\u25cf]\s*|(?<=[\u2022\u25aa\u25cf])\s*)")
# _BOUNDARY for a text without bullets (the bullet form cannot match there).
_BOUNDARY_PUNCT = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])")
_BULLETS = ("\u2022", "\u25aa", "\u25cf")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]?(\w+)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}$")

# Word tokens: dotted initialisms (U.S.), dotted titles (Dr.), words with
# inner apostrophes or hyphens (Biden's, Istanbul-based, al-Sharaa).
TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Adm|Capt|Sgt|Prof|St|Jr|Sr|Rev|Amb|Brig|Cmdr)\.(?=\s)"
    r"|[^\W_](?:[\w\u2019'\-]*[^\W_])?"
)


@dataclass(slots=True)
class Para:
    """One paragraph with its sentence spans and quoted regions."""

    index: int
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans incl. marks
    _words: dict[tuple[int, int], AbstractSet[str]] = field(default_factory=dict)
    _lower: str | None = None  # text.lower(), made on first use

    def words_of(self, s: int, e: int) -> AbstractSet[str]:
        """Lower-case words of text[s:e] (cached): a cheap gate before running big patterns."""
        key = (s, e)
        got = self._words.get(key)
        if got is None:
            low = self._lower
            if low is None:
                low = self._lower = self.text.lower()
            if len(low) == len(self.text):  # lower() kept every character in place: scan it in place
                got = self._words[key] = set(_LOWER_WORD.findall(low, s, e))
            else:
                got = self._words[key] = set(_LOWER_WORD.findall(self.text[s:e].lower()))
        return got

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return self.sentences[-1] if self.sentences else (0, len(self.text))

    def in_quote(self, pos: int) -> bool:
        if not self.quoted:
            return False
        for s, e in self.quoted:
            if s <= pos < e:
                return True
        return False


def has_matches(rx: re.Pattern[str], text: str, n: int) -> bool:
    """``len(rx.findall(text)) >= n`` (``rx`` never matching empty), stopping at the n-th match."""
    pos = 0
    for _ in range(n):
        m = rx.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return True


def split_sentences(text: str, protected: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; never split strictly inside a ``protected`` span."""
    return spans_from_cuts(text, [c for c in sentence_cuts(text)
                                  if not any(s < c[0] and c[1] < e for s, e in protected)])


def spans_from_cuts(text: str, cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for _, cut in cuts:
        if text[start:cut].strip():
            spans.append((start, cut))
        start = cut
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _last_word(text: str, end: int) -> str:
    """The run of non-space characters ending at ``end`` ("" after a space)."""
    head = text[:end]
    if head.endswith("\n"):
        head = head[:-1]  # as "(\S+)$" did: "$" also matches before a final newline
    if not head or head[-1].isspace():
        return ""
    return head.rsplit(None, 1)[-1]


def sentence_cuts(text: str) -> list[tuple[int, int]]:
    """(punctuation start, cut) for each sentence boundary of ``text``."""
    cuts: list[tuple[int, int]] = []
    rx = _BOUNDARY if any(map(text.__contains__, _BULLETS)) else _BOUNDARY_PUNCT
    for m in rx.finditer(text):
        cut = m.end()
        punct = m.group()
        if punct.startswith(".") and len(punct.rstrip()) == 1:
            word = _last_word(text, m.start())
            core = word.lstrip("\"'(\u201c\u2018[")
            if core.lower() in _ABBREV or (len(core) == 1 and core.isupper()):
                continue
            if _INITIALS.search(core + "."):
                nw = _NEXT_WORD.match(text, cut)
                if not nw or nw.group(1) not in _STARTERS:
                    continue
        cuts.append((m.start(), cut))
    return cuts
