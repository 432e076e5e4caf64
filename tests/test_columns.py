"""Column storage: strings in one blob, ragged lists, and the memory-mapped column file."""

from __future__ import annotations

import stat

import numpy as np
import pytest

from tui.data import columns
from tui.data.columns import ColumnFileError, Ragged, Texts, pack, read_columns, unpack, write_columns

STRINGS = ["ab", "cd", "", "région île", "x" * 300, "a\nb", "emoji 🛰 end", "abcd"]


def _mapped(tmp_path) -> Texts:
    """The same strings after a round trip through a column file (searched through the map)."""
    path = tmp_path / "t.idx"
    write_columns(path, {}, pack({"pad": np.arange(5, dtype=np.int8), "t": Texts.build(STRINGS)}))
    _meta, arrays, mapped, where = read_columns(path)
    return unpack(arrays, mapped, where)["t"]


def test_texts_give_back_every_string(tmp_path):
    for texts in (Texts.build(STRINGS), _mapped(tmp_path)):
        assert len(texts) == len(STRINGS)
        assert [texts[n] for n in range(len(texts))] == STRINGS
        assert texts[-1] == "abcd" and texts[1:3] == ["cd", ""]


@pytest.mark.parametrize("needle", ["bc", "ab", "d", "île", "🛰", "x" * 300, "a\nb", "zz", "b\n"])
@pytest.mark.parametrize("scan_share", [0, 10**9])
def test_texts_find_the_strings_holding_a_needle_never_across_two(tmp_path, monkeypatch, needle, scan_share):
    monkeypatch.setattr(columns, "SCAN_SHARE", scan_share)  # one pass over the blob, or string by string
    expected = [n for n, s in enumerate(STRINGS) if needle in s]
    for texts in (Texts.build(STRINGS), _mapped(tmp_path)):
        assert texts.containing(needle).tolist() == expected
        everything = np.ones(len(STRINGS), dtype=bool)
        assert texts.holding(needle, everything).nonzero()[0].tolist() == expected
        some = np.array([n % 2 == 0 for n in range(len(STRINGS))])
        assert texts.holding(needle, some).nonzero()[0].tolist() == [n for n in expected if n % 2 == 0]


def test_a_search_stops_when_cancelled(monkeypatch):
    monkeypatch.setattr(columns, "SCAN_SHARE", 0)

    class Stop(Exception):
        pass

    texts = Texts.build(["hit"] * 10_000)
    with pytest.raises(Stop):
        texts.holding("hit", np.ones(10_000, dtype=bool), lambda: True, Stop)


def test_ragged_lists_gather_union_and_count():
    lists = [[3, 1], [], [4], [1, 5, 9]]
    ragged = Ragged.build(lists)
    assert [ragged[n].tolist() for n in range(len(lists))] == lists
    assert ragged.gather([3, 0]).tolist() == [1, 5, 9, 3, 1] and ragged.gather([1]).tolist() == []
    assert ragged.gather(np.array([], dtype=np.int64)).tolist() == []
    assert ragged.value_counts(10).tolist() == [0, 2, 0, 1, 1, 1, 0, 0, 0, 1]
    assert ragged.union([0, 3], 10).nonzero()[0].tolist() == [1, 3, 5, 9]
    assert ragged.union([2], 10).nonzero()[0].tolist() == [4]
    assert ragged.union([], 10).sum() == 0 and ragged.union([1], 10).sum() == 0


@pytest.mark.parametrize("few_lists", [0, 10**9])  # union: gathered at once, or list by list
def test_union_marks_the_same_rows_either_way(monkeypatch, few_lists):
    monkeypatch.setattr(columns, "_FEW_LISTS", few_lists)
    rng = np.random.default_rng(7)
    lists = [sorted(set(rng.integers(0, 500, rng.integers(0, 6)).tolist())) for _ in range(300)]
    ragged = Ragged.build(lists)
    chosen = rng.choice(300, 40, replace=False)
    expected = sorted({v for n in chosen for v in lists[n]})
    assert ragged.union(chosen, 500).nonzero()[0].tolist() == expected


@pytest.mark.parametrize("share", [0.0, 0.05, 0.5, 0.97, 1.0])
def test_counts_in_a_mask_agree_with_counting_by_hand_by_every_route(share):
    """Few lists chosen (gathered), few left out (off the totals), few dropped since a wider
    mask (off its counts), or many of each (first values plus further ones)."""
    rng = np.random.default_rng(int(share * 100))
    lists = [rng.integers(0, 40, rng.choice([0, 1, 1, 1, 2, 3])).tolist() for _ in range(2_000)]
    ragged = Ragged.build(lists)
    wider = rng.random(len(lists)) < max(share, 0.6)
    for mask in (rng.random(len(lists)) < share, wider & (rng.random(len(lists)) < 0.98)):
        expected = np.zeros(40, dtype=np.int64)
        for n in np.flatnonzero(mask):
            for v in lists[n]:
                expected[v] += 1
        assert ragged.counts_in(mask, 40).tolist() == expected.tolist()
        assert ragged.counts_in(mask, 40, np.flatnonzero(mask)).tolist() == expected.tolist()
    within = (wider, ragged.counts_in(wider, 40), int(wider.sum()))
    assert ragged.counts_in(mask, 40, within=within).tolist() == expected.tolist()


def test_a_column_file_round_trips_private_and_mapped(tmp_path):
    path = tmp_path / "c.idx"
    cols = {"n": np.arange(7, dtype=np.int64), "s": np.array([b"q:1", b"q:22"]), "t": Texts.build(STRINGS),
            "r": Ragged.build([[1], [2, 3]]), "e": np.zeros(0, dtype=np.int32), "m": np.ones((2, 3), dtype=np.int64)}
    write_columns(path, {"hello": ["world", 1]}, pack(cols))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # an index of the analyst's store is theirs alone
    meta, arrays, mapped, where = read_columns(path)
    back = unpack(arrays, mapped, where)
    assert meta == {"hello": ["world", 1]}
    assert back["n"].tolist() == list(range(7)) and back["s"].tolist() == [b"q:1", b"q:22"]
    assert list(back["t"]) == STRINGS and back["r"][1].tolist() == [2, 3]
    assert back["e"].shape == (0,) and back["m"].shape == (2, 3)
    assert not back["n"].flags.writeable  # mapped read-only
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("damage", ["empty", "foreign", "truncated", "header"])
def test_a_damaged_column_file_is_refused(tmp_path, damage):
    path = tmp_path / "c.idx"
    write_columns(path, {}, pack({"n": np.arange(10_000, dtype=np.int64)}))
    data = path.read_bytes()
    path.write_bytes({"empty": b"", "foreign": b"PK\x03\x04" + data[4:], "truncated": data[: len(data) // 2],
                      "header": data[:20] + b"}{" + data[22:]}[damage])
    with pytest.raises(ColumnFileError):
        read_columns(path)
