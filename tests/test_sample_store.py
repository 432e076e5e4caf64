"""Checks for the bundled sample store in ``tui/sample/``.

Every file holds one article with the actors, quotes and policy options a
careful analyst would extract from it.  These tests keep the hand-written
data honest: quotes and evidence must be verbatim substrings of the text,
paragraph indices must point at the right paragraph, speakers and holders
must resolve to listed actors (or be plainly descriptive), and the store as
a whole must exercise every option status.

Only the standard library and orjson are used; no other project module is
imported, so a broken data layer cannot hide a broken sample store.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import re
import unicodedata
from collections import Counter
from pathlib import Path

import orjson
import pytest

TOP_KEYS = ["id", "title", "source", "url", "published", "text", "actors", "quotes", "options"]
ACTOR_KEYS = {"name", "kind", "role", "aliases"}
QUOTE_KEYS = {"text", "speaker", "direct", "cue", "paragraph"}
OPTION_KEYS = {"text", "holder", "status", "evidence"}
KINDS = {"person", "organization", "state", "group"}
STATUSES = {"proposed", "under discussion", "adopted", "rejected", "in place"}

MIN_ARTICLES = 12
EARLIEST = dt.date(2024, 9, 1)
LATEST = dt.date(2026, 11, 30)
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Control characters other than newline; escape sequences would start with \x1b.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
MULTI_PARA_PREFIX = 30


def _sample_dir() -> Path:
    try:
        candidate = importlib.resources.files("tui") / "sample"
        if candidate.is_dir():
            return Path(str(candidate))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - depends on install
        pass
    return Path(__file__).resolve().parent.parent / "tui" / "sample"


SAMPLE_DIR = _sample_dir()
FILES = sorted(SAMPLE_DIR.glob("*.json"))


def _load(path: Path) -> dict:
    return orjson.loads(path.read_bytes())


@pytest.fixture(scope="module")
def store() -> dict[str, dict]:
    return {path.name: _load(path) for path in FILES}


def _paragraphs(article: dict) -> list[str]:
    return article["text"].split("\n\n")


def _is_descriptive(label: str, article: dict) -> bool:
    """An unlisted speaker/holder must read like a description.

    "a senior EU diplomat", "two diplomats" and "Venezuelan officials" pass:
    they contain at least one lower-case word.  A bare proper name that is
    missing from the actor list ("Mark Rute") fails, and so does a surface
    alias, which should have been normalised to the actor's full name.
    """
    aliases = {alias for actor in article["actors"] for alias in actor["aliases"]}
    if label in aliases:
        return False
    return any(word[:1].islower() for word in label.split())


# --------------------------------------------------------------------------
# store-level checks


def test_store_has_enough_articles() -> None:
    assert SAMPLE_DIR.is_dir(), f"missing sample directory {SAMPLE_DIR}"
    assert len(FILES) >= MIN_ARTICLES


def test_ids_are_unique(store: dict[str, dict]) -> None:
    ids = Counter(article["id"] for article in store.values())
    assert [i for i, n in ids.items() if n > 1] == []


def test_every_status_occurs_at_least_twice(store: dict[str, dict]) -> None:
    counts = Counter(o["status"] for a in store.values() for o in a["options"])
    for status in STATUSES:
        assert counts[status] >= 2, f"status {status!r} occurs {counts[status]} time(s)"


def test_store_features_are_exercised(store: dict[str, dict]) -> None:
    quotes = [q for a in store.values() for q in a["quotes"]]
    # news-style quote running over two paragraphs
    assert any("\n\n" in q["text"] for q in quotes)
    # literal square brackets inside a quote ([sic], editorial insertions)
    assert any("[sic]" in q["text"] for q in quotes)
    assert any(re.search(r"\[(?!sic\])[^\]]+\]", q["text"]) for q in quotes)
    # anonymous and unattributed speakers
    assert any(q["speaker"] is None for q in quotes)
    # a few invented people recur across articles (cross-article alias merging)
    people = Counter(
        actor["name"]
        for article in store.values()
        for actor in article["actors"]
        if actor["kind"] == "person"
    )
    assert sum(1 for n in people.values() if n >= 2) >= 3


def test_sources_and_dates_vary(store: dict[str, dict]) -> None:
    assert len({a["source"] for a in store.values()}) >= 4
    assert len({a["published"][:7] for a in store.values()}) >= 6


# --------------------------------------------------------------------------
# per-file checks

@pytest.fixture(params=FILES, ids=[p.name for p in FILES])
def article(request: pytest.FixtureRequest) -> dict:
    return _load(request.param)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_file_format(path: Path) -> None:
    raw = path.read_bytes()
    raw.decode("utf-8")  # strict UTF-8
    data = orjson.loads(raw)
    assert isinstance(data, dict)
    assert list(data) == TOP_KEYS, "keys missing, extra or out of order"
    assert raw.startswith(b'{\n  "id": '), "expected pretty-printed JSON with a 2-space indent"
    assert SLUG.match(data["id"]), data["id"]
    assert path.stem.endswith(data["id"]), "file name should carry the article id"


def test_header_fields(article: dict) -> None:
    for key in ("id", "title", "source", "url", "published", "text"):
        assert isinstance(article[key], str) and article[key].strip(), key
    assert article["url"].startswith(("https://example.com/", "https://example.org/"))
    published = dt.date.fromisoformat(article["published"])
    assert article["published"] == published.isoformat()
    assert EARLIEST <= published <= LATEST


def test_text_shape(article: dict) -> None:
    text = article["text"]
    paragraphs = _paragraphs(article)
    assert 6 <= len(paragraphs) <= 12
    assert all(p.strip() == p and p for p in paragraphs), "empty or padded paragraph"
    assert 350 <= len(text.split()) <= 700
    assert not CONTROL.search(text)
    assert unicodedata.normalize("NFC", text) == text
    # wire copy uses typographic quotes
    assert '"' not in text
    assert "“" in text and "”" in text


def test_actors(article: dict) -> None:
    actors = article["actors"]
    text = article["text"]
    assert 6 <= len(actors) <= 15
    names = [a["name"] for a in actors]
    assert len(set(names)) == len(names), "duplicate actor"
    for actor in actors:
        assert set(actor) == ACTOR_KEYS
        assert actor["kind"] in KINDS
        assert isinstance(actor["role"], str)
        assert isinstance(actor["aliases"], list)
        assert actor["name"] not in actor["aliases"]
        assert all(isinstance(a, str) and a for a in actor["aliases"])
        forms = [actor["name"], *actor["aliases"]]
        assert any(f in text for f in forms), f"{actor['name']} not mentioned"
        for alias in actor["aliases"]:
            assert alias in text, f"alias {alias!r} of {actor['name']} not used in text"
            assert alias not in names, f"alias {alias!r} is another actor's name"


def test_quotes(article: dict) -> None:
    quotes = article["quotes"]
    text = article["text"]
    paragraphs = _paragraphs(article)
    names = {a["name"] for a in article["actors"]}
    assert 4 <= len(quotes) <= 10
    assert any(q["direct"] for q in quotes), "no direct quote"
    assert any(not q["direct"] for q in quotes), "no reported speech"
    for quote in quotes:
        assert set(quote) == QUOTE_KEYS
        body = quote["text"]
        assert isinstance(body, str) and body.strip()
        assert body in text, f"not a substring of text: {body[:60]!r}"
        assert isinstance(quote["direct"], bool)
        assert isinstance(quote["cue"], str)
        index = quote["paragraph"]
        assert isinstance(index, int) and not isinstance(index, bool)
        assert 0 <= index < len(paragraphs)
        if "\n\n" in body:
            assert quote["direct"], "only direct quotes run across paragraphs"
            assert body[:MULTI_PARA_PREFIX] in paragraphs[index]
            # news style: every continued paragraph reopens the quote
            for piece in body.split("\n\n")[1:]:
                assert piece.startswith("“")
        else:
            assert body in paragraphs[index], f"quote not in paragraph {index}: {body[:60]!r}"
        if quote["direct"]:
            starts = [m.start() for m in re.finditer(re.escape(body), text)]
            assert any(s > 0 and text[s - 1] == "“" for s in starts), (
                f"direct quote not opened by “: {body[:60]!r}"
            )
        speaker = quote["speaker"]
        if speaker is not None:
            assert isinstance(speaker, str) and speaker.strip()
            assert speaker in names or _is_descriptive(speaker, article), speaker


def test_options(article: dict) -> None:
    options = article["options"]
    text = article["text"]
    names = {a["name"] for a in article["actors"]}
    assert 2 <= len(options) <= 6
    for option in options:
        assert set(option) == OPTION_KEYS
        assert isinstance(option["text"], str) and option["text"].strip()
        assert option["status"] in STATUSES
        assert isinstance(option["evidence"], str) and option["evidence"].strip()
        assert option["evidence"] in text, f"evidence not in text: {option['evidence'][:60]!r}"
        holder = option["holder"]
        if holder is not None:
            assert holder in names or _is_descriptive(holder, article), holder
