"""The article as the later stages see it, and resolution of speaker phrases.

:class:`Context` holds the paragraphs, every mention (already linked to an
actor) and the actor table.  :meth:`Context.resolve` turns the subject of a
speech verb ("Pentagon spokeswoman Sabrina Singh", "she", "the minister",
"the agency", "a senior South Korean official") into a speaker: an actor's
name, or a descriptive string for anonymous sources, or None.  Looking back
for the antecedent of a pronoun or definite description is
:mod:`tui.extract.antecedents`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tui.data import gazetteer
from tui.extract import lexicon as lx
from tui.extract.actors import ActorInfo, ActorTable
from tui.extract.antecedents import DESCRIBED, NAMED, RESOLVED, Antecedents
from tui.extract.describe import describe
from tui.extract.names import Mention
from tui.extract.text import Para

__all__ = ["DESCRIBED", "NAMED", "RESOLVED", "Context"]

_LEAD_DET = re.compile(r"^(?:and|but|while|as|after|since|because|so|yet|then|also)\s+", re.I)
_TRAIL_ADV = re.compile(r"(?:\s+(?:also|later|then|in turn|further|again|previously|earlier|recently|"
                        r"separately|once|has|had|have|was|is|were|are|had been|has been|would|will|reportedly|long|since|"
                        r"publicly|privately|\w+ly))+$", re.I)
_TRIM_LAST = frozenset("also later then turn further again previously earlier recently separately once has had "
                       "have was is were are been would will long since".split())
_LEAD_WORDS = frozenset(w[:4] for w in "and but while as after since because so yet then also".split())


def _needs_trim(phrase: str) -> bool:
    last = phrase.rstrip().rsplit(None, 1)[-1].lower() if phrase.strip() else ""
    return last in _TRIM_LAST or last.endswith("ly")


_PRONOUN = re.compile(r"^(he|she|they|it|we|i)$", re.I)
_DEFINITE = re.compile(r"^(?:the|this|that)\s+(?:(?:[a-z-]+|[A-Z][\w-]+)\s+){0,3}?([a-z-]+)$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_DOCS = frozenset("statement communique communiqué declaration report letter document readout note release "
                  "post message text resolution".split())
_HEADS = lx.ROLE_NOUNS | lx.SOURCE_NOUNS
_HEADS_PLURAL = _HEADS | {"leaders", "men", "women"}
_ROLE_HEAD = re.compile(r"\b(?i:" + lx.alternation(lx.ROLE_NOUNS | lx.TITLE_WORDS - lx.TITLE_MODIFIERS) + r")\b")
_REL = re.compile(r"\s*(?:who|which|whose|where|when|whom)\b")
_SPEECH = re.compile(r"\b" + lx.alternation(lx.SPEECH_VERBS) + r"\b")
_AUX = frozenset("has have had is are was were will would also has been have been later then".split())
_SUBORD = re.compile(r"^.*\b(?:as|while|whereas|when|after|because|since|though|although|but)\s+"
                     r"(?=[A-Z]|(?:he|she|they|it|we)\b)")
_BARE_OK = lx.TITLE_WORDS | {"the", "\u2019s", "'s", "his", "her"}
_CLAUSE_STOP = frozenset("after before when while since because although though if is are was were has have "
                         "had would will could should said says".split())
_PARTICIPIAL = re.compile(r"\s*(?:(?:also|later|then|again|while|when|after|before|separately)\s+)?"
                          r"[a-z]+ing\b(?!\s+(?:said|says|told))")
_BY_ORG = re.compile(r"\b(?:by|from)\b")
_OUTLET_VERB = re.compile(r"(?:['\u2019]s)?\s+(?:reports|reported|writes|wrote|notes|noted|points out)\b")
_ACCORDING_END = re.compile(r"according to\s+(?:the\s+)?$")


def _starts_with_verb(seg: str) -> bool:
    """"accused the G7 of … and": a predicate whose subject stands further back."""
    words = seg.split()
    if not words:
        return False
    w = words[0].lower()
    return w in lx.SPEECH_VERBS or w in _AUX or (w[:1].islower() and w.endswith(("ed", "es", "ing")) and len(w) > 4)


def _comma_before(p: Para, lo: int, hi: int) -> int:
    """The last comma in [lo, hi) outside quotations, or -1."""
    k = p.text.rfind(",", lo, hi)
    while k >= lo and p.in_quote(k):
        k = p.text.rfind(",", lo, k)
    return k if k >= lo else -1


def _segment_start(p: Para, lo: int, c: int) -> int:
    """Where the comma segment that ends at the comma ``c`` begins."""
    prev = _comma_before(p, lo, c)
    return prev + 1 if prev >= 0 else lo


@dataclass(slots=True)
class Context(Antecedents):
    paras: list[Para]
    mentions: list[Mention]
    table: ActorTable
    narrator: str | None = None
    said: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, speaker, head noun) so far
    _pos: list[int] = field(default_factory=list)  # positions of _linked
    _info: dict[str, ActorInfo] = field(default_factory=dict)
    _linked: list[Mention] = field(default_factory=list)  # the mentions with an actor (final once built)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: m.pos)
        self._linked = [m for m in self.mentions if m.actor is not None]
        self._pos = [m.pos for m in self._linked]
        self._info = {a.name: a for a in self.table.actors()}
        self.narrator = self._find_narrator()

    # -- helpers -----------------------------------------------------------------
    def info(self, name: str | None) -> ActorInfo | None:
        return self._info.get(name) if name else None

    def mentions_in(self, para: int, start: int, end: int) -> list[Mention]:
        pos = self._pos
        base = para * 1_000_000
        return self._linked[bisect.bisect_left(pos, base + start):bisect.bisect_left(pos, base + end)]

    def mentions_before(self, para: int, pos: int):
        """Mentions before (para, pos), nearest first, outside quotations."""
        hi = bisect.bisect_left(self._pos, para * 1_000_000 + pos)
        for m in reversed(self._linked[:hi]):
            if not m.in_quote:
                yield m

    def _find_narrator(self) -> str | None:
        outlets = [a for a in self.table.actors() if a.outlet]
        if not outlets:
            return None
        text = " ".join(p.text for p in self.paras)
        low = text.lower()
        generic = any(f"the {w}" in low for w in ("agency", "publication", "newspaper", "outlet"))
        best = None
        for a in outlets:
            forms = [a.name, *a.aliases]
            for f in forms:
                for m in re.finditer(re.escape(f), text):
                    tail = text[m.end():m.end() + 30]
                    head = text[max(0, m.start() - 15):m.start()]
                    if _OUTLET_VERB.match(tail) or _ACCORDING_END.search(head):
                        best = best or a
        if best is None and generic and len(outlets) == 1:
            best = outlets[0]
        return best.name if best else None

    def log(self, para: int, pos: int, speaker: str | None) -> None:
        """Remember who spoke where, for "the official said" / "the statement added"."""
        if speaker:
            heads = " ".join(w for w in speaker.lower().split() if w in _HEADS)
            self.said.append((para * 1_000_000 + pos, speaker, heads))

    def subject(self, para: int, lo: int, hi: int, sentence_start: int | None = None) -> tuple[str | None, int]:
        """Speaker of a speech verb at ``hi``: the comma segments in [lo, hi), nearest first.

        A named actor wins; an appositive ("Emre Kaplan, a researcher at X,") or a
        relative clause ("Beijing, which calls itself") sends the search one segment back.
        """
        p = self.paras[para]
        text = p.text
        best: tuple[str | None, int] = (None, 0)
        seg_end = hi
        for _ in range(4):
            c = _comma_before(p, lo, seg_end)
            a = c + 1 if c >= 0 else lo
            for qs, qe in p.quoted:
                if a <= qs < seg_end and qe <= seg_end and not text[a:qs].strip(" \u2014\u2013-"):
                    a = max(a, qe)  # "“We will not,” he said": the subject follows the quotation
            seg = text[a:seg_end]
            words = _WORD.findall(seg)
            if c >= 0 and words and "ing" in seg and _PARTICIPIAL.match(seg):
                seg_end = c  # "Greg Lawton, also speaking to CNN, made clear": skip the participle phrase
                continue
            v0 = _SPEECH.search(seg)
            n_subj = len(_WORD.findall(seg[:v0.start()])) if v0 is not None and v0.start() > 0 else len(words)
            if words and n_subj <= 16 and not all(w.lower() in _AUX for w in words):
                if seg.lstrip()[:1] == "w" and _REL.match(seg):
                    if c >= 0:
                        pa = _segment_start(p, lo, c)
                        who, st = self.resolve(text[pa:c], para, pa, c)
                        if st >= NAMED:
                            return who, st
                else:
                    sub = _SUBORD.search(seg)
                    if sub is not None:
                        a += sub.end()
                        seg = text[a:seg_end]
                        v = _SPEECH.search(seg)
                    else:
                        v = v0
                    if v is not None and v.start() > 0 and seg[:v.start()].strip():
                        # "the ministry said … and urged": the subject stands before the first verb
                        who, st = self.resolve(seg[:v.start()], para, a, a + v.start())
                    else:
                        who, st = self.resolve(seg, para, a, seg_end)
                    if st > best[1]:
                        best = (who, st)
                    if st >= NAMED and c >= 0 and sub is None and self._kind_of(who) != "person" \
                            and _ROLE_HEAD.search(seg):
                        # "Turki Al Dosari, Saudi Arabia's Ambassador to Yemen, said": the appositive
                        # names the person's office; the person before it is the speaker
                        pa = _segment_start(p, lo, c)
                        if self._bare(para, pa, c):
                            named = self.resolve(text[pa:c], para, pa, c)
                            if self._kind_of(named[0]) == "person":
                                return named
                    if st >= NAMED or sub is not None:
                        return best
                    if st == 0 and not self._appositive_like(seg) and not _starts_with_verb(seg):
                        break  # "a week after soldiers detained …": no speaker further back
                    if st == DESCRIBED:
                        # only an appositive may stand between a name and its verb
                        pa = _segment_start(p, lo, c) if c >= 0 else lo
                        if c >= 0 and self._bare(para, pa, c):
                            return self.resolve(text[pa:c], para, pa, c)
                        return best
            if c < 0:
                break
            seg_end = c
        if best[1] == 0 and sentence_start is not None:
            # the sentence opens with the actor: "The US State Department welcomed ... and said"
            first = self.mentions_in(para, sentence_start, hi)
            if first and text[sentence_start:first[0].start].strip(" \u201c\"'").lower() in ("", "the"):
                who, st = self.resolve(text[first[0].start:first[0].end], para, first[0].start, first[0].end)
                if st:
                    return who, st
        return best

    # -- resolution ------------------------------------------------------------
    def resolve(self, phrase: str, para: int, start: int, end: int) -> tuple[str | None, int]:
        """Speaker for the subject phrase at para[start:end]; (speaker, strength)."""
        phrase = phrase.strip(" ,;:\u2014\u2013-")
        if phrase[:4].lower() in _LEAD_WORDS:
            phrase = _LEAD_DET.sub("", phrase)
        if _needs_trim(phrase):
            phrase = _TRAIL_ADV.sub("", phrase).strip()
        if not phrase:
            return None, 0
        inside = [m for m in self.mentions_in(para, start, end) if not m.in_quote]
        info = self._info
        for m in inside:
            got = info.get(m.actor or "")
            if got is not None and got.kind == "person":
                return m.actor, NAMED
        words = _WORD.findall(phrase)
        if not words:
            return None, 0
        low = [w.lower() for w in words]
        if len(words) == 1 and _PRONOUN.match(words[0]):
            return self._pronoun(low[0], para, start)
        head = low[-1]
        lead = self.paras[para].text[start:inside[0].start].lower() if inside else ""
        if inside and any(w in _HEADS for w in _WORD.findall(lead)):
            inside = []  # "a researcher at Keio University": the organisation only qualifies the speaker
        if low[0] in ("a", "an") and len(low) > 1 and low[1] in _DOCS:
            # "according to a statement posted on the council's website"
            orgs = [m for m in inside if self._kind(m) in ("organization", "group")]
            if orgs:
                return orgs[0].actor, NAMED
            kw = next((w for w in low[2:] if w.strip("\u2019's") in lx.ORG_KEYWORDS), None)
            who = self._definite_org(kw.strip("\u2019's"), para, start) if kw else None
            if who:
                return who, RESOLVED
        if low[0] in ("the", "this", "that", "its", "their") and head in _DOCS and len(words) <= 4:
            mods = [w for w in low[1:-1] if w not in ("joint", "same", "written", "latest", "new", "brief")]
            who = self._logged_matching(para, start, mods)
            who = who or (self._definite_org("", para, start, mods) if mods else None) or self._last_org(para, start)
            if who:
                return who, RESOLVED
        # an organisation or state speaking as itself ("the Kremlin said", "Bloomberg notes")
        inside = self._outermost(inside)
        if len(inside) >= 2 and self._possessive(para, inside[-2]) and \
                not self.paras[para].text[inside[-2].end:inside[-1].start].strip(" \u2019's"):
            inside = inside[:-2] + inside[-1:]  # "Japan's Foreign Ministry" is the ministry
        if inside and self._kind(inside[-1]) in ("organization", "group") and _BY_ORG.search(
                self.paras[para].text[start:inside[-1].start]) and not self.paras[para].text[inside[-1].end:end].strip(" ,."):
            return inside[-1].actor, NAMED  # "estimates by consultancy Petrolatin Analytics"
        if inside and (len(inside) == 1 or self._is_list(para, inside, end)):
            tail = self.paras[para].text[inside[-1].end:end]
            if _needs_trim(tail):
                tail = _TRAIL_ADV.sub("", tail)
            tail = tail.strip(" \u2019's,")
            if not tail or not _WORD.search(tail):
                return inside[0].actor, NAMED
        if low[0] in ("its", "their") and 2 <= len(words) <= 4:
            owner = self._sentence_subject(para, start)
            if owner is not None and owner.kind == "state":
                # "China …, according to its foreign ministry": the ministry of the sentence's state
                adj = next(iter(gazetteer.lookup(owner.name).demonyms), owner.name) if gazetteer.lookup(owner.name) \
                    else owner.name
                who = self._definite_org(head, para, start, [adj.lower()] + low[1:-1])
                return (who or owner.name), RESOLVED
            who = self._definite_org(head, para, start, low[1:-1])
            if who:
                return who, RESOLVED
        if low[0] in ("the", "this") and len(words) <= 4 and head in ("ministry", "agency", "department", "office",
                                                                     "commission", "council", "mission", "embassy"):
            who = self._definite_org(head, para, start, low[1:-1])
            if who:
                return who, RESOLVED
        if head in lx.OUTLET_NOUNS and low[0] in ("the", "this") and len(words) <= 4:
            who = self._outlet(para, start)
            if who:
                return who, RESOLVED
        if len(words) <= 5 and head in lx.ROLE_NOUNS and inside and len(inside) == 1 and self._kind(inside[0]) == "state" \
                and self._possessive(para, inside[0]):
            # "Nigeria's foreign minister" (named before or after): the person with that role
            who = self._definite_person(head, para, start, [w.strip("\u2019'") for w in low[1:-1]], strict=True)
            if who:
                return who, RESOLVED
        if low[0] in ("the", "this", "that") and len(words) <= 5 and head in _HEADS \
                and not head.endswith("s"):
            logged = self._logged(para, start, head)
            if logged and not self.info(logged):
                return logged, RESOLVED  # "A senior official said ... the official said"
            who = self._definite_person(head, para, start, [w.strip("\u2019'") for w in low[1:-1]])
            if who:
                return who, RESOLVED
        if low[0] in ("the",) and len(words) <= 3 and head in lx.ORG_KEYWORDS:
            who = self._definite_org(head, para, start)
            if who:
                return who, RESOLVED
        if low[:2] == ["the", "two"] and len(low) == 3 and head in _HEADS_PLURAL:
            names = self._last_persons(para, start, 2)
            if len(names) == 2:
                return f"{names[1]} and {names[0]}", RESOLVED
        desc = describe(words, low, phrase)
        if desc:
            return desc, DESCRIBED
        return None, 0

    def _possessive(self, para: int, m: Mention) -> bool:
        text = self.paras[para].text
        return text[m.start:m.end].endswith(("\u2019s", "'s")) or text[m.end:m.end + 2] in ("\u2019s", "'s")

    @staticmethod
    def _appositive_like(seg: str) -> bool:
        """"the three European parties to the 2015 deal": a noun phrase that may describe a name before it."""
        words = seg.split()
        return bool(words) and words[0].lower() in ("a", "an", "the", "one", "two", "three", "both") \
            and not _CLAUSE_STOP.intersection(w.lower() for w in words)

    def _bare(self, para: int, a: int, b: int) -> bool:
        """Is text[a:b] just a name ("Emre Kaplan", "the Kremlin")?"""
        ms = self._outermost(self.mentions_in(para, a, b))
        if len(ms) != 1:
            return False
        rest = (self.paras[para].text[a:ms[0].start] + self.paras[para].text[ms[0].end:b]).strip(" ,")
        return all(w.lower().rstrip(".") in _BARE_OK for w in rest.split())

    @staticmethod
    def _outermost(inside: list[Mention]) -> list[Mention]:
        """Drop mentions nested in another ("U.S." inside "U.S. State Department")."""
        out = []
        for m in inside:
            if out and m.start < out[-1].end:
                if m.end - m.start > out[-1].end - out[-1].start:
                    out[-1] = m
                continue
            out.append(m)
        return out

    def _is_list(self, para: int, inside: list[Mention], end: int) -> bool:
        """"Britain, France and Germany": a list of actors, the first one speaks for them."""
        text = self.paras[para].text
        gaps = [text[a.end:b.start] for a, b in zip(inside, inside[1:])]
        return all(g.strip() in (",", "and", ", and", "&") for g in gaps)
