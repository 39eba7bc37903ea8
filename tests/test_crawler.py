"""The crawler against real HTTP servers on 127.0.0.1: scope, robots, sitemaps, redirects, failures."""

from __future__ import annotations

import gzip
import shutil
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from msgcheck import urls
from msgcheck.crawler import CrawlOptions, Known, crawl, default_user_agent, parse_retry_after
from msgcheck.demo_server import SiteServer
from msgcheck.robots import Robots, gunzip_bounded, parse_sitemap

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "samples" / "site"


# ---- URLs -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "fetch", "key"),
    [
        ("HTTP://Example.COM:80/a/b/#frag", "http://example.com/a/b/", "http://example.com/a/b"),
        ("https://example.com:443", "https://example.com/", "https://example.com/"),
        ("https://example.com:8443/x", "https://example.com:8443/x", "https://example.com:8443/x"),
        ("https://example.com/a/./b/../c?utm_source=x&id=2&gclid=1&fbclid=3&a=1",
         "https://example.com/a/c?id=2&a=1", "https://example.com/a/c?a=1&id=2"),
        ("https://example.com/%7euser/%2f", "https://example.com/~user/%2F", "https://example.com/~user/%2F"),
        ("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9", "https://example.com/caf%C3%A9"),
    ],
)
def test_normalize_and_key(raw: str, fetch: str, key: str) -> None:
    assert urls.normalize(raw) == fetch
    assert urls.url_key(raw) == key


def test_relative_links_and_bad_schemes() -> None:
    assert urls.normalize("../pricing#plans", base="https://ex.com/blog/post") == "https://ex.com/pricing"
    for bad in ("mailto:a@b.c", "javascript:void(0)", "tel:+351", "ftp://ex.com/"):
        with pytest.raises(ValueError):
            urls.normalize(bad, base="https://ex.com/")
    assert urls.url_key("https://ex.com/about/") == urls.url_key("https://ex.com/about")
    assert urls.origin("https://Ex.com:443/x") == "https://ex.com"


# ---- robots.txt and sitemaps -------------------------------------------------------------------

ROBOTS = """
User-agent: *
Disallow: /internal/
Allow: /internal/press/
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: msgcheck
User-agent: otherbot
Disallow: /private
Allow: /private/ok
Crawl-delay: 0.5

Sitemap: https://ex.com/sitemap-a.xml
"""


def test_robots_longest_match_and_groups() -> None:
    star = Robots.parse(ROBOTS, "somebot/1.0")
    assert not star.allowed("/internal/roadmap")
    # the stdlib robotparser applies the first matching rule and blocks this one
    assert star.allowed("/internal/press/launch")
    assert not star.allowed("/docs/a.pdf")
    assert star.allowed("/docs/a.pdf?download=1")
    assert star.allowed("/robots.txt")
    assert star.crawl_delay == 2
    assert star.sitemaps == ["https://ex.com/sitemap-a.xml"]
    ours = Robots.parse(ROBOTS, default_user_agent())
    assert ours.crawl_delay == 0.5
    assert ours.allowed("/internal/roadmap")  # our own group replaces the * group
    assert not ours.allowed("/private/x") and ours.allowed("/private/ok/y")


def test_robots_tie_goes_to_allow_and_empty_disallow() -> None:
    r = Robots.parse("User-agent: *\nDisallow: /page\nAllow: /page\nDisallow:\n", "msgcheck/1")
    assert r.allowed("/page")
    assert Robots.parse("User-agent: *\nDisallow:\n", "x").allowed("/anything")


def test_sitemap_formats() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc> https://ex.com/a.xml.gz </loc></sitemap></sitemapindex>"""
    parsed = parse_sitemap(index)
    assert parsed.index and parsed.urls == ["https://ex.com/a.xml.gz"]
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://ex.com/x</loc>
      <lastmod>2026-01-01</lastmod></url><url><loc>https://ex.com/y</loc></url></urlset>"""
    assert parse_sitemap(gzip.compress(urlset)).urls == ["https://ex.com/x", "https://ex.com/y"]
    assert parse_sitemap(b"https://ex.com/1\nhttps://ex.com/2\n").urls == ["https://ex.com/1", "https://ex.com/2"]
    with pytest.raises(ValueError):
        parse_sitemap(b"<html><body>not a sitemap</body></html>")
    with pytest.raises(ValueError, match="inflates"):
        gunzip_bounded(gzip.compress(b"\0" * 2_000_000), limit=1_000_000)


def test_retry_after_forms() -> None:
    assert parse_retry_after("3") == 3
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10)
    assert parse_retry_after("soon") is None


