"""The `extract` and `import` commands, and extraction of store articles that
arrive without it."""

from __future__ import annotations

import sys

import orjson

from tui.data.importer import extraction_of, import_paths, to_store_dict
from tui.data.reader import RawArticle, read_articles
from tui.cli import EXIT_BAD_INPUT, _fail
from tui.data.store import Store, StoreError


def run_extract(args) -> int:
    articles = []
    for file in args.files:
        try:
            raws = read_articles(file)
        except StoreError as exc:
            return _fail(str(exc))
        for raw in raws:
            articles.append(to_store_dict(raw, extraction_of(raw)))
    if args.json:
        out = {"articles": [{k: a[k] for k in ("id", "title", "actors", "quotes", "options")} for a in articles]}
        sys.stdout.buffer.write(orjson.dumps(out) + b"\n")
        return 0
    for a in articles:
        _print_article(a)
    return 0


def _print_article(a: dict) -> None:
    w = sys.stdout.write
    w(f"{a['id']}: {a['title']}\n")
    w(f"  actors ({len(a['actors'])}):\n")
    for actor in a["actors"]:
        role = f", {actor['role']}" if actor["role"] else ""
        aliases = f"  [also: {', '.join(actor['aliases'])}]" if actor["aliases"] else ""
        w(f"    {actor['name']} ({actor['kind']}{role}){aliases}\n")
    w(f"  quotes ({len(a['quotes'])}):\n")
    for q in a["quotes"]:
        text = f"“{q['text']}”" if q["direct"] else q["text"]
        w(f"    {q['speaker'] or '(unnamed)'} {q['cue'] or 'said'}: {text}\n")
    w(f"  options ({len(a['options'])}):\n")
    for o in a["options"]:
        w(f"    [{o['status']}] {o['text']} — {o['holder'] or 'holder not named'}\n")
    w("\n")


def run_import(args) -> int:
    from tui.data.importer import article_files

    missing = [p for p in args.paths if not p.exists()]
    if missing:
        return _fail(f"{missing[0]}: no such file or directory")
    total = len(article_files(args.paths))
    progress, stop = _progress_bar(total)
    try:
        report = import_paths(args.paths, args.store, progress=progress)
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.store}: cannot write: {exc.strerror or exc}")
    finally:
        stop()
    print(f"imported {report.added} articles into {args.store}"
          f" ({report.duplicates} duplicates skipped, {len(report.failed)} failed)", file=sys.stderr)
    for path, reason in report.failed:
        print(f"  failed: {path}: {reason}", file=sys.stderr)
    return 0 if not report.failed or report.added else EXIT_BAD_INPUT


def _progress_bar(total: int):
    """A rich progress bar on stderr for large batches on a terminal; silent otherwise."""
    if total < 20 or not sys.stderr.isatty():
        return None, lambda: None
    from rich.progress import Progress

    bar = Progress(transient=True, console=None)
    bar.start()
    task = bar.add_task("importing", total=total)
    return (lambda n, _total: bar.update(task, completed=n)), bar.stop


def fill_extraction(store: Store) -> None:
    """Run extraction on the store's articles that arrived without it (in memory only)."""
    for article in store.articles:
        if article.extracted:
            continue
        found = extraction_of(RawArticle(article.id, article.title, article.paragraphs()))
        article.actors, article.quotes, article.options = found["actors"], found["quotes"], found["options"]
        article.extracted = True
