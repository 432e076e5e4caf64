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

from tui.data import gazetteer
from tui.data import gazetteer_data as _gdata

FORMS: dict[str, gazetteer.Entity] = dict(gazetteer.ALL_SURFACE_FORMS)
FIRST: frozenset[str] = frozenset(k.split()[0] for k in FORMS)
PREFIXES: frozenset[str] = frozenset(" ".join(k.split()[:n]) for k in FORMS for n in range(1, len(k.split()) + 1))
MAXN = gazetteer.max_words()
_NEWS_ROLES = ("news", "newspaper", "broadcaster", "magazine")

CAPITALS: frozenset[str] = frozenset(
    c.strip().casefold()
    for row in (*_gdata.UN_MEMBER_STATES, *((r[0], *r[2:]) for r in _gdata.OTHER_STATES))
    for c in row[1].split("|") if c.strip()
)


def norm_token(tok: str) -> str:
    """A token's key form: accents, curly apostrophe, possessive, dots dropped; hyphens as spaces."""
    if not tok.isascii():
        tok = "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c))
        tok = tok.replace("\u2019", "'")
    if tok.endswith(("'s", "'S")):
        tok = tok[:-2]
    return tok.replace(".", "").replace("-", " ").casefold()


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
    return ent is not None and ent.kind == "organization" and any(w in ent.role for w in _NEWS_ROLES)


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
