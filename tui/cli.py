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


def _version() -> str:
    from tui import __version__

    return __version__


def _fail(message: str) -> int:
    print(f"briefing-tui: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _open(args):
    from tui.config import annotations_path_for
    from tui.data.annotations import AnnotationStore
    from tui.data.index import Index
    from tui.data.store import load_store, sample_store_path

    store_path = args.store or sample_store_path()
    store = load_store(store_path, skip_bad=args.skip_bad)
    for problem in store.skipped[:5]:
        print(f"briefing-tui: skipped: {problem}", file=sys.stderr)
    if store.skipped:
        print(f"briefing-tui: skipped {len(store.skipped)} bad entries, loaded {len(store)} articles", file=sys.stderr)
    notes = AnnotationStore(args.annotations or annotations_path_for(Path(store_path)))
    name = "sample store" if args.store is None else Path(store_path).name
    return Index(store), notes, name


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from tui.data.store import StoreError

    try:
        if argv and argv[0] == "export":
            return _export(build_export_parser().parse_args(argv[1:]))
        args = build_parser().parse_args(argv)
        return _launch(args)
    except StoreError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return 130


def _launch(args) -> int:
    from tui.config import ConfigError, load_config

    try:
        config = load_config()
    except ConfigError as exc:
        return _fail(str(exc))
    index, notes, name = _open(args)
    from tui.ui.app import BriefingApp

    app = BriefingApp(index, notes, store_name=name, keymap=config.keys)
    app.run()
    return app.return_code or 0


def _export(args) -> int:
    from tui.data.export import render_memo, write_memo

    index, notes, name = _open(args)
    memo = render_memo(index, notes.get, title=f"Briefing memo: {name}")
    if args.output is None:
        sys.stdout.write(memo)
        return 0
    try:
        written = write_memo(args.output, memo)
    except OSError as exc:
        return _fail(f"{args.output}: cannot write: {exc.strerror or exc}")
    print(f"memo written to {written}", file=sys.stderr)
    return 0
