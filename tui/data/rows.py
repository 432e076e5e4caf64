"""The records the dashboard shows: one actor, quote or option, and one article's
metadata with its body read when needed.  The index keeps them as columns (see
:mod:`tui.data.index`) and makes one of these for each row that is looked at.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import orjson

from tui.data.actors import norm_name
from tui.data.model import paragraphs_of
from tui.data.sanitize import clean


ARTICLE_FIELDS = ("id", "title", "source", "url", "published", "byline")  # an article's metadata


def entry_id(prefix: str, article_id: str, text: str) -> str:
    digest = hashlib.blake2b(f"{article_id}\x1f{norm_name(text)}".encode(), digest_size=6).hexdigest()
    return f"{prefix}:{digest}"


def article_key(article_id: str, title: str, source: str, url: str) -> str:
    """What ``article:`` matches: id, title, source and URL, lower-cased."""
    return f"{article_id}\n{title}\n{source}\n{url}".lower()


def quote_haystack(text: str, speaker: str, cue: str) -> str:
    """What free text matches in a quote."""
    return f"{text}\n{speaker}\n{cue}".lower()


def option_haystack(text: str, holder: str, evidence: str) -> str:
    """What free text matches in an option."""
    return f"{text}\n{holder}\n{evidence}".lower()


@dataclass(slots=True)
class ActorRow:
    id: str
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...]
    haystack: str
    names: str
    articles: Sequence[int] = ()  # row numbers, ascending
    quotes: Sequence[int] = ()
    options: Sequence[int] = ()
    etype: str = "actor"
    status: str = ""
    direct: bool | None = None
    article_key: str = ""

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,)


@dataclass(slots=True)
class QuoteRow:
    id: str
    article: int
    text: str
    speaker: str
    speaker_key: str | None
    direct: bool
    cue: str
    paragraph: int | None
    actor_keys: tuple[str, ...]
    names: str = ""
    kinds: tuple[str, ...] = ()
    article_key: str = ""
    etype: str = "quote"
    status: str = ""

    @property
    def haystack(self) -> str:  # what free text matches (the index keeps them as a column)
        return quote_haystack(self.text, self.speaker, self.cue)


@dataclass(slots=True)
class OptionRow:
    id: str
    article: int
    text: str
    holder: str
    holder_keys: tuple[str, ...]
    status: str
    evidence: str
    paragraph: int | None
    actor_keys: tuple[str, ...]
    names: str = ""
    kinds: tuple[str, ...] = ()
    article_key: str = ""
    etype: str = "option"
    direct: bool | None = None

    @property
    def haystack(self) -> str:
        return option_haystack(self.text, self.holder, self.evidence)


def find_paragraph(paragraphs: list[str], needle: str, hint: int | None = None) -> int | None:
    """Index of the paragraph that holds ``needle`` (or its start), else ``hint``."""
    if hint is not None and 0 <= hint < len(paragraphs) and needle[:40] in paragraphs[hint]:
        return hint
    probe = needle[:40]
    for n, para in enumerate(paragraphs):
        if probe and probe in para:
            return n
    return hint if hint is not None and 0 <= hint < len(paragraphs) else None


class ArticleRecord:
    """An article's metadata; the body comes from the index or, for a JSON Lines record,
    from the store file by the record's byte span, read when it is asked for."""

    __slots__ = ("id", "title", "source", "url", "published", "byline", "origin", "extracted", "_text", "_files")

    def __init__(self, id: str, title: str, source: str, url: str, published: str, byline: str,
                 origin: tuple[int, int, int] | None, extracted: bool, text: str | None, files: list[Path]):
        self.id, self.title, self.source, self.url, self.published, self.byline = id, title, source, url, published, byline
        self.origin, self.extracted, self._text, self._files = origin, extracted, text, files

    @property
    def text(self) -> str:
        if self._text is not None:
            return self._text
        number, offset, length = self.origin
        try:
            with open(self._files[number], "rb") as fh:
                fh.seek(offset)
                raw = orjson.loads(fh.read(length))
        except (OSError, orjson.JSONDecodeError, IndexError):
            return ""  # the store changed under us; the next open re-reads it
        if not isinstance(raw, dict) or str(raw.get("id")) != self.id or not isinstance(raw.get("text"), str):
            return ""
        return clean(raw["text"])

    def paragraphs(self) -> list[str]:
        return paragraphs_of(self.text)
