"""Capitalised name spans and what they are: person, organisation, state, group.

One pass over a paragraph's word tokens builds *runs* of capitalised words
(lower-case connectors such as "of", "for", "von", "bin" may sit inside; see
:mod:`tui.extract.runs`).  In a run, gazetteer forms are matched first, longest
first, through a dict keyed by the normalised form (O(1) per candidate n-gram,
:func:`tui.extract.gazindex.match_tokens`); titles ("Secretary
General of NATO", "Foreign Minister") come next, and what is left are name
candidates.  Each :class:`Mention` carries the evidence the actor builder needs
(title, role words, a following speech verb, an appositive).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.data import gazetteer
from tui.extract import lexicon as lx
from tui.extract.gazindex import CAPITALS, FORMS, confirm, is_outlet, match_tokens, norm_token
from tui.extract.mention import Mention, Tok, span_text
from tui.extract.runs import AFFIX as _AFFIX, NOT_NAME as _NOT_NAME, PARTICLE_CAP as _PARTICLE_CAP, \
    PARTICLE_FIRST as _PARTICLE_FIRST, run_parts, runs
from tui.extract.signals import institutions, name_mention
from tui.extract.text import Para

__all__ = ["Mention", "find_mentions", "is_outlet"]

_LOCATIVE = re.compile(r"\b(?:in|at|to|from|near|via|outside|around|inside|into|through|between|and)\s+$")
_CITED_BEFORE = re.compile(r"\b(?:told|to|with|by|according\s+to|via|cited|quoted|quoting|citing)\s+(?:the\s+)?"
                           r"(?:[a-z-]+\s+){0,3}$", re.I)
_CITED_AFTER = re.compile(r"^(?:['\u2019]s\s+[A-Z\w]|\s+(?:has\s+|have\s+|had\s+)?(?:reported|reports|said|says|wrote|"
                          r"writes|notes|noted|learned|learnt|understands|published|quoted|cited|points\s+out|"
                          r"pointed\s+out|added|adds|obtained|saw|seen|reviewed|revealed|was\s+told|were\s+told))")
_POSS_BEFORE = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['\u2019]s\s+(?:the\s+)?$")


_ARTICLE_PARTICLES = frozenset(("al", "el"))
_DEPARTMENT = frozenset("department ministry agency office service".split())


def find_mentions(para: Para, sent_starts: set[int], lower_words: set[str]) -> list[Mention]:
    text = para.text
    out: list[Mention] = []
    for run in runs(text):
        word = run.group()
        if " " not in word:
            low = word.lower()
            if low in lx.COMMON_CAPS or low in lx.MONTHS_DAYS or word in _NOT_NAME:
                continue
            if "-" not in word and "." not in word and not (word[0] in _PARTICLE_FIRST and _PARTICLE_CAP.match(word)):
                _single(para, run.start(), word, low, sent_starts, lower_words, out)
                continue
        base = run.start()
        for n, part in enumerate(run_parts(word)):
            toks = [Tok(base + s, base + e, t, norm, c) for s, e, t, norm, c in part]
            _read_run(para, toks, sent_starts, lower_words, out, word, n, base)
    institutions(para, out)
    quoted = para.quoted
    for m in out:
        if quoted:
            m.in_quote = para.in_quote(m.start)
        if m.entity is not None:
            before = text[max(0, m.start - 30):m.start]
            if m.entity.kind == "state" and not m.demonym and m.text.casefold() in CAPITALS:
                m.locative = bool(_LOCATIVE.search(before))
            if is_outlet(m.entity):
                m.cited = bool(_CITED_BEFORE.search(before) or _CITED_AFTER.match(text[m.end:m.end + 40]))
    return out


def _single(para: Para, start: int, word: str, low: str, sent_starts: set[int], lower_words: set[str],
            out: list[Mention]) -> None:
    """Fast path for a run of one plain capitalised word (most runs are)."""
    norm = norm_token(word)
    if norm in FORMS:
        ent, dem = confirm(word)
        if ent is not None:
            end = start + len(word)
            out.append(Mention(para.index, start, end, _strip_poss(word), ent.kind, ent, dem))
            return
    if low in lower_words and low not in lx.GIVEN_NAMES and _at_sentence_start(para.text, start, sent_starts):
        return
    if low in lx.TITLE_WORDS or low in lx.ROLE_NOUNS or low in lx.ORG_KEYWORDS:
        return
    tok = Tok(start, start + len(word), word, norm, True)
    name_mention(para, [tok], 0, 1, "", out)


def _strip_poss(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "\u2019s")) else word


def _at_sentence_start(text: str, start: int, sent_starts: set[int]) -> bool:
    k = start
    while k > 0 and k not in sent_starts and text[k - 1] in " \"'\u201c\u2018(\u2014\u2013-":
        k -= 1
    return k in sent_starts or k == 0


def _read_run(para: Para, toks: list[Tok], sent_starts: set[int], lower_words: set[str], out: list[Mention],
              run: str, part: int, base: int) -> None:
    """Mentions of ``toks``, part ``part`` of the capitalised run ``run`` found at offset ``base``."""
    text = para.text
    i, j = 0, len(toks)
    # leading capitals that only open the sentence ("However", "Last", "The")
    while i < j:
        t = toks[i]
        low = t.text.lower()
        if low in lx.MONTHS_DAYS or (not t.cap):
            i += 1
            continue
        if _at_sentence_start(text, t.start, sent_starts) or low in ("the", "a", "an"):
            if low in lx.COMMON_CAPS or (low in lower_words and low not in lx.GIVEN_NAMES
                                         and norm_token(t.text) not in FORMS and i + 1 >= j):
                i += 1
                continue
        break
    if i >= j:
        return
    items, affixes = _run_items(run, part, i)
    for at, word, ent, dem in affixes:
        out.append(Mention(para.index, base + at, base + at + len(word), word, ent.kind, ent, dem))
    _interpret(para, toks, items, out)


@lru_cache(maxsize=8192)
def _run_items(run: str, part: int, i: int) -> tuple[tuple, tuple]:
    """What tokens [i:] of part ``part`` of ``run`` are, as _interpret items (kind, i0, i1, entity,
    demonym), and the places named by "-based" words as (offset in ``run``, place, entity, demonym).
    A pure function of the run's text."""
    toks = [Tok(*t) for t in run_parts(run)[part]]
    j = len(toks)
    # "-based", "-led" words name a place or state, never start a name
    items: list[tuple[str, int, int, object, bool]] = []  # kind, i0, i1, entity, demonym
    affixes: list[tuple[int, str, gazetteer.Entity, bool]] = []
    k = i
    while k < j:
        t = toks[k]
        affix = _AFFIX.match(t.text) if "-" in t.text else None
        if affix:
            ent, dem = confirm(affix.group(1))
            if ent is not None:
                affixes.append((t.start, affix.group(1), ent, dem))
            items.append(("X", k, k + 1, None, False))
            k += 1
            continue
        ent, n, dem = match_tokens(toks, k, j, run)
        if ent is not None:
            items.append(("G", k, k + n, ent, dem))
            k += n
            if k > j:
                j = k
            continue
        low = t.text.lower().rstrip(".")
        if t.text in lx.CONNECTORS or t.text == "in":
            kind = "C"
        elif low in lx.MONTHS_DAYS:
            kind = "X"
        elif (low in lx.TITLE_WORDS or low in lx.ROLE_NOUNS) and not (low in lx.GIVEN_NAMES and k + 1 < j and toks[k + 1].cap
                                            and toks[k + 1].text.lower() not in lx.TITLE_WORDS):
            kind = "T"
        else:
            kind = "N"
        items.append((kind, k, k + 1, None, False))
        k += 1
    return tuple(items), tuple(affixes)


