"""A word index over one pane's haystacks, so a typed word finds its rows without
scanning every haystack.

Every maximal run of word characters (``\\w+``) in a row's haystack is a word.
A search term made only of word characters occurs in a haystack exactly when it
occurs inside one of that haystack's words; so the rows holding a term are the
union of the postings of the vocabulary words that contain it, and the
vocabulary is small enough to scan in a blink.  A one-letter term would touch
most postings, so each row also keeps a 64-bit mask of the letters, digits and
common punctuation in it, and a one-character term is one vectorised test of
those masks (typing a negation starts with a lone "-").
Terms with other characters ("long-range", a quoted phrase) take the rows that
hold all of their words as candidates, which are then checked against the text.
"""

from __future__ import annotations

import re
import string
from typing import Sequence

import numpy as np

from tui.data.columns import Ragged, Texts

WORD = re.compile(r"\w+")
# one bit per character a one-character term may well be: letters, digits, and the punctuation
# that starts a negation or sits inside names and numbers ("-", "'", ".", "’" ...): 64 in all
PUNCTUATION = "-'.,:;!?\"()/&%$’‘“”—–…€£@#+*"
CHAR_BITS = {c: np.uint64(1 << n) for n, c in enumerate(string.ascii_lowercase + string.digits + PUNCTUATION)}


def build_words(haystacks: Sequence[str]) -> tuple[Texts, Ragged, np.ndarray]:
    """(vocabulary, postings of each vocabulary word, each row's character mask)."""
    rows_of: dict[str, list[int]] = {}
    for row, text in enumerate(haystacks):
        for word in set(WORD.findall(text)):
            found = rows_of.get(word)
            if found is None:
                rows_of[word] = [row]
            else:
                found.append(row)
    chars = np.fromiter(map(_char_mask, haystacks), dtype=np.uint64, count=len(haystacks))
    return Texts.build(rows_of), Ragged.build(list(rows_of.values())), chars


def _char_mask(text: str) -> int:
    """The bits of the characters of ``text`` that have one."""
    mask = 0
    for c in set(text):
        bit = CHAR_BITS.get(c)
        if bit is not None:
            mask |= int(bit)
    return mask


def rows_with_char(chars: np.ndarray, char: str) -> np.ndarray | None:
    """A mask of the rows holding ``char``, or None if it has no bit in the masks."""
    bit = CHAR_BITS.get(char)
    return None if bit is None else (chars & bit) != 0


def rows_with_word(words: Texts, postings: Ragged, chars: np.ndarray, term: str) -> np.ndarray:
    """A mask of the rows with ``term`` (word characters only, lower case) inside a word."""
    found = rows_with_char(chars, term) if len(term) == 1 else None
    return postings.union(words.containing(term), len(chars)) if found is None else found


def candidates(words: Texts, postings: Ragged, chars: np.ndarray, value: str) -> np.ndarray | None:
    """A mask of the rows that hold every word of ``value``, or None if it has no words."""
    mask = None
    for word in sorted(set(WORD.findall(value)), key=len, reverse=True):
        found = rows_with_word(words, postings, chars, word)
        mask = found if mask is None else mask & found
    return mask
