"""Measure msgcheck's verdicts against a labelled set of claims (``msgcheck eval``).

The dataset is JSON Lines, one labelled claim a line (see samples/eval/README.md):

    {"id": "lumen-001", "platform": "platform/messaging.yaml", "text": "...",
     "expected": "drift", "message_id": "vp-live-data", "type": "number_changed",
     "lexical": [], "split": "dev"}

    load_dataset(path) -> list[Case]          validate every row (errors name file:line)
    evaluate(cases, ...) -> Evaluation        judge every text, compare with the labels
    render(evaluation, fmt) -> str            text tables, JSON, or markdown

Every text is judged alone with ``Engine.judge`` (None = not a claim, kind "none") and checked
lexically (banned phrases, terminology). A case is right when its kind, its message id (for
aligned, drift and retired) and its lexical findings all match the labels.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .errors import UsageError

KINDS = ("aligned", "drift", "off_message", "retired", "none")
LEXICAL_KINDS = ("banned", "terminology")
ID_KINDS = ("aligned", "drift", "retired")  # kinds whose message id is checked
SPLITS = ("dev", "test")
CASE_TYPES = (
    "number_changed", "number_word", "unit_changed", "percent_vs_multiplier", "hedge_dropped",
    "absolute_added", "negation", "roles_swapped", "competitor_swapped", "scope_changed",
    "retired_paraphrase", "off_topic_near", "aligned_paraphrase", "aligned_exactish", "non_claim",
    "banned", "terminology",
)
_FIELDS = {"id", "platform", "text", "expected", "message_id", "type", "lexical", "split"}


class DatasetError(UsageError):
    """A row of the evaluation dataset breaks the format: names file:line and the fix."""


@dataclass(frozen=True)
class Case:
    """One labelled claim."""

    id: str
    platform: str          # as written in the dataset
    platform_path: Path    # resolved
    text: str
    expected: str
    message_id: str | None
    type: str
    lexical: tuple[str, ...]
    split: str
    line: int


@dataclass(frozen=True)
class Outcome:
    """What msgcheck said about one case."""

    case: Case
    kind: str
    message_id: str | None
    similarity: float | None
    reason: str | None
    lexical: tuple[str, ...]

    @property
    def kind_ok(self) -> bool:
        return self.kind == self.case.expected

    @property
    def id_ok(self) -> bool:
        return self.case.expected not in ID_KINDS or self.message_id == self.case.message_id

    @property
    def lexical_ok(self) -> bool:
        return sorted(set(self.lexical)) == sorted(set(self.case.lexical))

    @property
    def ok(self) -> bool:
        return self.kind_ok and self.id_ok and self.lexical_ok

    def error_reason(self) -> str:
        """Why this case is wrong, in one line."""
        c = self.case
        parts: list[str] = []
        if not self.kind_ok or not self.id_ok:
            want = c.expected + (f" ({c.message_id})" if c.message_id else "")
            got = self.kind + (f" ({self.message_id})" if self.message_id else "")
            if self.similarity is not None:
                got += f" sim {self.similarity:.2f}"
            parts.append(f"expected {want}, got {got}" + (f": {self.reason}" if self.reason else ""))
        if not self.lexical_ok:
            parts.append(f"lexical expected [{', '.join(c.lexical)}], got [{', '.join(self.lexical)}]")
        return "; ".join(parts)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int    # expected count
    predicted: int

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "support": self.support, "predicted": self.predicted}


@dataclass
class Evaluation:
    """The outcomes of a run and the figures drawn from them."""

    outcomes: list[Outcome]
    split: str
    dataset: str
    platforms: list[str] = field(default_factory=list)

    # -- figures ----------------------------------------------------------------------------
    def per_kind(self) -> dict[str, Scores]:
        return {k: _scores([o.case.expected for o in self.outcomes], [o.kind for o in self.outcomes], k)
                for k in KINDS}

    def per_lexical(self) -> dict[str, Scores]:
        out: dict[str, Scores] = {}
        for k in LEXICAL_KINDS:
            tp = sum(1 for o in self.outcomes if k in o.lexical and k in o.case.lexical)
            pred = sum(1 for o in self.outcomes if k in o.lexical)
            gold = sum(1 for o in self.outcomes if k in o.case.lexical)
            out[k] = _prf(tp, pred, gold)
        return out

    def confusion(self) -> dict[str, dict[str, int]]:
        """expected kind -> predicted kind -> count."""
        m = {e: {p: 0 for p in KINDS} for e in KINDS}
        for o in self.outcomes:
            m[o.case.expected][o.kind] += 1
        return m

    def accuracy(self) -> float:
        return _ratio(sum(o.kind_ok for o in self.outcomes), len(self.outcomes))

    def strict_accuracy(self) -> float:
        """Kind, message id and lexical findings all right."""
        return _ratio(sum(o.ok for o in self.outcomes), len(self.outcomes))

    def message_id_accuracy(self) -> float:
        """Among aligned/drift/retired cases given the right kind, how often the message id is right."""
        right_kind = [o for o in self.outcomes if o.kind_ok and o.case.expected in ID_KINDS]
        return _ratio(sum(o.id_ok for o in right_kind), len(right_kind))

    def per_type(self) -> dict[str, tuple[int, int]]:
        """case type -> (right, total), right meaning kind, id and lexical all right."""
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            out[o.case.type][0] += int(o.ok)
            out[o.case.type][1] += 1
        return {t: (v[0], v[1]) for t, v in sorted(out.items(), key=lambda kv: _type_order(kv[0]))}

    def non_claims_judged(self) -> list[Outcome]:
        """Non-claims (expected none) that got a semantic verdict: must be empty."""
        return [o for o in self.outcomes if o.case.expected == "none" and o.kind != "none"]

    def errors(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "split": self.split,
            "platforms": self.platforms,
            "cases": len(self.outcomes),
            "accuracy": round(self.accuracy(), 4),
            "strict_accuracy": round(self.strict_accuracy(), 4),
            "message_id_accuracy": round(self.message_id_accuracy(), 4),
            "per_kind": {k: s.to_dict() for k, s in self.per_kind().items()},
            "lexical": {k: s.to_dict() for k, s in self.per_lexical().items()},
            "confusion": self.confusion(),
            "per_type": {t: {"right": r, "total": n, "accuracy": round(_ratio(r, n), 4)}
                         for t, (r, n) in self.per_type().items()},
            "non_claims_judged": [o.case.id for o in self.non_claims_judged()],
            "errors": [
                {"id": o.case.id, "type": o.case.type, "platform": o.case.platform, "text": o.case.text,
                 "expected": o.case.expected, "expected_message_id": o.case.message_id,
                 "expected_lexical": list(o.case.lexical), "got": o.kind, "got_message_id": o.message_id,
                 "got_lexical": list(o.lexical),
                 "similarity": None if o.similarity is None else round(o.similarity, 4),
                 "reason": o.reason, "error": o.error_reason()}
                for o in self.errors()
            ],
        }


def _type_order(t: str) -> int:
    return CASE_TYPES.index(t) if t in CASE_TYPES else len(CASE_TYPES)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _prf(tp: int, predicted: int, gold: int) -> Scores:
    p = _ratio(tp, predicted) if predicted else (1.0 if gold == 0 else 0.0)
    r = _ratio(tp, gold) if gold else (1.0 if predicted == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f, gold, predicted)


def _scores(expected: Sequence[str], predicted: Sequence[str], kind: str) -> Scores:
    tp = sum(1 for e, p in zip(expected, predicted) if e == kind and p == kind)
    return _prf(tp, sum(1 for p in predicted if p == kind), sum(1 for e in expected if e == kind))


# --- loading --------------------------------------------------------------------------------

def resolve_platform(name: str, dataset: Path) -> Path:
    """A row's platform path: absolute, or relative to the working folder or to a folder above the dataset."""
    p = Path(name)
    if p.is_absolute():
        return p
    for base in [Path.cwd(), *dataset.resolve().parents]:
        if (base / p).is_file():
            return (base / p).resolve()
    return p


