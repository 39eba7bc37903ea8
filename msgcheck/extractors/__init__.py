"""Extractors: each turns one input into TextBlocks that keep their Location.

A deck extractor is ``extract(path: Path) -> list[TextBlock]`` and raises InputError with a
one-line reason for anything it cannot read. ``EXTRACTORS`` maps a file suffix to its module.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import InputError
from ..models import TextBlock

EXTRACTORS: dict[str, str] = {
    ".pptx": ".pptx",
    # macro-enabled decks, slide shows and templates hold the same slides
    ".pptm": ".pptx",
    ".ppsx": ".pptx",
    ".ppsm": ".pptx",
    ".potx": ".pptx",
    ".potm": ".pptx",
}


def extract_file(path: Path) -> list[TextBlock]:
    suffix = path.suffix.lower()
    if suffix not in EXTRACTORS:
        raise InputError(f"{path}: not a supported file type", hint=f"msgcheck reads {', '.join(EXTRACTORS)}")
    module = importlib.import_module(EXTRACTORS[suffix], __name__)
    return module.extract(path)
