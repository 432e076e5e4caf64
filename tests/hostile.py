"""A corpus of hostile article text: markup, action links, every escape family, bidi, floods.

Each payload carries a marker that must never reach the terminal as a live sequence.
"""

from __future__ import annotations

from pathlib import Path

import orjson

MARKUP = [
    "[@click=app.quit]click to quit[/]",
    "[ @click=app.screenshot('pwned.svg','.')]shot[/]",
    "[@CLICK=APP.QUIT]UPPER[/]",
    "[link=https://evil.example/]a link[/link]",
    "[bold red]loud[/bold red] and a stray [/] closing tag",
    "[/]",
    "[on red]",
]
ESCAPES = [
    "\x1b]0;PWNED-TITLE\x07title",            # OSC 0 window title, BEL-terminated
    "\x1b]2;PWNED-TITLE2\x1b\\title2",        # OSC 2, ST-terminated
    "\x1b]52;c;UFdORUQtQ0xJUA==\x07clip",     # OSC 52 clipboard write
    "\x1b]8;;https://evil.example/\x1b\\hyperlink\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1bP+q544e\x1b\\dcs",                  # DCS query
    "\x1b[6mBLINK-MARK\x1b[0m",              # CSI SGR rapid blink (Textual never emits it)
    "\x1b[2J\x1b[Hclear",                     # CSI clear screen
    "\x9b6mC1-CSI",                           # C1 CSI
    "\x9d0;PWNED-C1\x9cC1-OSC",               # C1 OSC ... ST
    "bell\x07back\x08space\rreturn\x00nul\x7fdel",
]
UNICODE = [
    "\u202eevil reversed\u202c and \u2066isolate\u2069",  # bidi overrides / isolates
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "e" + "\u0301" * 5000 + " combining flood",
]
BIG_LINE = "A" * 1_000_000

PAYLOADS = MARKUP + ESCAPES + UNICODE

# What must never appear in the bytes written to the terminal.
FORBIDDEN_BYTES = [
    b"PWNED", b"\x1b[6m", b"\x1bP", b"\x1b]0;", b"\x1b]2;", b"\x1b]52;", b"\x1b]8;",
    "\u202e".encode(), "\u2066".encode(), "\u200b".encode(), "\ufeff".encode(),
] + [bytes([0xC2, c]) for c in range(0x80, 0xA0)]  # C1 controls as UTF-8


def hostile_store(folder: Path, *, big: bool = True) -> Path:
    """A store whose every string field carries hostile payloads; returns its path."""
    articles = []
    for n, payload in enumerate(PAYLOADS):
        speaker = f"Speaker {n} {payload[:40]}"
        articles.append({
            "id": f"hostile-{n}",
            "title": f"Title {n} {payload}",
            "source": payload,
            "url": f"https://example.com/{n}",
            "text": f"Paragraph {n}: {payload}\n\nSecond paragraph {payload}",
            "actors": [{"name": speaker, "kind": "person", "role": payload, "aliases": [payload[:30]]}],
            "quotes": [{"text": f"Quote {n} {payload}", "speaker": speaker, "direct": True, "cue": "said",
                        "paragraph": 0}],
            "options": [{"text": f"Option {n} {payload}", "holder": speaker, "status": "proposed",
                         "evidence": payload}],
        })
    if big:
        articles.append({"id": "hostile-big", "title": "A one-megabyte line", "text": BIG_LINE,
                         "quotes": [{"text": BIG_LINE, "speaker": None, "direct": True}],
                         "actors": [], "options": []})
    path = folder / "hostile.json"
    path.write_bytes(orjson.dumps(articles))
    return path
