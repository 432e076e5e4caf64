"""Fast gazetteer look-ups for the name reader: O(1) dict probes on normalised n-grams.

:func:`tui.data.gazetteer.lookup` normalises every probe (quotes, accents, dots,
possessives); the name reader probes many n-grams per paragraph, so it keys a
dict by the same normalised form and confirms only the hits (case rules) with
the gazetteer itself, through a small cache.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from tui.data import gazetteer
from tui.data import gazetteer_states

if TYPE_CHECKING:
    from tui.extract.mention import Tok

FORMS: dict[str, gazetteer.Entity] = dict(gazetteer.ALL_SURFACE_FORMS)
FIRST: frozenset[str] = frozenset(k.split()[0] for k in FORMS)
PREFIXES: frozenset[str] = frozenset(" ".join(k.split()[:n]) for k in FORMS for n in range(1, len(k.split()) + 1))
MAXN = gazetteer.max_words()
_NEWS_ROLES = ("news", "newspaper", "broadcaster", "magazine")

CAPITALS: frozenset[str] = frozenset(
    c.strip().casefold()
    for row in (*gazetteer_states.UN_MEMBER_STATES, *((r[0], *r[2:]) for r in gazetteer_states.OTHER_STATES))
    for c in row[1].split("|") if c.strip()
)


@lru_cache(maxsize=65536)
def norm_token(tok: str) -> str:
    """A token's key form: accents, curly apostrophe, possessive, dots dropped; hyphens as spaces."""
    if not tok.isascii():
        tok = "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c))
        tok = tok.replace("\u2019", "'")
    if tok.endswith(("'s", "'S")):
        tok = tok[:-2]
    return tok.replace(".", "").replace("-", " ").casefold()


@lru_cache(maxsize=8192)
def poss_norm(tok: str) -> str:
    """Key form keeping an inner possessive ("People's" in "People's Liberation Army")."""
    return norm_token(tok[:-2]) + "'s"


@lru_cache(maxsize=4096)
def confirm(surface: str) -> tuple[gazetteer.Entity | None, bool]:
    """(entity, is_demonym) for a surface form the dict matched, honouring case rules."""
    ent = gazetteer.lookup(surface)
    if ent is not None:
        return ent, False
    ent = gazetteer.lookup_demonym(surface)
    return ent, ent is not None


def is_outlet(ent: gazetteer.Entity | None) -> bool:
    return ent is not None and ent.kind == "organization" and _news_role(ent.role)


@lru_cache(maxsize=1024)
def _news_role(role: str) -> bool:
    return any(w in role for w in _NEWS_ROLES)


@lru_cache(maxsize=8192)
def belongs_to_state(word: str, forms: str) -> bool:
    """Does an organisation (its names in ``forms``) belong to the state ``word`` names ("Armenian")?"""
    ent = gazetteer.lookup_any(word.capitalize())
    if ent is None or ent.kind != "state":
        return False
    names = [ent.name.lower(), *(a.lower() for a in ent.aliases)]
    dems = [d.lower() for d in ent.demonyms]
    return any(re.search(r"(?:^|\|\s)" + re.escape(d) + r"\b", forms) for d in dems) or any(
        re.search(r"\bof (?:the )?(?:republic of )?" + re.escape(n) + r"\b|(?:^|\|\s)" + re.escape(n) + r"['\u2019]s\b|"
                  r"(?:^|\|)" + re.escape(n) + r"\b", forms) for n in names)


# Every head of a gazetteer key that ends before one of its spaces: a key of n tokens needs its
# first n-1 tokens (in their non-final form) to be one of these, so longer keys need not be tried.
_KEY_HEADS = frozenset(k[:n] for k in FORMS for n, ch in enumerate(k) if ch == " ")
_POSS = ("'s", "\u2019s")


def match_tokens(toks: list[Tok], i: int, stop: int, text: str) -> tuple[gazetteer.Entity | None, int, bool]:
    """The longest gazetteer form opening at token ``i`` (tokens before ``stop``; ``text`` holds their
    offsets): (entity, number of tokens, is_demonym), or (None, 0, False)."""
    first = toks[i].norm.split(" ", 1)[0]
    if first not in FIRST and not (toks[i].text.endswith(_POSS) and poss_norm(toks[i].text) in FIRST):
        return None, 0, False
    top = min(MAXN + 1, stop - i)
    heads: list[str] = []  # the tokens in their non-final key form, while they still head a key
    head = ""
    for k in range(i, i + top - 1):
        t = toks[k]
        form = poss_norm(t.text) if t.text.endswith(_POSS) else t.norm
        head = head + " " + form if heads else form
        if head not in _KEY_HEADS:
            break
        heads.append(form)
    for n in range(min(top, len(heads) + 1), 0, -1):
        key = " ".join([*heads[:n - 1], toks[i + n - 1].norm])
        j = i + n
        if key in FORMS:
            ent, dem = confirm(text[toks[i].start:toks[j - 1].end])
            if ent is not None:
                return ent, n, dem
    return None, 0, False
