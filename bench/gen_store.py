"""Deterministic synthetic stores for the scale benchmark.

    python bench/gen_store.py N OUT [--seed S]

Writes a JSON Lines store (docs/store.md) of N news-like articles, each ~5.5 KB
with 8-10 paragraphs, ~4.6 actors, ~4 quotes (direct and reported) and ~3
options, already extracted so the dashboard runs no extraction.  Actors come
from fixed pools (300 invented people, 60 real states, 40 organisations) so
they recur across articles the way they do in real news.  The same (N, seed)
always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

import orjson

try:  # run as a script (bench/ on sys.path) or imported as bench.gen_store
    from gen_pools import (CITIES, DESCRIPTIONS, DIRECT, DIRECT_CUES, EVIDENCE, FILLER, FIRST_NAMES, OPTIONS,
                       ORGS, REPORTED, REPORTED_CUES, SOURCES, STATES, STATUSES, SURNAME_HEADS, SURNAME_TAILS,
                       TITLES, TITLE_TEMPLATES, TOPICS)
except ImportError:  # pragma: no cover
    from bench.gen_pools import (CITIES, DESCRIPTIONS, DIRECT, DIRECT_CUES, EVIDENCE, FILLER, FIRST_NAMES, OPTIONS,
                             ORGS, REPORTED, REPORTED_CUES, SOURCES, STATES, STATUSES, SURNAME_HEADS, SURNAME_TAILS,
                             TITLES, TITLE_TEMPLATES, TOPICS)

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
EPOCH = dt.date(2023, 1, 2)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _people() -> list[dict]:
    """300 invented people with unique surnames, fixed roles; independent of the seed."""
    pool = random.Random(1729)
    surnames = [head + tail for head in SURNAME_HEADS for tail in SURNAME_TAILS]
    people = []
    for surname in surnames:
        first = pool.choice(FIRST_NAMES)
        if pool.random() < 0.75:
            role = f"{pool.choice(TITLES)} of {pool.choice(STATES)}"
        else:
            role = f"{pool.choice(('envoy', 'spokesperson', 'senior official', 'director'))} at {pool.choice(ORGS)}"
        people.append({"name": f"{first} {surname}", "kind": "person", "role": role, "aliases": [surname]})
    return people


PEOPLE = _people()
STATE_ACTORS = [{"name": s, "kind": "state"} for s in STATES]
ORG_ACTORS = [{"name": o, "kind": "organization"} for o in ORGS]


def _sentence(template: str, slots: dict) -> str:
    text = template.format_map(slots)
    return text[0].upper() + text[1:]


def _quote(rng: random.Random, slots: dict, people: list[dict]) -> tuple[dict, str]:
    """One quote entry and the sentence of the article that carries it."""
    if rng.random() < 0.85:
        speaker = rng.choice(people)["name"]
    else:
        speaker = rng.choice(DESCRIPTIONS)
    if rng.random() < 0.6:
        text = rng.choice(DIRECT).format_map(slots)
        cue = rng.choice(DIRECT_CUES)
        sentence = f"“{text[0].upper() + text[1:]},” {speaker} {cue}."
        return {"text": text[0].upper() + text[1:], "speaker": speaker, "direct": True, "cue": cue}, sentence
    text = rng.choice(REPORTED).format_map(slots)
    cue = rng.choice(REPORTED_CUES)
    sentence = f"{speaker[0].upper() + speaker[1:]} {cue} that {text}."
    return {"text": text, "speaker": speaker, "direct": False, "cue": cue}, sentence


def _option(rng: random.Random, slots: dict, holders: list[str]) -> tuple[dict, str]:
    """One option entry and its evidence sentence."""
    text = rng.choice(OPTIONS).format_map(slots)
    holder = rng.choice(holders)
    status = rng.choice(STATUSES)
    evidence = rng.choice(EVIDENCE[status]).format(holder=holder, option=text)
    evidence = evidence[0].upper() + evidence[1:]
    return {"text": text, "holder": holder, "status": status, "evidence": evidence}, evidence


def make_article(rng: random.Random, number: int, width: int = 6) -> dict:
    """Article ``number`` (1-based) drawn from ``rng``."""
    people = rng.sample(PEOPLE, rng.randint(2, 3))
    states = rng.sample(STATE_ACTORS, 2)
    actors = people + states[: rng.randint(1, 2)]
    org = rng.choice(ORG_ACTORS)
    if rng.random() < 0.6:
        actors.append(org)
    when = EPOCH + dt.timedelta(days=rng.randrange(1000))
    slots = {
        "s1": states[0]["name"], "s2": states[1]["name"], "o1": org["name"],
        "p1": people[0]["name"], "p2": people[1]["name"],
        "p1s": people[0]["aliases"][0], "p2s": people[1]["aliases"][0],
        "city": rng.choice(CITIES), "topic": rng.choice(TOPICS),
        "day": WEEKDAYS[when.weekday()], "num": rng.randint(2, 40),
    }
    holders = [a["name"] for a in actors]
    entries = [_quote(rng, slots, people) for _ in range(rng.randint(3, 5))]
    options = [_option(rng, slots, holders) for _ in range(rng.randint(2, 4))]
    n_par = rng.randint(8, 10)
    sizes = [rng.randint(2, 4) for _ in range(n_par)]
    fill = [_sentence(t, slots) for t in rng.sample(FILLER, sum(sizes))]  # no sentence twice in one article
    paragraphs, at = [], 0
    for size in sizes:
        paragraphs.append(fill[at:at + size])
        at += size
    # each quote/option sentence goes into its own paragraph, at a random place
    homes = rng.sample(range(n_par), min(n_par, len(entries) + len(options)))
    quotes = []
    for (entry, sentence), home in zip(entries + options, homes + [None] * 9):
        home = rng.randrange(n_par) if home is None else home
        paragraphs[home].insert(rng.randint(0, len(paragraphs[home])), sentence)
        if "direct" in entry:
            entry["paragraph"] = home
            quotes.append(entry)
    source = rng.choice(SOURCES)
    ident = f"syn-{number:0{width}d}"
    return {
        "id": ident,
        "title": _sentence(rng.choice(TITLE_TEMPLATES), slots),
        "source": source,
        "url": f"https://example.com/{source.lower().replace(' ', '-')}/{when.isoformat()}/{ident}",
        "published": when.isoformat(),
        "byline": f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAME_HEADS)}{rng.choice(('er', 'ing', 'ton'))}",
        "text": "\n\n".join(" ".join(p) for p in paragraphs),
        "actors": actors,
        "quotes": quotes,
        "options": [entry for entry, _ in options],
    }


def generate(n: int, path: Path, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles to the JSON Lines file ``path`` (atomically) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    width = max(6, len(str(n)))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    dumps = orjson.dumps
    try:
        with open(tmp, "wb") as out:
            batch: list[bytes] = []
            for number in range(1, n + 1):
                batch.append(dumps(make_article(rng, number, width)))
                if len(batch) == 2000:
                    out.write(b"\n".join(batch) + b"\n")
                    batch.clear()
            if batch:
                out.write(b"\n".join(batch) + b"\n")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return path


def cached_store(n: int, seed: int = 0) -> Path:
    """``bench/.cache/store-{n}-{seed}.jsonl``, generated only if it is not there yet."""
    path = CACHE_DIR / f"store-{n}-{seed}.jsonl"
    if not path.exists():
        generate(n, path, seed)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a synthetic JSON Lines store of N articles.")
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output .jsonl file")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    generate(args.n, args.out, args.seed)
    took = time.perf_counter() - start
    size = args.out.stat().st_size
    print(f"{args.out}: {args.n} articles, {size / 1e6:.1f} MB ({size / max(args.n, 1):.0f} B/article) "
          f"in {took:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
