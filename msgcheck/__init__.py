"""msgcheck: keep sales decks and the website on the approved messaging platform.

    >>> from msgcheck import load_platform, check
    >>> report = check(["samples/decks"], load_platform("platform/messaging.yaml"))

The public API is re-exported here; the modules behind it may move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from .errors import FetchError, InputError, ModelError, MsgcheckError, PlatformError, UsageError
from .models import (
    AssetResult,
    BannedPhrase,
    Claim,
    Finding,
    Kind,
    Location,
    Message,
    MessageKind,
    Platform,
    Report,
    Severity,
    Term,
    TextBlock,
    Wording,
)
from .platform import load_platform

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Engine, check

__all__ = sorted([
    "AssetResult", "BannedPhrase", "Claim", "Engine", "FetchError", "Finding", "InputError", "Kind",
    "Location", "Message", "MessageKind", "ModelError", "MsgcheckError", "Platform", "PlatformError",
    "Report", "Severity", "Term", "TextBlock", "UsageError", "Wording", "__version__", "check",
    "load_platform",
])


def __getattr__(name: str) -> Any:
    # The pipeline imports numpy and spaCy: load it only when it is used.
    if name in ("Engine", "check"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
