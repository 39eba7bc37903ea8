"""The website commands: ``msgcheck crawl``, ``msgcheck history`` and ``msgcheck demo``.

Registered on the click group in ``cli.py`` (``main.add_command``); they reuse its shared report
options, error handling and exit codes.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

import click

from .cli import backend_option, emit, report_options, user_errors
from .history import DEFAULT_PATH, is_problem


class Progress:
    """'12 pages done, 30 queued, 1 failed' on one stderr line, rewritten in place."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, done: int, queued: int, failed: int) -> None:
        sys.stderr.write(f"\rcrawling: {done} pages done, {queued} queued, {failed} failed ")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def crawl_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """The crawler's knobs (shared by crawl and demo)."""
    opts = [
        click.option("--allow-host", "allow_hosts", multiple=True, metavar="HOST[:PORT]",
                     help="Also crawl this host (repeatable). Other origins are never fetched."),
        click.option("--user-agent", default=None, help="User-Agent header (default: msgcheck/<version> (+project URL))."),
        click.option("--concurrency", type=click.IntRange(1, 32), default=4, show_default=True,
                     help="Requests in flight per host."),
        click.option("--delay", type=click.FloatRange(0), default=0.0, show_default=True,
                     help="Seconds between requests to a host (robots.txt Crawl-delay wins when larger)."),
        click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
                     help="Seconds per request before the page is reported as timed out."),
        click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="Retries on 429, 5xx and connection errors (with backoff, honouring Retry-After)."),
        click.option("--max-pages", type=click.IntRange(1), default=1000, show_default=True,
                     help="Stop queueing new URLs after this many."),
        click.option("--max-depth", type=click.IntRange(0), default=20, show_default=True,
                     help="Links followed from the start page and the sitemap pages."),
        click.option("--max-page-size", type=click.FloatRange(0.01), default=5.0, show_default=True,
                     help="MB; a larger page is reported as an error and not read."),
        click.option("--no-sitemaps", is_flag=True, help="Do not read sitemaps (robots.txt Sitemap lines, /sitemap.xml)."),
    ]
    for opt in reversed(opts):
        f = opt(f)
    return f


def _options(kw: dict[str, Any]) -> Any:
    from .crawler import CrawlOptions, default_user_agent

    return CrawlOptions(
        user_agent=kw["user_agent"] or default_user_agent(),
        allow_hosts=tuple(kw["allow_hosts"]),
        concurrency=kw["concurrency"],
        delay=kw["delay"],
        timeout=kw["timeout"],
        retries=kw["retries"],
        max_pages=kw["max_pages"],
        max_depth=kw["max_depth"],
        max_bytes=int(kw["max_page_size"] * 1024 * 1024),
        sitemaps=not kw["no_sitemaps"],
    )


def _run_crawl(url: str, platform_file: str, fmt: str, output: str | None, fail_on: str, backend: str,
               history_file: str | None, since_last: bool, kw: dict[str, Any]) -> None:
    from .crawl_check import crawl_site
    from .errors import UsageError
    from .history import History
    from .platform import load_platform

    if since_last and history_file is None:
        raise UsageError("--since-last needs the run history", hint="drop --no-history")
    platform = load_platform(platform_file)
    progress = Progress() if sys.stderr.isatty() and output else None
    history = History.open(history_file) if history_file is not None else None
    try:
        run = crawl_site(url, platform, options=_options(kw), history=history, backend=backend,
                         progress=progress, since_last=since_last)
    finally:
        if progress is not None:
            progress.close()
        if history is not None:
            history.close()
    emit(run.report, fmt, output, fail_on)


@click.command()
@click.argument("url")
@click.option("--platform", "-p", "platform_file", required=True, type=click.Path(),
              help="The messaging platform YAML.")
@crawl_options
@click.option("--history", "history_file", type=click.Path(dir_okay=False), default=str(DEFAULT_PATH),
              show_default=True, help="SQLite file of past runs (conditional requests, reuse, comparisons).")
@click.option("--no-history", is_flag=True, help="Neither read nor write the run history.")
@click.option("--since-last", is_flag=True,
              help="Add findings new, fixed and still open since the previous complete run to the report.")
@report_options
@backend_option
@user_errors
def crawl(url: str, platform_file: str, fmt: str, output: str | None, fail_on: str, backend: str,
          history_file: str, no_history: bool, since_last: bool, **kw: Any) -> None:
    """Crawl a website from URL (same origin only) and check every page against the platform."""
    _run_crawl(url, platform_file, fmt, output, fail_on, backend, None if no_history else history_file,
               since_last, kw)


@click.command()
@click.option("--history", "history_file", type=click.Path(dir_okay=False), default=str(DEFAULT_PATH),
              show_default=True, help="SQLite file of past runs.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output format.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="Newest runs to list.")
@user_errors
def history(history_file: str, fmt: str, limit: int) -> None:
    """List the crawl runs stored in the history file, newest first."""
    from .history import History

    with History.open(history_file, create=False) as h:
        runs = h.runs(limit=limit)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in runs], indent=2))
        return
    if not runs:
        click.echo(f"{history_file}: no runs yet")
        return
    click.echo(f"{'run':>4}  {'started (UTC)':<25} {'state':<10} {'pages':>5} {'errors':>6} "
               f"{'problems':>8} {'new':>4} {'fixed':>5}  start URL")
    def num(v: int | None) -> str:
        return "-" if v is None else str(v)

    for r in runs:
        problems = sum(n for k, n in r.by_kind.items() if is_problem(k))
        state = "complete" if r.complete else "incomplete"
        click.echo(f"{r.id:>4}  {r.started:<25} {state:<10} {num(r.pages):>5} {num(r.errors):>6} "
                   f"{problems if r.complete else '-':>8} {num(r.new):>4} {num(r.fixed):>5}  {r.start_url}")


@click.command()
@crawl_options
@report_options
@backend_option
@user_errors
def demo(fmt: str, output: str | None, fail_on: str, backend: str, **kw: Any) -> None:
    """Serve the sample site (samples/site) on 127.0.0.1 and crawl it with the sample platform."""
    from .demo_server import SiteServer, sample_platform, sample_site_root
    from .errors import UsageError

    site, platform_file = sample_site_root(), sample_platform()
    if site is None or platform_file is None:
        raise UsageError("the sample site or platform was not found",
                         hint="run msgcheck demo from a source checkout (samples/site, platform/messaging.yaml)")
    with SiteServer(site) as server, tempfile.TemporaryDirectory(prefix="msgcheck-demo-") as tmp:
        click.echo(f"msgcheck demo: serving {site} on {server.url}/ and crawling it with {platform_file}", err=True)
        _run_crawl(server.url + "/", str(platform_file), fmt, output, fail_on, backend,
                   str(Path(tmp) / "history.sqlite"), False, kw)


COMMANDS = [crawl, history, demo]
