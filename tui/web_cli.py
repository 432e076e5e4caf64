"""``briefing-tui fetch``: pages and feeds from the web into a store."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import sys
from pathlib import Path

from tui.cli import EXIT_BAD_INPUT
from tui.data.sanitize import clean_line

EXIT_FAILURES = 1


def build_fetch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui fetch",
        description="Fetch article pages and RSS/Atom feeds, extract the main text and metadata, run the "
                    "extraction and add the articles to a store (duplicates by canonical URL or text are "
                    "skipped). Feeds are polled with conditional GET (ETag / Last-Modified).",
        epilog="exit codes: 0 every document fetched, 1 some failed (each is listed), 2 bad arguments or "
               "an unreadable store. Private, loopback, link-local and cloud-metadata addresses are refused "
               "on every redirect hop unless --allow-private is given.",
    )
    parser.add_argument("urls", nargs="*", metavar="URL", help="article pages (a feed URL here is read as a feed)")
    parser.add_argument("--feed", action="append", default=[], metavar="FEED_URL", help="an RSS or Atom feed "
                        "(repeat for several); its entries' pages are fetched")
    parser.add_argument("--store", type=Path, required=True,
                        help="store to add to: a directory (gets a new imported-*.jsonl), or a .jsonl/.json file")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="entries read per feed (default 50)")
    parser.add_argument("--allow-private", action="store_true",
                        help="also fetch from private, loopback and link-local addresses (e.g. an intranet)")
    parser.add_argument("--allow-network", action="append", default=[], metavar="CIDR",
                        help="allow just this non-public network, e.g. 10.2.0.0/16 (repeatable)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="deadline per document, redirects and retries included (default 60)")
    parser.add_argument("--max-size", type=float, default=10.0, metavar="MB",
                        help="largest decoded document in megabytes (default 10)")
    return parser


def _fail(message: str) -> int:
    print(f"briefing-tui fetch: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def policy_from(args):
    from tui.web.policy import FetchPolicy

    networks = tuple(ipaddress.ip_network(n, strict=False) for n in args.allow_network)
    return FetchPolicy(deadline=args.timeout, max_bytes=int(args.max_size * 1024 * 1024),
                       allow_private=args.allow_private, allow_networks=networks)


def run_fetch(argv: list[str]) -> int:
    args = build_fetch_parser().parse_args(argv)
    if not args.urls and not args.feed:
        return _fail("give at least one URL or --feed FEED_URL")
    if args.limit < 1 or args.timeout <= 0 or args.max_size <= 0:
        return _fail("--limit, --timeout and --max-size must be positive")
    try:
        policy = policy_from(args)
    except ValueError as exc:
        return _fail(f"--allow-network: {exc}")
    from tui.data.store import StoreError
    from tui.web.fetcher import fetch_into_store

    bar = _ProgressBar()
    try:
        report = asyncio.run(fetch_into_store(args.urls, args.feed, args.store, policy, limit=args.limit,
                                              progress=bar.update))
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.store}: cannot write: {exc.strerror or exc}")
    finally:
        bar.stop()
    print(report.summary(), file=sys.stderr)
    for url, reason in report.failed:
        print(f"  failed: {clean_line(url)}: {clean_line(reason)}", file=sys.stderr)
    if report.written_to:
        print(f"  written to {report.written_to}", file=sys.stderr)
    return EXIT_FAILURES if report.failed else 0


class _ProgressBar:
    """A rich progress bar on a terminal; one line per finished document otherwise."""

    def __init__(self) -> None:
        self.bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("fetching"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.description}", markup=False),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("", total=None)
            self.bar.start()

    def update(self, done: int, total: int, what: str) -> None:
        what = clean_line(what)
        if self.bar is None:
            print(f"[{done}/{total}] {what}", file=sys.stderr)
            return
        self.bar.update(self.task, completed=done, total=total, description=what[:60])

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