# ---- crawling the sample site -----------------------------------------------------------------

@pytest.fixture
def servers():
    other = SiteServer(SITE).start()
    site = SiteServer(SITE, other_origin=other.url).start()
    yield site, other
    site.stop()
    other.stop()


def test_sample_site_crawl_scope_and_robots(servers) -> None:
    site, other = servers
    result = crawl(site.url + "/", CrawlOptions(timeout=5))
    pages = {urls.url_key(p.final_url)[len(site.url):]: p for p in result.pages}
    checked = sorted(k for k, p in pages.items() if p.is_page)
    assert checked == ["/", "/about", "/blog", "/blog/ai-and-analysts", "/blog/offline-app", "/contact",
                       "/customers", "/features", "/integrations", "/pricing", "/security"]
    # /integrations is linked from no page: only the (gzipped, indexed) sitemap lists it
    assert result.sitemaps == [site.url + "/sitemap.xml", site.url + "/sitemap-pages.xml.gz"]
    assert pages["/internal/roadmap"].skipped == "disallowed by robots.txt"
    assert not [p for p in site.paths() if p.startswith("/internal")]
    assert other.paths() == []  # the other origin never saw a request
    assert result.external_links == 1
    assert pages["/careers"].error == "HTTP 404 Not Found"
    assert pages["/docs/lumen-pulse-overview.pdf"].skipped == "not HTML (application/pdf)"
    redirect = pages["/pricing-old"]
    assert redirect.redirects == [(site.url + "/pricing-old", 301, site.url + "/pricing")]
    assert "checked on its own" in (redirect.skipped or "")
    # the tracking-parameter link and the #fragment link did not cause second fetches
    assert site.paths().count("/pricing") == 1 and site.paths().count("/features/") == 1
    assert site.paths()[0] == "/robots.txt"
    assert all(r.headers["user-agent"] == default_user_agent() for r in site.log)
    assert result.requests == len(site.log)


def test_conditional_requests_get_304(servers) -> None:
    site, _ = servers
    first = crawl(site.url + "/", CrawlOptions())
    known = {urls.url_key(p.final_url): Known(p.etag, p.last_modified, p.content_hash or "", p.links, p.canonical)
             for p in first.pages if p.is_page}
    site.clear_log()
    second = crawl(site.url + "/", CrawlOptions(), known=known)
    pages = [p for p in second.pages if p.is_page]
    assert len(pages) == len(known) and all(p.not_modified for p in pages)
    assert {p.content_hash for p in pages} == {k.content_hash for k in known.values()}
    conditional = [r for r in site.log if "if-none-match" in r.headers]
    assert len(conditional) == len(known)


def _hook_server(hooks, pages=None) -> SiteServer:
    return SiteServer(None, hooks=hooks, pages=pages).start()


def _html(*links: str) -> bytes:
    body = "".join(f'<p><a href="{h}">{h}</a></p>' for h in links)
    return f"<!doctype html><html><body><main><h1>Page</h1><p>Some text here.</p>{body}</main></body></html>".encode()


def test_hanging_page_times_out_and_crawl_finishes() -> None:
    def hang(h: BaseHTTPRequestHandler) -> bool:
        server.stopping.wait(30)
        return True

    server = _hook_server({"/hang": hang}, {"/": _html("/hang", "/b"), "/b": _html()})
    try:
        started = time.monotonic()
        result = crawl(server.url + "/", CrawlOptions(timeout=1, retries=2))
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    by = {p.url[len(server.url):]: p for p in result.pages}
    assert by["/hang"].error == "timed out after 1 s"
    assert by["/b"].is_page and by["/"].is_page
    assert elapsed < 5  # time-outs are not retried


def test_429_with_retry_after_is_retried() -> None:
    seen: list[float] = []

    def busy(h: BaseHTTPRequestHandler) -> bool:
        seen.append(time.monotonic())
        if len(seen) == 1:
            SiteServer._send(h, 429, b"slow down", {"Retry-After": "1"}, True)
            return True
        return False

    server = _hook_server({"/busy": busy}, {"/": _html("/busy"), "/busy": _html()})
    try:
        result = crawl(server.url + "/", CrawlOptions(backoff=0.01))
    finally:
        server.stop()
    busy_page = next(p for p in result.pages if p.url.endswith("/busy"))
    assert busy_page.is_page and busy_page.tries == 2
    assert seen[1] - seen[0] >= 0.95


