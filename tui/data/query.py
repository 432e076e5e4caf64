"""The filter language.

    rutte escalation            free text, every word must match (AND)
    "long-range strikes"        a quoted phrase
    -sanctions                  negation of any term
    actor:rutte                 an involved actor's name or alias (also who:, speaker:, holder:)
    kind:state                  an involved actor's kind (person, organization, state, group)
    tag:escalation              an annotation tag (prefix match)
    is:starred                  starred, annotated, noted, tagged, assessed, direct, reported,
                                quote, option, actor
    article:bloomberg           article id, title, source or URL
    status:adopted              option status (prefix: status:under, status:in)
    risk:high  likelihood:low   the analyst's assessment of an option

Terms are combined with AND.  Matching is case-insensitive substring matching.
A term that does not apply to an entry type (``status:`` on a quote) does not
match it.  :func:`parse` raises :class:`QueryError` with a one-line message and
the column of the problem; it never raises anything else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from tui.data.model import ACTOR_KINDS, STATUSES, normalize_kind

FIELD_ALIASES = {
    "actor": "actor", "who": "actor", "speaker": "actor", "holder": "actor",
    "kind": "kind", "tag": "tag", "is": "is", "article": "article", "status": "status",
    "risk": "risk", "likelihood": "likelihood",
}
# fields whose hits depend on the analyst's annotations, not on the store
ANNOTATION_FIELDS = frozenset({"tag", "is", "risk", "likelihood"})
IS_VALUES = ("starred", "annotated", "noted", "tagged", "assessed", "direct", "reported", "quote", "option", "actor")
LEVELS = ("low", "medium", "high")


class QueryError(ValueError):
    def __init__(self, message: str, column: int):
        self.message = message
        self.column = column
        super().__init__(f"column {column}: {message}")


class Entry(Protocol):
    etype: str
    haystack: str
    names: str
    kinds: tuple[str, ...]
    article_key: str
    status: str
    direct: bool | None


class Note(Protocol):
    note: str
    tags: frozenset[str]
    star: bool
    risk: str
    likelihood: str


Predicate = Callable[[Any, Any], bool]


@dataclass(frozen=True, slots=True)
class Term:
    field: str | None  # None = free text
    value: str
    negated: bool = False
    column: int = 1

    def __str__(self) -> str:
        value = f'"{self.value}"' if self._needs_quotes() else self.value
        return ("-" if self.negated else "") + (f"{self.field}:" if self.field else "") + value

    def _needs_quotes(self) -> bool:
        """Quote values that would otherwise parse back differently."""
        v = self.value
        if '"' in v:  # only unquoted words hold a '"', and they read back as they are
            return False
        if not v or any(c.isspace() for c in v):
            return True
        if self.field is None:
            head = v.partition(":")[0] if ":" in v else ""
            # "-x" would read as a negation, "is:x" as a qualifier
            return (v.startswith("-") and not self.negated) or (
                bool(head) and all(c.isalpha() or c == "_" for c in head))
        return False


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...]
    predicates: tuple[tuple[bool, Predicate], ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def matches(self, entry: Entry, note: Note | None) -> bool:
        for negated, pred in self.predicates:
            if pred(entry, note) == negated:
                return False
        return True

    def narrows(self, previous: Query) -> bool:
        """True if every hit of this query is also a hit of ``previous``."""
        mine, theirs = [meaning(t) for t in self.terms], [meaning(t) for t in previous.terms]
        return set(theirs) <= set(mine) or (
            len(mine) == len(theirs) and all(_refines(a, b) for a, b in zip(mine, theirs))
        )

    def __str__(self) -> str:
        return " ".join(str(t) for t in self.terms)


def meaning(term: Term) -> tuple[str | None, str, bool]:
    """What a term selects, however it is spelled and wherever it stands: ``kind:st`` and
    ``kind:state`` mean the same, and so do ``NATO`` and ``nato``."""
    resolve = _RESOLVE.get(term.field)
    value = term.value.lower() if term.field is None else resolve(term) if resolve else term.value
    return term.field, value, term.negated


def _refines(new: tuple[str | None, str, bool], old: tuple[str | None, str, bool]) -> bool:
    """A longer substring of a positive text-like term only narrows the hits."""
    (field, value, negated), (old_field, old_value, old_negated) = new, old
    return new == old or (
        field == old_field and not negated and not old_negated
        and field in (None, "actor", "article") and old_value in value
    )


def tokenize(text: str) -> list[tuple[str | None, str, bool, int]]:
    """Split into (field, value, negated, column) tuples; raise QueryError."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        field = None
        j = i
        while j < n and (text[j].isalpha() or text[j] == "_"):
            j += 1
        if j < n and j > i and text[j] == ":":
            field = text[i:j].lower()
            i = j + 1
        if i < n and text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise QueryError("unclosed quote: add a closing \"", i + 1)
            value = text[i + 1:end]
            i = end + 1
        else:
            j = i
            while j < n and not text[j].isspace():
                j += 1
            value = text[i:j]
            i = j
        if field is not None and not value.strip():
            raise QueryError(f"'{field}:' needs a value", start + 1)
        if field is None and not value.strip():
            if text[start] == "-" or text[start:start + 2] == '""':
                continue
        out.append((field, value, negated, start + 1))
    return out


