"""The index cache: a second open reads it instead of the store, and any change to the store,
the cache or the program version makes it be ignored and rewritten."""

from __future__ import annotations

import os
import shutil

import orjson
import pytest

from conftest import FIXTURE_STORE
from tui.data import index_cache
from tui.data.index_cache import cache_path_for
from tui.data.loader import load_index
from tui.data.store import StoreError
from tui.data.view import compute_view


def _jsonl(tmp_path, extra: list[dict] | None = None):
    store = tmp_path / "world.jsonl"
    articles = orjson.loads(FIXTURE_STORE.read_bytes())
    articles = articles["articles"] if isinstance(articles, dict) else articles
    store.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in articles + (extra or [])))
    return store


def _same_index(a, b) -> None:
    for kind in ("actors", "quotes", "options"):
        assert [r.id for r in getattr(a, kind)] == [r.id for r in getattr(b, kind)]
    for query in ("", "nato", "kind:state -russia", "actor:varga", "article:x"):
        va, vb = compute_view(a, query, lambda _: None), compute_view(b, query, lambda _: None)
        assert (list(va.actors), list(va.quotes), list(va.options)) == (list(vb.actors), list(vb.quotes),
                                                                        list(vb.options))


def test_the_second_open_reads_the_cache_and_bodies_on_demand(tmp_path):
    store = _jsonl(tmp_path)
    first = load_index(store)
    assert cache_path_for(store).exists() and not first.from_cache
    second = load_index(store)
    assert second.from_cache
    _same_index(first, second)
    for a, b in zip(first.articles, second.articles):
        assert (a.id, a.title, a.source, a.url, a.published, a.text) == (b.id, b.title, b.source, b.url,
                                                                          b.published, b.text)
        assert a.paragraphs() == b.paragraphs()


def test_a_changed_store_is_read_again(tmp_path):
    store = _jsonl(tmp_path)
    load_index(store)
    extra = {"id": "new-1", "title": "Fresh", "text": "Mark Rutte said NATO would act.", "actors": [],
             "quotes": [], "options": []}
    _jsonl(tmp_path, [extra])  # rewritten: new size and mtime
    again = load_index(store)
    assert not again.from_cache
    assert again.articles[-1].id == "new-1"
    assert load_index(store).articles[-1].title == "Fresh"  # and the rewritten cache has it


def test_a_touched_store_with_the_same_size_is_read_again(tmp_path):
    store = _jsonl(tmp_path)
    load_index(store)
    st = store.stat()
    os.utime(store, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert not load_index(store).from_cache


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(tmp_path, monkeypatch, damage):
    store = _jsonl(tmp_path)
    first = load_index(store)
    cache = cache_path_for(store)
    if damage is None:  # written by another version
        monkeypatch.setattr(index_cache, "FORMAT", "briefing-tui index 0 / old")
    else:  # a new file in its place, as every writer of the cache does (``first`` still maps the old one)
        broken = cache.with_name("broken")
        broken.write_bytes(damage + cache.read_bytes()[: len(cache.read_bytes()) // 2])
        os.replace(broken, cache)
    again = load_index(store)
    assert not again.from_cache
    _same_index(first, again)
    assert load_index(store).from_cache


def test_a_json_store_keeps_its_bodies_in_the_cache(tmp_path):
    store = tmp_path / "world.json"
    shutil.copy(FIXTURE_STORE, store)
    first = load_index(store)
    second = load_index(store)
    assert second.from_cache and second.articles[0].origin is None
    assert [a.text for a in first.articles] == [a.text for a in second.articles]


def test_a_cache_built_skipping_bad_entries_does_not_hide_them_later(tmp_path):
    store = _jsonl(tmp_path)
    store.write_bytes(store.read_bytes() + b'{"id": "broken"}\n')
    assert load_index(store, skip_bad=True).store.skipped
    with pytest.raises(StoreError, match="broken.*title"):
        load_index(store)
    assert load_index(store, skip_bad=True).store.skipped  # and with the flag the cache serves


def test_a_body_that_changed_under_the_cache_reads_as_empty_not_wrong(tmp_path):
    store = _jsonl(tmp_path)
    load_index(store)
    cached = load_index(store)
    data = store.read_bytes()
    store.write_bytes(b" " * 7 + data)  # every record moved
    assert all(a.text == "" for a in cached.articles)
