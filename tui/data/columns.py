"""Column storage for the index: many strings in one UTF-8 blob, ragged lists of
numbers in two arrays, and a file format that holds named arrays and opens them by
memory map, so a huge index costs no reading and no memory until it is used.

Pure numpy; no Textual.
"""

from __future__ import annotations

import mmap
import os
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import orjson

from tui.data.journal_io import atomic_write

_MAGIC = b"BTUIDX1\n"
_CHUNK = 4096  # strings looked at between two checks for cancellation
SCAN_SHARE = 8  # with more than 1/SCAN_SHARE of the strings to look at, one pass over the blob is cheaper
_ALIGN = 64


def _offsets(items: Sequence[Sequence]) -> np.ndarray:
    """Where each item starts when they are laid end to end, plus the end (int64)."""
    offsets = np.zeros(len(items) + 1, dtype=np.int64)
    if items:
        np.cumsum(np.fromiter(map(len, items), dtype=np.int64, count=len(items)), out=offsets[1:])
    return offsets


def slices(rows: np.ndarray, cancelled: Callable[[], bool] | None, cancel: type[Exception]):
    """``rows`` a slice at a time, raising ``cancel`` between slices once ``cancelled()``."""
    for begin in range(0, len(rows), _CHUNK):
        if cancelled is not None and cancelled():
            raise cancel
        yield rows[begin:begin + _CHUNK]


def _aligned(size: int) -> int:
    return -(-size // _ALIGN) * _ALIGN


class Texts(Sequence[str]):
    """Strings stored as one UTF-8 blob and the byte offset where each starts (plus the end)."""

    __slots__ = ("blob", "offsets", "raw", "base")

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, raw: bytes | mmap.mmap | None = None,
                 base: int = 0) -> None:
        self.blob = blob        # uint8
        self.offsets = offsets  # int64, len(self) + 1
        self.raw = raw if raw is not None else blob.tobytes()  # the blob is raw[base:base + len(blob)]
        self.base = base

    @classmethod
    def build(cls, strings: Iterable[str]) -> Texts:
        encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
        raw = b"".join(encoded)
        return cls(np.frombuffer(raw, dtype=np.uint8), _offsets(encoded), raw)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        begin, end = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.blob[begin:end].tobytes().decode("utf-8", "surrogatepass")

    def holding(self, needle: str, among: np.ndarray, cancelled: Callable[[], bool] | None = None,
                cancel: type[Exception] = Exception) -> np.ndarray:
        """A mask of the strings among ``among`` (a mask) that hold ``needle``: each one
        looked at if they are few, else one pass over the blob from hit to hit."""
        pattern = needle.encode("utf-8", "surrogatepass")
        find, base, offsets = self.raw.find, self.base, self.offsets
        mask = np.zeros(len(self), dtype=bool)
        rows = np.flatnonzero(among)
        if len(rows) * SCAN_SHARE < len(self):
            for chunk in slices(rows, cancelled, cancel):
                starts, ends = (offsets[chunk] + base).tolist(), (offsets[chunk + 1] + base).tolist()
                mask[[r for r, s, e in zip(chunk.tolist(), starts, ends) if find(pattern, s, e) >= 0]] = True
            return mask
        end, at, looked = base + len(self.blob), find(pattern, base, base + len(self.blob)), 0
        bounds = offsets + base
        while at >= 0:
            row = int(np.searchsorted(bounds, at, side="right")) - 1
            if at + len(pattern) <= bounds[row + 1]:  # not running into the next string
                mask[row] = True
                at = find(pattern, int(bounds[row + 1]), end)
            else:
                at = find(pattern, at + 1, end)
            looked += 1
            if looked % _CHUNK == 0 and cancelled is not None and cancelled():
                raise cancel
        return mask & among

    def containing(self, needle: str) -> np.ndarray:
        """Sorted numbers of the strings that hold ``needle`` (a non-empty string)."""
        pattern = np.frombuffer(needle.encode("utf-8", "surrogatepass"), dtype=np.uint8)
        k, blob = len(pattern), self.blob
        if k == 0 or len(blob) < k:
            return np.zeros(0, dtype=np.int64)
        hit = blob[:len(blob) - k + 1] == pattern[0]
        for j in range(1, k):
            hit &= blob[j:len(blob) - k + 1 + j] == pattern[j]
        at = np.flatnonzero(hit)
        number = np.searchsorted(self.offsets, at, side="right") - 1
        inside = at + k <= self.offsets[number + 1]  # not running into the next string
        return np.unique(number[inside])