def _interpret(para: Para, toks: list[Tok], items: list, out: list[Mention]) -> None:
    text = para.text
    # organisation keyword among the plain words: the run (up to a title) is one organisation
    key_at = next((n for n, it in enumerate(items) if it[0] in ("N", "T") and toks[it[1]].norm in lx.ORG_KEYWORDS
                   and not (it[0] == "T" and toks[it[1]].norm not in lx.ORG_KEYWORDS)), None)
    if key_at is not None and _org_run(para, toks, items, key_at, out):
        return
    title: list[int] = []  # item indexes of the current title phrase
    n = 0
    while n < len(items):
        kind, a, b, ent, dem = items[n]
        if kind == "G":
            if ent.kind == "organization" and n + 1 < len(items) and items[n + 1][0] == "N" \
                    and toks[items[n + 1][1]].norm in _DEPARTMENT:
                b = items[n + 1][2]  # "U.S. Treasury Department" names the Treasury
                n += 1
            m = Mention(para.index, toks[a].start, toks[b - 1].end, span_text(text, toks, a, b), ent.kind, ent, dem)
            out.append(m)
            if ent.kind != "state" and b - a > 1:
                # "US State Department", "U.S. Treasury": the state is named too
                st, sdem = confirm(toks[a].text)
                if st is not None and st.kind == "state" and not sdem:
                    out.append(Mention(para.index, toks[a].start, toks[a].end, toks[a].text, "state", st))
            if title and n > 0 and items[n - 1][0] == "C":
                title.append(n)
            n += 1
            continue
        if kind == "T":
            if not title or items[n - 1][0] in ("T", "C", "G"):
                title.append(n)
            else:
                title = [n]
            n += 1
            continue
        if kind == "C":
            if title and toks[a].text in ("of", "for", "on", "the", "and"):
                # "Minister of Foreign Affairs": portfolio words continue the title
                m2 = n + 1
                while m2 < len(items) and items[m2][0] in ("N", "C", "T") and (
                        toks[items[m2][1]].norm in lx.PORTFOLIO_WORDS or items[m2][0] in ("C", "T")):
                    m2 += 1
                if m2 > n + 1 and (m2 >= len(items) or items[m2][0] != "C"):
                    title.extend(range(n, m2))
                    n = m2
                    continue
                title.append(n)
            n += 1
            continue
        if kind == "X":
            title = []
            n += 1
            continue
        # a name: N tokens with particles between them; a leading acronym or place before a
        # known given name is not part of it ("GMT Fatima Diallo-Sy", "Brussels Jana Kovac")
        m2 = n
        while m2 + 1 < len(items) and items[m2][0] == "N" and items[m2 + 1][0] == "N" \
                and toks[items[m2][1]].norm not in lx.GIVEN_NAMES and toks[items[m2 + 1][1]].norm in lx.GIVEN_NAMES \
                and m2 + 2 < len(items) and items[m2 + 2][0] == "N" and _not_a_name(text, toks[items[m2][1]]):
            m2 += 1
        if m2 > n:
            n = m2
        m2 = n
        while m2 < len(items) and (items[m2][0] == "N" or (
                items[m2][0] == "C" and toks[items[m2][1]].text in lx.NAME_PARTICLES
                and m2 + 1 < len(items) and items[m2 + 1][0] in ("N", "C"))):
            m2 += 1
        if m2 == n + 1 and m2 < len(items) and items[m2][0] == "T" and title:
            # "Chief Cabinet Secretary": a plain word between title words belongs to the title
            title.append(n)
            n += 1
            continue
        a, b = items[n][1], items[m2 - 1][2]
        title_text = ""
        if title:
            ta = items[title[0]][1]
            # modifiers right before the title (a demonym or organisation) belong to the role
            first = title[0]
            if first > 0 and items[first - 1][0] == "G":
                ta = items[first - 1][1]
            title_text = span_text(text, toks, ta, items[title[-1]][2]) if title[-1] < n else ""
            title_text = title_text.strip()
        name_mention(para, toks, a, b, title_text, out)
        title = []
        n = m2


