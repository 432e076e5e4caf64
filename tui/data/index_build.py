"""Build the index's columns from a store: canonical actors, every quote and option
with the actors it involves, and a word index per pane for the filter.

The result is plain data — a JSON-able ``meta`` and named columns (see
:mod:`tui.data.columns`) — that :class:`tui.data.index.Index` reads and
:mod:`tui.data.index_cache` writes to disk as it is.
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

from tui.data.actors import ActorRegistry, is_generic, norm_name, split_holders
from tui.data.columns import Ragged, Texts
from tui.data.model import Article
from tui.data.rows import ARTICLE_FIELDS, article_key, entry_id, find_paragraph, option_haystack, quote_haystack
from tui.data.store import Store
from tui.data.words import build_words

Columns = dict  # name -> Texts | Ragged | np.ndarray


class _Pane:
    """Columns of one entry pane being built (``q`` quotes or ``o`` options)."""

    def __init__(self, prefix: str, coded: tuple[str, ...], *, lists: tuple[str, ...] = (),
                 keys: tuple[str, ...] = (), flags: tuple[str, ...] = ()) -> None:
        self.prefix = prefix
        self.ids: list[str] = []
        self.article: list[int] = []
        self.text: list[str] = []
        self.paragraph: list[int] = []
        self.haystacks: list[str] = []
        # columns stored as codes into a table of their distinct values (speakers, cues, statuses recur)
        self.codes: dict[str, dict[str, int]] = {column: {} for column in coded}
        self.coded: dict[str, list[int]] = {column: [] for column in coded}
        # actors as their keys: a tuple of them per row, or one (or None) per row
        self.lists: dict[str, list[tuple[str, ...]]] = {column: [] for column in ("actors", *lists)}
        self.keys: dict[str, list[str | None]] = {column: [] for column in keys}
        self.flags: dict[str, list[bool]] = {column: [] for column in flags}

    def code(self, column: str, value: str) -> None:
        table = self.codes[column]
        self.coded[column].append(table.setdefault(value, len(table)))

    def columns(self, actor_pos: dict[str, int]) -> Columns:
        p = self.prefix
        width = max((len(i.encode()) for i in self.ids), default=1)
        ids = np.array([i.encode() for i in self.ids], dtype=f"S{width}")
        order = np.argsort(ids, kind="stable").astype(np.int32)
        words, postings, chars = build_words(self.haystacks)
        out: Columns = {
            f"{p}.id": ids, f"{p}.id_sorted": ids[order], f"{p}.id_order": order,
            f"{p}.article": np.array(self.article, dtype=np.int32),
            f"{p}.text": Texts.build(self.text),
            f"{p}.paragraph": np.array(self.paragraph, dtype=np.int32),
            f"{p}.haystack": Texts.build(self.haystacks),
            f"{p}.words": words, f"{p}.postings": postings, f"{p}.chars": chars,
        }
        for column, table in self.codes.items():
            out[f"{p}.{column}"] = np.array(self.coded[column], dtype=np.int32)
            out[f"{p}.{column}_values"] = Texts.build(table)
        for column, rows in self.lists.items():
            out[f"{p}.{column}"] = Ragged.build([[actor_pos[k] for k in keys] for keys in rows])
        for column, keys in self.keys.items():  # an actor's position, or -1
            out[f"{p}.{column}"] = np.array([actor_pos.get(k, -1) for k in keys], dtype=np.int32)
        for column, values in self.flags.items():
            out[f"{p}.{column}"] = np.array(values, dtype=bool)
        return out


def build_columns(store: Store, progress: Callable[[float], None] | None = None) -> tuple[dict, Columns]:
    articles = store.articles
    registry = ActorRegistry()
    local: list[dict[str, str]] = []
    for article in articles:
        names: dict[str, str] = {}
        for actor in article.actors:
            key = registry.add(actor)
            for form in (actor.name, *actor.aliases):
                names.setdefault(norm_name(form), key)
        local.append(names)
    registry.finish()
    canon = registry.actors
    display = {key: c.name for key, c in canon.items()}
    involved: dict[str, tuple[list[int], list[int], set[int]]] = {key: ([], [], set()) for key in canon}

    quotes = _Pane("q", ("speaker", "cue"), keys=("speaker_key",), flags=("direct",))
    options = _Pane("o", ("holder", "status", "evidence"), lists=("holder_keys",))
    for a_idx, article in enumerate(articles):
        if progress is not None and a_idx % 1024 == 0:
            progress(a_idx / len(articles))
        paragraphs = article.paragraphs()
        here = local[a_idx]
        mentions = _mention_finder(article, registry, here)

        def resolve(name: str | None) -> str | None:
            key = here.get(norm_name(name)) if name else None
            return registry.canonical_key(key) if key else registry.resolve(name)

        seen: set[str] = set()
        touched: set[str] = set()  # actors involved in this article's entries
        for q in article.quotes:
            speaker_key = resolve(q.speaker)
            keys = _unique([speaker_key, *mentions(q.text)])
            speaker = display[speaker_key] if speaker_key is not None else (q.speaker or "")
            _add(quotes, _unique_id(entry_id("q", article.id, q.text), seen), a_idx, q.text,
                 find_paragraph(paragraphs, q.text, q.paragraph), keys, quote_haystack(q.text, speaker, q.cue))
            quotes.code("speaker", speaker)
            quotes.code("cue", q.cue)
            quotes.keys["speaker_key"].append(speaker_key)
            quotes.flags["direct"].append(q.direct)
            touched.update(keys)
            for key in keys:
                involved[key][0].append(len(quotes.ids) - 1)
        for o in article.options:
            holders = _unique([resolve(h) for h in split_holders(o.holder)])
            keys = _unique([*holders, *mentions(o.text), *mentions(o.evidence)])
            _add(options, _unique_id(entry_id("o", article.id, o.text), seen), a_idx, o.text,
                 find_paragraph(paragraphs, o.evidence or o.text), keys,
                 option_haystack(o.text, o.holder or "", o.evidence))
            options.code("holder", o.holder or "")
            options.code("status", o.status)
            options.code("evidence", o.evidence)
            options.lists["holder_keys"].append(holders)
            touched.update(keys)
            for key in keys:
                involved[key][1].append(len(options.ids) - 1)
        for key in touched | {registry.canonical_key(k) for k in here.values()}:
            if key in involved:
                involved[key][2].add(a_idx)

    # most-involved actors first: the ones a briefing is about
    order = sorted(canon, key=lambda k: (-(len(involved[k][0]) + len(involved[k][1])), -len(involved[k][2]),
                                         canon[k].name.lower()))
    actor_pos = {key: n for n, key in enumerate(order)}
    meta = {"actors": [[key, canon[key].name, canon[key].kind, canon[key].role, sorted(canon[key].aliases)]
                       for key in order]}
    cols: Columns = {
        "act.quotes": Ragged.build([involved[k][0] for k in order]),
        "act.options": Ragged.build([involved[k][1] for k in order]),
        "act.articles": Ragged.build([sorted(involved[k][2]) for k in order]),
    }
    cols.update(_article_columns(articles))
    cols.update(quotes.columns(actor_pos))
    cols.update(options.columns(actor_pos))
    return meta, cols


def _add(pane: _Pane, row_id: str, a_idx: int, text: str, paragraph: int | None, keys: tuple[str, ...],
         haystack: str) -> None:
    pane.ids.append(row_id)
    pane.article.append(a_idx)
    pane.text.append(text)
    pane.paragraph.append(-1 if paragraph is None else paragraph)
    pane.lists["actors"].append(keys)
    pane.haystacks.append(haystack)


def _article_columns(articles: list[Article]) -> Columns:
    cols: Columns = {f"art.{name}": Texts.build(getattr(a, name) for a in articles) for name in ARTICLE_FIELDS}
    cols["art.key"] = Texts.build(article_key(a.id, a.title, a.source, a.url) for a in articles)
    cols["art.body"] = Texts.build("" if a.origin is not None else a.text for a in articles)
    cols["art.origin"] = np.array([a.origin if a.origin is not None else (-1, -1, -1) for a in articles],
                                  dtype=np.int64).reshape(len(articles), 3)
    cols["art.extracted"] = np.array([a.extracted for a in articles], dtype=bool)
    return cols


def _mention_finder(article: Article, registry: ActorRegistry, here: dict[str, str]):
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


def _unique(keys) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in keys if k))


def _unique_id(base: str, seen: set[str]) -> str:
    out, n = base, 2
    while out in seen:
        out = f"{base}-{n}"
        n += 1
    seen.add(out)
    return out
