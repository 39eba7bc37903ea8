"""The HTML report: self-contained, escaped, and carrying the sections reviewers read."""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from msgcheck.models import AssetResult, Kind, Location, Report
from msgcheck.reporters import render
from msgcheck.reporters import html as html_reporter
from tests.browser.sample import HOSTILE, finding, sample_report


@pytest.fixture(scope="module")
def page() -> str:
    return render(sample_report(), "html")


@pytest.fixture(scope="module")
def doc(page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(page)


def test_hostile_text_is_escaped_text(page: str, doc: lxml.html.HtmlElement) -> None:
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    # The only script is ours; no image and no event-handler attribute came from the deck.
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "alert" not in scripts[0].text
    assert doc.xpath("//img") == []
    assert doc.xpath("//@*[starts-with(name(), 'on')]") == []
    row = doc.xpath("//tr[@data-kind='off_message']")[0]
    assert HOSTILE in row.text_content()


def test_hostile_text_everywhere_stays_text() -> None:
    """Platform names, sources, headings, reasons and message statements are escaped too."""
    bad = '"><svg onload=alert(2)>'
    url = "https://example.test/p?a=1&b=2"
    report = Report(
        platform_name=bad, platform_version=bad,
        assets=(
            AssetResult(source=url, type="html", claims=1, missing=(bad,), findings=(
                finding(Kind.DRIFT, bad, Location(url=url, heading=bad), message_id=bad, similarity=0.8,
                        reason=bad, suggestion=bad),)),
            AssetResult(source=bad, type="pptx", error=bad),
        ),
        extra={"messages": [{"id": bad, "kind": "value_proposition", "statement": bad, "required": True}],
               "history": [{"run_id": bad, "started": bad, "new": 1, "fixed": 0, "open": 1}]},
    )
    page = render(report, "html")
    assert "<svg onload" not in page
    doc = lxml.html.fromstring(page)
    assert doc.xpath("//@*[starts-with(name(), 'on')]") == []
    assert doc.xpath("//svg[not(ancestor::section[@id='trend'])]") == []  # only the chart and its legend
    assert 'href="https://example.test/p?a=1&amp;b=2"' in page


def test_no_external_resources(page: str, doc: lxml.html.HtmlElement) -> None:
    report = sample_report()
    asset_urls = {a.source for a in report.assets} | {f.location.url for f in report.findings if f.location.url}
    for attr in ("src", "href", "action", "data", "poster"):
        for value in doc.xpath(f"//@{attr}"):
            if value.startswith("#"):
                continue
            assert value in asset_urls, f"{attr}={value!r} points outside the report"
    assert doc.xpath("//link | //iframe | //object | //embed") == []
    assert "url(" not in page and "@import" not in page


def test_csp_allows_exactly_the_inline_script(page: str, doc: lxml.html.HtmlElement) -> None:
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    script = doc.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp


def test_scorecards(doc: lxml.html.HtmlElement) -> None:
    cards = {c.get("data-card"): c.xpath("./span[@class='n']")[0].text for c in doc.xpath("//div[@data-card]")}
    assert cards["assets checked"] == "4"
    assert cards["claims"] == "16"
    assert cards["aligned"] == "12%"  # 2 aligned of 16 claims
    assert cards["drift"] == "2"
    assert cards["off-message"] == "1"
    assert cards["retired"] == "1"
    assert cards["missing required"] == "2"
    assert cards["unreadable assets"] == "1"


def test_trend_chart_only_with_history() -> None:
    with_history = lxml.html.fromstring(render(sample_report(history=True), "html"))
    bars = with_history.xpath("//section[@id='trend']//svg//rect[title]")
    assert len(bars) == 9  # 3 runs x new/fixed/open
    assert [b.xpath("string(title)") for b in bars[:3]] == ["new: 14", "fixed: 0", "open: 14"]
    without = lxml.html.fromstring(render(sample_report(history=False), "html"))
    assert without.xpath("//section[@id='trend']") == []


def test_coverage_matrix_states_and_legend(doc: lxml.html.HtmlElement) -> None:
    header = [th.text_content().strip() for th in doc.xpath("//table[@class='matrix']//th[@class='msg']")]
    assert header == ["vp-live-data *", "vp-stockouts *", "diff-no-sql *", "diff-pricing"]  # retired left out
    rows = doc.xpath("//table[@class='matrix']/tbody/tr")
    states = {r.xpath("string(td[1])"): [td.get("data-state") for td in r.xpath("td[@data-state]")] for r in rows}
    assert states["decks/spring-pitch.pptx"] == ["drift", "aligned", "missing", "absent"]
    assert states["https://www.lumen.example/why"] == ["missing", "drift", "aligned", "absent"]
    assert states["decks/clean.pptx"] == ["absent"] * 4
    assert states["decks/broken.pptx"] == ["unreadable"] * 4
    # Each state has its own symbol, so the matrix reads without colour; the legend shows them all.
    symbols = {td.get("data-state"): td.text_content() for r in rows for td in r.xpath("td[@data-state]")}
    assert len(set(symbols.values())) == len(symbols) == 5
    legend = doc.xpath("//section[@id='coverage']//div[@class='legend']")[0].text_content()
    for state in ("aligned", "drift", "missing", "absent"):
        assert state in legend


def test_drift_grouped_by_message_with_approved_wording(doc: lxml.html.HtmlElement) -> None:
    section = doc.xpath("//section[@id='drift']")[0]
    groups = [h.get("id") for h in section.xpath(".//h3")]
    assert groups == ["drift-vp-live-data", "drift-vp-stockouts"]  # platform order
    first = section.xpath(".//div[@class='wording']")[0].text_content()
    assert "Lumen Pulse dashboards refresh every 5 seconds." in first
    row = section.xpath(".//table")[0].xpath(".//tbody/tr")[0]
    cells = [td.text_content() for td in row.xpath("td")]
    assert cells == ["Lumen Pulse dashboards refresh every second.", "decks/spring-pitch.pptx",
                     "slide 3, TextBox 2", "1 second where the platform says 5 seconds", "0.91"]


def test_findings_per_asset_in_slide_order_with_filters(doc: lxml.html.HtmlElement) -> None:
    deck = doc.xpath("//section[@data-source='decks/spring-pitch.pptx']")[0]
    wheres = [td.text_content() for td in deck.xpath(".//tr[@data-kind]/td[1]")]
    assert wheres == ["slide 1, Title 1", "slide 2, Content Placeholder 2", "slide 3, TextBox 2", "slide 4, Table 5",
                      "slide 5, speaker notes", "slide 6, Group 3"]
    controls = doc.xpath("//div[@id='controls']")[0]
    assert controls.get("hidden") is not None  # shown by the script only: without JS nothing is hidden
    assert sorted(controls.xpath(".//input[@type='checkbox']/@data-kind")) == sorted(
        ["aligned", "drift", "off_message", "retired", "banned", "terminology"])
    assert doc.xpath("//tr[@data-kind][@hidden]") == []
    broken = doc.xpath("//section[@data-source='decks/broken.pptx']")[0].text_content()
    assert "not a PowerPoint file" in broken


def test_matrix_columns_from_findings_without_platform_messages() -> None:
    report = sample_report()
    bare = Report(report.platform_name, report.platform_version, report.assets, extra={})
    doc = lxml.html.fromstring(render(bare, "html"))
    header = [th.text_content().strip() for th in doc.xpath("//table[@class='matrix']//th[@class='msg']")]
    assert header == ["diff-no-sql *", "vp-live-data *", "vp-stockouts"]  # missing ones are required


def test_control_characters_dropped() -> None:
    report = Report("P", None, (AssetResult("d.pptx", "pptx", claims=1, findings=(
        finding(Kind.OFF_MESSAGE, "line one\x0bline two\x00", Location(slide=1, shape="T")),)),))
    page = html_reporter.render(report)
    assert re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", page) is None
    assert "line one line two" in page


def test_trend_first_run_without_counts_shows_no_bars() -> None:
    report = sample_report(history=False)
    report.extra["history"] = [
        {"run_id": 7, "started": "2026-11-20T06:00:00Z", "new": None, "fixed": None, "open": None},
        {"run_id": 8, "started": "2026-11-27T06:00:00Z", "new": 2, "fixed": 5, "open": 20},
    ]
    doc = lxml.html.fromstring(render(report, "html"))
    bars = doc.xpath("//section[@id='trend']//svg//rect[title]")
    assert [b.xpath("string(title)") for b in bars] == ["new: 2", "fixed: 5", "open: 20"]
    cells = [td.text_content() for td in doc.xpath("//section[@id='trend']//tbody/tr[1]/td")]
    assert cells == ["7", "2026-11-20T06:00:00Z", "–", "–", "–"]
    heights = {b.xpath("string(title)"): float(b.get("height")) for b in bars}
    assert heights["open: 20"] > heights["fixed: 5"] > heights["new: 2"] > 0


def test_changes_since_previous_run() -> None:
    report = sample_report()
    url = "https://www.lumen.example/why"
    report.extra["changes"] = {
        "previous_run": 2, "previous_started": "2026-10-12T06:00:00Z", "open": 11, "not_rechecked": 0,
        "new": [{"kind": "banned", "text": HOSTILE, "source": url,
                 "location": {"url": url, "heading": "Pricing"}}],
        "fixed": [{"kind": "drift", "text": "Refreshes every 30 seconds.", "source": "decks/a.pptx",
                   "location": {"slide": 4, "shape": "TextBox 3", "notes": False}}],
    }
    page = render(report, "html")
    assert HOSTILE not in page
    doc = lxml.html.fromstring(page)
    section = doc.xpath("//section[@id='changes']")[0]
    assert "1 new, 1 fixed, 11 still open" in section.text_content()
    fixed = section.xpath(".//tr[@data-change='fixed']/td")
    assert [td.text_content() for td in fixed] == ["Drift", "Refreshes every 30 seconds.", "decks/a.pptx",
                                                   "slide 4, TextBox 3"]
    new = section.xpath(".//tr[@data-change='new']/td")
    assert new[1].text_content() == HOSTILE and new[3].text_content() == f"{url} § Pricing"


def test_only_web_urls_become_links() -> None:
    evil = "javascript:alert(3)"
    report = Report("P", None, (AssetResult(evil, "html", claims=1, findings=(
        finding(Kind.OFF_MESSAGE, "x", Location(url=evil, heading="h")),)),))
    doc = lxml.html.fromstring(render(report, "html"))
    assert not any(h.lower().startswith("javascript") for h in doc.xpath("//@href"))
    assert evil in doc.xpath("string(//section[@class='asset']/h3)")
