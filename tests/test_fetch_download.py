"""One document over real HTTP on 127.0.0.1: redirects, retries, validators, limits and the address guard."""

from __future__ import annotations

import gzip
import re
import time
import zlib

import pytest

from tui.web.download import FetchError, retry_after
from web_helpers import PORTS, get
from webserver import Reply


def test_a_page_is_fetched_with_a_user_agent_naming_the_tool(site):
    url = site.serve("/a", Reply(PORTS))
    doc = get(url)
    assert doc.body == PORTS and doc.media_type == "text/html" and doc.charset == "utf-8"
    agent = site.requests[0][1]["User-Agent"]
    assert agent.startswith("briefing-tui/") and "fetcher" in agent


def test_redirects_are_followed_up_to_five(site):
    for n in range(5):
        site.redirect(f"/r{n}", f"/r{n + 1}", status=(301, 302, 303, 307, 308)[n])
    site.serve("/r5", Reply(PORTS))
    doc = get(site.url("/r0"))
    assert doc.url == site.url("/r5") and doc.body == PORTS
    site.redirect("/r-1", "/r0")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        get(site.url("/r-1"))


def test_a_redirect_loop_is_named(site):
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(FetchError, match="redirect loop back to .*/a"):
        get(site.url("/a"))
    assert site.paths() == ["/a", "/b"]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
def test_only_http_and_https_are_followed(site, target):
    site.redirect("/a", target)
    with pytest.raises(FetchError, match="only http and https"):
        get(site.url("/a"))
    with pytest.raises(FetchError, match="only http and https"):
        get(target)


def test_etag_and_last_modified_make_a_conditional_get(site):
    def handler(h):
        if h.headers.get("If-None-Match") == '"v1"' and h.headers.get("If-Modified-Since"):
            h.send(Reply(b"", "", 304, {"ETag": '"v1"'}))
        else:
            h.send(Reply(b"<rss/>", "application/rss+xml", 200,
                         {"ETag": '"v1"', "Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT"}))
    url = site.serve("/feed", handler)
    first = get(url)
    assert first.validators == {"etag": '"v1"', "last-modified": "Mon, 02 Nov 2026 08:00:00 GMT"}
    second = get(url, validators=first.validators)
    assert second.not_modified and second.body == b""
    assert site.requests[1][1]["If-None-Match"] == '"v1"'


def test_429_waits_as_long_as_retry_after_says(site):
    answers = iter([Reply(b"slow down", "text/plain", 429, {"Retry-After": "1"}), Reply(PORTS)])
    url = site.serve("/a", lambda h: h.send(next(answers)))
    start = time.monotonic()
    assert get(url).body == PORTS
    assert time.monotonic() - start >= 1.0  # honoured, not merely retried
    assert len(site.requests) == 2


def test_503_backs_off_and_gives_up_after_the_retries(site):
    url = site.serve("/a", Reply(b"busy", "text/plain", 503))
    with pytest.raises(FetchError, match="HTTP 503 Service Unavailable after 3 retries"):
        get(url, backoff=0.01)
    assert len(site.requests) == 4


def test_a_retry_after_longer_than_the_cap_fails_at_once(site):
    url = site.serve("/a", Reply(b"", "text/plain", 429, {"Retry-After": "3600"}))
    start = time.monotonic()
    with pytest.raises(FetchError, match="asked to retry after 3600 s"):
        get(url)
    assert time.monotonic() - start < 5


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert retry_after("soon") is None and retry_after(None) is None


