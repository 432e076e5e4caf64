"""Regression floor for extraction quality on the repo's gold articles.

The real measurement is ../shared/eval/score.py via scripts/eval_extraction.py;
this test recomputes the headline figures in a simplified way (no ../shared
needed) and fails if they drop well below what the extractor reaches today.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from tui.data.reader import read_articles
from tui.extract import extract

HERE = Path(__file__).resolve().parent / "extraction"
SETS = {"dev": HERE / "articles", "holdout": HERE / "holdout", "fresh": HERE / "fresh"}
FLOORS = {  # set below today's figures (see the closing notes), so only a real regression fails
    "dev": {"direct_f": 0.93, "speaker": 0.88, "actors_r": 0.90, "options_r": 0.6},
    "holdout": {"direct_f": 0.88, "speaker": 0.78, "actors_r": 0.80, "options_r": 0.45},
    "fresh": {"direct_f": 0.90, "speaker": 0.85, "actors_r": 0.80, "options_r": 0.40},
}


def _tokens(text: str) -> set[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return set(re.sub(r"[^\w\s'-]", " ", text).split())


def _sim(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _names(actor: dict) -> set[str]:
    return {n.lower() for n in [actor["name"], *actor.get("aliases", [])] if n}


def _figures(folder: Path) -> dict[str, float]:
    tp_direct = pred_direct = gold_direct = 0
    speaker_ok = speaker_n = actors_hit = actors_n = options_hit = options_n = 0
    for gold_file in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        [raw] = read_articles(folder / gold["article"])
        got = extract(raw.title, raw.paragraphs)
        quotes = [{"text": q.text, "speaker": q.speaker, "direct": q.direct} for q in got.quotes]
        pred_direct += sum(q["direct"] for q in quotes)
        gold_direct += sum(g["direct"] for g in gold["quotes"])
        used: set[int] = set()
        for q in quotes:
            best = max(((i, _sim(q["text"], g["text"])) for i, g in enumerate(gold["quotes"]) if i not in used),
                       key=lambda t: t[1], default=(None, 0.0))
            if best[0] is None or best[1] < 0.6:
                continue
            used.add(best[0])
            g = gold["quotes"][best[0]]
            tp_direct += g["direct"]
            speaker_n += 1
            wanted = {w.lower() for w in [g["speaker"], *g.get("speaker_alternatives", [])] if w}
            for actor in gold["actors"]:
                if actor["name"].lower() in wanted:
                    wanted |= _names(actor)
            said = (q["speaker"] or "").lower()
            speaker_ok += (not wanted and not said) or (bool(said) and any(w in said or said in w for w in wanted))
        found = set().union(*(_names({"name": a.name, "aliases": a.aliases}) for a in got.actors)) if got.actors else set()
        actors_n += len(gold["actors"])
        actors_hit += sum(bool(_names(a) & found) for a in gold["actors"])
        hay = " ".join(f"{o.text} {o.evidence}".lower() for o in got.options)
        options_n += len(gold["options"])
        options_hit += sum(any(c.lower() in hay for c in o["cues"]) for o in gold["options"])
    p = tp_direct / pred_direct if pred_direct else 0.0
    r = tp_direct / gold_direct if gold_direct else 0.0
    return {
        "direct_f": 2 * p * r / (p + r) if p + r else 0.0,
        "speaker": speaker_ok / speaker_n if speaker_n else 0.0,
        "actors_r": actors_hit / actors_n,
        "options_r": options_hit / options_n,
    }


@pytest.mark.parametrize("name", sorted(SETS))
def test_extraction_quality_floor(name):
    figures = _figures(SETS[name])
    short = {k: round(v, 3) for k, v in figures.items() if v < FLOORS[name][k]}
    assert not short, f"{name}: below floor {FLOORS[name]}: {short} (all: {figures})"
