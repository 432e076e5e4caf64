"""Flatten a store into the three lists the dashboard shows.

Each row carries a stable id (derived from the article id and the entry's own
text, so it survives the store being re-generated), the canonical actors it
involves, and a lower-cased haystack for the query engine.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from dataclasses import dataclass, field
from typing import Callable

from tui.data.actors import ActorRegistry, is_generic, norm_name, split_holders
from tui.data.model import Article
from tui.data.store import Store
from tui.data.words import WordIndex


def entry_id(prefix: str, article_id: str, text: str) -> str:
    digest = hashlib.blake2b(f"{article_id}\x1f{norm_name(text)}".encode(), digest_size=6).hexdigest()
    return f"{prefix}:{digest}"


@dataclass(slots=True)
class ActorRow:
    id: str
    name: str
    kind: str
    role: str
    aliases: tuple[str, ...]
    haystack: str
    names: str
    articles: set[int] = field(default_factory=set)
    quotes: list[int] = field(default_factory=list)
    options: list[int] = field(default_factory=list)
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
    def haystack(self) -> str:  # what free text matches; the index keeps all of them in one string
        return f"{self.text}\n{self.speaker}\n{self.cue}".lower()


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
        return f"{self.text}\n{self.holder}\n{self.evidence}".lower()


def find_paragraph(paragraphs: list[str], needle: str, hint: int | None = None) -> int | None:
    """Index of the paragraph that holds ``needle`` (or its start), else ``hint``."""
    if hint is not None and 0 <= hint < len(paragraphs) and needle[:40] in paragraphs[hint]:
        return hint
    probe = needle[:40]
    for n, para in enumerate(paragraphs):
        if probe and probe in para:
            return n
    return hint if hint is not None and 0 <= hint < len(paragraphs) else None


class Index:
    """Actors, quotes and options of a whole store, with cross references."""

    def __init__(self, store: Store, progress: Callable[[float], None] | None = None):
        self._fields(store, [], [], [])
        self._progress = progress
        self._shared: dict = {}
        self._build()
        del self._shared, self._progress

    def _fields(self, store: Store, actors: list[ActorRow], quotes: list[QuoteRow], options: list[OptionRow]) -> None:
        self.store = store
        self.articles: list[Article] = store.articles
        self.actors, self.quotes, self.options = actors, quotes, options
        self.actor_pos: dict[str, int] = {a.id: n for n, a in enumerate(actors)}
        self._columns: dict[tuple[str, str], list] = {}
        self._haystacks: dict[str, tuple[str, array]] = {}
        self._words: dict[str, WordIndex] = {}

    @classmethod
    def restore(cls, store: Store, actors: list[ActorRow], quotes: list[QuoteRow], options: list[OptionRow],
                haystacks: dict[str, tuple[str, array]], words: dict[str, WordIndex]) -> Index:
        """An index from parts an earlier build produced (see :mod:`tui.data.index_cache`)."""
        index = cls.__new__(cls)
        index._fields(store, actors, quotes, options)
        index._haystacks, index._words = haystacks, words
        return index

    def _build(self) -> None:
        registry = ActorRegistry()
        local: list[dict[str, str]] = []
        for article in self.articles:
            names: dict[str, str] = {}
            for actor in article.actors:
                key = registry.add(actor)
                for form in (actor.name, *actor.aliases):
                    names.setdefault(norm_name(form), key)
            local.append(names)
        registry.finish()
        canon = registry.actors
        for key, c in sorted(canon.items(), key=lambda kv: kv[1].name.lower()):
            aliases = tuple(sorted(c.aliases))
            names = "\n".join([c.name, *aliases]).lower()
            self.actor_pos[key] = len(self.actors)
            self.actors.append(ActorRow(key, c.name, c.kind, c.role, aliases, f"{names}\n{c.role.lower()}", names))

        share = self._share
        for a_idx, article in enumerate(self.articles):
            if self._progress is not None and a_idx % 1024 == 0:
                self._progress(a_idx / len(self.articles))
            paragraphs = article.paragraphs()
            article_key = f"{article.id}\n{article.title}\n{article.source}\n{article.url}".lower()
            here = local[a_idx]
            mentions = self._mention_finder(article, registry, here)

            def resolve(name: str | None) -> str | None:
                key = here.get(norm_name(name)) if name else None
                key = registry.canonical_key(key) if key else registry.resolve(name)
                return key

            seen: set[str] = set()
            for q in article.quotes:
                speaker_key = resolve(q.speaker)
                keys = _unique([speaker_key, *mentions(q.text)])
                row = QuoteRow(
                    _unique_id(entry_id("q", article.id, q.text), seen), a_idx, q.text,
                    share(self._display(speaker_key, q.speaker)), speaker_key, q.direct, share(q.cue),
                    find_paragraph(paragraphs, q.text, q.paragraph), share(keys), article_key=article_key,
                )
                self._finish(row)
                self._link(row, keys, a_idx, "quotes", len(self.quotes))
                self.quotes.append(row)
            for o in article.options:
                holder_keys = _unique([resolve(h) for h in split_holders(o.holder)])
                keys = _unique([*holder_keys, *mentions(o.text), *mentions(o.evidence)])
                row = OptionRow(
                    _unique_id(entry_id("o", article.id, o.text), seen), a_idx, o.text,
                    share(o.holder or ""), share(holder_keys), o.status, o.evidence,
                    find_paragraph(paragraphs, o.evidence or o.text), share(keys), article_key=article_key,
                )
                self._finish(row)
                self._link(row, keys, a_idx, "options", len(self.options))
                self.options.append(row)
            for key in set(here.values()):
                key = registry.canonical_key(key)
                if key in self.actor_pos:
                    self.actors[self.actor_pos[key]].articles.add(a_idx)

        # most-involved actors first: the ones a briefing is about
        self.actors.sort(key=lambda a: (-(len(a.quotes) + len(a.options)), -len(a.articles), a.name.lower()))
        self.actor_pos = {a.id: n for n, a in enumerate(self.actors)}

    def _share(self, value):
        """One object for equal values (speakers, cues, actor sets recur across a store)."""
        return self._shared.setdefault(value, value)

    def _display(self, key: str | None, raw: str | None) -> str:
        if key is not None:
            return self.actors[self.actor_pos[key]].name
        return raw or ""

    def _finish(self, row) -> None:
        rows = [self.actors[self.actor_pos[k]] for k in row.actor_keys]
        row.names = self._share("\n".join(r.names for r in rows))
        row.kinds = self._share(tuple(dict.fromkeys(r.kind for r in rows)))

    def _link(self, row, keys: tuple[str, ...], a_idx: int, attr: str, pos: int) -> None:
        for key in keys:
            actor = self.actors[self.actor_pos[key]]
            getattr(actor, attr).append(pos)
            actor.articles.add(a_idx)

    def _mention_finder(self, article: Article, registry: ActorRegistry, here: dict[str, str]):
        forms: dict[str, str] = {}
        for actor in article.actors:
            key = registry.canonical_key(here[norm_name(actor.name)])
            for form in (actor.name, *actor.aliases):
                if len(form) > 2 and not is_generic(form):
                    forms.setdefault(form, key)
        if not forms:
            return lambda text: []
        pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
        return lambda text: [forms[m.group(1)] for m in pattern.finditer(text)]

    # -- lookups for the UI -------------------------------------------------
    def actor(self, key: str | None) -> ActorRow | None:
        pos = self.actor_pos.get(key or "")
        return None if pos is None else self.actors[pos]

    def haystacks(self, kind: str) -> tuple[str, array]:
        """Every row's haystack in one string, each followed by a NUL, and where each starts
        (plus the end): a substring search over a whole pane is one ``str.find`` loop."""
        if kind not in self._haystacks:
            starts, parts, at = array("q"), [], 0
            for row in getattr(self, kind):
                text = row.haystack
                starts.append(at)
                parts.append(text)
                at += len(text) + 1
            starts.append(at)
            self._haystacks[kind] = ("\0".join(parts) + "\0", starts)
        return self._haystacks[kind]

    def words(self, kind: str) -> WordIndex:
        """The word index of a pane's haystacks (see :mod:`tui.data.words`)."""
        if kind not in self._words:
            blob, _starts = self.haystacks(kind)
            self._words[kind] = WordIndex.build(blob.split("\0")[:-1])
        return self._words[kind]

    def column(self, kind: str, attr: str) -> list:
        """``attr`` of every row of ``kind`` ("quotes", "options", "actors"), as one list (kept)."""
        key = (kind, attr)
        if key not in self._columns:
            self._columns[key] = [getattr(row, attr) for row in getattr(self, kind)]
        return self._columns[key]

    def by_id(self) -> dict[str, object]:
        out: dict[str, object] = {r.id: r for r in self.actors}
        out.update((r.id, r) for r in self.quotes)
        out.update((r.id, r) for r in self.options)
        return out


def _unique(keys) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in keys if k))


def _unique_id(base: str, seen: set[str]) -> str:
    out, n = base, 2
    while out in seen:
        out = f"{base}-{n}"
        n += 1
    seen.add(out)
    return out
