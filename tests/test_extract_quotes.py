"""Direct quotations: marks, apostrophes, multi-paragraph quotes, scare quotes."""

from __future__ import annotations

from tui.extract import extract


def _direct(paragraphs, title=""):
    return [q for q in extract(title, paragraphs).quotes if q.direct]


def test_curly_quote_with_speaker_after():
    qs = _direct(["\u201cWe will not back down,\u201d Foreign Minister Anna Kowalska said on Monday."])
    assert [q.text for q in qs] == ["We will not back down,"]
    assert qs[0].speaker == "Anna Kowalska"
    assert qs[0].paragraph == 0


def test_straight_quotes_and_said_before_speaker():
    qs = _direct(['"The talks were useful," said Peter Lindqvist, a diplomat at the Swedish embassy.'])
    assert qs[0].text == "The talks were useful,"
    assert qs[0].speaker == "Peter Lindqvist"


def test_british_single_quotes_keep_apostrophes_inside():
    qs = _direct(["\u2018We don\u2019t accept Biden\u2019s terms, and the allies\u2019 position hasn\u2019t changed,\u2019 "
                  "Ms Helen Marsh told reporters."])
    assert len(qs) == 1
    assert qs[0].text.startswith("We don\u2019t accept Biden\u2019s terms")
    assert qs[0].text.endswith("changed,")
    assert qs[0].speaker == "Helen Marsh"


def test_decade_apostrophe_is_not_a_quote():
    qs = _direct(["Relations have not been this bad since the \u201990s, officials in Seoul say."])
    assert qs == []


def test_nested_single_quotes_inside_double_stay_in_one_quote():
    qs = _direct(["\u201cThey keep saying \u2018never again\u2019 and then do it again,\u201d said Omar Haddad."])
    assert len(qs) == 1
    assert "never again" in qs[0].text


def test_quote_running_over_paragraphs_is_one_quote():
    paras = [
        "Oksana Hrytsenko, the deputy minister, rejected the demand.",
        "\u201cA ceasefire at sea is welcome,\u201d Hrytsenko said. \u201cBut it has to cover the ports.",
        "\u201cIf they want a deal, they can stop the strikes tomorrow.\u201d",
    ]
    qs = _direct(paras)
    assert len(qs) == 2
    assert qs[1].text.startswith("But it has to cover the ports.")
    assert qs[1].text.endswith("stop the strikes tomorrow.")
    assert qs[1].speaker == "Oksana Hrytsenko"
    assert qs[1].paragraph == 1


def test_fragment_inside_reported_speech():
    qs = _direct(["NATO Secretary General Mark Rutte called the deployment a \u201csignificant escalation\u201d "
                  "on Monday."])
    assert [q.text for q in qs] == ["significant escalation"]
    assert qs[0].speaker == "Mark Rutte"


def test_scare_quotes_are_not_statements():
    qs = _direct(["Tankers in the so-called \u201cshadow fleet\u201d kept sailing through the strait."])
    assert qs == []


def test_colon_introduced_quote():
    qs = _direct(["Defence Minister Tore Vangen was blunt: \u201cWe will not be intimidated in our own waters.\u201d"])
    assert qs[0].speaker == "Tore Vangen"


def test_unattributed_quote_has_no_speaker():
    qs = _direct(["\u201cThe ice decides\u201d was for centuries the first rule of Arctic seafaring."])
    assert all(q.speaker is None for q in qs)


def test_transcript_lines_are_quotes_of_the_labelled_speaker():
    paras = [
        "Spanish Defence Minister Lucia Ferrer spoke to CNN's Dana Whitfield.",
        "WHITFIELD: Will Spain sign the declaration?",
        "FERRER: Spain will sign the declaration.",
    ]
    qs = _direct(paras)
    assert [(q.text, q.speaker) for q in qs] == [
        ("Will Spain sign the declaration?", "Dana Whitfield"),
        ("Spain will sign the declaration.", "Lucia Ferrer"),
    ]


def test_quotes_in_bullet_list_sentences():
    paras = ["Key points \u2022 Leaders met in Abuja \u2022 Nigeria\u2019s foreign minister says the bloc is ready "
             "to use force if diplomacy fails"]
    got = [(q.text, q.speaker, q.direct) for q in extract("", paras).quotes]
    assert got == [("the bloc is ready to use force if diplomacy fails", "Nigeria\u2019s foreign minister", False)] or \
        (got and got[0][0] == "the bloc is ready to use force if diplomacy fails")
