"""Unit tests for tui.data.sanitize: what may reach the terminal."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.data.sanitize import MAX_COMBINING, clean, clean_line

ESC = "\x1b"
ST = ESC + "\\"
BEL = "\x07"

# C0 except \t and \n, DEL and C1, ESC (in C0 already), bidi embedding/override/
# isolate controls and marks, zero-width characters and the BOM.
FORBIDDEN = set(chr(c) for c in range(0x00, 0x20)) - {"\n", "\t"}
FORBIDDEN |= set(chr(c) for c in range(0x7F, 0xA0))
FORBIDDEN |= set(chr(c) for c in range(0x202A, 0x202F))  # LRE RLE PDF LRO RLO
FORBIDDEN |= set(chr(c) for c in range(0x2066, 0x206A))  # LRI RLI FSI PDI
FORBIDDEN |= {"\u200b", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff", "\u2028", "\u2029"}


def forbidden_in(text: str) -> set[str]:
    return {c for c in text if c in FORBIDDEN}


# --------------------------------------------------------------------------- escape sequences
@pytest.mark.parametrize(
    "raw, expected",
    [
        # CSI: SGR colour, cursor movement, erase display, private mode
        (f"a{ESC}[31mred{ESC}[0m b", "ared b"),
        (f"x{ESC}[2J{ESC}[H{ESC}[?1049hy", "xy"),
        (f"x{ESC}[1;31;4mbold{ESC}[my", "xboldy"),
        # 8-bit C1 CSI
        ("x\x9b31my", "xy"),
        ("x\x9b2Jy", "xy"),
        # OSC 0 (window title), BEL- and ST-terminated
        (f"x{ESC}]0;pwned title{BEL}y", "xy"),
        (f"x{ESC}]0;pwned title{ST}y", "xy"),
        # OSC 52: write the clipboard
        (f"x{ESC}]52;c;ZWNobyBldmls{BEL}y", "xy"),
        (f"x{ESC}]52;c;ZWNobyBldmls{ST}y", "xy"),
        # OSC 8 hyperlink: the link text survives, the URL does not
        (f"x{ESC}]8;;https://evil.example/{ST}click{ESC}]8;;{ST}y", "xclicky"),
        (f"x{ESC}]8;;https://evil.example/{BEL}click{ESC}]8;;{BEL}y", "xclicky"),
        # 8-bit OSC terminated by 8-bit ST
        ("x\x9d0;title\x9cy", "xy"),
        # DCS (sixel / DECRQSS), APC, PM, SOS
        (f"x{ESC}Pq#0;2;0;0;0#0~~{ST}y", "xy"),
        (f"x{ESC}P$qm{ST}y", "xy"),
        (f"x{ESC}_Gf=100;payload{ST}y", "xy"),
        (f"x{ESC}^private{ST}y", "xy"),
        (f"x{ESC}Xsos{ST}y", "xy"),
        ("x\x90dcs\x9cy", "xy"),
        # two-byte ESC forms (RIS reset, keypad mode, charset designation)
        (f"x{ESC}cy", "xy"),
        (f"x{ESC}={ESC}>y", "xy"),
        (f"x{ESC}(0y", "xy"),
        # unterminated sequences at the end do not leave a half behind
        (f"title{ESC}]0;never terminated", "title"),
        (f"abc{ESC}[", "abc"),
        (f"abc{ESC}", "abc"),
    ],
)
def test_escape_sequences_removed_entirely(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_osc_payload_does_not_leak_into_following_text() -> None:
    raw = f"Headline{ESC}]52;c;{'QUFB' * 100}{BEL} continues"
    assert clean(raw) == "Headline continues"


# --------------------------------------------------------------------------- controls
def test_c0_controls_removed_except_newline_and_tab() -> None:
    raw = "a\x00b\x01c\x07d\x08e\tf\ng\x0eh\x1fi"
    assert clean(raw) == "abcde\tf\nghi"


def test_del_and_c1_removed() -> None:
    assert clean("a\x7fb\x80c\x8dd\x81e\x9a") == "abcde"
    # 8-bit string introducers (DCS, SOS, OSC, PM, APC) swallow their payload
    assert clean("a\x9fpayload") == "a"


def test_line_endings_normalised() -> None:
    assert clean("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"
    assert clean("a\u2028b\u2029c\x85d") == "a\nb\nc\nd"
    assert clean("a\x0bb\x0cc") == "a\nb\nc"


def test_bidi_controls_removed() -> None:
    # RLO would render "evil.exe" reversed; isolates and embeddings likewise
    raw = "file\u202egpj.exe \u202aa\u202bb\u202cc\u202dd \u2066e\u2067f\u2068g\u2069h"
    assert clean(raw) == "filegpj.exe abcd efgh"


def test_bidi_marks_and_zero_width_characters_removed() -> None:
    raw = "Pu\u200btin \u200eRLM\u200f \u061cALM W\u2060J \ufeffBOM"
    assert clean(raw) == "Putin RLM ALM WJ BOM"


def test_combining_flood_capped() -> None:
    raw = "Z" + "\u0336\u0337\u0338" * 30 + "algo"
    out = clean(raw)
    assert out == "Z\u0336\u0337algo"
    assert len(out) == 1 + MAX_COMBINING + 4


def test_combining_flood_on_composable_letter_capped() -> None:
    out = clean("e" + "\u0301" * 50 + "!")
    marks = [c for c in out if unicodedata.combining(c)]
    assert len(marks) <= MAX_COMBINING
    assert out.startswith("\u00e9") and out.endswith("!")


def test_normal_accents_kept_and_composed() -> None:
    assert clean("Zelenskyy, Côte d’Ivoire, Şahin") == "Zelenskyy, Côte d’Ivoire, Şahin"
    assert clean("Cafe\u0301") == "Caf\u00e9"  # NFC
    assert clean("Tiếng Việt") == unicodedata.normalize("NFC", "Tiếng Việt")


def test_non_latin_text_kept() -> None:
    text = "Путин сказал: «нет». 習近平 ‘قال’ שלום"
    assert clean(text) == text


# --------------------------------------------------------------------------- what is kept
@pytest.mark.parametrize(
    "text",
    [
        "[bold]x[/]",
        "[@click=app.quit]Quit[/]",
        "[link=https://e.x]y[/link] and [red on white]z",
        "array[0] = x[1]; \\[escaped]",
    ],
)
def test_markup_kept_literally(text: str) -> None:
    assert clean(text) == text
    assert clean_line(text) == text


def test_plain_ascii_returned_unchanged() -> None:
    text = "NATO Secretary General Mark Rutte said: \"It's a significant escalation.\" (1/2) ~ {x} | 100%"
    assert clean(text) is text or clean(text) == text
    assert clean(text) == text


def test_empty() -> None:
    assert clean("") == ""
    assert clean_line("") == ""


def test_tabs_and_newlines_kept_by_clean() -> None:
    assert clean("para one\n\n\tpara two") == "para one\n\n\tpara two"


def test_clean_line_flattens_whitespace() -> None:
    assert clean_line("  Mark\nRutte\t(NATO)\r\n chief  ") == "Mark Rutte (NATO) chief"
    assert clean_line(f"Title{ESC}[2J\nsecond line") == "Title second line"
    assert "\n" not in clean_line("a\u2028b") and clean_line("a\u2028b") == "a b"


# --------------------------------------------------------------------------- properties
_interesting = st.sampled_from(
    [ESC, "[", "]", "P", "_", "^", "X", "\\", BEL, "\x9b", "\x9c", "\x9d", "\x90", "\r", "\n", "\t",
     "\x00", "\x7f", "\x85", "\u202e", "\u2066", "\u200b", "\ufeff", "\u0301", "\u0344", "\u0308",
     "e", "a", "0", ";", "m", " "]
)
_texts = st.one_of(
    st.text(),
    st.lists(_interesting, max_size=40).map("".join),
    st.lists(st.one_of(_interesting, st.characters()), max_size=40).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(_texts)
@example("a\u0344\u0344")  # NFC expands U+0344 into two marks: the cap must still hold
@example(f"\r{ESC}[m\n")
@example(f"{ESC}{ESC}[31m[")
def test_clean_output_is_safe_and_idempotent(text: str) -> None:
    once = clean(text)
    assert not forbidden_in(once), [hex(ord(c)) for c in forbidden_in(once)]
    assert clean(once) == once
    assert not re.search(r"[\u0300-\u036f]{%d,}" % (MAX_COMBINING + 1), once)


@settings(max_examples=200, deadline=None)
@given(_texts)
def test_clean_line_is_one_line_and_idempotent(text: str) -> None:
    once = clean_line(text)
    assert "\n" not in once and "\t" not in once
    assert not forbidden_in(once)
    assert clean_line(once) == once
