"""Build the article's actors from mentions: one actor per real-world entity.

* Gazetteer entities (states, organisations, groups) are keyed by their
  canonical name, so "Moscow", "Russian Federation" and "Russia" are one
  actor; capitals and abbreviations seen in the text become aliases.
* Persons are full names (two or more words), or single names introduced by
  a title ("President Biden").  A lone surname ("Rutte") joins the person
  whose name ends with it; the longest form is the actor's name.
* Undecided capitalised names become persons only with evidence: a known
  given name, a title or role word, a speech verb, an appositive, or a later
  reference by surname.
* Other organisations: capitalised runs headed by Institute, Ministry, Party
  ... (found by :mod:`tui.extract.names`) and acronyms used as speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.data.model import Actor
from tui.extract import lexicon as lx
from tui.extract.names import Mention, is_outlet

_INITIALISM = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
_LEAD_THE = re.compile(r"^(?:the|The)\s+")


@dataclass(slots=True)
class ActorInfo:
    name: str
    kind: str
    role: str = ""
    aliases: list[str] = field(default_factory=list)
    gender: str = ""  # "f" | "m" | ""
    outlet: bool = False
    first: int = 0  # position of the first mention
    mentions: int = 0

    def add_alias(self, form: str) -> None:
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def to_actor(self) -> Actor:
        return Actor(self.name, self.kind, self.role, tuple(self.aliases))


@lru_cache(maxsize=4096)
def _gender_of(first_word: str, role: str) -> str:
    w = first_word.lower()
    r = role.lower().split()
    if not lx.FEMALE_TITLES.isdisjoint(r):
        return "f"
    if not lx.MALE_TITLES.isdisjoint(r):
        return "m"
    if w in lx.FEMALE_NAMES:
        return "f"
    if w in lx.MALE_NAMES:
        return "m"
    return ""


def _surname(words: list[str]) -> str:
    """The family name: last word, or the first for East Asian names ("Cho Tae-yul", "Chen Haoran")."""
    first, last = words[0], words[-1]
    if first.lower() in lx.EAST_ASIAN_SURNAMES and (("-" in last and last.split("-")[1][:1].islower())
                                                     or (len(words) == 2 and last.lower() not in lx.GIVEN_NAMES)):
        return first
    return last


_GIVEN_NAME_TITLES = frozenset("sheikh sheikha prince princess king queen emir sultan crown".split())


def _by_given_name(word: str, title: str, persons: dict[str, ActorInfo]) -> ActorInfo | None:
    """The one person whose full name starts with ``word``, when a title that goes with a given
    name ("Sheikh Mansour", "Prince Faisal") introduces it."""
    if title.split()[-1].lower() not in _GIVEN_NAME_TITLES:
        return None
    found = [i for i in persons.values() if len(i.name.split()) > 1 and i.name.split()[0] == word]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=8192)
def _clean_name(name: str) -> str:
    name = _LEAD_THE.sub("", name).strip(" ,;:")
    if name.endswith(".") and not _INITIALISM.search(name):
        name = name.rstrip(".")
    return name


class ActorTable:
    """Actors of one article and the mapping from mentions to them."""

    def __init__(self) -> None:
        self.by_key: dict[str, ActorInfo] = {}
        self.order: list[str] = []
        self._surfaces: set[str] = set()

    def _get(self, key: str, name: str, kind: str, pos: int) -> ActorInfo:
        info = self.by_key.get(key)
        if info is None:
            info = ActorInfo(name, kind, first=pos)
            self.by_key[key] = info
            self.order.append(key)
        info.mentions += 1
        return info

    def build(self, mentions: list[Mention], paras_text: list[str]) -> None:
        persons: dict[str, ActorInfo] = {}
        surname_of: dict[str, str] = {}
        pending: list[Mention] = []
        # a state named only as a venue ("talks in Rome") or an outlet only credited
        # ("(AP)", a photo credit) is not an actor of the story
        wanted: set[str] = set()
        for m in mentions:
            if m.entity is not None and not m.locative and (m.cited or not is_outlet(m.entity)):
                wanted.add(m.entity.name)
        for m in mentions:
            if m.entity is not None:
                ent = m.entity
                if ent.name not in wanted:
                    continue
                info = self._get("g:" + ent.name, ent.name, ent.kind, m.pos)
                if ent.kind != "state" and not info.role:
                    info.role = ent.role
                info.outlet = is_outlet(ent)
                if not m.demonym:
                    info.add_alias(_clean_name(m.text))
                    self._surfaces.add(_clean_name(m.text))
                m.actor = info.name
                if info.mentions == 1:
                    # abbreviations only: longer official names can contain other actors' names
                    # ("Republic of China" is Taiwan), which would blur matching across actors
                    for a in ent.aliases:
                        if a.replace(".", "").isupper() and " " not in a and len(a) <= 6:
                            info.add_alias(a)
            elif m.kind == "organization":
                name = _clean_name(m.text)
                if not name:
                    continue
                key = "o:" + name.lower()
                info = self.by_key.get("o:" + m.alias.lower()) if m.alias else None
                if info is None:
                    info = self._get(key, name, "organization", m.pos)
                    self.by_key.setdefault("o:" + m.alias.lower(), info) if m.alias else None
                info.add_alias(m.alias)
                if m.role and not info.role:
                    info.role = m.role
                m.actor = info.name
                ac = _PAREN_ACRONYM.match(paras_text[m.para], m.end)
                if ac:
                    info.add_alias(ac.group(1))
                    self.by_key.setdefault("o:" + ac.group(1).lower(), info)
            elif m.kind == "name":
                pending.append(m)
        # persons: full names first, so surnames can join them
        for m in pending:
            words = m.text.split()
            if len(words) < 2 or m.kind != "name":
                continue
            if not self._is_person(m, surname_refs=self._surname_refs(m, pending)):
                continue
            key = "p:" + m.text.lower()
            joined = self._join_person(m.text, persons)
            info = joined or self._get(key, m.text, "person", m.pos)
            if joined is None:
                persons[key] = info
            else:
                info.mentions += 1
            if len(m.text) > len(info.name):
                info.add_alias(info.name)
                info.name = m.text
            info.add_alias(_surname(words))
            if m.role and not info.role:
                info.role = m.role
            if not info.gender:
                info.gender = _gender_of(words[0], m.role)
            m.actor = info.name
            surname_of[words[-1].lower()] = info.name
            for w in words[:-1]:
                if w.lower() not in lx.GIVEN_NAMES and w[0].isupper():
                    surname_of.setdefault(w.lower(), info.name)
        name_to_info = {i.name: i for i in persons.values()}
        for m in pending:
            if m.actor is not None:
                continue
            word = m.text.split()[0] if len(m.text.split()) == 1 else None
            if word is not None:
                target = surname_of.get(word.lower())
                if target is not None:
                    m.actor = target
                    info = name_to_info[target]
                    info.mentions += 1
                    if m.role and not info.role:
                        info.role = m.role
                    continue
                target = _by_given_name(word, m.title, persons) if m.title else None
                if target is not None:  # "Sheikh Mansour" is Sheikh Mansour bin Saif Al Hajri
                    m.actor = target.name
                    target.mentions += 1
                    continue
                if m.title or (m.role and m.role.split()[-1].lower() in lx.ROLE_NOUNS and m.speech):
                    key = "p:" + word.lower()
                    info = persons.get(key) or self._get(key, word, "person", m.pos)
                    persons[key] = info
                    name_to_info[info.name] = info
                    surname_of[word.lower()] = info.name
                    if m.role and not info.role:
                        info.role = m.role
                    if not info.gender:
                        info.gender = _gender_of("", m.role)
                    m.actor = info.name
        # single names used before their title/full form was seen
        for m in pending:
            if m.actor is None and len(m.text.split()) == 1:
                target = surname_of.get(m.text.lower())
                if target is not None:
                    m.actor = target
        # organisations are named as the article names them at most length ("International Atomic
        # Energy Agency" rather than the gazetteer's "IAEA"); states keep the canonical name
        for info in self.actors():
            if info.kind == "state":
                continue
            seen = [a for a in info.aliases if a in self._surfaces]
            longest = max(seen, key=lambda a: (len(a.split()), len(a)), default=None)
            if longest and len(longest.split()) > len(info.name.split()):
                old = info.name
                info.aliases.remove(longest)
                info.add_alias(old)
                info.name = longest
                for m in mentions:
                    if m.actor == old:
                        m.actor = longest
        # acronyms used like organisations elsewhere in the article
        for m in mentions:
            if m.kind == "acronym" and m.actor is None:
                info = self.by_key.get("o:" + m.text.lower())
                if info is not None:
                    m.actor = info.name

    def _surname_refs(self, m: Mention, pending: list[Mention]) -> bool:
        # the last word, or an inner surname ("Ordóñez" for "Yolanda Mercedes Ordóñez Pacheco")
        words = set(m.text.split()[1:])
        return any(p is not m and p.text in words for p in pending)

    @staticmethod
    def _is_person(m: Mention, surname_refs: bool) -> bool:
        words = m.text.split()
        if len(words) > 5:
            return False
        if any(w.lower() in lx.ORG_KEYWORDS for w in words):
            return False
        if any(w.isupper() and len(w) > 1 and not (len(w) == 2 and w.endswith(".")) for w in words):
            return False
        if m.title or m.role:
            return True
        first = words[0].lower()
        if first in lx.GIVEN_NAMES:
            return True
        if len(words) == 2 and words[1].lower() in lx.GIVEN_NAMES and first not in lx.EAST_ASIAN_SURNAMES:
            return False  # "Lockheed Martin", "Aston Martin": a given name in last place is a company's
        return m.speech or m.appositive or surname_refs

    @staticmethod
    def _join_person(name: str, persons: dict[str, ActorInfo]) -> ActorInfo | None:
        words = name.lower().split()
        for info in persons.values():
            other = info.name.lower().split()
            if other == words:
                return info
            # one name is the tail of the other ("Marie Dalya" / "Anne Marie Dalya")
            if len(other) != len(words) and other[-1] == words[-1] and (
                    other[-len(words):] == words or words[-len(other):] == other):
                return info
        return None

    def actors(self) -> list[ActorInfo]:
        seen: set[int] = set()
        out = []
        for key in self.order:
            info = self.by_key[key]
            if id(info) in seen:
                continue
            seen.add(id(info))
            out.append(info)
        return out
