"""Crawl benchmark: a generated site of N pages on 127.0.0.1, checked with the real model.

    python bench/bench_crawl.py [--pages 500] [--repeats 3] [--backend auto] [--concurrency 4]

For each repeat: a fresh history, a first run (every page fetched, extracted, embedded, checked)
and a second run over the unchanged site (conditional requests -> 304, stored results reused).
Prints the medians of pages/s and claims/s for both runs, the model calls of the second run
(must be 0) and how many of its page requests were answered 304.

The model is loaded once before timing (a warm process, as in a long weekly job); the first
run's figure includes embedding every sentence of the site.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from msgcheck.crawl_check import crawl_site  # noqa: E402
from msgcheck.crawler import CrawlOptions  # noqa: E402
from msgcheck.demo_server import SiteServer  # noqa: E402
from msgcheck.embed import get_embedder  # noqa: E402
from msgcheck.history import History  # noqa: E402
from msgcheck.pipeline import Engine  # noqa: E402
from msgcheck.platform import load_platform  # noqa: E402

SENTENCES = [
    "Lumen Pulse dashboards refresh every {n} seconds.",
    "Stores using Lumen Pulse reduce stockouts by up to {p}%.",
    "Connect your point-of-sale system in under {n} hours.",
    "Demand forecasts are up to {p}% more accurate than spreadsheet planning.",
    "Our {adj} team helps {n} retailers plan their {thing}.",
    "The {thing} report shows sales by hour for every store in the region.",
    "Store managers in {city} build their own reports without SQL.",
    "Lumen Pulse is priced per store, so {n} people on the team can use it.",
    "Low-stock alerts reach the {thing} team before the shelf is empty.",
    "Customers in {city} cut weekly reporting work from {n} hours to 2.",
]
WORDS = {
    "adj": ["friendly", "expert", "local", "dedicated", "small"],
    "thing": ["produce", "bakery", "stockroom", "checkout", "dairy", "garden"],
    "city": ["Lisbon", "Porto", "Austin", "Leeds", "Lyon", "Turin"],
}


def generate(n_pages: int, seed: int = 7) -> dict[str, bytes]:
    """A site: a home page linking category pages, each linking ~25 article pages; nav+footer on each."""
    rng = random.Random(seed)
    cats = [f"/c{i}/" for i in range(max(1, n_pages // 25))]
    articles = [f"/c{i % len(cats)}/a{i}" for i in range(n_pages - len(cats) - 1)]
    nav = "".join(f'<li><a href="{c}">Category {i}</a></li>' for i, c in enumerate(cats[:8]))

    def page(title: str, body: str) -> bytes:
        return (f"<!doctype html><html><head><title>{title}</title></head><body>"
                f"<header><nav><ul>{nav}</ul></nav></header><main><h1>{title}</h1>{body}"
                f"<section class='cta'><p>See store data that is never more than 5 seconds old.</p></section></main>"
                f"<footer><p>&copy; 2026 Lumen Analytics</p></footer></body></html>").encode()

    def para() -> str:
        out = []
        for _ in range(rng.randint(3, 6)):
            s = rng.choice(SENTENCES)
            out.append(s.format(n=rng.randint(2, 90), p=rng.randint(5, 60),
                                **{k: rng.choice(v) for k, v in WORDS.items()}))
        return "<p>" + " ".join(out) + "</p>"

    pages = {"/": page("Home", "".join(f'<p><a href="{c}">Category {i}</a></p>' for i, c in enumerate(cats)))}
    for i, c in enumerate(cats):
        links = "".join(f'<li><a href="{a}">Article {a}</a></li>' for a in articles if a.startswith(c))
        pages[c] = page(f"Category {i}", para() + f"<ul>{links}</ul>")
    for a in articles:
        pages[a] = page(f"Article {a}", "".join(f"<h2>Part {k}</h2>" + para() for k in range(rng.randint(1, 3))))
    return pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--backend", default="auto")
    ap.add_argument("--concurrency", type=int, default=4)
    args = ap.parse_args()

    platform = load_platform(ROOT / "platform" / "messaging.yaml")
    pages = generate(args.pages)
    embedder = get_embedder(args.backend)
    print(f"site: {len(pages)} pages; backend: {embedder.fingerprint}; concurrency {args.concurrency}")
    first_pps, first_cps, second_pps, second_cps = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MSGCHECK_CACHE_DIR"] = str(Path(tmp) / "cache")
        Engine(platform, embedder=embedder).classifier  # noqa: B018 - warm: platform vectors cached
        for rep in range(args.repeats):
            with SiteServer(None, pages=pages) as server, History.open(Path(tmp) / f"h{rep}.sqlite") as h:
                opts = CrawlOptions(concurrency=args.concurrency, max_pages=len(pages) + 10)
                for label, pps, cps in (("first", first_pps, first_cps), ("second", second_pps, second_cps)):
                    engine = Engine(platform, embedder=embedder)
                    server.clear_log()
                    t0 = time.perf_counter()
                    run = crawl_site(server.url + "/", platform, options=opts, history=h, engine=engine)
                    dt = time.perf_counter() - t0
                    n = run.report.extra["crawl"]["pages"]
                    claims = sum(a.claims for a in run.report.assets)
                    pps.append(n / dt)
                    cps.append(claims / dt)
                    conditional = sum(1 for r in server.log if "if-none-match" in r.headers)
                    print(f"  repeat {rep + 1} {label:>6}: {n} pages, {claims} claims in {dt:6.2f} s = "
                          f"{n / dt:7.1f} pages/s, {claims / dt:7.1f} claims/s; model calls {run.model_calls}, "
                          f"requests {len(server.log)}, conditional {conditional}, "
                          f"304 {run.report.extra['crawl']['not_modified']}")
    med = statistics.median
    print(f"median first run : {med(first_pps):7.1f} pages/s, {med(first_cps):7.1f} claims/s")
    print(f"median second run: {med(second_pps):7.1f} pages/s, {med(second_cps):7.1f} claims/s (unchanged site)")


if __name__ == "__main__":
    main()
