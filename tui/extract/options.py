"""Options: courses of action proposed, weighed, urged, rejected or already in place.

A sentence (outside direct quotations) is read for *triggers*, each of which
opens an action and sets its status:

* under discussion: "is considering / weighing / mulling (whether to) …",
  "another option would be to …", "the options include …", "talks are
  expected to …", "X could / should <verb> …" (proposed for should/must);
* proposed: "the idea / proposal / plan to …", "proposed / urged / called for /
  is ready to / plans to / threatened to / wanted …";
* rejected: "ruled out …", "refused / declined to <policy verb>", "will not /
  would not <policy verb>", "rejected the idea / proposal …";
* adopted: "agreed to / decided to / approved / imposed / suspended / lodged /
  summoned …", "will <policy verb>";
* in place: "already …", "continue(s) to …", "would stay / remain in place",
  "sanctions have been imposed …", a measure noun "sanctions / tariffs /
  export controls on …".

The option text is the verb phrase after the trigger, cut at the end of its
clause.  One option per course of action: a sentence gives one option, or
one per clause when clauses are joined by "and" / ";" with their own
trigger, or one per item of an "including A or B" list of -ing phrases.
Holder: the actor named in the trigger's subject ("option for X", "the
French idea", "urged X to" → X), else the sentence's first actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract.context import Context
from tui.extract.option_triggers import (BIT_TRIGGERS, ING, KEY_BITS, KEY_WORDS, MODAL_BIT, STAY_BIT,
                                          SUBJECT_NOUNS, TRIGGERS)
from tui.extract.text import Para, has_matches

# Where an action's clause ends.  A cheap scan finds candidate positions (punctuation, "but",
# "while", "and"); an anchored pattern then confirms the cut at that position.
_CUT_AT = re.compile(r"[,;.?!\u2014\"\u201d\u2019\s](?:(?<=\s)(?:but|while|and)\s|(?<!\s))")  # one class first: fast skip
_CUT = re.compile(
    r",\s+(?:but|while|which|although|though|because|as|after|before|according|said|says|a\s+\w+\s+said|"
    r"he|she|they|it|who|whereas|even|despite|officials|sources|analysts|the\s+\w+\s+said|"
    r"in\s+a\s+(?:statement|move|bid|sign)|two\s+days|saying|adding|warning|noting|citing|arguing|calling|"
    r"describing|accusing|insisting|stressing|claiming|according)\b|\s*\u2014\s+|;|"
    r"\.\s|\.$|\?|!|,\s+[A-Z][^,.;:]{0,60}?\s+(?:said|says|told|added|noted|replied|warned|wrote|stated)\b|"
    r",\s+(?!including\b)[a-z]+ing\b|"
    r"\s(?:but|while)\s+(?:has|have|had|is|are|was|were|would|will)\b|"
    r",?\s+and\s+(?:would|will|could|should|has|have|had|is|are|was|were|must)\b|"
    r",\s+and\s+(?:the\s+)?[A-Z]|"
    r"\sand\s+(?:would|will|could|should|has|have|had|is|are|was|were|must)\b|"
    r"[\"\u201d\u2019]\s*,?\s+(?:he|she|they|it|[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,3})\s+"
    r"(?:said|says|added|told)\b"
)


_ALREADY = re.compile(r"\balready\b")
_NEXT_CLAUSE = re.compile(r"(?:,\s*and\b|;|\band\s+(?:would|will|has|have|had|is|are)\b)")
_STAY = re.compile(r"\b(?:would|will)\s+(?:stay|remain|continue)\b|\bremains?\s+in\s+(?:force|place)\b")
_CLAUSE_START = re.compile(r".*\b(?:that|said|says|added|noted)\s+")

_MODAL_ANY = re.compile(r"\b(?:should|could|must|ought\s+to)\s+(?:(?:also|still|instead|now|then|first|\w+ly)\s+)?"
                        r"(?P<act>[a-z]+\b(?:[^.;]|\.(?=\S)){4,})")
_LIST = re.compile(r"\b(?:including|such\s+as)\s+(?P<list>" + ING + r"\b[^.;]+)")
_LIST_SPLIT = re.compile(r",?\s+(?:or|and)\s+(?=" + ING + r"\b)|,\s+(?=" + ING + r"\b)")
_AND_MORE = re.compile(r",?\s+and\s+(?:to|for)\s+(?=(?:a|an|the|[a-z]+)\b)")
_INPLACE_HINT = re.compile(r"\b(?:already|always\s+been|existing|same\s+tools|in\s+place|continue\s+to|"
                           r"ongoing)\b", re.I)
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_SAID = re.compile(r"\b(?:said|says|told|added|noted|stated|announced|warned)\b(?:\s+\w+){0,6}?\s+that\b|"
                   r"\b(?:said|says|added)\b")
_HOLDER_FOR = re.compile(r"\b(?:option|options|alternative|idea|proposal)\s+for\s+(?:the\s+)?")
_SHOULD = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to)\b")
_NOT_ACTION = re.compile(r"^(?:not|in|on|at|by|from|into|as|with|over|under|after|before|since|until|for\s+(?:the|a)\s+"
                         r"(?:first|second|last)|be|been|being|have|has|had|does|did|say|said|tell|told|know|think|believe|"
                         r"seem|appear|mean|become|get|go|come|want|like|need|find|see|look|feel|happen|"
                         r"matter|work(?!\s+(?:towards?|on|with|to)\b)|take\s+(?:time|years|months)|lead\s+to|prove|turn\s+out|end\s+up)\b")


@dataclass(slots=True)
class FoundOption:
    text: str
    holder: str | None
    status: str
    evidence: str
    para: int


def _cut(act: str) -> str:
    for c in _CUT_AT.finditer(act):
        k = c.start()
        if _CUT.match(act, k) or (k and _CUT.match(act, k - 1)):
            act = act[:k] if act[k] != " " or not _CUT.match(act, k - 1) else act[:k - 1]
            break
    words = act.split()
    if len(words) > 24:
        act = " ".join(words[:24])
    return act.strip(" ,;:").strip()


def _subject_actor(ctx: Context, p: Para, s: int, at: int) -> bool:
    """An actor (or "allies", "the government", a pronoun…) is the subject of a modal at ``at``."""
    lo = max(s, at - 60)
    if p.text[max(s, at - 6):at].endswith((", and ", " and ")):
        return True  # "… and would raise the matter": the verb shares the previous clause's subject
    ms = ctx.mentions_in(p.index, lo, at)
    if ms:
        gap = p.text[ms[-1].end:at]
        words = _WORD.findall(gap)
        if len(words) <= 3 and "," not in gap and not _GAP_STOP.intersection(w.lower() for w in words) \
                and not (ms[-1].demonym and words):  # "the whole Russian fleet would" is not Russia
            return True
    return bool(_SUBJ_TAIL.search(p.text, lo, at))


_WEAK_MODAL = re.compile(r"(?:could|might|would|may|is\s+expected|are\s+expected|is\s+likely|are\s+likely)\b")
_QUESTION = re.compile(r"\b(?:whether|if)\b[^,;]*$")
_GAP_STOP = frozenset("whether if that which who when while because although as than".split())
_SUBJ_TAIL = re.compile(r"\b(?:" + SUBJECT_NOUNS + r")(?:['\u2019]s?)?(?:\s+(?:also|still|now|then|\w+ly))?\s+$", re.I)


def _holder(ctx: Context, p: Para, s: int, trig_start: int, e: int) -> str | None:
    m = _HOLDER_FOR.search(p.text, s, e) if p.text.find("for", s, e) >= 0 else None
    if m:
        after = ctx.mentions_in(p.index, m.end(), m.end() + 40)
        if after:
            return after[0].actor
    before = [x for x in ctx.mentions_in(p.index, s, trig_start + 1) if not x.in_quote]
    if before:
        near = before[-1]
        gap = p.text[near.end:trig_start]
        if len(_WORD.findall(gap)) <= 3 and " and " not in gap and "," not in gap:
            return near.actor  # "the French idea", "NATO could", "Washington has ruled out"
        said = None
        for v in _SAID.finditer(p.text, s, trig_start):
            said = v
        if said is not None:
            after_said = [x for x in before if x.start >= said.end()]
            if after_said:
                return after_said[0].actor  # "He said India had lodged … and would not accept …"
        return before[0].actor
    later = ctx.mentions_in(p.index, trig_start, e)
    return later[0].actor if later else None


_NEG_MODAL = re.compile(r"(?:will|would|could)\s+not\b|won[\u2019']t\b")


def _is_negated(m: re.Match) -> bool:
    """A "will not / would not" rejection: its subject must be an actor too."""
    return bool(_NEG_MODAL.match(m.string, m.start()))


def _modal_iter(text: str, s: int, e: int):
    pos = s
    while True:
        m = _MODAL_ANY.search(text, pos, e)
        if m is None:
            return
        yield m
        pos = m.start("act") + len(_cut(m.group("act"))) or m.end()


def find_options(ctx: Context, skip: set[int] = frozenset()) -> list[FoundOption]:
    out: list[FoundOption] = []
    for p in ctx.paras:
        if p.index in skip:
            continue
        for s, e in p.sentences:
            _sentence(ctx, p, s, e, out)
    return out


def _matches(ctx: Context, p: Para, s: int, e: int) -> list[tuple[int, int, str, str]]:
    """(start, act_end, status, act) for every trigger outside quotations, earliest first."""
    text = p.text
    found = []
    bits = 0
    for w in KEY_WORDS.intersection(p.words_of(s, e)):
        bits |= KEY_BITS[w]
    if not bits:
        return found
    modal_rx = TRIGGERS[-2][1]
    for n in BIT_TRIGGERS[bits & (STAY_BIT - 1)]:
        status, rx = TRIGGERS[n]
        pos = s
        while True:
            m = rx.search(text, pos, e)
            if m is None:
                break
            pos = m.end("act") if m.end("act") > m.start() else m.end()
            group = "act"
            if p.in_quote(m.start()) or p.in_quote(m.start(group)):
                pos = m.start() + 1
                continue
            act = _cut(m.group(group).lstrip("\u201c\u2018\"'"))
            # the act ran to the sentence end; look for the next trigger after its own clause
            pos = max(m.start() + 1, m.start(group) + len(act))
            if not has_matches(_WORD, act, 2) or _NOT_ACTION.match(act):
                continue
            if (rx is modal_rx or (_is_negated(m))) and (
                    not _subject_actor(ctx, p, s, m.start()) or _QUESTION.search(text, s, m.start())):
                continue  # "Asked whether Washington would lift sanctions, …" is a question
            st = status
            if st == "proposed" and _WEAK_MODAL.match(text, m.start()):
                st = "under discussion"
            found.append((m.start(), m.start(group) + len(act), st, act))
    if bits & STAY_BIT:
        for m in _STAY.finditer(text, s, e):
            if p.in_quote(m.start()):
                continue
            lo = max(text.rfind(",", s, m.start()), text.rfind(";", s, m.start()))
            that = _CLAUSE_START.match(text, s, m.start())
            lo = max(lo + 1 if lo >= 0 else s, that.end() if that else s)
            act = _cut(text[lo:e]).strip()
            if has_matches(_WORD, act, 3):
                found.append((lo, lo + len(act), "in place", act))
    for m in (_modal_iter(text, s, e) if bits & MODAL_BIT else ()):
        if p.in_quote(m.start()) or not _subject_actor(ctx, p, s, m.start()) or _QUESTION.search(text, s, m.start()):
            continue
        act = _cut(m.group("act"))
        if has_matches(_WORD, act, 2) and not _NOT_ACTION.match(act):
            found.append((m.start(), m.start("act") + len(act),
                          "proposed" if _SHOULD.match(text, m.start()) else "under discussion", act))
    found.sort()
    return found


def _sentence(ctx: Context, p: Para, s: int, e: int, out: list[FoundOption]) -> None:
    text = p.text
    sent = text[s:e].strip().strip("\u2022\u25aa\u25cf ")
    lst = _LIST.search(text, s, e) if ("including" in text[s:e] or "such as" in text[s:e]) else None
    if lst and not p.in_quote(lst.start()):
        items = _LIST_SPLIT.split(lst.group("list"))
        if len(items) >= 2:
            status = "in place" if _INPLACE_HINT.search(sent) else "under discussion"
            holder = _holder(ctx, p, s, lst.start(), e)
            for it in items:
                t = _cut(it)
                if has_matches(_WORD, t, 2):
                    out.append(FoundOption(t, holder, status, sent, p.index))
            return
    found = _matches(ctx, p, s, e)
    if not found:
        return
    kept = [found[0]]
    for f in found[1:]:
        prev = kept[-1]
        gap = text[prev[1]:f[0] + 12]
        # a second course of action in its own clause: "…, and called on X to …"
        if f[0] >= prev[1] and _NEXT_CLAUSE.search(gap):
            kept.append(f)
    for start, _, status, act in kept:
        if status not in ("in place",) and "already" in sent and _ALREADY.search(sent) and _INPLACE_HINT.search(sent):
            status = "in place"
        holder = _holder(ctx, p, s, start, e)
        parts = [a for a in (_AND_MORE.split(act) if "and" in act else (act,)) if has_matches(_WORD, a, 2)]
        for part in parts or [act]:
            out.append(FoundOption(part.strip(" ,"), holder, status, sent, p.index))
