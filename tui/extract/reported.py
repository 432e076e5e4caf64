"""Reported (indirect) speech: the clause someone is said to have said.

Forms, per sentence, speech verbs inside quotation marks ignored:

* "According to X, CLAUSE" and "CLAUSE, according to X"
* "CLAUSE, X said [on Tuesday]" / "CLAUSE, said X" / "CLAUSE, she added"
* "X said / told reporters / warned / noted [that] CLAUSE" (", adding that"
  and "and that" start a second clause)

The quotation text is the clause alone, without the speaker or the cue.
Clauses carried mostly by a direct quotation are left to the direct quote,
and what a news outlet "reports" about its own story is narration, not a
statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract import lexicon as lx
from tui.extract.context import NAMED, Context
from tui.extract.text import Para

_VERB_ALT = lx.alternation(lx.REPORT_VERBS | lx.REPORT_PHRASES)
_VERB = re.compile(r"\b(?:" + _VERB_ALT + r")\b")
_ACCORDING_HEAD = re.compile(r"^\s*According to\s+([^,]{2,120}?),\s+", re.I)
_ACCORDING_TAIL = re.compile(r",?\s+according to\s+([^,.;]{2,120}?)\s*(?:,[^,]{0,60})?[.!?]?[\"\u201d\u2019]?\s*$", re.I)
_TOLD_OBJ = re.compile(
    r"\s*(?:(?:reporters|journalists|lawmakers|legislators|parliament|delegates|students|supporters|"
    r"him|her|them|us|me|viewers|listeners|the\s+audience|an?\s+(?:[\w-]+\s+)?(?:conference|briefing|audience|"
    r"interviewer|meeting|gathering|forum|summit|rally|crowd)|the\s+(?:[A-Z][\w.\u2019'-]*\s*)+|"
    r"(?:the\s+)?[A-Z][\w.\u2019'-]*(?:\s+[A-Z][\w.\u2019'-]*)*|the\s+[a-z]+(?:\s+[a-z]+)?)\b)")
_ADV_NOUN = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning|evening|"
             r"afternoon|weekend|statement|statements|interview|speech|post|briefing|conference|press\s+conference|"
             r"news\s+conference|television|TV|radio|broadcast|remarks|media|Telegram|Twitter|X|Facebook|message|"
             r"letter|report|response|call|phone|video|address|hearing|meeting|session|summit|visit|trip|email|"
             r"January|February|March|April|May|June|July|August|September|October|November|December|"
             r"\d[\w,]*|[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*)*)")
_ADV_UNIT = (r"(?:(?:on|in|at|during|after|before|from|via|over|through|with|by|outside|earlier|later)\s+"
             r"(?:(?:a|an|the|his|her|their|its|this|that|last|next|early|late|social|state|national|local|"
             r"written|televised|joint|separate|brief|regular|weekly|daily|emailed|confidential|radio|TV|news|"
             r"press|video|phone|telephone|closed-door|\d[\w,]*|[A-Z][\w-]*)\s+){0,3}" + _ADV_NOUN +
             r"(?:\s+(?:evening|morning|night|afternoon|\d{1,2}|\d{4}))?"
             r"|yesterday|today|tonight|separately|also|again|repeatedly|recently|previously|earlier|later|"
             r"publicly|privately|last\s+(?:week|month|year|night)|this\s+(?:week|month|year))\b")
_ADVERBIAL = re.compile(r"(?:\s*,?\s*" + _ADV_UNIT + r")*")
# What cannot open a reported clause: prepositions, subordinators, participles.
_NOT_CLAUSE = re.compile(r"^(?:as|without|in|on|at|to|after|before|while|by|from|for|with|during|since|until|against|"
                         r"about|of|over|what|how|"
                         r"than|because|if|when|whether|[a-z]+ing|asked|pressed|questioned)\b", re.I)
_THAT = re.compile(r"^\s*that\s+", re.I)
_THAT_NEAR = re.compile(r"\s*,?\s*(?:([^,.;:\u201c\u201d\"]{1,80}?)\s+)?that\s+")
_IT_NOTED = re.compile(r"^\s*(?:It\s+(?:is|was|has\s+been)\s+(?:also\s+)?(?:noted|reported|said|stated|"
                       r"stressed|emphasi[sz]ed|pointed out|added)\s+that\s+)", re.I)
_SPLIT_MORE = re.compile(r",?\s+(?:adding|and\s+added|and\s+said|noting|and\s+noted|saying|and\s+warned|warning)\s+"
                         r"(?:that\s+)?")
_PARTICIPLE = re.compile(r",\s+(?:warning|saying|adding|noting|arguing|insisting|stressing|explaining|claiming|"
                         r"suggesting|cautioning|acknowledging|conceding)\s+that\s+")
_ACCORDING_MID = re.compile(r",\s+according\s+to\s+", re.I)
# Where a reported clause stops: ",? and called …", "; ", ", a demand …", " — a …".  Written to open with
# one character class (the first character of every form) so ``re`` can skip ahead to candidates.
_STOP_VERBS = (r"and\s+(?:called|urged|asked|demanded|accused|appealed|pressed|vowed|pledged|promised|"
               r"declined|refused|did\s+not|would\s+not|stressed)\b")
_STOP_AT = re.compile(r"[,;\s](?:(?<=,)\s+" + _STOP_VERBS + r"|(?<=,)\s+(?:a|an)\s+(?:demand|move|claim|"
                      r"charge|step|position|view|stance|proposal|request|allegation|accusation|assertion|idea|"
                      r"prospect|decision|plan|reference|nod|sign|signal)\b|(?<=\s)\s*" + _STOP_VERBS +
                      r"|(?<=\s)\s*\u2014\s+(?:a|an|which)\b|(?<=;)\s+)")
_FINITE = frozenset("is are was were be been has have had would will could should can may might must shall "
                    "does did do isn't wasn't won't wouldn't".split())
_TURN = re.compile(r",\s+(?:but|while|whereas)\s+(?=[A-Z]|(?:he|she|they|it|the)\s)")
_APPOS_END = re.compile(r",\s+(?:a|an|the\s+(?:latest|first|second|third|last|biggest|largest|most))\s+")
_REL = re.compile(r"\s*(?:who|which|whose|where|when|whom)\b")
_SPLIT_MORE_WORDS = ("adding", "added", "said", "noting", "noted", "saying", "warn")  # one is in every _SPLIT_MORE
_ADDING = re.compile(r",\s+(?:adding|saying|noting|warning)\s+(?:that\s+)?")
_BUT_AFTER = re.compile(r"\s*(?:,\s*)?(?:but|although|though|while|whereas|not)\b")
_ACC_STOP = re.compile(r"[,.;:]|\s(?:who|which|because|whose)\s")
_CLAUSE_PUNCT = re.compile(r"[,.;:]|$")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


@dataclass(slots=True)
class Reported:
    text: str
    speaker: str | None
    cue: str
    para: int
    start: int


def _quoted_share(p: Para, a: int, b: int) -> float:
    total = len(_WORD.findall(p.text[a:b])) or 1
    inside = 0
    for s, e in p.quoted:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            inside += len(_WORD.findall(p.text[lo:hi]))
    return inside / total


def _clean(text: str) -> str:
    text = _IT_NOTED.sub("", text)
    text = _THAT.sub("", text)
    text = text.strip().rstrip(".!?;:\u201c\u201d\"\u2022\u25aa\u25cf ").strip().strip(",").strip()
    return text


def find_reported(ctx: Context, skip: set[int] = frozenset()) -> list[Reported]:
    out: list[Reported] = []
    for p in ctx.paras:
        if p.index not in skip:
            out.extend(reported_in(ctx, p))
    return out


def reported_in(ctx: Context, p: Para, sentences: list[tuple[int, int]] | None = None) -> list[Reported]:
    """Reported speech of one paragraph (or of the given sentences of it), in sentence order."""
    out: list[Reported] = []
    for s, e in (p.sentences if sentences is None else sentences):
        _sentence(ctx, p, s, e, out)
    return out


def _accept(ctx: Context, who: str | None, strength: int) -> bool:
    if strength == 0:
        return False
    info = ctx.info(who)
    if info is not None and info.outlet:
        return False  # narration by the outlet
    return True


def _emit(ctx: Context, p: Para, a: int, b: int, who, cue, out, explicit: bool = False) -> int:
    """Emit the clause p.text[a:b], split where a second clause is added; return where it stopped."""
    comma = p.text.find(",", a, b) >= 0  # _APPOS_END and _TURN open with a comma
    app = _APPOS_END.search(p.text, a, b) if comma else None
    if app is not None and not p.in_quote(app.start()) and not _FINITE.intersection(
            w.lower() for w in _WORD.findall(p.text[app.end():b])):
        b = app.start()  # "… tow away the BRP Sierra Madre, a World War Two-era ship grounded …"
    stop = _STOP_AT.search(p.text, a, b)
    while stop is not None and p.in_quote(stop.start()):
        stop = _STOP_AT.search(p.text, stop.end(), b)
    if stop is not None:
        b = stop.start()
    turn = _TURN.search(p.text, a, b) if comma else None
    while turn is not None and p.in_quote(turn.start()):
        turn = _TURN.search(p.text, turn.end(), b)
    if turn is not None:
        b = turn.start()  # "…, but Ms. Jones disagreed" / "…, while Israel said …"
    seg = p.text[a:b]
    parts = []
    pos = 0
    for m in (_SPLIT_MORE.finditer(seg) if any(map(seg.__contains__, _SPLIT_MORE_WORDS)) else ()):
        if p.in_quote(a + m.start()):
            continue
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(seg)))
    for x, y in parts:
        x, y = _trim_quote(p, a + x, a + y)
        if x is None:
            continue
        text = _clean(p.text[x:y])
        if not text:
            continue
        words = _WORD.findall(text)
        if len(words) >= 3 and (explicit or not _NOT_CLAUSE.match(text.split(None, 1)[0])) and _has_verb(text, words):
            out.append(Reported(text, who, cue, p.index, x))
    return b


def _has_verb(clause: str, words: list[str] | None = None) -> bool:
    """A reported clause has a verb: a finite auxiliary, an -ed form or a present-tense -s form.

    ``words``: the clause's ``_WORD`` matches, when the caller has them already."""
    for n, w in enumerate(_WORD.findall(clause) if words is None else words):
        w = w.lower()
        if w in _FINITE or (n and len(w) > 3 and w.endswith(("ed", "s"))):
            return True
    return False


