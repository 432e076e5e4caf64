"""Read article files of any kind (plain text, HTML, JSON) into raw articles.

Plain text: the first real line is the title; scraper junk (lone "close",
"Advertisement", "Share this article" lines, the title repeated, bylines and
bare date lines) is dropped; paragraphs are separated by blank lines, or are
single lines when the file has no blank lines.  HTML: the <title>/<h1> and the
<p>-level blocks of the page, skipping script, style, nav, header, footer,
aside and form.  JSON / JSON Lines: articles in the store format.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tui.data.sanitize import clean, clean_line
from tui.data.store import StoreError, _read_bytes, _records, parse_article

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES

_JUNK = re.compile(
    r"^(?:close|advertisement|advert|share|share this( article| story)?|share on \w+|read more|"
    r"read next|related|sign up.*newsletter.*|subscribe.*|skip to (main )?content|menu|search|"
    r"(?:photo|image|picture|video)(?: credit)?\s*:.*|getty images|print|email|copy link|"
    r"comments?|\d+ comments?|listen to (this|the) article.*|loading\.*|follow us.*)$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ff]rom)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*.*)?$")
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted)\s*:?\s*)?(?:\w+day,?\s+)?"
    r"(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:[ ,]+\d{1,2}[:.]\d{2}.*)?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class RawArticle:
    """An article as read from a file, before extraction."""

    id: str
    title: str
    paragraphs: list[str]
    source: str = ""
    url: str = ""
    published: str = ""
    path: str = ""
    extracted: dict = field(default_factory=dict)  # actors/quotes/options already present
    byline: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    folded = " ".join(text.lower().split())
    return hashlib.blake2b(folded.encode(), digest_size=8).hexdigest()


def derived_id(url: str, text: str) -> str:
    """A stable id for an article that came without one."""
    basis = url.strip() or " ".join(text.lower().split())
    return "art-" + hashlib.blake2b(basis.encode(), digest_size=6).hexdigest()


def _is_junk(line: str, title: str) -> bool:
    folded = line.strip().lower()
    return (
        not folded
        or bool(_JUNK.match(folded))
        or (bool(title) and folded.rstrip(" .") == title.lower().rstrip(" ."))
        or (len(line) < 80 and bool(_BYLINE.match(line.strip())))
        or (len(line) < 60 and bool(_DATE_LINE.match(line.strip())))
    )


def split_text(text: str) -> tuple[str, list[str]]:
    """Title and paragraphs of a plain-text article."""
    text = clean(text)
    lines = text.split("\n")
    title = ""
    for line in lines:
        if line.strip() and not _is_junk(line, ""):
            title = clean_line(line)
            break
    blocks: list[list[str]] = [[]]
    seen_title = False
    for line in lines:
        if not line.strip():
            blocks.append([])
            continue
        if not seen_title and clean_line(line) == title:
            seen_title = True
            continue
        if _is_junk(line, title):
            blocks.append([])
            continue
        blocks[-1].append(line.strip())
    blocks = [b for b in blocks if b]
    if len(blocks) == 1:  # no blank lines at all: one paragraph per line
        paragraphs = list(blocks[0])
    else:
        paragraphs = [" ".join(b) for b in blocks]
    return title, paragraphs


class _PageParser(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg", "button", "figure"}
    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "div", "section", "article", "br", "tr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.in_title = False
        self.in_h1 = False
        self.title = ""
        self.h1 = ""
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or "").lower()
            if key in ("og:url", "og:site_name", "article:published_time", "og:title") and a.get("content"):
                self.meta[key] = a["content"]
        elif tag == "link":
            a = dict(attrs)
            if (a.get("rel") or "").lower() == "canonical" and a.get("href"):
                self.meta["canonical"] = a["href"]
        if tag in self.BLOCKS:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCKS:
            self._flush()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            if self.in_h1:
                self.h1 += data
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []

    def close(self):
        super().close()
        self._flush()


def parse_html(html: str) -> tuple[str, list[str], dict[str, str]]:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    title = clean_line(parser.h1 or parser.meta.get("og:title") or parser.title)
    body = [clean_line(b) for b in parser.blocks]
    paragraphs = [b for b in body if b and not _is_junk(b, title)]
    return title, paragraphs, parser.meta


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_articles(path: Path) -> list[RawArticle]:
    """Every article in one file; raises StoreError with a one-line message."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        out = []
        for where, raw in _records(path):
            article = parse_article(raw, path, where)
            extracted = {} if not article.extracted else {
                "actors": article.actors, "quotes": article.quotes, "options": article.options}
            out.append(RawArticle(article.id, article.title, article.paragraphs(), article.source, article.url,
                                  article.published, str(path), extracted, article.byline))
        return out
    data = _read_bytes(path)
    text = _decode(data)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:1] == "<"):
        title, paragraphs, meta = parse_html(text)
        url = clean_line(meta.get("canonical") or meta.get("og:url") or "")
        source = clean_line(meta.get("og:site_name", ""))
        published = clean_line(meta.get("article:published_time", ""))[:10]
    else:
        title, paragraphs = split_text(text)
        url = source = published = ""
    if not paragraphs:
        raise StoreError(path, "no article text found")
    article_id = re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or derived_id(url, "\n".join(paragraphs))
    return [RawArticle(article_id, title or path.stem, paragraphs, source, url, published, str(path))]
