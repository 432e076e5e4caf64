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
from tui.extract.text import Para, has_matches

_POLICY = (
    r"send|supply|provide|deliver|deploy|impose|lift|ease|tighten|sanction|expand|extend|freeze|seize|use|"
    r"allow|permit|authori[sz]e|ban|restrict|block|cut|suspend|resume|withdraw|recogni[sz]e|join|host|"
    r"negotiate|mediate|broker|strike|attack|target|intervene|arm|fund|finance|train|station|close|open|"
    r"reopen|expel|recall|boycott|blockade|retaliate|respond|invite|accept|offer|guarantee|protect|defend|"
    r"reinforce|boost|increase|raise|reduce|reconsider|review|abandon|end|halt|stop|pause|rejoin|leave|exit|"
    r"release|exchange|trigger|restore|revoke|revive|cap|ship|give\s+up|hand\s+over|set\s+up|establish|"
    r"create|build|require|designate|share|sign|ratify|introduce|adopt|approve|launch|investigate|"
    r"prosecute|relocate|evacuate|resupply|escort|patrol|inspect|back|subsidi[sz]e|buy|purchase|stockpile|"
    r"harden|upgrade|moderni[sz]e|acquire|produce|develop|invest|pay|help|support|press|push|demand|tie|"
    r"link|loosen|scrap|drop|waive|grant|delay|postpone|accelerate|withhold|refer|present|submit|publish|"
    r"welcome|commit|pledge|spend|contribute|base|station|make|meet|hold|convene|send|keep|maintain|"
    r"continue|stay|remain|apply|enforce|replace|complete|conduct|carry\s+out|lodge|summon|activate|"
    r"decide|extend|veto|condemn|sanction|tax|charge|lower|limit|monitor|observe|deter|counter|rearm"
)
_ING = r"[a-z]+ing"

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

_DET = r"(?:an?|another|one|the|this|that|a\s+(?:third|second|fourth|fifth|further|final)|the\s+(?:first|second|" \
       r"third|fourth|fifth|other|main|only|last|simplest|cheapest|boldest|obvious|preferred|likeliest))"

# (status, pattern) — each pattern has a group "act"
_PARTICIPLES = (
    r"agreed|carried\s+out|lifted|imposed|extended|deployed|sent|suspended|closed|opened|reopened|signed|approved|"
    r"implemented|established|created|held|restored|released|reinstated|allowed|granted|delivered|provided|used|"
    r"frozen|unfrozen|expanded|eased|tightened|withdrawn|reduced|raised|increased|resumed|halted|revoked|renewed|"
    r"adopted|introduced|enforced|replaced|activated|convened|negotiated|monitored|financed|funded|paid|returned"
)
_SUBJECT_NOUNS = (r"allies|government|governments|administration|alliance|bloc|union|partners|west|europe|"
                  r"europeans|leaders|ministers|officials|campaign|opposition|army|military|junta|ministry|council|"
                  r"coalition|authorities|country|countries|side|sides|parties|both|states|members|mediators|"
                  r"he|she|it|they|we|i")

