"""`briefing-tui fetch`: pages and feeds from real loopback servers into real store files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson

from tui.cli import main
from web_helpers import GRAIN, PORTS, WEB, rss, serve_news
from webserver import Reply


def fetch(capsys, *args) -> tuple[int, str]:
    code = main(["fetch", *map(str, args), "--allow-private"])
    return code, capsys.readouterr().err


def articles(store: Path) -> list[dict]:
    return [orjson.loads(line) for line in store.read_bytes().splitlines() if line.strip()]


def test_pages_are_fetched_extracted_and_added(site, tmp_path, capsys):
    urls = serve_news(site)
    store = tmp_path / "news.jsonl"
    code, err = fetch(capsys, urls["ports"], urls["grain"], "--store", store)
    assert code == 0, err
    assert "fetched 2, added 2, duplicates 0, failed 0" in err
    by_title = {a["title"]: a for a in articles(store)}
    ports = by_title["Baltic ministers weigh joint patrols after cable damage"]
    assert ports["url"] == "https://harbour-ledger.example/world/baltic-patrols"  # canonical, not the fetch URL
    assert (ports["byline"], ports["published"], ports["source"]) == ("Ilse Marken", "2026-11-02", "Harbour Ledger")
    assert "Most read" not in ports["text"] and "All rights reserved" not in ports["text"]  # main text only
    assert "Karin Saar" in {a["name"] for a in ports["actors"]}
    assert any(q["speaker"] == "Karin Saar" and q["direct"] for q in ports["quotes"])
    grain = by_title["Grain corridor talks stall over inspection rules"]
    assert grain["url"] == "https://dispatch-review.example/2026/11/grain-corridor"  # from og:url
    assert "Share this article" not in grain["text"]


def test_refetching_adds_nothing_and_same_text_elsewhere_is_a_duplicate(site, tmp_path, capsys):
    urls = serve_news(site)
    store = tmp_path / "news.jsonl"
    assert fetch(capsys, urls["ports"], "--store", store)[0] == 0
    before = store.read_bytes()
    mirror = site.serve("/mirror/patrols", Reply(PORTS))  # another URL, same canonical URL
    no_canonical = site.serve("/copy", Reply(PORTS.replace(b'<link rel="canonical"', b'<link rel="x"')))
    code, err = fetch(capsys, mirror, no_canonical, "--store", store)
    assert code == 0 and "added 0, duplicates 2, failed 0" in err
    assert store.read_bytes() == before


def test_a_feed_is_read_then_polled_with_its_validators(site, tmp_path, capsys):
    urls = serve_news(site)

    def feed(h):
        if h.headers.get("If-None-Match") == '"f1"':
            h.send(Reply(b"", "", 304))
        else:
            h.send(Reply(rss(site), "application/rss+xml", 200, {"ETag": '"f1"'}))
    feed_url = site.serve("/feed.rss", feed)
    store = tmp_path / "feeds"
    code, err = fetch(capsys, "--feed", feed_url, "--store", store)
    assert code == 0, err
    assert "fetched 3, added 2, duplicates 0, failed 0" in err
    written = list(store.glob("imported-*.jsonl"))
    assert len(written) == 1 and len(articles(written[0])) == 2
    site.requests.clear()
    code, err = fetch(capsys, "--feed", feed_url, "--store", store)
    assert code == 0 and "1 feed unchanged" in err and "added 0" in err
    assert site.paths() == ["/feed.rss"]  # 304: no entry page fetched again
    assert site.requests[0][1]["If-None-Match"] == '"f1"'
    assert urls  # both pages stayed served


def test_an_atom_feed_with_relative_links_and_a_feed_given_as_a_page(site, tmp_path, capsys):
    site.serve("/2026/11/grain-corridor", Reply(GRAIN))
    atom = site.serve("/atom.xml", Reply((WEB / "feed.atom").read_bytes(), "application/atom+xml"))
    store = tmp_path / "s.jsonl"
    code, err = fetch(capsys, atom, "--store", store)  # no --feed: recognised by its content type
    assert code == 0, err
    assert [a["title"] for a in articles(store)] == ["Grain corridor talks stall over inspection rules"]


def test_a_feed_with_a_failed_entry_is_not_remembered(site, tmp_path, capsys):
    feed = rss(site).replace(b"/2026/11/grain-corridor", b"/gone")
    feed_url = site.serve("/feed.rss", Reply(feed, "application/rss+xml", 200, {"ETag": '"f2"'}))
    site.serve("/world/baltic-patrols", Reply(PORTS))
    store = tmp_path / "s.jsonl"
    code, err = fetch(capsys, "--feed", feed_url, "--store", store)
    assert code == 1 and "failed: " + site.url("/gone") + ": HTTP 404 Not Found" in err
    site.requests.clear()
    fetch(capsys, "--feed", feed_url, "--store", store)
    assert "If-None-Match" not in site.requests[0][1]  # polled in full again, so /gone is retried
    assert site.url("/gone").endswith(site.paths()[-1])


def test_failures_are_listed_per_url_and_leave_the_store_untouched(site, tmp_path, capsys):
    store = tmp_path / "s.jsonl"
    assert fetch(capsys, serve_news(site)["ports"], "--store", store)[0] == 0
    before = store.read_bytes()
    pdf = site.serve("/paper.pdf", Reply(b"%PDF", "application/pdf"))
    teaser = site.serve("/teaser", Reply(b"<html><body><p>Subscribe to read.</p></body></html>"))
    code, err = fetch(capsys, site.url("/missing"), pdf, teaser, "ftp://example.com/a", "--store", store)
    assert code == 1
    assert "fetched 1, added 0, duplicates 0, failed 4" in err
    assert f"failed: {site.url('/missing')}: HTTP 404 Not Found" in err
    assert f"failed: {pdf}: not an article or feed: content type application/pdf" in err
    assert f"failed: {teaser}: no article text found" in err
    assert "failed: ftp://example.com/a: only http and https URLs are fetched" in err
    assert store.read_bytes() == before


def test_hostile_page_text_is_sanitised_before_it_is_stored(site, tmp_path, capsys):
    url = site.serve("/h", Reply((WEB / "hostile.html").read_bytes()))
    store = tmp_path / "s.jsonl"
    code, err = fetch(capsys, url, "--store", store)
    assert code == 0, err
    raw = store.read_text()
    assert "\x1b" not in raw and "\x07" not in raw and "\\u001b" not in raw
    (article,) = articles(store)
    assert article["title"] == "[link=app.quit]Crisis[/link] talks resume"  # literal text, shown as such
    assert "Anton Rell" in {a["name"] for a in article["actors"]}


def test_a_broken_store_stops_before_any_request(site, tmp_path, capsys):
    urls = serve_news(site)
    store = tmp_path / "s.jsonl"
    store.write_text('{"id": "a", "title": "t", "text": "x"}\n{"id": \n')
    code, err = fetch(capsys, urls["ports"], "--store", store)
    assert code == 2 and site.requests == []
    assert err.startswith("briefing-tui fetch: ") and str(store) in err and len(err.strip().splitlines()) == 1


def test_bad_arguments_are_one_line_errors(tmp_path, capsys):
    assert main(["fetch", "--store", str(tmp_path / "s.jsonl")]) == 2
    assert "give at least one URL or --feed FEED_URL" in capsys.readouterr().err
    assert main(["fetch", "http://x/", "--store", str(tmp_path / "s.jsonl"), "--allow-network", "nonsense"]) == 2
    assert "--allow-network" in capsys.readouterr().err


def test_the_real_command_refuses_loopback_by_default(site, tmp_path, isolated_env):
    url = site.serve("/a", Reply(PORTS))
    store = tmp_path / "s.jsonl"
    proc = subprocess.run([sys.executable, "-m", "tui", "fetch", url, "--store", str(store)],
                          capture_output=True, text=True, env=isolated_env, cwd=Path(__file__).parent.parent,
                          timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"failed: {url}: refused: 127.0.0.1 is a loopback address (--allow-private fetches it)" in proc.stderr
    assert site.requests == [] and not store.exists()
    assert os.environ.get("XDG_STATE_HOME")  # the feed state lives in the isolated home


def test_at_most_two_documents_at_once_per_host_while_hosts_run_in_parallel(site, other_site, tmp_path):
    import asyncio

    from tui.web.fetcher import fetch_into_store
    from web_helpers import policy

    urls = [s.serve(f"/p{n}", Reply(PORTS, delay=0.3)) for s in (site, other_site) for n in range(6)]
    seen: list[int] = []
    report = asyncio.run(fetch_into_store(urls, [], tmp_path / "s.jsonl", policy(),
                                          progress=lambda done, total, what: seen.append(done)))
    assert (site.max_inflight, other_site.max_inflight) == (2, 2)
    assert report.fetched == 12 and report.added == 1 and report.duplicates == 11
    assert seen == list(range(1, 13))
