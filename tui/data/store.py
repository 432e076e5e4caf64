"""Load a store of articles: one JSON file, JSON Lines, or a directory of them.

The format is documented in ``docs/store.md``.  Every string is passed through
the sanitiser on the way in.  Broken input raises :class:`StoreError`, whose
message is one line naming the file, the article and the field.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import orjson

from tui.data.model import Actor, Article, Option, Quote, normalize_kind, normalize_status
from tui.data.sanitize import clean, clean_line

STORE_SUFFIXES = (".json", ".jsonl")


class StoreError(Exception):
    """A store could not be read; ``str()`` is a one-line message for the user."""

    def __init__(self, path: Path | str, problem: str, article: str | None = None, field: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.article = article
        self.field = field
        where = [self.path]
        if article is not None:
            where.append(article)
        if field is not None:
            where.append(f"field '{field}'")
        # file names come from outside too: keep the message one safe line
        super().__init__(clean_line(": ".join(where + [problem])))


@dataclass(slots=True)
class Store:
    path: Path
    articles: list[Article]
    skipped: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)  # read in this order; Article.origin[0] indexes it

    def __len__(self) -> int:
        return len(self.articles)


def sample_store_path() -> Path:
    """The sample store bundled inside the package."""
    return Path(__file__).resolve().parent.parent / "sample"


Progress = Callable[[float], None]  # fraction done, 0..1


def load_store(path: Path | str, *, skip_bad: bool = False, progress: Progress | None = None) -> Store:
    """Read every article under ``path``.

    With ``skip_bad`` a broken article or file is recorded in ``Store.skipped``
    instead of raising, and the good articles are kept.  ``progress`` is told
    the fraction of bytes read so far, now and then.
    """
    path = Path(path)
    articles: list[Article] = []
    skipped: list[str] = []
    seen: dict[str, str] = {}
    files = store_files(path)
    sizes = [_size(f) for f in files]
    total, before = max(1, sum(sizes)), 0
    for number, (file, size) in enumerate(zip(files, sizes)):
        spans: list[tuple[int, int]] = []  # where each JSON Lines record sits, to re-read its body later
        here: list[Article] = []
        try:
            for n, (where, raw) in enumerate(_records(file, spans)):
                if progress is not None and n % 2048 == 0:
                    progress((before + (spans[-1][0] if spans else 0)) / total)
                try:
                    article = parse_article(raw, file, where)
                    if article.id in seen:
                        raise StoreError(file, f"duplicate id, first seen in {seen[article.id]}",
                                         _label(where, article.id), "id")
                except StoreError as exc:
                    if not skip_bad:
                        raise
                    skipped.append(str(exc))
                    continue
                if spans:
                    article.origin = (number, *spans[-1])
                seen[article.id] = f"{file.name} {where}"
                here.append(article)
        except StoreError as exc:
            if not skip_bad:
                raise
            skipped.append(str(exc))  # the whole file is unreadable: none of it is kept
            for article in here:
                del seen[article.id]
            here = []
        articles.extend(here)
        before += size
    return Store(path=path, articles=articles, skipped=skipped, files=files)


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0


def store_files(path: Path) -> list[Path]:
    """The files a store is read from, in order; StoreError if there are none."""
    try:
        st = path.stat()
    except FileNotFoundError:
        raise StoreError(path, "no such file or directory") from None
    except OSError as exc:
        raise StoreError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        try:
            names = sorted(os.listdir(path))
        except OSError as exc:
            raise StoreError(path, exc.strerror or str(exc)) from None
        files = [path / n for n in names if n.endswith(STORE_SUFFIXES) and not n.startswith(".")]
        if not files:
            raise StoreError(path, "directory holds no .json or .jsonl files")
        return files
    return [path]


def _read_bytes(file: Path) -> bytes:
    try:
        st = file.stat()
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(file, "not a regular file")
        with open(file, "rb") as fh:
            return fh.read()
    except StoreError:
        raise
    except OSError as exc:
        raise StoreError(file, exc.strerror or str(exc)) from None


def _decode_error(file: Path, exc: orjson.JSONDecodeError, line_offset: int = 0) -> StoreError:
    msg = str(exc.msg if hasattr(exc, "msg") else exc).split(":")[0]
    return StoreError(file, f"invalid JSON at line {exc.lineno + line_offset}, column {exc.colno}: {msg}")


def _records(file: Path, spans: list[tuple[int, int]] | None = None) -> Iterator[tuple[str, Any]]:
    """The raw articles of one file; for JSON Lines, ``spans`` gets each one's (offset, length)."""
    data = _read_bytes(file)
    if file.suffix == ".jsonl":
        pos, n = 0, 0
        while pos < len(data):
            end = data.find(b"\n", pos)
            end = len(data) if end < 0 else end
            line, start, pos, n = data[pos:end], pos, end + 1, n + 1
            if not line.strip():
                continue
            if spans is not None:
                spans.append((start, end - start))
            try:
                yield f"line {n}", orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise StoreError(file, f"invalid JSON at line {n}, column {exc.colno}: {str(exc.msg).split(':')[0]}") from None
        return
    if not data.strip():
        raise StoreError(file, "file is empty")
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise _decode_error(file, exc) from None
    if isinstance(doc, dict) and "articles" in doc:
        doc = doc["articles"]
        if not isinstance(doc, list):
            raise StoreError(file, f"expected a list, got {_type(doc)}", field="articles")
    if isinstance(doc, dict):
        yield "article 1", doc
    elif isinstance(doc, list):
        for n, raw in enumerate(doc, 1):
            yield f"article {n}", raw
    else:
        raise StoreError(file, f"expected an article object, a list of articles or {{\"articles\": [...]}}, got {_type(doc)}")


