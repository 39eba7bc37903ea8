"""Deck extraction: every text a person sees on a slide or says from its notes, one TextBlock per paragraph.

What is read, per slide (1-based, in the deck's order, hidden slides included):

* text boxes, shapes and placeholders — a title placeholder gives role "title";
* tables — every cell (merged-over cells once), role "cell";
* group shapes, nested to any depth;
* chart titles, role "chart";
* SmartArt — the text of the diagram's data part;
* shapes wrapped in ``mc:AlternateContent`` (newer features with a fallback);
* speaker notes, ``Location(notes=True)``, role "notes".

Not read: slide-number, date, footer and header placeholders (boilerplate, not claims), text on
slide masters and layouts (the same on every slide), alt text of pictures, comments. Hidden
slides are included: they still ship in the file and are one click from being shown.

Before python-pptx touches the file its bytes are sniffed and its zip checked
(:mod:`msgcheck.safety`), so a legacy .ppt, an encrypted package, an empty or truncated file, or a
zip bomb is refused with a one-line reason. Slide shows (.ppsx/.ppsm), templates (.potx/.potm)
and macro-enabled decks (.pptm) are read like decks. ISO/IEC 29500 Strict packages are read too:
their namespaces are mapped to the transitional ones in memory before parsing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import InputError
from ..models import Location, TextBlock
from ..safety import open_zip, ole2_streams, read_member, sniff

__all__ = ["extract"]

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"

OFFICE_DOCUMENT_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_STRICT_NS = re.compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/")

PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# Main-part content types whose slides are read like a deck's.
READABLE_MAIN = {
    PRESENTATION_MAIN: None,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": None,
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml": None,
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": None,
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": None,
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": None,
}
# Of those, the ones python-pptx builds a presentation from without help.
PPTX_NATIVE_MAIN = {
    PRESENTATION_MAIN,
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
}

TITLE_TYPES = {"title", "ctrTitle"}
SKIPPED_PLACEHOLDERS = {"sldNum", "dt", "ftr", "hdr", "sldImg"}
SMARTART_URI = "http://schemas.openxmlformats.org/drawingml/2006/diagram"

_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)
_SPACE = re.compile(r"[\s\u00a0\u200b]+")

SAVE_AS_PPTX = "open it in PowerPoint (or LibreOffice Impress) and save it as .pptx"


def extract(path: Path) -> list[TextBlock]:
    """Read one deck; raise InputError with a one-line reason if it is not a readable presentation."""
    source = _open_package(Path(path))
    try:
        presentation = _load(source)
        return list(_walk_presentation(presentation))
    except InputError:
        raise
    except RecursionError:
        raise InputError("refused: shapes nested too deeply to read", hint="ungroup the shapes and save again") from None
    except Exception as exc:  # noqa: BLE001 - the boundary: no parser error may escape as a traceback
        raise InputError(f"damaged presentation ({_describe(exc)})", hint="open and re-save it in PowerPoint") from None


# -- before parsing ------------------------------------------------------------------------


def open_presentation(path: Path) -> Any:
    """The python-pptx Presentation of ``path``, after the same checks and fix-ups as ``extract``
    (slide shows, templates and ISO Strict packages open as decks). Raises InputError."""
    return _load(_open_package(Path(path)))


def _open_package(path: Path) -> str | io.BytesIO:
    """Check the file's bytes and zip; return what python-pptx should open (path or in-memory package)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except IsADirectoryError:
        raise InputError("is a folder, not a presentation", hint="give a .pptx file or a folder to search") from None
    except FileNotFoundError:
        raise InputError("no such file", hint="check the path") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", hint="check the file's permissions") from None

    kind = sniff(head)
    if kind == "empty":
        raise InputError("empty file (0 bytes)", hint="the file was not saved or copied completely; get a fresh copy")
    if kind == "ole2":
        raise _ole2_error(path)
    if kind == "pdf":
        raise InputError("a PDF file, not a PowerPoint presentation", hint="check the .pptx the PDF was exported from")
    if kind != "zip":
        what = "a text file" if kind == "text" else "an unrecognised binary file"
        raise InputError(f"not a PowerPoint presentation ({what}, not a zip package)", hint="give a .pptx file")

    with open_zip(path) as zf:
        return _check_package(path, zf)


def _ole2_error(path: Path) -> InputError:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return InputError(f"cannot be read ({exc.strerror or exc})")
    streams = ole2_streams(data)
    if "EncryptedPackage" in streams:
        return InputError(
            "encrypted (password-protected) presentation",
            hint="remove the password in PowerPoint (File > Info > Protect Presentation) and save again",
        )
    if "PowerPoint Document" in streams:
        return InputError("legacy PowerPoint 97-2003 .ppt file", hint=SAVE_AS_PPTX)
    if "WordDocument" in streams:
        return InputError("legacy Word .doc file, not a presentation", hint="give a .pptx file")
    if "Workbook" in streams or "Book" in streams:
        return InputError("legacy Excel .xls file, not a presentation", hint="give a .pptx file")
    return InputError("legacy Office (OLE2) file, not a .pptx", hint=SAVE_AS_PPTX)


