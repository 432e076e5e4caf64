"""Gazetteer of the world's states and the organisations found in foreign-policy news.

Used to merge actor aliases ("Moscow", "Russian Federation" -> Russia) and by the
rule-based entity extractor, which also needs demonyms ("a senior South Korean
official" involves South Korea).  Government bodies such as the Kremlin or the
Pentagon are organisations in their own right, linked to their state through
:attr:`Entity.state`.  The rows live in :mod:`tui.data.gazetteer_states` and :mod:`tui.data.gazetteer_orgs`.

Matching works on a normalised *surface form*.  Curly quotes become straight,
diacritics, dots and a trailing possessive are dropped, hyphens become spaces,
"&" becomes "and", and a leading "the" goes.  So "U.S." == "US",
"the Kremlin's" == "Kremlin" and "Côte d’Ivoire" == "Cote d'Ivoire".  Forms of
four letters or fewer ("US", "UN", "AP", "Chad") and forms that are also plain
English words ("Turkey", "Polish", "Guardian") must match with the case they
are listed in, or all in capitals, so "us", "un" and "turkey" never match.
Everything else is case-insensitive.

Pure stdlib; never imports Textual.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tui.data import gazetteer_orgs, gazetteer_states

KINDS = frozenset({"state", "organization", "group"})


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: str  # "state" | "organization" | "group"
    role: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    state: str | None = None


# Forms longer than four letters that must still be capitalised to match,
# because in lower case they are ordinary English words.
LOWERCASE_WORDS = frozenset({
    "china", "chile", "guinea", "japan", "panama", "turkey",
    "danish", "dutch", "french", "polish", "poles", "swede", "swedes",
    "amnesty", "capitol hill", "central command", "crisis group", "defense department",
    "economist", "foreign office", "guardian", "kremlin", "number 10", "pentagon",
    "politico", "revolutionary guards", "state department", "telegraph", "white house",
})

# Demonyms that take no "-s" plural (beyond the endings in _NO_PLURAL_ENDINGS).
NO_PLURAL = frozenset({
    "Basotho", "Mosotho", "Motswana", "Batswana", "Burkinabè", "Lao", "Ni-Vanuatu",
    "I-Kiribati", "Philippine", "Frenchman", "Frenchmen", "Frenchwoman",
    "Dutchman", "Dutchmen", "Dutchwoman",
})
_NO_PLURAL_ENDINGS = ("s", "x", "z", "y", "ese", "sh", "tch", "nch", "ic")

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u02bc": "'",
    "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
})
_DASHES = re.compile(r"[-\u2010-\u2015\u2212\ufe63\uff0d]")
_EDGE = " \"'()[]{},;:!?"


def _surface(text: str) -> str:
    """Normalise ``text`` to the surface form used for matching (case kept)."""
    s = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _DASHES.sub(" ", s.replace(".", "").replace("&", " and "))
    s = " ".join(s.split()).strip(_EDGE)
    if s[-2:] in ("'s", "'S"):
        s = s[:-2]
    if s[:4].lower() == "the ":
        s = s[4:]
    return s.strip(_EDGE)


def _is_cased(key: str) -> bool:
    return len(key.replace(" ", "")) <= 4 or key in LOWERCASE_WORDS


def _split(field: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field.split("|") if part.strip())


def _with_plurals(demonyms: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for word in demonyms:
        out.append(word)
        if word not in NO_PLURAL and not word.endswith(_NO_PLURAL_ENDINGS):
            out.append(word + "s")
    return tuple(dict.fromkeys(out))


def _states() -> tuple[Entity, ...]:
    rows = [(name, "UN member state", *rest) for name, *rest in gazetteer_states.UN_MEMBER_STATES]
    rows += gazetteer_states.OTHER_STATES
    return tuple(
        Entity(name, "state", role, _split(capitals) + _split(aliases),
               _with_plurals(_split(demonyms)))
        for name, role, capitals, aliases, demonyms in rows
    )


def _organizations() -> tuple[Entity, ...]:
    return tuple(
        Entity(name, kind, role, _split(aliases), (), state or None)
        for name, kind, role, aliases, state in gazetteer_orgs.ORGANIZATIONS
    )


STATES: tuple[Entity, ...] = _states()
ORGANIZATIONS: tuple[Entity, ...] = _organizations()


@dataclass(frozen=True, slots=True)
class _Index:
    forms: dict[str, Entity]  # every surface form, casefolded -> entity
    names: dict[str, Entity]  # canonical names and aliases only
    demonyms: dict[str, Entity]
    cased: dict[str, frozenset[str]]  # key -> surfaces allowed for case-strict forms


def _build_index(entities: Iterable[Entity]) -> _Index:
    """Index ``entities``; raise ValueError if two entities claim one surface form."""
    entities = tuple(entities)
    state_names = {e.name for e in entities if e.kind == "state"}
    forms: dict[str, Entity] = {}
    names: dict[str, Entity] = {}
    demonyms: dict[str, Entity] = {}
    cased: dict[str, set[str]] = {}
    for ent in entities:
        if ent.kind not in KINDS:
            raise ValueError(f"{ent.name!r}: unknown kind {ent.kind!r}")
        if ent.state is not None and ent.state not in state_names:
            raise ValueError(f"{ent.name!r}: unknown state {ent.state!r}")
        for table, texts in ((names, (ent.name, *ent.aliases)), (demonyms, ent.demonyms)):
            for text in texts:
                surface = _surface(text)
                key = surface.casefold()
                if not key:
                    raise ValueError(f"{ent.name!r}: empty form {text!r}")
                owner = forms.setdefault(key, ent)
                if owner is not ent:
                    raise ValueError(
                        f"surface form {text!r} claimed by both {owner.name!r} and {ent.name!r}"
                    )
                table[key] = ent
                if _is_cased(key):
                    cased.setdefault(key, set()).update((surface, surface.upper()))
    return _Index(forms, names, demonyms, {k: frozenset(v) for k, v in cased.items()})


_INDEX = _build_index(STATES + ORGANIZATIONS)
ALL_SURFACE_FORMS: dict[str, Entity] = _INDEX.forms
_MAX_WORDS = max(len(key.split()) for key in ALL_SURFACE_FORMS)


def _find(table: dict[str, Entity], text: object) -> Entity | None:
    if not isinstance(text, str):
        return None
    surface = _surface(text)
    key = surface.casefold()
    ent = table.get(key)
    if ent is None:
        return None
    allowed = _INDEX.cased.get(key)
    if allowed is not None and surface not in allowed:
        return None
    return ent


def lookup(name: str) -> Entity | None:
    """The entity whose canonical name or alias is ``name`` (demonyms excluded)."""
    return _find(_INDEX.names, name)


def lookup_demonym(word: str) -> Entity | None:
    """The state whose demonym is ``word``: "Russian", "North Koreans" -> the state."""
    return _find(_INDEX.demonyms, word)


def lookup_any(text: str) -> Entity | None:
    """Like :func:`lookup`, falling back to :func:`lookup_demonym`."""
    return _find(_INDEX.forms, text)


def canonical(name: str) -> str | None:
    """The canonical name for ``name``, or None if it is not known."""
    ent = lookup(name)
    return ent.name if ent is not None else None


def max_words() -> int:
    """Words in the longest surface form (hyphens count as spaces; a leading
    "the" is not counted, so scan one word more to include it)."""
    return _MAX_WORDS
