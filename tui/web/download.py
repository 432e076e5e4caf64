"""Download one document under a :class:`FetchPolicy`: redirects followed by hand
(each hop checked), retries on 429/503 honouring Retry-After, a content-type
allow-list, a cap on the *decoded* size and a deadline over the whole document.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
import zlib
from dataclasses import dataclass, field

import httpx

from tui.web.guard import Refused
from tui.web.policy import FEED_TYPES, HTML_TYPES, FetchPolicy

_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY = {429, 503}


class FetchError(Exception):
    """A document could not be fetched; ``str()`` is the one-line reason."""


@dataclass
class Document:
    url: str                 # after redirects
    media_type: str          # "text/html", "application/rss+xml", …
    body: bytes = b""
    charset: str | None = None
    not_modified: bool = False
    validators: dict[str, str] = field(default_factory=dict)  # etag / last-modified for the next poll

    @property
    def is_feed(self) -> bool:
        return self.media_type in FEED_TYPES

    def text(self) -> str:
        try:
            return self.body.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name
            return self.body.decode("utf-8", errors="replace")


def check_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise FetchError(f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs are fetched, not {parsed.scheme or 'a relative URL'}")
    if not parsed.host:
        raise FetchError("the URL has no host")
    return parsed


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


async def fetch_document(client: httpx.AsyncClient, url: str, policy: FetchPolicy, *,
                         validators: dict[str, str] | None = None) -> Document:
    """Fetch ``url``; raise :class:`FetchError` with the reason if it cannot be had."""
    try:
        async with asyncio.timeout(policy.deadline):
            return await _fetch(client, url, policy, validators or {})
    except TimeoutError:
        raise FetchError(f"took longer than the {policy.deadline:g} s deadline") from None
    except Refused as exc:
        raise FetchError(str(exc)) from None
    except httpx.ConnectTimeout:
        raise FetchError(f"connect timed out after {policy.connect_timeout:g} s") from None
    except httpx.ReadTimeout:
        raise FetchError(f"no data for {policy.read_timeout:g} s (read timeout)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect: {_first_line(exc)}") from None
    except httpx.TransportError as exc:
        raise FetchError(f"connection failed: {_first_line(exc) or type(exc).__name__}") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else ""


async def _fetch(client: httpx.AsyncClient, url: str, policy: FetchPolicy, validators: dict[str, str]) -> Document:
    current = check_url(url)
    seen = {str(current)}
    redirects = attempts = 0
    while True:
        headers = {"Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                             "application/xml;q=0.9,*/*;q=0.1"}
        if "etag" in validators:
            headers["If-None-Match"] = validators["etag"]
        if "last-modified" in validators:
            headers["If-Modified-Since"] = validators["last-modified"]
        async with client.stream("GET", current, headers=headers) as response:
            status = response.status_code
            if status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                redirects += 1
                if redirects > policy.max_redirects:
                    raise FetchError(f"more than {policy.max_redirects} redirects")
                try:
                    current = check_url(str(response.url.join(location)))
                except FetchError as exc:
                    raise FetchError(f"redirect to {location[:200]}: {exc}") from None
                if str(current) in seen:
                    raise FetchError(f"redirect loop back to {current}")
                seen.add(str(current))
                continue
            if status == 304 and validators:
                return Document(str(response.url), "", not_modified=True, validators=validators)
            if status in _RETRY:
                attempts += 1
                wait = retry_after(response.headers.get("retry-after"))
                wait = policy.backoff * 2 ** (attempts - 1) if wait is None else wait
                if attempts > policy.retries:
                    raise FetchError(f"HTTP {status} {response.reason_phrase} after {policy.retries} retries")
                if wait > policy.max_retry_wait:
                    raise FetchError(f"HTTP {status} {response.reason_phrase}: asked to retry after {wait:.0f} s")
                await asyncio.sleep(wait)
                continue
            if not 200 <= status < 300:
                raise FetchError(f"HTTP {status} {response.reason_phrase}".rstrip())
            return await _accept(response, policy)


async def _accept(response: httpx.Response, policy: FetchPolicy) -> Document:
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    if media_type not in HTML_TYPES | FEED_TYPES:
        raise FetchError(f"not an article or feed: content type {media_type or 'missing'}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {policy.max_bytes:,})")
    body = await read_capped(response, policy.max_bytes)
    validators = {name: response.headers[name] for name in ("etag", "last-modified") if name in response.headers}
    return Document(str(response.url), media_type, body, charset, validators=validators)


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media_type.strip().lower(), charset


async def read_capped(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, refusing as soon as it would pass ``limit`` bytes (gzip bombs included)."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding in ("identity", ""):
        decoder = None
    else:
        raise FetchError(f"unsupported content encoding {encoding[:40]}")
    out = bytearray()
    too_large = FetchError(f"too large: more than {limit:,} bytes decoded")
    async for chunk in response.aiter_raw():
        if decoder is None:
            out += chunk
        else:
            try:
                data = decoder.decompress(chunk, limit + 1 - len(out))
                out += data
                while decoder.unconsumed_tail and len(out) <= limit:
                    out += decoder.decompress(decoder.unconsumed_tail, limit + 1 - len(out))
            except zlib.error as exc:
                raise FetchError(f"corrupt {encoding} body ({exc})") from None
        if len(out) > limit:
            raise too_large
    return bytes(out)