def _check_package(path: Path, zf: zipfile.ZipFile) -> str | io.BytesIO:
    """Find the main part and its content type; refuse what is not a presentation."""
    names = set(zf.namelist())
    if "[Content_Types].xml" not in names:
        if "mimetype" in names:
            mimetype = read_member(zf, "mimetype", limit=1024).decode("ascii", "replace").strip()
            if mimetype == "application/vnd.oasis.opendocument.presentation":
                raise InputError("OpenDocument presentation (.odp), not .pptx", hint=SAVE_AS_PPTX)
            raise InputError(f"OpenDocument file ({mimetype}), not a presentation", hint="give a .pptx file")
        raise InputError("a zip file but not an Office document (no [Content_Types].xml)", hint="give a .pptx file")

    rels = _parse(read_member(zf, "_rels/.rels", limit=1024 * 1024), "_rels/.rels")
    target = None
    for rel in rels.iter(f"{{{NS_PKG_RELS}}}Relationship"):
        if rel.get("Type") in OFFICE_DOCUMENT_RELS and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            strict = rel.get("Type", "").startswith("http://purl.oclc.org/")
            break
    if target is None:
        raise InputError("the package has no main document", hint="open and re-save it in PowerPoint")
    main = "/" + target.lstrip("/")

    types = _parse(read_member(zf, "[Content_Types].xml", limit=4 * 1024 * 1024), "[Content_Types].xml")
    content_type = _content_type(types, main)
    if content_type not in READABLE_MAIN:
        raise InputError(_not_a_presentation(content_type), hint="give a .pptx file")
    if strict or content_type not in PPTX_NATIVE_MAIN:
        return _rewritten(zf, strict=strict, main=main)
    return str(path)


def _content_type(types: Any, part_name: str) -> str:
    for override in types.iter(f"{{{NS_CT}}}Override"):
        if override.get("PartName", "").lower() == part_name.lower():
            return override.get("ContentType", "")
    ext = part_name.rsplit(".", 1)[-1].lower()
    for default in types.iter(f"{{{NS_CT}}}Default"):
        if default.get("Extension", "").lower() == ext:
            return default.get("ContentType", "")
    return ""


def _not_a_presentation(content_type: str) -> str:
    if "theme" in content_type:
        return "an Office theme (.thmx), not a presentation: it has no slides"
    if "wordprocessingml" in content_type or "ms-word" in content_type:
        return "a Word document, not a presentation"
    if "spreadsheetml" in content_type or "ms-excel" in content_type:
        return "an Excel workbook, not a presentation"
    if not content_type:
        return "not a presentation: the main part has no content type"
    return f"not a presentation (main part is {content_type})"


def _rewritten(zf: zipfile.ZipFile, *, strict: bool, main: str) -> io.BytesIO:
    """Copy the package in memory so python-pptx can read it: map ISO Strict namespaces to the
    transitional ones, and give slide-show/template main parts the presentation content type."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as dst:
        for info in zf.infolist():
            if info.is_dir():
                continue
            data = read_member(zf, info.filename, limit=info.file_size or 1)
            if info.filename == "[Content_Types].xml":
                data = retype_main(data, main)
            if strict and info.filename.lower().endswith((".xml", ".rels")):
                data = _STRICT_NS.sub(rb"http://schemas.openxmlformats.org/\1/2006/", data)
            dst.writestr(info.filename, data)
    out.seek(0)
    return out


def main_part_type(data: bytes) -> tuple[str, str] | None:
    """The (part name, content type) of the main part that [Content_Types].xml ``data`` declares."""
    types = _parse(data, "[Content_Types].xml")
    for override in types.iter(f"{{{NS_CT}}}Override"):
        if override.get("ContentType", "") in READABLE_MAIN:
            return override.get("PartName", ""), override.get("ContentType", "")
    return None


def retype_main(data: bytes, main: str, content_type: str = PRESENTATION_MAIN) -> bytes:
    types = _parse(data, "[Content_Types].xml")
    for override in types.iter(f"{{{NS_CT}}}Override"):
        if override.get("PartName", "").lower() == main.lower():
            override.set("ContentType", content_type)
    return etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)


def _parse(data: bytes, name: str) -> Any:
    try:
        return etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"damaged part {name} ({_describe(exc)})", hint="open and re-save it in PowerPoint") from None


def _load(source: str | io.BytesIO) -> Any:
    """python-pptx's Presentation(), minus its content-type check (already done above)."""
    from pptx.package import Package

    part = Package.open(source).main_document_part
    return part.presentation  # type: ignore[attr-defined]


# -- walking the deck ----------------------------------------------------------------------


def _walk_presentation(presentation: Any) -> Iterator[TextBlock]:
    for number, slide in enumerate(presentation.slides, start=1):
        yield from _walk_tree(slide.shapes, slide.element, number, notes=False)
        if slide.has_notes_slide:
            notes = slide.notes_slide
            yield from _walk_tree(notes.shapes, notes.element, number, notes=True)


