"""Text report for a person in a terminal: grouped by asset and slide, colour on a TTY."""

from __future__ import annotations

from ..models import Report
from ._common import KIND_LABEL, changes, headline, is_page, problems, site_missing

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[32m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def render(report: Report, *, color: bool = False, show_aligned: bool = False) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    lines: list[str] = [c(_BOLD, f"msgcheck · {report.platform_name}"
                          + (f" ({report.platform_version})" if report.platform_version else ""))]
    for asset in report.assets:
        lines.append("")
        lines.append(c(_BOLD, asset.source))
        if asset.error:
            lines.append("  " + c(_COLORS["error"], f"error: {asset.error}"))
            continue
        shown = problems(asset, show_aligned)
        aligned = sum(1 for f in asset.findings if f.kind.value == "aligned")
        if not shown and (not asset.missing or is_page(asset)):
            lines.append("  " + c(_COLORS["info"], f"ok: {asset.claims} claims, {aligned} aligned, no problems"))
            continue
        last_where = None
        for f in shown:
            if f.location.url is not None:  # the asset header already names the page
                where = f"§ {f.location.heading}" if f.location.heading else "top of page"
            else:
                where = f.location.label().split(",")[0]
            if where != last_where:
                lines.append("  " + c(_DIM, where))
                last_where = where
            sev = f.severity.value
            tag = c(_COLORS[sev], f"{KIND_LABEL[f.kind.value]:<12}")
            shape = f" [{f.location.shape}]" if f.location.shape and not f.location.notes else (
                " [notes]" if f.location.notes else "")
            lines.append(f"    {tag} \"{f.text}\"{c(_DIM, shape)}")
            detail = f.reason or ""
            if f.message_id:
                detail += f"  ({f.message_id}" + (f", similarity {f.similarity:.2f})" if f.similarity is not None else ")")
            if detail.strip():
                lines.append(f"    {'':<12} {detail.strip()}")
            if f.suggestion:
                lines.append(f"    {'':<12} {c(_COLORS['info'], 'use: ' + f.suggestion)}")
        if asset.missing and not is_page(asset):  # pages: one summary for the site, below
            lines.append("  " + c(_COLORS["warning"], "missing required: " + ", ".join(asset.missing)))
        lines.append("  " + c(_DIM, f"{asset.claims} claims, {aligned} aligned"))
    gaps = site_missing(report)
    if gaps:
        lines.append("")
        lines.append(c(_COLORS["warning"], "required messages missing from pages: " + ", ".join(
            f"{m} ({'on no page' if n == total else f'{n} of {total} pages'})" for m, n, total in gaps)))
    ch = changes(report)
    if ch:
        lines.append("")
        lines.append(c(_BOLD, f"since run {ch.get('previous_run')}: {len(ch.get('new', []))} new, "
                              f"{len(ch.get('fixed', []))} fixed, {ch.get('open', 0)} still open"))
        for f in ch.get("new", []):
            lines.append(f"  + {f.get('kind')}: \"{f.get('text')}\" ({f.get('source')})")
        for f in ch.get("fixed", []):
            lines.append(f"  - {f.get('kind')}: \"{f.get('text')}\" ({f.get('source')})")
    lines.append("")
    lines.append(headline(report))
    return "\n".join(lines) + "\n"
