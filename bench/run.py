"""Scale benchmark: start-up, loading, filtering, memory, saves and output size.

    python bench/run.py [--sizes 1000,100000] [--runs 5] [--big N]

Prints the machine, a table of medians over --runs with baselines measured in
the same run, and as its last line ``key=value`` pairs (``nan`` when missing).
Synthetic stores are generated once into bench/.cache/ (see bench/README.md).
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import math
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import orjson

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import pty_measures as pm  # noqa: E402
from gen_store import cached_store  # noqa: E402

KEYS = ("start_ratio first_frame_100k_ratio ready_100k_ratio filter_p50_ms filter_p95_ms rss_ratio "
        "save_ms_1k save_ms_100k cursor_bytes filter_bytes").split()
INPROC_TIMEOUT = 300 + 600 + 30 + 120  # load + keystroke budget + one slow key + slack


def label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


NA = float("nan")  # not measured (a crash, a missing store): "n/a" in the table


def median(values) -> float | None:
    """Median; None (shown as "timeout") if any run timed out, NA if nothing was measured."""
    if not values:
        return NA
    if any(v is None for v in values):
        return None
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return NA
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


def ratio(a, b) -> float | None:
    return a / b if a is not None and b is not None and b > 0 else None


def num(x) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "nan"
    if isinstance(x, int):
        return str(x)
    return f"{x:.3g}" if 0.001 <= abs(x) < 1000 else f"{x:.1f}"


def machine() -> str:
    return (f"machine: {platform.platform()} | python {platform.python_version()} | "
            f"{os.cpu_count()} CPUs | textual {version('textual')}")


def parse_times(store: Path, runs: int) -> list[float]:
    """Seconds to read ``store`` and orjson.loads every line (the floor for "ready")."""
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        records = [orjson.loads(line) for line in store.read_bytes().splitlines() if line]
        out.append(time.perf_counter() - start)
        del records
    return out


def inproc(what: str, store: Path, n: int, runs: int) -> dict:
    """Run bench/inproc.py in a subprocess (killed in any case) and return its RESULT."""
    home = pm.Home()
    with home:
        proc = subprocess.Popen([sys.executable, str(BENCH / "inproc.py"), what, str(store), str(n),
                                 "--runs", str(runs)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=home.env, cwd=home.path, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=INPROC_TIMEOUT)
        except subprocess.TimeoutExpired:
            return {"stopped": f"{what}: no result after {INPROC_TIMEOUT} s"}
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    for line in out.decode(errors="replace").splitlines()[::-1]:
        if line.startswith("RESULT "):
            return orjson.loads(line[7:])
    tail = err.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
    return {"stopped": f"{what} failed: {tail[0]}"}


def attempt(name: str, fn, *args, default=None):
    """Run one measure; a crash is reported and leaves ``default``, the others still run."""
    print(f"[{time.strftime('%H:%M:%S')}] {name}", file=sys.stderr, flush=True)
    try:
        return fn(*args)
    except Exception as exc:  # noqa: BLE001 - the harness must finish and print its table
        print(f"  {name} failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return default


def start_runs(runs: int) -> int:
    """Runs for the two start-up figures: a start takes ~0.3 s and one varies by ±20 % from the
    next on a shared VM, so these take three samples per --runs (at least 9) for a steady median."""
    return max(9, 3 * runs)


def measure(sizes: list[int], big: int, runs: int) -> tuple[list[tuple], dict, list[str]]:
    """All figures: (table rows, final key=value figures, notes)."""
    from tui.data.store import load_store, sample_store_path

    rows, figures, notes = [], dict.fromkeys(KEYS), []
    stores = {n: attempt(f"store of {n} articles", cached_store, n) for n in sorted(set(sizes) | {big})}
    big_store, small = stores[big], min(sizes)
    B = label(big)

    app, bare = attempt("start (sample store) vs bare Textual app", pm.start_times, start_runs(runs),
                        default=([], []))
    bare_s = median(bare)
    start_s = median(app)
    rows.append(("start, sample (s)", start_s, bare_s, ratio(start_s, bare_s), "≤1.3× bare", 1.3))
    figures["start_ratio"] = ratio(start_s, bare_s)

    if big_store is None:
        notes.append(f"no {B} store: big-store figures are missing")
    else:
        ff, ff_bare = attempt(f"first frame ({B})", pm.first_frame_times, big_store, start_runs(runs),
                              default=([], []))
        ff, ff_bare = median(ff), median(ff_bare)
        rows.append((f"first frame, {B} (s)", ff, ff_bare, ratio(ff, ff_bare), "≤1.3× bare", 1.3))
        figures["first_frame_100k_ratio"] = ratio(ff, ff_bare)

        parse_s = median(attempt(f"read+orjson baseline ({B})", parse_times, big_store, runs, default=[]))
        ready, rss = attempt(f"ready + RSS ({B}, second open)", pm.ready_and_rss, big_store, big, runs,
                             default=([], []))
        ready_s = median(ready)
        rows.append((f"ready, {B} (s)", ready_s, parse_s, ratio(ready_s, parse_s), "≤0.5× read+orjson", 0.5))
        figures["ready_100k_ratio"] = ratio(ready_s, parse_s)
        rss_mb, file_mb = median(rss), big_store.stat().st_size / 1e6
        rss_mb = rss_mb if rss_mb is None else rss_mb / 1e6
        rows.append((f"peak RSS, {B} (MB)", rss_mb, file_mb, ratio(rss_mb, file_mb), "≤0.5× file size", 0.5))
        figures["rss_ratio"] = ratio(rss_mb, file_mb)

        res = attempt(f"filter keystrokes ({B}, in-process)", inproc, "filter", big_store, big, runs, default={})
        times = res.get("times_ms") or []
        floor = median(res.get("noop_ms"))
        p50, p95 = percentile(times, 50), percentile(times, 95)
        rows.append((f"filter p50, {B} (ms)", p50, floor, None, "≤16 ms", ("abs", 16)))
        rows.append((f"filter p95, {B} (ms)", p95, floor, None, "≤50 ms", ("abs", 50)))
        figures.update(filter_p50_ms=p50, filter_p95_ms=p95)
        bad = res.get("invalid_ms") or []
        notes.append(f"filter: {len(times)} keystrokes in {res.get('passes', 0)} full pass(es) of the script; "
                     f"{len(bad)} more left an invalid query (median {num(median(bad))} ms, not in p50/p95); "
                     f"baseline = a no-op key through the same steps")
        if res.get("stopped"):
            notes.append(f"filter stopped: {res['stopped']}")

    for n in sorted(set(sizes) | {big}):
        if stores.get(n) is None:
            continue
        res = attempt(f"save ({label(n)}, in-process)", inproc, "save", stores[n], n, 1, default={})
        save_ms = median(res.get("saves_ms"))
        rows.append((f"save, {label(n)} (ms)", save_ms, median(res.get("noop_ms")), None, "≤5 ms", ("abs", 5)))
        if res.get("stopped"):
            notes.append(f"save {label(n)} stopped: {res['stopped']}")
        if n == small:
            figures["save_ms_1k"] = save_ms
        if n == big:
            figures["save_ms_100k"] = save_ms

    n_sample = len(load_store(sample_store_path()))
    cursor, filt = attempt("output bytes (sample store)", pm.output_bytes, n_sample, runs, default=([], []))
    cursor_b, filter_b = (round(b) if b is not None and not math.isnan(b) else b for b in (median(cursor), median(filt)))
    rows.append(("bytes per cursor move", cursor_b, "", None, "≤1024 B", ("abs", 1024)))
    rows.append(("bytes per filter key", filter_b, "", None, "—", None))
    figures.update(cursor_bytes=cursor_b, filter_bytes=filter_b)
    return rows, figures, notes


def met(value, rat, target) -> str:
    if target is None:
        return ""
    if isinstance(target, tuple):
        return "✓" if value is not None and value <= target[1] else "✗"  # False for NaN too
    return "✓" if rat is not None and rat <= target else "✗"


def cell(x) -> str:
    """A table cell: text as is, None is a timeout, NaN was not measured."""
    if isinstance(x, str):
        return x
    return "timeout" if x is None else "n/a" if math.isnan(x) else num(x)


def render(rows: list[tuple]) -> str:
    head = ("measure", "median", "baseline", "ratio", "target", "met")
    body = []
    for name, value, base, rat, target_text, target in rows:
        body.append((name, cell(value), cell(base), "" if rat is None else cell(rat), target_text,
                     met(value, rat, target)))
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    line = lambda r: " | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([line(head), "-+-".join("-" * w for w in widths), *map(line, body)])


def compile_package() -> None:
    """Byte-compile the package under test, as ``pip install`` does: with a stale or missing
    ``.pyc`` (an editable install under PYTHONDONTWRITEBYTECODE) every start would compile
    the changed modules again and the start-up figures would measure the compiler."""
    package = Path(importlib.util.find_spec("tui").origin).parent
    compileall.compile_dir(str(package), quiet=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,100000", help="comma-separated store sizes (default 1000,100000)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--big", type=int, help="the size for first frame, ready, RSS, filter (default: largest)")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    big = args.big or max(sizes)
    print(machine())
    print(f"sizes: {', '.join(map(label, sizes))} (big: {label(big)}), runs: {args.runs}; "
          f"pty 80x24 TERM=xterm-256color", flush=True)
    started = time.perf_counter()
    compile_package()
    rows, figures, notes = measure(sizes, big, args.runs)
    print()
    print(render(rows))
    for note in notes:
        print(f"note: {note}")
    print(f"took {time.perf_counter() - started:.0f} s")
    print(" ".join(f"{key}={num(figures[key])}" for key in KEYS), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
