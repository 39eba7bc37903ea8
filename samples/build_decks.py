"""Build the sample sales decks for Lumen Pulse, and the answer key that says what msgcheck should find.

    python samples/build_decks.py            # writes samples/decks/*.pptx, EXPECTED.md, expected.json
    python samples/build_decks.py --bench    # also writes samples/bench/forty-slides.pptx (40 slides)

The decks are what sales reps and partner managers really send around: mostly on-message, with
the usual slips — a number from an old deck, a dropped "up to", a competitor swapped in, a
retired line in the speaker notes, a banned superlative, a misspelt product name. Every
paragraph is declared below together with the verdict it should get against
``platform/messaging.yaml`` (``None`` = not a claim: titles, names, contact lines, "Questions?").
The same declarations write ``samples/decks/EXPECTED.md`` (for people) and
``samples/decks/expected.json`` (for the end-to-end tests), so the decks and their answer key
cannot drift apart.

The output is byte-for-byte reproducible: fixed document properties and fixed zip timestamps.
The 40-slide benchmark deck is built on demand, outside ``samples/decks/`` so that checking the
samples folder does not pick it up.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu, Inches, Pt

HERE = Path(__file__).resolve().parent
DECKS = HERE / "decks"
BENCH = HERE / "bench" / "forty-slides.pptx"

FIXED_TIME = datetime(2026, 4, 1, 9, 0, 0)
ZIP_TIME = (2026, 4, 1, 9, 0, 0)

# Layouts of python-pptx's default template.
TITLE_SLIDE, TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 0, 1, 5, 6


# -- declarations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Say:
    """One paragraph and the verdict it should get.

    kind: "aligned", "drift", "off_message", "retired", or None for text that is not a claim.
    drift: the drift type for kind "drift" (number, unit, hedge, absolute, negation, competitor,
    scope, reversal). lexical: ("banned", phrase) / ("terminology", canonical term) findings.
    """

    text: str
    kind: str | None = None
    message: str | None = None
    drift: str | None = None
    lexical: tuple[tuple[str, str], ...] = ()
    why: str = ""


def N(text: str, why: str = "") -> Say:
    """Not a claim."""
    return Say(text, why=why)


def A(text: str, message: str, why: str = "", lexical: tuple[tuple[str, str], ...] = ()) -> Say:
    return Say(text, "aligned", message, lexical=lexical, why=why)


def D(text: str, message: str, drift: str, why: str, lexical: tuple[tuple[str, str], ...] = ()) -> Say:
    return Say(text, "drift", message, drift=drift, lexical=lexical, why=why)


def OFF(text: str, why: str = "", lexical: tuple[tuple[str, str], ...] = ()) -> Say:
    return Say(text, "off_message", lexical=lexical, why=why)


def RET(text: str, message: str, why: str = "", lexical: tuple[tuple[str, str], ...] = ()) -> Say:
    return Say(text, "retired", message, lexical=lexical, why=why)


@dataclass(frozen=True)
class Box:
    """A text box (or, with ``shape`` set, a rounded rectangle) with one paragraph per Say."""

    says: tuple[Say, ...]
    shape: bool = False


@dataclass(frozen=True)
class Group:
    items: tuple[Any, ...]  # Box or Group


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[Say, ...], ...]


@dataclass(frozen=True)
class Chart:
    title: Say
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]


@dataclass(frozen=True)
class Slide:
    title: Say | None = None
    subtitle: Say | None = None
    body: tuple[Say, ...] = ()
    items: tuple[Any, ...] = ()  # Box, Group, Table, Chart
    notes: tuple[Say, ...] = ()
    hidden: bool = False


@dataclass(frozen=True)
class Deck:
    file: str
    title: str
    author: str
    slides: tuple[Slide, ...]
    missing: tuple[str, ...]
    about: str


T = ("terminology", "Lumen Pulse")

SPRING_PITCH = Deck(
    file="spring-pitch.pptx",
    title="Lumen Pulse for Hartwell Markets",
    author="Dana Whitfield",
    about="An account executive's pitch to a 60-store grocery chain. Mostly on message; one old "
          "refresh figure in a customer story, a banned superlative, a misspelt 'point-of-sale' "
          "and a retired line in the speaker notes.",
    missing=(),
    slides=(
        Slide(
            title=N("Lumen Pulse for Hartwell Markets", "title"),
            subtitle=N("Dana Whitfield, Senior Account Executive", "name and job title"),
        ),
        Slide(
            title=N("Agenda"),
            body=(N("Live Sales Data"), N("Self-Serve Reporting"), N("Forecasting and Stock"),
                  N("Security and Uptime"), N("Pricing and Next Steps")),
        ),
        Slide(
            title=N("Live Sales Data, Store by Store"),
            body=(
                A("Every Lumen Pulse dashboard updates every five seconds, all day long.", "vp-live-data",
                  "'five' = 5 seconds"),
                A("Managers see store data that is never more than five seconds old.", "vp-live-data",
                  "paraphrase of the variant"),
            ),
            notes=(
                A("Retailers on Lumen Pulse have cut weekly reporting from twelve hours to two.", "vp-live-data",
                  "proof point, number words"),
                N("Ask how long Monday reporting takes.", "presenter cue"),
            ),
        ),
        Slide(
            title=N("Reports Your Store Team Builds Itself"),
            body=(A("Store managers create their own reports, no SQL required.", "diff-no-sql"),),
            items=(
                Group((
                    Box((N("Drag-and-Drop Report Builder"),), shape=True),
                    Group((
                        Box((N("Built for Store Managers"),)),
                        Box((A("Anyone on the store team can drag and drop a report together, no code needed.",
                               "diff-no-sql", "variant, inside a group nested two deep"),)),
                    )),
                )),
            ),
            notes=(A("Unlike Tabula BI, Lumen Pulse lets a store manager build a report without any SQL.",
                     "diff-no-sql", "named competitor is one the platform draws against"),),
        ),
        Slide(
            title=N("Fewer Empty Shelves"),
            body=(
                A("Stores running Lumen Pulse cut stockouts by up to 25%.", "vp-stockouts"),
                A("Low-stock alerts reach your team before the shelf is bare.", "vp-stockouts", "proof point"),
            ),
            items=(Chart(N("Pilot Store Stockouts by Week", "chart title"), ("Week 1", "Week 2", "Week 3", "Week 4"),
                         (("Before", (31, 29, 33, 30)), ("With Lumen Pulse", (27, 24, 23, 22)))),),
        ),
        Slide(
            title=N("Forecasts Built for Retail"),
            body=(
                A("Lumen Pulse forecasts beat spreadsheet planning by up to 30%.", "vp-forecast"),
                A("The models already account for promotions, holidays and local weather.", "diff-retail-models",
                  "proof point"),
                A("Every night the forecasts retrain on that day's sales.", "vp-forecast", "proof point"),
            ),
            notes=(RET("Lumen Pulse uses AI so Hartwell won't need a team of analysts anymore.", "ret-ai-insights",
                       "retired line surviving in the speaker notes"),),
        ),
        Slide(
            title=N("Security and Uptime"),
            items=(Table((
                (N("Topic"), N("Our Commitment")),
                (N("Security"), A("Everything is encrypted in transit and at rest, and Lumen Pulse carries "
                                  "SOC 2 Type II certification.", "vp-security")),
                (N("Uptime"), A("Every contract includes a 99.9% uptime SLA.", "vp-uptime")),
                (N("Support"), A("Support responds within four business hours on every plan.", "vp-uptime",
                                 "proof point")),
            )),),
        ),
        Slide(
            title=N("Pricing and Rollout"),
            body=(
                A("Pricing is per store rather than per user, so the whole team gets access.", "diff-pricing"),
                A("Most chains hook up their point of sales system in under an hour.", "vp-fast-setup",
                  "'point of sales' is a listed wrong form", lexical=(("terminology", "point-of-sale"),)),
                A("Lumen Pulse gives every store manager world-class live sales data without waiting on an analyst.",
                  "positioning", "on message, but with a banned superlative",
                  lexical=(("banned", "world-class"),)),
            ),
        ),
        Slide(
            title=N("Customer Story: Fairway Grocers", "label"),
            body=(
                A("Like most of our customers, Fairway Grocers was live on Lumen Pulse the same afternoon it signed up.", "vp-fast-setup",
                  "variant"),
                D("Their dashboards now refresh every 30 seconds across all 48 stores.", "vp-live-data", "number",
                  "30 seconds where the platform says 5 seconds"),
            ),
            items=(Box((N("Priya Raman, VP of Store Operations, Fairway Grocers", "name and job title"),)),),
        ),
        Slide(
            title=N("Next Steps"),
            items=(
                Box((N("Questions?"),)),
                Box((N("dana.whitfield@lumenanalytics.com", "email"), N("lumenanalytics.com/hartwell", "URL"),
                     N("April 14, 2026", "date"))),
                Box((N("Thank you!"),)),
            ),
        ),
    ),
)

PARTNER_ENABLEMENT = Deck(
    file="partner-enablement.pptx",
    title="Selling Lumen Pulse: Partner Enablement",
    author="Marco Lindqvist",
    about="Enablement for reseller partners: a pitch, a battlecard table with three slips, a "
          "pricing slide that swaps per-store for per-user, proof points in nested groups, a slide "
          "of things partners have been saying that nobody approved, and a hidden slide left over "
          "from the free-tier days.",
    missing=(),
    slides=(
        Slide(
            title=N("Selling Lumen Pulse: Partner Enablement", "title"),
            subtitle=N("Marco Lindqvist, Partner Enablement Lead", "name and job title"),
        ),
        Slide(
            title=N("The Pitch in 60 Seconds"),
            body=(
                A("Lumen Pulse puts live sales data and answers in every store manager's hands, "
                  "no analyst required.", "positioning"),
                A("Dashboards refresh every 5 seconds, so the numbers on screen are never stale.", "vp-live-data"),
                A("Managers build reports themselves by dragging and dropping, no code needed.", "diff-no-sql"),
                A("Customers reduce stockouts in their stores by up to 25%.", "vp-stockouts"),
            ),
        ),
        Slide(
            title=N("Battlecard: Tabula BI and Querybase"),
            items=(Table((
                (N("Objection"), N("Talk Track")),
                (N("Too slow"), D("With Lumen Pulse, store dashboards refresh every 30 seconds.", "vp-live-data",
                                  "number", "30 seconds where the platform says 5 seconds")),
                (N("Needs analysts"), A("Unlike Querybase, store managers build their own reports without SQL.",
                                        "diff-no-sql")),
                (N("Offline stores"), D("Unlike Tabula BI, our mobile app keeps working offline and syncs when "
                                        "the connection comes back.", "diff-offline", "competitor",
                                        "drawn against Tabula BI; the platform draws it against Querybase")),
                (N("Seat costs"), A("Unlike Tabula BI, we price per store and not per user, so the whole team "
                                    "gets in.", "diff-pricing")),
                (N("Accuracy"), D("Our forecasts are guaranteed to beat spreadsheet planning by up to 30%.",
                                  "vp-forecast", "absolute", "adds 'guaranteed'")),
            )),),
        ),
        Slide(
            title=N("Pricing Questions Partners Hear"),
            body=(D("Lumen Pulse is priced per user, not per store, so customers only pay for the people who "
                    "log in.", "diff-pricing", "reversal", "per user where the platform says per store"),),
            notes=(
                D("Support answers within 4 business hours, but only on the Enterprise plan.", "vp-uptime", "scope",
                  "the platform says on every plan"),
                N("Check the current price list before quoting.", "presenter cue"),
            ),
        ),
        Slide(
            title=N("Proof Points to Use"),
            items=(
                Group((
                    Box((A("Forty point-of-sale connectors come ready out of the box.", "vp-fast-setup",
                           "proof point, 'forty' = 40"),)),
                    Group((
                        Box((A("Every customer gets a 99.9% uptime service level agreement.", "vp-uptime"),), shape=True),
                        Box((A("LumenPulse holds SOC 2 Type II certification and encrypts data at rest and in "
                               "transit.", "vp-security", "'LumenPulse' is a listed wrong form",
                               lexical=(T,)),), shape=True),
                    )),
                    Box((A("Teams cut their weekly reporting time from 12 hours to 2.", "vp-live-data",
                           "proof point"),)),
                )),
            ),
        ),
        Slide(
            title=N("Stay on Message"),
            body=(
                OFF("Lumen Pulse integrates with your HR and payroll system.", "no approved message covers it"),
                OFF("Lumen Pulse also schedules staff shifts based on foot traffic.", "no approved message covers it"),
                A("Our best-in-class mobile app keeps working offline and syncs when the store reconnects.",
                  "diff-offline", "on message, but with a banned superlative",
                  lexical=(("banned", "best-in-class"),)),
            ),
        ),
        Slide(
            title=N("Old Pricing Slide (Do Not Use)"),
            hidden=True,
            body=(
                RET("Lumen Pulse is free for chains with up to ten stores.", "ret-free-tier",
                    "hidden slides ship in the file, so they are checked"),
                RET("Dashboards are updated every night, ready for the morning meeting.", "ret-daily-refresh"),
            ),
        ),
        Slide(
            title=N("Questions?"),
            items=(Box((N("Marco Lindqvist"), N("partners@lumenanalytics.com", "email"),
                        N("Partner portal: partners.lumenanalytics.com", "URL"))),),
        ),
    ),
)

RETAIL_WEBINAR = Deck(
    file="retail-webinar.pptx",
    title="Retail Analytics Without the Wait",
    author="Sam Okafor",
    about="A marketing webinar built from an older deck: it drops the 'up to' from the stockout "
          "figure and says reports need SQL, so two required messages are missing; it also "
          "stretches setup to a day and repeats two retired messages.",
    missing=("vp-stockouts", "diff-no-sql"),
    slides=(
        Slide(
            title=N("Retail Analytics Without the Wait", "title"),
            subtitle=N("Webinar, June 2026", "label and date"),
            items=(Box((N("Hosted by Sam Okafor, Product Marketing Manager", "name and job title"),)),),
        ),
        Slide(
            title=N("Today's Speakers"),
            body=(N("Sam Okafor, Product Marketing Manager, Lumen Analytics", "name and job title"),
                  N("Lena Voss, Director of Merchandising, Brightside Pharmacy", "name and job title")),
        ),
        Slide(
            title=N("Why Live Data Matters"),
            body=(
                A("lumen pulse refreshes your dashboards every 5 seconds, so you act on what is happening now.",
                  "vp-live-data", "'lumen pulse' is a wrong casing of the term", lexical=(T,)),
                D("Most retailers connect their point-of-sale system in under a day.", "vp-fast-setup", "unit",
                  "a day where the platform says an hour"),
            ),
            notes=(N("Ask Lena to share the Brightside numbers.", "presenter cue"),),
        ),
        Slide(
            title=N("Stock and Forecasting"),
            body=(
                D("Stores reduce stockouts by 25% with Lumen Pulse.", "vp-stockouts", "hedge",
                  "drops the 'up to'"),
                A("Forecasting models are designed for retailers, not borrowed from generic templates.",
                  "diff-retail-models"),
                A("Revolutionary forecasts retrain every night on your latest sales.", "vp-forecast",
                  "proof point, with a banned word", lexical=(("banned", "revolutionary"),)),
            ),
            items=(Chart(N("Forecast Accuracy vs Spreadsheets", "chart title"), ("Produce", "Dairy", "Bakery"),
                         (("Spreadsheet error", (18, 14, 21)), ("Lumen Pulse error", (13, 11, 15)))),),
        ),
        Slide(
            title=N("Reporting for Store Teams"),
            body=(
                D("Custom reports in Lumen Pulse require SQL, so plan for some analyst time.", "diff-no-sql",
                  "negation", "the platform says without SQL"),
                RET("Chains with ten stores or fewer can use Lumen Pulse for free.", "ret-free-tier"),
                RET("Your dashboards update once a day, overnight, so every morning starts with fresh numbers.",
                    "ret-daily-refresh"),
                OFF("The Lumen Pulse app sends personalised coupons to shoppers' phones.",
                    "no approved message covers it"),
            ),
            notes=(A("Lumen-Pulse also works offline on the shop floor and syncs later.", "diff-offline",
                     "'Lumen-Pulse' is a listed wrong form", lexical=(T,)),),
        ),
        Slide(
            title=N("Thank you!"),
            items=(Box((N("Questions?"), N("www.lumenanalytics.com/webinars", "URL"),
                        N("events@lumenanalytics.com", "email"))),),
        ),
    ),
)

DECK_SET = (SPRING_PITCH, PARTNER_ENABLEMENT, RETAIL_WEBINAR)


# -- building ---------------------------------------------------------------------------------


@dataclass
class Placed:
    """A Say as it landed in the deck: where msgcheck will report it."""

    slide: int
    shape: str
    notes: bool
    say: Say


@dataclass
class _Builder:
    placed: list[Placed] = field(default_factory=list)

    def deck(self, spec: Deck, path: Path) -> None:
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        props = prs.core_properties
        props.title, props.author, props.last_modified_by = spec.title, spec.author, spec.author
        props.created = props.modified = props.last_printed = FIXED_TIME
        props.revision = 3
        for number, slide_spec in enumerate(spec.slides, start=1):
            self.slide(prs, slide_spec, number)
        _save_reproducibly(prs, path)

    def slide(self, prs: Any, spec: Slide, number: int) -> None:
        if spec.subtitle is not None:
            layout = TITLE_SLIDE
        elif spec.body:
            layout = TITLE_AND_CONTENT
        elif spec.title is not None:
            layout = TITLE_ONLY
        else:
            layout = BLANK
        slide = prs.slides.add_slide(prs.slide_layouts[layout])
        if spec.hidden:
            slide.element.set("show", "0")
        if spec.title is not None:
            self.fill(slide.shapes.title, (spec.title,), number)
        if spec.subtitle is not None:
            self.fill(slide.placeholders[1], (spec.subtitle,), number)
        if spec.body:
            body = slide.placeholders[1]
            body.top, body.height = Inches(1.6), Inches(2.6 if spec.items else 5.2)
            body.width = Inches(12.3)
            self.fill(body, spec.body, number)
        top = 4.4 if spec.body else 1.7
        for item in spec.items:
            top = self.item(slide.shapes, item, number, top, left=0.5)
        if spec.notes:
            self.fill(slide.notes_slide.notes_placeholder, spec.notes, number, notes=True)

    def item(self, shapes: Any, item: Any, number: int, top: float, left: float) -> float:
        if isinstance(item, Box):
            return self.box(shapes, item, number, top, left)
        if isinstance(item, Group):
            group = shapes.add_group_shape()
            for child in item.items:
                top = self.item(group.shapes, child, number, top, left + 0.3)
            return top
        if isinstance(item, Table):
            rows, cols = len(item.rows), max(len(r) for r in item.rows)
            height = 0.55 * rows
            frame = shapes.add_table(rows, cols, Inches(left), Inches(top), Inches(12.3), Inches(height))
            table = frame.table
            table.columns[0].width = Inches(2.6)
            for c in range(1, cols):
                table.columns[c].width = Emu(int((Inches(12.3) - Inches(2.6)) / (cols - 1)))
            for r, row in enumerate(item.rows):
                for c, say in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = say.text
                    for paragraph in cell.text_frame.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(14)
                    self.placed.append(Placed(number, frame.name, False, say))
            return top + height + 0.2
        if isinstance(item, Chart):
            data = CategoryChartData()
            data.categories = list(item.categories)
            for name, values in item.series:
                data.add_series(name, values)
            frame = shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(left), Inches(top), Inches(7),
                                     Inches(2.8), data)
            chart = frame.chart
            chart.has_title = True
            chart.chart_title.text_frame.text = item.title.text
            chart.has_legend = True
            self.placed.append(Placed(number, frame.name, False, item.title))
            return top + 3.0
        raise TypeError(f"unknown slide item {item!r}")

    def box(self, shapes: Any, box: Box, number: int, top: float, left: float) -> float:
        height = 0.5 * len(box.says) + 0.2
        if box.shape:
            from pptx.enum.shapes import MSO_SHAPE

            shape = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(left), Inches(top), Inches(6), Inches(height))
        else:
            shape = shapes.add_textbox(Inches(left), Inches(top), Inches(12), Inches(height))
        shape.text_frame.word_wrap = True
        self.fill(shape, box.says, number)
        return top + height + 0.1

    def fill(self, shape: Any, says: tuple[Say, ...], number: int, notes: bool = False) -> None:
        frame = shape.text_frame
        frame.text = says[0].text
        for say in says[1:]:
            frame.add_paragraph().text = say.text
        for say in says:
            self.placed.append(Placed(number, shape.name, notes, say))


def _save_reproducibly(prs: Any, path: Path) -> None:
    """Save with fixed zip timestamps, so a rebuild gives the same bytes."""
    raw = io.BytesIO()
    prs.save(raw)
    raw.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            data = src.read(info.filename)
            if info.filename.startswith("ppt/embeddings/") and info.filename.endswith(".xlsx"):
                data = _reproducible_zip(data)  # a chart's workbook carries the time it was written
            dst.writestr(fixed, data)


def _reproducible_zip(blob: bytes) -> bytes:
    out = io.BytesIO()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    return out.getvalue()


# -- the answer key ---------------------------------------------------------------------------


def _row(p: Placed) -> dict[str, Any]:
    s = p.say
    return {
        "slide": p.slide, "shape": p.shape, "notes": p.notes, "text": s.text,
        "kind": s.kind, "message_id": s.message, "drift": s.drift,
        "lexical": [{"kind": k, "term": t} for k, t in s.lexical], "why": s.why,
    }


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|")


def write_answer_key(results: list[tuple[Deck, list[Placed]]], folder: Path) -> None:
    data = {
        "platform": "platform/messaging.yaml",
        "decks": [
            {"file": f"samples/decks/{deck.file}", "slides": len(deck.slides), "missing": list(deck.missing),
             "texts": [_row(p) for p in placed]}
            for deck, placed in results
        ],
    }
    (folder / "expected.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    lines = [
        "# Sample decks: what msgcheck should find",
        "",
        "Written by `samples/build_decks.py` from the same declarations that build the decks; do not edit by hand.",
        "Checked against `platform/messaging.yaml`. **Verdict** is the one semantic verdict a claim should get",
        "(`—` = not a claim, so no semantic verdict); **Lexical** lists banned-phrase and terminology findings,",
        "which apply to any text. Machine-readable twin: `expected.json`.",
        "",
    ]
    totals: dict[str, int] = {}
    for deck, placed in results:
        lines += [f"## {deck.file} ({len(deck.slides)} slides)", "", deck.about, ""]
        lines.append("**Missing required messages:** " + (", ".join(f"`{m}`" for m in deck.missing) or "none"))
        lines += ["", "| Slide | Shape | Text | Verdict | Message | Lexical | Why |", "| --- | --- | --- | --- | --- | --- | --- |"]
        hidden = {n for n, s in enumerate(deck.slides, start=1) if s.hidden}
        for p in placed:
            s = p.say
            where = f"{p.slide}" + (" (hidden)" if p.slide in hidden else "")
            shape = p.shape + (" (notes)" if p.notes else "")
            verdict = "—" if s.kind is None else (f"drift ({s.drift})" if s.kind == "drift" else s.kind)
            lexical = ", ".join(f"{k}: {t}" for k, t in s.lexical)
            lines.append(f"| {where} | {shape} | {_md_escape(s.text)} | {verdict} | {s.message or ''} | {lexical} "
                         f"| {_md_escape(s.why)} |")
            key = s.kind or "not a claim"
            totals[key] = totals.get(key, 0) + 1
            for k, _ in s.lexical:
                totals[k] = totals.get(k, 0) + 1
        lines.append("")
    order = ["aligned", "drift", "off_message", "retired", "banned", "terminology", "not a claim"]
    lines += ["## Totals", "", "| Kind | Count |", "| --- | --- |"]
    lines += [f"| {k} | {totals.get(k, 0)} |" for k in order]
    drifts = sorted({p.say.drift for _, placed in results for p in placed if p.say.drift})
    lines += ["", "Drift types shown: " + ", ".join(drifts) + ".", ""]
    (folder / "EXPECTED.md").write_text("\n".join(lines), encoding="utf-8")


def build_samples(folder: Path = DECKS) -> list[Path]:
    """Write the sample decks and their answer key into ``folder``; return the deck paths."""
    folder.mkdir(parents=True, exist_ok=True)
    results = []
    paths = []
    for deck in DECK_SET:
        builder = _Builder()
        path = folder / deck.file
        builder.deck(deck, path)
        results.append((deck, builder.placed))
        paths.append(path)
    write_answer_key(results, folder)
    return paths


# -- the benchmark deck -----------------------------------------------------------------------

_STORES = ("Hartwell", "Fairway", "Brightside", "Oakmont", "Riverside", "Pinecrest", "Harbor", "Summit")
_BENCH_TEMPLATES = (
    "Lumen Pulse dashboards at {store} refresh every {n} seconds.",
    "{store} connected its point-of-sale system in under {n} hours.",
    "Stores like {store} reduce stockouts by up to {n}%.",
    "{store} forecasts beat spreadsheet planning by up to {n}%.",
    "Store managers at {store} build {n} reports a week without SQL.",
    "{store} pays per store, not per user, across {n} locations.",
    "The {store} team cut weekly reporting from {n} hours to 2.",
    "Low-stock alerts reached the {store} team {n} minutes before shelves emptied.",
    "Lumen Pulse keeps the {store} mobile app working offline for up to {n} hours.",
    "{store} runs on a 99.{n}% uptime service level agreement.",
    "Support answered {store} within {n} business hours.",
    "Lumen Pulse integrates with the {store} payroll system in {n} steps.",
)


def bench_sentences(slides: int = 40, per_slide: int = 5) -> list[str]:
    """Distinct claim sentences for the benchmark deck (``slides * per_slide`` of them)."""
    out = []
    for i in range(slides * per_slide):
        template = _BENCH_TEMPLATES[i % len(_BENCH_TEMPLATES)]
        store = _STORES[(i // len(_BENCH_TEMPLATES)) % len(_STORES)]
        out.append(template.format(store=store, n=2 + (i * 7) % 47))
    return out


def build_bench_deck(path: Path = BENCH, slides: int = 40, per_slide: int = 5) -> Path:
    """A 40-slide deck with ~5 claims a slide, in body text, tables, groups and notes."""
    sentences = iter(bench_sentences(slides, per_slide))
    spec = []
    for n in range(1, slides + 1):
        claims = tuple(Say(next(sentences), "claim") for _ in range(per_slide))
        title = N(f"Benchmark Slide {n}")
        if n % 4 == 0:
            spec.append(Slide(title=title, items=(Table(tuple((N(f"Row {r + 1}"), c) for r, c in enumerate(claims))),)))
        elif n % 5 == 0:
            spec.append(Slide(title=title, items=(Group((Box(claims[:2]), Group((Box(claims[2:]),)))),)))
        elif n % 3 == 0:
            spec.append(Slide(title=title, body=claims[:3], notes=claims[3:]))
        else:
            spec.append(Slide(title=title, body=claims))
    deck = Deck(file=path.name, title="Benchmark deck", author="msgcheck", slides=tuple(spec), missing=(), about="")
    _Builder().deck(deck, path)
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DECKS, help="folder for the sample decks (default samples/decks)")
    parser.add_argument("--bench", nargs="?", type=Path, const=BENCH, default=None,
                        help="also build the 40-slide benchmark deck (default samples/bench/forty-slides.pptx)")
    args = parser.parse_args(argv)
    for path in build_samples(args.out):
        print(f"wrote {path}")
    print(f"wrote {args.out / 'EXPECTED.md'} and {args.out / 'expected.json'}")
    if args.bench:
        print(f"wrote {build_bench_deck(args.bench)}")


if __name__ == "__main__":
    main()