def _trim_quote(p: Para, a: int, b: int) -> tuple[int | None, int]:
    """A clause carried by a quoted fragment: keep the words before it, or nothing."""
    if not p.quoted:
        return a, b
    inside = [(s, e) for s, e in p.quoted if s < b and e > a]
    if not inside:
        return a, b
    qs, qe = inside[0]
    pre_words = _WORD.findall(p.text[a:qs])
    if len(pre_words) < 5 or not any(w.lower() in _FINITE for w in pre_words):
        return None, b  # the quoted fragment carries the claim ("the idea … “must be reconsidered”")
    post = p.text[inside[-1][1]:b]
    if _BUT_AFTER.match(post):
        return a, qs  # "… “as part of a package,” but not as a gesture": the claim ends at the quote
    return a, b


_GATE = frozenset(lx.REPORT_VERBS) | {"according", "pointed", "points", "warning", "made", "makes", "make", "saying", "adding", "noting",
                                     "arguing", "insisting", "stressing", "explaining", "claiming", "suggesting",
                                     "cautioning", "acknowledging", "conceding"}


def _sentence(ctx: Context, p: Para, s: int, e: int, out: list[Reported]) -> None:
    if p.words_of(s, e).isdisjoint(_GATE):
        return
    text = p.text
    sent = text[s:e]
    # According to X, CLAUSE
    has_acc = "ccording to" in sent
    m = _ACCORDING_HEAD.match(sent) if has_acc else None
    if m:
        who, st = ctx.resolve(m.group(1), p.index, s + m.start(1), s + m.end(1))
        if _accept(ctx, who, st):
            _emit(ctx, p, s + m.end(), e, who, "according to", out)
        return
    m = _ACCORDING_TAIL.search(sent) if has_acc else None
    if m and m.start() > 10 and not p.in_quote(s + m.start()):
        who, st = ctx.resolve(sent[m.start(1):m.end()], p.index, s + m.start(1), s + m.end())
        if _accept(ctx, who, st):
            _emit(ctx, p, s, s + m.start(), who, "according to", out)
        return
    m = _ACCORDING_MID.search(text, s, e) if has_acc else None
    if m and m.start() - s > 10 and not p.in_quote(m.start()):
        stop = _ACC_STOP.search(text[m.end():e])
        b = m.end() + stop.start() if stop else e
        who, st = ctx.resolve(text[m.end():b], p.index, m.end(), b)
        if _accept(ctx, who, st):
            _emit(ctx, p, s, m.start(), who, "according to", out)
            return
    m = _PARTICIPLE.search(text, s, e)
    if m and not p.in_quote(m.start()) and not any(
            not p.in_quote(v.start()) for v in _VERB.finditer(text, s, m.start())):
        who, st = ctx.subject(p.index, s, m.start(), sentence_start=s)
        if st and _accept(ctx, who, st):
            _emit(ctx, p, m.end(), e, who, m.group().strip(" ,").split()[0], out)
            return
    verbs = [v for v in _VERB.finditer(text, s, e) if not p.in_quote(v.start())] if p.quoted \
        else list(_VERB.finditer(text, s, e))
    if not verbs:
        return
    # trailing attribution: CLAUSE, X said [adverbials].
    v = verbs[-1]
    tail = text[v.end():e]
    comma = _first_comma(p, v.end(), e)
    head = text[v.end():comma] if comma >= 0 else tail
    tail_words = _WORD.findall(head)
    verb_subj = text[max(s, v.start() - 2):v.start()] == ", "
    if (len(tail_words) <= 9 or (verb_subj and len(tail_words) <= 20)) and "that" not in tail_words \
            and not head.lstrip().startswith(":") and (verb_subj or not _FINITE.intersection(w.lower() for w in tail_words)):
        if _trailing(ctx, p, s, e, v, out):
            return
    # leading attribution: X said [that] CLAUSE  (first verb with a resolvable subject)
    start = s
    for v in verbs:
        if v.start() < start:
            continue
        end = _leading(ctx, p, start, e, v, out)
        if end:
            # another speaker may follow in the same sentence ("…, while Israel said …")
            start = end


