"""SARIF 2.1.0 (``--format sarif``), so code-scanning and review tools can show the findings.

One run; the driver ``msgcheck`` has a rule per verdict kind plus ``unreadable`` (an asset that
could not be read) and ``missing`` (a required message an asset does not carry).

Decks have no lines, so a deck finding's location is the deck's path (``artifactLocation.uri``)
plus a logical location "slide 3 / TextBox 2" and the properties {slide, shape, notes}; a web
finding's is the page URL plus the nearest heading. Aligned claims are results of kind "pass"
(level "none", as SARIF requires for a pass). ``partialFingerprints`` identify a finding across
runs by asset, kind, message id and claim text — not by slide number, so moving a slide keeps
its findings' identities.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import AssetResult, Finding, Kind, Report, Severity
from ._common import CONTROL_CHARS, in_reading_order

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT_KEY = "msgcheckFinding/v1"


LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

# rule id -> (name, short description, full description, default level)
RULES: dict[str, tuple[str, str, str, str]] = {
    "aligned": ("Aligned", "Claim says what an approved message says.",
                "The claim matches an approved statement, variant or proof point of the messaging platform.", "note"),
    "drift": ("Drift", "Claim is about an approved message but says something different.",
              "Other numbers or units, a reversed or weakened meaning, a stronger promise or another competitor "
              "than the approved message. Use the approved wording.", "error"),
    "off_message": ("OffMessage", "Claim that no approved message covers.",
                    "The claim is not covered by any approved message of the platform; have it approved or drop it.",
                    "warning"),
    "retired": ("Retired", "Claim repeats a retired message.",
                "The claim repeats a message the platform has retired; it must no longer appear.", "error"),
    "banned": ("BannedPhrase", "Text uses a banned phrase.",
               "The text uses a phrase the platform bans.", "error"),
    "terminology": ("Terminology", "Text misspells a canonical term.",
                    "The text writes a product or company name in a form the platform says to avoid.", "warning"),
    "unreadable": ("Unreadable", "The asset could not be read.",
                   "The deck or page could not be read, so none of its claims were checked.", "error"),
    "missing": ("MissingRequiredMessage", "A required message is not carried.",
                "The platform requires every asset to carry this message as approved; this asset does not.",
                "warning"),
}
RULE_INDEX = {rule_id: i for i, rule_id in enumerate(RULES)}


def _clean(text: str | None) -> str:
    return CONTROL_CHARS.sub(" ", text or "")


def artifact_uri(source: str) -> str:
    """A URI reference for an asset: a page URL as it is, a file path percent-encoded."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return source
    path = PurePath(source)
    posix = path.as_posix()
    if path.is_absolute():
        return "file://" + quote(posix if posix.startswith("/") else "/" + posix)
    return quote(posix)


def _logical_name(f: Finding) -> str:
    loc = f.location
    if loc.url is not None:
        return loc.heading or loc.url
    parts = [f"slide {loc.slide}"]
    parts.append("speaker notes" if loc.notes else (loc.shape or "slide"))
    return " / ".join(parts)


def _fingerprint(source: str, f: Finding, occurrence: int) -> str:
    text = " ".join(_clean(f.text).lower().split())
    key = "\x1f".join([source, f.kind.value, f.message_id or "", text, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _message_text(f: Finding) -> str:
    parts = [f"{f.kind.value.replace('_', '-')}: “{_clean(f.text).strip()}”"]
    if f.reason:
        parts.append(_clean(f.reason).strip().rstrip(".") + ".")
    if f.suggestion:
        label = "Approved wording" if f.kind in (Kind.DRIFT, Kind.ALIGNED, Kind.RETIRED) else "Suggestion"
        parts.append(f"{label}: {_clean(f.suggestion).strip()}")
    return " ".join(parts)


def _result(asset: AssetResult, f: Finding, occurrence: int) -> dict[str, Any]:
    loc = f.location
    logical: dict[str, Any] = {"name": _logical_name(f), "kind": "element"}
    logical["fullyQualifiedName"] = f"{asset.source} / {logical['name']}"
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": artifact_uri(loc.url or asset.source)}},
        "logicalLocations": [logical],
        "properties": loc.to_dict(),
    }
    result: dict[str, Any] = {
        "ruleId": f.kind.value,
        "ruleIndex": RULE_INDEX[f.kind.value],
        "level": LEVELS[f.severity],
        "message": {"text": _message_text(f)},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(asset.source, f, occurrence)},
        "properties": {
            "text": _clean(f.text),
            "message_id": f.message_id,
            "similarity": None if f.similarity is None else round(float(f.similarity), 4),
            "reason": f.reason,
            "suggestion": f.suggestion,
            "severity": f.severity.value,
        },
    }
    if f.kind is Kind.ALIGNED:
        result["kind"] = "pass"
        result["level"] = "none"
    return result


def _asset_result(asset: AssetResult, rule_id: str, text: str, extra: dict[str, Any]) -> dict[str, Any]:
    key = "\x1f".join([asset.source, rule_id, *[str(v) for v in extra.values()]])
    return {
        "ruleId": rule_id,
        "ruleIndex": RULE_INDEX[rule_id],
        "level": RULES[rule_id][3],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(asset.source)}}}],
        "partialFingerprints": {FINGERPRINT_KEY: hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]},
        "properties": extra,
    }


def to_sarif(report: Report) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = [
        {
            "id": rule_id,
            "name": name,
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "defaultConfiguration": {"level": level},
        }
        for rule_id, (name, short, full, level) in RULES.items()
    ]
    results: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    for asset in report.assets:
        artifacts.append({"location": {"uri": artifact_uri(asset.source)}, "roles": ["analysisTarget"]})
        if asset.error:
            results.append(_asset_result(asset, "unreadable", f"{asset.source} could not be read: {_clean(asset.error)}",
                                         {"error": _clean(asset.error)}))
            continue
        seen: dict[tuple[str, str, str], int] = {}
        for f in in_reading_order(asset.findings):
            key = (f.kind.value, f.message_id or "", " ".join(f.text.lower().split()))
            seen[key] = seen.get(key, -1) + 1
            results.append(_result(asset, f, seen[key]))
        for mid in asset.missing:
            results.append(_asset_result(asset, "missing", f"Required message {mid} is not carried as approved.",
                                         {"message_id": mid}))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "msgcheck", "version": __version__, "rules": rules}},
        "artifacts": artifacts,
        "results": results,
        "properties": {"platform": {"name": report.platform_name, "version": report.platform_version},
                       "summary": report.summary()},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, *, color: bool = False) -> str:
    """The SARIF log as JSON text. ``color`` is ignored."""
    del color
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"
