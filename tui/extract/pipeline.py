"""The extraction pipeline: paragraphs in, actors / quotes / options out."""

from __future__ import annotations

import re
from operator import itemgetter

from tui.data.model import Actor, Option, Quote
from tui.extract.actors import ActorTable
from tui.extract.context import Context
from tui.extract.names import find_mentions
from tui.extract.options import find_options
from tui.extract.quotes import find_quotes, is_speech
from tui.extract.reported import reported_in
from tui.extract.speakers import attribute, previous_speaker
from tui.extract.text import Para, sentence_cuts, spans_from_cuts

_SPACE_PUNCT = ",.;:!?()[]{}\"\u201c\u201d\u2018\u2019\u2014\u2013"


class _Words:
    """``w in words``: is ``w`` one of the words of ``text`` when the ``_SPACE_PUNCT`` marks are read as
    spaces?  Answered on demand (the name reader asks about a few words per article), not by building
    the set of every word."""

    __slots__ = ("text", "_seen")

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        got = self._seen.get(word)
        if got is None:
            got = self._seen[word] = self._find(word)
        return got

    def _find(self, word: str) -> bool:
        if not word or any(_is_gap(c) for c in word):
            return False
        text, n = self.text, len(word)
        at = text.find(word)
        while at >= 0:
            end = at + n
            if (at == 0 or _is_gap(text[at - 1])) and (end == len(text) or _is_gap(text[end])):
                return True
            at = text.find(word, at + 1)
        return False


def _is_gap(c: str) -> bool:
    return c.isspace() or c in _SPACE_PUNCT

# Page furniture that is not the story: bylines, credits, captions, timestamps.
_NAME_WORD = r"[A-Z][\w.'\u2019-]+"
_FURNITURE_HEAD = (  # forms that open with fixed words
    r"By\s+" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,3}(?:\s*(?:,|\||and|Published|Updated)\s*[^\u201c\"]{0,120})?"
    r"|\(?(?:Reporting|Additional reporting|Writing|Editing|Edited|Compiled|Produced|Research)\s+by\b.*"
    r"|(?:Published|Updated|Posted|Last updated|First published)\b.{0,80}"
    r"|(?:Read more|Read also|See also|Related|Most read|Share this article|Advertisement|Sign up|Subscribe)\b.{0,200}"
    r"|\d{1,2}[:.]\d{2}\s*(?:GMT|BST|CET|CEST|UTC|ET|EST|EDT|PT|[ap]\.?m\.?)?"
    r"|(?:Commentary|Analysis|Opinion|Editorial|Explainer)\s*\|.{0,80}")
_FURNITURE_CONTRIBUTED = r".{0,200}\bcontributed(?:\s+reporting)?\s+to\s+this\s+(?:report|story|article)\.?"
_FURNITURE_CREDIT = r".{0,200}(?:Photograph|Photo|Image|Picture|Credit|Illustration)s?\s*:\s*[^.]{0,80}"
_FURNITURE_AGENCY = r"[A-Z][\w .]{0,30}\s*/\s*(?:AFP|AP|Reuters|Getty Images|EPA|Anadolu)[^.]{0,40}"
_FURNITURE_STAFF = r"Staff Reporter|Staff Writer|\(?(?:-+\s*)?With\s+assistance\s+from\b.{0,200}|About\s+the\s+authors?\b.{0,300}"
# Bylines without "By": "Karim Nassar · November 18, 2025", "Jane Roe and John Doe | 3 March 2025",
# "Harriet Mulvey in Brussels and Sami Ben Youssef in Tunis"
_BYLINE_NAME = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){1,3}"
_NAME_IN_CITY = _BYLINE_NAME + r"\s+in\s+" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?"
_FURNITURE_BYLINE = (_BYLINE_NAME + r"(?:\s*(?:,|and)\s*" + _BYLINE_NAME + r")*\s*[\u00b7|\u2022\u2014\u2013]\s*"
                     r"[^.\u201c\"]{0,60}?\d[^.\u201c\"]{0,40}"
                     r"|" + _NAME_IN_CITY + r"(?:(?:,\s*|\s+and\s+)" + _NAME_IN_CITY + r")*")
# Each form tried only when it can match: the costly ".{0,200}…" forms only when their fixed words occur.
_FURN_HEAD = re.compile("^(?:" + _FURNITURE_HEAD + "|" + _FURNITURE_STAFF + "|" + _FURNITURE_BYLINE + ")$")
_FURN_CONTRIBUTED = re.compile("^(?:" + _FURNITURE_CONTRIBUTED + ")$")
_FURN_CREDIT = re.compile("^(?:" + _FURNITURE_CREDIT + ")$")
_FURN_AGENCY = re.compile("^(?:" + _FURNITURE_AGENCY + ")$")


def _is_furniture(text: str) -> bool:
    """A byline, credit, caption, timestamp or link line: any of the furniture forms above."""
    return bool(_FURN_HEAD.match(text) or ("contributed" in text and _FURN_CONTRIBUTED.match(text))
                or (":" in text and _FURN_CREDIT.match(text)) or ("/" in text and _FURN_AGENCY.match(text)))


# Datelines: "MUSCAT, Oman (AP) —", "(CNN) —", "TOKYO, Dec. 27 (Kyodo) --", "YEREVAN, 14 November."
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_DATELINE = re.compile(
    r"^(?:[" + _UP + r"][" + _UP + r"'\u2019.\- ]{2,40}(?:,\s*[^()\u2014\u2013]{1,30}?)?\s*(?:\([^)]{1,30}\))?"
    r"|\([^)]{1,30}\))\s*(?:\u2014|\u2013|--|\s-)\s*"
    r"|^[" + _UP + r"][" + _UP + r"'\u2019.\- ]{2,40},\s*\d{1,2}\s+[A-Z][a-z]+\.?\s+"
)


