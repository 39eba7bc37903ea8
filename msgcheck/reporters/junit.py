"""JUnit XML (``--format junit``) for CI dashboards.

One ``<testsuite>`` per asset. Every finding of warning or error severity is a ``<testcase>``
with a ``<failure>`` (type = the kind), and so is every required message the asset does not
carry (type "missing"). An asset with none of these has one passing case, "no findings". An
asset that could not be read has one case with an ``<error>``. Aligned claims (info) are not
listed: a dashboard counts problems.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..models import AssetResult, Finding, Kind, Report, Severity
from ._common import in_reading_order

# XML 1.0 forbids these characters even escaped (python-pptx gives \v for a line break).
_INVALID_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _x(text: object) -> str:
    return _INVALID_XML.sub(" ", "" if text is None else str(text))


def _case_name(f: Finding) -> str:
    claim = " ".join(_x(f.text).split())
    if len(claim) > 80:
        claim = claim[:79] + "…"
    return f"{_x(f.location.label())}: {claim}"


def _details(f: Finding) -> str:
    lines = [f"kind: {f.kind.value}", f"severity: {f.severity.value}", f"where: {f.location.label()}",
             f"claim: {f.text}"]
    if f.reason:
        lines.append(f"what differs: {f.reason}")
    if f.suggestion:
        label = "approved wording" if f.kind in (Kind.DRIFT, Kind.ALIGNED, Kind.RETIRED) else "suggestion"
        lines.append(f"{label}: {f.suggestion}")
    if f.message_id:
        lines.append(f"message: {f.message_id}")
    if f.similarity is not None:
        lines.append(f"similarity: {float(f.similarity):.2f}")
    return _x("\n".join(lines))


def _suite(asset: AssetResult) -> ET.Element:
    suite = ET.Element("testsuite", name=_x(asset.source))
    classname = f"msgcheck.{asset.type}"
    failures = errors = 0
    if asset.error:
        case = ET.SubElement(suite, "testcase", classname=classname, name="read asset")
        ET.SubElement(case, "error", message=_x(asset.error), type="unreadable").text = _x(asset.error)
        errors += 1
    else:
        for f in in_reading_order(asset.findings):
            if f.severity.rank < Severity.WARNING.rank:
                continue
            case = ET.SubElement(suite, "testcase", classname=f"{classname}.{f.kind.value}", name=_case_name(f))
            summary = f"{f.kind.value} ({f.severity.value}): {f.reason or f.text}"
            ET.SubElement(case, "failure", message=_x(summary), type=f.kind.value).text = _details(f)
            failures += 1
        for mid in asset.missing:
            case = ET.SubElement(suite, "testcase", classname=f"{classname}.missing", name=f"required message {_x(mid)}")
            text = f"required message {mid} is not carried as approved"
            ET.SubElement(case, "failure", message=_x(text), type="missing").text = _x(text)
            failures += 1
        if failures == 0:
            ET.SubElement(suite, "testcase", classname=classname, name="no findings")
    suite.set("tests", str(len(suite)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    props = ET.Element("properties")
    ET.SubElement(props, "property", name="claims", value=str(asset.claims))
    suite.insert(0, props)
    return suite


def render(report: Report, *, color: bool = False) -> str:
    """The JUnit XML document. ``color`` is ignored."""
    del color
    root = ET.Element("testsuites", name=f"msgcheck: {_x(report.platform_name)}")
    for asset in report.assets:
        root.append(_suite(asset))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
