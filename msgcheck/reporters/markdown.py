"""Markdown report, for a pull-request comment or a wiki page."""

from __future__ import annotations

from ..models import Report
from ._common import KIND_LABEL, changes, headline, is_page, problems, site_missing


def _cell(s: str | None) -> str:
    return (s or "").replace("|", "\\|").replace("\n", " ")


def render(report: Report, *, color: bool = False) -> str:
    out = [f"# msgcheck report: {_cell(report.platform_name)}", "", f"**{headline(report)}**", ""]
    for asset in report.assets:
        out.append(f"## `{asset.source}`")
        out.append("")
        if asset.error:
            out += [f"> **Could not be read:** {_cell(asset.error)}", ""]
            continue
        shown = problems(asset)
        if shown:
            out += ["| where | kind | claim | what differs | use instead |", "| --- | --- | --- | --- | --- |"]
            for f in shown:
                why = _cell(f.reason) + (f" (`{f.message_id}`)" if f.message_id else "")
                out.append(f"| {_cell(f.location.label())} | {KIND_LABEL[f.kind.value]} | {_cell(f.text)} | "
                           f"{why} | {_cell(f.suggestion)} |")
            out.append("")
        else:
            out += ["No problems found.", ""]
        if asset.missing and not is_page(asset):
            out += ["Missing required messages: " + ", ".join(f"`{m}`" for m in asset.missing), ""]
    gaps = site_missing(report)
    if gaps:
        out += ["## Required messages missing from pages", ""]
        out += [f"- `{m}`: " + ("on no page" if n == total else f"missing from {n} of {total} pages")
                for m, n, total in gaps]
        out.append("")
    ch = changes(report)
    if ch:
        out += [f"## Since run {ch.get('previous_run')}", "",
                f"{len(ch.get('new', []))} new, {len(ch.get('fixed', []))} fixed, {ch.get('open', 0)} still open", ""]
        for label, key in (("New", "new"), ("Fixed", "fixed")):
            for f in ch.get(key, []):
                out.append(f"- {label}: {f.get('kind')} — {_cell(f.get('text'))} (`{f.get('source')}`)")
        out.append("")
    return "\n".join(out)
