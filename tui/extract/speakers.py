"""Who said a direct quotation.

Looked for, in this order:

1. after the closing mark, in the same sentence: "…,” X said" / "…,” said X" /
   "…,” the minister told reporters" (for whole-sentence quotations);
2. before the opening mark, in the same sentence: "X said: “…”",
   "X told reporters that “…”", "X called it a “…”" (for fragments the
   sentence's speech verb and its subject win over a later attribution);
3. the other quotations of the paragraph, then the previous paragraph when
   this one opens with a quotation (news prose keeps one speaker per run);
4. a colon-ended sentence before the quote ("Rutte was blunt:");
5. the outlet that narrates the article ("Bloomberg reports this"), else None.
"""

from __future__ import annotations

import re

from tui.extract import lexicon as lx
from tui.extract.context import DESCRIBED, NAMED, Context
from tui.extract.quotes import RawQuote

_VERB_ALT = lx.alternation(lx.SPEECH_VERBS | {"pointed out", "points out", "according to", "put it", "puts it",
                                              "accuses", "accused", "accusing", "read out", "wrote"})
SPEECH_VERB = re.compile(r"\b(?:" + _VERB_ALT + r")\b")
_NEXT_OPEN = re.compile("[\u201c\u2018\"]")
_CLAUSE_MARK = re.compile(r"[,.;:\u201c\u2018\"]")
_CLAUSE_PUNCT = re.compile(r"[,.;:]")


def attribute(q: RawQuote, ctx: Context) -> tuple[str | None, str, int]:
    """(speaker, cue, strength) for a direct quotation."""
    first = ctx.paras[q.para]
    s0, _ = first.sentence_at(q.open_pos)
    before_txt = first.text[s0:q.open_pos]
    fragment = bool(before_txt.strip(" \u2014\u2013-:"))
    trailing = _after(q, ctx)
    leading = _before(q, ctx) if fragment else (None, "", 0)
    if fragment and leading[2] >= DESCRIBED and not before_txt.rstrip().endswith(","):
        if leading[2] >= trailing[2] or leading[2] >= NAMED:
            return leading
    if trailing[2]:
        return trailing
    if leading[2]:
        return leading
    return None, "", 0


def _after(q: RawQuote, ctx: Context) -> tuple[str | None, str, int]:
    p = ctx.paras[q.last_para]
    text = p.text
    _, s_end = p.sentence_at(max(0, q.close_pos - 1))
    nxt = _NEXT_OPEN.search(text, q.close_pos, s_end)
    end = nxt.start() if nxt else s_end
    window = text[q.close_pos:min(end, q.close_pos + 160)]
    v = SPEECH_VERB.search(window)
    if v is None:
        return None, "", 0
    verb_at = q.close_pos + v.start()
    cue = v.group()
    best: tuple[str | None, str, int] = (None, "", 0)
    # SUBJ VERB: "…,” Iran's deputy foreign minister, Hamid Rezaei-Far, told reporters"
    if text[q.close_pos:verb_at].strip(" ,\u2014\u2013"):
        who, strength = ctx.subject(p.index, q.close_pos, verb_at)
        if strength:
            best = (who, cue, strength)
    if best[2] < NAMED:
        a = q.close_pos + v.end()
        if not text[q.close_pos:verb_at].strip(" ,\u2014\u2013"):
            # VERB SUBJ: "…,” said Anne Smith, a researcher at …"
            m = _CLAUSE_MARK.search(text[a:end])
            b = a + m.start() if m else end
            who, strength = ctx.resolve(text[a:b], p.index, a, b) if text[a:b].strip() else (None, 0)
            if strength > best[2]:
                best = (who, cue, strength)
        if best[2] < NAMED:
            # a person named right after the verb ("… said in Richard Fontaine", garbled translations)
            persons = [m for m in ctx.mentions_in(p.index, a, end) if ctx._kind(m) == "person"]
            if persons:
                best = (persons[0].actor, cue, NAMED)
    return best


def _before(q: RawQuote, ctx: Context) -> tuple[str | None, str, int]:
    p = ctx.paras[q.para]
    text = p.text
    s0, _ = p.sentence_at(q.open_pos)
    verbs = [m for m in SPEECH_VERB.finditer(text, s0, q.open_pos) if not p.in_quote(m.start())]
    if not verbs:
        before = text[s0:q.open_pos].rstrip()
        if before.endswith(":"):
            who, strength = ctx.resolve(before[:-1], p.index, s0, s0 + len(before) - 1)
            if strength >= NAMED:
                return who, "", strength
        return None, "", 0
    v = verbs[-1]
    cue = v.group()
    if cue == "according to":
        a = v.end()
        m = _CLAUSE_PUNCT.search(text[a:q.open_pos])
        b = a + m.start() if m else q.open_pos
        who, strength = ctx.resolve(text[a:b], p.index, a, b)
        return who, cue, strength
    who, strength = ctx.subject(p.index, s0, v.start(), sentence_start=s0)
    if strength == 0:
        persons = [m for m in ctx.mentions_in(p.index, s0, v.start()) if ctx._kind(m) == "person" and not m.in_quote]
        if persons:
            return persons[0].actor, cue, NAMED
    return who, cue, strength


def previous_speaker(q: RawQuote, ctx: Context, done: list[tuple[RawQuote, str | None]]) -> str | None:
    """Speaker carried over from the paragraph's (or the previous paragraph's) quotations."""
    p = ctx.paras[q.para]
    s0, _ = p.sentence_at(q.open_pos)
    if p.text[s0:q.open_pos].strip(" \u2014\u2013-:"):
        return None  # a fragment inside someone else's sentence does not inherit a speaker
    same = [s for r, s in done if r.last_para == q.para and s]
    if same:
        return same[-1]
    p = ctx.paras[q.para]
    if not p.text[:q.open_pos].strip() and q.para > 0:
        prev = [s for r, s in done if r.last_para == q.para - 1 and s]
        if prev:
            return prev[-1]
        # previous paragraph ends with a colon or introduces the speaker
        pt = ctx.paras[q.para - 1].text.rstrip()
        if pt.endswith(":"):
            persons = [m for m in ctx.mentions_in(q.para - 1, 0, len(pt)) if ctx._kind(m) == "person"]
            if persons:
                return persons[-1].actor
    return None
