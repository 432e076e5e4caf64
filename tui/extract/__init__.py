"""Offline rule-based extraction of actors, quoted statements and options.

    from tui.extract import extract
    result = extract(title, paragraphs)   # -> Extraction(actors, quotes, options)

Pure Python and regular expressions; never imports Textual.  The stages, one
module each: :mod:`text` (sentences, tokens), :mod:`quotes` (direct quotes),
:mod:`names` (capitalised names and their kind), :mod:`actors` (one actor per
entity, aliases, roles), :mod:`context` (speaker phrase resolution),
:mod:`speakers` (who said a direct quote), :mod:`reported` (reported speech),
:mod:`options` (courses of action).  See docs/extraction.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.data.model import Actor, Option, Quote
from tui.extract.pipeline import run

__all__ = ["Extraction", "extract"]


@dataclass(slots=True)
class Extraction:
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "actors": [{"name": a.name, "kind": a.kind, "role": a.role, "aliases": list(a.aliases)}
                       for a in self.actors],
            "quotes": [{"text": q.text, "speaker": q.speaker, "direct": q.direct, "cue": q.cue,
                        "paragraph": q.paragraph} for q in self.quotes],
            "options": [{"text": o.text, "holder": o.holder, "status": o.status, "evidence": o.evidence}
                        for o in self.options],
        }


def extract(title: str, paragraphs: list[str]) -> Extraction:
    """Actors, quotes and options of one article (``paragraphs`` already cleaned)."""
    actors, quotes, options = run(title or "", [p if isinstance(p, str) else "" for p in paragraphs])
    return Extraction(actors, quotes, options)

