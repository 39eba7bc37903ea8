"""Crawl a site and check it: crawl -> extract -> site-wide text once -> Engine.check_many -> Report.

    run = crawl_site("https://www.example.com/", platform, history=History.open(path))
    run.report        # a Report: one asset per page (source = final URL, type "html"), plus one
                      # "<origin> (site-wide text)" asset (type "site") for text repeated on many pages

With a history, requests are conditional, a page whose content (or 304) and platform are unchanged
reuses its stored result without touching the model, sentence vectors come from the history (token
vectors are not stored: a changed page's sentences are embedded again for them), and the run is
committed in one transaction at the end.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from . import urls
from .crawler import Crawler, CrawlOptions, CrawlResult, Known, PageResult, version
from .errors import UsageError
from .history import History, PageRecord, blocks_from_json, blocks_to_json, compare, current_findings, result_from_dict
from .models import AssetResult, Kind, Platform, Report, TextBlock, as_plain

PAGE_TYPE = "html"
SITE_TYPE = "site"
TREND_RUNS = 10


@dataclass
class CrawlRun:
    """What ``crawl_site`` did: the report, and figures for tests and benchmarks."""

    report: Report
    crawl: CrawlResult
    run_id: int | None
    checked: int  # pages whose text went through the engine this run
    reused: int  # pages whose stored result was reused
    model_calls: int  # texts sent to the embedding model


def site_source(origin: str) -> str:
    return f"{origin} (site-wide text)"


def platform_hash(platform: Platform, backend: str = "auto") -> str:
    """Changes when the platform, the msgcheck version or the model backend changes."""
    plain = as_plain(platform)
    plain.pop("source", None)
    raw = json.dumps([plain, version(), backend], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:24]


def _blocks_hash(blocks: list[TextBlock]) -> str:
    return hashlib.sha256(json.dumps(blocks_to_json(blocks)).encode()).hexdigest()


def _page_text(data: dict[str, Any]) -> Any:
    """Rebuild an extractor PageText from what the history stored."""
    from .extractors.web import PageText

    values = {
        "title": data.get("title"),
        "canonical": data.get("canonical"),
        "links": tuple(data.get("links", ())),
        "blocks": blocks_from_json(data.get("blocks", [])),
    }
    names = {f.name for f in dataclasses.fields(PageText)}
    return PageText(**{k: v for k, v in values.items() if k in names})


def _content_data(page: Any) -> dict[str, Any]:
    return {
        "title": getattr(page, "title", None),
        "canonical": getattr(page, "canonical", None),
        "links": list(getattr(page, "links", ())),
        "blocks": blocks_to_json(getattr(page, "blocks", ())),
    }


def _known_pages(history: History, run_id: int) -> dict[str, Known]:
    known: dict[str, Known] = {}
    for rec in history.pages(run_id).values():
        if not rec.content_hash or rec.error:
            continue
        data = history.content(rec.content_hash)
        if data is None:
            continue
        known[urls.url_key(rec.final_url)] = Known(
            rec.etag, rec.last_modified, rec.content_hash, tuple(data.get("links", ())), data.get("canonical")
        )
    return known


def _duplicates(pages: list[PageResult]) -> dict[int, str]:
    """index -> reason for pages that are copies of another crawled page (rel=canonical, same URL)."""
    by_key: dict[str, PageResult] = {}
    out: dict[int, str] = {}
    for i, p in enumerate(pages):
        key = urls.url_key(p.final_url)
        if key in by_key:
            out[i] = f"duplicate of {by_key[key].final_url}"
        else:
            by_key[key] = p
    for i, p in enumerate(pages):
        if i in out or not p.canonical:
            continue
        try:
            ckey = urls.url_key(urls.normalize(p.canonical, base=p.final_url))
        except ValueError:
            continue
        target = by_key.get(ckey)
        if target is None or target is p:
            continue
        # only defer to a target that names itself (or nothing) as canonical: no loops
        tcanon = target.canonical
        if tcanon is None or urls.url_key(urls.normalize(tcanon, base=target.final_url)) == ckey:
            out[i] = f"duplicate of {target.final_url} (rel=canonical)"
    return out


def crawl_site(
    start_url: str,
    platform: Platform,
    *,
    options: CrawlOptions | None = None,
    history: History | None = None,
    engine: Any = None,
    backend: str = "auto",
    client: httpx.AsyncClient | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    progress: Callable[[int, int, int], None] | None = None,
    min_share: float = 0.5,
    min_pages: int = 3,
    since_last: bool = False,
    before_commit: Callable[[], None] | None = None,
) -> CrawlRun:
    """Crawl ``start_url`` and check every page against ``platform``; see the module docstring.

    ``engine``: a pipeline.Engine (tests inject one with a fake embedder); one is made if None.
    ``since_last``: add the comparison with the previous complete run (``extra["changes"]``) and the
    trend of recent runs (``extra["history"]``) to the report; needs a history.
    """
    from .extractors.web import boilerplate_texts
    from .pipeline import Engine

    try:
        start = urls.normalize(start_url)
    except ValueError as exc:
        raise UsageError(f"cannot crawl {start_url!r}: {exc}", hint="give an http:// or https:// URL") from None
    origin0 = urls.origin(start)
    if engine is None:
        engine = Engine(platform, backend=backend)
    phash = platform_hash(platform, getattr(engine, "backend", backend))
    vectors = None
    if history is not None:
        vectors = history.claim_vectors(lambda: engine.embedder.fingerprint)
        engine.claim_vectors = vectors
    prev_run = history.last_complete(origin0) if history is not None else None
    known = _known_pages(history, prev_run.id) if history is not None and prev_run is not None else {}
    prev_pages = history.pages(prev_run.id) if history is not None and prev_run is not None else {}
    run_id = history.begin_run(start, origin0, phash) if history is not None else None

    crawler = Crawler(start, options, client=client, transport=transport, known=known, progress=progress)
    result = asyncio.run(crawler.run())
    origin = result.origin

    # -- what each page says --------------------------------------------------------------
    skipped: list[dict[str, str]] = []
    redirects: list[dict[str, Any]] = []
    errors: list[AssetResult] = []
    page_blocks: dict[str, list[TextBlock]] = {}  # final URL -> blocks, for pages to check
    page_objs: list[Any] = []
    contents: dict[str, dict[str, Any]] = {}
    dups = _duplicates([p for p in result.pages if p.is_page])
    ok_pages = [p for p in result.pages if p.is_page]
    for p in result.pages:
        for src, status, dst in p.redirects:
            redirects.append({"from": src, "to": dst, "status": status})
        if p.skipped:
            skipped.append({"url": p.url, "reason": p.skipped})
        elif p.error:
            errors.append(AssetResult(p.final_url, PAGE_TYPE, error=p.error))
    checked_pages: list[PageResult] = []
    for i, p in enumerate(ok_pages):
        if i in dups:
            skipped.append({"url": p.final_url, "reason": dups[i]})
            continue
        if p.page is not None:
            obj = p.page
            contents[p.content_hash or ""] = _content_data(obj)
        else:
            data = history.content(p.content_hash) if history is not None and p.content_hash else None
            if data is None:  # cannot happen unless the history was edited
                errors.append(AssetResult(p.final_url, PAGE_TYPE, error="unchanged (304) but not in the history"))
                continue
            obj = _page_text(data)
        page_objs.append(obj)
        page_blocks[p.final_url] = list(obj.blocks)
        checked_pages.append(p)

    # -- site-wide text, checked once -------------------------------------------------------
    boiler = boilerplate_texts(page_objs, min_share=min_share, min_pages=min_pages) if page_objs else set()
    site_blocks: list[TextBlock] = []
    seen_texts: set[str] = set()
    for blocks in page_blocks.values():
        for b in blocks:
            if b.text in boiler and b.text not in seen_texts:
                seen_texts.add(b.text)
                site_blocks.append(b)

    # -- reuse what did not change, check the rest in one batch ------------------------------
    items: list[tuple[str, str, list[TextBlock], str]] = []  # source, type, blocks, check key
    if site_blocks:
        items.append((site_source(origin), SITE_TYPE, site_blocks, ""))
    for p in checked_pages:
        own = [b for b in page_blocks[p.final_url] if b.text not in boiler]
        items.append((p.final_url, PAGE_TYPE, own, ""))
    keyed = [(s, t, b, hashlib.sha256(f"{phash}:{t}:{_blocks_hash(b)}".encode()).hexdigest()[:32]) for s, t, b, _ in items]
    raw: dict[str, AssetResult] = {}
    todo: list[tuple[str, str, list[TextBlock]]] = []
    for source, type_, blocks, key in keyed:
        prev = prev_pages.get(source)
        if prev is not None and prev.check_key == key and prev.result is not None:
            raw[source] = result_from_dict(prev.result)
        else:
            todo.append((source, type_, blocks))
    calls_before = getattr(engine, "model_calls", 0)
    if todo:
        for res in engine.check_many(todo):
            raw[res.source] = res
    model_calls = getattr(engine, "model_calls", 0) - calls_before

    # -- assemble --------------------------------------------------------------------------
    site_aligned: dict[str, set[str]] = {}  # boilerplate text -> message ids it carries
    results: list[AssetResult] = []
    if site_blocks:
        site = raw[site_source(origin)]
        for f in site.findings:
            if f.kind is Kind.ALIGNED and f.message_id:
                for b in site_blocks:
                    if f.text in b.text:
                        site_aligned.setdefault(b.text, set()).add(f.message_id)
        results.append(dataclasses.replace(site, missing=()))
    page_results: list[AssetResult] = []
    for p in checked_pages:
        res = raw[p.final_url]
        carried = set().union(*(site_aligned.get(b.text, set()) for b in page_blocks[p.final_url]))
        if carried and res.missing:
            res = dataclasses.replace(res, missing=tuple(m for m in res.missing if m not in carried))
        page_results.append(res)
    page_results.extend(errors)
    page_results.sort(key=lambda r: r.source)
    results.extend(page_results)
    if not results:
        # Nothing was read (robots.txt unreachable, start page disallowed…): say so, never "all clear".
        why = "; ".join(dict.fromkeys([*result.notes, *(f"{d['url']}: {d['reason']}" for d in skipped)]))
        results.append(AssetResult(start_url, PAGE_TYPE, error=f"nothing could be crawled ({why or 'no page found'})"))

    checked_sources = {t[0] for t in todo}
    reused = sum(1 for s, _, _, _ in keyed if s not in checked_sources)
    extra: dict[str, Any] = {
        "crawl": {
            "start_url": start,
            "origin": origin,
            "pages": len(checked_pages),
            "not_modified": sum(1 for p in checked_pages if p.not_modified),
            "reused": reused,
            "errors": len(errors),
            "requests": result.requests,
            "not_crawled": result.not_crawled,
            "external_links": result.external_links,
            "sitemaps": result.sitemaps,
            "notes": result.notes,
            "seconds": round(result.duration, 2),
            "run_id": run_id,
        },
        "skipped": sorted(skipped, key=lambda d: d["url"]),
        "redirects": redirects,
    }

    # -- history ---------------------------------------------------------------------------
    counts = None
    if history is not None and run_id is not None:
        cur = current_findings(results)
        if prev_run is not None:
            rechecked = {r.source for r in results if r.error is None}
            new, fixed, still, unknown = compare(history.findings(prev_run.id), cur, rechecked)
            counts = (len(new), len(fixed), still)
            changes = {
                "previous_run": prev_run.id,
                "previous_started": prev_run.started,
                "new": new,
                "fixed": fixed,
                "open": still,
                "not_rechecked": unknown,
            }
            if since_last:
                extra["changes"] = changes
        check_keys = {s: k for s, _, _, k in keyed}
        records = []
        for p in result.pages:
            res = raw.get(p.final_url) if p.is_page else None
            stored = res.to_dict() if res is not None else None
            key = check_keys.get(p.final_url)
            records.append(PageRecord(p.url, p.final_url, p.status, p.etag, p.last_modified, p.content_hash,
                                      key, p.error or p.skipped, stored))
        if site_blocks:
            site_key = keyed[0][3]
            site_res = raw[site_source(origin)]
            records.append(PageRecord(site_source(origin), site_source(origin), None, None, None, None, site_key,
                                      None, site_res.to_dict()))
        history.finish_run(run_id, origin=origin0, pages=records, contents=contents, results=results,
                           vectors=vectors, previous_run=prev_run.id if prev_run else None, counts=counts,
                           fail_after=before_commit)
        if since_last:
            trend = [r for r in history.runs(limit=TREND_RUNS) if r.complete and r.origin == origin0]
            extra["history"] = [
                {"run_id": r.id, "started": r.started, "new": r.new, "fixed": r.fixed, "open": r.open}
                for r in reversed(trend)
            ]

    report = engine.report(results, extra)
    return CrawlRun(report, result, run_id, len(todo), reused, model_calls)
