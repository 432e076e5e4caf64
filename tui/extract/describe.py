"""Descriptive speakers: "a senior South Korean official" -> "senior South Korean official".

An anonymous source is named by the noun phrase that introduces it: from its
start to its head noun (a source or role noun), with a short post-modifier
("familiar with the talks", "in Whitehall") and without a leading article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.extract import lexicon as lx

_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.I)
_POSTMOD = re.compile(r"^(?:(?:familiar|close|briefed|involved|acquainted|knowledgeable)\s+(?:with|to|on|in|about)|"
                      r"with\s+knowledge\s+of|in|at|from|of|for)\s+(?:the\s+|a\s+|an\s+)?"
                      r"(?:(?!(?:have|has|had|is|are|was|were|will|would|also|long)\b)[\w.\u2019'-]+\s*){1,4}$")
_PUNCT = " ,.;:!?\"'()[]\u201c\u201d\u2018\u2019"
CLAUSE_WORDS = frozenset("after before when while since as and but that which who if because although though "
                         "until unless where whereas than".split())
_HEADS = lx.SOURCE_NOUNS | lx.ROLE_NOUNS
_QUANT = frozenset("one two three four five six seven eight nine ten another several some many most both few "
                   "a an".split())


def describe(words: list[str], low: list[str], phrase: str = "") -> str | None:
    """"a senior South Korean official" -> "senior South Korean official"; None if no source noun."""
    return _describe(phrase) if phrase else _describe_words(tuple(words))


@lru_cache(maxsize=4096)
def _describe(phrase: str) -> str | None:
    return _describe_words(tuple(phrase.split()))


def _describe_words(raw: tuple[str, ...]) -> str | None:
    low = [w.lower().strip(_PUNCT) for w in raw]
    for n, w in enumerate(low):
        if n and w in CLAUSE_WORDS and w not in ("and", "but"):
            raw, low = raw[:n], low[:n]  # "an officer who spoke on condition of anonymity"
            break
    if not low or len(low) > 14:
        return None
    heads = _HEADS
    for n, w in enumerate(low[:7]):
        if w in CLAUSE_WORDS and w not in ("and", "but"):
            return None  # "a week after soldiers detained the president": a clause, not a speaker
        if w in heads:
            k = n + 1
            # plural "officials" / compound "agency interlocutor": extend over following head nouns
            while k < len(low) and low[k] in heads:
                k += 1
            desc = raw[:k]
            rest = " ".join(raw[k:])
            if rest and len(raw) - k <= 5 and _POSTMOD.match(rest):
                desc = raw
            text = " ".join(desc).strip(" ,;:.\u201d\"")
            return _ARTICLE.sub("", text) or None
    if low[0] in _QUANT and low[0] not in ("a", "an") and 2 <= len(low) <= 7 and low[1] not in _QUANT:
        return " ".join(raw).strip(" ,;:.\u201d\"")  # "one veteran of the Barents talks"
    return None