# (status, pattern) — each pattern has a group "act"
_TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("under discussion", re.compile(
        r"\b(?:considering|weighing|mulling|exploring|"
        r"discussing|debating|contemplating|studying|examining|eyeing|pondering)\s+(?:(?:whether|how)\s+to\s+|"
        r"(?:a|the)\s+(?:plan|proposal|possibility|option|idea|request)s?\s+(?:to|of|for)\s+)?(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("under discussion", re.compile(
        r"\b" + _DET + r"\s+(?:[\w-]+\s+){0,3}?(?:option|options|alternative|alternatives|path|possibility|scenario|"
        r"approach|compromise|fallback|solution|avenue)(?:\s+(?:for|under|being|on|now|often)\s+[^,.;]{1,60}?)?"
        r"(?:\s+which\s+[^,.;]{1,60}?)?(?:,\s*[^,.;]{1,80},)?\s+(?:would\s+be|is|was|are|were|will\s+be|could\s+be|"
        r"might\s+be|includes?|included|involves?|would|could|might|calls?\s+for|under\s+discussion\s+is)"
        r"(?:\s+also)?\s+(?:to\s+|for\s+)?(?P<act>(?:to\s+|for\s+|a\s+|an\s+|the\s+|[a-z]+ing\b|"
        r"(?<=to )[a-z]+\s+)(?:[^.;]|\.(?=\S)){4,})",
        re.I)),
    ("under discussion", re.compile(
        r"\b(?:options|measures|steps|tools|ideas|proposals|scenarios)\s*,?\s+(?:which\s+)?(?:also\s+)?"
        r"(?:include|included|including|range\s+from)\s+(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("under discussion", re.compile(
        r"\b(?P<act>(?:the\s+)?(?:next\s+|another\s+|a\s+new\s+|a\s+further\s+|a\s+fresh\s+)(?:round|meeting|session)"
        r"(?:\s+of\s+(?:talks|consultations|negotiations))?(?:[^.;]|\.(?=\S)){0,60}?\s+(?:could|would|will|is|was|are|were)\s+"
        r"(?:expected|due|likely|set|scheduled|planned|take\s+place|be\s+held)[^.;]*)")),
    ("proposed", re.compile(
        r"\b(?:idea|proposal|proposals|plan|plans|offer|initiative|suggestion|demand|demands|call|calls|push|bid|"
        r"request|appeal|"
        r"draft\s+proposal|threat|ultimatum|pledge|commitment)(?:,\s*[^,.;]{1,80},)?\s+(?:to|of|for)\s+"
        r"(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("proposed", re.compile(
        r"\b(?:proposed|proposes|proposing|suggested|suggests|floated|floats|offered|offers|called\s+for|"
        r"calls\s+for|calling\s+for|called\s+on\s+(?:[^.;]|\.(?=\S)){2,60}?\s+to|calls\s+on\s+(?:[^.;]|\.(?=\S)){2,60}?\s+to|"
        r"(?:urged|urges|urging|asked|asks|pressed|presses|pressing)\s+(?:[^.;]|\.(?=\S)){2,60}?\s+to|pushed\s+for|pushing\s+for|"
        r"pushes\s+for|argued\s+for|argues\s+for|lobbying\s+for|demanded\s+that|demanded|demands|pressed\s+for|"
        r"presses\s+for|advocated|advocates|recommended|recommends|appealed\s+for|insisted\s+that|insists\s+that|"
        r"threatened\s+to|threatens\s+to|(?:is|are|was|were)\s+(?:ready|prepared|willing|preparing|poised|set)\s+to|"
        r"prepares\s+to|plans?\s+to|planned\s+to|intends?\s+to|aims?\s+to|sought|seeks|hoped\s+to|hopes\s+to|"
        r"vowed\s+to|vows\s+to|promised\s+to|promises\s+to|would\s+welcome|asked\s+for|requested)\s+"
        r"(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("rejected", re.compile(
        r"\b(?:ruled\s+out|rules\s+out|ruling\s+out|vetoed|balked\s+at|(?:refused|refuses|declined|declines)\s+to\s+"
        r"(?=(?:" + _POLICY + r")\b)|(?:will|would|could)\s+not\s+(?:(?:\w+ly)\s+)?(?=(?:" + _POLICY + r")\b)|"
        r"won[\u2019']t\s+(?=(?:" + _POLICY + r")\b)|(?:has|have)\s+no\s+plans?\s+to\s+|"
        r"(?:has|have)\s+not\s+(?:yet\s+)?(?:\w+ly\s+)?(?=recogni[sz]ed|designated|lifted|imposed|approved|agreed|"
        r"signed|accepted|endorsed)|"
        r"(?:rejected|rejects|dismissed|opposed|opposes)\s+(?=(?:the|a|an|any|calls|demands|proposals?|plans?)\s+"
        r"(?:[\w-]+\s+){0,2}?(?:idea|proposal|plan|call|calls|demand|demands|offer|deal|request|option|"
        r"initiative|conditions|ultimatum|measure|move|arrangement|mediation|talks|process|deployment|"
        r"intervention|exemption)\b))(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("in place", re.compile(
        r"\b(?P<act>(?i:sanctions|restrictions|tariffs|export\s+controls|controls|curbs|embargo|an?\s+embargo|"
        r"measures|bans?|limits|penalties|price\s+caps?|border\s+closures)(?:\s+[^.;,]{0,80}?)?\s+(?:have|has|had|"
        r"would|will)\s+(?:already\s+)?(?:been\s+(?:imposed|introduced|placed|put\s+in\s+place|adopted|extended|"
        r"tightened|applied|in\s+place)|(?:stay|remain)\s+in\s+(?:place|force))[^.;]*)")),
    ("in place", re.compile(
        r"\b(?:already(?!\s+\w+ing\b)|continues?\s+to|continued\s+to|still\s+(?=maintain|keep|hold|operate|"
        r"provide|supply|fund))\s*(?P<act>(?:(?:\w+ed|\w+s)\s+)?(?:[^.;]|\.(?=\S)){6,})")),
    ("adopted", re.compile(
        r"\b(?:agreed\s+(?:(?:at|in|during|on)\s+[\w\s]{0,40}?\s)?to|agreed\s+on|agreed\s+a\b|decided\s+to|has\s+decided|approved|approves|adopted|endorsed|"
        r"endorses|voted\s+to|pledged|pledges|(?:has|have|had)\s+sent|"
        r"announced\s+(?:a|an|new|plans?\s+to|that)\b|signed|launched|unveiled|committed\s+(?:[\w\s]{0,20}?\s)?to|"
        r"imposed|imposes|suspended|suspends|froze|has\s+frozen|closed|paused|lodged|summoned|expelled|"
        r"deployed|activated|directs|directed|ordered|allocated|earmarked|includes?\s+(?:[^.;]|\.(?=\S)){0,40}?\s+for|"
        r"(?:has|have|had)\s+(?:\w+ly\s+)?(?:lifted|eased|relaxed|removed|scrapped|extended|renewed|expanded|"
        r"tightened|halted|resumed|restored|withdrawn|recalled|paid(?:\s+off)?|carried\s+out|conducted|"
        r"designated|recognised|recognized|blocked|banned)|"
        r"called\s+(?=an?\s+(?:\w+\s+)?(?:meeting|summit|session|vote|referendum|election|ceasefire))|"
        r"(?:funds|funding|money)\s+(?=to\s)|"
        r"(?:will|shall)\s+(?=(?:" + _POLICY + r")\b))\s*(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("proposed", re.compile(
        r"\b(?<!not )(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|could|might|would|may|"
        r"(?:is|are)\s+(?:expected|likely)\s+to)\s+(?:(?:also|still|"
        r"instead|now|then|quickly|first|either|almost\s+certainly|certainly|probably|\w+ly)\s+){0,2}"
        r"(?P<act>(?:" + _POLICY + r")\b(?:[^.;]|\.(?=\S)){4,}|(?:not\s+)?be\s+(?:" + _PARTICIPLES + r")\b(?:[^.;]|\.(?=\S)){2,})")),
    ("in place", re.compile(
        r"\b(?P<act>(?:sanctions|tariffs|export\s+controls|curbs|restrictions|asset\s+freezes?|embargo|"
        r"price\s+cap|travel\s+bans?|visa\s+bans?)\s+(?:on|against)\s+[^.;,]{3,80})")),
]

