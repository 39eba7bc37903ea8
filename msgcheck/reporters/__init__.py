"""Reporters: each turns a Report into text in one format, reading nothing but the Report.

A reporter module defines ``render(report: Report, *, color: bool = False) -> str`` and is listed
in ``REPORTERS`` by format name. Modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib

from ..errors import UsageError
from ..models import Report

# format name -> module (relative to this package) that defines render()
REPORTERS: dict[str, str] = {
    "text": ".text",
    "json": ".json_report",
    "markdown": ".markdown",
    "html": ".html",
    "sarif": ".sarif",
    "junit": ".junit",
}


def render(report: Report, fmt: str, *, color: bool = False) -> str:
    if fmt not in REPORTERS:
        raise UsageError(f"unknown report format {fmt!r}", hint=f"choose one of: {', '.join(REPORTERS)}")
    module = importlib.import_module(REPORTERS[fmt], __name__)
    return module.render(report, color=color)
