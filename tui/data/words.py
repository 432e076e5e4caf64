"""A word index over one pane's haystacks, so a typed word finds its rows without
scanning every haystack.

Every maximal run of word characters (``\\w+``) in a row's haystack is a word.
A search term made only of word characters occurs in a haystack exactly when it
occurs inside one of that haystack's words; so the rows holding a term are the
union of the postings of the vocabulary words that contain it, and the
vocabulary is small enough to scan in a blink.  Terms with other characters
("long-range", a quoted phrase) use their longest word for candidates and are
then checked against the haystack itself.
"""

from __future__ import annotations

import re
from array import array
from typing import Sequence

WORD = re.compile(r"\w+")


class WordIndex:
    def __init__(self, vocabulary: str, offsets: array, postings: array) -> None:
        self.vocabulary = vocabulary  # "\0word0\0word1\0…\0": word n starts after the n-th NUL
        self.offsets = offsets        # postings of word n: postings[offsets[n]:offsets[n + 1]]
        self.postings = postings      # row numbers, ascending within a word

    @classmethod
    def build(cls, haystacks: Sequence[str]) -> WordIndex:
        rows_of: dict[str, list[int]] = {}
        for row, text in enumerate(haystacks):
            for word in set(WORD.findall(text)):
                found = rows_of.get(word)
                if found is None:
                    rows_of[word] = [row]
                else:
                    found.append(row)
        offsets, postings = array("q", [0]), array("i")
        for rows in rows_of.values():
            postings.extend(rows)
            offsets.append(len(postings))
        return cls("\0" + "\0".join(rows_of) + "\0", offsets, postings)

    def _words_containing(self, term: str) -> list[int]:
        """Numbers of the vocabulary words that contain ``term``."""
        vocab, found, number, counted = self.vocabulary, [], -1, 0
        at = vocab.find(term)
        while at >= 0:
            number += vocab.count("\0", counted, at)  # word n follows the (n+1)-th NUL
            counted = at
            found.append(number)
            at = vocab.find(term, vocab.find("\0", at))
        return found

    def rows_with(self, term: str, budget: int) -> list[int] | None:
        """Sorted rows whose words hold ``term`` (word characters only), or None if that
        would mean more than ``budget`` postings (then scanning is cheaper)."""
        words = self._words_containing(term)
        offsets, postings = self.offsets, self.postings
        if sum(offsets[n + 1] - offsets[n] for n in words) > budget:
            return None
        if len(words) == 1:
            n = words[0]
            return postings[offsets[n]:offsets[n + 1]].tolist()
        rows: set[int] = set()
        for n in words:
            rows.update(postings[offsets[n]:offsets[n + 1]])
        return sorted(rows)
