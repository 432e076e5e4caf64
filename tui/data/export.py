"""Write a Markdown briefing memo of the starred and annotated entries."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Callable, Iterable

from tui.data.index import ActorRow, Index, OptionRow, QuoteRow

NoteLookup = Callable[[str], object | None]


def _annotated(note) -> bool:
    return note is not None and bool(note.star or note.note or note.tags or note.risk or note.likelihood)


def _md(text: str) -> str:
    """One line of article text, safe inside Markdown list items."""
    text = " ".join(text.split())
    for ch in ("\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"):
        text = text.replace(ch, "\\" + ch)
    return text


def _source(index: Index, article: int) -> str:
    a = index.articles[article]
    bits = [_md(a.title)]
    if a.source:
        bits.append(_md(a.source))
    if a.published:
        bits.append(_md(a.published))
    line = ", ".join(bits)
    if not a.url.startswith(("http://", "https://")):
        return line
    # an autolink ends at the first space or '>': percent-encode them so the
    # rest of the URL cannot escape into live Markdown
    url = a.url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"{line} <{url}>"


def _annotation_lines(note, indent: str = "") -> list[str]:
    out = []
    marks = []
    if note.star:
        marks.append("★ starred")
    if note.tags:
        marks.append("tags: " + ", ".join(f"`{t}`" if "`" not in t else _md(t) for t in sorted(note.tags)))
    if note.risk:
        marks.append(f"escalation risk: **{note.risk}**")
    if note.likelihood:
        marks.append(f"likelihood: **{note.likelihood}**")
    if marks:
        out.append(f"{indent}- " + " · ".join(marks))
    if note.note:
        lines = note.note.strip().splitlines()
        out.append(f"{indent}- Note: " + _md(lines[0]))
        out.extend(f"{indent}  {_md(line)}" for line in lines[1:])
    return out


def _quote_line(index: Index, q: QuoteRow) -> str:
    speaker = _md(q.speaker) if q.speaker else "unattributed"
    text = f"“{_md(q.text)}”" if q.direct else _md(q.text) + " (reported)"
    return f"- {speaker}: {text} — {_source(index, q.article)}"


def render_memo(index: Index, notes: NoteLookup, *, title: str = "Briefing memo", now: _dt.datetime | None = None,
                noted: Iterable[str] | None = None) -> str:
    """``noted``, the ids of every annotated entry, spares a look at each of a big store's rows."""
    now = now or _dt.datetime.now().astimezone()
    if noted is None:
        options = [o for o in index.options if _annotated(notes(o.id))]
        quotes = [q for q in index.quotes if _annotated(notes(q.id))]
    else:
        noted = list(noted)
        options = [o for n in sorted(index.rows_of("options", noted).values())
                   if _annotated(notes((o := index.options[n]).id))]
        quotes = [q for n in sorted(index.rows_of("quotes", noted).values())
                  if _annotated(notes((q := index.quotes[n]).id))]
    actors = [a for a in index.actors if _annotated(notes(a.id))]
    out = [f"# {_md(title)}", "", f"Generated {now:%Y-%m-%d %H:%M %Z} from {len(index.articles)} articles: "
           f"{len(options)} options, {len(quotes)} quotes and {len(actors)} actors starred or annotated.", ""]
    if not (options or quotes or actors):
        out += ["Nothing is starred or annotated yet.", ""]
        return "\n".join(out)
    if options:
        out += ["## Options", ""]
        for o in sorted(options, key=lambda o: (not notes(o.id).star, o.status, o.text.lower())):
            out += _option_section(index, o, notes(o.id), quotes)
    by_actor = _group_by_actor(index, quotes, actors)
    if by_actor:
        out += ["## By actor", ""]
        for actor, actor_quotes in by_actor:
            out += _actor_section(index, actor, actor_quotes, notes)
    return "\n".join(out).rstrip() + "\n"


def _option_section(index: Index, o: OptionRow, note, quotes: list[QuoteRow]) -> list[str]:
    holder = f" — held by {_md(o.holder)}" if o.holder else ""
    out = [f"### {_md(o.text)}{holder} ({o.status})", ""]
    out += _annotation_lines(note)
    if o.evidence:
        out.append(f"- Evidence: “{_md(o.evidence)}” — {_source(index, o.article)}")
    related = [q for q in quotes if set(q.actor_keys) & set(o.holder_keys) or q.article == o.article]
    for q in related[:5]:
        out.append(_quote_line(index, q))
    return out + [""]


def _group_by_actor(index: Index, quotes: list[QuoteRow], actors: list[ActorRow]):
    groups: dict[str, list[QuoteRow]] = {}
    for q in quotes:
        groups.setdefault(q.speaker_key or f"?{q.speaker}", []).append(q)
    for a in actors:
        groups.setdefault(a.id, [])
    def name(key: str) -> str:
        row = index.actor(key)
        return row.name if row else (key[1:] or "Unattributed")
    return [(index.actor(k) or name(k), groups[k]) for k in sorted(groups, key=lambda k: name(k).lower())]


def _actor_section(index: Index, actor, quotes: list[QuoteRow], notes: NoteLookup) -> list[str]:
    if isinstance(actor, ActorRow):
        role = f", {_md(actor.role)}" if actor.role else ""
        out = [f"### {_md(actor.name)} ({actor.kind}{role})", ""]
        note = notes(actor.id)
        if _annotated(note):
            out += _annotation_lines(note)
    else:
        out = [f"### {_md(actor)}", ""]
    for q in quotes:
        out.append(_quote_line(index, q))
        out += _annotation_lines(notes(q.id), "  ")
    return out + [""]


def write_memo(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically; never clobber an existing file."""
    from tui.data.journal_io import atomic_write  # local: keeps `export` cheap to import

    path = Path(path)
    target, n = path, 2
    while target.exists():
        target = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    atomic_write(target, text.encode("utf-8"))
    return target
