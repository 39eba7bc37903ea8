"""SARIF 2.1.0 (validated against the official schema) and JUnit XML (parsed back)."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from msgcheck.models import AssetResult, Kind, Location, Report
from msgcheck.reporters import render
from msgcheck.reporters.sarif import FINGERPRINT_KEY, artifact_uri
from tests.browser.sample import HOSTILE, finding, sample_report

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif(report: Report) -> dict:
    return json.loads(render(report, "sarif"))


def test_sarif_is_valid_against_the_official_schema(validator: jsonschema.protocols.Validator) -> None:
    log = sarif(sample_report())
    errors = [e.message for e in validator.iter_errors(log)]
    assert errors == []
    # The schema does catch a broken log, so the check above means something.
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(log))


def test_sarif_rules_and_levels() -> None:
    run = sarif(sample_report())["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "msgcheck"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == ["aligned", "drift", "off_message", "retired", "banned", "terminology", "unreadable", "missing"]
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {(r["ruleId"], r["level"], r.get("kind", "fail")) for r in run["results"]}
    assert ("drift", "error", "fail") in levels
    assert ("off_message", "warning", "fail") in levels
    assert ("terminology", "warning", "fail") in levels
    assert ("aligned", "none", "pass") in levels  # SARIF: a pass has level none
    assert ("unreadable", "error", "fail") in levels
    assert ("missing", "warning", "fail") in levels
    counts = {rid: sum(1 for r in run["results"] if r["ruleId"] == rid) for rid in ids}
    assert counts == {"aligned": 2, "drift": 2, "off_message": 1, "retired": 1, "banned": 1, "terminology": 1,
                      "unreadable": 1, "missing": 2}


def test_sarif_deck_and_web_locations() -> None:
    results = sarif(sample_report())["runs"][0]["results"]
    drift_deck = next(r for r in results if r["ruleId"] == "drift" and "pptx" in json.dumps(r["locations"]))
    loc = drift_deck["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == "decks/spring-pitch.pptx"
    assert "region" not in loc["physicalLocation"]
    assert loc["logicalLocations"][0]["name"] == "slide 3 / TextBox 2"
    assert loc["properties"] == {"slide": 3, "shape": "TextBox 2", "notes": False}
    text = drift_deck["message"]["text"]
    assert "1 second where the platform says 5 seconds" in text
    assert "Lumen Pulse dashboards refresh every 5 seconds." in text
    notes = next(r for r in results if r["ruleId"] == "retired")
    assert notes["locations"][0]["logicalLocations"][0]["name"] == "slide 5 / speaker notes"
    web = next(r for r in results if r["ruleId"] == "drift" and r is not drift_deck)
    assert web["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "https://www.lumen.example/why"
    assert web["locations"][0]["logicalLocations"][0]["name"] == "Why Lumen"
    hostile = next(r for r in results if r["ruleId"] == "off_message")
    assert HOSTILE in hostile["message"]["text"]  # JSON carries text as text


def test_sarif_fingerprints_are_stable_and_unique() -> None:
    report = sample_report()
    first = sarif(report)["runs"][0]["results"]
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in first]
    assert len(set(prints)) == len(prints)
    assert prints == [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif(report)["runs"][0]["results"]]
    # Moving the drifting claim to another slide keeps its identity; changing its text does not.
    deck = report.assets[0]
    drift = next(f for f in deck.findings if f.kind is Kind.DRIFT)
    moved = dataclasses.replace(drift, location=Location(slide=9, shape="TextBox 7", notes=False))
    edited = dataclasses.replace(drift, text="Lumen Pulse dashboards refresh every minute.")

    def print_of(f: object) -> str:
        rep = Report("P", None, (AssetResult(deck.source, "pptx", findings=(f,), claims=1),))  # type: ignore[arg-type]
        return sarif(rep)["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY]

    assert print_of(moved) == print_of(drift) != print_of(edited)


def test_artifact_uris() -> None:
    assert artifact_uri("decks/Q3 pitch #2.pptx") == "decks/Q3%20pitch%20%232.pptx"
    assert artifact_uri("/srv/decks/a b.pptx") == "file:///srv/decks/a%20b.pptx"
    assert artifact_uri("https://example.test/a?b=1") == "https://example.test/a?b=1"


def test_junit_parses_back() -> None:
    root = ET.fromstring(render(sample_report(), "junit"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["decks/spring-pitch.pptx", "https://www.lumen.example/why", "decks/clean.pptx",
                            "decks/broken.pptx"]
    deck = suites["decks/spring-pitch.pptx"]
    cases = deck.findall("testcase")
    # five warning/error findings and one missing required message; the aligned claim is not a case
    assert len(cases) == 6 and deck.get("failures") == "6" and deck.get("tests") == "6"
    assert [c.find("failure").get("type") for c in cases] == [
        "terminology", "drift", "off_message", "retired", "banned", "missing"]
    drift = cases[1]
    assert drift.get("name") == "slide 3, TextBox 2: Lumen Pulse dashboards refresh every second."
    assert "approved wording: Lumen Pulse dashboards refresh every 5 seconds." in drift.find("failure").text
    assert HOSTILE in cases[2].get("name")  # text survives the round trip as text
    clean = suites["decks/clean.pptx"].findall("testcase")
    assert len(clean) == 1 and clean[0].get("name") == "no findings" and len(clean[0]) == 0
    broken = suites["decks/broken.pptx"]
    assert broken.get("errors") == "1"
    error = broken.find("testcase/error")
    assert error is not None and error.get("type") == "unreadable" and "PowerPoint" in error.get("message")
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites.values()))
    assert root.get("failures") == "8" and root.get("errors") == "1"


def test_junit_survives_characters_xml_forbids() -> None:
    report = Report("P", None, (AssetResult("d.pptx", "pptx", claims=1, findings=(
        finding(Kind.BANNED, "world-class\x0bservice\x01", Location(slide=1, shape="T"), reason="banned\x0c"),)),))
    root = ET.fromstring(render(report, "junit"))
    case = root.find("testsuite/testcase")
    assert case is not None and "world-class service" in case.get("name")
