"""One report over all the samples: the sample decks plus two crawl runs of the sample site.

The first crawl sees the site with one extra drifting sentence on the home page, the second the
site as shipped, so the trend shows the drift fixed. Used by the slow browser test and to make
``docs/report-screenshot.png``::

    python -m tests.browser.samples_report docs/report-screenshot.png [report.html]

Loads the real embedding model; serves the site on 127.0.0.1 only.
"""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path

from msgcheck.models import Report

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = "Lumen Pulse dashboards refresh every 5 seconds."
DRIFTED = "Lumen Pulse dashboards refresh every 30 seconds."


def samples_report(work: Path) -> Report:
    """Check samples/decks, crawl a copy of samples/site twice, and merge both into one Report."""
    from msgcheck.crawl_check import crawl_site
    from msgcheck.demo_server import SiteServer
    from msgcheck.history import History
    from msgcheck.pipeline import Engine, check
    from msgcheck.platform import load_platform

    platform = load_platform(ROOT / "platform" / "messaging.yaml")
    engine = Engine(platform)
    decks = check([str(ROOT / "samples" / "decks")], platform, engine=engine)
    site = work / "site"
    shutil.copytree(ROOT / "samples" / "site", site)
    home = site / "index.html"
    shipped = home.read_text(encoding="utf-8")
    assert SHIPPED in shipped, "the sample home page changed; update samples_report.py"
    history = History.open(str(work / "history.sqlite"))
    try:
        with SiteServer(site) as server:
            home.write_text(shipped.replace(SHIPPED, DRIFTED, 1), encoding="utf-8")
            crawl_site(server.url + "/", platform, history=history, engine=engine)
            home.write_text(shipped, encoding="utf-8")
            web = crawl_site(server.url + "/", platform, history=history, engine=engine, since_last=True).report
    finally:
        history.close()
    # Show deck paths relative to the checkout, as a user would type them.
    deck_assets = tuple(dataclasses.replace(a, source=_relative(a.source)) for a in decks.assets)
    extra = dict(web.extra)
    extra["messages"] = decks.extra.get("messages") or web.extra.get("messages")
    return Report(platform.name, platform.version, deck_assets + web.assets, extra)


def _relative(source: str) -> str:
    path = Path(source).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else source


def screenshot(html_file: Path, png: Path, *, height: int = 1500) -> None:
    """The top of the report (scorecards, trend, coverage, drift) as seen in headless Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.browser.test_browser import ARGS, CHROMIUM

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": height}, device_scale_factor=1)
        page.goto(html_file.resolve().as_uri())
        page.screenshot(path=str(png))
        browser.close()


def main(argv: list[str]) -> int:
    from msgcheck.reporters import render

    png = Path(argv[0]) if argv else ROOT / "docs" / "report-screenshot.png"
    with tempfile.TemporaryDirectory(prefix="msgcheck-samples-") as tmp:
        report = samples_report(Path(tmp))
        html_file = Path(argv[1]) if len(argv) > 1 else Path(tmp) / "report.html"
        html_file.write_text(render(report, "html"), encoding="utf-8")
        screenshot(html_file, png)
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
