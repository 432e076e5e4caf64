"""The option triggers: one pattern per way news prose opens a course of action, with its status.

Each pattern has a group ``act`` (the action's verb phrase).  A cheap key-word gate
comes with them: a trigger's full pattern only runs on sentences holding one of its
key words (:data:`KEY_BITS`, :data:`BIT_TRIGGERS`); :mod:`tui.extract.options` reads
the sentences and cuts the actions.
"""

from __future__ import annotations

import re

POLICY = (
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
ING = r"[a-z]+ing"

DET = r"(?:an?|another|one|the|this|that|a\s+(?:third|second|fourth|fifth|further|final)|the\s+(?:first|second|" \
       r"third|fourth|fifth|other|main|only|last|simplest|cheapest|boldest|obvious|preferred|likeliest))"

# (status, pattern) — each pattern has a group "act"
PARTICIPLES = (
    r"agreed|carried\s+out|lifted|imposed|extended|deployed|sent|suspended|closed|opened|reopened|signed|approved|"
    r"implemented|established|created|held|restored|released|reinstated|allowed|granted|delivered|provided|used|"
    r"frozen|unfrozen|expanded|eased|tightened|withdrawn|reduced|raised|increased|resumed|halted|revoked|renewed|"
    r"adopted|introduced|enforced|replaced|activated|convened|negotiated|monitored|financed|funded|paid|returned"
)
SUBJECT_NOUNS = (r"allies|government|governments|administration|alliance|bloc|union|partners|west|europe|"
                  r"europeans|leaders|ministers|officials|campaign|opposition|army|military|junta|ministry|council|"
                  r"coalition|authorities|country|countries|side|sides|parties|both|states|members|mediators|"
                  r"he|she|it|they|we|i")

# (status, pattern) — each pattern has a group "act"
TRIGGERS: list[tuple[str, re.Pattern[str]]] = [
    ("under discussion", re.compile(
        r"\b(?:considering|weighing|mulling|exploring|"
        r"discussing|debating|contemplating|studying|examining|eyeing|pondering)\s+(?:(?:whether|how)\s+to\s+|"
        r"(?:a|the)\s+(?:plan|proposal|possibility|option|idea|request)s?\s+(?:to|of|for)\s+)?(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("under discussion", re.compile(
        r"\b" + DET + r"\s+(?:[\w-]+\s+){0,3}?(?:option|options|alternative|alternatives|path|possibility|scenario|"
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
        r"(?=(?:" + POLICY + r")\b)|(?:will|would|could)\s+not\s+(?:(?:\w+ly)\s+)?(?=(?:" + POLICY + r")\b)|"
        r"won[\u2019']t\s+(?=(?:" + POLICY + r")\b)|(?:has|have)\s+no\s+plans?\s+to\s+|"
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
        r"(?:will|shall)\s+(?=(?:" + POLICY + r")\b))\s*(?P<act>(?:[^.;]|\.(?=\S)){6,})")),
    ("proposed", re.compile(
        r"\b(?<!not )(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|could|might|would|may|"
        r"(?:is|are)\s+(?:expected|likely)\s+to)\s+(?:(?:also|still|"
        r"instead|now|then|quickly|first|either|almost\s+certainly|certainly|probably|\w+ly)\s+){0,2}"
        r"(?P<act>(?:" + POLICY + r")\b(?:[^.;]|\.(?=\S)){4,}|(?:not\s+)?be\s+(?:" + PARTICIPLES + r")\b(?:[^.;]|\.(?=\S)){2,})")),
    ("in place", re.compile(
        r"\b(?P<act>(?:sanctions|tariffs|export\s+controls|curbs|restrictions|asset\s+freezes?|embargo|"
        r"price\s+cap|travel\s+bans?|visa\s+bans?)\s+(?:on|against)\s+[^.;,]{3,80})")),
]

# Cheap look-ahead per trigger: the full pattern only runs on sentences holding one of its key words.
def _keys(text: str) -> frozenset[str]:
    return frozenset(text.split())


ANCHORS: list[frozenset[str]] = [
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
MODAL_KEYS = _keys("should could must ought")
STAY_KEYS = _keys("stay remain remains continue")
# key word -> mask of the checks it unlocks (bit n: TRIGGERS[n], then _STAY, _MODAL_ANY), so a sentence
# costs one probe per key word it holds; BIT_TRIGGERS: trigger mask -> the TRIGGERS indexes in it
STAY_BIT, MODAL_BIT = 1 << len(ANCHORS), 2 << len(ANCHORS)
KEY_BITS = {w: sum(1 << n for n, g in enumerate([*ANCHORS, STAY_KEYS, MODAL_KEYS]) if w in g)
             for w in frozenset().union(*ANCHORS, STAY_KEYS, MODAL_KEYS)}
KEY_WORDS = frozenset(KEY_BITS)
BIT_TRIGGERS = [tuple(n for n in range(len(ANCHORS)) if b >> n & 1) for b in range(STAY_BIT)]
