"""Command line: launch the dashboard, or export a memo without a UI.

Textual is imported only when the dashboard is launched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2

DESCRIPTION = """\
A keyboard-driven terminal dashboard for foreign-policy briefings: the actors,
quoted statements and policy options in a store of news articles, with filters
and annotations (notes, tags, stars, assessments) saved safely as you work.

commands:
  briefing-tui [STORE]            open the dashboard (default: the bundled sample store)
  briefing-tui export [STORE]     write a Markdown briefing memo of starred/annotated entries
  briefing-tui extract FILE...    print the actors, quotes and options found in article files
  briefing-tui import PATH... --store STORE
                                  add article files (.txt .html .json .jsonl) to a store, extracted
  briefing-tui fetch URL... [--feed FEED_URL] --store STORE
                                  fetch article pages and RSS/Atom feeds into a store, extracted

STORE is a JSON file (a list of articles or {"articles": [...]}), a JSON Lines
file, or a directory of .json/.jsonl files; see docs/store.md.  Press ? or F1
in the dashboard for every key.
"""

EPILOG = """\
annotations are kept apart from the store, in
  $XDG_DATA_HOME/briefing-tui/annotations/ (default ~/.local/share/...);
  --annotations PATH or $BRIEFING_TUI_ANNOTATIONS choose another file, e.g. a
  shared one for two analysts.  Keys are remapped in
  $XDG_CONFIG_HOME/briefing-tui/config.toml under [keys].
exit codes: 0 ok, 2 bad input (the message names the file, article and field).
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("store", nargs="?", type=Path, help="store file or directory (default: bundled sample)")
    parser.add_argument("--annotations", type=Path, metavar="PATH", help="annotation journal to use")
    parser.add_argument("--skip-bad", action="store_true", help="skip broken articles/files and say how many")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(parser)
    parser.add_argument("--allow-private", action="store_true",
                        help="let the fetch key (f) reach private, loopback and link-local addresses")
    parser.add_argument("--version", action="version", version="%(prog)s " + _version())
    return parser


def build_export_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui export",
        description="Write a Markdown briefing memo of the starred and annotated entries, grouped by option and by actor.",
    )
    _common(parser)
    parser.add_argument("-o", "--output", type=Path, help="memo file (default: print to standard output)")
    return parser


def build_extract_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui extract",
        description="Find the actors, quoted statements and options in article files (plain text, "
                    "HTML or JSON) and print them. Offline, rule-based; see docs/extraction.md.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true",
                        help='print one JSON object: {"articles": [{id, title, actors, quotes, options}]}')
    return parser


def build_import_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing-tui import",
        description="Add articles (files or directories of .txt, .html, .json, .jsonl) to a store with "
                    "extraction done. Duplicates (same URL or same text) are skipped, so re-importing is "
                    "idempotent; existing articles and annotations are never touched.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--store", type=Path, required=True,
                        help="store to add to: a directory (gets a new imported-*.jsonl), or a .jsonl/.json file")
    return parser


def _version() -> str:
    from tui import __version__

    return __version__


def _fail(message: str) -> int:
    print(f"briefing-tui: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _store_and_name(args) -> tuple[Path, str]:
    from tui.data.store import sample_store_path

    store_path = args.store or sample_store_path()
    return Path(store_path), ("sample store" if args.store is None else Path(store_path).name)


def _notes(args, store_path: Path):
    from tui.config import annotations_path_for
    from tui.data.annotations import AnnotationStore

    return AnnotationStore(args.annotations or annotations_path_for(store_path))


def _open(args):
    from tui.data.loader import load_index

    store_path, name = _store_and_name(args)
    index = load_index(store_path, skip_bad=args.skip_bad)
    skipped = index.store.skipped
    for problem in skipped[:5]:
        print(f"briefing-tui: skipped: {problem}", file=sys.stderr)
    if skipped:
        print(f"briefing-tui: skipped {len(skipped)} bad entries, loaded {len(index.articles)} articles",
              file=sys.stderr)
    return index, _notes(args, store_path), name


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from tui.data.store import StoreError

    try:
        if argv and argv[0] == "export":
            return _export(build_export_parser().parse_args(argv[1:]))
        if argv and argv[0] == "extract":
            from tui.extract_cli import run_extract

            return run_extract(build_extract_parser().parse_args(argv[1:]))
        if argv and argv[0] == "fetch":
            from tui.web_cli import run_fetch

            return run_fetch(argv[1:])
        if argv and argv[0] == "import":
            from tui.extract_cli import run_import

            return run_import(build_import_parser().parse_args(argv[1:]))
        args = build_parser().parse_args(argv)
        return _launch(args)
    except StoreError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _launch(args) -> int:
    """Open the dashboard.  On a terminal its first frame comes at once and the store
    loads behind it with a progress line; otherwise the store is read first."""
    from tui import startup_gc
    from tui.config import ConfigError, load_config

    startup_gc.pause()  # until the first frame is out (the app resumes it)
    try:
        config = load_config()
    except ConfigError as exc:
        return _fail(str(exc))
    from tui.ui.app import BriefingApp

    if sys.stdout.isatty() and sys.stdin.isatty():
        from tui.data.index import Index

        store_path, name = _store_and_name(args)
        index, notes = Index.empty(store_path), _notes(args, store_path)

        def loader(progress):
            from tui.data.loader import load_index

            return load_index(store_path, skip_bad=args.skip_bad, progress=progress)
    else:
        index, notes, name = _open(args)
        loader = None
    policy = None  # the default (public addresses only) is made on the first fetch
    if args.allow_private:
        from tui.web.policy import FetchPolicy

        policy = FetchPolicy(allow_private=True)
    app = BriefingApp(index, notes, store_name=name, keymap=config.keys, loader=loader, fetch_policy=policy)
    app.run()
    if app.load_error is not None:  # reported now that the terminal is back to normal
        return _fail(str(app.load_error))
    return app.return_code or 0


def _export(args) -> int:
    from tui.data.export import render_memo, write_memo

    index, notes, name = _open(args)
    memo = render_memo(index, notes.get, title=f"Briefing memo: {name}", noted=notes.all())
    if args.output is None:
        sys.stdout.write(memo)
        return 0
    try:
        written = write_memo(args.output, memo)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write: {exc.strerror or exc}")
    print(f"memo written to {written}", file=sys.stderr)
    return 0
