"""End to end: the real CLI, the real model, the real sample decks, checked slide by slide.

``samples/decks/expected.json`` (written by ``samples/build_decks.py`` beside the decks) says, for
every text on every slide, which verdict a marketer should see. The report must agree.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PLATFORM, ROOT, SAMPLE_DECKS

pytestmark = pytest.mark.slow

SEMANTIC = ("aligned", "drift", "off_message", "retired")


@pytest.fixture(scope="module")
def report() -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "msgcheck", "check", str(SAMPLE_DECKS.relative_to(ROOT)), "--platform",
         str(PLATFORM.relative_to(ROOT)), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 1, proc.stderr  # the samples carry drift on purpose
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


def expected() -> list[tuple[str, dict]]:
    data = json.loads((SAMPLE_DECKS / "expected.json").read_text())
    return [(d["file"], t) for d in data["decks"] for t in d["texts"]]


def findings_for(report: dict, file: str, item: dict) -> list[dict]:
    (asset,) = [a for a in report["assets"] if a["source"] == file]
    return [f for f in asset["findings"]
            if f["location"]["slide"] == item["slide"] and f["location"]["notes"] == item["notes"]
            and f["text"] == item["text"]]


def test_every_sample_deck_is_read(report: dict) -> None:
    sources = sorted(a["source"] for a in report["assets"])
    assert sources == sorted({f for f, _ in expected()})
    assert all(a["error"] is None for a in report["assets"])
    kinds = set(report["summary"]["by_kind"])
    assert kinds == {"aligned", "drift", "off_message", "retired", "banned", "terminology"}


@pytest.mark.parametrize("file, item", expected(), ids=lambda v: v if isinstance(v, str) else f"s{v['slide']}")
def test_slide_by_slide(report: dict, file: str, item: dict) -> None:
    found = findings_for(report, file, item)
    semantic = [f for f in found if f["kind"] in SEMANTIC]
    if item["kind"] is None:
        assert semantic == [], f"non-claim {item['text']!r} got a verdict"
    else:
        assert [f["kind"] for f in semantic] == [item["kind"]], item["text"]
        if item["kind"] != "off_message":
            assert semantic[0]["message_id"] == item["message_id"]
        if item["kind"] == "drift":
            assert semantic[0]["reason"] and semantic[0]["suggestion"]
        loc = semantic[0]["location"]
        assert loc["shape"] == item["shape"]
    lexical = sorted(f["kind"] for f in found if f["kind"] in ("banned", "terminology"))
    assert lexical == sorted(x["kind"] for x in item["lexical"]), item["text"]


def test_missing_required_messages(report: dict) -> None:
    data = json.loads((SAMPLE_DECKS / "expected.json").read_text())
    for deck in data["decks"]:
        (asset,) = [a for a in report["assets"] if a["source"] == deck["file"]]
        assert sorted(asset["missing"]) == sorted(deck["missing"]), deck["file"]


def test_text_report_pins_slide_shape_and_wording() -> None:
    deck = SAMPLE_DECKS / "retail-webinar.pptx"
    proc = subprocess.run(
        [sys.executable, "-m", "msgcheck", "check", str(deck), "--platform", str(PLATFORM)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 1
    out = proc.stdout
    assert "slide 3" in out and "DRIFT" in out and "use: Connect your point-of-sale system in under an hour." in out
    assert "missing required:" in out
    assert "\033[" not in out  # no colour when not on a terminal


def test_corrupt_deck_beside_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pptx"
    bad.write_bytes((SAMPLE_DECKS / "retail-webinar.pptx").read_bytes()[:5000])  # truncated zip
    good = SAMPLE_DECKS / "retail-webinar.pptx"
    proc = subprocess.run(
        [sys.executable, "-m", "msgcheck", "check", str(bad), str(good), "--platform", str(PLATFORM),
         "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    data = json.loads(proc.stdout)
    assert proc.returncode == 1  # an unreadable deck is an error-level finding, the good deck is still checked
    errors = {a["source"]: a["error"] for a in data["assets"]}
    assert errors[str(bad)] and "\n" not in errors[str(bad)]
    assert errors[str(good)] is None
    assert any(f["kind"] == "drift" for a in data["assets"] for f in a["findings"])
    assert "Traceback" not in proc.stderr
