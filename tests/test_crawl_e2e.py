"""Crawl -> check -> history, end to end against the sample site served on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from msgcheck import embed
from msgcheck.cli import main
from msgcheck.crawl_check import crawl_site, site_source
from msgcheck.demo_server import SiteServer
from msgcheck.history import History
from msgcheck.pipeline import Engine

from .conftest import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "samples" / "site"
PLATFORM = ROOT / "platform" / "messaging.yaml"


@pytest.fixture
def site_copy(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    return copy


@pytest.fixture
def servers(site_copy: Path):
    other = SiteServer(SITE).start()
    site = SiteServer(site_copy, other_origin=other.url).start()
    yield site, other
    site.stop()
    other.stop()


def _run(site: SiteServer, platform, history: History, embedder: FakeEmbedder, **kw):
    return crawl_site(site.url + "/", platform, history=history, engine=Engine(platform, embedder=embedder),
                      since_last=True, **kw)


def _page_texts(report, source: str) -> set[str]:
    asset = next(a for a in report.assets if a.source == source)
    return {f.text for f in asset.findings}


def test_unchanged_second_run_is_conditional_and_makes_no_model_calls(servers, platform, tmp_path: Path) -> None:
    site, other = servers
    with History.open(tmp_path / "h.sqlite") as h:
        first_embedder = FakeEmbedder()
        first = _run(site, platform, h, first_embedder)
        assert first.model_calls > 0 and first.checked == 12  # 11 pages + the site-wide text
        site.clear_log()
        second_embedder = FakeEmbedder()
        second = _run(site, platform, h, second_embedder)
    assert second_embedder.calls == []  # no call at all: no page text, not even the platform's
    assert second.checked == 0 and second.reused == 12
    pages = [r for r in site.log if r.path not in ("/robots.txt", "/sitemap.xml", "/sitemap-pages.xml.gz")]
    html_pages = [r for r in pages if not r.path.endswith((".pdf", "/careers", "/pricing-old"))]
    assert html_pages and all("if-none-match" in r.headers for r in html_pages)
    assert second.report.extra["crawl"]["not_modified"] == 11
    assert [a.to_dict() for a in second.report.assets] == [a.to_dict() for a in first.report.assets]
    changes = second.report.extra["changes"]
    assert changes["previous_run"] == first.run_id and changes["new"] == [] and changes["fixed"] == []
    assert changes["open"] > 0
    assert [r["run_id"] for r in second.report.extra["history"]] == [first.run_id, second.run_id]
    assert other.paths() == []


def test_changed_page_gives_new_and_fixed_findings(servers, site_copy: Path, platform, tmp_path: Path) -> None:
    site, _ = servers
    about = site_copy / "about" / "index.html"
    with History.open(tmp_path / "h.sqlite") as h:
        _run(site, platform, h, FakeEmbedder())
        about.write_text(about.read_text().replace(
            "We build world-class analytics for independent retailers.",
            "We build best-in-class analytics for independent retailers."))
        embedder = FakeEmbedder()
        second = _run(site, platform, h, embedder)
    # only the one new sentence went to the model; everything else came from the history
    assert [t for call in embedder.calls for t in call] == ["We build best-in-class analytics for independent retailers."]
    assert second.checked == 1
    changes = second.report.extra["changes"]
    new = {(f["kind"], f["text"]) for f in changes["new"]}
    fixed = {(f["kind"], f["text"]) for f in changes["fixed"]}
    assert ("banned", "We build best-in-class analytics for independent retailers.") in new
    assert ("banned", "We build world-class analytics for independent retailers.") in fixed
    assert all(f["source"] == site.url + "/about/" for f in changes["new"] + changes["fixed"])
    assert changes["open"] > 0


def test_site_wide_text_is_checked_once_and_canonical_duplicates_skipped(servers, site_copy: Path, platform,
                                                                          tmp_path: Path) -> None:
    site, _ = servers
    blog = site_copy / "blog" / "index.html"
    blog.write_text(blog.read_text().replace("</ul>", '<li><a href="/pricing?plan=chain">Chain plans</a></li></ul>', 1))
    run = crawl_site(site.url + "/", platform, engine=Engine(platform, embedder=FakeEmbedder()))
    report = run.report
    sources = [a.source for a in report.assets]
    assert sources[0] == site_source(site.url) and report.assets[0].type == "site"
    cta = "Trusted by more than 400 retailers across Europe and North America."
    assert cta in _page_texts(report, site_source(site.url))
    assert all(cta not in _page_texts(report, s) for s in sources[1:] if not s.endswith("/careers"))
    # /pricing?plan=chain names /pricing as canonical: checked once
    assert sources.count(site.url + "/pricing") == 1 and not any("plan=chain" in s for s in sources)
    assert {"url": site.url + "/pricing?plan=chain", "reason": f"duplicate of {site.url}/pricing (rel=canonical)"} \
        in report.extra["skipped"]
    assert {"url": site.url + "/docs/lumen-pulse-overview.pdf", "reason": "not HTML (application/pdf)"} \
        in report.extra["skipped"]
    assert report.extra["redirects"] == [{"from": site.url + "/pricing-old", "to": site.url + "/pricing", "status": 301}]
    careers = next(a for a in report.assets if a.source.endswith("/careers"))
    assert careers.error == "HTTP 404 Not Found"


def test_cli_crawl_since_last_and_history(servers, platform, tmp_path: Path, monkeypatch) -> None:
    site, _ = servers
    monkeypatch.setitem(embed.BACKENDS, "fake", FakeEmbedder)
    hist = str(tmp_path / "h.sqlite")
    args = ["crawl", site.url + "/", "--platform", str(PLATFORM), "--backend", "fake", "--history", hist,
            "--format", "json"]
    runner = CliRunner()
    first = runner.invoke(main, args)
    assert first.exit_code == 1, first.output  # the sample site has error findings
    second = runner.invoke(main, [*args, "--since-last", "--fail-on", "never"])
    assert second.exit_code == 0
    data = json.loads(second.stdout)
    assert data["changes"]["previous_run"] == 1 and data["changes"]["new"] == []
    assert data["crawl"]["not_modified"] == 11
    listing = runner.invoke(main, ["history", "--history", hist])
    assert listing.exit_code == 0
    lines = listing.output.splitlines()
    newest = lines[1].split()
    assert newest[0] == "2" and newest[2] == "complete" and lines[2].split()[0] == "1" and len(lines) == 3
    as_json = json.loads(runner.invoke(main, ["history", "--history", hist, "--format", "json"]).output)
    assert [r["run_id"] for r in as_json] == [2, 1] and as_json[0]["new"] == 0
    bad = runner.invoke(main, ["crawl", "ftp://x/", "--platform", str(PLATFORM), "--no-history"])
    assert bad.exit_code == 2 and "http:// or https://" in bad.output


# What samples/site/EXPECTED.md promises, page by page, with the real model.
EXPECTED = {
    "/": {("aligned", "Lumen Pulse dashboards refresh every 5 seconds."),
          ("aligned", "Store managers build their own reports without SQL."),
          ("aligned", "Stores using Lumen Pulse reduce stockouts by up to 25%.")},
    "/features/": {("drift", "Lumen Pulse dashboards refresh every 60 seconds."),
                   ("aligned", "Demand forecasts are up to 30% more accurate than spreadsheet planning."),
                   ("terminology", "The LumenPulse mobile app keeps working offline and syncs when the store is back online.")},
    "/pricing": {("aligned", "Lumen Pulse is priced per store, not per user, so the whole team can use it."),
                 ("retired", "Lumen is free for up to 10 stores."),
                 ("banned", "Every plan comes with guaranteed ROI in the first year.")},
    "/customers/": {("aligned", "Retailers cut weekly reporting work from 12 hours to 2."),
                    ("drift", "Stores using Lumen Pulse reduce stockouts by up to 50%.")},
    "/security": {("aligned", "Lumen Pulse is SOC 2 Type II certified and encrypts all data at rest and in transit."),
                  ("drift", "Lumen Pulse offers a 99.5% uptime service level agreement."),
                  ("aligned", "Support answers within 4 business hours on every plan.")},
    "/blog/offline-app": {("aligned", "The Lumen Pulse mobile app keeps working offline and syncs when the store is back online."),
                          ("banned", "Our revolutionary sync engine never loses a stock count.")},
    "/blog/ai-and-analysts": {("retired", "Lumen Pulse uses AI to replace your analysts."),
                              ("retired", "Lumen dashboards update once a day overnight.")},
    "/about/": {("banned", "We build world-class analytics for independent retailers."),
                ("terminology", "Follow LumenAnalytics for product news.")},
    "/integrations": {("aligned", "Connect your point-of-sale system in under an hour."),
                      ("aligned", "Lumen Pulse ships with 40 ready-made point-of-sale connectors."),
                      ("terminology", "Most retailers connect their point of sales system within a week."),
                      ("drift", "Most retailers connect their point of sales system within a week.")},
}
SITE_WIDE = {("aligned", "See store data that is never more than 5 seconds old."),
             ("off_message", "Trusted by more than 400 retailers across Europe and North America.")}


@pytest.mark.slow
def test_demo_with_the_real_model_is_right_page_by_page(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the demo must not write a history into the current folder
    res = CliRunner().invoke(main, ["demo", "--format", "json"])
    assert res.exit_code == 1, res.output
    data = json.loads(res.stdout)
    assets = {a["source"]: a for a in data["assets"]}
    origin = data["crawl"]["origin"]
    for path, expected in EXPECTED.items():
        got = {(f["kind"], f["text"]) for f in assets[origin + path]["findings"]}
        assert expected <= got, (path, expected - got)
    site_wide = {(f["kind"], f["text"]) for f in assets[f"{origin} (site-wide text)"]["findings"]}
    assert SITE_WIDE <= site_wide
    assert assets[origin + "/contact"]["claims"] == 0
    assert assets[origin + "/careers"]["error"] == "HTTP 404 Not Found"
    assert not any("/internal/" in s for s in assets) and not list(tmp_path.iterdir())
    # the footer and nav never reach the report
    assert not any("All rights reserved" in f["text"] for a in data["assets"] for f in a["findings"])