def _drip(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    for _ in range(200):
        h.wfile.write(b"<p>x</p>")
        h.wfile.flush()
        time.sleep(0.1)


def test_a_slow_drip_is_cut_by_the_deadline(site):
    url = site.serve("/drip", _drip)
    start = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        get(url, deadline=1.0, read_timeout=5.0)
    assert time.monotonic() - start < 3


def test_silence_is_cut_by_the_read_timeout(site):
    def stall(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "10")
        h.end_headers()
        h.wfile.flush()
        time.sleep(3)
    url = site.serve("/stall", stall)
    with pytest.raises(FetchError, match="read timeout"):
        get(url, read_timeout=0.5)


def test_an_oversized_body_is_refused_by_its_length_or_as_it_streams(site):
    url = site.serve("/big", Reply(b"x" * 300_000))
    with pytest.raises(FetchError, match="too large: 300,000 bytes"):
        get(url, max_bytes=100_000)

    def unannounced(h):  # no Content-Length: the cap must hold while reading
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(50):
            h.wfile.write(b"y" * 10_000)
        h.close_connection = True
    url = site.serve("/stream", unannounced)
    with pytest.raises(FetchError, match="more than 100,000 bytes decoded"):
        get(url, max_bytes=100_000)


BOMB = gzip.compress(b"\0" * 100_000_000, compresslevel=9)  # ~100 KB that inflates to 100 MB


def test_a_gzip_bomb_is_stopped_at_the_decoded_cap(site):
    assert len(BOMB) < 200_000
    url = site.serve("/bomb", Reply(BOMB, "text/html", 200, {"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="too large: more than 1,048,576 bytes decoded"):
        get(url, max_bytes=1024 * 1024)


def test_gzip_and_deflate_bodies_are_decoded(site):
    g = site.serve("/g", Reply(gzip.compress(PORTS), "text/html", 200, {"Content-Encoding": "gzip"}))
    d = site.serve("/d", Reply(zlib.compress(PORTS), "text/html", 200, {"Content-Encoding": "deflate"}))
    assert get(g).body == PORTS and get(d).body == PORTS
    b = site.serve("/b", Reply(PORTS, "text/html", 200, {"Content-Encoding": "br"}))
    with pytest.raises(FetchError, match="unsupported content encoding br"):
        get(b)
    bad = site.serve("/bad", Reply(b"not gzip at all", "text/html", 200, {"Content-Encoding": "gzip"}))
    with pytest.raises(FetchError, match="corrupt gzip body"):
        get(bad)


@pytest.mark.parametrize("ctype", ["application/pdf", "image/png", "application/octet-stream", "text/plain", ""])
def test_content_types_outside_the_allow_list_are_refused(site, ctype):
    url = site.serve("/x", Reply(b"%PDF-1.7", ctype))
    with pytest.raises(FetchError, match=f"not an article or feed: content type {ctype or 'missing'}"):
        get(url)


@pytest.mark.parametrize("status,reason", [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"),
                                           (410, "HTTP 410 Gone")])
def test_http_errors_are_reported_with_their_status(site, status, reason):
    with pytest.raises(FetchError, match=reason):
        get(site.serve("/x", Reply(b"no", "text/plain", status)))


def test_a_closed_port_cannot_connect(site):
    url = site.url("/x")
    site.close()
    with pytest.raises(FetchError, match="cannot connect"):
        get(url)


# ------------------------------------------------------------------ the guard

def test_loopback_is_refused_without_the_flag_and_nothing_is_sent(site):
    url = site.serve("/a", Reply(PORTS))
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a loopback address \(--allow-private"):
        get(url, allow_private=False)
    with pytest.raises(FetchError, match=r"refused: localhost \(127\.0\.0\.1\) is a loopback"):
        get(url.replace("127.0.0.1", "localhost"), allow_private=False)
    assert site.requests == []


def test_a_redirect_hop_to_a_private_address_is_refused_without_the_flag(site, other_site):
    """The first hop is allowed (127.0.0.1 is exempted); the redirect to 127.0.0.2 is not."""
    import ipaddress

    target = other_site.serve("/inside", Reply(PORTS))
    url = site.redirect("/out", target)
    only_first = dict(allow_private=False, allow_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.2 is a loopback address"):
        get(url, **only_first)
    assert site.paths() == ["/out"] and other_site.requests == []
    assert get(url).body == PORTS  # with --allow-private
    assert other_site.paths() == ["/inside"]


@pytest.mark.parametrize("target,kind", [("http://169.254.169.254/latest/meta-data/", "link-local (cloud metadata)"),
                                         ("http://10.0.0.1/", "private"), ("http://[::1]:9/", "loopback"),
                                         ("http://[::ffff:192.168.0.1]/", "private"), ("http://0.0.0.0/", "")])
def test_metadata_and_private_hops_are_refused_before_connecting(site, target, kind):
    import ipaddress

    url = site.redirect("/hop", target)
    with pytest.raises(FetchError, match="refused: .* is a " + re.escape(kind)):
        get(url, allow_private=False, allow_networks=(ipaddress.ip_network("127.0.0.1/32"),), connect_timeout=1)
    assert site.paths() == ["/hop"]
