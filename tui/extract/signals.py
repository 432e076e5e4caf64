"""What the words around a name say about it: role, speech, appositive, organisation.

:func:`name_mention` turns an undecided capitalised name into a :class:`Mention`
with its evidence; :func:`institutions` finds organisations named through a
state in lower case ("Venezuela's foreign ministry", "the Iranian parliament").
"""

from __future__ import annotations

import re

from tui.extract import lexicon as lx
from tui.extract.gazindex import confirm
from tui.extract.mention import Mention, Tok, span_text
from tui.extract.text import Para

_DIRECTIONS = frozenset("north south east west northern southern eastern western central upper lower greater "
                        "northeast northwest southeast southwest".split())
_TOLD_BEFORE = re.compile(r"\b(?:told|interview\s+with|speaking\s+to|spoke\s+to|quoted\s+by|cited\s+by|"
                          r"according\s+to)\s+(?:the\s+)?$", re.I)
_INST_ALT = lx.alternation(lx.INSTITUTIONS)
_INSTITUTION = re.compile(
    r"(?P<state>[A-Z](?<!\w.)[\w.-]*+(?:\s+[A-Z][\w.-]*+){0,2}?)(?P<poss>['\u2019]s)?\s+(?P<inst>(?i:" + _INST_ALT + r"))\b")
_INST_HEAD = re.compile(r"(?i)\b(?:ministry|parliament|army|navy|force|forces|guard|guards|bank|commission|court|"
                        r"council|office|cabinet|embassy|senate|legislature|marines|service|agency)\b")
# Cheap pre-check for _INST_HEAD: one of its words in the lower-cased text.  Exact as a filter:
# under re.I an ASCII letter also matches only these three characters, which lower() keeps apart.
_INST_HEAD_WORDS = ("ministry", "parliament", "army", "navy", "force", "guard", "bank", "commission", "court",
                    "council", "office", "cabinet", "embassy", "senate", "legislature", "marines", "service", "agency")
_FOLD_ODD = ("\u0130", "\u0131", "\u017f")
# _INST_HEAD on the lower-cased text: the same matches when none of _FOLD_ODD occurs (lower() then maps
# each character to one character, to the letter re.I would match, and keeps \w / \W apart)
_INST_HEAD_LOW = re.compile(_INST_HEAD.pattern.replace("(?i)", "", 1))
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:(?:also|later|then|in turn|further|again|previously|earlier|recently|"
    r"separately|once|has|had|have|was|is|reportedly|publicly|privately|quickly|"
    r"\w+ly)\s+){0,2}(?:" + lx.alternation(lx.SPEECH_VERBS) + r")\b"
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|wrote|according\s+to|asked|noted|warned|explained|argued)\s*,?\s*$")
_APPOSITIVE = re.compile(
    r",\s+(?:(?:a|an|the|who|whose|one\s+of|once|now|then|formerly|himself|herself)\b|"
    r"[A-Z][\w\u2019'-]+(?:'s|\u2019s)\s+\w|(?:[A-Z][\w-]+\s+)?(?:[a-z]+\s+){0,2}(?:"
    + lx.alternation(lx.ROLE_NOUNS) + r")\b)")
_ROLE_BEFORE = re.compile(
    r"((?:(?:[A-Z][\w\u2019'.-]*|of|the|for|and)\s+){0,4}(?:[a-z][\w-]*\s+){0,3}(?:"
    + lx.alternation(lx.ROLE_NOUNS) + r"))\s*,?\s*$")
_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Mme|M)\.?|(?:His|Her)?\s*(?:Royal\s+)?"
                        r"(?:Excellency|Highness|Majesty))(?:\s+|$)")
_BEFORE_LAST = frozenset("said says told added wrote to asked noted warned explained argued".split())
_ROLE_AFTER = re.compile(r",\s+((?:a|an|the|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?[\u2019']s)\s+[^,.;:\u201c\u201d\"]{3,90}?)(?=,|\.|;|\s+(?:said|says|told|added)\b|$)")
_ORG_AT = re.compile(r"\b(?:at|from|with|of)\s+(?:the\s+)?$")
_ROLE_NEAR = re.compile(r"\b(?:researcher|analyst|fellow|professor|director|expert|scholar|economist|"
                        r"head|chief|president|chairman|executive|ceo|founder|member|specialist|"
                        r"lecturer|strategist|officer|official|spokesman|spokeswoman|spokesperson)\b")


_ORG_ALT = lx.alternation(lx.ORG_NOUNS)
_ACRONYM_BEFORE = re.compile(r"\b(?:the|" + _ORG_ALT + r")\s+(?:[a-z-]+\s+){0,2}$")
_ACRONYM_AFTER = re.compile(r"\s+(?:" + _ORG_ALT + r")\b")
_COMMON_ACRONYMS = frozenset("""
CEO CFO GDP GNP LNG TV AI UAV UAVs HIV AIDS COVID USD EUR GBP ID PM MP MPs GMT UTC BST CET EST OK IT PR HQ
CCTV IPO ETF VAT IMF OPEC NGO NGOs LGBT LGBTQ DNA FAQ PDF URL SMS GPS NASA ICBM ICBMs SLBM EEZ LOC LoC
PHOTO VIDEO WATCH READ MORE UPDATE BREAKING EXCLUSIVE ANALYSIS OPINION AM PM
""".split())

