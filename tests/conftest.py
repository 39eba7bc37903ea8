"""Shared fixtures: a small fake embedder for fast unit tests, the real engine for end-to-end ones."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Sequence

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
PLATFORM = ROOT / "platform" / "messaging.yaml"
SAMPLE_DECKS = ROOT / "samples" / "decks"
CORPORA = ROOT.parent / "shared" / "corpora"


class FakeEmbedder:
    """Bag-of-words vectors hashed into 384 dimensions: similar words, similar vectors. For unit tests only."""

    fingerprint = "fake:bow"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z0-9]+", t.lower()):
                h = int(hashlib.md5(w.encode()).hexdigest(), 16)
                out[i, h % 384] += 1.0
            n = np.linalg.norm(out[i])
            if n:
                out[i] /= n
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def platform():
    from msgcheck.platform import load_platform

    return load_platform(PLATFORM)


@pytest.fixture(scope="session")
def real_embedder():
    """The real all-MiniLM-L6-v2, loaded once per test session (default backend)."""
    from msgcheck.embed import get_embedder

    return get_embedder("auto")


@pytest.fixture(scope="session")
def real_engine(platform, real_embedder):
    from msgcheck.pipeline import Engine

    return Engine(platform, embedder=real_embedder)


@pytest.fixture(scope="session")
def fast_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder with the fast model built once for the whole test session."""
    from msgcheck.backends import fast

    folder = tmp_path_factory.getbasetemp() / "fast-model-cache"
    mp = pytest.MonkeyPatch()
    mp.setenv("MSGCHECK_CACHE_DIR", str(folder))
    mp.delenv(fast.RECIPE_ENV, raising=False)
    try:
        fast.build_fast_model()
    finally:
        mp.undo()
    return folder
