"""Merge actors across a store: one row per real-world entity.

Within an article an actor has a name and aliases.  Across the store the same
entity shows up under different surface forms ("Mark Rutte", "Rutte",
"Moscow", "Russian Federation").  :class:`ActorRegistry` resolves each surface
form to one canonical actor, using

* the gazetteer of states and organisations (capitals, abbreviations),
* the article's own aliases, and
* surnames: a lone "Rutte" joins the one person whose last name is Rutte.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from tui.data.model import Actor

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})


_POSSESSIVE = re.compile(r"'s\b")
_DROPPED = re.compile(r"[.\"']")
_NON_WORD = re.compile(r"[^\w]+")


def _lookup(name: str):
    from tui.data import gazetteer  # big tables: loaded when the first store is indexed, not at start

    return gazetteer.lookup(name)


@functools.lru_cache(maxsize=1 << 16)  # names recur across a store; long texts just pass through
def norm_name(name: str) -> str:
    """Fold a surface form for comparison: case, accents, dots, possessives, 'the'."""
    s = name.translate(_APOSTROPHES)
    if not s.isascii():  # ASCII has no accents to fold (and is most text): skip the slow part
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = _NON_WORD.sub(" ", _DROPPED.sub("", _POSSESSIVE.sub("", s.lower()))).strip()
    return s[4:] if s.startswith("the ") else s


def is_generic(form: str) -> bool:
    """Descriptions such as "the agency" or "the ministry": local to one article."""
    words = form.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return not words or all(w[:1].islower() for w in words)


def slug(name: str) -> str:
    return norm_name(name).replace(" ", "-")


@dataclass(slots=True)
class CanonicalActor:
    key: str
    name: str
    kind: str
    roles: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    fixed: bool = False  # name/kind come from the gazetteer
    default_role: str = ""

    @property
    def role(self) -> str:
        return self.roles.most_common(1)[0][0] if self.roles else self.default_role

    def finish(self) -> None:
        if not self.fixed and self.kinds:
            self.kind = self.kinds.most_common(1)[0][0]
        self.aliases.discard(self.name)


class ActorRegistry:
    """Collects actors from every article and resolves names to canonical keys."""

    def __init__(self) -> None:
        self.actors: dict[str, CanonicalActor] = {}
        self._forms: dict[str, str] = {}  # normalised surface form -> key
        self._surnames: dict[str, set[str]] = {}  # surname -> person keys
        self._merged: dict[str, str] = {}  # merged-away key -> key it joined

    # -- building -----------------------------------------------------------
    def add(self, actor: Actor) -> str:
        """Register an article's actor; return its canonical key."""
        forms = tuple(f for f in (actor.name, *actor.aliases) if not is_generic(f)) or (actor.name,)
        key = self._known_key(forms)
        if key is None:
            key = self._new(actor.name, actor.kind)
        canon = self.actors[key]
        for form in forms:
            self._claim(form, key)
        if actor.role:
            canon.roles[actor.role] += 1
        canon.kinds[actor.kind] += 1
        if actor.kind == "person" and not canon.fixed:
            if len(actor.name.split()) > len(canon.name.split()):
                canon.aliases.add(canon.name)
                canon.name = actor.name
            for form in forms:
                parts = form.split()
                if len(parts) > 1:
                    self._surnames.setdefault(norm_name(parts[-1]), set()).add(key)
        return key

    def _known_key(self, forms: tuple[str, ...]) -> str | None:
        for form in forms:
            key = self._forms.get(norm_name(form))
            if key:
                return key
        for form in forms:
            entity = _lookup(form)
            if entity is not None:
                return self._entity_key(entity)
        return None

    def _entity_key(self, entity) -> str:
        key = "a:" + slug(entity.name)
        if key not in self.actors:
            default_role = entity.role if entity.kind != "state" else ""
            self.actors[key] = CanonicalActor(key, entity.name, entity.kind, fixed=True, default_role=default_role)
            self._claim(entity.name, key)
        return key

    def _new(self, name: str, kind: str) -> str:
        key = base = "a:" + (slug(name) or "unnamed")
        n = 2
        while key in self.actors:
            key = f"{base}-{n}"
            n += 1
        self.actors[key] = CanonicalActor(key, name, kind)
        self._claim(name, key)
        return key

    def _claim(self, form: str, key: str) -> None:
        n = norm_name(form)
        if not n or is_generic(form):
            return
        self._forms.setdefault(n, key)
        if self._forms[n] == key and form != self.actors[key].name:
            self.actors[key].aliases.add(form)

    def finish(self) -> None:
        """Fold lone surnames into the unique full-name person they belong to."""
        for key in list(self.actors):
            canon = self.actors[key]
            if canon.fixed or len(canon.name.split()) != 1:
                continue
            targets = self._surnames.get(norm_name(canon.name), set()) - {key}
            if len(targets) == 1 and canon.kinds.get("person"):
                self._merge(key, targets.pop())
        for canon in self.actors.values():
            canon.finish()

    def canonical_key(self, key: str) -> str:
        """Follow merges: the key an actor registered under now lives at."""
        while key in self._merged:
            key = self._merged[key]
        return key

    def _merge(self, src: str, dst: str) -> None:
        self._merged[src] = dst
        a, b = self.actors.pop(src), self.actors[dst]
        b.roles.update(a.roles)
        b.kinds.update(a.kinds)
        b.aliases |= a.aliases | {a.name}
        for form, key in self._forms.items():
            if key == src:
                self._forms[form] = dst

    # -- resolving ----------------------------------------------------------
    def resolve(self, name: str | None) -> str | None:
        """The canonical key for a surface form, or None for unknown names."""
        if not name:
            return None
        key = self._forms.get(norm_name(name))
        if key is None:
            entity = _lookup(name)
            if entity is not None:
                key = self._forms.get(norm_name(entity.name))
        if key is None:
            parts = name.split()
            if len(parts) == 1:
                targets = self._surnames.get(norm_name(name), set())
                if len(targets) == 1:
                    key = next(iter(targets))
        return key if key in self.actors else None


_SPLIT_HOLDERS = re.compile(r"\s*(?:,|;|/|\band\b|&)\s*")


def split_holders(holder: str | None) -> list[str]:
    """'Poland, Romania' / 'United States and Europe' -> separate names."""
    if not holder:
        return []
    return [h for h in _SPLIT_HOLDERS.split(holder) if h]
