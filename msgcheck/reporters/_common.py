"""Small helpers shared by the human-readable reporters."""

from __future__ import annotations

import re
from typing import Iterable

from ..models import AssetResult, Finding, Report

# control characters no report format can carry (replaced by a space)
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

KIND_ORDER = ("drift", "retired", "banned", "off_message", "terminology", "aligned")
KIND_LABEL = {
    "aligned": "aligned", "drift": "DRIFT", "off_message": "off-message", "retired": "RETIRED",
    "banned": "BANNED", "terminology": "terminology",
}


def problems(asset: AssetResult, show_aligned: bool = False) -> list[Finding]:
    """The findings worth a person's attention, in slide/page order."""
    return [f for f in asset.findings if show_aligned or f.kind.value != "aligned"]


def headline(report: Report) -> str:
    s = report.summary()
    counts = s["by_kind"]
    parts = [f"{s['assets']} asset{'s' if s['assets'] != 1 else ''}", f"{s['claims']} claims"]
    parts += [f"{counts[k]} {KIND_LABEL[k].lower()}" for k in KIND_ORDER if counts.get(k)]
    if s["missing"]:
        parts.append(f"{s['missing']} missing required message{'s' if s['missing'] != 1 else ''}")
    if s["errors"]:
        parts.append(f"{s['errors']} unreadable")
    return ", ".join(parts)


def in_reading_order(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in slide/page order (notes after the slide)."""
    return sorted(findings, key=lambda f: f.location.sort_key())


def changes(report: Report) -> dict | None:
    """The crawl history's comparison with the previous run, when there is one."""
    ch = report.extra.get("changes")
    return ch if isinstance(ch, dict) else None


def is_page(asset: AssetResult) -> bool:
    """A web page (or the site-wide text of a crawl), as opposed to a deck."""
    return asset.type in ("html", "site")


def site_missing(report: Report) -> list[tuple[str, int, int]]:
    """For a crawl: each required message with the number of pages that lack it, of all pages read.

    A website spreads its messages over many pages, so the per-page ``missing`` lists (kept in the
    JSON report, contract §3) read better as one summary: which required messages are missing from
    how many pages, and which no page carries at all.
    """
    pages = [a for a in report.assets if is_page(a) and a.error is None]
    counts: dict[str, int] = {}
    for a in pages:
        for m in a.missing:
            counts[m] = counts.get(m, 0) + 1
    return [(m, n, len(pages)) for m, n in counts.items()]
