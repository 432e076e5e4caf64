"""Tests for tui.data.gazetteer: states, organisations, aliases and demonyms."""

from __future__ import annotations

import pytest

from tui.data import gazetteer as gz
from tui.data.gazetteer import (
    ORGANIZATIONS,
    canonical,
    lookup,
    lookup_demonym,
)


# ---------------------------------------------------------------- aliases


@pytest.mark.parametrize(
    ("alias", "expected"),
    [
        ("Moscow", "Russia"),
        ("Russian Federation", "Russia"),
        ("Russia", "Russia"),
        ("Pyongyang", "North Korea"),
        ("DPRK", "North Korea"),
        ("Democratic People's Republic of Korea", "North Korea"),
        ("North Korea", "North Korea"),
        ("Washington", "United States"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("USA", "United States"),
        ("U.S.A.", "United States"),
        ("America", "United States"),
        ("United States of America", "United States"),
        ("Seoul", "South Korea"),
        ("ROK", "South Korea"),
        ("Republic of Korea", "South Korea"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("the Ukraine", "Ukraine"),
        ("Beijing", "China"),
        ("PRC", "China"),
        ("People's Republic of China", "China"),
        ("Taipei", "Taiwan"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("London", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("Tehran", "Iran"),
        ("Damascus", "Syria"),
        ("Czech Republic", "Czechia"),
        ("Prague", "Czechia"),
        ("Vilnius", "Lithuania"),
        ("Burma", "Myanmar"),
        ("Ivory Coast", "Côte d'Ivoire"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Holy See", "Vatican City"),
        ("the Vatican", "Vatican City"),
        ("Pristina", "Kosovo"),
        ("State of Palestine", "Palestine"),
        ("Swaziland", "Eswatini"),
        ("East Timor", "Timor-Leste"),
        ("Cape Verde", "Cabo Verde"),
        ("Holland", "Netherlands"),
        ("the Netherlands", "Netherlands"),
        ("The Gambia", "Gambia"),
        ("the Bahamas", "Bahamas"),
        ("St. Lucia", "Saint Lucia"),
        ("Trinidad & Tobago", "Trinidad and Tobago"),
    ],
)
def test_state_aliases(alias: str, expected: str) -> None:
    ent = lookup(alias)
    assert ent is not None, alias
    assert ent.name == expected
    assert ent.kind == "state"
    assert canonical(alias) == expected


def test_aliases_of_one_state_return_the_same_entity() -> None:
    russia = lookup("Russia")
    assert lookup("Moscow") is russia
    assert lookup("Russian Federation") is russia
    us = lookup("United States")
    for alias in ("Washington", "U.S.", "US", "USA", "U.S.A.", "America"):
        assert lookup(alias) is us


@pytest.mark.parametrize(
    "name", ["Brussels", "Korea", "Jerusalem", "The Hague", "the States", "Europe", "", "   ", "the"]
)
def test_ambiguous_or_unknown_names_are_unmapped(name: str) -> None:
    assert lookup(name) is None
    assert canonical(name) is None


def test_non_strings_are_unmapped() -> None:
    assert lookup(None) is None  # type: ignore[arg-type]
    assert lookup_demonym(42) is None  # type: ignore[arg-type]


def test_similar_names_stay_separate() -> None:
    names = {
        "Guinea": "Guinea",
        "Guinea-Bissau": "Guinea-Bissau",
        "Guinea Bissau": "Guinea-Bissau",
        "Equatorial Guinea": "Equatorial Guinea",
        "Papua New Guinea": "Papua New Guinea",
        "Congo": "Congo",
        "Republic of the Congo": "Congo",
        "Brazzaville": "Congo",
        "DR Congo": "DR Congo",
        "D.R. Congo": "DR Congo",
        "DRC": "DR Congo",
        "Democratic Republic of the Congo": "DR Congo",
        "Kinshasa": "DR Congo",
        "Niger": "Niger",
        "Nigeria": "Nigeria",
        "Sudan": "Sudan",
        "South Sudan": "South Sudan",
        "Dominica": "Dominica",
        "Dominican Republic": "Dominican Republic",
        "Georgia": "Georgia",
        "Jordan": "Jordan",
        "Chad": "Chad",
    }
    for alias, expected in names.items():
        assert canonical(alias) == expected, alias


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "Kremlin"),
        ("The Kremlin", "Kremlin"),
        ("the Kremlin's", "Kremlin"),
        ("the Kremlin\u2019s", "Kremlin"),
        ("Russia's", "Russia"),
        ("Russia\u2019s", "Russia"),
        ("  Russia  ", "Russia"),
        ("RUSSIA", "Russia"),
        ("russian federation", "Russia"),
        ("The New York Times", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("the New York Times", "The New York Times"),
        ("Côte d'Ivoire", "Côte d'Ivoire"),
        ("Côte d\u2019Ivoire", "Côte d'Ivoire"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("Élysée", "Élysée"),
        ("Elysee", "Élysée"),
        ("the U.S.'s", "United States"),
        ("Reuters'", "Reuters"),
        ("al-Qaeda", "al-Qaeda"),
        ("al Qaeda", "al-Qaeda"),
        ("Al-Qaida", "al-Qaeda"),
        ("G-7", "G7"),
        ("G7", "G7"),
        ("No. 10", "Downing Street"),
        ("Porto\u2011Novo", "Benin"),
        ("Bosnia\u2013Herzegovina", "Bosnia and Herzegovina"),
    ],
)
def test_normalisation(text: str, expected: str) -> None:
    assert canonical(text) == expected


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        ("US", ["us", "Us"]),
        ("UN", ["un", "Un"]),
        ("EU", ["eu", "Eu"]),
        ("AP", ["ap", "Ap"]),
        ("WHO", ["who", "Who"]),
        ("NATO", ["nato"]),
        ("Chad", ["chad"]),
        ("Turkey", ["turkey"]),
        ("China", ["china"]),
        ("Japan", ["japan"]),
        ("The Guardian", ["guardian"]),
        ("The Economist", ["economist"]),
        ("Pentagon", ["pentagon"]),
        ("White House", ["white house"]),
    ],
)
def test_short_and_word_like_forms_are_case_sensitive(good: str, bad: list[str]) -> None:
    assert lookup(good) is not None
    for text in bad:
        assert lookup(text) is None, text


def test_case_variants_that_do_match() -> None:
    assert canonical("Nato") == "NATO"
    assert canonical("U.N.") == "United Nations"
    assert canonical("UN") == "United Nations"
    assert canonical("TURKEY") == "Turkey"
    assert canonical("GUARDIAN") == "The Guardian"
    assert canonical("north korea") == "North Korea"  # long forms: case-insensitive
    assert canonical("democratic people's republic of korea") == "North Korea"


# ---------------------------------------------------------------- organisations


def test_kremlin_is_an_organisation_linked_to_russia() -> None:
    kremlin = lookup("the Kremlin")
    assert kremlin is not None
    assert kremlin.name == "Kremlin"
    assert kremlin.kind == "organization"
    assert kremlin.state == "Russia"
    assert kremlin is not lookup("Russia")


@pytest.mark.parametrize(
    ("alias", "name", "kind", "state"),
    [
        ("North Atlantic Treaty Organization", "NATO", "organization", None),
        ("EU", "European Union", "organization", None),
        ("European Commission", "European Commission", "organization", None),
        ("UN Security Council", "UN Security Council", "organization", None),
        ("U.N. Security Council", "UN Security Council", "organization", None),
        ("UNSC", "UN Security Council", "organization", None),
        ("International Atomic Energy Agency", "IAEA", "organization", None),
        ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "organization", None),
        ("Defense Department", "Pentagon", "organization", "United States"),
        ("US Department of Defense", "Pentagon", "organization", "United States"),
        ("the Pentagon", "Pentagon", "organization", "United States"),
        ("State Department", "State Department", "organization", "United States"),
        ("the White House", "White House", "organization", "United States"),
        ("Élysée Palace", "Élysée", "organization", "France"),
        ("Downing Street", "Downing Street", "organization", "United Kingdom"),
        ("Mossad", "Mossad", "organization", "Israel"),
        ("Hamas", "Hamas", "group", None),
        ("Hezbollah", "Hezbollah", "group", None),
        ("the Houthis", "Houthis", "group", None),
        ("Taliban", "Taliban", "group", None),
        ("Wagner", "Wagner Group", "group", None),
        ("ISIS", "Islamic State", "group", None),
        ("RAND", "RAND Corporation", "organization", None),
        ("CNAS", "Center for a New American Security", "organization", None),
        ("Brookings", "Brookings Institution", "organization", None),
        ("CFR", "Council on Foreign Relations", "organization", None),
        ("ISW", "Institute for the Study of War", "organization", None),
        ("Associated Press", "Associated Press", "organization", None),
        ("AFP", "Agence France-Presse", "organization", None),
        ("Agence France Presse", "Agence France-Presse", "organization", None),
        ("WSJ", "The Wall Street Journal", "organization", None),
        ("Yonhap", "Yonhap", "organization", None),
        ("KCNA", "KCNA", "organization", "North Korea"),
        ("Al-Jazeera", "Al Jazeera", "organization", None),
        ("Deutsche Welle", "Deutsche Welle", "organization", None),
    ],
)
def test_organisations(alias: str, name: str, kind: str, state: str | None) -> None:
    ent = lookup(alias)
    assert ent is not None, alias
    assert (ent.name, ent.kind, ent.state) == (name, kind, state)
    assert ent.role


def test_org_roles() -> None:
    assert lookup("Reuters").role == "news agency"
    assert lookup("NATO").role == "military alliance"
    assert lookup("Chatham House").role == "think tank"
    assert lookup("Pentagon").role == "US Department of Defense"


def test_org_state_links_point_at_states() -> None:
    linked = [org for org in ORGANIZATIONS if org.state is not None]
    assert linked
    for org in linked:
        state = lookup(org.state)
        assert state is not None and state.kind == "state" and state.name == org.state, org.name


# ---------------------------------------------------------------- demonyms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Russian", "Russia"),
        ("Russians", "Russia"),
        ("North Korean", "North Korea"),
        ("North Koreans", "North Korea"),
        ("South Korean", "South Korea"),
        ("Ukrainian", "Ukraine"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("Americans'", "United States"),
        ("French", "France"),
        ("Frenchman", "France"),
        ("Lithuanian", "Lithuania"),
        ("British", "United Kingdom"),
        ("Briton", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("Chinese", "China"),
        ("Taiwanese", "Taiwan"),
        ("Israeli", "Israel"),
        ("Palestinian", "Palestine"),
        ("Palestinians", "Palestine"),
        ("Iranian", "Iran"),
        ("Saudi", "Saudi Arabia"),
        ("Emirati", "United Arab Emirates"),
        ("Dutch", "Netherlands"),
        ("Polish", "Poland"),
        ("Poles", "Poland"),
        ("Filipino", "Philippines"),
        ("Nigerien", "Niger"),
        ("Nigerian", "Nigeria"),
        ("Guinean", "Guinea"),
        ("Bissau-Guinean", "Guinea-Bissau"),
        ("Papua New Guinean", "Papua New Guinea"),
        ("Sudanese", "Sudan"),
        ("South Sudanese", "South Sudan"),
        ("Dominican", "Dominican Republic"),
        ("Monegasque", "Monaco"),
        ("Burkinabe", "Burkina Faso"),
        ("Czech", "Czechia"),
        ("Czechs", "Czechia"),
        ("Thai", "Thailand"),
        ("Lao", "Laos"),
    ],
)
def test_demonyms(word: str, expected: str) -> None:
    ent = lookup_demonym(word)
    assert ent is not None, word
    assert ent.name == expected


@pytest.mark.parametrize("word", ["Korean", "Congolese", "European", "polish", "dutch", "russia", "Laos"])
def test_ambiguous_or_non_demonyms(word: str) -> None:
    assert lookup_demonym(word) is None


def test_lookup_and_lookup_demonym_are_separate() -> None:
    assert lookup("Russian") is None
    assert lookup_demonym("Russia") is None
    assert gz.lookup_any("Russian") is lookup("Russia")
    assert gz.lookup_any("Moscow") is lookup("Russia")


def test_no_bogus_plurals() -> None:
    assert "Frenchmans" not in lookup("France").demonyms
    assert "Icelandics" not in lookup("Iceland").demonyms
    assert "Chineses" not in lookup("China").demonyms
    assert "Germans" in lookup("Germany").demonyms
