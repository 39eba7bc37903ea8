"""The CLI: every exit code of contract §2, one-line errors, and the report formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.util import Inches

from msgcheck import embed
from msgcheck.cli import main

from .conftest import PLATFORM, FakeEmbedder


def make_deck(path: Path, lines: list[str]) -> Path:
    prs = Presentation()
    for line in lines:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "Slide"
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(2))
        box.text_frame.text = line
    prs.save(path)
    return path


@pytest.fixture(autouse=True)
def fake_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """CLI tests use the fake embedder: the real model is covered by the end-to-end tests."""
    monkeypatch.setitem(embed.BACKENDS, "fake", FakeEmbedder)
    monkeypatch.setenv("MSGCHECK_BACKEND", "fake")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_clean_deck_exits_0(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "ok.pptx", [
        "Lumen Pulse dashboards refresh every 5 seconds.",
        "Stores using Lumen Pulse reduce stockouts by up to 25%.",
        "Store managers build their own reports without SQL.",
    ])
    r = run("check", str(deck), "--platform", str(PLATFORM), "--backend", "fake")
    assert r.exit_code == 0, r.output
    assert "no problems" in r.output


def test_drift_exits_1_and_json_follows_the_contract(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "drift.pptx", ["Lumen Pulse dashboards refresh every 30 seconds."])
    r = run("check", str(deck), "--platform", str(PLATFORM), "--format", "json", "--backend", "fake")
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert set(data) >= {"platform", "assets", "summary"}
    assert data["platform"] == {"name": "Lumen Pulse messaging platform", "version": "2026-Q4"}
    (asset,) = data["assets"]
    assert asset["source"] == str(deck) and asset["type"] == "pptx" and asset["error"] is None
    (f,) = [f for f in asset["findings"] if f["kind"] == "drift"]
    assert set(f) == {"kind", "severity", "text", "location", "message_id", "similarity", "reason", "suggestion"}
    assert f["location"] == {"slide": 1, "shape": "TextBox 2", "notes": False}
    assert f["message_id"] == "vp-live-data" and f["severity"] == "error"
    assert f["suggestion"] == "Lumen Pulse dashboards refresh every 5 seconds."
    assert data["summary"]["by_kind"]["drift"] == 1 and data["summary"]["assets"] == 1


def test_fail_on_levels(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "warn.pptx", ["Try LumenPulse, with dashboards that refresh every 5 seconds."])
    args = ["check", str(deck), "--platform", str(PLATFORM), "--backend", "fake"]
    assert run(*args).exit_code == 0                      # terminology and missing are warnings
    assert run(*args, "--fail-on", "warning").exit_code == 1
    deck2 = make_deck(tmp_path / "err.pptx", ["Our world-class dashboards refresh every 5 seconds."])
    args2 = ["check", str(deck2), "--platform", str(PLATFORM), "--backend", "fake"]
    assert run(*args2).exit_code == 1
    assert run(*args2, "--fail-on", "never").exit_code == 0


def test_bad_platform_exits_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nvalue_propositions:\n  - id: a\n", encoding="utf-8")
    deck = make_deck(tmp_path / "d.pptx", ["Anything at all is here."])
    r = CliRunner().invoke(main, ["check", str(deck), "--platform", str(bad)])
    assert r.exit_code == 2
    assert r.output.count("\n") == 1 and f"{bad}:3:" in r.output and "Traceback" not in r.output


def test_unreadable_inputs(tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.pptx"
    corrupt.write_bytes(b"PK\x03\x04 this is not really a zip")
    good = make_deck(tmp_path / "good.pptx", ["Lumen Pulse dashboards refresh every 5 seconds."])
    r = run("check", str(corrupt), str(good), "--platform", str(PLATFORM), "--format", "json", "--backend", "fake")
    data = json.loads(r.output)
    errors = {a["source"]: a["error"] for a in data["assets"]}
    assert errors[str(good)] is None and errors[str(corrupt)]
    assert "\n" not in errors[str(corrupt)]
    assert r.exit_code == 1  # one input unreadable is an error-level problem, the other was still checked
    only_bad = run("check", str(corrupt), "--platform", str(PLATFORM), "--backend", "fake")
    assert only_bad.exit_code == 2


def test_folder_is_searched_and_empty_folder_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    make_deck(tmp_path / "sub" / "a.pptx", ["Lumen Pulse dashboards refresh every 5 seconds."])
    r = run("check", str(tmp_path), "--platform", str(PLATFORM), "--format", "json", "--backend", "fake")
    assert [a["source"] for a in json.loads(r.output)["assets"]] == [str(tmp_path / "sub" / "a.pptx")]
    empty = tmp_path / "empty"
    empty.mkdir()
    r2 = CliRunner().invoke(main, ["check", str(empty), "--platform", str(PLATFORM)])
    assert r2.exit_code == 2 and "no decks" in r2.output


def test_output_file_and_markdown(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "d.pptx", ["Lumen Pulse dashboards refresh every 30 seconds."])
    out = tmp_path / "report.md"
    r = run("check", str(deck), "--platform", str(PLATFORM), "--format", "markdown", "--output", str(out),
            "--backend", "fake")
    assert r.exit_code == 1 and r.output == ""
    md = out.read_text()
    assert md.startswith("# msgcheck report") and "| slide 1, TextBox 2 | DRIFT |" in md


def test_validate(tmp_path: Path) -> None:
    ok = run("validate", str(PLATFORM))
    assert ok.exit_code == 0 and ok.output.startswith(f"{PLATFORM}: valid — ")
    bad = tmp_path / "b.yaml"
    bad.write_text("name: [\n")
    r = CliRunner().invoke(main, ["validate", str(bad)])
    assert r.exit_code == 2 and "bad YAML" in r.output


def test_bad_arguments_exit_2() -> None:
    r = CliRunner().invoke(main, ["check", "x.pptx"])  # no --platform
    assert r.exit_code == 2 and "Missing option '--platform'" in r.output
    r = CliRunner().invoke(main, ["check", "x.pptx", "--platform", str(PLATFORM), "--format", "pdf"])
    assert r.exit_code == 2 and "Invalid value for '--format'" in r.output


def test_every_command_has_help() -> None:
    for name, cmd in main.commands.items():
        assert cmd.help, name
        assert CliRunner().invoke(main, [name, "--help"]).exit_code == 0
