"""Text and markdown reports: decks list what each lacks; a crawl sums up missing messages once."""

from __future__ import annotations

from msgcheck.models import AssetResult, Finding, Kind, Location, Report
from msgcheck.reporters import render


def drift(loc: Location) -> Finding:
    return Finding(Kind.DRIFT, Kind.DRIFT.default_severity, "Dashboards refresh every 30 seconds.", loc,
                   "vp-live-data", 0.93, "30 seconds where the platform says 5 seconds",
                   "Lumen Pulse dashboards refresh every 5 seconds.")


def report() -> Report:
    deck = AssetResult("decks/a.pptx", "pptx", findings=(drift(Location(slide=3, shape="TextBox 2")),),
                       missing=("diff-no-sql",), claims=4)
    pages = tuple(
        AssetResult(f"https://example.com/{p}", "html", findings=(), missing=("vp-stockouts",), claims=2)
        for p in ("", "pricing", "about")
    )
    page_with_drift = AssetResult("https://example.com/features", "html",
                                  findings=(drift(Location(url="https://example.com/features", heading="Live")),),
                                  missing=(), claims=3)
    return Report("Demo", "1", (deck, *pages, page_with_drift))


def test_text_report_pins_problems_and_sums_up_page_gaps() -> None:
    out = render(report(), "text")
    assert "slide 3" in out and "[TextBox 2]" in out and "use: Lumen Pulse dashboards refresh every 5 seconds." in out
    assert "missing required: diff-no-sql" in out          # a deck lists what it lacks
    assert out.count("missing required:") == 1              # pages do not, one by one
    assert "required messages missing from pages: vp-stockouts (3 of 4 pages)" in out
    assert "§ Live" in out and "https://example.com/features § Live" not in out


def test_markdown_report_has_a_table_and_the_page_summary() -> None:
    md = render(report(), "markdown")
    assert "| slide 3, TextBox 2 | DRIFT |" in md
    assert "- `vp-stockouts`: missing from 3 of 4 pages" in md
    assert md.count("Missing required messages:") == 1
