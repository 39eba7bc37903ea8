"""A learned verdict (issue 4, round 3): logistic regression over general per-claim features, judged
by leave-one-platform-out (LOPO) on the eval set's DEV split only.

For each claim the rules (msgcheck.classify) run as usual; the model then decides among aligned /
drift / off_message / retired from a handful of general features (best approved score and cosine,
best retired score and cosine, margin to another message, word overlap, the symbolic differences by
broad class, claim length, and — in the "stacked" variant — the rules' own verdict). The message id
and the reason stay symbolic: aligned → the rules' aligned wording or the best approved one; drift →
the first compared candidate with differences (no difference found: the rules' verdict stands);
retired → the nearest retired wording; off_message → none.

    python bench/train_verdicts.py                 # LOPO table: rules vs both model variants
    python bench/train_verdicts.py --write         # also fit on all dev rows, write msgcheck/data/verdict_model.json
    python bench/train_verdicts.py --json

Pure numpy (no sklearn). The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import cv_verdicts as cv  # noqa: E402
from msgcheck import classify, compare, evaluate  # noqa: E402
from msgcheck.classify import Classifier, Thresholds  # noqa: E402

OUT = ROOT / "msgcheck" / "data" / "verdict_model.json"
CLASSES = ("aligned", "drift", "off_message", "retired")
DIFF_GROUPS = {
    "number": "number", "unit": "number", "percent_vs_multiplier": "number",
    "negation": "negation", "reversal": "negation",
    "scope": "scope", "roles": "scope",
    "absolute": "absolute", "hedge": "absolute",
    "competitor": "competitor",
}
GROUPS = ("number", "negation", "scope", "absolute", "competitor")
BASE_FEATURES = ("best_a_score", "best_a_cos", "best_r_score", "best_r_cos", "r_minus_a", "margin_other",
                 "overlap_a", "n_diffs", *(f"diff_{g}" for g in GROUPS), "any_diff", "cand_clean",
                 "retired_factual", "log_len", "positioning")
RULE_FEATURES = tuple(f"rule_{k}" for k in CLASSES)


def features(clf: Classifier, text: str, sims: np.ndarray, rule_kind: str) -> dict[str, float]:
    """General features of one claim against the platform (no platform- or sentence-specific rule)."""
    t = clf.t
    ov = clf.overlap(text)
    score = sims + t.lexical * ov
    order = np.argsort(-score, kind="stable")
    approved = [int(i) for i in order if not clf._retired_mask[i]]
    retired = [int(i) for i in order if clf._retired_mask[i]]
    f: dict[str, float] = {}
    a0 = approved[0]
    f["best_a_score"] = float(score[a0])
    f["best_a_cos"] = float(sims[a0])
    if retired:
        f["best_r_score"] = float(score[retired[0]])
        f["best_r_cos"] = float(sims[retired[0]])
    else:
        f["best_r_score"] = f["best_r_cos"] = 0.0
    f["r_minus_a"] = f["best_r_score"] - f["best_a_score"]
    mid = clf.wordings[a0].message_id
    other = next((i for i in approved if clf.wordings[i].message_id != mid), None)
    f["margin_other"] = float(score[a0] - score[other]) if other is not None else 0.3
    f["overlap_a"] = float(ov[a0])
    w = clf.wordings[a0]
    msg = clf.platform.message(w.message_id)
    diffs = classify.compare(text, w.text, competitors=clf._competitors, versus=msg.versus, own_names=clf._own_names)
    f["n_diffs"] = float(min(len(diffs), 3))
    for g in GROUPS:
        f[f"diff_{g}"] = 0.0
    for d in diffs:
        g = DIFF_GROUPS.get(d.kind)
        if g:
            f[f"diff_{g}"] = 1.0
    f["any_diff"] = 1.0 if diffs else 0.0
    # is any near candidate (within margin) free of differences?
    clean = 0.0
    for i in approved[: t.top_k]:
        if float(score[i]) < f["best_a_score"] - t.margin:
            break
        wi = clf.wordings[i]
        if not classify.compare(text, wi.text, competitors=clf._competitors,
                                versus=clf.platform.message(wi.message_id).versus, own_names=clf._own_names):
            clean = 1.0
            break
    f["cand_clean"] = clean
    if retired:
        rw = clf.wordings[retired[0]]
        rd = classify.compare(text, rw.text, competitors=clf._competitors, own_names=clf._own_names)
        f["retired_factual"] = 1.0 if any(d.kind in classify._FACTUAL for d in rd) else 0.0
    else:
        f["retired_factual"] = 1.0
    f["log_len"] = float(np.log(len(text.split()) + 1))
    f["positioning"] = 1.0 if w.message_id == "positioning" else 0.0
    for k in CLASSES:
        f[f"rule_{k}"] = 1.0 if rule_kind == k else 0.0
    return f


class Row:
    def __init__(self, case: evaluate.Case, feats: dict[str, float], rule_kind: str, rule_mid: str | None,
                 ids: dict[str, str | None]) -> None:
        self.case, self.feats, self.rule_kind, self.rule_mid, self.ids = case, feats, rule_kind, rule_mid, ids


def rows_for(p: cv.Prepared, t: Thresholds) -> list[Row]:
    """Every dev case of platform ``p``: features (claims only), the rules' verdict, and the message id
    each model kind would report."""
    clf = Classifier(p.platform, p.wordings, p.vectors, t)
    out = []
    claim_index = {c.id: i for i, c in enumerate(p.claims)}
    for c in p.cases:
        if c.id not in claim_index:
            out.append(Row(c, {}, "none", None, {}))
            continue
        sims, alignment = p.sims[claim_index[c.id]], p.alignments[claim_index[c.id]]
        v = clf.judge(c.text, sims, alignment)
        rk, rm = v.kind.value, (v.wording.message_id if v.wording else None)
        f = features(clf, c.text, sims, rk)
        ids = _ids(clf, c.text, sims, rk, rm)
        out.append(Row(c, f, rk, rm, ids))
    return out


def _ids(clf: Classifier, text: str, sims: np.ndarray, rk: str, rm: str | None) -> dict[str, str | None]:
    """The message id each kind would carry (drift: None when no candidate differs → rules' verdict)."""
    t = clf.t
    score = sims + t.lexical * clf.overlap(text)
    order = np.argsort(-score, kind="stable")
    approved = [int(i) for i in order if not clf._retired_mask[i]]
    retired = [int(i) for i in order if clf._retired_mask[i]]
    best = float(score[approved[0]])
    drift_mid = rm if rk == "drift" else None
    if drift_mid is None:
        for i in approved[: t.top_k]:
            if float(score[i]) < best - t.margin:
                break
            w = clf.wordings[i]
            if classify.compare(text, w.text, competitors=clf._competitors,
                                versus=clf.platform.message(w.message_id).versus, own_names=clf._own_names):
                drift_mid = w.message_id
                break
    return {"aligned": rm if rk == "aligned" else clf.wordings[approved[0]].message_id,
            "drift": drift_mid,
            "retired": rm if rk == "retired" else (clf.wordings[retired[0]].message_id if retired else None),
            "off_message": None}


# --- multinomial logistic regression, pure numpy ----------------------------------------------

def fit(X: np.ndarray, y: np.ndarray, l2: float, iters: int = 3000, lr: float = 0.5,
        balanced: bool = False) -> dict[str, Any]:
    """Softmax regression by gradient descent; L2 on the weights (not the biases); features standardised.
    ``balanced``: each class weighs the same in the loss (the kinds are not equally common)."""
    mu, sd = X.mean(0), X.std(0) + 1e-6
    Z = (X - mu) / sd
    n, d = Z.shape
    k = len(CLASSES)
    W, b = np.zeros((d, k)), np.zeros(k)
    Y = np.eye(k)[y]
    counts = np.bincount(y, minlength=k).astype(float)
    sw = (n / (k * np.maximum(counts, 1)))[y] if balanced else np.ones(n)
    for _ in range(iters):
        logits = Z @ W + b
        logits -= logits.max(1, keepdims=True)
        P = np.exp(logits)
        P /= P.sum(1, keepdims=True)
        G = (P - Y) * sw[:, None] / n
        W -= lr * (Z.T @ G + l2 * W)
        b -= lr * G.sum(0)
    return {"mean": mu, "std": sd, "W": W, "b": b}


def predict_proba(m: dict[str, Any], X: np.ndarray) -> np.ndarray:
    logits = ((X - m["mean"]) / m["std"]) @ m["W"] + m["b"]
    logits -= logits.max(1, keepdims=True)
    P = np.exp(logits)
    return P / P.sum(1, keepdims=True)


def matrix(rows: Sequence[Row], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    claims = [r for r in rows if r.feats and r.case.expected in CLASSES]
    X = np.array([[r.feats[n] for n in names] for r in claims], dtype=float)
    y = np.array([CLASSES.index(r.case.expected) for r in claims])
    return X, y


def decide(rows: Sequence[Row], m: dict[str, Any] | None, names: Sequence[str]) -> list[tuple[evaluate.Case, str, str | None]]:
    """The verdict of every row: the rules' when ``m`` is None, else the model's (with the fallbacks)."""
    out = []
    for r in rows:
        if not r.feats or m is None:
            out.append((r.case, r.rule_kind, r.rule_mid))
            continue
        x = np.array([[r.feats[n] for n in names]])
        kind = CLASSES[int(np.argmax(predict_proba(m, x)[0]))]
        mid = r.ids.get(kind)
        if kind in ("drift", "retired") and mid is None:
            kind, mid = r.rule_kind, r.rule_mid  # no symbolic reason to give: the rules' verdict stands
        out.append((r.case, kind, mid))
    return out


VARIANTS = {"features": BASE_FEATURES, "stacked": BASE_FEATURES + RULE_FEATURES}
L2S = (0.01, 0.03, 0.1, 0.3, 1.0)


def run(write: bool) -> dict[str, Any]:
    from msgcheck.embed import get_embedder

    cases = evaluate.select(evaluate.load_dataset(cv.DATASET), "dev")
    groups: dict[Path, list[evaluate.Case]] = defaultdict(list)
    for c in cases:
        groups[c.platform_path].append(c)
    classify.compare = cv._Cached(compare.compare)  # type: ignore[assignment]
    embedder = get_embedder("auto")
    prepared = [cv.Prepared(path, group, embedder) for path, group in sorted(groups.items())]

    result: dict[str, Any] = {"cases": len(cases), "lopo": {}}
    held: dict[str, dict[str, list]] = defaultdict(dict)
    for p in prepared:
        others = [q for q in prepared if q is not p]
        t, _ = cv.tune(others)  # the rules' thresholds, tuned on the other two platforms (as cv_verdicts)
        by_q = {q.name: rows_for(q, t) for q in others}  # judged once, used for training and the nested pick
        train = [r for rows in by_q.values() for r in rows]
        test = rows_for(p, t)
        held["rules"][p.name] = decide(test, None, ())
        # nested: pick the variant and l2 by LOPO within the two training platforms, then score the third
        best: tuple[int, str, float, bool] | None = None
        for vname, names in VARIANTS.items():
            for l2 in L2S:
                for bal in (False, True):
                    right = 0
                    for qn, qrows in by_q.items():
                        inner = [r for on, orows in by_q.items() if on != qn for r in orows]
                        Xi, yi = matrix(inner, names)
                        right += cv.score(decide(qrows, fit(Xi, yi, l2, balanced=bal), names))["right"]
                    if best is None or right > best[0]:
                        best = (right, vname, l2, bal)
        assert best is not None
        _, vname, l2, bal = best
        X, y = matrix(train, VARIANTS[vname])
        held["nested choice (variant, l2, balance picked inside the two training platforms)"][p.name] = decide(
            test, fit(X, y, l2, balanced=bal), VARIANTS[vname])
        result.setdefault("nested_choice", {})[p.name] = {"variant": vname, "l2": l2, "balanced": bal}
        for vname, names in VARIANTS.items():
            X, y = matrix(train, names)
            for l2 in L2S:
                for bal in (False, True):
                    m = fit(X, y, l2, balanced=bal)
                    held[f"{vname}{' balanced' if bal else ''} l2={l2}"][p.name] = decide(test, m, names)
    for setting, by_plat in held.items():
        result["lopo"][setting] = {"per_platform": {k: cv.score(v) for k, v in by_plat.items()},
                                   "pooled": cv.pooled(by_plat)}
    if write:
        t = Thresholds()
        rows = [r for p in prepared for r in rows_for(p, t)]
        names = VARIANTS[WRITE_VARIANT]
        X, y = matrix(rows, names)
        m = fit(X, y, WRITE_L2, balanced=WRITE_BALANCED)
        OUT.write_text(json.dumps({
            "about": "msgcheck verdict model (bench/train_verdicts.py): multinomial logistic regression on dev rows",
            "classes": list(CLASSES), "features": list(names), "l2": WRITE_L2,
            "mean": m["mean"].round(6).tolist(), "std": m["std"].round(6).tolist(),
            "W": m["W"].round(6).tolist(), "b": m["b"].round(6).tolist()}, indent=1) + "\n", encoding="utf-8")
        result["written"] = str(OUT.relative_to(ROOT))
        result["dev_fit"] = cv.score(decide(rows, m, names))
    return result


WRITE_VARIANT = "stacked"
WRITE_L2 = 0.1
WRITE_BALANCED = True


def render(result: dict[str, Any]) -> str:
    kinds = cv.KINDS
    out = [f"dev cases: {result['cases']} (leave-one-platform-out: train on two platforms' dev rows, score the third)",
           "", "| decision | accuracy (held out, pooled) | " + " | ".join(kinds) + " | per platform |",
           "| --- | ---: | " + " | ".join("---:" for _ in kinds) + " | --- |"]
    for setting, r in result["lopo"].items():
        s = r["pooled"]
        per = ", ".join(f"{k} {v['accuracy']:.3f}" for k, v in r["per_platform"].items())
        out.append(f"| {setting} | {s['accuracy']:.3f} | " + " | ".join(f"{s['f1'][k]:.3f}" for k in kinds) + f" | {per} |")
    if "nested_choice" in result:
        out += ["", "nested choice per held-out platform: " + "; ".join(
            f"{k}: {v['variant']} l2={v['l2']}{' balanced' if v['balanced'] else ''}" for k, v in result["nested_choice"].items())]
    if "written" in result:
        s = result["dev_fit"]
        out += ["", f"wrote {result['written']} ({WRITE_VARIANT}, l2={WRITE_L2}); fit on all dev rows: accuracy "
                f"{s['accuracy']:.3f} (in-sample)"]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="fit on all dev rows and write the weights")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run(args.write)
    print(json.dumps(result, indent=2) if args.json else render(result), end="")


if __name__ == "__main__":
    main()
