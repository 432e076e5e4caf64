"""Reported speech: the clause alone, its speaker, direct=False."""

from __future__ import annotations

from tui.extract import extract


def _reported(paragraphs):
    return [(q.text, q.speaker) for q in extract("", paragraphs).quotes if not q.direct]


def test_said_that_clause():
    assert _reported(["Marguerite Aubry said that the technical obstacles were small."]) == [
        ("the technical obstacles were small", "Marguerite Aubry")]


def test_trailing_attribution_with_title():
    got = _reported(["North Korea is sending about 10,000 troops to the region, Pentagon spokeswoman "
                     "Sabrina Singh told reporters."])
    assert got == [("North Korea is sending about 10,000 troops to the region", "Sabrina Singh")]


def test_according_to_anonymous_official():
    got = _reported(["South Korea is considering sending weapons directly to Ukraine, according to a senior "
                     "South Korean official."])
    assert got[0][0] == "South Korea is considering sending weapons directly to Ukraine"
    assert got[0][1] == "senior South Korean official"


def test_pronoun_added():
    got = _reported(["Anne Dalton is a researcher at Rand.",
                     "This means Putin will not have to withdraw troops from the front, she added."])
    assert got == [("This means Putin will not have to withdraw troops from the front", "Anne Dalton")]


def test_told_reporters_that_and_adding_that():
    got = _reported(["Foreign Minister Amina Bello-Sani told reporters that the bloc was ready to act, "
                     "adding that diplomacy still had a chance."])
    assert got == [("the bloc was ready to act", "Amina Bello-Sani"),
                   ("diplomacy still had a chance", "Amina Bello-Sani")]


def test_state_as_speaker_through_capital():
    got = _reported(["Tehran has said it would respond to any such move by leaving the treaty."])
    assert got == [("it would respond to any such move by leaving the treaty", "Iran")]


def test_outlet_narration_is_not_a_statement():
    assert _reported(["Sanctions have already been imposed on Moscow, Bloomberg notes."]) == []


def test_clause_carried_by_a_fragment_keeps_only_the_fragment():
    paras = ["Chinese officials have warned that sales would \u201cpoison the atmosphere\u201d for the talks."]
    assert _reported(paras) == []


def test_two_speakers_in_one_sentence():
    got = _reported(["Hamas said it had accepted the proposal, while Israel said it would continue its operation."])
    assert got == [("it had accepted the proposal", "Hamas"), ("it would continue its operation", "Israel")]


def test_contrast_clause_is_not_part_of_the_claim():
    got = _reported(["Mr. Smith said the plan would fail, but Ms. Jones disagreed."])
    assert got == [("the plan would fail", "Smith")]


def test_participial_phrase_after_the_name_is_skipped():
    got = _reported(["Two officials, speaking on condition of anonymity, said Manila was weighing a request for escorts."])
    assert got == [("Manila was weighing a request for escorts", "Two officials")]


def test_noun_phrase_after_a_verb_is_not_a_claim():
    assert _reported(["Norway and Russia still maintain a coast guard hotline dating from 1990."]) == []
