"""The deck extractor on small decks built here with python-pptx, and on broken files made here."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Inches, Pt

from msgcheck.errors import InputError
from msgcheck.extractors import extract_file
from msgcheck.extractors.pptx import extract
from msgcheck.models import Location
from msgcheck.safety import OLE2_MAGIC, ZipLimits, check_zip, ole2_streams, sniff

TITLE_AND_CONTENT = 1
TITLE_ONLY = 5
BLANK = 6


def _box(shapes, name: str, text: str, top: float = 1.0):
    box = shapes.add_textbox(Inches(1), Inches(top), Inches(4), Inches(1))
    box.name = name
    box.text_frame.text = text
    return box


@pytest.fixture()
def deck(tmp_path: Path) -> Path:
    prs = Presentation()
    # Slide 1: title + body placeholder with two paragraphs, one with a line break; notes.
    s1 = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
    s1.shapes.title.text = "Why Lumen Pulse"
    body = s1.placeholders[1].text_frame
    body.text = "Dashboards refresh\vevery 5 seconds."
    body.add_paragraph().text = "Setup takes an hour."
    body.add_paragraph().text = "   "  # blank paragraph: no block
    s1.notes_slide.notes_text_frame.text = "Mention the pilot.\nThen pause for questions."

    # Slide 2: a table with a merged cell.
    s2 = prs.slides.add_slide(prs.slide_layouts[BLANK])
    frame = s2.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(6), Inches(2))
    frame.name = "Pricing table"
    table = frame.table
    table.cell(0, 0).text = "Plan"
    table.cell(0, 1).text = "Price"
    table.cell(1, 0).text = "Per store"
    table.cell(1, 1).text = "$99 a month\nNo per-user fees"
    table.cell(2, 0).merge(table.cell(2, 1))
    table.cell(2, 0).text = "Whole team included"

    # Slide 3: a group inside a group, and a plain box outside.
    s3 = prs.slides.add_slide(prs.slide_layouts[BLANK])
    outer = s3.shapes.add_group_shape()
    outer.name = "Outer group"
    _box(outer.shapes, "Outer box", "Forty connectors out of the box.")
    inner = outer.shapes.add_group_shape()
    inner.name = "Inner group"
    _box(inner.shapes, "Deep box", "Works offline in the stockroom.", top=2.5)
    _box(s3.shapes, "Loose box", "Contact sales@example.com", top=4)

    # Slide 4: a chart with a title; a title-only layout; no notes.
    s4 = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s4.shapes.title.text = "Results"
    data = CategoryChartData()
    data.categories = ["Q1", "Q2"]
    data.add_series("Stockouts", (12, 9))
    chart_frame = s4.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(6), Inches(4), data)
    chart_frame.name = "Stockout chart"
    chart = chart_frame.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Stockouts fell 25% in two quarters"
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(18)

    path = tmp_path / "deck.pptx"
    prs.save(path)
    return path


def _triples(blocks):
    return [(b.text, b.role, b.location) for b in blocks]


def test_extracts_every_text_with_its_location(deck: Path) -> None:
    blocks = extract(deck)
    at = Location
    assert _triples(blocks) == [
        ("Why Lumen Pulse", "title", at(slide=1, shape="Title 1", notes=False)),
        ("Dashboards refresh every 5 seconds.", "body", at(slide=1, shape="Content Placeholder 2", notes=False)),
        ("Setup takes an hour.", "body", at(slide=1, shape="Content Placeholder 2", notes=False)),
        ("Mention the pilot.", "notes", at(slide=1, shape="Notes Placeholder 2", notes=True)),
        ("Then pause for questions.", "notes", at(slide=1, shape="Notes Placeholder 2", notes=True)),
        ("Plan", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("Price", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("Per store", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("$99 a month", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("No per-user fees", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("Whole team included", "cell", at(slide=2, shape="Pricing table", notes=False)),
        ("Forty connectors out of the box.", "body", at(slide=3, shape="Outer box", notes=False)),
        ("Works offline in the stockroom.", "body", at(slide=3, shape="Deep box", notes=False)),
        ("Contact sales@example.com", "body", at(slide=3, shape="Loose box", notes=False)),
        ("Results", "title", at(slide=4, shape="Title 1", notes=False)),
        ("Stockouts fell 25% in two quarters", "chart", at(slide=4, shape="Stockout chart", notes=False)),
    ]


def test_registry_reaches_the_extractor(deck: Path) -> None:
    assert extract_file(deck) == extract(deck)


def test_notes_slide_is_not_created_for_slides_without_notes(deck: Path) -> None:
    extract(deck)
    prs = Presentation(str(deck))
    assert [s.has_notes_slide for s in prs.slides] == [True, False, False, False]


def test_footer_placeholders_are_skipped_and_hidden_slides_kept(tmp_path: Path) -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[BLANK])
    _box(slide.shapes, "Claim", "Priced per store.")
    # Copy the layout's slide-number, footer and date placeholders onto the slide, with text.
    skipped = {PP_PLACEHOLDER.SLIDE_NUMBER: "7", PP_PLACEHOLDER.FOOTER: "Confidential", PP_PLACEHOLDER.DATE: "May 2026"}
    for ph in prs.slide_layouts[TITLE_AND_CONTENT].placeholders:
        if ph.placeholder_format.type in skipped:
            slide.shapes.clone_placeholder(ph)
    filled = 0
    for shape in slide.placeholders:
        shape.text_frame.text = skipped[shape.placeholder_format.type]
        filled += 1
    assert filled == 3
    slide.element.set("show", "0")  # a hidden slide
    path = tmp_path / "footer.pptx"
    prs.save(path)
    assert _triples(extract(path)) == [("Priced per store.", "body", Location(slide=1, shape="Claim", notes=False))]


def test_smartart_text_is_read_from_the_diagram_data_part(tmp_path: Path, deck: Path) -> None:
    path = tmp_path / "smartart.pptx"
    _add_smartart(deck, path, ["Connect POS", "See live sales"])
    blocks = [b for b in extract(path) if b.location.shape == "Diagram 9"]
    assert [(b.text, b.location.slide) for b in blocks] == [("Connect POS", 3), ("See live sales", 3)]


def _add_smartart(src: Path, dst: Path, texts: list[str]) -> None:
    """Add a minimal SmartArt graphic frame (with its data part) to slide 3 of ``src``."""
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    points = "".join(
        f'<dgm:pt modelId="{i + 1}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{t}</a:t></a:r></a:p></dgm:t></dgm:pt>'
        for i, t in enumerate(texts)
    )
    data = (f'<?xml version="1.0" encoding="UTF-8"?><dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{a}">'
            f'<dgm:ptLst>{points}</dgm:ptLst></dgm:dataModel>').encode()
    frame = (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="90" name="Diagram 9"/><p:cNvGraphicFramePr/><p:nvPr/>'
             f'</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></p:xfrm>'
             f'<a:graphic><a:graphicData uri="{dgm}"><dgm:relIds xmlns:dgm="{dgm}" xmlns:r="{r}" r:dm="rIdDgm" '
             f'r:lo="rIdX" r:qs="rIdX" r:cs="rIdX"/></a:graphicData></a:graphic></p:graphicFrame>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "ppt/slides/slide3.xml":
                body = body.replace(b"</p:spTree>", frame.encode() + b"</p:spTree>")
            elif info.filename == "ppt/slides/_rels/slide3.xml.rels":
                rel = (f'<Relationship Id="rIdDgm" Type="{r}/diagramData" Target="../diagrams/data1.xml"/>').encode()
                body = body.replace(b"</Relationships>", rel + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                override = (b'<Override PartName="/ppt/diagrams/data1.xml" ContentType="application/'
                            b'vnd.openxmlformats-officedocument.drawingml.diagramData+xml"/>')
                body = body.replace(b"</Types>", override + b"</Types>")
            zout.writestr(info, body)
        zout.writestr("ppt/diagrams/data1.xml", data)


def test_iso_strict_namespaces_are_read(tmp_path: Path, deck: Path) -> None:
    """A deck rewritten to the Strict namespaces gives the same blocks as the transitional one."""
    strict = tmp_path / "strict.pptx"
    with zipfile.ZipFile(deck) as zin, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            for old, new in ((b"schemas.openxmlformats.org/presentationml/2006/", b"purl.oclc.org/ooxml/presentationml/"),
                             (b"schemas.openxmlformats.org/drawingml/2006/", b"purl.oclc.org/ooxml/drawingml/"),
                             (b"schemas.openxmlformats.org/officeDocument/2006/", b"purl.oclc.org/ooxml/officeDocument/")):
                body = body.replace(b"http://" + old, b"http://" + new)
            zout.writestr(info, body)
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("_rels/.rels")
    assert _triples(extract(strict)) == _triples(extract(deck))


def test_slideshow_content_type_is_read(tmp_path: Path, deck: Path) -> None:
    show = tmp_path / "show.ppsx"
    _rewrite(deck, show, "[Content_Types].xml", lambda b: b.replace(b"presentationml.presentation.main", b"presentationml.slideshow.main"))
    assert _triples(extract(show)) == _triples(extract(deck))


# -- files that are not readable decks --------------------------------------------------------


def _rewrite(src: Path, dst: Path, member: str, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            zout.writestr(info, change(body) if info.filename == member else body)


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        extract(path)
    err = caught.value
    assert "\n" not in err.one_line() and err.hint
    return err.message


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pptx"
    path.write_bytes(b"")
    assert _refusal(path) == "empty file (0 bytes)"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _refusal(tmp_path / "nope.pptx") == "no such file"
    assert "folder" in _refusal(tmp_path)


def test_text_file_named_pptx(tmp_path: Path) -> None:
    path = tmp_path / "notes.pptx"
    path.write_text("# Just some markdown\n", encoding="utf-8")
    assert _refusal(path) == "not a PowerPoint presentation (a text file, not a zip package)"


def test_truncated_deck(tmp_path: Path, deck: Path) -> None:
    path = tmp_path / "cut.pptx"
    data = deck.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert _refusal(path).startswith("corrupt or truncated zip package")


def test_damaged_entry_data(tmp_path: Path, deck: Path) -> None:
    """Central directory intact, compressed bytes of the slide scrambled: zlib/CRC errors are caught."""
    data = bytearray(deck.read_bytes())
    with zipfile.ZipFile(deck) as zf:
        info = zf.getinfo("ppt/slides/slide1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 2, start + info.compress_size - 2):
        data[i] ^= 0x5A
    path = tmp_path / "scrambled.pptx"
    path.write_bytes(bytes(data))
    assert _refusal(path).startswith("damaged presentation (")


def test_malformed_slide_xml(tmp_path: Path, deck: Path) -> None:
    path = tmp_path / "badxml.pptx"
    _rewrite(deck, path, "ppt/slides/slide2.xml", lambda b: b[: len(b) // 2])
    assert _refusal(path).startswith("damaged presentation (")


def test_legacy_ppt_and_encrypted_package(tmp_path: Path) -> None:
    legacy = tmp_path / "old.ppt"
    legacy.write_bytes(_cfb(["Root Entry", "PowerPoint Document", "Current User"]))
    assert _refusal(legacy) == "legacy PowerPoint 97-2003 .ppt file"
    locked = tmp_path / "locked.pptx"
    locked.write_bytes(_cfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    assert _refusal(locked) == "encrypted (password-protected) presentation"


def _cfb(names: list[str]) -> bytes:
    """A minimal OLE2 compound file: header, one FAT sector, one directory sector."""
    import struct

    header = bytearray(512)
    header[:8] = OLE2_MAGIC
    struct.pack_into("<HHH", header, 24, 0x3E, 3, 9)  # minor, major version, sector shift (512)
    struct.pack_into("<I", header, 44, 1)  # one FAT sector
    struct.pack_into("<I", header, 48, 1)  # directory starts at sector 1
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 76, *difat)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * 126
    fat_sector = struct.pack("<128I", *fat)
    directory = bytearray(512)
    for i, name in enumerate(names[:4]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[i * 128:i * 128 + len(encoded)] = encoded
        struct.pack_into("<H", directory, i * 128 + 64, len(encoded))
    return bytes(header) + fat_sector + bytes(directory)


def test_ole2_streams_reads_the_directory() -> None:
    assert {"EncryptedPackage", "EncryptionInfo"} <= ole2_streams(_cfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    assert ole2_streams(OLE2_MAGIC + b"\x00" * 20) == set()


def test_sniff() -> None:
    assert sniff(b"") == "empty"
    assert sniff(b"PK\x03\x04rest") == "zip"
    assert sniff(OLE2_MAGIC) == "ole2"
    assert sniff(b"%PDF-1.7") == "pdf"
    assert sniff(b"<html>") == "text"
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00") == "unknown"


def test_not_a_presentation(tmp_path: Path, deck: Path) -> None:
    word = tmp_path / "memo.pptx"
    _rewrite(deck, word, "[Content_Types].xml",
             lambda b: b.replace(b"presentationml.presentation.main", b"wordprocessingml.document.main"))
    assert _refusal(word) == "a Word document, not a presentation"
    odp = tmp_path / "deck.pptx"
    with zipfile.ZipFile(odp, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        zf.writestr("content.xml", "<office:document-content/>")
    assert _refusal(odp) == "OpenDocument presentation (.odp), not .pptx"
    plain = tmp_path / "photos.pptx"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "hello")
    assert _refusal(plain) == "a zip file but not an Office document (no [Content_Types].xml)"


def test_zip_bomb_by_declared_size(tmp_path: Path) -> None:
    """A highly compressible entry declared far beyond the limits is refused before it is read."""
    path = tmp_path / "bomb.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("ppt/slides/slide1.xml", "w", force_zip64=True) as fh:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(40):  # 40 MB of zeros, ~40 KB compressed
                fh.write(chunk)
    reason = _refusal(path)
    assert "likely a zip bomb" in reason and "ppt/slides/slide1.xml" in reason


def test_zip_limits_on_entries_and_total() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for i in range(30):
            zf.writestr(f"part{i}.xml", "x" * 100)
    with zipfile.ZipFile(buf) as zf:
        check_zip(zf)  # within the defaults
        with pytest.raises(InputError, match="holds 30 entries"):
            check_zip(zf, ZipLimits(max_entries=20))
        with pytest.raises(InputError, match="would expand to"):
            check_zip(zf, ZipLimits(max_total=2000))


# -- the committed sample decks ------------------------------------------------------------------

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_decks", SAMPLES / "build_decks.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["build_decks"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_sample_decks_are_up_to_date_and_reproducible(tmp_path: Path) -> None:
    """Rebuilding the samples gives the committed bytes, so the answer key describes the decks."""
    _build_module().build_samples(tmp_path)
    committed = sorted(p.name for p in (SAMPLES / "decks").iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (SAMPLES / "decks" / name).read_bytes(), f"{name} is stale: run samples/build_decks.py"


def test_sample_decks_extract_to_the_answer_key() -> None:
    import json

    key = json.loads((SAMPLES / "decks" / "expected.json").read_text(encoding="utf-8"))
    assert sum(deck["slides"] for deck in key["decks"]) >= 20
    for deck in key["decks"]:
        blocks = extract(SAMPLES.parent / deck["file"])
        got = [(b.location.slide, b.location.shape, b.location.notes, b.text) for b in blocks]
        want = [(t["slide"], t["shape"], t["notes"], t["text"]) for t in deck["texts"]]
        assert sorted(got) == sorted(want), deck["file"]


def test_bench_deck_has_forty_slides_of_claims(tmp_path: Path) -> None:
    module = _build_module()
    path = module.build_bench_deck(tmp_path / "forty.pptx")
    blocks = extract(path)
    assert len(Presentation(str(path)).slides) == 40
    claims = [b.text for b in blocks if b.role != "title" and not b.text.startswith("Row ")]
    assert sorted(claims) == sorted(module.bench_sentences()) and len(set(claims)) == 200
    assert {b.location.notes for b in blocks} == {False, True} and {b.role for b in blocks} >= {"cell", "body", "notes"}
