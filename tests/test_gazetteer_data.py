"""Tests for tui.data.gazetteer's tables: integrity (counts, well-formed entries, unique forms) and layering."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from tui.data import gazetteer as gz
from tui.data.gazetteer import (
    ALL_SURFACE_FORMS,
    ORGANIZATIONS,
    STATES,
    Entity,
    lookup,
    max_words,
)

DATA_DIR = Path(gz.__file__).parent


# ---------------------------------------------------------------- data integrity


def test_state_counts() -> None:
    members = [s for s in STATES if s.role == "UN member state"]
    assert len(members) == 193
    names = {s.name for s in STATES}
    assert len(names) == len(STATES)
    assert {"Taiwan", "Kosovo", "Palestine", "Vatican City", "Western Sahara"} <= names
    assert all(s.kind == "state" for s in STATES)


def test_every_state_has_an_alias_or_demonym() -> None:
    for state in STATES:
        assert state.aliases or state.demonyms, state.name


def test_orgs_are_well_formed() -> None:
    names = [o.name for o in ORGANIZATIONS]
    assert len(names) == len(set(names))
    assert len(ORGANIZATIONS) >= 100
    for org in ORGANIZATIONS:
        assert org.kind in {"organization", "group"}, org.name
        assert org.role, org.name
        assert org.demonyms == ()


def test_every_form_is_indexed_to_its_entity() -> None:
    for ent in STATES + ORGANIZATIONS:
        for form in (ent.name, *ent.aliases, *ent.demonyms):
            assert ALL_SURFACE_FORMS[gz._surface(form).casefold()] is ent, form
    assert all(key == key.casefold() for key in ALL_SURFACE_FORMS)


def test_build_rejects_a_form_claimed_twice() -> None:
    a = Entity("Alpha", "state", "UN member state", ("Shared Name",))
    b = Entity("Beta", "organization", "think tank", ("shared name",))
    with pytest.raises(ValueError, match="claimed by both"):
        gz._build_index([a, b])
    # Dots and a leading "the" do not make two forms different.
    c = Entity("Gamma", "organization", "news agency", ("the U.S.",))
    d = Entity("Delta", "state", "UN member state", ("US",))
    with pytest.raises(ValueError, match="claimed by both"):
        gz._build_index([c, d])
    # A demonym clashing with another entity's alias is a collision too.
    e = Entity("Epsilon", "state", "UN member state", (), ("Zetan",))
    f = Entity("Zeta", "group", "militant group", ("Zetan",))
    with pytest.raises(ValueError, match="claimed by both"):
        gz._build_index([e, f])


def test_build_rejects_bad_kinds_and_state_links() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        gz._build_index([Entity("X", "city", "place", ("Y",))])
    with pytest.raises(ValueError, match="unknown state"):
        gz._build_index([Entity("X", "organization", "ministry", (), (), "Atlantis")])


def test_same_entity_may_repeat_a_form() -> None:
    a = Entity("Alpha", "state", "UN member state", ("U.S.", "US"))
    assert gz._build_index([a]).forms["us"] is a


def test_max_words() -> None:
    longest = max(len(key.split()) for key in ALL_SURFACE_FORMS)
    assert max_words() == longest
    assert max_words() >= len("United Kingdom of Great Britain and Northern Ireland".split())


def test_entity_is_frozen_and_hashable() -> None:
    russia = lookup("Russia")
    with pytest.raises(dataclasses.FrozenInstanceError):
        russia.name = "USSR"  # type: ignore[misc]
    assert {russia, lookup("Moscow")} == {russia}


# ---------------------------------------------------------------- layering


def test_imports_only_stdlib() -> None:
    allowed = set(sys.stdlib_module_names) | {"tui"}
    for name in ("gazetteer.py", "gazetteer_states.py", "gazetteer_orgs.py"):
        tree = ast.parse((DATA_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                roots = {(node.module or "").split(".")[0]}
            else:
                continue
            assert roots <= allowed, (name, roots)


def test_import_does_not_pull_in_textual() -> None:
    code = "import sys, tui.data.gazetteer; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=DATA_DIR.parents[1])
