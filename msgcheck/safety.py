"""Guards that run before any parser touches untrusted bytes.

A deck (or a file a web page links to) is opened by a parser that trusts its container: a zip
bomb expands in memory, a legacy binary file makes python-pptx raise ``KeyError``. So first:

    sniff(head)             what the first bytes say the file is ("zip", "ole2", "empty", ...)
    ole2_streams(data)      stream names of an OLE2/CFB container (EncryptedPackage? PowerPoint Document?)
    open_zip(source)        a ``zipfile.ZipFile`` whose central directory passed ``check_zip``
    check_zip(zf, limits)   refuse too many entries, too large a declared size, bomb-like ratios

Every refusal is an :class:`~msgcheck.errors.InputError` with a one-line reason and a hint.
The limits sit far above any real deck: the largest of 330 real-world presentations declares
7.8 MB uncompressed in 383 entries; the worst real ratio is 667:1 (a 1.4 MB EMF picture).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

ZIP_MAGIC = b"PK\x03\x04"
ZIP_EMPTY_MAGIC = b"PK\x05\x06"
OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """What a zip may declare before it is opened.

    ``max_ratio`` applies only to entries larger than ``ratio_floor`` bytes: small parts of real
    decks compress far better than 200:1 now and then, large ones never do.
    """

    max_entries: int = 10_000
    max_total: int = 512 * MB
    max_entry: int = 256 * MB
    max_ratio: float = 200.0
    ratio_floor: int = 16 * MB


DEFAULT_LIMITS = ZipLimits()


def sniff(head: bytes) -> str:
    """Name the container the first bytes announce.

    Returns "empty", "zip", "ole2", "pdf", "text" (readable text such as HTML, Markdown, TSV)
    or "unknown".
    """
    if not head:
        return "empty"
    if head.startswith(ZIP_MAGIC) or head.startswith(ZIP_EMPTY_MAGIC):
        return "zip"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith(b"%PDF"):
        return "pdf"
    sample = head[:512]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(sample) - 3:
            return "unknown"
    if b"\x00" not in sample:
        return "text"
    return "unknown"


def ole2_streams(data: bytes) -> set[str]:
    """The stream and storage names in an OLE2 (Compound File Binary) container.

    Reads the header, the FAT and the directory chain; for a container whose FAT it cannot
    follow it falls back to the names it can find as UTF-16 directory entries. Never raises.
    """
    try:
        return _cfb_directory_names(data)
    except (struct.error, IndexError, ValueError):
        found = set()
        for name in ("EncryptedPackage", "EncryptionInfo", "PowerPoint Document", "WordDocument", "Workbook"):
            if name.encode("utf-16-le") in data:
                found.add(name)
        return found


def _cfb_directory_names(data: bytes) -> set[str]:
    sector_size = 1 << struct.unpack_from("<H", data, 30)[0]
    if sector_size not in (512, 4096):
        raise ValueError("bad sector size")
    num_fat = struct.unpack_from("<I", data, 44)[0]
    dir_start = struct.unpack_from("<I", data, 48)[0]
    difat = [s for s in struct.unpack_from("<109I", data, 76) if s < 0xFFFFFFFA][:num_fat]

    def sector(n: int) -> bytes:
        start = (n + 1) * sector_size
        chunk = data[start:start + sector_size]
        if len(chunk) < sector_size:
            raise ValueError("sector beyond end of file")
        return chunk

    fat: list[int] = []
    for s in difat:
        fat.extend(struct.unpack(f"<{sector_size // 4}I", sector(s)))
    names: set[str] = set()
    current, seen = dir_start, set()
    while current < 0xFFFFFFFA:
        if current in seen or current >= len(fat):
            raise ValueError("broken directory chain")
        seen.add(current)
        block = sector(current)
        for off in range(0, sector_size, 128):
            length = struct.unpack_from("<H", block, off + 64)[0]
            if 2 <= length <= 64:
                names.add(block[off:off + length - 2].decode("utf-16-le", "replace"))
        current = fat[current]
    return names


def check_zip(zf: zipfile.ZipFile, limits: ZipLimits = DEFAULT_LIMITS) -> None:
    """Refuse a zip whose central directory declares more than any real document would."""
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise InputError(
            f"refused: the zip holds {len(infos):,} entries (limit {limits.max_entries:,}), likely a zip bomb",
            hint="a real deck has a few hundred parts; re-save it from PowerPoint",
        )
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_entry:
            raise InputError(
                f"refused: entry {info.filename!r} would expand to {size / MB:,.0f} MB (limit {limits.max_entry / MB:,.0f} MB)",
                hint="remove the embedded media or compress it before checking",
            )
        if size > limits.ratio_floor and size > limits.max_ratio * max(info.compress_size, 1):
            ratio = size / max(info.compress_size, 1)
            raise InputError(
                f"refused: entry {info.filename!r} expands {ratio:,.0f}:1 to {size / MB:,.0f} MB, likely a zip bomb",
                hint="a real deck's parts never compress this well; re-save it from PowerPoint",
            )
    if total > limits.max_total:
        raise InputError(
            f"refused: the zip would expand to {total / MB:,.0f} MB (limit {limits.max_total / MB:,.0f} MB)",
            hint="remove embedded videos or large media from the deck before checking",
        )


def open_zip(source: Path | bytes | BinaryIO, limits: ZipLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """Open a zip package and check its central directory; raise InputError if damaged or bomb-like."""
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        zf = zipfile.ZipFile(source)
    except zipfile.BadZipFile as exc:
        raise InputError(
            f"corrupt or truncated zip package ({_zip_problem(exc)})",
            hint="the file was probably cut off while copying or downloading; get a fresh copy",
        ) from None
    except (OSError, ValueError, EOFError, struct.error) as exc:
        raise InputError(f"corrupt zip package ({exc})", hint="get a fresh copy of the file") from None
    try:
        check_zip(zf, limits)
    except InputError:
        zf.close()
        raise
    return zf


def read_member(zf: zipfile.ZipFile, name: str, limit: int = 64 * MB) -> bytes:
    """Read one zip entry, never more than ``limit`` bytes, turning zip/zlib errors into InputError."""
    import zlib

    try:
        info = zf.getinfo(name)
        if info.file_size > limit:
            raise InputError(f"refused: part {name!r} is {info.file_size / MB:,.0f} MB", hint="re-save the file")
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except KeyError:
        raise InputError(f"the package has no part {name!r}", hint="re-save the file from its application") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"corrupt zip entry {name!r} ({_zip_problem(exc)})", hint="get a fresh copy of the file") from None
    if len(data) > limit:
        raise InputError(f"refused: part {name!r} expands beyond {limit / MB:,.0f} MB", hint="re-save the file")
    return data


def _zip_problem(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".") or type(exc).__name__
    return text.splitlines()[0][:120]
