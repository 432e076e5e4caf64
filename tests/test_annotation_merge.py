"""Property tests (Hypothesis) for the per-field merge of annotation changes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.data.annotations import Annotation, merge

from journal_helpers import change


# --------------------------------------------------------------------------- merge properties
ENTRIES = st.sampled_from(["e1", "e2"])
SESSIONS = st.sampled_from(["A", "B", "C"])
TAGS = st.sampled_from(["x", "y", "z"])
OPS = st.one_of(
    st.tuples(st.just("set"), st.just("note"), st.text(alphabet="ab c\n", max_size=5)),
    st.tuples(st.just("set"), st.just("star"), st.booleans()),
    st.tuples(st.just("set"), st.sampled_from(["risk", "likelihood"]), st.sampled_from(["", "low", "medium", "high"])),
    st.tuples(st.sampled_from(["tag+", "tag-"]), st.just("tags"), TAGS),
    st.tuples(st.just("set"), st.just("tags"), st.lists(TAGS, max_size=3)),
)


@st.composite
def change_lists(draw) -> list[dict]:
    raw = draw(st.lists(st.tuples(ENTRIES, OPS, st.integers(0, 20), SESSIONS), max_size=25))
    # (by, seq) is unique per change, as it is for real sessions.
    return [change(eid, op, fld, val, float(ts), by=by, seq=i) for i, (eid, (op, fld, val), ts, by) in enumerate(raw)]


def reference_merge(changes: list[dict]) -> dict[str, Annotation]:
    """Naive model: sort by (ts, by, seq) and apply one after another."""
    state: dict[str, dict] = {}
    for c in sorted(changes, key=lambda c: (c["ts"], c["by"], c["seq"])):
        a = state.setdefault(c["id"], {"note": "", "tags": set(), "star": False, "risk": "", "likelihood": ""})
        if c["op"] == "tag+":
            a["tags"].add(c["value"])
        elif c["op"] == "tag-":
            a["tags"].discard(c["value"])
        elif c["field"] == "tags":
            a["tags"] = set(c["value"])
        else:
            a[c["field"]] = c["value"]
    out = {eid: Annotation(**{**a, "tags": frozenset(a["tags"])}) for eid, a in state.items()}
    return {eid: a for eid, a in out.items() if a.annotated}


@settings(max_examples=200, deadline=None)
@given(change_lists(), st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_matches_sorted_application(changes, rnd) -> None:
    shuffled = list(changes)
    rnd.shuffle(shuffled)
    assert merge(shuffled) == merge(changes) == reference_merge(changes)


@settings(max_examples=200, deadline=None)
@given(change_lists(), st.randoms(use_true_random=False))
def test_merge_is_idempotent(changes, rnd) -> None:
    doubled = changes + [dict(c) for c in changes]
    rnd.shuffle(doubled)
    assert merge(doubled) == merge(changes)
    assert merge(changes + changes[:1]) == merge(changes)


@given(change_lists(), TAGS, TAGS, st.floats(0, 1e9), st.floats(0, 1e9))
def test_tags_added_in_two_sessions_both_survive(history, t1, t2, ts_a, ts_b) -> None:
    # Whatever happened before, two later concurrent adds of different tags both survive.
    top = max([c["ts"] for c in history], default=0.0) + 1
    adds = [change("e1", "tag+", "tags", t1, top + ts_a, by="A", seq=10_000),
            change("e1", "tag+", "tags", t2, top + ts_b, by="B", seq=10_001)]
    assert {t1, t2} <= merge(history + adds)["e1"].tags
    assert {t1, t2} <= merge(adds + history)["e1"].tags


@given(st.lists(st.tuples(st.floats(-1e9, 1e9, allow_nan=False), SESSIONS, st.text(alphabet="xyz", max_size=4)), min_size=1, max_size=20))
def test_latest_timestamp_wins_for_scalar_fields(writes) -> None:
    changes = [change("e", "set", "note", text, ts, by=by, seq=i) for i, (ts, by, text) in enumerate(writes)]
    winner = max(changes, key=lambda c: (c["ts"], c["by"], c["seq"]))
    got = merge(changes).get("e", Annotation())
    assert got.note == winner["value"]
    assert merge(reversed(changes)).get("e", Annotation()) == got


def test_merge_ignores_invalid_records() -> None:
    assert merge([{"nope": 1}, change("e", "set", "risk", "huge", 1.0), "text", None]) == {}