_ORG_NOUN_BEFORE = re.compile(r"\b(?:think[\s-]tank|consultancy|firm|company|bank|lender|association|"
                              r"group|bloc|agency|operator|depository|watchdog|regulator|broadcaster|newspaper|"
                              r"outlet|website|party|coalition|movement|militia|network|institute)\s+$")
# Cheap pre-checks for the two "…\s+$" patterns: a match needs trailing whitespace after one of these
# endings (any case for _TOLD_BEFORE, whose re.I also lets three odd letters match ASCII ones).
_ORG_NOUN_ENDS = ("tank", "consultancy", "firm", "company", "bank", "lender", "association", "group", "bloc",
                  "agency", "operator", "depository", "watchdog", "regulator", "broadcaster", "newspaper", "outlet",
                  "website", "party", "coalition", "movement", "militia", "network", "institute")
_TOLD_ENDS = ("told", "with", "to", "by", "the")
_FOLD_ODD_CHARS = ("\u0130", "\u0131", "\u017f")


def _may_end_with(window: str, ends: tuple[str, ...], fold: bool = False) -> bool:
    r"""Can a "…(ends)\s+$" pattern match ``window`` (lower-cased first when ``fold``)?"""
    if not window[-1:].isspace():
        return False
    core = window.rstrip()
    if fold:
        if not window.isascii() and any(map(window.__contains__, _FOLD_ODD_CHARS)):
            return True
        core = core.lower()
    return core.endswith(ends)


_ROLE_SEGMENT = re.compile(r"\b(?:" + lx.alternation(lx.ROLE_NOUNS - {"member", "partner"}) + r"|(?i:"
                           + lx.alternation(lx.TITLE_WORDS - lx.TITLE_MODIFIERS - {"mr", "mrs", "ms", "dr", "first", "head",
                                                                               "leader", "speaker", "private", "chair"})
                           + r"))\b")

_WHICH_AFTER = re.compile(r",\s+which\s+(?:\w+\s+){0,25}?[^.;]*?,\s+(?:" + lx.alternation(lx.SPEECH_VERBS) + r")\b")
_HEADS = lx.ORG_NOUNS | lx.ROLE_NOUNS | lx.SOURCE_NOUNS
_LOWER_RUN = re.compile(r"[a-z][\w-]*")
_LEAD_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_LEAD_ARTICLE_ANY = re.compile(r"^(?i:a|an|the)\s+")
_LEAD_FILLER = re.compile(r"^(?:the|a|an|and|of|for)\s+")


_PLACE_BEFORE = re.compile(r"(?:^|[^\w])(?:in|near|outside|inside|across|around)\s$")


_CAPITAL_TITLE = re.compile(r"(?:[A-Z][\w.-]*(?:[\u2019']s)?\s+)*(?:" + lx.alternation(
    {w.capitalize() for w in lx.TITLE_WORDS}) + r")\b")


def _segment_before(before: str, start: int) -> str:
    """The comma segment that ends ``before`` (the window of text up to ``start``), without a
    leading article."""
    cut = before.rfind(",", 0, len(before) - 2)
    seg = before[cut + 1:].strip(" ,")
    if cut < 0 and start > len(before):
        seg = seg.split(" ", 1)[-1]  # the window began inside a word
    return _LEAD_ARTICLE_ANY.sub("", seg)


def _first_head(phrase: str) -> str:
    for w in _LOWER_RUN.findall(phrase.split(" who ")[0]):
        if w in ("partner", "member", "ally", "part", "arm", "wing"):
            continue
        if w in _HEADS:
            return w
        if w in ("think",):
            return "think-tank"
    return ""