def _not_a_name(text: str, tok: Tok) -> bool:
    """An acronym or a place: "GMT Fatima Diallo-Sy", "in Brussels Jana Kovac"."""
    return tok.text.isupper() or tok.norm in FORMS or tok.norm in CAPITALS \
        or text.endswith((" in ", " at ", " from "), 0, tok.start)


def _is_real_title(tok: Tok) -> bool:
    low = tok.norm
    return low not in lx.TITLE_MODIFIERS and low not in lx.PORTFOLIO_WORDS and low not in lx.ORG_KEYWORDS


def _org_run(para: Para, toks: list[Tok], items: list, key_at: int, out: list[Mention]) -> bool:
    text = para.text
    start = 0
    # leading titles and role words ("Analyst of the ...", "President of the ...") are not the name
    while start < key_at and (items[start][0] in ("C", "X") or (items[start][0] == "T" and _is_real_title(toks[items[start][1]]))):
        start += 1
    # "Professor Kim Min-seok of Yonsei University": a name, then "of" and the organisation
    of_at = next((n for n in range(key_at - 1, start, -1) if items[n][0] == "C" and toks[items[n][1]].text == "of"), None)
    if of_at is not None:
        left = [it for it in items[start:of_at] if it[0] != "T"]
        if len(left) >= 2 and all(it[0] == "N" and toks[it[1]].norm not in lx.ORG_KEYWORDS for it in left):
            _interpret(para, toks, items[:of_at], out)
            k = of_at + 1
            while k < key_at and items[k][0] == "C":
                k += 1
            return _org_run(para, toks, items[k:], key_at - k, out) if k <= key_at else False
    # a person's name before the keyword ends the organisation on the other side
    for n in range(start, key_at):
        if items[n][0] == "N" and toks[items[n][1]].norm in lx.GIVEN_NAMES and n + 1 < key_at and items[n + 1][0] == "N" \
                and toks[items[n][1]].norm not in _ARTICLE_PARTICLES:  # "Al Multaqa Centre" is no Al Gore
            start = key_at
            break
    end = key_at + 1
    while end < len(items):
        kind = items[end][0]
        tok = toks[items[end][1]]
        if kind == "N" and tok.norm in lx.GIVEN_NAMES and end + 1 < len(items) and items[end + 1][0] == "N":
            break
        if kind == "T" and _is_real_title(tok):
            break
        if kind == "X":
            break
        if tok.text == "in" and not (end + 1 < len(items) and items[end + 1][0] == "G"):
            break
        end += 1
    while end > key_at + 1 and items[end - 1][0] == "C":
        end -= 1
    if end - start < 2 and not (end - start == 1 and toks[items[start][1]].text.isupper()):
        return False
    a, b = items[start][1], items[end - 1][2]
    name = span_text(text, toks, a, b)
    alias = ""
    for it in items[start:end]:
        if it[0] == "G" and it[3].kind == "state" and (it[4] or toks[it[1]].norm == it[3].name.casefold()):
            out.append(Mention(para.index, toks[it[1]].start, toks[it[2] - 1].end,
                               span_text(text, toks, it[1], it[2]), "state", it[3], it[4]))
    poss = _POSS_BEFORE.search(text[max(0, toks[a].start - 40):toks[a].start])
    if poss:
        ent, dem = confirm(poss.group(1))
        if ent is not None and ent.kind == "state" and not dem:
            alias = f"{poss.group(1)}\u2019s {name}"
            name = (ent.demonyms[0] if ent.demonyms else ent.name) + " " + name
    out.append(Mention(para.index, toks[a].start, toks[b - 1].end, name, "organization", alias=alias))
    if start:
        _interpret(para, toks, items[:start], out)
    if end < len(items):
        _interpret(para, toks, items[end:], out)
    return True


