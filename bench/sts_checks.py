"""External sanity checks of msgcheck's matching on human-labelled sentence pairs.

Reads the corpora in ../shared/corpora/sts (never copied into the repo: SICK is CC BY-NC-SA,
MRPC research-use only; they are used here for evaluation only) and reports:

* SICK test, ENTAILMENT vs CONTRADICTION pairs: sentence A becomes a one-message platform, and
  msgcheck's classifier (similarity + symbolic compare, msgcheck.classify) judges sentence B.
  How often is a contradiction called drift (or at least not aligned), an entailment aligned?
* STS Benchmark test: Spearman correlation of the similarity msgcheck uses (the cosine blended with
  the token alignment, classify.token_f1) with the gold 0–5 scores; the cosine alone beside it.
* MRPC test: paraphrase precision/recall/F1 of "similarity ≥ the aligned threshold", and of the full
  verdict (aligned = paraphrase).

    python bench/sts_checks.py                # all three, markdown table on stdout
    python bench/sts_checks.py --limit 300    # a quick look on the first pairs of each set
    python bench/sts_checks.py --json

Exits 0 with a note when the corpora are absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from msgcheck.classify import Classifier, Thresholds  # noqa: E402
from msgcheck.embed import encode_tokens, get_embedder  # noqa: E402
from msgcheck.models import Kind, Message, MessageKind, Platform  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora" / "sts"
SICK = "brmson-dataset-sts/sts/sick2014/SICK_test_annotated.txt"
STSB = "stsbenchmark/sts-test.csv"
MRPC = "brmson-dataset-sts/para/msr/msr-para-test.tsv"


# --- readers ----------------------------------------------------------------------------------

def read_sick(path: Path, limit: int | None) -> list[tuple[str, str, str]]:
    """(sentence A, sentence B, label) for ENTAILMENT and CONTRADICTION pairs."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["entailment_judgment"] in ("ENTAILMENT", "CONTRADICTION"):
                out.append((row["sentence_A"], row["sentence_B"], row["entailment_judgment"]))
    return out[:limit] if limit else out


def read_stsb(path: Path, limit: int | None) -> list[tuple[str, str, float]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                out.append((row[5], row[6], float(row[4])))
    return out[:limit] if limit else out


def read_mrpc(path: Path, limit: int | None) -> list[tuple[str, str, int]]:
    out = []
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 5 and row[0] in ("0", "1"):
                out.append((row[3], row[4], int(row[0])))
    return out[:limit] if limit else out


# --- helpers ----------------------------------------------------------------------------------

def ranks(x: np.ndarray) -> np.ndarray:
    """Ranks with ties averaged (for Spearman)."""
    order = np.argsort(x, kind="mergesort")
    r = np.empty(len(x), dtype=np.float64)
    r[order] = np.arange(len(x), dtype=np.float64)
    vals = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and vals[j + 1] == vals[i]:
            j += 1
        r[order[i:j + 1]] = (i + j) / 2.0
        i = j + 1
    return r


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    ra, rb = ranks(np.asarray(a, dtype=np.float64)), ranks(np.asarray(b, dtype=np.float64))
    return float(np.corrcoef(ra, rb)[0, 1])


def prf(pred: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(pred, gold))
    p = tp / max(1, sum(pred))
    r = tp / max(1, sum(gold))
    f = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(p_ == g for p_, g in zip(pred, gold)) / max(1, len(gold))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "accuracy": round(acc, 4)}


class PairJudge:
    """msgcheck's verdict on sentence B against a one-message platform whose statement is sentence A."""

    def __init__(self, thresholds: Thresholds) -> None:
        self.t = thresholds

    def classifier(self, a: str, va: Encoded) -> Classifier:
        platform = Platform(name="pair", messages=(Message("a", MessageKind.VALUE_PROPOSITION, a),))
        return Classifier(platform, platform.wordings(), va[0][None, :], self.t,
                          tokens=None if va[1] is None else [va[1]])

    def similarity(self, a: str, va: Encoded, vb: Encoded) -> float:
        """The similarity msgcheck weighs (the cosine blended with the token alignment)."""
        clf = self.classifier(a, va)
        return float(clf.blend(clf.similarities(vb[0][None, :])[0], clf.alignments([vb[1]])[0])[0])

    def judge(self, a: str, b: str, va: Encoded, vb: Encoded) -> Kind:
        clf = self.classifier(a, va)
        return clf.judge(b, clf.similarities(vb[0][None, :])[0], clf.alignments([vb[1]])[0]).kind


# a sentence's vector and its token vectors (None from a backend without them)
Encoded = tuple[np.ndarray, "np.ndarray | None"]


def encode_pairs(embedder: Any, pairs: Sequence[tuple[str, str, Any]]) -> tuple[list[Encoded], list[Encoded]]:
    def enc(texts: list[str]) -> list[Encoded]:
        vecs, toks = encode_tokens(embedder, texts)
        return [(vecs[i], None if toks is None else toks[i]) for i in range(len(texts))]
    return enc([p[0] for p in pairs]), enc([p[1] for p in pairs])


# --- the checks -------------------------------------------------------------------------------

