"""The review copy of a deck: notes and red outlines where the findings are, nothing else touched."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from msgcheck.annotate import MARKER_NAME, NOTES_HEADING, RED, annotate
from msgcheck.errors import InputError, UsageError
from msgcheck.models import Finding, Kind, Location, Severity

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def build_deck(path: Path) -> Path:
    """Five slides: a title; a text box, a nested group and notes; a table; an agenda with notes; aligned only."""
    prs = Presentation()
    s1 = prs.slides.add_slide(prs.slide_layouts[0])
    s1.shapes.title.text = "Lumen Pulse"
    s2 = prs.slides.add_slide(prs.slide_layouts[6])
    box = s2.shapes.add_textbox(Inches(1), Inches(1), Inches(6), Inches(1))
    box.name = "Claim Box"
    box.text_frame.text = "Dashboards refresh every second."
    other = s2.shapes.add_textbox(Inches(1), Inches(2), Inches(6), Inches(1))
    other.name = "Soft Claim"
    other.text_frame.text = "We help retailers."
    outer = s2.shapes.add_group_shape()
    outer.name = "Group Outer"
    inner = outer.shapes.add_group_shape()
    inner.name = "Group Inner"
    nested = inner.shapes.add_textbox(Inches(1), Inches(4), Inches(5), Inches(1))
    nested.name = "Nested Box"
    nested.text_frame.text = "Our world-class support."
    s2.notes_slide.notes_text_frame.text = "Say this slowly."
    s3 = prs.slides.add_slide(prs.slide_layouts[6])
    table = s3.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(6), Inches(2))
    table.name = "Price Table"
    table.table.cell(0, 0).text = "Lumen is free for up to 10 stores."
    s4 = prs.slides.add_slide(prs.slide_layouts[1])
    s4.shapes.title.text = "Agenda"
    s4.notes_slide.notes_text_frame.text = "Keep it short."
    s5 = prs.slides.add_slide(prs.slide_layouts[5])
    s5.shapes.title.text = "Store managers build their own reports without SQL."
    prs.save(path)
    return path


def f(kind: Kind, text: str, loc: Location, **kw: object) -> Finding:
    return Finding(kind=kind, severity=kind.default_severity, text=text, location=loc, **kw)  # type: ignore[arg-type]


FINDINGS = [
    f(Kind.DRIFT, "Dashboards refresh every second.", Location(slide=2, shape="Claim Box", notes=False),
      message_id="vp-live-data", similarity=0.91, reason="1 second where the platform says 5 seconds",
      suggestion="Lumen Pulse dashboards refresh every 5 seconds."),
    f(Kind.OFF_MESSAGE, "We help retailers.", Location(slide=2, shape="Soft Claim", notes=False), similarity=0.4),
    f(Kind.BANNED, "Our world-class support.", Location(slide=2, shape="Nested Box", notes=False),
      reason="Unsubstantiated superlative.", suggestion="Cite a proof point instead."),
    f(Kind.RETIRED, "Lumen is free for up to 10 stores.", Location(slide=3, shape="Price Table", notes=False),
      message_id="ret-free-tier", reason="The free tier ended in 2025."),
    f(Kind.RETIRED, "Free for ten stores, remember!", Location(slide=3, shape=None, notes=True),
      message_id="ret-free-tier"),
    f(Kind.ALIGNED, "Store managers build their own reports without SQL.", Location(slide=5, shape="Title 1"),
      message_id="diff-no-sql", similarity=0.99),
]


@pytest.fixture
def annotated(tmp_path: Path) -> tuple[Path, Path, str]:
    deck = build_deck(tmp_path / "pitch.pptx")
    before = hashlib.sha256(deck.read_bytes()).hexdigest()
    out = tmp_path / "review" / "pitch-review.pptx"
    annotate(deck, FINDINGS, out)
    return deck, out, before


def red_outline(shape: object) -> bool:
    line = shape.line  # type: ignore[attr-defined]
    return line.fill.type is not None and line.color.rgb == RED and line.width > 0


def test_original_is_not_modified(annotated: tuple[Path, Path, str]) -> None:
    deck, out, before = annotated
    assert hashlib.sha256(deck.read_bytes()).hexdigest() == before
    assert out.exists() and out.read_bytes() != deck.read_bytes()


def test_slides_without_findings_are_byte_identical(annotated: tuple[Path, Path, str]) -> None:
    deck, out, _ = annotated
    with zipfile.ZipFile(deck) as a, zipfile.ZipFile(out) as b:
        for name in ("ppt/slides/slide1.xml", "ppt/slides/slide4.xml", "ppt/slides/slide5.xml",
                     "ppt/slides/_rels/slide4.xml.rels", "ppt/notesSlides/notesSlide2.xml",
                     "ppt/presentation.xml", "ppt/slideLayouts/slideLayout1.xml"):
            assert a.read(name) == b.read(name), name
        assert a.read("ppt/slides/slide2.xml") != b.read("ppt/slides/slide2.xml")


def test_notes_carry_the_review(annotated: tuple[Path, Path, str]) -> None:
    _, out, _ = annotated
    slides = list(Presentation(str(out)).slides)
    notes = slides[1].notes_slide.notes_text_frame.text
    assert notes.startswith("Say this slowly.")  # the speaker's own notes stay first
    review = notes[notes.index(NOTES_HEADING):]
    assert review.startswith(f"{NOTES_HEADING} — 3 findings")
    for expected in ("DRIFT (error) — Claim Box", "Claim: “Dashboards refresh every second.”",
                     "What differs: 1 second where the platform says 5 seconds",
                     "Approved wording: Lumen Pulse dashboards refresh every 5 seconds.",
                     "OFF-MESSAGE (warning) — Soft Claim", "BANNED (error) — Nested Box",
                     "Suggestion: Cite a proof point instead."):
        assert expected in review
    third = slides[2].notes_slide.notes_text_frame.text  # the slide had no notes: they are created
    assert third.startswith(NOTES_HEADING) and "speaker notes" in third and "ret-free-tier" in third
    assert slides[3].notes_slide.notes_text_frame.text == "Keep it short."
    assert not slides[4].has_notes_slide  # aligned claims are not listed by default


def test_error_shapes_get_a_red_outline(annotated: tuple[Path, Path, str]) -> None:
    _, out, _ = annotated
    slides = list(Presentation(str(out)).slides)
    shapes = {s.name: s for s in slides[1].shapes}
    assert red_outline(shapes["Claim Box"])
    assert shapes["Soft Claim"].line.fill.type is None  # a warning gets no outline
    nested = shapes["Group Outer"].shapes[0].shapes[0]
    assert nested.name == "Nested Box" and red_outline(nested)
    # The table cannot carry an outline: a red frame is laid over it; the notes finding adds none.
    on_table = {s.name: s for s in slides[2].shapes}
    marker = on_table[f"{MARKER_NAME}: Price Table"]
    table = on_table["Price Table"]
    assert red_outline(marker) and marker.fill.type is not None
    assert (marker.left, marker.top, marker.width, marker.height) == (table.left, table.top, table.width, table.height)
    assert len(slides[2].shapes) == 2


def test_min_severity_can_include_aligned(tmp_path: Path) -> None:
    deck = build_deck(tmp_path / "d.pptx")
    out = tmp_path / "all.pptx"
    annotate(deck, FINDINGS, out, min_severity=Severity.INFO)
    fifth = list(Presentation(str(out)).slides)[4]
    assert "ALIGNED (info)" in fifth.notes_slide.notes_text_frame.text


def test_shape_names_with_a_suffix_find_their_shape(tmp_path: Path) -> None:
    deck = build_deck(tmp_path / "d.pptx")
    out = tmp_path / "o.pptx"
    annotate(deck, [f(Kind.DRIFT, "x", Location(slide=2, shape="Claim Box (paragraph 2)"))], out)
    shapes = {s.name: s for s in list(Presentation(str(out)).slides)[1].shapes}
    assert red_outline(shapes["Claim Box"])


def test_refuses_to_overwrite_and_reports_bad_decks(tmp_path: Path) -> None:
    deck = build_deck(tmp_path / "d.pptx")
    with pytest.raises(UsageError):
        annotate(deck, FINDINGS, deck)
    bad = tmp_path / "bad.pptx"
    bad.write_bytes(b"%PDF-1.4 not a deck")
    with pytest.raises(InputError) as err:
        annotate(bad, FINDINGS, tmp_path / "o.pptx")
    assert "bad.pptx" in str(err.value)
    assert not (tmp_path / "o.pptx").exists()


def _office() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


def _to_pdf(deck: Path, tmp_path: Path) -> Path:
    office = _office()
    assert office is not None
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(deck)],
        check=True, capture_output=True, timeout=240,
    )
    pdf = tmp_path / "pdf" / (deck.stem + ".pdf")
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    return pdf


@pytest.mark.slow
@pytest.mark.skipif(_office() is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_review_copy(annotated: tuple[Path, Path, str], tmp_path: Path) -> None:
    _, out, _ = annotated
    _to_pdf(out, tmp_path)


@pytest.mark.slow
@pytest.mark.skipif(_office() is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(not (CORPORA / "pptx" / "python-pptx").is_dir(), reason="corpora not available")
def test_review_copy_of_a_real_world_deck(tmp_path: Path) -> None:
    """A real deck from the corpora: outline every named shape of its first slide with findings."""
    source = sorted((CORPORA / "pptx" / "python-pptx").glob("*.pptx"))[0]
    deck = tmp_path / "real.pptx"
    shutil.copyfile(source, deck)
    slide = list(Presentation(str(deck)).slides)[0]
    findings = [f(Kind.DRIFT, f"claim in {s.name}", Location(slide=1, shape=s.name, notes=False)) for s in slide.shapes]
    out = tmp_path / "real-review.pptx"
    annotate(deck, findings, out)
    assert deck.read_bytes() == source.read_bytes()
    notes = list(Presentation(str(out)).slides)[0].notes_slide.notes_text_frame.text
    assert NOTES_HEADING in notes
    _to_pdf(out, tmp_path)


def _rewritten(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info.filename)))
    return dst


@pytest.mark.parametrize("suffix, main_type", [
    ("ppsx", b"application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"),
    # python-pptx cannot open this one itself: it is read as a presentation, then given its type back
    ("ppsm", b"application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml"),
])
def test_a_slide_show_gets_a_review_copy_of_the_same_kind(tmp_path: Path, suffix: str, main_type: bytes) -> None:
    """A slide show is read by `check`, so --annotate takes it too, and the review copy stays a
    slide show."""
    presentation_main = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    deck = build_deck(tmp_path / "pitch.pptx")
    show = _rewritten(deck, tmp_path / f"pitch.{suffix}", lambda name, body: body.replace(
        presentation_main, main_type) if name == "[Content_Types].xml" else body)
    out = tmp_path / f"pitch-review.{suffix}"
    annotate(show, FINDINGS, out)
    types = zipfile.ZipFile(out).read("[Content_Types].xml")
    assert main_type in types and presentation_main not in types
    prs = Presentation(str(_rewritten(out, tmp_path / "check.pptx", lambda name, body: body.replace(
        main_type, presentation_main) if name == "[Content_Types].xml" else body)))
    notes = prs.slides[1].notes_slide.notes_text_frame.text
    assert NOTES_HEADING in notes and "1 second where the platform says 5 seconds" in notes


def test_an_iso_strict_deck_gets_a_review_copy(tmp_path: Path) -> None:
    deck = build_deck(tmp_path / "pitch.pptx")

    def to_strict(name: str, body: bytes) -> bytes:
        for old, new in ((b"schemas.openxmlformats.org/presentationml/2006/", b"purl.oclc.org/ooxml/presentationml/"),
                         (b"schemas.openxmlformats.org/drawingml/2006/", b"purl.oclc.org/ooxml/drawingml/"),
                         (b"schemas.openxmlformats.org/officeDocument/2006/", b"purl.oclc.org/ooxml/officeDocument/")):
            body = body.replace(b"http://" + old, b"http://" + new)
        return body

    strict = _rewritten(deck, tmp_path / "strict.pptx", to_strict)
    out = tmp_path / "strict-review.pptx"
    annotate(strict, FINDINGS, out)
    notes = Presentation(str(out)).slides[1].notes_slide.notes_text_frame.text
    assert NOTES_HEADING in notes
