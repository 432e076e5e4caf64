"""Direct quotations: find quoted spans, join multi-paragraph quotes, drop scare quotes.

Double quotes (curly or straight) are the primary marks unless an article
quotes with single marks only (British style), in which case ‘…’ is primary
and double marks inside it are nested quotations.  Apostrophes (don't,
Biden’s, the allies’ weapons, ’90s) are told apart from closing single marks
by what stands on either side of them.

A quotation whose paragraph ends before its closing mark continues when the
next paragraph opens with a quote mark (the news convention for quotes that
run over several paragraphs); the pieces become one quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.extract import lexicon as lx
from tui.extract.text import Para

_DOUBLE = re.compile("[\u201c\u201d\u201e\u00ab\u00bb\u201f\"]")
_D_OPEN = "\u201c\u201e\u00ab\u201f"
_D_CLOSE = "\u201d\u00bb"

# Opening / closing single marks; the mark comes first in the pattern (look-behinds after it) so ``re``
# can skip ahead to the rare mark characters.
_S_OPEN = re.compile(r"[\u2018'](?:(?<=^.)|(?<=[\s(\[\u2014\u2013\u201c\"-].))(?=[^\W_]|\.\.\.|\u2026)")
_S_CLOSE = re.compile(r"[\u2019'](?<=[^\s\u2018].)(?=[\s,.;:!?)\]\u2014\u2013\u201d\"]|$)")
_DECADE = re.compile(r"\d0s\b")
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|n)\b", re.I)

_SO_CALLED = re.compile(
    r"(?:so[- ]called|dubbed|nicknamed|known as|termed|titled|entitled|named|headlined|"
    r"codenamed|code-named|the term|the word|the phrase|the slogan|operation|hashtag|"
    r"the label|the name|the words|branded|labelled|labeled)\s*[\u201c\u2018\"']?$",
    re.I,
)
_SPEECH_WORDS = frozenset("""
said says say saying told tells telling added adds noted warned warns called calls calling described describes
describing stressed insisted argued wrote writes tweeted posted stated declared announced according promised
vowed pledged urged referred referring insists argues claims claimed labelled labeled branded dismissed slammed
criticised criticized praised hailed condemned denounced welcomed explained confirmed denied predicted
acknowledged admitted asked replied responded remarked commented emphasised emphasized cautioned summarises
summarizes summarised summarized reiterated spoke speaking statement interview remarks comments words accuse
accused accuses accusing communique communiqué declaration resolution letter report charged blamed demanded
pledging committed vowing warning urging insisting arguing claiming promising
""".split())
_SPEECH_NEAR = re.compile(r"\b" + lx.alternation(_SPEECH_WORDS) + r"\b", re.I)
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")
_END_PUNCT = re.compile(r"[.!?,]$")


@dataclass(slots=True)
class RawQuote:
    """A quotation: its pieces (paragraph, inner start, inner end) in order."""

    pieces: list[tuple[int, int, int]]
    open_pos: int  # offset of the opening mark in the first paragraph
    close_pos: int  # offset just past the closing mark in the last paragraph
    text: str = ""

    @property
    def para(self) -> int:
        return self.pieces[0][0]

    @property
    def last_para(self) -> int:
        return self.pieces[-1][0]

    @property
    def start(self) -> int:
        return self.pieces[0][1]


def _scan_double(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(text):
        i = m.start()
        if any(s <= i < e for s, e in skip):
            continue
        c = m.group()
        if open_at is None:
            if c in _D_CLOSE:
                continue
            if c == '"':
                before = text[i - 1] if i else " "
                after = text[i + 1] if i + 1 < len(text) else " "
                if not before.isspace() and before not in "([\u2014\u2013-" and (after.isspace() or after in ",.;:"):
                    continue  # a stray closing mark
            open_at = i
        else:
            if c in _D_OPEN:
                continue
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, None))
    return spans


def _scan_single(text: str, skip: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    spans: list[tuple[int, int | None]] = []
    closers = [m.start() for m in _S_CLOSE.finditer(text)]
    pos = 0
    for m in _S_OPEN.finditer(text):
        i = m.start()
        if i < pos or any(s <= i < e for s, e in skip):
            continue
        rest = text[i + 1:i + 6]
        if _DECADE.match(rest) or _ELISIONS.match(rest):
            continue
        cands = [c for c in closers if c > i + 1]
        close = None
        for n, c in enumerate(cands):
            prev = text[c - 1]
            nxt = text[c + 1:c + 3]
            possessive = prev in "sS" and len(nxt) == 2 and nxt[0] == " " and nxt[1].islower()
            if possessive and n + 1 < len(cands):
                continue
            close = c
            break
        spans.append((i, close))
        if close is None:
            break
        pos = close + 1
    return spans


def _primary_single(paras: list[str]) -> bool:
    doubles = 0
    for p in paras:  # stop counting at two
        doubles += len(_DOUBLE.findall(p))
        if doubles >= 2:
            return False
    singles = sum(len(_S_OPEN.findall(p)) for p in paras)
    return singles >= 1


def find_quotes(paras: list[Para]) -> list[RawQuote]:
    """All quotations of the article, in reading order; fills ``Para.quoted``."""
    single = _primary_single([p.text for p in paras])
    per_para: list[list[tuple[int, int | None]]] = []
    for p in paras:
        if single:
            spans = _scan_single(p.text, [])
            closed = [(s, e + 1 if e is not None else len(p.text)) for s, e in spans]
            spans += _scan_double(p.text, closed)
        else:
            spans = _scan_double(p.text, [])
            closed = [(s, e + 1 if e is not None else len(p.text)) for s, e in spans]
            if not spans:
                spans = _scan_single(p.text, closed)
        spans.sort()
        per_para.append(spans)

    quotes: list[RawQuote] = []
    carry: RawQuote | None = None
    for p, spans in zip(paras, per_para):
        text = p.text
        for n, (s, e) in enumerate(spans):
            if carry is not None:
                if n == 0 and not text[:s].strip():
                    carry.pieces.append((p.index, s + 1, e if e is not None else len(text)))
                    if e is not None:
                        carry.close_pos = e + 1
                        quotes.append(carry)
                        carry = None
                    continue
                quotes.append(carry)
                carry = None
            q = RawQuote([(p.index, s + 1, e if e is not None else len(text))], s,
                         e + 1 if e is not None else len(text))
            if e is None:
                carry = q
            else:
                quotes.append(q)
        if carry is not None and (not spans or carry.pieces[-1][0] != p.index):
            quotes.append(carry)
            carry = None
    if carry is not None:
        quotes.append(carry)
    quotes.sort(key=lambda q: (q.para, q.open_pos))
    for q in quotes:
        q.text = " ".join(paras[i].text[s:e].strip() for i, s, e in q.pieces).strip()
        for i, s, e in q.pieces:
            paras[i].quoted.append((s - 1, min(len(paras[i].text), e + 1)))
    return quotes


def is_speech(q: RawQuote, paras: list[Para]) -> bool:
    """False for scare quotes, titles and other quoted words nobody said."""
    words = _WORD.findall(q.text)
    if not words:
        return False
    p = paras[q.para]
    before = p.text[max(0, q.open_pos - 22):q.open_pos]
    if len(words) <= 6 and _SO_CALLED.search(before):
        return False
    if len(words) >= 5 or len(q.pieces) > 1:
        return True
    # short quotes: speech only when a speech cue stands in the same sentence
    s, e = p.sentence_at(q.open_pos)
    last = paras[q.last_para]
    if last is not p:
        return True
    sentence = p.text[s:e]
    outside = sentence[: q.open_pos - s] + " " + sentence[q.close_pos - s:]
    long_words = [w for w in words if len(w) > 3]
    if len(words) <= 4 and long_words and all(w[:1].isupper() for w in long_words) and len(words) > 1:
        return False  # a title or a name in quotes
    if len(words) >= 3 and _END_PUNCT.search(q.text.strip()):
        return True
    return bool(_SPEECH_NEAR.search(outside))