_FEW = 10  # counts_in: counting every list at once costs about as much as gathering 1/_FEW of them
_PASS = 30  # ... and a pass over the mask as much as gathering 1/_PASS
_FEW_LISTS = 64  # union() marks up to this many lists one by one


def _list_numbers(lists: Iterable[int] | np.ndarray) -> np.ndarray:
    return np.asarray(lists if isinstance(lists, np.ndarray) else list(lists), dtype=np.int64)


class Ragged:
    """Lists of integers: list ``i`` is ``values[offsets[i]:offsets[i + 1]]``."""

    __slots__ = ("offsets", "values", "_counted", "_split")

    def __init__(self, offsets: np.ndarray, values: np.ndarray) -> None:
        self.offsets = offsets  # int64, len(self) + 1
        self.values = values    # int32
        self._counted: np.ndarray | None = None
        self._split: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def build(cls, lists: Sequence[Sequence[int]]) -> Ragged:
        offsets = _offsets(lists)
        values = np.fromiter((v for one in lists for v in one), dtype=np.int32, count=int(offsets[-1]))
        return cls(offsets, values)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> np.ndarray:
        return self.values[self.offsets[i]:self.offsets[i + 1]]

    def value_counts(self, minlength: int) -> np.ndarray:
        """How often each value occurs over all lists (kept once counted)."""
        if self._counted is None or len(self._counted) < minlength:
            self._counted = np.bincount(self.values, minlength=minlength)
        return self._counted

    def counts_in(self, mask: np.ndarray, minlength: int, chosen: np.ndarray | None = None,
                  within: tuple[np.ndarray, np.ndarray, int] | None = None) -> np.ndarray:
        """How often each value occurs over the lists that ``mask`` selects (``chosen``: its
        ``flatnonzero``, if at hand).  ``within``: a mask that holds ``mask``, its counts and
        how many lists it selects.

        The fewest lists are gathered: the chosen ones, or those left out (counted off the
        totals), or those that ``within`` has and ``mask`` has not (counted off its counts);
        when all of these are many, every list is counted at once from its first value plus
        the rarer further ones."""
        chosen = np.flatnonzero(mask) if chosen is None else chosen
        size = len(mask)
        # costs in lists gathered: a pass over the mask is worth ~1/_PASS of them, counting
        # every list at once ~1/_FEW
        costs = {"chosen": len(chosen), "left out": size // _PASS + size - len(chosen), "all": size // _FEW}
        if within is not None:
            costs["dropped"] = size // _PASS + within[2] - len(chosen)
        route = min(costs, key=costs.__getitem__)
        if route == "chosen":
            return np.bincount(self.gather(chosen), minlength=minlength)
        if route == "dropped":
            dropped = self.gather(np.flatnonzero(within[0] & ~mask))
            return within[1] - np.bincount(dropped, minlength=minlength)
        if route == "left out":
            left_out = self.gather(np.flatnonzero(~mask))
            return self.value_counts(minlength) - np.bincount(left_out, minlength=minlength)
        first, further, owner = self._first_and_further()
        counts = np.bincount(first * mask, minlength=minlength + 1)
        counts += np.bincount(further * mask[owner], minlength=minlength + 1)
        return counts[1:]

    def _first_and_further(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Each list's first value + 1 (0: empty list); the other values + 1 and their lists."""
        if self._split is None:
            lengths = np.diff(self.offsets)
            starts = self.offsets[:-1][lengths > 0]
            first = np.zeros(len(self), dtype=np.int32)
            first[lengths > 0] = self.values[starts] + 1
            rest = np.ones(len(self.values), dtype=bool)
            rest[starts] = False
            owner = np.repeat(np.arange(len(self), dtype=np.int32), lengths)
            self._split = first, self.values[rest] + 1, owner[rest]
        return self._split

    def gather(self, lists: Iterable[int] | np.ndarray) -> np.ndarray:
        """The values of the given lists, one after another."""
        lists = _list_numbers(lists)
        if len(lists) == 1:
            return self[int(lists[0])]
        starts = self.offsets[lists]
        lengths = self.offsets[lists + 1] - starts
        total = int(lengths.sum())
        if not total:
            return self.values[:0]
        shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        return self.values[np.arange(total, dtype=np.int64) + shift]

    def union(self, lists: Iterable[int] | np.ndarray, size: int) -> np.ndarray:
        """A boolean mask of ``size`` with True at every value of the given lists."""
        mask = np.zeros(size, dtype=bool)
        lists = _list_numbers(lists)
        if len(lists) <= _FEW_LISTS:  # list by list: no gathered copy of them all
            offsets, values = self.offsets, self.values
            for i in lists.tolist():
                mask[values[offsets[i]:offsets[i + 1]]] = True
        else:
            mask[self.gather(lists)] = True
        return mask


# -- the file --------------------------------------------------------------------------------
def write_columns(path: Path, meta: dict, arrays: dict[str, np.ndarray]) -> None:
    """Write ``meta`` (JSON-able) and named arrays to ``path`` atomically (a temporary file
    renamed over it, so a reader never sees half a file and an open map stays valid)."""
    arrays = {name: np.ascontiguousarray(arr) for name, arr in arrays.items()}
    entries, at = {}, 0
    for name, arr in arrays.items():
        entries[name] = [arr.dtype.str, list(arr.shape), at]
        at += _aligned(arr.nbytes)
    body = orjson.dumps({"meta": meta, "arrays": entries})
    header = _MAGIC + len(body).to_bytes(8, "little") + body

    def chunks():
        yield header + b"\0" * (_aligned(len(header)) - len(header))
        for arr in arrays.values():
            yield memoryview(arr).cast("B") if arr.nbytes else b""  # no copy of a big array
            yield b"\0" * (_aligned(arr.nbytes) - arr.nbytes)

    atomic_write(path, chunks())


class ColumnFileError(ValueError):
    """Not a column file, or a damaged one."""


def read_columns(path: Path) -> tuple[dict, dict[str, np.ndarray], mmap.mmap, dict[str, int]]:
    """The meta and the arrays of a column file, the arrays mapped read-only from it;
    also the map and where in it each array starts."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size < len(_MAGIC) + 8:
            raise ColumnFileError("too short")
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if mapped[:len(_MAGIC)] != _MAGIC:
        raise ColumnFileError("not a column file")
    length = int.from_bytes(mapped[len(_MAGIC):len(_MAGIC) + 8], "little")
    try:
        header = orjson.loads(mapped[len(_MAGIC) + 8:len(_MAGIC) + 8 + length])
        start = _aligned(len(_MAGIC) + 8 + length)
        arrays, where = {}, {}
        for name, (dtype, shape, at) in header["arrays"].items():
            dt = np.dtype(dtype)
            count = int(np.prod(shape)) if shape else 1
            if start + at + count * dt.itemsize > size:
                raise ColumnFileError(f"array {name} runs past the end")
            arrays[name] = (np.frombuffer(mapped, dtype=dt, count=count, offset=start + at).reshape(shape)
                            if count else np.zeros(shape, dtype=dt))
            where[name] = start + at
        return header["meta"], arrays, mapped, where
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise ColumnFileError(str(exc)) from None


def pack(columns: dict) -> dict[str, np.ndarray]:
    """Plain arrays for :func:`write_columns` from a mix of Texts, Ragged and arrays."""
    out: dict[str, np.ndarray] = {}
    for name, column in columns.items():
        if isinstance(column, Texts):
            out[f"{name}#text.blob"], out[f"{name}#text.offsets"] = column.blob, column.offsets
        elif isinstance(column, Ragged):
            out[f"{name}#ragged.offsets"], out[f"{name}#ragged.values"] = column.offsets, column.values
        else:
            out[name] = column
    return out


def unpack(arrays: dict[str, np.ndarray], mapped: mmap.mmap | None = None,
           where: dict[str, int] | None = None) -> dict:
    """The inverse of :func:`pack`; with the map the arrays come from, texts search it directly."""
    out: dict = {}
    for name, arr in arrays.items():
        base, _, part = name.partition("#")
        if part == "text.blob":
            if mapped is not None and where is not None:
                out[base] = Texts(arr, arrays[f"{base}#text.offsets"], mapped, where[name])
            else:
                out[base] = Texts(arr, arrays[f"{base}#text.offsets"])
        elif part == "ragged.offsets":
            out[base] = Ragged(arr, arrays[f"{base}#ragged.values"])
        elif not part:
            out[base] = arr
    return out
