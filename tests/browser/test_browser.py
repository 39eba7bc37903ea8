"""The HTML report in a real browser: Debian's Chromium driven headless through Playwright.

Nothing is installed here: CI installs ``chromium`` (apt) and ``playwright`` (the ``test`` extra);
the tests skip when either is missing. Playwright's own browser download is never used.
"""

from __future__ import annotations

import importlib.util
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

import pytest

from msgcheck.reporters import render
from tests.browser.sample import HOSTILE, sample_report

CHROMIUM = Path("/usr/bin/chromium")
SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (/usr/bin/chromium)"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright is not installed"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(render(sample_report(), "html"), encoding="utf-8")
    return path


class Watched:
    """A page with its console errors, page errors, dialogs and requests recorded."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def open_report(browser: Any, path: Path, **context: Any) -> Watched:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    watched = Watched(ctx.new_page())
    watched.page.goto(path.as_uri())
    watched.page.wait_for_load_state("load")
    return watched


def visible_kinds(page: Any) -> list[str]:
    return page.eval_on_selector_all("tr[data-kind]", "rs => rs.filter(r => !r.hidden).map(r => r.dataset.kind)")


def test_report_renders_without_errors_and_hostile_text_stays_text(browser: Any, report_file: Path,
                                                                   tmp_path: Path) -> None:
    w = open_report(browser, report_file)
    page = w.page
    assert page.title().startswith("msgcheck report")
    row = page.locator("tr[data-kind='off_message'] td.text")
    assert row.inner_text() == HOSTILE
    assert page.locator("img").count() == 0
    assert page.evaluate("typeof window.alert") == "function"
    page.wait_for_timeout(200)
    assert w.dialogs == []
    assert w.console_errors == [] and w.page_errors == []
    assert all(u.startswith("file://") for u in w.requests), w.requests  # nothing fetched from anywhere
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_kind_filter_and_search(browser: Any, report_file: Path) -> None:
    w = open_report(browser, report_file)
    page = w.page
    assert page.locator("#controls").is_visible()
    everything = visible_kinds(page)
    assert len(everything) == 8 and "drift" in everything
    page.locator("#controls input[data-kind='drift']").uncheck()
    after = visible_kinds(page)
    assert "drift" not in after and len(after) == len(everything) - 2
    assert page.locator("tr[data-kind='drift']").first.is_hidden()
    assert page.locator("#shown").inner_text() == str(len(after))
    page.locator("#controls input[data-kind='drift']").check()
    page.locator("#search").fill("stockouts")
    texts = page.eval_on_selector_all("tr[data-kind]", "rs => rs.filter(r => !r.hidden).map(r => r.textContent)")
    assert len(texts) == 2 and all("stockouts" in t.lower() for t in texts)
    page.locator("#search").fill("no such claim anywhere")
    assert visible_kinds(page) == []
    assert page.locator("section.asset.filtered-out .none-shown").first.is_visible()
    page.locator("#search").fill("")
    assert len(visible_kinds(page)) == len(everything)
    assert w.console_errors == [] and w.page_errors == []


def test_page_reads_without_javascript(browser: Any, report_file: Path) -> None:
    w = open_report(browser, report_file, java_script_enabled=False)
    page = w.page
    assert page.locator("#controls").is_hidden()
    rows = page.locator("tr[data-kind]")
    assert rows.count() == 8
    assert all(rows.nth(i).is_visible() for i in range(rows.count()))
    assert page.locator("table.matrix td.cell").first.is_visible()


@pytest.mark.slow
@pytest.mark.skipif(not (SAMPLES / "decks").is_dir() or not (SAMPLES / "site").is_dir(), reason="samples missing")
def test_report_on_the_samples(browser: Any, tmp_path: Path) -> None:
    """The real pipeline on the sample decks plus two crawl runs of the sample site."""
    from tests.browser.samples_report import samples_report

    # Playwright's sync API keeps an event loop running in this thread; the crawl runs its own loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        report = pool.submit(samples_report, tmp_path / "work").result()
    assert any(a.type == "pptx" for a in report.assets) and any(a.source.startswith("http") for a in report.assets)
    assert len(report.extra["history"]) == 2 and report.extra["history"][-1]["fixed"] >= 1
    path = tmp_path / "samples.html"
    path.write_text(render(report, "html"), encoding="utf-8")
    w = open_report(browser, path)
    page = w.page
    assert page.locator("section#trend svg rect").count() >= 3
    assert page.locator("table.matrix td.cell").count() > 0
    kinds = set(visible_kinds(page))
    assert {"drift", "aligned"} <= kinds
    page.locator("#controls input[data-kind='aligned']").uncheck()
    assert "aligned" not in visible_kinds(page)
    page.screenshot(path=str(tmp_path / "samples.png"), full_page=True)
    assert w.console_errors == [] and w.page_errors == [] and w.dialogs == []
