"""A hand-made Report with every kind of finding, a deck and a web page, for the reporter tests."""

from __future__ import annotations

from msgcheck.models import AssetResult, Finding, Kind, Location, Report

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"

MESSAGES = [
    {"id": "vp-live-data", "kind": "value_proposition",
     "statement": "Lumen Pulse dashboards refresh every 5 seconds.", "required": True},
    {"id": "vp-stockouts", "kind": "value_proposition",
     "statement": "Stores using Lumen Pulse reduce stockouts by up to 25%.", "required": True},
    {"id": "diff-no-sql", "kind": "differentiator",
     "statement": "Store managers build their own reports without SQL.", "required": True},
    {"id": "diff-pricing", "kind": "differentiator",
     "statement": "Lumen Pulse is priced per store, not per user, so the whole team can use it.", "required": False},
    {"id": "ret-free-tier", "kind": "retired", "statement": "Lumen is free for up to 10 stores.", "required": False},
]


def finding(kind: Kind, text: str, loc: Location, **kw: object) -> Finding:
    return Finding(kind=kind, severity=kind.default_severity, text=text, location=loc, **kw)  # type: ignore[arg-type]


def deck_findings() -> tuple[Finding, ...]:
    return (
        finding(Kind.DRIFT, "Lumen Pulse dashboards refresh every second.", Location(slide=3, shape="TextBox 2", notes=False),
                message_id="vp-live-data", similarity=0.91, reason="1 second where the platform says 5 seconds",
                suggestion="Lumen Pulse dashboards refresh every 5 seconds."),
        finding(Kind.ALIGNED, "Stores using Lumen Pulse reduce stockouts by up to 25%.",
                Location(slide=2, shape="Content Placeholder 2", notes=False), message_id="vp-stockouts", similarity=0.99),
        finding(Kind.OFF_MESSAGE, HOSTILE, Location(slide=4, shape="Table 5", notes=False), similarity=0.31),
        finding(Kind.RETIRED, "Lumen is free for up to 10 stores!", Location(slide=5, shape=None, notes=True),
                message_id="ret-free-tier", similarity=0.95, reason="The free tier ended in 2025."),
        finding(Kind.BANNED, "Our world-class support team answers fast.", Location(slide=6, shape="Group 3", notes=False),
                reason="Unsubstantiated superlative.", suggestion="Cite a proof point instead."),
        finding(Kind.TERMINOLOGY, "LumenPulse connects to your tills.", Location(slide=1, shape="Title 1", notes=False),
                reason="write 'Lumen Pulse', not 'LumenPulse'", suggestion="Lumen Pulse"),
    )


def web_findings(url: str) -> tuple[Finding, ...]:
    return (
        finding(Kind.DRIFT, "Cut stockouts by half with Lumen Pulse.", Location(url=url, heading="Why Lumen"),
                message_id="vp-stockouts", similarity=0.83, reason="half (50%) where the platform says up to 25%",
                suggestion="Stores using Lumen Pulse reduce stockouts by up to 25%."),
        finding(Kind.ALIGNED, "Store managers build their own reports without SQL.", Location(url=url, heading="Features"),
                message_id="diff-no-sql", similarity=0.98),
    )


def sample_report(history: bool = True) -> Report:
    url = "https://www.lumen.example/why"
    assets = (
        AssetResult(source="decks/spring-pitch.pptx", type="pptx", findings=deck_findings(),
                    missing=("diff-no-sql",), claims=9),
        AssetResult(source=url, type="html", findings=web_findings(url), missing=("vp-live-data",), claims=7),
        AssetResult(source="decks/clean.pptx", type="pptx", findings=(), missing=(), claims=0),
        AssetResult(source="decks/broken.pptx", type="pptx", error="not a PowerPoint file (starts with %PDF)"),
    )
    extra: dict[str, object] = {"messages": MESSAGES}
    if history:
        extra["history"] = [
            {"run_id": 1, "started": "2026-10-05T06:00:00Z", "new": 14, "fixed": 0, "open": 14},
            {"run_id": 2, "started": "2026-10-12T06:00:00Z", "new": 3, "fixed": 6, "open": 11},
            {"run_id": 3, "started": "2026-10-19T06:00:00Z", "new": 1, "fixed": 4, "open": 8},
        ]
    return Report(platform_name="Lumen Pulse messaging platform", platform_version="2026-Q4", assets=assets, extra=extra)
