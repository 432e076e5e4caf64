"""Who said it: names, titles, pronouns, definite descriptions, organisations, anonymous sources."""

from __future__ import annotations

from tui.extract import extract


def _speakers(paragraphs):
    return [(q.text, q.speaker) for q in extract("", paragraphs).quotes if q.direct]


def test_pronoun_resolves_to_last_person_of_that_gender():
    paras = ["Oksana Hrytsenko met Pavel Surikov in Istanbul.",
             "\u201cWe proposed it first,\u201d she said."]
    assert _speakers(paras) == [("We proposed it first,", "Oksana Hrytsenko")]


def test_title_back_reference_the_minister():
    paras = ["Defense Minister Kenta Morishita presented the budget on Friday.",
             "\"We must have the capability to deter any attempt,\" the minister said."]
    assert _speakers(paras)[0][1] == "Kenta Morishita"


def test_the_official_refers_to_the_anonymous_official_already_quoted():
    paras = ["A senior Defense Ministry official said Chinese ships were present almost every day. "
             "\"It is a daily reality, not a hypothetical,\" the official said."]
    assert _speakers(paras)[0][1] == "senior Defense Ministry official"


def test_appositive_speaker_with_organisation():
    paras = ["\u201cTurkey wants the straits busy,\u201d said Emre Kaplan, a researcher at the Centre for "
             "Economics and Foreign Policy Studies."]
    assert _speakers(paras)[0][1] == "Emre Kaplan"


def test_outlet_narrator_for_the_publication():
    paras = ["Allies have few options, Bloomberg reports.",
             "\u201cThe United States and Europe have few ways to respond,\u201d the publication points out."]
    assert _speakers(paras)[0][1] == "Bloomberg"


def test_anonymous_source_is_descriptive():
    paras = ["\u201cThe Germans sell too many cars in Shanghai,\u201d said one European diplomat."]
    assert _speakers(paras)[0][1] == "one European diplomat"


def test_organisation_speaks_through_a_statement():
    paras = ["The Ministry of Foreign Affairs of Armenia issued a statement on Thursday.",
             "\u201cArmenia has never opposed the unblocking of communications,\u201d the statement said."]
    assert _speakers(paras)[0][1] == "Ministry of Foreign Affairs of Armenia"


def test_quote_without_any_attribution_continues_previous_speaker():
    paras = ["\u201cWe are not starting from zero,\u201d Oktay Demirel told reporters. "
             "\u201cThe procedures exist.\u201d"]
    assert [s for _, s in _speakers(paras)] == ["Oktay Demirel", "Oktay Demirel"]


def test_speaker_between_two_halves_of_a_quote():
    paras = ["Kremlin spokesman Dmitry Peskov declined to comment. "
             "\u201cWe will not,\u201d he said, \u201caccept any ultimatum.\u201d"]
    assert [s for _, s in _speakers(paras)] == ["Dmitry Peskov", "Dmitry Peskov"]


def test_short_answer_after_colon_is_a_quote():
    paras = ["Asked whether Washington would lift sanctions, Secretary of State Marco Rubio replied: \"Not yet.\""]
    assert _speakers(paras) == [("Not yet.", "Marco Rubio")]


def test_participle_phrase_between_name_and_verb():
    paras = ["Ambassador Greg Lawton, also speaking to CNN, made clear that Washington\u2019s patience was limited."]
    got = [(q.text, q.speaker) for q in extract("", paras).quotes]
    assert got == [("Washington\u2019s patience was limited", "Greg Lawton")]


def test_its_institution_belongs_to_the_sentence_state():
    paras = ["China called on both sides to avoid escalation, according to its foreign ministry."]
    got = [(q.text, q.speaker) for q in extract("", paras).quotes]
    assert got and got[0][1] == "China"


def test_an_appositive_office_leaves_the_person_before_it_the_speaker():
    quotes = extract("", ["In Riyadh, His Excellency Turki bin Nasser Al Dosari, Saudi Arabia’s Ambassador to Yemen, "
                          "said the kingdom supported the framework “in all its phases.”"]).quotes
    assert quotes and all(q.speaker == "Turki bin Nasser Al Dosari" for q in quotes)


def test_transcript_turns_are_direct_quotes_of_the_labelled_speaker_and_run_on():
    quotes = extract("", [
        "Matthew Halvorsen, Deputy Spokesperson",
        "MR HALVORSEN: Good afternoon. I'll take your questions.",
        "Today we are imposing visa restrictions on 31 officials.",
        "QUESTION: Does this end the partnership?",
        "MR HALVORSEN: No. As Secretary Whitmore put it, “We are not walking away.”",
        "Halvorsen said later that the door was open.",
    ]).quotes
    got = [(q.speaker, q.text) for q in quotes if q.direct]
    assert got[0] == ("Matthew Halvorsen", "Good afternoon. I'll take your questions. "
                                           "Today we are imposing visa restrictions on 31 officials.")
    assert got[1] == ("a reporter", "Does this end the partnership?")
    assert got[2][0] == "Matthew Halvorsen"
    assert ("Whitmore", "We are not walking away.") in got
    assert not any("door was open" in t for _, t in got)