def parse(text: str) -> Query:
    terms: list[Term] = []
    preds: list[tuple[bool, Predicate]] = []
    for field, value, negated, column in tokenize(text):
        canonical = None
        if field is not None:
            canonical = FIELD_ALIASES.get(field)
            if canonical is None:
                known = ", ".join(sorted(set(FIELD_ALIASES.values())))
                raise QueryError(f"unknown filter '{field}:' (known: {known})", column)
        term = Term(canonical, value.lower() if canonical else value, negated, column)
        terms.append(term)
        preds.append((negated, _predicate(term)))
    return Query(tuple(terms), tuple(preds))


def kind_value(term: Term) -> str:
    """The actor kind a ``kind:`` term names (prefixes and synonyms allowed)."""
    return normalize_kind(term.value) or _pick(term.value, ACTOR_KINDS, "kind", term.column)


def status_value(term: Term) -> str:
    """The option status a ``status:`` term names (prefixes allowed)."""
    return _pick(term.value, STATUSES, "status", term.column)


def is_value(term: Term) -> str:
    """The flag an ``is:`` term names (prefixes allowed)."""
    return _pick(term.value, IS_VALUES, "'is:' value", term.column)


def _pick(value: str, choices: tuple[str, ...], what: str, column: int) -> str:
    hits = [c for c in choices if c.startswith(value)]
    if len(hits) == 1 or value in hits:
        return value if value in hits else hits[0]
    expected = ", ".join(choices)
    if not hits:
        raise QueryError(f"unknown {what} '{value}' (expected one of: {expected})", column)
    raise QueryError(f"ambiguous {what} '{value}' (could be: {', '.join(hits)})", column)


def _level(term: Term) -> str:
    return _pick(term.value, LEVELS, term.field or "", term.column)


_RESOLVE: dict[str | None, Callable[[Term], str]] = {
    "kind": kind_value, "status": status_value, "is": is_value, "risk": _level, "likelihood": _level,
}


def _predicate(term: Term) -> Predicate:
    v = term.value
    f = term.field
    if f is None:
        low = v.lower()
        return lambda e, n: low in e.haystack
    if f == "actor":
        return lambda e, n: v in e.names
    if f == "article":
        return lambda e, n: bool(e.article_key) and v in e.article_key
    if f == "kind":
        kind = kind_value(term)
        return lambda e, n: kind in e.kinds
    if f == "status":
        status = status_value(term)
        return lambda e, n: e.status == status
    if f in ("risk", "likelihood"):
        level = _level(term)
        return lambda e, n: n is not None and getattr(n, f) == level
    if f == "tag":
        return lambda e, n: n is not None and any(t.startswith(v) for t in n.tags)
    return _IS[is_value(term)]


_IS: dict[str, Predicate] = {
    "starred": lambda e, n: n is not None and n.star,
    "noted": lambda e, n: n is not None and bool(n.note),
    "tagged": lambda e, n: n is not None and bool(n.tags),
    "assessed": lambda e, n: n is not None and bool(n.risk or n.likelihood),
    "annotated": lambda e, n: n is not None and bool(n.star or n.note or n.tags or n.risk or n.likelihood),
    "direct": lambda e, n: e.direct is True,
    "reported": lambda e, n: e.direct is False,
    "quote": lambda e, n: e.etype == "quote",
    "option": lambda e, n: e.etype == "option",
    "actor": lambda e, n: e.etype == "actor",
}
