"""Actors: people with roles, organisations, states by capital and demonym, one actor per entity."""

from __future__ import annotations

from tui.extract import extract


def _actors(paragraphs, title=""):
    return {a.name: a for a in extract(title, paragraphs).actors}


def test_title_before_name_and_surname_alias():
    actors = _actors(["Secretary General of NATO Mark Rutte met ministers in Brussels.",
                      "Rutte said the alliance would respond."])
    rutte = actors["Mark Rutte"]
    assert rutte.kind == "person"
    assert rutte.role == "Secretary General of NATO"
    assert "Rutte" in rutte.aliases
    assert "NATO" in actors
    assert sum(1 for a in actors.values() if a.kind == "person") == 1


def test_capital_and_demonym_make_states():
    actors = _actors(["Moscow rejected the plan, and South Korean officials were briefed.",
                      "Lithuanian Minister of Foreign Affairs Gabrielius Landsbergis backed the French idea."])
    assert actors["Russia"].kind == "state"
    assert "Moscow" in actors["Russia"].aliases
    for state in ("South Korea", "Lithuania", "France"):
        assert actors[state].kind == "state"
    assert actors["Gabrielius Landsbergis"].role == "Lithuanian Minister of Foreign Affairs"


def test_no_garbage_from_sentence_initial_capitals():
    actors = _actors(["However, the talks stalled. Last weekend the envoy left. On Tuesday nothing moved.",
                      "Sanctions have been imposed. In January, Officials met again."])
    assert actors == {}


def test_organisation_by_keyword_and_appositive_role():
    actors = _actors(["Emre Kaplan, a researcher at the Istanbul-based Centre for Economics and Foreign "
                      "Policy Studies, said Ankara was interested."])
    assert actors["Emre Kaplan"].kind == "person"
    assert actors["Emre Kaplan"].role.startswith("researcher at")
    assert actors["Centre for Economics and Foreign Policy Studies"].kind == "organization"
    assert actors["Turkey"].kind == "state"


def test_state_institution_in_lower_case():
    actors = _actors(["Venezuela's foreign ministry rejected the statement."])
    ministry = actors["Venezuelan Foreign Ministry"]
    assert ministry.kind == "organization"
    assert "Venezuela's foreign ministry" in ministry.aliases


def test_venue_capital_and_credited_outlet_are_not_actors():
    actors = _actors(["MUSCAT, Oman (AP) \u2014 Talks could resume in Rome, Omani officials said.",
                      "Associated Press writer Parisa Hosseini contributed to this report."])
    assert "Italy" not in actors
    assert "Associated Press" not in actors
    assert "Parisa Hosseini" not in actors
    assert "Oman" in actors


def test_cited_outlet_is_an_actor():
    actors = _actors(["Two diplomats told Reuters the talks had stalled."])
    assert actors["Reuters"].kind == "organization"


def test_person_needs_a_signal():
    actors = _actors(["Ships crossed the Black Sea near Kursk Region without incident."])
    assert all(a.kind != "person" for a in actors.values())


def test_gazetteer_form_with_inner_possessive():
    actors = _actors(["Ships of the People\u2019s Liberation Army sailed near Taiwan."])
    assert "People\u2019s Liberation Army" in actors or "People's Liberation Army" in actors


def test_organisation_from_preceding_org_noun():
    actors = _actors(["Ines Vandersteen, an analyst at the Brussels think tank Bruegel, said prices would hold."])
    assert actors["Bruegel"].kind == "organization"
    assert "Brussels" not in actors


def test_name_after_an_acronym_timestamp():
    actors = _actors(["13:50 GMT Fatima Diallo-Sy, a Sahel researcher, has sent us her view."])
    assert actors["Fatima Diallo-Sy"].kind == "person"


def test_opening_word_after_a_quote_mark_and_places_after_in_are_no_people():
    actors = _actors(["“If Europe wants to be a power, it must pay,” Anne Marchal said.",
                      "Diplomats in New York said the vote would slip, and troops near Kherson waited."])
    people = [a.name for a in actors.values() if a.kind == "person"]
    assert people == ["Anne Marchal"]


def test_four_part_names_keep_their_first_given_name_and_answer_to_the_first_surname():
    actors = _actors(["The talks joined Venezuela’s Foreign Minister, Yolanda Mercedes Ordóñez Pacheco. Brazil watched.",
                      "Ordóñez was careful to rule out a joint operation."])
    assert "Yolanda Mercedes Ordóñez Pacheco" in actors
    assert not any(n.startswith("Mercedes") for n in actors)


def test_honorifics_are_not_roles_and_a_given_name_title_joins_the_full_name():
    actors = _actors(["In Riyadh, His Excellency Turki bin Nasser Al Dosari, Saudi Arabia’s Ambassador to Yemen, "
                      "said the kingdom supported the plan.",
                      "Sheikh Mansour bin Saif Al Hajri announced the pledge. Later, Sheikh Mansour spoke to reporters."])
    assert actors["Turki bin Nasser Al Dosari"].role == "Saudi Arabia’s Ambassador to Yemen"
    assert "Mansour" not in actors
    assert actors["Mansour bin Saif Al Hajri"].kind == "person"


def test_an_al_prefixed_institute_is_one_organisation_and_a_byline_names_nobody():
    actors = _actors(["Karim Nassar · November 18, 2025",
                      "Maryam Al Shehhi, a senior fellow at the Al Multaqa Centre for Gulf Studies, said so."])
    assert actors["Al Multaqa Centre for Gulf Studies"].kind == "organization"
    assert "Karim Nassar" not in actors and "Al Multaqa" not in actors


def test_bylines_and_credits_in_outlet_styles_name_no_actors():
    actors = _actors(["Harriet Mulvey in Brussels and Sami Ben Youssef in Tunis",
                      "--With assistance from Sara Nieuwenhuis and Jing Li.",
                      "About the author: Helen Marrow is a research associate at the Atlantic Policy Forum."])
    assert not [a for a in actors.values() if a.kind == "person"]


def test_a_title_in_the_segment_before_a_name_gives_the_role():
    actors = _actors(["A delegation led by China’s Vice Minister of Public Security, Zhou Kexin, attended but did not speak.",
                      "The EU's special representative for the dialogue, Karin Lindqvist, is in Pristina."])
    assert actors["Zhou Kexin"].role == "China’s Vice Minister of Public Security"
    assert actors["Karin Lindqvist"].role == "EU's special representative for the dialogue"