# No real article comes near this; a field past it is a scraping accident or an attack, and
# would stall extraction and every filter keystroke.
MAX_FIELD_CHARS = 8_000_000


def _type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "number", float: "number", str: "string", list: "list", dict: "object"}.get(
        type(value), type(value).__name__
    )


def _label(where: str, article_id: str | None) -> str:
    return f"{where} (id {article_id!r})" if article_id else where


class _Fields:
    """Typed access to one JSON object, raising StoreError naming the field."""

    def __init__(self, raw: Any, file: Path, where: str, prefix: str = ""):
        self.raw, self.file, self.where, self.prefix = raw, file, where, prefix

    def fail(self, name: str, problem: str) -> StoreError:
        return StoreError(self.file, problem, self.where, self.prefix + name)

    def text(self, name: str, *, required: bool = False, multiline: bool = False) -> str:
        value = self.raw.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing")
            return ""
        if not isinstance(value, str):
            raise self.fail(name, f"expected a string, got {_type(value)}")
        if len(value) > MAX_FIELD_CHARS:
            raise self.fail(name, f"{len(value):,} characters, over the limit of {MAX_FIELD_CHARS:,}")
        return clean(value) if multiline else clean_line(value)

    def optional_text(self, name: str) -> str | None:
        return self.text(name) or None if self.raw.get(name) is not None else None

    def boolean(self, name: str, default: bool) -> bool:
        value = self.raw.get(name, default)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(name, f"expected true or false, got {_type(value)}")
        return value

    def index(self, name: str) -> int | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(name, f"expected a paragraph number (0 or more), got {_type(value)}")
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.raw.get(name)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, "expected a list of strings")
        return tuple(dict.fromkeys(s for s in (clean_line(v) for v in value) if s))

    def objects(self, name: str) -> list[_Fields] | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, list):
            raise self.fail(name, f"expected a list, got {_type(value)}")
        out = []
        for n, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{name}[{n}]", f"expected an object, got {_type(item)}")
            out.append(_Fields(item, self.file, self.where, f"{self.prefix}{name}[{n}]."))
        return out


def parse_article(raw: Any, file: Path, where: str) -> Article:
    """Validate one raw JSON article and build an :class:`Article`."""
    if not isinstance(raw, dict):
        raise StoreError(file, f"expected an article object, got {_type(raw)}", where)
    raw_id = raw.get("id")
    if raw_id is None:
        raise StoreError(file, "missing", where, "id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)):
        raise StoreError(file, f"expected a string, got {_type(raw_id)}", where, "id")
    article_id = clean_line(str(raw_id))
    if not article_id:
        raise StoreError(file, "must not be empty", where, "id")
    f = _Fields(raw, file, _label(where, article_id))
    article = Article(
        id=article_id,
        title=f.text("title", required=True),
        text=f.text("text", required=True, multiline=True),
        source=f.text("source"),
        url=f.text("url"),
        published=f.text("published"),
        byline=f.text("byline"),
    )
    actors, quotes, options = f.objects("actors"), f.objects("quotes"), f.objects("options")
    article.extracted = not (actors is None and quotes is None and options is None)
    for a in actors or ():
        kind_raw = a.text("kind") or "person"
        kind = normalize_kind(kind_raw)
        if kind is None:
            raise a.fail("kind", f"unknown kind {kind_raw!r} (expected person, organization, state or group)")
        article.actors.append(Actor(a.text("name", required=True), kind, a.text("role"), a.strings("aliases")))
    for q in quotes or ():
        article.quotes.append(
            Quote(q.text("text", required=True, multiline=True), q.optional_text("speaker"),
                  q.boolean("direct", True), q.text("cue"), q.index("paragraph"))
        )
    for o in options or ():
        article.options.append(
            Option(o.text("text", required=True), o.optional_text("holder"),
                   normalize_status(o.text("status")), o.text("evidence", multiline=True))
        )
    return article