def _walk_tree(shapes: Any, element: Any, slide: int, *, notes: bool) -> Iterator[TextBlock]:
    from pptx.shapes.graphfrm import GraphicFrame
    from pptx.shapes.group import GroupShape

    for shape in shapes:
        if isinstance(shape, GroupShape):
            yield from _walk_tree(shape.shapes, shape.element, slide, notes=notes)
            continue
        ph_type = _placeholder_type(shape)
        if ph_type in SKIPPED_PLACEHOLDERS:
            continue
        where = Location(slide=slide, shape=shape.name, notes=notes)
        if shape.has_text_frame:
            role = "notes" if notes else ("title" if ph_type in TITLE_TYPES else "body")
            yield from _paragraph_blocks(shape.text_frame.paragraphs, where, role)
        elif isinstance(shape, GraphicFrame):
            yield from _graphic_frame(shape, where)
    yield from _alternate_content(element, slide, notes=notes)


def _placeholder_type(shape: Any) -> str | None:
    """The placeholder's type attribute ("title", "body", "sldNum", ...), read from the XML so an
    unusual value cannot raise; "body" for a placeholder without one; None for other shapes."""
    nv = shape.element[0] if len(shape.element) else None
    if nv is None:
        return None
    for ph in nv.iter(f"{{{NS_P}}}ph"):
        return ph.get("type", "body")
    return None


def _paragraph_blocks(paragraphs: Any, where: Location, role: str) -> Iterator[TextBlock]:
    for paragraph in paragraphs:
        text = _clean(paragraph.text)
        if text:
            yield TextBlock(text=text, location=where, role=role)


def _clean(text: str) -> str:
    """Line breaks and tabs inside a paragraph become spaces; runs of spaces collapse."""
    return _SPACE.sub(" ", text).strip()


def _graphic_frame(shape: Any, where: Location) -> Iterator[TextBlock]:
    if shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                if cell.is_spanned:
                    continue
                yield from _paragraph_blocks(cell.text_frame.paragraphs, where, "cell")
    elif shape.has_chart:
        chart = _related_or_none(lambda: shape.chart)
        if chart is not None and chart.has_title and chart.chart_title.has_text_frame:
            yield from _paragraph_blocks(chart.chart_title.text_frame.paragraphs, where, "chart")
    else:
        yield from _smartart(shape, where)


def _smartart(shape: Any, where: Location) -> Iterator[TextBlock]:
    """SmartArt text lives in the diagram data part the frame's dgm:relIds r:dm points at."""
    graphic_data = shape.element.find(f".//{{{NS_A}}}graphicData")
    if graphic_data is None or graphic_data.get("uri") != SMARTART_URI:
        return
    ids = graphic_data.find(f"{{{NS_DGM}}}relIds")
    rid = ids.get(f"{{{NS_R}}}dm") if ids is not None else None
    if not rid:
        return
    part = _related_or_none(lambda: shape.part.related_part(rid))
    if part is None:
        return
    root = _parse(part.blob, "SmartArt data")
    for paragraph in root.iter(f"{{{NS_A}}}p"):
        text = _clean("".join(t.text or "" for t in paragraph.iter(f"{{{NS_A}}}t")))
        if text:
            yield TextBlock(text=text, location=where, role="body")


def _alternate_content(element: Any, slide: int, *, notes: bool) -> Iterator[TextBlock]:
    """Shapes inside mc:AlternateContent, which python-pptx does not list: read the first choice."""
    tree = element
    if element.tag in (f"{{{NS_P}}}sld", f"{{{NS_P}}}notes"):
        tree = element.find(f"{{{NS_P}}}cSld/{{{NS_P}}}spTree")
    if tree is None:
        return
    for alt in tree.iterchildren(f"{{{NS_MC}}}AlternateContent"):
        branch = next(iter(alt), None)
        if branch is None:
            continue
        for sp in branch:
            name_el = sp.find(f".//{{{NS_P}}}cNvPr")
            name = name_el.get("name", "") if name_el is not None else ""
            ph = sp.find(f".//{{{NS_P}}}nvPr/{{{NS_P}}}ph")
            ph_type = None if ph is None else ph.get("type", "body")
            if ph_type in SKIPPED_PLACEHOLDERS:
                continue
            role = "notes" if notes else ("title" if ph_type in TITLE_TYPES else "body")
            where = Location(slide=slide, shape=name, notes=notes)
            for paragraph in sp.iter(f"{{{NS_A}}}p"):
                text = _clean("".join(t.text or "" for t in paragraph.iter(f"{{{NS_A}}}t")))
                if text:
                    yield TextBlock(text=text, location=where, role=role)


def _related_or_none(get: Any) -> Any:
    """A chart or diagram whose part is missing from the package has no text to read."""
    try:
        return get()
    except KeyError:
        return None


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= 140 else text[:137] + "..."
