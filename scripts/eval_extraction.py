"""Score the extractor on gold-annotated articles with the shared scorer.

    python scripts/eval_extraction.py [ARTICLE_DIR] [--scorer PATH] [-v]

ARTICLE_DIR (default tests/extraction/articles) holds article files and a
NAME.gold.json beside each.  The gold files are combined into one list and
handed to score.py (default ../shared/eval/score.py, which a user's clone does
not have), which runs `briefing-tui extract --json` once over all articles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("article_dir", nargs="?", default=str(ROOT / "tests" / "extraction" / "articles"))
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(args.article_dir).glob("*.gold.json"))]
    if not golds:
        print(f"no *.gold.json in {args.article_dir}", file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(golds, fh)
    cmd = f"{sys.executable} -m tui extract --json {{files}}"
    return subprocess.call([sys.executable, args.scorer, fh.name, args.article_dir, "--cmd", cmd]
                           + (["-v"] if args.v else []), cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main())
