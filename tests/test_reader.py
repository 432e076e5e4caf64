"""Reading article files: plain text with scraper junk, HTML, JSON."""

from __future__ import annotations

import json

import pytest

from tui.data.reader import derived_id, parse_html, read_articles, split_text
from tui.data.store import StoreError

SCRAPED = """close
close

Allies weigh air patrols over the Baltic

Allies weigh air patrols over the Baltic
By Jane Doe
12 March 2026

Advertisement
The first paragraph says something.
It continues on a second line.

Share this article

“A quote,” the minister said.
"""


def test_plain_text_drops_junk_and_repeated_title():
    title, paragraphs = split_text(SCRAPED)
    assert title == "Allies weigh air patrols over the Baltic"
    assert paragraphs == [
        "The first paragraph says something. It continues on a second line.",
        "“A quote,” the minister said.",
    ]


def test_plain_text_without_blank_lines_uses_lines_as_paragraphs():
    title, paragraphs = split_text("Title here\nFirst paragraph.\nSecond paragraph.\n")
    assert title == "Title here"
    assert paragraphs == ["First paragraph.", "Second paragraph."]


def test_plain_text_is_sanitised():
    title, paragraphs = split_text("T\x1b]0;owned\x07itle\n\nBody \x1b[31mred\x1b[0m text\u202e.")
    assert title == "Title"
    assert paragraphs == ["Body red text."]


HTML = """<!doctype html><html><head><title>Site | Ceasefire talks resume</title>
<link rel="canonical" href="https://example.org/ceasefire">
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2026-02-03T10:00:00Z">
<script>var x = "“not text”";</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Ceasefire talks resume</h1>
<p>The envoy said the talks would &ldquo;resume on Monday&rdquo; in Jeddah.</p>
<p>Officials&rsquo; hopes are modest &amp; cautious.</p>
<footer><p>Copyright 2026</p></footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.html"
    f.write_text(HTML, encoding="utf-8")
    [article] = read_articles(f)
    assert article.title == "Ceasefire talks resume"
    assert article.paragraphs == [
        "The envoy said the talks would “resume on Monday” in Jeddah.",
        "Officials’ hopes are modest & cautious.",
    ]
    assert article.url == "https://example.org/ceasefire"
    assert article.source == "Harbour Times"
    assert article.published == "2026-02-03"
    assert article.id == "page"


def test_html_without_paragraph_tags():
    title, paragraphs, _ = parse_html("<html><body><div>One block</div><div>Two block</div></body></html>")
    assert paragraphs == ["One block", "Two block"]


def test_json_file_keeps_given_extraction(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"articles": [
        {"id": "x1", "title": "T", "text": "P one.\n\nP two.",
         "actors": [{"name": "NATO", "kind": "organization"}], "quotes": [], "options": []},
        {"id": "x2", "title": "U", "text": "Only text."},
    ]}), encoding="utf-8")
    first, second = read_articles(f)
    assert first.paragraphs == ["P one.", "P two."]
    assert [a.name for a in first.extracted["actors"]] == ["NATO"]
    assert second.extracted == {}


def test_empty_text_file_is_an_error(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("close\n\n", encoding="utf-8")
    with pytest.raises(StoreError, match="empty.txt: no article text found"):
        read_articles(f)


def test_non_utf8_text_is_read_as_cp1252(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Title\n\nThe minister\x92s plan.".encode("latin-1"))
    [article] = read_articles(f)
    assert article.paragraphs == ["The minister’s plan."]


def test_derived_id_is_stable_and_prefers_url():
    assert derived_id("https://x.org/a", "text one") == derived_id("https://x.org/a", "other text")
    assert derived_id("", "Same  TEXT") == derived_id("", "same text")
    assert derived_id("", "a") != derived_id("", "b")