def sick_check(embedder: Any, pairs: list[tuple[str, str, str]], t: Thresholds) -> dict[str, Any]:
    va, vb = encode_pairs(embedder, pairs)
    judge = PairJudge(t)
    counts: dict[str, dict[str, int]] = {"ENTAILMENT": {}, "CONTRADICTION": {}}
    for (a, b, label), x, y in zip(pairs, va, vb):
        kind = judge.judge(a, b, x, y).value
        counts[label][kind] = counts[label].get(kind, 0) + 1
    n_con = sum(counts["CONTRADICTION"].values())
    n_ent = sum(counts["ENTAILMENT"].values())
    return {
        "pairs": {"contradiction": n_con, "entailment": n_ent},
        "contradiction_called_drift": round(counts["CONTRADICTION"].get("drift", 0) / max(1, n_con), 4),
        "contradiction_not_aligned": round(1 - counts["CONTRADICTION"].get("aligned", 0) / max(1, n_con), 4),
        "entailment_called_aligned": round(counts["ENTAILMENT"].get("aligned", 0) / max(1, n_ent), 4),
        "verdicts": counts,
    }


def stsb_check(embedder: Any, pairs: list[tuple[str, str, float]], t: Thresholds) -> dict[str, Any]:
    va, vb = encode_pairs(embedder, pairs)
    judge = PairJudge(t)
    sims = [judge.similarity(p[0], x, y) for p, x, y in zip(pairs, va, vb)]
    cos = [float(x[0] @ y[0]) for x, y in zip(va, vb)]
    gold = [p[2] for p in pairs]
    return {"pairs": len(pairs), "spearman": round(spearman(sims, gold), 4), "spearman_cosine": round(spearman(cos, gold), 4)}


def mrpc_check(embedder: Any, pairs: list[tuple[str, str, int]], t: Thresholds) -> dict[str, Any]:
    va, vb = encode_pairs(embedder, pairs)
    judge = PairJudge(t)
    sims = [judge.similarity(p[0], x, y) for p, x, y in zip(pairs, va, vb)]
    gold = [bool(p[2]) for p in pairs]
    verdict = [judge.judge(a, b, x, y) is Kind.ALIGNED for (a, b, _), x, y in zip(pairs, va, vb)]
    return {
        "pairs": len(pairs),
        "positive_share": round(sum(gold) / max(1, len(gold)), 4),
        "threshold": t.aligned,
        "cosine_at_aligned_threshold": prf([c >= t.aligned for c in sims], gold),
        "full_verdict_aligned": prf(verdict, gold),
    }


def markdown(res: dict[str, Any]) -> str:
    out = ["| check | figure |", "| --- | ---: |"]
    if "sick" in res:
        s = res["sick"]
        out.append(f"| SICK test: contradictions called drift ({s['pairs']['contradiction']} pairs) | "
                   f"{s['contradiction_called_drift']:.3f} |")
        out.append(f"| SICK test: contradictions not called aligned | {s['contradiction_not_aligned']:.3f} |")
        out.append(f"| SICK test: entailments called aligned ({s['pairs']['entailment']} pairs) | "
                   f"{s['entailment_called_aligned']:.3f} |")
    if "stsb" in res:
        out.append(f"| STS-B test: Spearman of msgcheck's similarity with gold ({res['stsb']['pairs']} pairs) | "
                   f"{res['stsb']['spearman']:.3f} |")
        out.append(f"| STS-B test: Spearman of the cosine alone | {res['stsb']['spearman_cosine']:.3f} |")
    if "mrpc" in res:
        m = res["mrpc"]
        c, v = m["cosine_at_aligned_threshold"], m["full_verdict_aligned"]
        out.append(f"| MRPC test: paraphrase F1, similarity ≥ {m['threshold']} ({m['pairs']} pairs) | "
                   f"{c['f1']:.3f} (P {c['precision']:.3f}, R {c['recall']:.3f}) |")
        out.append(f"| MRPC test: paraphrase F1, full verdict aligned | "
                   f"{v['f1']:.3f} (P {v['precision']:.3f}, R {v['recall']:.3f}) |")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="the sts corpora folder")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pairs of each set")
    ap.add_argument("--backend", default="auto", help="embedding backend (auto, onnx, torch)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    args = ap.parse_args(argv)

    if not args.corpora.is_dir():
        print(f"sts corpora not found at {args.corpora}; skipping the external checks")
        return 0
    t = Thresholds()
    start = time.perf_counter()
    embedder = get_embedder(args.backend)
    res: dict[str, Any] = {"backend": embedder.fingerprint}
    if (args.corpora / SICK).is_file():
        res["sick"] = sick_check(embedder, read_sick(args.corpora / SICK, args.limit), t)
    if (args.corpora / STSB).is_file():
        res["stsb"] = stsb_check(embedder, read_stsb(args.corpora / STSB, args.limit), Thresholds())
    if (args.corpora / MRPC).is_file():
        res["mrpc"] = mrpc_check(embedder, read_mrpc(args.corpora / MRPC, args.limit), t)
    res["seconds"] = round(time.perf_counter() - start, 1)
    print(json.dumps(res, indent=2) if args.json else markdown(res), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
