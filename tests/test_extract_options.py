"""Options: one per course of action, with status, holder and the sentence as evidence."""

from __future__ import annotations

from tui.extract import extract


def _options(paragraphs):
    return extract("", paragraphs).options


def test_considering_is_under_discussion():
    sentence = "South Korea is considering sending weapons directly to Ukraine, according to an official."
    (opt,) = _options([sentence])
    assert opt.text.startswith("sending weapons directly to Ukraine")
    assert opt.status == "under discussion"
    assert opt.holder == "South Korea"
    assert opt.evidence == sentence


def test_option_for_holder_would_be_to():
    (opt,) = _options(["Another option for the United States would be to lift restrictions on long-range strikes."])
    assert opt.text == "lift restrictions on long-range strikes"
    assert opt.holder == "United States"


def test_ruled_out_is_rejected():
    (opt,) = _options(["Lawton said the United States had ruled out any exemption for a single ally."])
    assert opt.status == "rejected"
    assert "exemption" in opt.text


def test_sanctions_already_imposed_are_in_place():
    (opt,) = _options(["Sanctions have already been imposed on Moscow and Pyongyang."])
    assert opt.status == "in place"


def test_list_of_actions_gives_one_option_each():
    opts = _options(["These are the same tools that have always been there, including providing more military "
                     "aid or using frozen Russian assets."])
    assert [o.text for o in opts] == ["providing more military aid", "using frozen Russian assets"]
    assert {o.status for o in opts} == {"in place"}


def test_urged_is_proposed_and_should_is_proposed():
    opts = _options(["Washington should stop treating relief as a single switch."])
    assert opts[0].status == "proposed"
    assert opts[0].holder == "United States"


def test_plain_narration_is_not_an_option():
    assert _options(["The delegates met in Geneva on Tuesday and spoke for three hours."]) == []


def test_idea_of_a_demonym_holder():
    (opt,) = _options(["Landsbergis said the French idea to send Western personnel to Ukraine must be reconsidered."])
    assert opt.text.startswith("send Western personnel to Ukraine")
    assert opt.status == "proposed"


def test_two_courses_of_action_in_coordinated_clauses():
    opts = _options(["NATO could make its exercises more frequent, and the United Kingdom could base patrol "
                     "aircraft at Evenes."])
    assert [o.holder for o in opts] == ["NATO", "United Kingdom"]
    assert opts[1].text.startswith("base patrol aircraft")


def test_questions_are_not_options():
    assert _options(["Asked whether Washington would lift sanctions, the envoy declined to answer."]) == []


def test_clause_ends_before_a_participle():
    (opt,) = _options(["Chancellor Olaf Scholz ruled out sending Taurus missiles to Ukraine, citing the risk."])
    assert opt.text == "sending Taurus missiles to Ukraine"
    assert opt.holder == "Olaf Scholz"


def test_a_trigger_word_never_matches_inside_a_longer_word():
    options = extract("", ["The deal was announced after a meeting between the two ministers in Cúcuta."]).options
    assert not any(o.text.startswith("fter") for o in options)


def test_agreed_with_a_place_between_verb_and_action():
    options = extract("", ["Baltic allies agreed at a meeting in Stockholm to share more data on ship movements."]).options
    assert [o.text for o in options] == ["share more data on ship movements"]
    assert options[0].status == "adopted"
