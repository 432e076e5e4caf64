"""An HTML page to a raw article: main text and metadata by trafilatura.

trafilatura (a maintained main-text extractor, the best scored in published
comparisons) finds the article body among navigation, adverts and comments, and
reads title, byline, date, site name and canonical URL from the page's markup
and metadata.  Everything it returns goes through the same sanitiser as the rest
of the data layer.
"""

from __future__ import annotations

import re

from tui.data.reader import RawArticle, derived_id
from tui.data.sanitize import clean, clean_line
from tui.web.download import Document, FetchError, check_url
from tui.web.feeds import FeedEntry

_CHAR_REF = re.compile(r"&#(?:([0-9]{1,8})|[xX]([0-9a-fA-F]{1,8}));?")


def _drop_controls(html: str) -> str:
    """The page through the sanitiser, and character references to what it would remove
    dropped too: lxml refuses a whole page that holds a control character."""
    def ref(match: re.Match[str]) -> str:
        code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
        return "" if code >= 0x110000 or clean(chr(code)) != chr(code) else match.group(0)

    return _CHAR_REF.sub(ref, clean(html))


MIN_TEXT_CHARS = 200  # less than this is a teaser, a paywall or an index page, not an article


def article_from_page(document: Document, entry: FeedEntry | None = None) -> RawArticle:
    """Raise :class:`FetchError` when the page holds no article text."""
    import trafilatura  # heavy (lxml, dateparser): imported only when a page is fetched

    result = trafilatura.bare_extraction(
        _drop_controls(document.text()), url=document.url, with_metadata=True, include_comments=False,
        include_tables=False, include_images=False, deduplicate=False,
    )
    text = (getattr(result, "text", "") or "") if result is not None else ""
    paragraphs = [p for p in (clean(line).strip() for line in text.split("\n")) if p]
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        raise FetchError(f"no article text found ({sum(len(p) for p in paragraphs)} characters of body text)")
    url = _canonical(getattr(result, "url", None), document.url)
    title = clean_line(getattr(result, "title", None) or (entry.title if entry else "") or paragraphs[0][:120])
    byline = clean_line(getattr(result, "author", None) or (entry.author if entry else ""))
    published = _date(getattr(result, "date", None)) or (entry.published if entry else "")
    source = clean_line(getattr(result, "sitename", None) or getattr(result, "hostname", None) or "")
    if paragraphs and paragraphs[0].rstrip(" .") == title.rstrip(" ."):
        paragraphs = paragraphs[1:]
    raw = RawArticle(derived_id(url, "\n".join(paragraphs)), title, paragraphs, source, url, published, url)
    raw.byline = byline
    return raw


def _canonical(claimed: str | None, fetched: str) -> str:
    """The page's canonical URL when it is a web URL; else the URL it was fetched from."""
    if claimed:
        try:
            return clean_line(str(check_url(claimed)))
        except FetchError:
            pass
    return clean_line(fetched)


def _date(value: str | None) -> str:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else ""
