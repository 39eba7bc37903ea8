"""The website crawler: httpx.AsyncClient, one origin, polite, bounded, and never off-site.

    Crawler(start_url, options, client=..., known=..., parse=...).run() -> CrawlResult

* Scope: the start URL's origin (scheme, host, port) plus ``allow_hosts``. A URL outside it is
  never requested, not even with HEAD. If the start URL itself redirects (http -> https, bare
  domain -> www), the crawl adopts the origin it lands on.
* robots.txt is fetched first for every origin and obeyed (``msgcheck.robots``): Disallow/Allow,
  Crawl-delay. Sitemaps from robots.txt and ``/sitemap.xml`` (indexes, gzip) add seeds.
* Every URL is identified by ``urls.url_key`` and fetched once. Redirects are followed by hand
  (at most ``max_redirects``) so each hop is scope- and robots-checked and recorded.
* Politeness: at most ``concurrency`` requests in flight per host, and request starts on a host
  spaced by max(--delay, Crawl-delay). 429 and 5xx are retried with exponential backoff, waiting
  what Retry-After asks when it is within ``max_retry_after``. Time-outs are not retried.
* Bounds: ``max_pages`` URLs, ``max_depth`` link hops from a seed, ``max_bytes`` per page (the
  body is streamed and reading stops past it), ``timeout`` per attempt (whole response).
* ``known`` (from the run history) makes requests conditional (If-None-Match/If-Modified-Since);
  a 304 page keeps the links and content hash it had last time, so the crawl goes on.
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from . import __version__, urls
from .robots import SITEMAP_MAX_BYTES, Robots, parse_sitemap

PROJECT_URL = "https://github.com/msgcheck/msgcheck"
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_SITEMAPS = 100
MAX_SITEMAP_NESTING = 3


def version() -> str:
    """msgcheck's version, as the User-Agent states it."""
    return __version__


def default_user_agent() -> str:
    return f"msgcheck/{version()} (+{PROJECT_URL})"


@dataclass(frozen=True)
class CrawlOptions:
    """The knobs of a crawl; the CLI options map one to one."""

    user_agent: str = field(default_factory=default_user_agent)
    allow_hosts: tuple[str, ...] = ()
    concurrency: int = 4
    delay: float = 0.0
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 60.0
    max_pages: int = 1000
    max_depth: int = 20
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    max_crawl_delay: float = 30.0
    sitemaps: bool = True


@dataclass(frozen=True)
class Known:
    """What the previous run saw at a URL: validators for a conditional GET, and what to reuse on 304."""

    etag: str | None
    last_modified: str | None
    content_hash: str
    links: tuple[str, ...] = ()
    canonical: str | None = None


@dataclass
class PageResult:
    """One URL the crawl reached: a page, a skipped URL, or a failure (a one-line ``error``)."""

    url: str
    depth: int
    final_url: str = ""
    status: int | None = None
    redirects: list[tuple[str, int, str]] = field(default_factory=list)
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    content_hash: str | None = None
    page: Any = None  # extractors.web.PageText, or None (304, error, skipped)
    links: tuple[str, ...] = ()
    canonical: str | None = None
    error: str | None = None
    skipped: str | None = None
    tries: int = 0

    def __post_init__(self) -> None:
        if not self.final_url:
            self.final_url = self.url

    @property
    def is_page(self) -> bool:
        """An HTML page that was read (200) or is unchanged (304)."""
        return self.error is None and self.skipped is None


@dataclass
class CrawlResult:
    start_url: str
    origin: str
    pages: list[PageResult]
    notes: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    requests: int = 0
    not_crawled: int = 0  # URLs found but left out by --max-pages
    external_links: int = 0  # distinct links to other origins, never requested
    duration: float = 0.0


