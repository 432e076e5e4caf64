"""Records passed between the name reader and the actor builder."""

from __future__ import annotations

from dataclasses import dataclass

from tui.data import gazetteer


@dataclass(slots=True)
class Mention:
    para: int
    start: int
    end: int
    text: str  # surface, possessive dropped
    kind: str  # person | organization | state | group | name (undecided) | title
    entity: gazetteer.Entity | None = None
    demonym: bool = False
    title: str = ""  # title phrase inside the run ("Secretary General of NATO")
    role: str = ""  # role words around the name
    speech: bool = False  # a speech verb follows or precedes
    appositive: bool = False
    in_quote: bool = False
    sent_start: bool = False
    alias: str = ""  # another surface form ("Venezuela's foreign ministry")
    locative: bool = False  # a capital used as a place ("talks in Rome")
    cited: bool = False  # a news outlet cited as a source ("told Reuters")
    actor: str | None = None  # filled in by the actor builder

    @property
    def pos(self) -> int:
        return self.para * 1_000_000 + self.start


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    norm: str
    cap: bool


def span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    """Text of tokens [a, b), a trailing possessive dropped."""
    s = text[toks[a].start:toks[b - 1].end]
    if s.endswith(("'s", "\u2019s")):
        s = s[:-2]
    return s
