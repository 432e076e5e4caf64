"""Plain records for articles and the entries extracted from them."""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_KINDS = ("person", "organization", "state", "group")
STATUSES = ("proposed", "under discussion", "adopted", "rejected", "in place")

_KIND_SYNONYMS = {
    "organisation": "organization",
    "org": "organization",
    "country": "state",
    "nation": "state",
    "people": "person",
}

_STATUS_SYNONYMS = {
    "under consideration": "under discussion",
    "considered": "under discussion",
    "discussed": "under discussion",
    "being discussed": "under discussion",
    "debated": "under discussion",
    "weighed": "under discussion",
    "urged": "proposed",
    "suggested": "proposed",
    "floated": "proposed",
    "approved": "adopted",
    "agreed": "adopted",
    "decided": "adopted",
    "refused": "rejected",
    "ruled out": "rejected",
    "existing": "in place",
    "existing tool": "in place",
    "already imposed": "in place",
    "imposed": "in place",
    "ongoing": "in place",
    "in force": "in place",
}


def normalize_kind(kind: str) -> str | None:
    """Return the canonical actor kind, or None if ``kind`` is not one."""
    k = kind.strip().lower()
    k = _KIND_SYNONYMS.get(k, k)
    return k if k in ACTOR_KINDS else None


def normalize_status(status: str) -> str:
    """Map free-text option statuses onto the five the dashboard shows."""
    s = " ".join(status.strip().lower().split())
    if s in STATUSES:
        return s
    if s in _STATUS_SYNONYMS:
        return _STATUS_SYNONYMS[s]
    for key, value in _STATUS_SYNONYMS.items():
        if key in s:
            return value
    for value in STATUSES:
        if value in s:
            return value
    return "under discussion" if s else "proposed"


@dataclass(slots=True)
class Actor:
    name: str
    kind: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    direct: bool = True
    cue: str = ""
    paragraph: int | None = None


@dataclass(slots=True)
class Option:
    text: str
    holder: str | None
    status: str = "proposed"
    evidence: str = ""


@dataclass(slots=True)
class Article:
    id: str
    title: str
    text: str
    source: str = ""
    url: str = ""
    published: str = ""
    byline: str = ""
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    extracted: bool = True
    origin: tuple[int, int, int] | None = None  # (store file number, byte offset, length) of a JSON Lines record

    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.text)


def paragraphs_of(text: str) -> list[str]:
    """An article body's paragraphs: separated by a blank line, trimmed, none empty."""
    return [p for p in (part.strip() for part in text.split("\n\n")) if p]
