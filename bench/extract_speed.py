"""Extraction speed: articles per second on one core.

    python bench/extract_speed.py [--runs 7] [--repeat 20]

Articles: the bundled sample store and the extraction test articles (all written
for this project, ~2-4 KB each).  Each run extracts every article --repeat
times in this one process (one core); the table shows the median over runs and,
as a baseline measured in the same run, the cost of only splitting the same
texts into paragraphs and sentences with one regex pass.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.data.reader import read_articles  # noqa: E402
from tui.data.store import load_store, sample_store_path  # noqa: E402
from tui.extract import extract  # noqa: E402

SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")


def corpus() -> list[tuple[str, list[str]]]:
    docs = [(a.title, a.paragraphs()) for a in load_store(sample_store_path()).articles]
    articles_dir = ROOT / "tests" / "extraction" / "articles"
    for f in sorted(articles_dir.glob("*")) if articles_dir.exists() else []:
        if f.suffix in (".txt", ".html"):
            docs.extend((r.title, r.paragraphs) for r in read_articles(f))
    return docs


def timed(fn, docs, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for title, paragraphs in docs:
            fn(title, paragraphs)
    return time.perf_counter() - start


def split_only(title, paragraphs):
    return [SENTENCE.split(p) for p in paragraphs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    docs = corpus()
    n = len(docs) * args.repeat
    size = statistics.mean(len("\n\n".join(p)) for _, p in docs)
    extract(*docs[0])  # warm up: compile regexes, build tables
    ex = [n / timed(extract, docs, args.repeat) for _ in range(args.runs)]
    base = [n / timed(split_only, docs, args.repeat) for _ in range(args.runs)]
    ex_med, base_med = statistics.median(ex), statistics.median(base)
    print(f"{len(docs)} articles, mean {size / 1024:.1f} KB, x{args.repeat} per run, {args.runs} runs, one core")
    print(f"{'measure':<34}{'median art/s':>14}{'min':>10}{'max':>10}")
    print(f"{'extract() full rules':<34}{ex_med:>14,.0f}{min(ex):>10,.0f}{max(ex):>10,.0f}")
    print(f"{'baseline: sentence split only':<34}{base_med:>14,.0f}{min(base):>10,.0f}{max(base):>10,.0f}")
    print(f"extract_articles_per_s={ex_med:.0f} ms_per_article={1000 / ex_med:.2f} "
          f"ratio_vs_split={base_med / ex_med:.1f} mean_kb={size / 1024:.1f}")


if __name__ == "__main__":
    main()
