"""The review copy of a deck: findings in the speaker notes, red outlines on the shapes at fault.

``annotate(deck, findings, out)`` writes a copy of ``deck`` to ``out``; the original is read once
and never written. For every slide with findings (of at least ``min_severity``, by default
warnings and errors, so aligned claims do not clutter the notes) it appends a "msgcheck review"
block to the slide's speaker notes: the kind, the claim, what differs and the approved wording.
Every shape with an error-level finding gets a red outline — found by name on its slide,
searching inside groups. Shapes that have no outline of their own (tables, charts, groups) get an
unfilled red rectangle laid over them instead. A finding in the speaker notes gets no outline.

Slides without findings are left byte for byte as they were: the deck is edited with python-pptx,
then every part whose XML did not change is copied from the original file unchanged.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Iterator, Sequence

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.base import BaseShape
from pptx.shapes.group import GroupShape
from pptx.slide import Slide
from pptx.util import Pt

from .errors import InputError, UsageError
from .extractors.pptx import main_part_type, open_presentation, retype_main
from .models import Finding, Kind, Severity

RED = RGBColor(0xE0, 0x1B, 0x24)
OUTLINE_WIDTH = Pt(3)
MARKER_NAME = "msgcheck marker"
NOTES_HEADING = "msgcheck review"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def annotate(
    deck: Path, findings: Sequence[Finding], out: Path, *, min_severity: Severity = Severity.WARNING
) -> None:
    """Write the review copy of ``deck`` to ``out`` (see the module docstring)."""
    deck, out = Path(deck), Path(out)
    if out.exists() and out.resolve() == deck.resolve():
        raise UsageError(f"{out}: the review copy would overwrite the deck", hint="give --annotate another file name")
    try:
        original = deck.read_bytes()
    except OSError as err:
        raise InputError(f"{deck}: cannot read the deck ({err.strerror or err})") from err
    try:
        # the deck reader's own checks and fix-ups: slide shows, templates and ISO Strict packages
        # open as decks here too
        prs = open_presentation(deck)
    except InputError as err:
        raise InputError(f"{deck}: {err.message}", hint=err.hint) from err
    except Exception as err:  # python-pptx raises many types for a damaged file (see stack notes)
        raise InputError(f"{deck}: not a readable PowerPoint deck ({type(err).__name__})") from err

    by_slide: dict[int, list[Finding]] = {}
    for f in findings:
        if f.location.slide is not None and f.severity.rank >= min_severity.rank:
            by_slide.setdefault(f.location.slide, []).append(f)

    slides = list(prs.slides)
    for number, items in sorted(by_slide.items()):
        if not 1 <= number <= len(slides):
            continue
        slide = slides[number - 1]
        items.sort(key=lambda f: f.location.sort_key())
        _mark_shapes(slide, items)
        _append_notes(slide, items)

    edited = io.BytesIO()
    prs.save(edited)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_keep_unchanged_parts(original, _restore_main_type(original, edited.getvalue())))


# --- outlines --------------------------------------------------------------------------------


def _walk(shapes: object, parent: object) -> Iterator[tuple[BaseShape, object]]:
    """Every shape with the shapes collection it belongs to, groups searched depth first."""
    for shape in shapes:  # type: ignore[attr-defined]
        yield shape, parent
        if isinstance(shape, GroupShape):
            yield from _walk(shape.shapes, shape.shapes)


def find_shapes(slide: Slide, name: str) -> list[tuple[BaseShape, object]]:
    """The shapes on ``slide`` named ``name`` (inside groups too), each with its collection.

    When no shape has exactly that name, the shape whose name is the longest prefix of it
    followed by a non-word character is taken (so "Table 5 (row 2)" finds "Table 5").
    """
    everything = list(_walk(slide.shapes, slide.shapes))
    exact = [(s, p) for s, p in everything if s.name == name]
    if exact:
        return exact
    prefixed = [
        (s, p) for s, p in everything
        if s.name and name.startswith(s.name) and not name[len(s.name):len(s.name) + 1].isalnum()
    ]
    if not prefixed:
        return []
    longest = max(len(s.name) for s, _ in prefixed)
    return [(s, p) for s, p in prefixed if len(s.name) == longest]


def _mark_shapes(slide: Slide, findings: Sequence[Finding]) -> None:
    names: dict[str, None] = {}
    for f in findings:
        if f.severity is Severity.ERROR and not f.location.notes and f.location.shape:
            names.setdefault(f.location.shape, None)
    for name in names:
        for shape, collection in find_shapes(slide, name):
            _outline(shape, collection)


def _outline(shape: BaseShape, collection: object) -> None:
    line = getattr(shape, "line", None)
    if line is not None and not isinstance(shape, GroupShape):
        line.color.rgb = RED
        line.width = OUTLINE_WIDTH
        return
    # A table, chart or group has no outline of its own: lay an unfilled red frame over it.
    if None in (shape.left, shape.top, shape.width, shape.height):
        return
    marker = collection.add_shape(  # type: ignore[attr-defined]
        MSO_SHAPE.RECTANGLE, shape.left, shape.top, shape.width, shape.height
    )
    marker.name = f"{MARKER_NAME}: {shape.name}"
    marker.fill.background()
    marker.line.color.rgb = RED
    marker.line.width = OUTLINE_WIDTH
    marker.shadow.inherit = False


# --- speaker notes ---------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return _CONTROL.sub(" ", text or "").strip()


def notes_lines(findings: Sequence[Finding]) -> list[str]:
    """The text of the review block, one list item per line."""
    count = len(findings)
    lines = [f"{NOTES_HEADING} — {count} finding{'s' if count != 1 else ''}"]
    for f in findings:
        where = "speaker notes" if f.location.notes else (f.location.shape or "slide")
        lines.append(f"• {f.kind.value.replace('_', '-').upper()} ({f.severity.value}) — {_clean(where)}")
        lines.append(f"   Claim: “{_clean(f.text)}”")
        if f.reason:
            lines.append(f"   What differs: {_clean(f.reason)}")
        if f.suggestion:
            label = "Approved wording" if f.kind in (Kind.DRIFT, Kind.ALIGNED, Kind.RETIRED) else "Suggestion"
            lines.append(f"   {label}: {_clean(f.suggestion)}")
        meta = [m for m in (f.message_id, None if f.similarity is None else f"similarity {f.similarity:.2f}") if m]
        if meta:
            lines.append(f"   Message: {' · '.join(meta)}")
    return lines


def _append_notes(slide: Slide, findings: Sequence[Finding]) -> None:
    frame = slide.notes_slide.notes_text_frame
    lines = notes_lines(findings)
    if frame is None:  # a notes slide without a body placeholder: add a text box for the block
        notes = slide.notes_slide
        box = notes.shapes.add_textbox(Pt(36), Pt(400), Pt(468), Pt(300))
        box.name = NOTES_HEADING
        frame = box.text_frame
        frame.word_wrap = True
        first = frame.paragraphs[0]
    elif frame.text.strip():
        frame.add_paragraph()  # a blank line between the speaker's notes and the review
        first = frame.add_paragraph()
    else:
        first = frame.paragraphs[0]
    run = first.add_run()
    run.text = lines[0]
    run.font.bold = True
    for text in lines[1:]:
        frame.add_paragraph().add_run().text = text


# --- keep unchanged parts byte-identical ---------------------------------------------------------


def _canonical(data: bytes) -> bytes | None:
    try:
        return etree.tostring(etree.fromstring(data), method="c14n")
    except etree.XMLSyntaxError:
        return None


def _same_xml(name: str, before: bytes, after: bytes) -> bool:
    if not name.endswith((".xml", ".rels")):
        return False
    canonical = _canonical(before)
    return canonical is not None and canonical == _canonical(after)


def _restore_main_type(original: bytes, edited: bytes) -> bytes:
    """A slide show or template was opened as a presentation: give its main part its own content
    type back, so the review copy is the same kind of file as the deck."""
    name = "[Content_Types].xml"
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(io.BytesIO(edited)) as new:
        before, after = main_part_type(old.read(name)), main_part_type(new.read(name))
        if before is None or after is None or before[1] == after[1]:
            return edited
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in new.infolist():
                data = new.read(info.filename)
                dst.writestr(info.filename, retype_main(data, after[0], before[1]) if info.filename == name else data)
        return out.getvalue()


def _keep_unchanged_parts(original: bytes, edited: bytes) -> bytes:
    """The edited package, with every part whose content did not change copied from the original."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as old, zipfile.ZipFile(io.BytesIO(edited)) as new, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        old_names = set(old.namelist())
        for info in new.infolist():
            data = new.read(info.filename)
            if info.filename in old_names:
                before = old.read(info.filename)
                if before == data or _same_xml(info.filename, before, data):
                    data = before
            dst.writestr(info.filename, data)
    return out.getvalue()
