"""Give a claim its semantic verdict: aligned, drift, off_message or retired (contract §3).

1. Similarity (cosine of unit vectors) ranks the platform's wordings for the claim.
2. Near no wording (best approved and retired below ``topic``): off_message.
3. Nearest to a retired statement, and clearly so: retired.
4. Otherwise the top approved candidates within ``margin`` of the best are compared
   symbolically (msgcheck.compare). A candidate with no difference and similarity at least
   ``aligned`` makes the claim aligned; else the closest candidate's differences make it drift.
   A claim about a message (similarity ≥ ``topic``) with no difference but not close enough to be
   the same message is off_message.

Every verdict carries its reason and the approved wording to use instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .compare import Difference, compare
from .models import Finding, Kind, Location, Platform, Wording


@dataclass(frozen=True)
class Thresholds:
    topic: float = 0.50      # below this, the claim is about no message
    aligned: float = 0.55    # at least this, with no symbolic difference, it says the same thing (eval dev split)
    retired: float = 0.62    # at least this to a retired statement
    margin: float = 0.08     # candidates within this of the best are compared too
    top_k: int = 4


def own_names(platform: Platform) -> tuple[str, ...]:
    """The company's and product's own names: in nearly every sentence, they say nothing about meaning."""
    names: list[str] = []
    for t in platform.terminology:
        if t.term[:1].isupper():
            names.append(t.term)
            names.extend(t.avoid)
            first = t.term.split()[0]
            if len(t.term.split()) > 1 and first[:1].isupper():
                names.append(first)
    if platform.company:
        names.append(platform.company)
        names.append(platform.company.split()[0])
    return tuple(dict.fromkeys(n for n in names if len(n) > 2))


def name_masker(platform: Platform) -> "re.Pattern[str] | None":
    names = sorted(own_names(platform), key=len, reverse=True)
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?:['’]s)?(?![\w-])", re.I)


# Business abbreviations the small model reads poorly; spelled out before embedding.
ABBREVIATIONS = {
    "POS": "point-of-sale", "SLA": "service level agreement", "SLAs": "service level agreements",
    "KPI": "key performance indicator", "KPIs": "key performance indicators", "ROI": "return on investment",
    "SMB": "small business", "SMBs": "small businesses", "TCO": "total cost of ownership",
    "SSO": "single sign-on", "MFA": "multi-factor authentication", "ERP": "enterprise resource planning",
    "CRM": "customer relationship management", "BI": "business intelligence", "ML": "machine learning",
    "FAQ": "frequently asked questions", "HQ": "headquarters", "24/7": "around the clock",
}
_ABBREV = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(k) for k in ABBREVIATIONS) + r")(?![\w/-])")


def mask_names(text: str, pattern: "re.Pattern[str] | None") -> str:
    """``text`` as it is embedded for matching: the company's own names masked out, and common
    business abbreviations spelled out ("POS" → "point-of-sale")."""
    out = _ABBREV.sub(lambda m: ABBREVIATIONS[m.group(1)], text)
    if pattern is None:
        return out
    masked = " ".join(pattern.sub(" ", out).split())
    return masked if len(masked) >= 3 else out


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    wording: Wording | None
    similarity: float | None
    differences: tuple[Difference, ...] = ()
    reason: str | None = None
    suggestion: str | None = None

    def finding(self, text: str, location: Location) -> Finding:
        return Finding(
            kind=self.kind,
            severity=self.kind.default_severity,
            text=text,
            location=location,
            message_id=self.wording.message_id if self.wording else None,
            similarity=self.similarity,
            reason=self.reason,
            suggestion=self.suggestion,
        )


class Classifier:
    """Holds the platform's wordings and their vectors; judges claims one vector at a time."""

    def __init__(self, platform: Platform, wordings: tuple[Wording, ...], vectors: np.ndarray,
                 thresholds: Thresholds | None = None) -> None:
        self.platform = platform
        self.wordings = wordings
        self.vectors = vectors
        self.t = thresholds or Thresholds()
        self._retired_mask = np.array([w.retired for w in wordings], dtype=bool)
        self._competitors = platform.competitors
        self._own_names = own_names(platform)

    def similarities(self, claim_vectors: np.ndarray) -> np.ndarray:
        return claim_vectors @ self.vectors.T

    def judge(self, text: str, sims: np.ndarray) -> Verdict:
        t = self.t
        order = np.argsort(-sims)
        approved = [i for i in order if not self._retired_mask[i]]
        retired = [i for i in order if self._retired_mask[i]]
        best_a = float(sims[approved[0]]) if approved else -1.0
        best_r = float(sims[retired[0]]) if retired else -1.0

        if best_r >= t.retired and best_r >= best_a - t.margin:
            w = self.wordings[retired[0]]
            # "dashboards update every 5 seconds" is near the retired "update once a day", but says
            # what the approved message says: a retired verdict needs no factual difference from the
            # retired wording, or no approved wording nearly as close.
            differs = compare(text, w.text, competitors=self._competitors, own_names=self._own_names)
            if not differs or best_r >= best_a + t.margin:
                msg = self.platform.message(w.message_id)
                reason = f"repeats the retired message '{msg.statement}'" + (f" ({msg.reason})" if msg.reason else "")
                return Verdict(Kind.RETIRED, w, best_r, reason=reason, suggestion=self._replacement(approved, sims))

        if best_a < t.topic:
            return Verdict(Kind.OFF_MESSAGE, None, best_a if approved else None,
                           reason="no approved message covers this claim", suggestion=None)

        candidates = [i for i in approved[: t.top_k] if float(sims[i]) >= max(t.topic, best_a - t.margin)]
        compared: list[tuple[int, list[Difference]]] = []
        for i in candidates:
            w = self.wordings[i]
            msg = self.platform.message(w.message_id)
            diffs = compare(text, w.text, competitors=self._competitors, versus=msg.versus,
                            own_names=self._own_names)
            if not diffs and float(sims[i]) >= t.aligned:
                return Verdict(Kind.ALIGNED, w, float(sims[i]),
                               reason=f"matches the approved {w.role.replace('_', ' ')}", suggestion=None)
            compared.append((i, diffs))

        with_diffs = [(i, d) for i, d in compared if d]
        if with_diffs:
            i, diffs = with_diffs[0]
            w = self.wordings[i]
            return Verdict(Kind.DRIFT, w, float(sims[i]), tuple(diffs),
                           reason="; ".join(d.reason for d in diffs), suggestion=self._suggest(w))
        w = self.wordings[approved[0]]
        return Verdict(Kind.OFF_MESSAGE, None, best_a,
                       reason=f"close to '{w.message_id}' but says something the platform does not", suggestion=None)

    def _suggest(self, w: Wording) -> str:
        return w.text

    def _replacement(self, approved: list[int], sims: np.ndarray) -> str | None:
        """For a retired claim, the nearest approved wording if it is about the same topic."""
        if approved and float(sims[approved[0]]) >= self.t.topic:
            return self.wordings[approved[0]].text
        return None