_POS_KIND = itemgetter(0, 1)  # sort key of (para or pos, pos or kind, item) records

# Transcript lines: "WHITFIELD: Will Spain sign?"
_TRANSCRIPT = re.compile(r"^([A-Z][A-Z'\u2019.\- ]{1,40}):\s+(\S.*)$")


_LABEL_HONORIFIC = re.compile(r"^(?:MR|MRS|MS|DR|AMB|AMBASSADOR|SEC|SECRETARY|GEN|SEN|REP|PROF)\.?\s+")
_TURN_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I\u2019m|we|We|our|Our|us|my|My)\b")
_TURN_REPORTED = re.compile(r"\b(?:said|says|told|according)\b")


def _label_speaker(label: str, table: ActorTable) -> str | None:
    label = _LABEL_HONORIFIC.sub("", label.strip())
    if label in ("Q", "QUESTION", "QUESTIONER"):
        return "a reporter"  # briefing transcripts label unnamed reporters' questions
    words = label.split()
    if len(words) > 4:
        return None
    want = label.casefold()
    for info in table.actors():
        if info.kind != "person":
            continue
        name = info.name.casefold()
        if name == want or name.split()[-1] == want or want in (a.casefold() for a in info.aliases):
            return info.name
    return None


def run(title: str, paragraphs: list[str]) -> tuple[list[Actor], list[Quote], list[Option]]:
    paras = [Para(i, " ".join(t.split())) for i, t in enumerate(paragraphs)]
    raw = find_quotes(paras)
    raw_cuts = []
    for p in paras:
        cuts = sentence_cuts(p.text)
        raw_cuts.append(cuts)
        p.sentences = spans_from_cuts(p.text, [c for c in cuts if not any(a < c[0] and c[1] < b for a, b in p.quoted)])
    lower_words = _Words(" ".join(p.text for p in paras))
    skip = {p.index for p in paras if not p.text or (len(p.text) < 320 and _is_furniture(p.text))}
    mentions = []
    for p in paras:
        if p.index in skip:
            continue
        starts = {s for s, _ in p.sentences} | {c for _, c in raw_cuts[p.index]}
        dl = _DATELINE.match(p.text)
        if dl and p.sentences and p.sentences[0][0] < dl.end() < p.sentences[0][1]:
            p.sentences[0] = (dl.end(), p.sentences[0][1])  # the dateline is not part of the first sentence
            starts.add(dl.end())
        found = find_mentions(p, starts, lower_words)
        if dl:
            found = [m for m in found if m.start >= dl.end()]
        mentions.extend(found)
    table = ActorTable()
    table.build(mentions, [p.text for p in paras])
    ctx = Context(paras, mentions, table)

    quotes: list[tuple[int, int, Quote]] = []
    done = []
    by_para: dict[int, list] = {}
    for q in raw:
        by_para.setdefault(q.para, []).append(q)
    turn, turn_para = None, -1  # the transcript turn (index in ``quotes``) the last paragraph belonged to
    for p in paras:
        if p.index in skip:
            continue
        label = _TRANSCRIPT.match(p.text)
        if label:
            who = _label_speaker(label.group(1), table)
            if who is not None:  # a turn of a transcript: the whole paragraph is the speaker's
                ctx.log(p.index, 0, who)
                quotes.append((p.index, 0, Quote(label.group(2).strip(), who, True, "", p.index)))
                turn, turn_para = len(quotes) - 1, p.index
                # quotations inside the turn ("As the Secretary put it, “…”") are read as usual
        elif turn is not None and turn_para == p.index - 1 and not by_para.get(p.index) \
                and _TURN_FIRST_PERSON.search(p.text) and not _TURN_REPORTED.search(p.text):
            # the same turn goes on in a paragraph without a label
            q = quotes[turn][2]
            quotes[turn] = (quotes[turn][0], 0, Quote(q.text + " " + p.text, q.speaker, True, "", q.paragraph))
            turn_para = p.index
            continue
        else:
            turn = None
        direct = [q for q in by_para.get(p.index, ()) if is_speech(q, paras)]
        for s, e in p.sentences:
            events = [(q.open_pos, 0, q) for q in direct if s <= q.open_pos < e]
            events += [(r.start, 1, r) for r in reported_in(ctx, p, [(s, e)])]
            if events:
                events.sort(key=_POS_KIND)
                _attribute_events(events, ctx, done, quotes)
    quotes.sort(key=_POS_KIND)

    options = [Option(o.text, o.holder, o.status, o.evidence) for o in find_options(ctx, skip)]
    actors = [a.to_actor() for a in table.actors()]
    return actors, [q for _, _, q in quotes], options


def _attribute_events(events, ctx: Context, done: list, quotes: list) -> None:
    """Attribute one sentence's direct and reported quotes in reading order, logging speakers."""
    for _, kind, item in events:
        if kind == 1:
            ctx.log(item.para, item.start, item.speaker)
            quotes.append((item.para, item.start, Quote(item.text, item.speaker, False, item.cue, item.para)))
            continue
        q = item
        speaker, cue, strength = attribute(q, ctx)
        if not strength:
            speaker = previous_speaker(q, ctx, done)
            if speaker is None and ctx.narrator:
                speaker = ctx.narrator
        done.append((q, speaker))
        ctx.log(q.para, q.open_pos, speaker)
        quotes.append((q.para, q.open_pos, Quote(q.text, speaker, True, cue, q.para)))
