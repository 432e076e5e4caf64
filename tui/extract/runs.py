"""Capitalised runs of a paragraph and their word tokens (the name reader's first pass).

A run is a sequence of capitalised words, lower-case connectors ("of", "for",
"von", "bin") allowed inside; :func:`runs` finds them, :func:`run_parts` cuts
one into tokens and parts (after possessives and "-based" words, at "in" / "a"
outside names).  :mod:`tui.extract.names` decides what each part names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.extract.gazindex import FORMS, PREFIXES, norm_token, poss_norm
from tui.extract.mention import Tok

PARTICLE_CAP = re.compile(r"^(?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|da|de|di|le|la|van|von|d|l|o)[-\u2019'][A-Z]")
PARTICLE_FIRST = frozenset("aebidlvo")  # first letters of the particles above
NOT_NAME = frozenset({"I", "I'm", "I\u2019m", "I've", "I\u2019ve", "I'd", "I\u2019d", "I'll", "I\u2019ll", "OK"})
AFFIX = re.compile(r"^(.+?)-(?:based|led|backed|born|made|owned|run|controlled|funded|aligned|linked|"
                    r"allied|occupied|held|sponsored|brokered|supplied|bound|annexed|friendly|centric)$",
                    re.I)

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017d"
_CAP = (r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s[A-Z][a-z])|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Adm|Capt|Sgt|Prof|St|Jr|Sr|Rev|Amb|Brig|Cmdr)\."
        r"(?=\s)|(?:(?:al|el|ad|ash|as|at|az|ar|an|bin|ibn|abu|d|l)[-\u2019'])?[" + _UPPER + r"]"
        r"(?:[\w\u2019'\-]*\w)?)")
_SOFT = r"(?:of|for|the|and|on|in|a|de|du|des|da|do|dos|das|van|von|der|den|la|le|al|el|bin|ibn|y|di|del|" \
        r"humanitarian|office|movement|territories)"
# A run: "(?<![\w’'-])" + _CAP, then more _CAPs.  The first _CAP is written to open with one character
# class (its possible first characters) so ``re`` can skip ahead to candidates; look-behinds then pick
# _CAP's branch.  Without the particle branch ("al-", "bin-") the class is the capitals alone, which
# is much cheaper to scan; that form serves texts where no particle stands before "-X" / "’X".
_CAP_TAIL = r"(?:[\w\u2019'\-]*\w)?"
_PARTICLES = ("al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "bin", "ibn", "abu", "d", "l")


def _first_cap(particles: bool) -> str:
    return (
        r"[" + _UPPER + (r"aebidl" if particles else "") + r"](?<![\w\u2019'-].)"
        r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<=[A-Z])\.(?=\s[A-Z][a-z])"
        r"|(?:(?<=M)(?:r|rs|s|aj)|(?<=D)r|(?<=G)(?:en|ov)|(?<=S)(?:en|gt|t|r)|(?<=R)(?:ep|ev)|(?<=L)t|"
        r"(?<=C)(?:ol|apt|mdr)|(?<=A)(?:dm|mb)|(?<=P)rof|(?<=J)r|(?<=B)rig)\.(?=\s)"
        r"|(?<=[" + _UPPER + r"])" + _CAP_TAIL +
        (r"|(?:(?<=a)(?:l|d|sh|s|t|z|r|n|bu)|(?<=e)l|(?<=b)in|(?<=i)bn|(?<=[dl]))[-\u2019'][" + _UPPER + r"]"
         + _CAP_TAIL if particles else "") + r")")


_RUN_REST = r"(?: (?:" + _SOFT + r" )*" + _CAP + r")*(?: (?:humanitarian|office|movement|territories)\b)*"
_RUN = re.compile(_first_cap(True) + _RUN_REST)
_RUN_NO_PARTICLE = re.compile(_first_cap(False) + _RUN_REST)  # _RUN where no particle precedes "-X"
_MARK_CAP = re.compile(r"[-\u2019'][" + _UPPER + r"]")


def runs(text: str):
    """``_RUN.finditer(text)``, through the cheaper pattern when no run can open with a particle."""
    for m in _MARK_CAP.finditer(text):
        if text.endswith(_PARTICLES, 0, m.start()):
            return _RUN.finditer(text)
    return _RUN_NO_PARTICLE.finditer(text)
_RUN_TOKEN = re.compile(_CAP + r"|[^\W_](?:[\w\u2019'\-]*[^\W_])?")


def _tokens_of(text: str, start: int, end: int) -> list[Tok]:
    out = []
    append = out.append
    for m in _RUN_TOKEN.finditer(text, start, end):
        t = m.group()
        c0 = t[0]
        cap = (c0.isupper() or (c0 in PARTICLE_FIRST and PARTICLE_CAP.match(t) is not None)) and t not in NOT_NAME
        s, e = m.span()
        append(Tok(s, e, t, norm_token(t) if cap or t in _GAZ_SOFT else t, cap))
    return out


_GAZ_SOFT = frozenset("a and for in of on the la humanitarian office movement territories".split())
_TRAIL_SOFT = _GAZ_SOFT - {"a", "and", "for", "in", "of", "on", "the", "la"}
_IN_KEYWORDS = frozenset("mission group embassy consulate office delegation force forces commission command "
                         "observer observers operation programme program".split())


@lru_cache(maxsize=8192)
def run_parts(run: str) -> tuple[tuple[tuple[int, int, str, str, bool], ...], ...]:
    """The tokens of a capitalised run, cut by :func:`_split_run`, as (start, end, text, norm, cap)
    with offsets into ``run`` (a pure function of the run's text: names recur across articles)."""
    return tuple(tuple((t.start, t.end, t.text, t.norm, t.cap) for t in part)
                 for part in _split_run(_tokens_of(run, 0, len(run))))


def _split_run(toks: list[Tok]) -> list[list[Tok]]:
    """Cut a capitalised run after possessives and "-based" words, and at "in"/"a" outside names."""
    parts: list[list[Tok]] = []
    cur: list[Tok] = []
    for k, t in enumerate(toks):
        if not t.cap and t.text == "in":
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            continues = " ".join([*(x.norm for x in cur), "in"]) in PREFIXES
            if not continues and not (nxt is not None and nxt.cap and nxt.norm in FORMS
                                      and any(x.norm in _IN_KEYWORDS for x in cur)):
                parts.append(cur)
                cur = []
                continue
        if not t.cap and t.text == "a" and not (cur and cur[-1].text == "for"):
            parts.append(cur)
            cur = []
            continue
        cur.append(t)
        if t.text.endswith(("'s", "\u2019s")) and k + 1 < len(toks) and any(
                " ".join([*(x.norm for x in cur[len(cur) - 1 - n:-1]), poss_norm(t.text), toks[k + 1].norm])
                in PREFIXES for n in range(min(3, len(cur)))):
            continue  # "People's Liberation Army", "Korean People's Army"
        if t.text.endswith(("'s", "\u2019s")) or ("-" in t.text and AFFIX.match(t.text)):
            parts.append(cur)
            cur = []
    parts.append(cur)
    out = []
    for part in parts:
        while part and not part[-1].cap and part[-1].norm not in _TRAIL_SOFT:
            part = part[:-1]
        while part and not part[0].cap:
            part = part[1:]
        if part:
            out.append(part)
    return out
