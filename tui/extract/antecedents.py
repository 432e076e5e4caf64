"""Looking back through the article for the actor a reference points to.

:class:`Antecedents` is mixed into :class:`~tui.extract.context.Context`: it
finds the person a pronoun ("he", "she") or a definite description ("the
minister", "the deputy secretary") refers to, the organisation behind "it",
"the ministry" or "the statement", the outlet behind "the newspaper", and the
speakers logged so far.  It reads ``paras``, ``said``, ``narrator``, ``_info``
and ``mentions_before`` from the context.
"""

from __future__ import annotations

from tui.data import gazetteer
from tui.extract import lexicon as lx
from tui.extract.actors import ActorInfo
from tui.extract.gazindex import belongs_to_state
from tui.extract.names import Mention

NAMED, RESOLVED, DESCRIBED = 3, 2, 1  # how firmly a phrase was tied to a speaker
_RANK = frozenset("deputy vice assistant under acting former chief senior junior".split())


class Antecedents:
    """Antecedent look-ups over the mentions and speakers before a position."""

    __slots__ = ()

    def _logged(self, para: int, pos: int, head: str | None = None) -> str | None:
        here = para * 1_000_000 + pos
        for p, who, h in reversed(self.said):
            if p < here and (head is None or head in h.split() or head + "s" in h.split()):
                return who
        return None

    def _kind(self, m: Mention) -> str:
        return self._kind_of(m.actor)

    def _kind_of(self, name: str | None) -> str:
        info = self._info.get(name or "")
        return info.kind if info else ""

    def _sentence_subject(self, para: int, pos: int) -> ActorInfo | None:
        s0, _ = self.paras[para].sentence_at(pos)
        first = self.mentions_in(para, s0, pos)
        if first and not self.paras[para].text[s0:first[0].start].strip(" \u201c\"'").lower() in ("", "the"):
            return None
        return self._info.get(first[0].actor) if first else None

    def _pronoun(self, pron: str, para: int, pos: int) -> tuple[str | None, int]:
        if pron in ("he", "she"):
            want = "f" if pron == "she" else "m"
            found, at = None, -1
            for m in self.mentions_before(para, pos):
                info = self._info.get(m.actor or "")
                if info is None or info.kind != "person" or info.gender not in ("", want):
                    continue
                found, at = info, m.pos
                break
            # the last speaker is the likelier antecedent when no one was named after them
            here = para * 1_000_000 + pos
            for p, who, _ in reversed(self.said):
                info = self._info.get(who)
                if p >= here or info is None or info.kind != "person" or info.gender not in ("", want):
                    continue
                if p > at:
                    found, at = info, p
                break
            if found is not None:
                if not found.gender:
                    found.gender = want
                return found.name, RESOLVED
            return None, 0
        if pron == "it":
            for m in self.mentions_before(para, pos):
                info = self._info.get(m.actor or "")
                if info is not None and info.kind in ("organization", "group"):
                    return info.name, RESOLVED
            return None, 0
        return None, 0

    def _outlet(self, para: int, pos: int) -> str | None:
        if self.narrator:
            return self.narrator
        for m in self.mentions_before(para, pos):
            info = self._info.get(m.actor or "")
            if info is not None and info.outlet:
                return info.name
        return None

    def _definite_person(self, head: str, para: int, pos: int, mods: list[str] = (), strict: bool = False) -> str | None:
        """"the minister", "the deputy secretary": the last person whose role fits, else the last person."""
        mods = [m for m in mods if m in _RANK or m in lx.PORTFOLIO_WORDS or m in lx.ROLE_NOUNS]
        first = None
        weak = None
        for m in self.mentions_before(para, pos):
            info = self._info.get(m.actor or "")
            if info is None or info.kind != "person":
                continue
            role = info.role.lower().split()
            if head in role or head in " ".join(role):
                if all(x in role for x in mods) and (mods or not _RANK.intersection(role)):
                    return info.name
                weak = weak or info.name
            if first is None:
                first = info.name
        if weak and not strict:
            return weak
        # a description before the name is given ("the alliance's deputy secretary general told CNN")
        for info in self._info.values():
            role = info.role.lower().split()
            if info.kind == "person" and head in role and all(x in role for x in mods):
                return info.name
        return None if strict else first

    def _logged_matching(self, para: int, pos: int, mods: list[str]) -> str | None:
        here = para * 1_000_000 + pos
        for p, who, _ in reversed(self.said):
            if p >= here:
                continue
            info = self._info.get(who)
            if not mods:
                return who
            forms = "|".join([who, *(info.aliases if info else ())]).lower()
            if all(belongs_to_state(x, forms) if gazetteer.lookup_any(x.capitalize()) else x in forms for x in mods):
                return who
        return None

    def _last_persons(self, para: int, pos: int, n: int) -> list[str]:
        out: list[str] = []
        for m in self.mentions_before(para, pos):
            info = self._info.get(m.actor or "")
            if info is not None and info.kind == "person" and info.name not in out:
                out.append(info.name)
                if len(out) == n:
                    break
        return out

    def _last_org(self, para: int, pos: int) -> str | None:
        for m in self.mentions_before(para, pos):
            info = self._info.get(m.actor or "")
            if info is not None and info.kind in ("organization", "group") and not info.outlet:
                return info.name
        return None

    def _definite_org(self, head: str, para: int, pos: int, mods: list[str] = ()) -> str | None:
        mods = [m for m in mods if m not in ("foreign", "defence", "defense", "same")]
        for m in self.mentions_before(para, pos):
            info = self._info.get(m.actor or "")
            if info is None or info.kind not in ("organization", "group"):
                continue
            forms = "|".join([info.name, *info.aliases]).lower()
            if head in forms and all(belongs_to_state(x, forms) or x in forms for x in mods):
                return info.name
        return None
