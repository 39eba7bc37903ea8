"""Lexical checks on any text, claim or not: banned phrases and terminology.

Banned phrases match whole words, case-insensitively, with spaces and hyphens interchangeable
("world class" = "world-class"). Terminology flags the listed wrong forms, and any casing of a
canonical term other than its own (a capital first letter at the start of a sentence, and text
set entirely in capitals, are accepted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .models import Finding, Kind, Platform, TextBlock


_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|net|org|ai|co|app|dev|uk|de|eu|us|biz|info|shop|store|tech|cloud|example)(?:/\S*)?"
                      r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}/\S*", re.I)  # any domain with a path: "fernway.example/legal"


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip()) if p]
    body = r"[\s\-‐‑–]+".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


@dataclass(frozen=True)
class LexicalChecker:
    platform: Platform

    @cached_property
    def _banned(self) -> list[tuple[re.Pattern[str], str, str | None, str | None]]:
        return [(_phrase_pattern(b.phrase), b.phrase, b.reason, b.suggest) for b in self.platform.banned]

    @cached_property
    def _terms(self) -> list[tuple[str, re.Pattern[str], list[tuple[re.Pattern[str], str]]]]:
        out = []
        for t in self.platform.terminology:
            any_case = re.compile(rf"(?<![\w-]){re.escape(t.term)}(?![\w-])", re.I)
            avoid = [(_phrase_pattern(a) if " " in a else re.compile(rf"(?<![\w-]){re.escape(a)}(?![\w-])", re.I), a)
                     for a in t.avoid]
            out.append((t.term, any_case, avoid))
        return out

    def check(self, block: TextBlock) -> list[Finding]:
        text = block.text
        findings: list[Finding] = []
        # addresses are not prose: "sales@lumenanalytics.com" spells no term wrong
        prose = _ADDRESS.sub(lambda m: " " * len(m.group(0)), text)
        for pattern, phrase, reason, suggest in self._banned:
            for m in pattern.finditer(text):
                why = f"uses the banned phrase '{m.group(0)}'" + (f": {reason}" if reason else "")
                findings.append(Finding(Kind.BANNED, Kind.BANNED.default_severity, text, block.location,
                                        None, None, why, suggest))
        for term, any_case, avoid in self._terms:
            flagged: set[tuple[int, int]] = set()
            for pattern, _ in avoid:
                for m in pattern.finditer(prose):
                    if m.group(0) == term:
                        continue
                    flagged.add(m.span())
                    findings.append(self._term_finding(block, m.group(0), term))
            for m in any_case.finditer(prose):
                found = m.group(0)
                if found == term or m.span() in flagged or _acceptable_casing(text, m.start(), found, term):
                    continue
                findings.append(self._term_finding(block, found, term))
        return findings

    @staticmethod
    def _term_finding(block: TextBlock, found: str, term: str) -> Finding:
        return Finding(Kind.TERMINOLOGY, Kind.TERMINOLOGY.default_severity, block.text, block.location,
                       None, None, f"'{found}' where the canonical spelling is '{term}'", term)


def _acceptable_casing(text: str, start: int, found: str, term: str) -> bool:
    if found[:1].upper() + found[1:] == term[:1].upper() + term[1:] and found[1:] == term[1:]:
        before = text[:start].rstrip()
        return not before or before[-1] in ".!?:•–—-\"“("  # capital at the start of a sentence
    letters = [c for c in text if c.isalpha()]
    return found.isupper() and bool(letters) and all(c.isupper() for c in letters)
