"""Helpers shared by the annotation journal tests: raw journal records (the ``path`` fixture is in conftest)."""

from __future__ import annotations

from pathlib import Path

import orjson

E1, E2 = "q:ab12cd34ef56", "a:0123456789ab"


def lines(p: Path) -> list[dict]:
    return [orjson.loads(line) for line in p.read_bytes().splitlines() if line.strip()]


def change(eid, op, field, value, ts, by="s", seq=0) -> dict:
    return {"v": 1, "ts": ts, "seq": seq, "by": by, "id": eid, "op": op, "field": field, "value": value}


def write_journal(p: Path, records: list[dict], tail: bytes = b"") -> None:
    p.parent.mkdir(parents=True, exist_ok=True)
    body = [orjson.dumps({"v": 1, "generation": "g0"})] + [orjson.dumps(r) for r in records]
    p.write_bytes(b"\n".join(body) + b"\n" + tail)

