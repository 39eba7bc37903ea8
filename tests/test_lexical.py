from __future__ import annotations

from msgcheck.lexical import LexicalChecker
from msgcheck.models import Kind, Location, TextBlock


def found(platform, text: str) -> list[tuple[str, str]]:
    block = TextBlock(text, Location(slide=1, shape="Box"))
    return [(f.kind.value, f.suggestion or "") for f in LexicalChecker(platform).check(block)]


def test_banned_phrases_any_case_and_hyphenation(platform) -> None:
    got = found(platform, "A World Class team with best in class, revolutionary tools.")
    assert [k for k, _ in got] == ["banned", "banned", "banned"]
    assert ("banned", "Cite a proof point instead.") in got


def test_banned_phrase_needs_whole_words(platform) -> None:
    assert found(platform, "Our worldclassroom programme") == []


def test_terminology_wrong_forms_and_casings(platform) -> None:
    assert found(platform, "Try LumenPulse today.") == [("terminology", "Lumen Pulse")]
    assert found(platform, "We love lumen pulse.") == [("terminology", "Lumen Pulse")]
    assert found(platform, "Works with any point of sales system.") == [("terminology", "point-of-sale")]


def test_correct_and_acceptable_casings_pass(platform) -> None:
    assert found(platform, "Lumen Pulse connects to your point-of-sale system.") == []
    assert found(platform, "Point-of-sale data flows in.") == []
    assert found(platform, "WHY LUMEN PULSE") == []


def test_lexical_findings_carry_kind_and_location(platform) -> None:
    (f,) = LexicalChecker(platform).check(TextBlock("LumenPulse", Location(slide=4, shape="Title 1")))
    assert f.kind is Kind.TERMINOLOGY and f.location.slide == 4 and f.severity.value == "warning"


def test_addresses_are_not_checked_for_terms(platform) -> None:
    assert found(platform, "Write to sales@lumenanalytics.com or see www.lumenanalytics.com/pricing") == []
    assert found(platform, "Visit lumenpulse.io today") == []
    assert found(platform, "Terms apply. See lumenpulse.example/legal for details.") == []  # a domain with a path