def name_mention(para: Para, toks: list[Tok], a: int, b: int, title: str, out: list[Mention]) -> None:
    text = para.text
    start, end = toks[a].start, toks[b - 1].end
    name = span_text(text, toks, a, b)
    words = name.split()
    if words and words[-1].lower() in lx.PLACE_WORDS:
        return
    if len(words) == 2 and words[0].lower() in _DIRECTIONS and words[1].lower() not in lx.GIVEN_NAMES:
        return
    if title:
        title_words = title.split()
        title_last = title_words[-1].lower().rstrip(".")
        if title_last in lx.TITLE_MODIFIERS and len(title_words) == 1:
            title = ""
        if title and len(words) == 1 and (title_last in lx.PORTFOLIO_WORDS or title_last in lx.TITLE_MODIFIERS):
            return
    m = Mention(para.index, start, end, name, "name", title=title)
    after = text[end:end + 60]
    before = text[max(0, start - 90):start]
    if not title and words[0].lower() not in lx.GIVEN_NAMES and _PLACE_BEFORE.search(before[-10:]):
        return  # "diplomats in New York", "near Kherson": a place, not a person
    tail_words = before[-40:].replace(",", " ").rsplit(None, 1)
    last = tail_words[-1].lower() if tail_words else ""
    m.speech = bool(_SPEECH_AFTER.match(after) or (last in _BEFORE_LAST and _SPEECH_BEFORE.search(before[-40:])))
    m.appositive = after[:1] == "," and bool(_APPOSITIVE.match(after))
    rb = _ROLE_BEFORE.search(before[-80:]) if last in lx.ROLE_NOUNS else None
    role = _HONORIFIC.sub("", title).strip() if title else ""  # "Dr", "His Excellency" are no role
    if rb:
        r = rb.group(1).strip().rstrip(",")
        r = _LEAD_FILLER.sub("", r)
        if r:
            role = (r + " " + title).strip() if title else r
    ra = _ROLE_AFTER.match(text, end) if after[:1] == "," else None
    if ra and not role:
        role = _LEAD_ARTICLE.sub("", ra.group(1)).strip()
    elif ra and m.appositive:
        role = role or ra.group(1)
    m.role = _HONORIFIC.sub("", role).strip() if role else ""
    if ra and not title:
        head = _first_head(ra.group(1))
        if head in lx.ORG_NOUNS:
            m.kind = "organization"
            m.role = _LEAD_ARTICLE.sub("", ra.group(1)).strip()
            out.append(m)
            return
    if not title and len(words) >= 2 and words[0].lower() not in lx.GIVEN_NAMES \
            and _may_end_with(before[-30:], _TOLD_ENDS, True) and _TOLD_BEFORE.search(before[-30:]) \
            and not m.appositive and not m.speech:
        m.kind = "organization"
        if before.endswith("The "):
            m.text, m.start = "The " + m.text, m.start - 4
        out.append(m)
        return
    if len(words) == 1 and (toks[a].text.isupper() and len(toks[a].text) >= 2):
        org_near = bool(_ACRONYM_BEFORE.search(before[-40:]) or _ACRONYM_AFTER.match(text, end))
        m.kind = "organization" if (m.speech or m.appositive or org_near) and words[0] not in _COMMON_ACRONYMS \
            else "acronym"
    elif len(words) == 1 and not title and _ORG_AT.search(before[-12:]) and _ROLE_NEAR.search(before[-90:]) \
            and not _ACRONYM_AFTER.match(text, end) and not text.startswith("-", end):
        m.kind = "organization"  # "a researcher at Rand" (not "at the Brussels think tank …")
    elif len(words) == 1 and not title and words[0].lower() not in lx.GIVEN_NAMES and _WHICH_AFTER.match(text, end):
        m.kind = "organization"  # "Chevron, which produces a fifth of the crude, said …"
    elif not title and words[0].lower() not in lx.GIVEN_NAMES and _may_end_with(before[-30:], _ORG_NOUN_ENDS) \
            and _ORG_NOUN_BEFORE.search(before[-30:]):
        m.kind = "organization"  # "the Brussels think tank Bruegel", "the shipping association BIMCO"
    elif not title and not role and len(words) >= 2 and before.endswith(", ") and _ROLE_SEGMENT.search(
            seg := _segment_before(before, start)):
        cap = _CAPITAL_TITLE.search(seg)  # "a delegation led by China's Vice Minister …": from the title on
        m.role = seg[cap.start():] if cap and seg[:1].islower() else seg
        m.appositive = True  # "The EU's special representative for the dialogue, Karin Lindqvist, is …"
    out.append(m)


def institutions(para: Para, out: list[Mention]) -> None:
    """"Venezuela's foreign ministry", "the Iranian parliament": organisations named through a state."""
    text = para.text
    low = text.lower()
    if text.isascii() or not any(map(text.__contains__, _FOLD_ODD)):
        if not any(map(low.__contains__, _INST_HEAD_WORDS)) or not _INST_HEAD_LOW.search(low):
            return
    elif not _INST_HEAD.search(text):
        return
    taken = [(m.start, m.end) for m in out if m.kind == "organization"]
    for m in _INSTITUTION.finditer(text):
        words = m.group("state").split()
        for k in range(len(words)):
            cand = " ".join(words[k:])
            ent, dem = confirm(cand)
            if ent is not None and ent.kind == "state":
                break
        else:
            continue
        if (m.group("poss") is None) != dem:
            continue
        start = m.start("state") + len(" ".join(words[:k])) + (1 if k else 0)
        if any(a <= m.start("inst") < b for a, b in taken):
            continue
        inst = m.group("inst")
        adj = ent.demonyms[0] if ent.demonyms else ent.name
        name = adj + " " + " ".join(w if w.isupper() else w.capitalize() for w in inst.split())
        if inst.lower() == "military":
            name = adj + " military"
        surface = text[start:m.end()]
        out.append(Mention(para.index, start, m.end(), name, "organization", alias=surface))
