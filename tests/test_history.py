"""The run history: comparisons, stored vectors, and atomic runs (an exception or a kill mid-run)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import numpy as np
import pytest

from msgcheck.crawl_check import crawl_site
from msgcheck.demo_server import SiteServer
from msgcheck.history import History, compare, finding_key
from msgcheck.pipeline import Engine

from .conftest import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "samples" / "site"


def _f(kind: str, text: str, source: str) -> dict:
    return {"kind": kind, "text": text, "source": source, "message_id": None}


def _keyed(*findings: dict) -> dict[str, dict]:
    return {finding_key(f["kind"], f["message_id"], f["text"], f["source"]): f for f in findings}


def test_compare_new_fixed_open_and_unrechecked() -> None:
    prev = _keyed(_f("banned", "A world-class tool.", "/a"), _f("drift", "Refresh every minute.", "/a"),
                  _f("drift", "Old claim.", "/gone"), _f("aligned", "Good.", "/a"))
    cur = _keyed(_f("banned", "A  WORLD-CLASS tool. ", "/a"), _f("retired", "Free for 10 stores.", "/a"),
                 _f("aligned", "Also good.", "/a"))
    new, fixed, still, unknown = compare(prev, cur, rechecked={"/a"})
    assert [f["text"] for f in new] == ["Free for 10 stores."]  # aligned findings are not compared
    assert [f["text"] for f in fixed] == ["Refresh every minute."]
    assert still == 1  # the same text up to case and spacing
    assert unknown == 1  # /gone was not checked again: its finding is neither fixed nor open


def test_claim_vectors_are_stored_with_the_run(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite") as h:
        run = h.begin_run("http://x/", "http://x", "p")
        vecs = h.claim_vectors(lambda: "fp:1")
        vecs["a sentence"] = np.ones(384, dtype=np.float32)
        assert "a sentence" in vecs and "other" not in vecs
        h.finish_run(run, origin="http://x", pages=[], contents={}, results=[], vectors=vecs)
    with History.open(tmp_path / "h.sqlite") as h:
        again = h.claim_vectors(lambda: "fp:1")
        assert np.array_equal(again["a sentence"], np.ones(384, dtype=np.float32))
        assert "a sentence" not in h.claim_vectors(lambda: "fp:other-model")


def test_history_command_refuses_missing_file(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from msgcheck.cli import main

    res = CliRunner().invoke(main, ["history", "--history", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "no history file" in res.output


@pytest.fixture
def site():
    with SiteServer(SITE) as server:
        yield server


def _crawl(server: SiteServer, history: History, platform, **kw):
    return crawl_site(server.url + "/", platform, history=history, engine=Engine(platform, embedder=FakeEmbedder()),
                      **kw)


def test_failure_inside_the_commit_leaves_last_run_intact(site, platform, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "h.sqlite"
    with History.open(path) as h:
        first = _crawl(site, h, platform)
        before = h.findings(first.run_id)

        def boom() -> None:
            raise RuntimeError("disk on fire")

        with pytest.raises(RuntimeError):
            _crawl(site, h, platform, before_commit=boom)
    with History.open(path) as h:
        runs = h.runs()
        assert [(r.id, r.complete) for r in runs] == [(2, False), (1, True)]
        assert h.pages(2) == {} and h.findings(2) == {}
        assert h.last_complete(site.url).id == 1
        assert h.findings(1) == before and len(before) > 10


def test_killed_crawl_leaves_last_complete_run(site, platform, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "h.sqlite"
    with History.open(path) as h:
        first = _crawl(site, h, platform)
        before = h.findings(first.run_id)

    def hang(handler: BaseHTTPRequestHandler) -> bool:
        site.stopping.wait(60)
        return True

    site.hooks["/contact"] = hang
    script = textwrap.dedent(f"""
        from msgcheck.crawl_check import crawl_site
        from msgcheck.crawler import CrawlOptions
        from msgcheck.history import History
        from msgcheck.pipeline import Engine
        from msgcheck.platform import load_platform
        from tests.conftest import FakeEmbedder
        p = load_platform({str(ROOT / "platform" / "messaging.yaml")!r})
        crawl_site({site.url + "/"!r}, p, history=History.open({str(path)!r}),
                   engine=Engine(p, embedder=FakeEmbedder()), options=CrawlOptions(timeout=60))
    """)
    site.clear_log()
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 60
        while "/contact" not in site.paths() and time.monotonic() < deadline:
            assert proc.poll() is None, "the crawl ended before it could be killed"
            time.sleep(0.05)
        assert "/contact" in site.paths()
        time.sleep(0.3)  # let the other pages be fetched: the crawl is halfway
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    with History.open(path) as h:
        runs = h.runs()
        assert [(r.id, r.complete) for r in runs] == [(2, False), (1, True)]
        assert h.last_complete(site.url).id == 1
        assert h.findings(1) == before
        assert h.pages(2) == {}
