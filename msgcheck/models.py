"""The data model: small frozen dataclasses that every stage reads and writes.

    TextBlock  --segment-->  Claim  --classify-->  Finding  --pipeline-->  AssetResult  -->  Report

A ``Location`` travels with the text from extraction to the report, so every finding can be
pinned to its slide and shape (decks) or URL and heading (web pages).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self.value]


_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Kind(str, Enum):
    """The verdict kinds of contract §3."""

    ALIGNED = "aligned"
    DRIFT = "drift"
    OFF_MESSAGE = "off_message"
    RETIRED = "retired"
    BANNED = "banned"
    TERMINOLOGY = "terminology"

    @property
    def default_severity(self) -> Severity:
        return _DEFAULT_SEVERITY[self.value]

    @property
    def semantic(self) -> bool:
        """True for the four verdicts of which a claim gets exactly one."""
        return self.value in ("aligned", "drift", "off_message", "retired")


_DEFAULT_SEVERITY = {
    "aligned": Severity.INFO,
    "drift": Severity.ERROR,
    "off_message": Severity.WARNING,
    "retired": Severity.ERROR,
    "banned": Severity.ERROR,
    "terminology": Severity.WARNING,
}


@dataclass(frozen=True)
class Location:
    """Where a text stands. Decks fill slide/shape/notes; web pages fill url/heading/css_path."""

    slide: int | None = None
    shape: str | None = None
    notes: bool | None = None
    url: str | None = None
    heading: str | None = None
    css_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's location object: only the fields this kind of asset has."""
        if self.url is not None:
            out: dict[str, Any] = {"url": self.url}
            if self.heading:
                out["heading"] = self.heading
            if self.css_path:
                out["css_path"] = self.css_path
            return out
        return {"slide": self.slide, "shape": self.shape, "notes": bool(self.notes)}

    def sort_key(self) -> tuple[Any, ...]:
        """Slide order, speaker notes after the slide; a stable sort keeps reading order within."""
        return (self.slide or 0, bool(self.notes))

    def label(self) -> str:
        """A short human label: 'slide 3, TextBox 2 (notes)' or 'https://…/page § Heading'."""
        if self.url is not None:
            return f"{self.url} § {self.heading}" if self.heading else self.url
        where = f"slide {self.slide}"
        if self.notes:
            return where + ", speaker notes"
        return f"{where}, {self.shape}" if self.shape else where


@dataclass(frozen=True)
class TextBlock:
    """One piece of text as an extractor found it (a paragraph of a shape, a table cell, a <p>).

    ``role`` tells the claim detector what sort of text this is: "title" (slide title, page
    heading), "body", "cell" (table cell), "notes", "chart" (chart title), "label" (short UI
    text such as a button).
    """

    text: str
    location: Location
    role: str = "body"


@dataclass(frozen=True)
class Claim:
    """A sentence that makes a claim, with where it stands."""

    text: str
    location: Location
    role: str = "body"


class MessageKind(str, Enum):
    POSITIONING = "positioning"
    VALUE_PROPOSITION = "value_proposition"
    DIFFERENTIATOR = "differentiator"
    RETIRED = "retired"


@dataclass(frozen=True)
class Message:
    """An approved (or retired) message of the platform."""

    id: str
    kind: MessageKind
    statement: str
    variants: tuple[str, ...] = ()
    proof_points: tuple[str, ...] = ()
    required: bool = False
    versus: tuple[str, ...] = ()
    reason: str | None = None

    @property
    def retired(self) -> bool:
        return self.kind is MessageKind.RETIRED


@dataclass(frozen=True)
class Wording:
    """One approved or retired sentence the claims are compared with.

    ``role`` is "statement", "variant", "proof_point" or "retired"; ``message_id`` is the parent
    message (a proof point reports its parent's id, contract §1).
    """

    text: str
    message_id: str
    role: str

    @property
    def retired(self) -> bool:
        return self.role == "retired"


@dataclass(frozen=True)
class Term:
    term: str
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class BannedPhrase:
    phrase: str
    reason: str | None = None
    suggest: str | None = None


@dataclass(frozen=True)
class Platform:
    name: str
    messages: tuple[Message, ...]
    terminology: tuple[Term, ...] = ()
    banned: tuple[BannedPhrase, ...] = ()
    version: str | None = None
    company: str | None = None
    source: str | None = None

    def message(self, message_id: str) -> Message:
        for m in self.messages:
            if m.id == message_id:
                return m
        raise KeyError(message_id)

    @property
    def approved(self) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if not m.retired)

    @property
    def required_ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.messages if m.required)

    @property
    def competitors(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for m in self.messages:
            for name in m.versus:
                seen.setdefault(name, None)
        return tuple(seen)

    def wordings(self) -> tuple[Wording, ...]:
        """Every sentence claims are compared with, in a stable order."""
        out: list[Wording] = []
        for m in self.messages:
            if m.retired:
                out.append(Wording(m.statement, m.id, "retired"))
                out.extend(Wording(v, m.id, "retired") for v in m.variants)
                continue
            out.append(Wording(m.statement, m.id, "statement"))
            out.extend(Wording(v, m.id, "variant") for v in m.variants)
            out.extend(Wording(p, m.id, "proof_point") for p in m.proof_points)
        return tuple(out)


@dataclass(frozen=True)
class Finding:
    kind: Kind
    severity: Severity
    text: str
    location: Location
    message_id: str | None = None
    similarity: float | None = None
    reason: str | None = None
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "severity": self.severity.value,
            "text": self.text,
            "location": self.location.to_dict(),
            "message_id": self.message_id,
            "similarity": None if self.similarity is None else round(float(self.similarity), 4),
            "reason": self.reason,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class AssetResult:
    """What one input (a deck or a page) gave: its findings, or the one-line reason it could not be read."""

    source: str
    type: str
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    missing: tuple[str, ...] = ()
    claims: int = 0
    skipped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "type": self.type,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
            "missing": list(self.missing),
            "claims": self.claims,
        }


@dataclass(frozen=True)
class Report:
    platform_name: str
    platform_version: str | None
    assets: tuple[AssetResult, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.assets for f in a.findings)

    def by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.kind.value] = counts.get(f.kind.value, 0) + 1
        return counts

    def summary(self) -> dict[str, Any]:
        return {
            "assets": len(self.assets),
            "claims": sum(a.claims for a in self.assets),
            "errors": sum(1 for a in self.assets if a.error),
            "missing": sum(len(a.missing) for a in self.assets),
            "by_kind": self.by_kind(),
        }

    def worst_severity(self) -> Severity | None:
        """The highest severity in the report.

        An unreadable asset counts as an error; a required message missing from an asset as a warning.
        """
        ranks = [f.severity.rank for f in self.findings]
        ranks += [Severity.ERROR.rank for a in self.assets if a.error]
        ranks += [Severity.WARNING.rank for a in self.assets if a.missing]
        if not ranks:
            return None
        return [s for s in Severity if s.rank == max(ranks)][0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "platform": {"name": self.platform_name, "version": self.platform_version},
            "assets": [a.to_dict() for a in self.assets],
            "summary": self.summary(),
        }
        out.update(self.extra)
        return out


def as_plain(obj: Any) -> Any:
    """dataclasses.asdict with enums turned into their values (for caches and tests)."""
    return asdict(obj, dict_factory=lambda items: {k: (v.value if isinstance(v, Enum) else v) for k, v in items})