def _comma_before(p: Para, s: int, hi: int) -> int:
    """The last comma in [s, hi) outside quotations, or -1."""
    k = p.text.rfind(",", s, hi)
    while k >= s and p.in_quote(k):
        k = p.text.rfind(",", s, k)
    return k if k >= s else -1


def _first_comma(p: Para, lo: int, hi: int) -> int:
    k = p.text.find(",", lo, hi)
    while k >= 0 and p.in_quote(k):
        k = p.text.find(",", k + 1, hi)
    return k


def _trailing(ctx: Context, p: Para, s: int, e: int, v: re.Match, out) -> bool:
    text = p.text
    comma = _comma_before(p, s, v.start())
    if comma < 0:
        # "Pakistani troops had given a “befitting response,” the ISPR said": the comma is inside the quote
        ends = [qe for qs, qe in p.quoted if s <= qs and qe <= v.start()]
        if not ends or len(_WORD.findall(text[ends[-1]:v.start()])) > 8:
            return False
        comma = ends[-1] - 1
    subj = text[comma + 1:v.start()]
    if subj.strip():
        if len(_WORD.findall(subj)) > 12:
            return False
        who, st = ctx.resolve(subj, p.index, comma + 1, v.start())
        clause_end = comma
        if st < NAMED:
            # "CLAUSE, Emre Kaplan, a researcher at X, said"
            c2 = _comma_before(p, s, comma)
            if c2 > s:
                who2, st2 = ctx.resolve(text[c2 + 1:comma], p.index, c2 + 1, comma)
                if st2 >= NAMED and len(_WORD.findall(text[c2 + 1:comma])) <= 4:
                    who, st, clause_end = who2, st2, c2
    else:
        # CLAUSE, said X[, a researcher at Y].
        a = v.end()
        m = _CLAUSE_PUNCT.search(text[a:e])
        b = a + m.start()
        who, st = ctx.resolve(text[a:b], p.index, a, b)
        if st < NAMED:
            persons = [m for m in ctx.mentions_in(p.index, a, e) if ctx._kind(m) == "person"]
            if persons:
                who, st = persons[0].actor, NAMED
        clause_end = comma
        if st == 0 and len(_WORD.findall(text[v.end():e])) <= 3:
            # "CLAUSE, X, a researcher, said": the name sits before the comma
            c2 = _comma_before(p, s, comma)
            c2 = c2 if c2 > s else s
            who, st = ctx.resolve(text[c2 + 1:comma], p.index, c2 + 1, comma)
            clause_end = c2
    if not _accept(ctx, who, st):
        return False
    _emit(ctx, p, s, clause_end, who, v.group(), out)
    return True