# Cheap look-ahead per trigger: the full pattern only runs on sentences holding one of its key words.
def _keys(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ANCHORS: list[frozenset[str]] = [
    _keys("considering weighing mulling exploring discussing debating contemplating studying examining eyeing pondering"),
    _keys("option options alternative alternatives path possibility scenario approach compromise fallback solution "
          "avenue"),
    _keys("options measures steps tools ideas proposals scenarios"),
    _keys("round meeting session"),
    _keys("idea proposal proposals plan plans offer initiative suggestion demand demands call calls push bid request "
          "threat ultimatum pledge commitment appeal"),
    _keys("proposed proposes proposing suggested suggests floated floats offered offers called calls calling urged "
          "urges urging pushed pushing pushes demanded demands pressed presses advocated advocates recommended "
          "recommends appealed insisted insists threatened threatens ready prepared willing plan plans planned "
          "intend intends aim aims sought seeks hoped hopes vowed vows promised promises welcome asked asks "
          "requested argued argues lobbying preparing prepares poised set"),
    _keys("ruled rules ruling vetoed balked refused refuses declined declines not won't won\u2019t no rejected "
          "rejects dismissed opposed opposes"),
    _keys("sanctions restrictions tariffs controls curbs embargo measures ban bans limits penalties cap caps "
          "closures"),
    _keys("already continues continue continued still"),
    _keys("agreed decided approved approves adopted announced signed launched unveiled committed imposed imposes "
          "suspended suspends froze frozen closed paused lodged summoned expelled deployed activated directs "
          "directed ordered allocated earmarked include includes will shall called funds funding money lifted eased "
          "endorsed endorses voted pledged pledges sent "
          "relaxed removed scrapped extended renewed expanded tightened halted resumed restored withdrawn recalled "
          "paid carried conducted designated recognised recognized blocked banned"),
    _keys("should must ought need needs has have could might would may expected likely"),
    _keys("sanctions tariffs controls curbs restrictions freeze freezes embargo cap ban bans"),
]
_MODAL_KEYS = _keys("should could must ought")
_STAY_KEYS = _keys("stay remain remains continue")
# key word -> mask of the checks it unlocks (bit n: _TRIGGERS[n], then _STAY, _MODAL_ANY), so a sentence
# costs one probe per key word it holds; _BIT_TRIGGERS: trigger mask -> the _TRIGGERS indexes in it
_STAY_BIT, _MODAL_BIT = 1 << len(_ANCHORS), 2 << len(_ANCHORS)
_KEY_BITS = {w: sum(1 << n for n, g in enumerate([*_ANCHORS, _STAY_KEYS, _MODAL_KEYS]) if w in g)
             for w in frozenset().union(*_ANCHORS, _STAY_KEYS, _MODAL_KEYS)}
_KEY_WORDS = frozenset(_KEY_BITS)
_BIT_TRIGGERS = [tuple(n for n in range(len(_ANCHORS)) if b >> n & 1) for b in range(_STAY_BIT)]
_ALREADY = re.compile(r"\balready\b")
_NEXT_CLAUSE = re.compile(r"(?:,\s*and\b|;|\band\s+(?:would|will|has|have|had|is|are)\b)")
_STAY = re.compile(r"\b(?:would|will)\s+(?:stay|remain|continue)\b|\bremains?\s+in\s+(?:force|place)\b")
_CLAUSE_START = re.compile(r".*\b(?:that|said|says|added|noted)\s+")

_MODAL_ANY = re.compile(r"\b(?:should|could|must|ought\s+to)\s+(?:(?:also|still|instead|now|then|first|\w+ly)\s+)?"
                        r"(?P<act>[a-z]+\b(?:[^.;]|\.(?=\S)){4,})")
_LIST = re.compile(r"\b(?:including|such\s+as)\s+(?P<list>" + _ING + r"\b[^.;]+)")
_LIST_SPLIT = re.compile(r",?\s+(?:or|and)\s+(?=" + _ING + r"\b)|,\s+(?=" + _ING + r"\b)")
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
_SUBJ_TAIL = re.compile(r"\b(?:" + _SUBJECT_NOUNS + r")(?:['\u2019]s?)?(?:\s+(?:also|still|now|then|\w+ly))?\s+$", re.I)


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
    for w in _KEY_WORDS.intersection(p.words_of(s, e)):
        bits |= _KEY_BITS[w]
    if not bits:
        return found
    modal_rx = _TRIGGERS[-2][1]
    for n in _BIT_TRIGGERS[bits & (_STAY_BIT - 1)]:
        status, rx = _TRIGGERS[n]
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
    if bits & _STAY_BIT:
        for m in _STAY.finditer(text, s, e):
            if p.in_quote(m.start()):
                continue
            lo = max(text.rfind(",", s, m.start()), text.rfind(";", s, m.start()))
            that = _CLAUSE_START.match(text, s, m.start())
            lo = max(lo + 1 if lo >= 0 else s, that.end() if that else s)
            act = _cut(text[lo:e]).strip()
            if has_matches(_WORD, act, 3):
                found.append((lo, lo + len(act), "in place", act))
    for m in (_modal_iter(text, s, e) if bits & _MODAL_BIT else ()):
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
