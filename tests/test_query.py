"""Unit tests for tui.data.query: the filter language."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.data.annotations import Annotation
from tui.data.query import IS_VALUES, Query, QueryError, Term, parse


@dataclass
class Row:
    etype: str = "quote"
    haystack: str = ""
    names: str = ""
    kinds: tuple[str, ...] = ()
    article_key: str = ""
    status: str = ""
    direct: bool | None = None


RUTTE_QUOTE = Row(
    "quote", "this is a significant escalation\nmark rutte\nsaid", "mark rutte\nrutte", ("person",),
    "dprk-1\nwest weighs options\nmeridian wire\nhttps://bloomberg.example/x", "", True,
)
REPORTED = Row("quote", "moscow will respond to long-range strikes\nrussia\n", "russia\nmoscow", ("state",),
               "a2\nkremlin replies\n\n", "", False)
OPTION = Row("option", "lift restrictions on long-range strikes\nunited states\n", "united states\nus",
             ("state",), "dprk-1\nwest weighs options\nmeridian wire\n", "under discussion", None)
SANCTIONS = Row("option", "new sanctions package\neu\n", "european union\neu", ("organization",),
                "a3\nsanctions\n\n", "in place", None)
ACTOR = Row("actor", "mark rutte\nrutte\nnato secretary general", "mark rutte\nrutte", ("person",), "", "", None)
ROWS = {"quote": RUTTE_QUOTE, "reported": REPORTED, "option": OPTION, "sanctions": SANCTIONS, "actor": ACTOR}

NOTES = {
    "quote": Annotation(star=True, tags=frozenset({"escalation", "dprk"})),
    "option": Annotation(note="worth watching", risk="high", likelihood="low"),
    "sanctions": Annotation(tags=frozenset({"economy"}), risk="medium"),
}


def hits(query: str | Query) -> list[str]:
    q = parse(query) if isinstance(query, str) else query
    return [name for name, row in ROWS.items() if q.matches(row, NOTES.get(name))]


def terms(query: str) -> list[tuple[str | None, str, bool]]:
    return [(t.field, t.value, t.negated) for t in parse(query).terms]


# --------------------------------------------------------------------------- parsing
def test_empty_query() -> None:
    for text in ("", "   ", '""', "-", '-""'):
        q = parse(text)
        if text.strip() == "-":
            assert terms(text) == [(None, "-", False)]
            continue
        assert q.empty and q.terms == () and str(q) == ""
    assert hits("") == list(ROWS)


def test_free_words_are_anded() -> None:
    assert terms("rutte escalation") == [(None, "rutte", False), (None, "escalation", False)]
    assert [t.column for t in parse("rutte  escalation").terms] == [1, 8]
    assert hits("rutte") == ["quote", "actor"]
    assert hits("rutte escalation") == ["quote"]
    assert hits("rutte nothing") == []


def test_free_text_is_case_insensitive() -> None:
    assert hits("RUTTE Escalation") == ["quote"]
    assert terms("RUTTE") == [(None, "RUTTE", False)]  # kept as typed for display


def test_quoted_phrase() -> None:
    assert terms('"long-range strikes" moscow') == [(None, "long-range strikes", False), (None, "moscow", False)]
    assert hits('"long-range strikes"') == ["reported", "option"]
    assert hits('"strikes long-range"') == []
    assert hits('"respond to long-range"') == ["reported"]


def test_negation() -> None:
    assert terms("-sanctions -kind:state") == [(None, "sanctions", True), ("kind", "state", True)]
    assert hits("-rutte") == ["reported", "option", "sanctions"]
    assert hits('-"long-range strikes"') == ["quote", "sanctions", "actor"]
    assert hits("-kind:state") == ["quote", "sanctions", "actor"]
    assert hits("strikes -is:direct") == ["reported", "option"]
    # a lone dash is a word, not a negation
    assert terms("a - b") == [(None, "a", False), (None, "-", False), (None, "b", False)]


@pytest.mark.parametrize("alias", ["actor", "who", "speaker", "holder", "ACTOR", "Who"])
def test_actor_aliases(alias: str) -> None:
    assert terms(f"{alias}:Rutte") == [("actor", "rutte", False)]
    assert hits(f"{alias}:Rutte") == ["quote", "actor"]
    assert hits(f"{alias}:moscow") == ["reported"]


def test_qualifiers() -> None:
    assert hits("kind:person") == ["quote", "actor"]
    assert hits("kind:state") == ["reported", "option"]
    assert hits("kind:organization") == ["sanctions"]
    assert hits("kind:group") == []
    assert hits("article:bloomberg") == ["quote"]
    assert hits("article:dprk-1") == ["quote", "option"]
    assert hits("article:zzz") == []
    assert hits("status:adopted") == []
    assert hits("status:in") == ["sanctions"]
    assert hits("status:under") == ["option"]
    assert hits('status:"under discussion"') == ["option"]
    assert hits("tag:esc") == ["quote"]
    assert hits("tag:e") == ["quote", "sanctions"]
    assert hits("tag:dprk tag:escalation") == ["quote"]
    assert hits("risk:high") == ["option"]
    assert hits("risk:medium") == ["sanctions"]
    assert hits("risk:low") == []
    assert hits("likelihood:low") == ["option"]
    assert hits("likelihood:l") == ["option"]


def test_qualifier_values_lowercased() -> None:
    assert terms("Kind:STATE Tag:Esc Article:Bloomberg") == [
        ("kind", "state", False), ("tag", "esc", False), ("article", "bloomberg", False)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("is:starred", ["quote"]),
        ("is:star", ["quote"]),
        ("is:annotated", ["quote", "option", "sanctions"]),
        ("is:noted", ["option"]),
        ("is:tagged", ["quote", "sanctions"]),
        ("is:assessed", ["option", "sanctions"]),
        ("is:direct", ["quote"]),
        ("is:reported", ["reported"]),
        ("is:quote", ["quote", "reported"]),
        ("is:q", ["quote", "reported"]),
        ("is:option", ["option", "sanctions"]),
        ("is:actor", ["actor"]),
        ("is:ac", ["actor"]),
        ("is:r", ["reported"]),
        ("-is:annotated", ["reported", "actor"]),
    ],
)
def test_is_values(query: str, expected: list[str]) -> None:
    assert hits(query) == expected


def test_every_is_value_parses() -> None:
    for value in IS_VALUES:
        assert terms(f"is:{value}") == [("is", value, False)]


@pytest.mark.parametrize(
    "query, expected",
    [("kind:country", ["reported", "option"]), ("kind:nation", ["reported", "option"]),
     ("kind:org", ["sanctions"]), ("kind:organisation", ["sanctions"]), ("kind:pers", ["quote", "actor"]),
     ("kind:gr", [])],
)
def test_kind_synonyms_and_prefixes(query: str, expected: list[str]) -> None:
    assert hits(query) == expected


def test_terms_that_do_not_apply_do_not_match() -> None:
    # status: never matches a quote or an actor; risk: never matches without a note
    assert hits("status:under is:quote") == []
    assert hits("risk:high is:actor") == []


# --------------------------------------------------------------------------- errors
def error(text: str) -> QueryError:
    with pytest.raises(QueryError) as info:
        parse(text)
    exc = info.value
    assert isinstance(exc, ValueError)
    assert str(exc) == f"column {exc.column}: {exc.message}"
    assert "\n" not in str(exc)
    return exc


def test_unknown_field() -> None:
    exc = error("rutte foo:bar")
    assert exc.column == 7
    assert exc.message == "unknown filter 'foo:' (known: actor, article, is, kind, likelihood, risk, status, tag)"
    assert error("-nope:x").column == 1


def test_unknown_is_value() -> None:
    exc = error("a  is:bogus")
    assert exc.column == 4
    assert exc.message.startswith("unknown 'is:' value 'bogus' (expected one of: starred, annotated")


def test_ambiguous_prefix() -> None:
    exc = error("x is:a")
    assert exc.column == 3
    assert exc.message == "ambiguous 'is:' value 'a' (could be: annotated, assessed, actor)"
    assert error("-is:a").column == 1
    assert error("status:x").message.startswith("unknown status 'x'")
    # a unique prefix is fine
    assert terms("status:p") == [("status", "p", False)]
    assert hits("status:a") == []  # "adopted"


def test_unknown_values() -> None:
    assert error("kind:planet").message == "unknown kind 'planet' (expected one of: person, organization, state, group)"
    assert error("risk:extreme").message == "unknown risk 'extreme' (expected one of: low, medium, high)"
    assert error("likelihood:x").message.startswith("unknown likelihood 'x'")


@pytest.mark.parametrize("text, column", [("status:", 1), ("a tag: b", 3), ('who:""', 1), ("x -risk:", 3)])
def test_empty_value(text: str, column: int) -> None:
    exc = error(text)
    assert exc.column == column
    assert exc.message.endswith("needs a value")
    assert exc.message.startswith("'")


def test_unclosed_quote() -> None:
    exc = error('rutte "long-range')
    assert exc.column == 7
    assert exc.message == 'unclosed quote: add a closing "'
    assert error('tag:"open').column == 5


# --------------------------------------------------------------------------- str round trip
@pytest.mark.parametrize(
    "text, normal",
    [
        ("rutte escalation", "rutte escalation"),
        ('"long-range strikes"  -sanctions', '"long-range strikes" -sanctions'),
        ("who:Rutte speaker:x holder:y", "actor:rutte actor:x actor:y"),
        ("Kind:country is:star -status:under", "kind:country is:star -status:under"),
        ('tag:"red line" risk:high likelihood:low article:bloom', 'tag:"red line" risk:high likelihood:low article:bloom'),
        ('-"a b"', '-"a b"'),
    ],
)
def test_str_round_trip(text: str, normal: str) -> None:
    q = parse(text)
    assert str(q) == normal
    again = parse(str(q))
    assert [(t.field, t.value, t.negated) for t in again.terms] == [(t.field, t.value, t.negated) for t in q.terms]
    assert str(again) == normal


def test_term_str() -> None:
    assert str(Term(None, "x")) == "x"
    assert str(Term("tag", "a b", negated=True)) == '-tag:"a b"'


@pytest.mark.parametrize("text", ['"foo:bar"', '"-x"', '"a\tb"', '"is:star"', '"x\u00a0y"', '--x', '--"', 'a"b', '-"is:x"'])
def test_str_round_trip_quotes_values_that_need_it(text: str) -> None:
    q = parse(text)
    [t] = q.terms
    again = parse(str(q))
    assert [(u.field, u.value, u.negated) for u in again.terms] == [(t.field, t.value, t.negated)]


# --------------------------------------------------------------------------- narrows
def test_narrows() -> None:
    assert parse("rutte escalation").narrows(parse("rutte"))
    assert parse("rutte").narrows(parse("rutte"))
    assert parse("rutte").narrows(parse(""))
    assert parse("rutte").narrows(parse("rut"))
    assert parse("actor:rutte").narrows(parse("actor:rut"))
    assert parse("tag:esc kind:state").narrows(parse("tag:esc"))
    assert not parse("rut").narrows(parse("rutte"))
    assert not parse("rutte").narrows(parse("rutte escalation"))
    assert not parse("").narrows(parse("rutte"))
    # for negations and prefix-matched fields a longer value is not narrower
    assert not parse("-rutte").narrows(parse("-rut"))
    assert not parse("tag:escalation").narrows(parse("tag:esc"))
    assert not parse("status:under").narrows(parse("status:in"))


def test_terms_that_mean_the_same_narrow_each_other() -> None:
    """However a term is spelled (a prefix of a kind, a status, a level; upper or lower case)
    and wherever it stands, the same meaning is the same hits."""
    for a, b in (("kind:st", "kind:state"), ("status:under", 'status:"under discussion"'), ("is:star", "is:starred"),
                 ("NATO", "nato"), ("risk:h", "risk:high"), ("strikes rutte", "rutte strikes"), ("kind:org", "kind:organisation")):
        assert parse(a).narrows(parse(b)) and parse(b).narrows(parse(a)), (a, b)
    assert parse("nato  rutte").narrows(parse("rutte"))  # "rutte" at another column
    assert not parse("kind:state").narrows(parse("kind:person"))
    assert not parse("-kind:st").narrows(parse("kind:state"))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["rut", "rutte", "strikes", "long", "-rutte", "kind:state", "actor:r", "actor:rutte",
                        "is:quote", "tag:e", "tag:esc", "article:dprk", "-is:direct", "status:u", "kind:st", "Rutte"]),
       st.lists(st.sampled_from(["rutte", "e", "-moscow", "kind:person", "is:starred", "tag:dprk", "strikes",
                                 "kind:s", "STRIKES", 'status:"under discussion"']),
                max_size=3))
def test_narrows_is_sound(base: str, extra: list[str]) -> None:
    old, new = parse(base), parse(" ".join([base, *extra]))
    for a, b in ((new, old), (old, new)):
        if a.narrows(b):
            assert set(hits(a)) <= set(hits(b)), (str(a), str(b))


# --------------------------------------------------------------------------- robustness
_query_text = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(['"', "-", ":", " ", "is", "is:", "tag:", "kind:", "status:", "risk:", "who:",
                              "a", "x", "under", "star", "org", "\t", "\u00a0", "İ", "ß"]), max_size=12).map("".join),
)


@settings(max_examples=500, deadline=None)
@given(_query_text)
@example('""-')
@example('-"')
@example("kind:İ")
@example('--"')
@example('"-" - "a:b" -"-x"')
def test_parse_returns_query_or_raises_query_error(text: str) -> None:
    try:
        q = parse(text)
    except QueryError as exc:
        assert 1 <= exc.column <= len(text) + 1
        assert exc.message and "\n" not in exc.message
        return
    assert isinstance(q, Query)
    assert len(q.predicates) == len(q.terms)
    # the predicates can run on any row, with or without a note
    for name, row in ROWS.items():
        assert isinstance(q.matches(row, NOTES.get(name)), bool)
        assert isinstance(q.matches(row, None), bool)
    # and the canonical text parses back to the same terms
    again = parse(str(q))
    assert [(t.field, t.value, t.negated) for t in again.terms] == [(t.field, t.value, t.negated) for t in q.terms]