def test_5xx_gives_up_with_one_line_and_retry_after_over_limit() -> None:
    def broken(h: BaseHTTPRequestHandler) -> bool:
        SiteServer._send(h, 503, b"", {}, True)
        return True

    def later(h: BaseHTTPRequestHandler) -> bool:
        SiteServer._send(h, 429, b"", {"Retry-After": "3600"}, True)
        return True

    server = _hook_server({"/broken": broken, "/later": later}, {"/": _html("/broken", "/later")})
    try:
        result = crawl(server.url + "/", CrawlOptions(backoff=0.01, max_retry_after=30))
    finally:
        server.stop()
    by = {p.url[len(server.url):]: p for p in result.pages}
    assert by["/broken"].error == "HTTP 503 Service Unavailable after 3 tries"
    assert server.paths().count("/broken") == 3
    assert by["/later"].error == "HTTP 429 Too Many Requests; Retry-After 3600 s is over the 30 s limit"


def test_limits_pages_depth_and_size() -> None:
    chain = {f"/p{i}": _html(f"/p{i + 1}") for i in range(10)}
    chain["/"] = _html("/p0", "/big")
    chain["/big"] = b"<html><body><p>" + b"x" * 300_000 + b"</p></body></html>"
    server = _hook_server({}, chain)
    try:
        deep = crawl(server.url + "/", CrawlOptions(max_depth=2, sitemaps=False, max_bytes=100_000))
        few = crawl(server.url + "/", CrawlOptions(max_pages=3, sitemaps=False))
    finally:
        server.stop()
    assert sorted(p.url[len(server.url):] for p in deep.pages) == ["/", "/big", "/p0", "/p1"]
    big = next(p for p in deep.pages if p.url.endswith("/big"))
    assert big.error == "larger than 97 KB; not read"
    assert len(few.pages) == 3 and few.not_crawled >= 1


def test_crawl_delay_spaces_requests() -> None:
    pages = {"/": _html("/a", "/b", "/c"), "/a": _html(), "/b": _html(), "/c": _html()}

    def robots(h: BaseHTTPRequestHandler) -> bool:
        SiteServer._send(h, 200, b"User-agent: *\nCrawl-delay: 0.3\n", {"Content-Type": "text/plain"}, True)
        return True

    server = _hook_server({"/robots.txt": robots}, pages)
    stamps: list[float] = []
    orig = server._handle

    def timed(h, body):  # type: ignore[no-untyped-def]
        stamps.append(time.monotonic())
        return orig(h, body=body)

    server._handle = timed  # type: ignore[method-assign]
    try:
        crawl(server.url + "/", CrawlOptions(concurrency=4, sitemaps=False))
    finally:
        server.stop()
    page_stamps = stamps[1:]  # after robots.txt
    gaps = [b - a for a, b in zip(page_stamps, page_stamps[1:])]
    assert len(page_stamps) == 4 and min(gaps) >= 0.25


def test_redirect_to_other_origin_not_followed_and_start_redirect_adopted(tmp_path: Path) -> None:
    other = _hook_server({}, {"/": _html("/x"), "/x": _html()})

    def away(h: BaseHTTPRequestHandler) -> bool:
        SiteServer._send(h, 302, b"", {"Location": other.url + "/x"}, True)
        return True

    site = _hook_server({"/away": away}, {"/": _html("/away")})
    try:
        result = crawl(site.url + "/", CrawlOptions(sitemaps=False))
        assert other.paths() == []
        away_page = next(p for p in result.pages if p.url.endswith("/away"))
        assert away_page.skipped == f"redirects to another origin ({other.url}/x); not followed"

        def start(h: BaseHTTPRequestHandler) -> bool:
            SiteServer._send(h, 301, b"", {"Location": other.url + "/"}, True)
            return True

        site.hooks["/"] = start
        moved = crawl(site.url + "/", CrawlOptions(sitemaps=False))
        assert moved.origin == other.url
        assert sorted(p.final_url for p in moved.pages if p.is_page) == [other.url + "/", other.url + "/x"]
    finally:
        site.stop()
        other.stop()


def test_allow_host_extends_scope() -> None:
    other = _hook_server({}, {"/": _html(), "/y": _html()})
    site = _hook_server({}, {"/": _html(other.url + "/y")})
    try:
        host = urls.host_port(other.url)
        result = crawl(site.url + "/", CrawlOptions(sitemaps=False, allow_hosts=(host,)))
        assert "/y" in other.paths() and "/robots.txt" in other.paths()
        assert any(p.final_url == other.url + "/y" and p.is_page for p in result.pages)
    finally:
        site.stop()
        other.stop()


def test_sample_site_copy_is_self_contained(tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    with SiteServer(copy) as server:
        result = crawl(server.url + "/", CrawlOptions())
    assert sum(1 for p in result.pages if p.is_page) == 11