def _subject(ctx: Context, p: Para, s: int, hi: int) -> tuple[str | None, int]:
    return ctx.subject(p.index, s, hi, sentence_start=s)


def _leading(ctx: Context, p: Para, s: int, e: int, v: re.Match, out) -> bool:
    text = p.text
    hi = v.start()
    who, st = _subject(ctx, p, s, hi)
    if st == 0 or not _accept(ctx, who, st):
        return False
    a = v.end()
    if v.group() in ("told", "tells"):
        m = _TOLD_OBJ.match(text, a)
        if m:
            a = m.end()
    adding = _ADDING.match(text[a:e])
    if adding:
        a += adding.end()
    m = _ADVERBIAL.match(text, a)
    if m and m.end() > a:
        if not text[m.end():e].strip(" .!?\u201d\""):
            return False  # "said in Washington." — no clause follows
        a = m.end()
    that = _THAT_NEAR.match(text, a, e) if text.find("that", a, e) >= 0 else None
    explicit = False
    if that and (that.group(1) is None or not _FINITE.intersection(
            w.lower() for w in _WORD.findall(that.group(1)))):
        a = that.end()  # "said in remarks broadcast on state television that …"
        explicit = True
    elif text[a:a + 2].strip().startswith(","):
        return False  # "told CNN on Sunday, days before …": no clause
    rest_words = text[a:e].split()
    if rest_words and not explicit and _NOT_CLAUSE.match(rest_words[0]):
        return False
    rest = text[a:e].lstrip()
    if not rest or rest[0] in "\u201c\u2018\"'" or rest[0] in ".,;:":
        return False
    return _emit(ctx, p, a, e, who, v.group(), out, explicit) or e
