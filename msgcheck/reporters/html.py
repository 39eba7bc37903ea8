"""The HTML report: one self-contained page for the people who review drift.

Everything is inline (CSS, SVG charts, a small script), so the file works opened from disk or
attached to an email, and the page makes no request of its own. A Content-Security-Policy meta
tag allows only the one inline script (by its hash) and inline styles.

Sections, top to bottom: scorecards; the trend across crawl runs (``Report.extra["history"]``);
the coverage matrix assets × approved messages (``Report.extra["messages"]``); drift grouped by
message; every asset's findings in slide/page order, with kind filters and a search box that
only work with JavaScript — without it the page shows everything.

All text from decks, pages and the platform goes through ``_e`` (html.escape after dropping
control characters); the script reads only ``data-*`` attributes and text content and never
writes HTML.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter
from typing import Any, Iterable, Sequence

from ..models import AssetResult, Finding, Kind, Location, Report, Severity
from ._common import CONTROL_CHARS, changes, in_reading_order

# Characters that are not allowed in XML/HTML text: C0 controls except tab, newline, carriage return.

KIND_LABELS: dict[str, str] = {
    "aligned": "Aligned",
    "drift": "Drift",
    "off_message": "Off-message",
    "retired": "Retired",
    "banned": "Banned phrase",
    "terminology": "Terminology",
}

# Cell states of the coverage matrix: css class, symbol (readable without colour), label.
CELL_STATES: dict[str, tuple[str, str]] = {
    "aligned": ("✓", "aligned: carried as approved"),
    "drift": ("≈", "drift: carried with different wording or facts"),
    "missing": ("✗", "missing: a required message the asset does not carry"),
    "absent": ("·", "absent: not carried (not required)"),
    "unreadable": ("?", "asset could not be read"),
}

_SCRIPT = """
(function () {
  var controls = document.getElementById('controls');
  if (!controls) { return; }
  controls.hidden = false;
  var boxes = controls.querySelectorAll('input[type=checkbox][data-kind]');
  var search = document.getElementById('search');
  var counter = document.getElementById('shown');
  var rows = document.querySelectorAll('tr[data-kind]');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-kind')] = b.checked; });
    var q = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (r) {
      var ok = on[r.getAttribute('data-kind')] !== false &&
        (q === '' || r.textContent.toLowerCase().indexOf(q) !== -1);
      r.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll('section.asset').forEach(function (s) {
      var any = s.querySelector('tr[data-kind]:not([hidden])') !== null;
      var total = s.querySelector('tr[data-kind]') !== null;
      s.classList.toggle('filtered-out', total && !any);
    });
    counter.textContent = String(shown);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  search.addEventListener('input', apply);
  apply();
})();
"""

_CSS = """
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#ffffff; --soft:#f6f8fa;
  --ok:#1a7f37; --ok-bg:#dafbe1; --drift:#9a3412; --drift-bg:#ffedd5; --miss:#b91c1c; --miss-bg:#fee2e2;
  --warn:#7c5e00; --warn-bg:#fff8c5; --info:#0550ae; --info-bg:#ddf4ff; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header.top { padding: 20px 28px 8px; border-bottom: 1px solid var(--line); }
header.top h1 { margin: 0 0 4px; font-size: 22px; }
header.top p { margin: 0; color: var(--muted); }
main { padding: 8px 28px 40px; max-width: 1400px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 10px; margin-top: 16px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); }
.card .n { font-size: 26px; font-weight: 650; display: block; }
.card .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
.card.bad { border-left: 5px solid var(--miss); }
.card.warn { border-left: 5px solid #d4a72c; }
.card.good { border-left: 5px solid var(--ok); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
.matrix { width: auto; }
.matrix th.msg { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; font-size: 12px; padding: 8px 4px; }
.matrix td.cell { text-align: center; width: 34px; min-width: 34px; font-weight: 700; font-size: 15px; border: 1px solid var(--line); }
.matrix td.asset-name { max-width: 360px; overflow-wrap: anywhere; }
.cell.aligned, .swatch.aligned { background: var(--ok-bg); color: var(--ok); }
.cell.drift, .swatch.drift { color: var(--drift); background: repeating-linear-gradient(45deg, var(--drift-bg) 0 4px, #fdba74 4px 6px); }
.cell.missing, .swatch.missing { color: var(--miss); background: repeating-linear-gradient(0deg, var(--miss-bg) 0 3px, #fca5a5 3px 4px), var(--miss-bg); }
.cell.absent, .swatch.absent { color: var(--muted); background: var(--bg); }
.cell.unreadable, .swatch.unreadable { color: var(--muted); background: repeating-linear-gradient(90deg, var(--soft) 0 3px, #d1d9e0 3px 4px); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 8px 0 4px; color: var(--muted); font-size: 12.5px; }
.legend span.swatch { display: inline-block; width: 22px; height: 18px; line-height: 18px; text-align: center; border: 1px solid var(--line); font-weight: 700; margin-right: 5px; vertical-align: middle; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge.aligned { background: var(--ok-bg); color: var(--ok); }
.badge.drift, .badge.retired, .badge.banned { background: var(--miss-bg); color: var(--miss); }
.badge.off_message, .badge.terminology { background: var(--warn-bg); color: var(--warn); }
.sev { font-size: 12px; color: var(--muted); }
.sev.error { color: var(--miss); font-weight: 600; }
.claim { font-style: normal; }
.wording { border-left: 4px solid var(--ok); background: var(--ok-bg); padding: 6px 10px; margin: 4px 0 8px; }
.muted { color: var(--muted); }
.where { white-space: nowrap; color: var(--muted); font-size: 12.5px; }
td.text { overflow-wrap: anywhere; max-width: 520px; }
.asset { border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 12px; margin: 14px 0; }
.asset h3 { overflow-wrap: anywhere; }
.asset .err { color: var(--miss); font-weight: 600; }
.asset.filtered-out table { display: none; }
.asset.filtered-out .none-shown { display: block; }
.none-shown { display: none; color: var(--muted); }
#controls { position: sticky; top: 0; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
#controls[hidden] { display: none; }
#controls label { white-space: nowrap; }
#controls input[type=search] { padding: 4px 8px; min-width: 240px; border: 1px solid var(--line); border-radius: 6px; }
nav.toc ul { columns: 2; margin: 4px 0; }
svg text { font: 11px system-ui, sans-serif; fill: var(--fg); }
a { color: var(--info); }
@media print { #controls { display: none; } tr[hidden] { display: table-row; } }
"""


def _e(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute; drop control characters."""
    text = "" if value is None else str(value)
    return html.escape(CONTROL_CHARS.sub(" ", text), quote=True)


def _is_web_url(value: str | None) -> bool:
    return bool(value) and re.match(r"^https?://", value or "", re.IGNORECASE) is not None


def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.0f}%" if whole else "–"


def render(report: Report, *, color: bool = False) -> str:
    """The whole report as one HTML document. ``color`` is ignored (the page has its own)."""
    del color
    messages = _messages(report)
    body: list[str] = []
    body.append(_header(report))
    body.append("<main>")
    body.append(_scorecards(report))
    history = report.extra.get("history")
    if isinstance(history, list) and history:
        body.append(_trend(history))
    since_last = changes(report)
    if since_last is not None:
        body.append(_changes(since_last))
    body.append(_toc(report))
    body.append(_matrix(report, messages))
    body.append(_drift_by_message(report, messages))
    body.append(_assets(report))
    body.append("</main>")
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    title = f"msgcheck report — {report.platform_name}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="msgcheck">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + f"\n<script>{script}</script>\n</body>\n</html>\n"
    )


# --- data ------------------------------------------------------------------------------------


def _messages(report: Report) -> list[dict[str, Any]]:
    """The platform's messages: Report.extra["messages"], else the ids the findings mention."""
    given = report.extra.get("messages")
    if isinstance(given, list) and given:
        return [m for m in given if isinstance(m, dict) and m.get("id")]
    seen: dict[str, dict[str, Any]] = {}
    for asset in report.assets:
        for mid in asset.missing:  # only required messages can be missing
            seen.setdefault(mid, {"id": mid, "kind": "", "statement": None})["required"] = True
        for f in asset.findings:
            if f.message_id and f.kind in (Kind.ALIGNED, Kind.DRIFT):
                seen.setdefault(f.message_id, {"id": f.message_id, "kind": "", "statement": None, "required": False})
    return sorted(seen.values(), key=lambda m: str(m["id"]))


def _semantic_total(report: Report) -> int:
    claims = sum(a.claims for a in report.assets)
    if claims:
        return claims
    return sum(1 for f in report.findings if f.kind.semantic)


# --- sections --------------------------------------------------------------------------------


def _header(report: Report) -> str:
    version = f" · version {_e(report.platform_version)}" if report.platform_version else ""
    generated = report.extra.get("generated")
    when = f" · generated {_e(generated)}" if generated else ""
    return (
        '<header class="top">'
        f"<h1>Messaging drift report</h1>"
        f"<p>Checked against <strong>{_e(report.platform_name)}</strong>{version}{when}</p>"
        "</header>"
    )


def _scorecards(report: Report) -> str:
    s = report.summary()
    kinds, missing, unreadable = s["by_kind"], s["missing"], s["errors"]
    total = _semantic_total(report)
    aligned = kinds.get("aligned", 0)
    cards = [
        ("assets checked", str(s["assets"]), ""),
        ("claims", str(s["claims"]), ""),
        ("aligned", _pct(aligned, total), "good" if total and aligned == total else ""),
        ("drift", str(kinds.get("drift", 0)), "bad" if kinds.get("drift") else "good"),
        ("off-message", str(kinds.get("off_message", 0)), "warn" if kinds.get("off_message") else "good"),
        ("retired", str(kinds.get("retired", 0)), "bad" if kinds.get("retired") else "good"),
        ("banned phrases", str(kinds.get("banned", 0)), "bad" if kinds.get("banned") else "good"),
        ("terminology", str(kinds.get("terminology", 0)), "warn" if kinds.get("terminology") else "good"),
        ("missing required", str(missing), "warn" if missing else "good"),
        ("unreadable assets", str(unreadable), "bad" if unreadable else "good"),
    ]
    items = "".join(
        f'<div class="card {cls}" data-card="{_e(label)}"><span class="n">{_e(value)}</span>'
        f'<span class="l">{_e(label)}</span></div>'
        for label, value, cls in cards
    )
    return f'<section id="summary" aria-label="Summary"><div class="cards">{items}</div></section>'


def _trend(history: Sequence[Any]) -> str:
    """A grouped bar chart (new / fixed / open per crawl run) as inline SVG, with a table below.

    A run without a previous run to compare with has no counts: it shows "–", not zeros.
    """
    runs = [h for h in history if isinstance(h, dict)][-12:]
    if not runs:
        return ""
    series = [("new", "#cf222e"), ("fixed", "#1a7f37"), ("open", "#6e7781")]
    values = [[_count(run.get(name)) for name, _ in series] for run in runs]
    top = max([v for row in values for v in row if v is not None] + [1])
    bar, gap, group_gap = 22, 3, 34
    group_w = len(series) * bar + (len(series) - 1) * gap
    left, chart_h, label_h, top_pad = 40, 150, 40, 18
    width = max(360, left + len(runs) * (group_w + group_gap) + 10)
    height = top_pad + chart_h + label_h
    base = top_pad + chart_h
    parts = [
        f'<svg role="img" aria-labelledby="trend-title" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        '<title id="trend-title">Findings per crawl run: new, fixed and still open</title>',
        f'<line x1="{left}" y1="{base}" x2="{width - 6}" y2="{base}" stroke="#8c959f"/>',
        f'<line x1="{left}" y1="{top_pad}" x2="{width - 6}" y2="{top_pad}" stroke="#d1d9e0" stroke-dasharray="3 3"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{top}</text>',
        f'<text x="{left - 6}" y="{base}" text-anchor="end">0</text>',
    ]
    # "open" is drawn hatched-outline as well as grey, so the three series differ without colour.
    styles = {"new": "", "fixed": "", "open": ' stroke="#1f2328" stroke-width="1" stroke-dasharray="3 2"'}
    for i, (run, vals) in enumerate(zip(runs, values)):
        x0 = left + 12 + i * (group_w + group_gap)
        for j, ((name, colour), value) in enumerate(zip(series, vals)):
            x = x0 + j * (bar + gap)
            if value is None:
                parts.append(f'<text x="{x + bar / 2}" y="{base - 4}" text-anchor="middle">–</text>')
                continue
            h = round(chart_h * value / top)
            y = base - h
            parts.append(
                f'<rect x="{x}" y="{y}" width="{bar}" height="{h}" fill="{colour}"{styles[name]}>'
                f"<title>{_e(name)}: {value}</title></rect>"
            )
            parts.append(f'<text x="{x + bar / 2}" y="{y - 4}" text-anchor="middle">{value}</text>')
        mid = x0 + group_w / 2
        parts.append(f'<text x="{mid}" y="{base + 15}" text-anchor="middle">run {_e(run.get("run_id", i + 1))}</text>')
        parts.append(
            f'<text x="{mid}" y="{base + 30}" text-anchor="middle">{_e(str(run.get("started") or "")[:10])}</text>'
        )
    parts.append("</svg>")
    legend = "".join(
        f'<span><svg width="12" height="12" aria-hidden="true"><rect width="12" height="12" fill="{c}"/></svg> {n}</span>'
        for n, c in series
    )
    rows = "".join(
        f"<tr><td>{_e(run.get('run_id'))}</td><td>{_e(run.get('started'))}</td>"
        + "".join(f"<td>{'–' if v is None else v}</td>" for v in vals)
        + "</tr>"
        for run, vals in zip(runs, values)
    )
    table = (
        "<details><summary>Numbers</summary><table><thead><tr><th>run</th><th>started</th>"
        f"<th>new</th><th>fixed</th><th>open</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )
    return (
        '<section id="trend"><h2>Trend across crawl runs</h2>'
        f'<div class="legend">{legend}</div>{"".join(parts)}{table}</section>'
    )


def _changes(changes: dict[str, Any]) -> str:
    """New and fixed findings since the previous crawl run (Report.extra["changes"])."""
    parts = ['<section id="changes"><h2>Since the previous run</h2>']
    previous = changes.get("previous_run")
    when = changes.get("previous_started")
    parts.append(
        f'<p class="muted">Compared with run {_e(previous)}{f" ({_e(when)})" if when else ""}: '
        f'{len(changes.get("new") or [])} new, {len(changes.get("fixed") or [])} fixed, '
        f'{_e(changes.get("open", 0))} still open'
        + (f', {_e(changes.get("not_rechecked"))} not re-checked' if changes.get("not_rechecked") else "")
        + ".</p>"
    )
    for key, title in (("new", "New"), ("fixed", "Fixed")):
        items = [d for d in changes.get(key) or [] if isinstance(d, dict)]
        if not items:
            continue
        rows = "".join(
            f'<tr data-change="{key}"><td><span class="badge {_e(d.get("kind"))}">'
            f'{_e(KIND_LABELS.get(str(d.get("kind")), d.get("kind")))}</span></td>'
            f'<td class="text">{_e(d.get("text"))}</td><td>{_e(d.get("source"))}</td>'
            f'<td class="where">{_e(_label(d.get("location")))}</td></tr>'
            for d in items
        )
        parts.append(
            f"<h3>{title}</h3><table><thead><tr><th>kind</th><th>claim</th><th>asset</th><th>where</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
    parts.append("</section>")
    return "".join(parts)


def _label(location: Any) -> str:
    if not isinstance(location, dict):
        return ""
    try:
        return Location(**location).label()
    except TypeError:
        return ", ".join(f"{k} {v}" for k, v in location.items())


def _count(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return None


def _toc(report: Report) -> str:
    if len(report.assets) < 2:
        return ""
    items = []
    for i, asset in enumerate(report.assets):
        problems = sum(1 for f in asset.findings if f.severity is not Severity.INFO) + len(asset.missing)
        note = "unreadable" if asset.error else f"{problems} to fix" if problems else "clean"
        items.append(f'<li><a href="#asset-{i}">{_e(asset.source)}</a> <span class="muted">({_e(note)})</span></li>')
    return f'<nav class="toc" aria-label="Assets"><h2>Assets</h2><ul>{"".join(items)}</ul></nav>'


def _cell_state(asset: AssetResult, message: dict[str, Any]) -> str:
    if asset.error:
        return "unreadable"
    mid = message["id"]
    kinds = {f.kind for f in asset.findings if f.message_id == mid}
    if Kind.DRIFT in kinds:
        return "drift"
    if Kind.ALIGNED in kinds:
        return "aligned"
    if mid in asset.missing:
        return "missing"
    return "absent"


def _legend(states: Iterable[str]) -> str:
    return '<div class="legend">' + "".join(
        f'<span><span class="swatch {s}" aria-hidden="true">{CELL_STATES[s][0]}</span>{_e(CELL_STATES[s][1])}</span>'
        for s in states
    ) + "</div>"


def _matrix(report: Report, messages: list[dict[str, Any]]) -> str:
    approved = [m for m in messages if str(m.get("kind", "")) != "retired"]
    if not approved or not report.assets:
        return ""
    head = "".join(
        f'<th class="msg" scope="col" title="{_e(m.get("statement") or m["id"])}">'
        f'{_e(m["id"])}{" *" if m.get("required") else ""}</th>'
        for m in approved
    )
    rows = []
    for i, asset in enumerate(report.assets):
        cells = []
        for m in approved:
            state = _cell_state(asset, m)
            symbol, label = CELL_STATES[state]
            cells.append(
                f'<td class="cell {state}" data-state="{state}" title="{_e(m["id"])}: {_e(label)}">'
                f'<span aria-label="{_e(state)}">{symbol}</span></td>'
            )
        rows.append(
            f'<tr><td class="asset-name"><a href="#asset-{i}">{_e(asset.source)}</a></td>{"".join(cells)}</tr>'
        )
    return (
        '<section id="coverage"><h2>Coverage: assets × approved messages</h2>'
        + _legend(["aligned", "drift", "missing", "absent", "unreadable"])
        + '<p class="muted">* required message. Drift wins over aligned when an asset has both.</p>'
        + f'<div style="overflow-x:auto"><table class="matrix"><thead><tr><th scope="col">asset</th>{head}</tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _drift_by_message(report: Report, messages: list[dict[str, Any]]) -> str:
    statements = {str(m["id"]): m.get("statement") for m in messages}
    groups: dict[str, list[tuple[AssetResult, Finding]]] = {}
    for asset in report.assets:
        for f in in_reading_order(asset.findings):
            if f.kind is Kind.DRIFT:
                groups.setdefault(f.message_id or "(no message)", []).append((asset, f))
    if not groups:
        return '<section id="drift"><h2>Drift by message</h2><p class="muted">No drift found.</p></section>'
    out = ['<section id="drift"><h2>Drift by message</h2>']
    order = [str(m["id"]) for m in messages]
    for mid in sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k)):
        items = groups[mid]
        wording = statements.get(mid) or next((f.suggestion for _, f in items if f.suggestion), None)
        out.append(f'<h3 id="drift-{_e(mid)}">{_e(mid)} <span class="muted">— {len(items)} drifting</span></h3>')
        if wording:
            out.append(f'<div class="wording"><span class="muted">Approved:</span> {_e(wording)}</div>')
        rows = "".join(
            f'<tr><td class="text">{_e(f.text)}</td><td>{_e(a.source)}</td>'
            f'<td class="where">{_location(f)}</td><td>{_e(f.reason or "")}</td><td>{_sim(f)}</td></tr>'
            for a, f in items
        )
        out.append(
            "<table><thead><tr><th>claim</th><th>asset</th><th>where</th><th>what differs</th>"
            f"<th>similarity</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    out.append("</section>")
    return "".join(out)


def _sim(f: Finding) -> str:
    return "" if f.similarity is None else f"{float(f.similarity):.2f}"


def _location(f: Finding, source: str | None = None) -> str:
    """Slide and shape, or URL and heading; the URL is left out when it is the asset's own."""
    loc = f.location
    if loc.url is not None and loc.url == source and loc.heading:
        return f"§ {_e(loc.heading)}"
    if loc.url is not None:
        link = f'<a href="{_e(loc.url)}">{_e(loc.url)}</a>' if _is_web_url(loc.url) else _e(loc.url)
        return link + (f" § {_e(loc.heading)}" if loc.heading else "")
    return _e(loc.label())


def _assets(report: Report) -> str:
    counts = report.by_kind()
    boxes = "".join(
        f'<label><input type="checkbox" checked data-kind="{k}"> '
        f'<span class="badge {k}">{_e(KIND_LABELS[k])}</span> <span class="muted">{counts.get(k, 0)}</span></label>'
        for k in KIND_LABELS
        if counts.get(k)
    )
    controls = (
        '<div id="controls" hidden><strong>Show:</strong>' + boxes +
        '<input type="search" id="search" placeholder="Search claims, reasons, slides…" aria-label="Search findings">'
        f'<span class="muted"><span id="shown">{len(report.findings)}</span> findings shown</span></div>'
    )
    out = ['<section id="assets"><h2>Findings by asset</h2>', controls]
    for i, asset in enumerate(report.assets):
        out.append(_asset(i, asset))
    out.append("</section>")
    return "".join(out)


def _asset(index: int, asset: AssetResult) -> str:
    title = (
        f'<a href="{_e(asset.source)}">{_e(asset.source)}</a>' if _is_web_url(asset.source) else _e(asset.source)
    )
    parts = [f'<section class="asset" id="asset-{index}" data-source="{_e(asset.source)}">',
             f'<h3>{title} <span class="muted">({_e(asset.type)})</span></h3>']
    if asset.error:
        parts.append(f'<p class="err">Could not be read: {_e(asset.error)}</p></section>')
        return "".join(parts)
    kinds = Counter(f.kind.value for f in asset.findings)
    summary = ", ".join(f"{n} {KIND_LABELS[k].lower()}" for k, n in kinds.items()) or "no findings"
    parts.append(f'<p class="muted">{asset.claims} claims · {_e(summary)}</p>')
    if asset.missing:
        ids = ", ".join(_e(m) for m in asset.missing)
        parts.append(f'<p><span class="badge drift">Missing required</span> {ids}</p>')
    if asset.findings:
        rows = "".join(_row(f, asset.source) for f in in_reading_order(asset.findings))
        parts.append(
            "<table><thead><tr><th>where</th><th>kind</th><th>claim</th><th>details</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )
        parts.append('<p class="none-shown">No findings match the filter.</p>')
    parts.append("</section>")
    return "".join(parts)


def _row(f: Finding, source: str) -> str:
    details = []
    if f.reason:
        details.append(f"<div>{_e(f.reason)}</div>")
    if f.suggestion:
        details.append(f'<div class="wording"><span class="muted">Use:</span> {_e(f.suggestion)}</div>')
    meta = []
    if f.message_id:
        meta.append(_e(f.message_id))
    if f.similarity is not None:
        meta.append(f"similarity {_sim(f)}")
    if meta:
        details.append(f'<div class="muted">{" · ".join(meta)}</div>')
    return (
        f'<tr data-kind="{f.kind.value}" data-severity="{f.severity.value}">'
        f'<td class="where">{_location(f, source)}</td>'
        f'<td><span class="badge {f.kind.value}">{_e(KIND_LABELS[f.kind.value])}</span><br>'
        f'<span class="sev {f.severity.value}">{f.severity.value}</span></td>'
        f'<td class="text">{_e(f.text)}</td><td>{"".join(details)}</td></tr>'
    )
