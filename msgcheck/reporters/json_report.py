"""JSON report: contract §4, exactly; extra top-level keys only from Report.extra."""

from __future__ import annotations

import json

from ..models import Report


def render(report: Report, *, color: bool = False) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