def content_hash(page: Any) -> str:
    """A hash of what was extracted from a page (stable across cache-busting markup changes)."""
    payload = {
        "title": getattr(page, "title", None),
        "canonical": getattr(page, "canonical", None),
        "links": list(getattr(page, "links", ())),
        "blocks": [
            [b.text, b.role, b.location.heading, b.location.css_path] for b in getattr(page, "blocks", ())
        ],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def default_parse(body: str | bytes, url: str) -> Any:
    from .extractors.web import extract_html

    return extract_html(body, url)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def _fmt_seconds(s: float) -> str:
    return f"{s:g} s"


def _fmt_bytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


@dataclass
class _Answer:
    """One HTTP answer, body read only when it was wanted."""

    status: int
    reason: str
    headers: httpx.Headers
    body: bytes | None = None
    tries: int = 1


class _Failure(Exception):
    """A request that failed for good; ``str()`` is the one-line reason."""


class _TooLarge(Exception):
    pass


class Crawler:
    """Crawls one site; see the module docstring. Use once: ``result = await crawler.run()``."""

    def __init__(
        self,
        start_url: str,
        options: CrawlOptions | None = None,
        *,
        client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        known: Mapping[str, Known] | None = None,
        parse: Callable[[str | bytes, str], Any] | None = None,
        progress: Callable[[int, int, int], None] | None = None,
    ) -> None:
        self.start_url = urls.normalize(start_url)
        self.options = options or CrawlOptions()
        self._client = client
        self._transport = transport
        self.known = known or {}
        self.parse = parse or default_parse
        self.progress = progress
        self.origin = urls.origin(self.start_url)
        self._allowed = {h.lower() for h in self.options.allow_hosts}
        self._robots: dict[str, Robots] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._host_sems: dict[str, asyncio.Semaphore] = {}
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_next: dict[str, float] = {}
        self._seen: set[str] = set()
        self._over_limit: set[str] = set()
        self._external: set[str] = set()
        self._scheduled = 0
        self._queue: asyncio.Queue[tuple[str, int]] = asyncio.Queue()
        self.result = CrawlResult(self.start_url, self.origin, [])

    # ---- scope ---------------------------------------------------------------------------

    def in_scope(self, url: str) -> bool:
        try:
            if urls.origin(url) == self.origin:
                return True
            host_port = urls.host_port(url)
        except ValueError:
            return False
        host = host_port.rsplit(":", 1)[0] if not host_port.endswith("]") else host_port
        return host_port in self._allowed or host in self._allowed

    # ---- politeness ----------------------------------------------------------------------

    def _interval(self, origin: str) -> float:
        robots = self._robots.get(origin)
        crawl_delay = min(robots.crawl_delay or 0.0, self.options.max_crawl_delay) if robots else 0.0
        return max(self.options.delay, crawl_delay)

    @asynccontextmanager
    async def _slot(self, url: str) -> AsyncIterator[None]:
        """Hold one of the host's ``concurrency`` slots, starting no sooner than its delay allows."""
        origin = urls.origin(url)
        sem = self._host_sems.setdefault(origin, asyncio.Semaphore(max(1, self.options.concurrency)))
        lock = self._host_locks.setdefault(origin, asyncio.Lock())
        async with sem:
            interval = self._interval(origin)
            if interval > 0:
                async with lock:
                    loop = asyncio.get_running_loop()
                    wait = self._host_next.get(origin, 0.0) - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                    self._host_next[origin] = loop.time() + interval
            yield

    # ---- HTTP ----------------------------------------------------------------------------

    async def _attempt(self, url: str, headers: dict[str, str], want: Callable[[int, str], bool],
                       limit: int) -> _Answer:
        assert self._client is not None
        request = self._client.build_request("GET", url, headers=headers)
        response = await self._client.send(request, stream=True, follow_redirects=False)
        self.result.requests += 1
        try:
            answer = _Answer(response.status_code, response.reason_phrase, response.headers)
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if want(response.status_code, ctype):
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _TooLarge()
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise _TooLarge()
                    chunks.append(chunk)
                answer.body = b"".join(chunks)
            return answer
        finally:
            await response.aclose()

    async def _get(self, url: str, headers: dict[str, str] | None = None,
                   want: Callable[[int, str], bool] = lambda s, c: s == 200,
                   limit: int | None = None) -> _Answer:
        """GET with retries on 429/5xx and connection errors. Raises _Failure with a one-line reason."""
        opts = self.options
        limit = limit or opts.max_bytes
        tries = opts.retries + 1
        for attempt in range(1, tries + 1):
            wait: float | None = None
            try:
                async with self._slot(url):
                    answer = await asyncio.wait_for(self._attempt(url, headers or {}, want, limit), opts.timeout)
            except (asyncio.TimeoutError, httpx.TimeoutException):
                raise _Failure(f"timed out after {_fmt_seconds(opts.timeout)}") from None
            except _TooLarge:
                raise _Failure(f"larger than {_fmt_bytes(limit)}; not read") from None
            except httpx.TransportError as exc:
                if attempt == tries:
                    detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    raise _Failure(f"{detail} after {tries} tries" if tries > 1 else detail) from None
                wait = opts.backoff * 2 ** (attempt - 1)
            else:
                answer.tries = attempt
                if answer.status != 429 and answer.status < 500:
                    return answer
                if attempt == tries:
                    raise _Failure(
                        f"HTTP {answer.status} {answer.reason}".rstrip() + (f" after {tries} tries" if tries > 1 else "")
                    )
                asked = parse_retry_after(answer.headers.get("retry-after"))
                if asked is not None and asked > opts.max_retry_after:
                    raise _Failure(
                        f"HTTP {answer.status} {answer.reason}; Retry-After {asked:.0f} s is over the "
                        f"{opts.max_retry_after:g} s limit"
                    )
                wait = asked if asked is not None else opts.backoff * 2 ** (attempt - 1)
            await asyncio.sleep(wait)
        raise AssertionError("unreachable")

    # ---- robots and sitemaps -------------------------------------------------------------

    async def robots_for(self, origin: str) -> Robots:
        if origin in self._robots:
            return self._robots[origin]
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = await self._fetch_robots(origin)
                if self._robots[origin].note:
                    self.result.notes.append(self._robots[origin].note or "")
        return self._robots[origin]

    async def _fetch_robots(self, origin: str) -> Robots:
        url = origin + "/robots.txt"
        for _ in range(self.options.max_redirects + 1):
            try:
                answer = await self._get(url, want=lambda s, c: s == 200, limit=512 * 1024)
            except _Failure as exc:
                return Robots.deny_all(f"{url}: {exc}; nothing is fetched from {origin} (RFC 9309)")
            if answer.status in (301, 302, 303, 307, 308) and answer.headers.get("location"):
                target = urls.normalize(answer.headers["location"], base=url)
                if urls.origin(target) != origin:
                    return Robots.allow_all(f"{url} redirects to another origin; treated as no robots.txt")
                url = target
                continue
            if answer.status == 200 and answer.body is not None:
                return Robots.parse(answer.body.decode("utf-8", errors="replace"), self.options.user_agent)
            if 400 <= answer.status < 500:
                return Robots.allow_all()
            return Robots.deny_all(f"{url}: HTTP {answer.status}; nothing is fetched from {origin} (RFC 9309)")
        return Robots.allow_all(f"{url}: too many redirects; treated as no robots.txt")

    async def _read_sitemaps(self) -> list[str]:
        """Page URLs listed in the origin's sitemaps (robots.txt Sitemap lines and /sitemap.xml)."""
        robots = await self.robots_for(self.origin)
        todo: list[tuple[str, int]] = []
        for loc in [*robots.sitemaps, self.origin + "/sitemap.xml"]:
            try:
                todo.append((urls.normalize(loc), 0))
            except ValueError:
                self.result.notes.append(f"sitemap {loc!r} in robots.txt is not an http(s) URL")
        done: set[str] = set()
        pages: list[str] = []
        listed = {urls.url_key(u) for u, _ in todo[:-1]}
        while todo and len(done) < MAX_SITEMAPS:
            url, nesting = todo.pop(0)
            key = urls.url_key(url)
            if key in done:
                continue
            done.add(key)
            if not self.in_scope(url):
                self.result.notes.append(f"sitemap {url} is on another origin; not fetched")
                continue
            if key not in listed and not robots.allowed(urls.path_and_query(url)):
                continue
            try:
                answer = await self._get(url, want=lambda s, c: s == 200, limit=SITEMAP_MAX_BYTES)
                if answer.status != 200 or answer.body is None:
                    if key in listed or answer.status != 404:
                        self.result.notes.append(f"sitemap {url}: HTTP {answer.status}")
                    continue
                sitemap = parse_sitemap(answer.body)
            except (_Failure, ValueError) as exc:
                self.result.notes.append(f"sitemap {url}: {exc}")
                continue
            self.result.sitemaps.append(url)
            if sitemap.index:
                if nesting < MAX_SITEMAP_NESTING:
                    for loc in sitemap.urls:
                        try:
                            todo.append((urls.normalize(loc), nesting + 1))
                        except ValueError:
                            continue
                continue
            pages.extend(sitemap.urls)
        return pages

    # ---- pages ---------------------------------------------------------------------------

    def _conditional(self, url: str) -> dict[str, str]:
        known = self.known.get(urls.url_key(url))
        headers: dict[str, str] = {}
        if known is not None:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        return headers

    async def fetch_page(self, url: str, depth: int, *, may_move: bool = False) -> PageResult:
        """Fetch one page, following redirects by hand. ``may_move``: the start URL may change origin."""
        result = PageResult(url, depth)
        current = url
        for _hop in range(self.options.max_redirects + 1):
            robots = await self.robots_for(urls.origin(current))
            if not robots.allowed(urls.path_and_query(current)):
                result.final_url = current
                result.skipped = "disallowed by robots.txt"
                return result

            def want(status: int, ctype: str) -> bool:
                return status == 200 and (not ctype or ctype in HTML_TYPES)

            try:
                answer = await self._get(current, self._conditional(current), want)
            except _Failure as exc:
                result.final_url = current
                result.error = str(exc)
                return result
            result.tries += answer.tries
            result.status = answer.status
            location = answer.headers.get("location")
            if answer.status in (301, 302, 303, 307, 308) and location:
                try:
                    target = urls.normalize(location, base=current)
                except ValueError:
                    result.final_url = current
                    result.error = f"HTTP {answer.status} to an unusable Location {location!r}"
                    return result
                result.redirects.append((current, answer.status, target))
                if not self.in_scope(target):
                    if may_move:
                        self.origin = urls.origin(target)
                        self.result.origin = self.origin
                    else:
                        result.final_url = current
                        result.skipped = f"redirects to another origin ({target}); not followed"
                        return result
                tkey = urls.url_key(target)
                if tkey != urls.url_key(current) and tkey != urls.url_key(url):
                    if tkey in self._seen:
                        result.final_url = current
                        result.skipped = f"redirects to {target}, which is checked on its own"
                        return result
                    self._seen.add(tkey)
                current = target
                continue
            break
        else:
            result.final_url = current
            result.error = f"more than {self.options.max_redirects} redirects"
            return result

        result.final_url = current
        result.etag = answer.headers.get("etag")
        result.last_modified = answer.headers.get("last-modified")
        ctype_header = answer.headers.get("content-type", "")
        ctype = ctype_header.split(";")[0].strip().lower()
        result.content_type = ctype or None
        if answer.status == 304:
            known = self.known.get(urls.url_key(current))
            if known is None:
                result.error = "HTTP 304 Not Modified to a request that was not conditional"
                return result
            result.not_modified = True
            result.content_hash = known.content_hash
            result.links = known.links
            result.canonical = known.canonical
            result.etag = result.etag or known.etag
            result.last_modified = result.last_modified or known.last_modified
            return result
        if answer.status != 200:
            result.error = f"HTTP {answer.status} {answer.reason}".rstrip()
            return result
        if ctype and ctype not in HTML_TYPES:
            result.skipped = f"not HTML ({ctype})"
            return result
        body: str | bytes = answer.body or b""
        charset = httpx.Headers({"content-type": ctype_header}).get("content-type", "")
        if "charset=" in charset.lower():
            encoding = charset.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"')
            try:
                body = (answer.body or b"").decode(encoding, errors="replace")
            except LookupError:
                body = answer.body or b""
        try:
            page = await asyncio.to_thread(self.parse, body, current)
        except Exception as exc:  # an extractor bug must not stop the crawl
            result.error = f"could not read the HTML: {type(exc).__name__}: {exc}".splitlines()[0]
            return result
        result.page = page
        result.content_hash = content_hash(page)
        result.links = tuple(getattr(page, "links", ()))
        result.canonical = getattr(page, "canonical", None)
        return result

    def _enqueue(self, link: str, depth: int, base: str | None = None) -> None:
        try:
            url = urls.normalize(link, base=base)
        except ValueError:
            return
        if not self.in_scope(url):
            self._external.add(urls.url_key(url))
            return
        key = urls.url_key(url)
        if key in self._seen:
            return
        if self._scheduled >= self.options.max_pages:
            self._over_limit.add(key)
            return
        self._seen.add(key)
        self._scheduled += 1
        self._queue.put_nowait((url, depth))

    def _follow(self, page: PageResult) -> None:
        if not page.is_page:
            return
        if page.canonical:
            # A page that names another canonical URL: make sure the canonical one is crawled.
            self._enqueue(page.canonical, page.depth, base=page.final_url)
        if page.depth < self.options.max_depth:
            for link in page.links:
                self._enqueue(link, page.depth + 1, base=page.final_url)

    def _report_progress(self) -> None:
        if self.progress is not None:
            failed = sum(1 for p in self.result.pages if p.error)
            self.progress(len(self.result.pages), self._queue.qsize(), failed)

    async def _worker(self) -> None:
        while True:
            url, depth = await self._queue.get()
            try:
                try:
                    page = await self.fetch_page(url, depth)
                except Exception as exc:  # a bug must cost one page, not hang the crawl
                    page = PageResult(url, depth, error=f"internal error: {type(exc).__name__}: {exc}".splitlines()[0])
                self.result.pages.append(page)
                self._follow(page)
                self._report_progress()
            finally:
                self._queue.task_done()

    async def run(self) -> CrawlResult:
        started = time.monotonic()
        owns_client = self._client is None
        if self._client is None:
            hosts = 1 + len(self._allowed)
            self._client = httpx.AsyncClient(
                transport=self._transport,
                headers={"User-Agent": self.options.user_agent},
                limits=httpx.Limits(max_connections=max(1, self.options.concurrency) * hosts),
                timeout=httpx.Timeout(self.options.timeout),
                follow_redirects=False,
            )
        try:
            self._seen.add(urls.url_key(self.start_url))
            self._scheduled = 1
            first = await self.fetch_page(self.start_url, 0, may_move=True)
            self.result.pages.append(first)
            self._follow(first)
            if self.options.sitemaps:
                for loc in await self._read_sitemaps():
                    self._enqueue(loc, 0)
            self._report_progress()
            workers = [asyncio.create_task(self._worker()) for _ in range(max(1, self.options.concurrency))]
            try:
                await self._queue.join()
            finally:
                for w in workers:
                    w.cancel()
                await asyncio.gather(*workers, return_exceptions=True)
        finally:
            if owns_client:
                await self._client.aclose()
        self.result.not_crawled = len(self._over_limit)
        self.result.external_links = len(self._external)
        self.result.duration = time.monotonic() - started
        return self.result


def crawl(start_url: str, options: CrawlOptions | None = None, **kwargs: Any) -> CrawlResult:
    """Run a crawl to completion from synchronous code."""
    return asyncio.run(Crawler(start_url, options, **kwargs).run())