def load_dataset(path: str | Path, default_platform: str | None = None) -> list[Case]:
    """Read and validate the dataset; a bad row raises DatasetError naming file:line and the fix.

    ``default_platform`` is used for rows that name no platform.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise DatasetError(f"{path}: no such file", hint="give the labelled claims, e.g. samples/eval/claims.jsonl") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: cannot be read ({exc})") from None
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{where}: not valid JSON ({exc.msg})", hint="one JSON object per line") from None
        if not isinstance(row, dict):
            raise DatasetError(f"{where}: a row must be a JSON object")
        case = _case(row, where, n, p, default_platform)
        if case.id in seen:
            raise DatasetError(f"{where}: duplicate id {case.id!r} (first on line {seen[case.id]})",
                               hint="give every row its own id")
        seen[case.id] = n
        cases.append(case)
    if not cases:
        raise DatasetError(f"{path}: no labelled claims in the file")
    return cases


def _case(row: dict[str, Any], where: str, line: int, dataset: Path, default_platform: str | None) -> Case:
    unknown = set(row) - _FIELDS
    if unknown:
        raise DatasetError(f"{where}: unknown field {sorted(unknown)[0]!r}", hint=f"fields are: {', '.join(sorted(_FIELDS))}")

    def text_field(name: str, required: bool = True) -> str | None:
        v = row.get(name)
        if v is None and not required:
            return None
        if not isinstance(v, str) or not v.strip():
            raise DatasetError(f"{where}: {name!r} must be a non-empty string")
        return v

    platform = row.get("platform") or default_platform
    if not isinstance(platform, str) or not platform:
        raise DatasetError(f"{where}: 'platform' is missing", hint="name the platform file, or pass --platform")
    expected = text_field("expected")
    if expected not in KINDS:
        raise DatasetError(f"{where}: expected {expected!r} is not a verdict kind", hint=f"use one of: {', '.join(KINDS)}")
    message_id = text_field("message_id", required=False)
    if expected in ID_KINDS and message_id is None:
        raise DatasetError(f"{where}: a {expected} case needs a 'message_id'")
    if expected in ("off_message", "none") and message_id is not None:
        raise DatasetError(f"{where}: a {expected} case has no message; set 'message_id' to null")
    lexical = row.get("lexical", [])
    if not isinstance(lexical, list) or any(x not in LEXICAL_KINDS for x in lexical):
        raise DatasetError(f"{where}: 'lexical' must be a list of {', '.join(LEXICAL_KINDS)}")
    split = text_field("split")
    if split not in SPLITS:
        raise DatasetError(f"{where}: split {split!r} is not dev or test")
    case_type = text_field("type")
    return Case(
        id=str(text_field("id")), platform=platform, platform_path=resolve_platform(platform, dataset),
        text=str(text_field("text")), expected=str(expected), message_id=message_id, type=str(case_type),
        lexical=tuple(lexical), split=str(split), line=line,
    )


def check_message_ids(cases: Iterable[Case], platforms: dict[Path, Any]) -> None:
    """Every labelled message id must exist in its platform (and be retired exactly for 'retired')."""
    for c in cases:
        if c.message_id is None:
            continue
        platform = platforms[c.platform_path]
        try:
            msg = platform.message(c.message_id)
        except KeyError:
            raise DatasetError(f"{c.platform_path.name} has no message {c.message_id!r} (row {c.id}, line {c.line})",
                               hint="fix the row's message_id") from None
        if msg.retired != (c.expected == "retired"):
            raise DatasetError(f"row {c.id} (line {c.line}): {c.message_id!r} is "
                               f"{'retired' if msg.retired else 'approved'} but the case expects {c.expected}")


def select(cases: Sequence[Case], split: str = "all", platforms: Sequence[str | Path] = ()) -> list[Case]:
    """The cases of ``split`` ("dev", "test" or "all"), for the given platform files only (all when empty)."""
    if split not in (*SPLITS, "all"):
        raise UsageError(f"unknown split {split!r}", hint="use dev, test or all")
    out = [c for c in cases if split == "all" or c.split == split]
    if platforms:
        wanted = {Path(p).resolve() for p in platforms}
        named = sorted({c.platform for c in cases})
        out = [c for c in out if c.platform_path.resolve() in wanted]
        if not out:
            raise UsageError("no case in the dataset is labelled against the given platform",
                             hint=f"the dataset names: {', '.join(named)}")
    return out


# --- running --------------------------------------------------------------------------------

def evaluate(cases: Sequence[Case], *, embedder: Any = None, backend: str = "auto",
             dataset: str = "", split: str = "all") -> Evaluation:
    """Judge every case with an Engine per platform (one embedder shared) and collect the outcomes."""
    from .embed import get_embedder
    from .models import Location, TextBlock
    from .pipeline import Engine
    from .platform import load_platform

    groups: dict[Path, list[Case]] = defaultdict(list)
    for c in cases:
        groups[c.platform_path].append(c)
    platforms = {path: load_platform(path) for path in groups}
    check_message_ids(cases, platforms)
    if groups and embedder is None:
        embedder = get_embedder(backend)

    by_id: dict[str, Outcome] = {}
    for path, group in groups.items():
        engine = Engine(platforms[path], embedder=embedder)
        findings = engine.judge([c.text for c in group])
        for c, f in zip(group, findings):
            block = TextBlock(c.text, Location(slide=1, shape="eval"))
            lexical = tuple(sorted({x.kind.value for x in engine.lexical.check(block)}))
            by_id[c.id] = Outcome(
                case=c,
                kind=f.kind.value if f is not None else "none",
                message_id=f.message_id if f is not None else None,
                similarity=f.similarity if f is not None else None,
                reason=f.reason if f is not None else "not a claim",
                lexical=lexical,
            )
    return Evaluation([by_id[c.id] for c in cases], split, dataset, sorted({c.platform for c in cases}))


# --- rendering ------------------------------------------------------------------------------

def render(ev: Evaluation, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(ev.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return render_markdown(ev)
    if fmt == "text":
        return render_text(ev)
    raise UsageError(f"unknown format {fmt!r} for eval", hint="use text, json or markdown")


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _kind_rows(ev: Evaluation) -> list[list[str]]:
    rows = [[k, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted)]
            for k, s in ev.per_kind().items()]
    rows += [[k + " (lexical)", f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.support), str(s.predicted)]
             for k, s in ev.per_lexical().items()]
    return rows


def _summary_line(ev: Evaluation) -> str:
    return (f"{len(ev.outcomes)} cases ({ev.split} split) — accuracy {ev.accuracy():.3f}, "
            f"message id {ev.message_id_accuracy():.3f}, strict {ev.strict_accuracy():.3f}, "
            f"non-claims judged {len(ev.non_claims_judged())}")


def render_text(ev: Evaluation) -> str:
    out = [f"msgcheck eval: {ev.dataset}", "platforms: " + ", ".join(ev.platforms), _summary_line(ev), ""]
    out += _table(["kind", "precision", "recall", "F1", "expected", "predicted"], _kind_rows(ev))
    out += ["", "confusion (rows: expected, columns: predicted)"]
    conf = ev.confusion()
    out += _table(["", *KINDS], [[e, *(str(conf[e][p]) for p in KINDS)] for e in KINDS])
    out += [""]
    out += _table(["case type", "right", "total", "accuracy"],
                  [[t, str(r), str(n), f"{_ratio(r, n):.3f}"] for t, (r, n) in ev.per_type().items()])
    errors = ev.errors()
    out += ["", f"errors ({len(errors)})"]
    for o in errors:
        out.append(f"  {o.case.id} [{o.case.type}] {o.case.text!r}")
        out.append(f"      {o.error_reason()}")
    return "\n".join(out) + "\n"


def render_markdown(ev: Evaluation) -> str:
    out = [f"**{_summary_line(ev)}**", "", "| kind | precision | recall | F1 | expected | predicted |",
           "| --- | ---: | ---: | ---: | ---: | ---: |"]
    out += ["| " + " | ".join(r) + " |" for r in _kind_rows(ev)]
    out += ["", "| case type | right | total | accuracy |", "| --- | ---: | ---: | ---: |"]
    out += [f"| {t} | {r} | {n} | {_ratio(r, n):.3f} |" for t, (r, n) in ev.per_type().items()]
    errors = ev.errors()
    if errors:
        out += ["", f"<details><summary>{len(errors)} errors</summary>", ""]
        out += [f"- `{o.case.id}` ({o.case.type}) “{o.case.text}” — {o.error_reason()}" for o in errors]
        out += ["", "</details>"]
    return "\n".join(out) + "\n"
