"""The fast backend: building, verifying, caching and loading the onnxruntime model."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from msgcheck.backends import fast
from msgcheck.errors import ModelError

ROOT = Path(__file__).resolve().parents[1]
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"

# Sentences that are not in msgcheck/data/verify_sentences.txt.
UNSEEN = [
    "Our checkout analytics update every ten seconds across all stores.",
    "Regional managers compare stores side by side without exporting data.",
    "Nobody needs to write a single formula to see yesterday's margin.",
    "Lumen Pulse cut inventory write-offs by 14% at a 90-store grocer.",
    "The connector for Lightspeed is not available in Australia.",
    "We will never lock your data into a proprietary format.",
    "Half of our customers go live within two days.",
    "Accuracy dropped to 70% when the stores were closed for renovation.",
    "Pricing is $1,200 per store per year, billed annually.",
    "Unlike legacy BI, there are no cubes to rebuild overnight.",
    "It doesn't matter whether you run 5 stores or 5,000.",
    "Thanks for listening!",
    "Appendix",
    "Our roadmap includes supplier scorecards in Q2 2027.",
    "Staff turnover fell from 60% to 41% after managers got their own dashboards.",
    "Is your team still waiting on Monday's report?",
    "Forecasts cover 13 weeks ahead at store and SKU level.",
    "The platform isn't certified for PCI DSS.",
    "Ventas en vivo para cada tienda.",
    "E-mail: hello@lumen.example · Tel. +44 20 7946 0000",
]


def _unseen_sentences() -> list[str]:
    """The inline sentences, plus 200 STS-benchmark sentences when the shared corpora are present."""
    out = list(UNSEEN)
    sts = CORPORA / "sts" / "stsbenchmark" / "sts-dev.csv"
    if sts.exists():
        with sts.open(encoding="utf-8") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        out += [r[5] for r in rows[:200] if len(r) > 6]
    return out


@pytest.fixture
def use_cache(fast_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(fast_cache))
    monkeypatch.delenv(fast.RECIPE_ENV, raising=False)
    return fast_cache


@pytest.fixture(scope="session")
def torch_embedder():
    from msgcheck.embed import TorchEmbedder

    return TorchEmbedder()


# --- cache key and lookup (no model needed) ----------------------------------------------------

def test_cache_key_changes_with_versions_recipe_and_weights() -> None:
    versions = {"onnxruntime": "1.32.0", "onnx": "1.23.2", "torch": "2.13.0"}
    key = fast.cache_key("a" * 64, versions, "fp32", sentences_sha="s")
    assert key == fast.cache_key("a" * 64, dict(reversed(list(versions.items()))), "fp32", sentences_sha="s")
    assert key.startswith("minilm-l6-fp32-")
    others = {
        fast.cache_key("a" * 64, {**versions, "onnxruntime": "1.33.0"}, "fp32", sentences_sha="s"),
        fast.cache_key("a" * 64, {**versions, "onnx": "1.24.0"}, "fp32", sentences_sha="s"),
        fast.cache_key("a" * 64, {**versions, "torch": "2.14.0"}, "fp32", sentences_sha="s"),
        fast.cache_key("b" * 64, versions, "fp32", sentences_sha="s"),
        fast.cache_key("a" * 64, versions, "int8-block", sentences_sha="s"),
        fast.cache_key("a" * 64, versions, "fp32", sentences_sha="t"),
    }
    assert key not in others and len(others) == 6


def test_weights_hash_is_remembered_by_size_and_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "model"
    folder.mkdir()
    weights = folder / "model.safetensors"
    weights.write_bytes(b"one")
    first = fast.weights_sha256(folder)
    assert first == fast.file_sha256(weights)
    memo = json.loads((tmp_path / "cache" / "models" / "weights-sha256.json").read_text())
    assert memo[str(weights)]["sha256"] == first
    weights.write_bytes(b"two, longer")
    assert fast.weights_sha256(folder) == fast.file_sha256(weights) != first


def test_missing_model_without_torch_says_how_to_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # not the user's real cache either
    monkeypatch.setattr(fast, "can_build", lambda: False)
    with pytest.raises(ModelError) as err:
        fast.load_fast_model()
    assert "not been built" in str(err.value)
    assert "msgcheck model build" in (err.value.hint or "")


def test_failed_build_is_recorded_and_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    marker = fast.failed_marker(fast.model_dir("int8-dynamic"))
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps({"verification": {"mean_cosine": 0.992, "min_cosine": 0.952}}))
    with pytest.raises(ModelError) as err:
        fast.load_fast_model(recipe="int8-dynamic")
    assert "failed verification" in str(err.value) and "0.952" in str(err.value)
    assert "--force" in (err.value.hint or "")


def test_unknown_recipe_and_backend_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from msgcheck.embed import get_embedder

    monkeypatch.setenv(fast.RECIPE_ENV, "int4")
    with pytest.raises(ModelError, match="not a fast-model recipe"):
        fast.default_recipe()
    monkeypatch.setenv("MSGCHECK_BACKEND", "tensorflow")
    with pytest.raises(ModelError, match="no backend named 'tensorflow'"):
        get_embedder("auto")


# --- a real build (slow) -------------------------------------------------------------------

@pytest.mark.slow
def test_build_meets_the_bar_and_writes_a_manifest(use_cache: Path) -> None:
    folder = fast.model_dir()
    manifest = fast.read_manifest(folder)
    figures = manifest["verification"]
    assert manifest["verified"] is True and manifest["recipe"] == fast.default_recipe()
    assert figures["sentences"] == len(fast.verify_sentences()) >= 200
    assert figures["mean_cosine"] >= 0.99 and figures["min_cosine"] >= 0.97
    assert figures["batch_min_cosine"] >= 0.99
    assert manifest["model_sha256"] == fast.file_sha256(folder / fast.MODEL_FILE)
    assert manifest["weights_sha256"] == fast.weights_sha256()
    assert manifest["versions"] == fast.runtime_versions()
    assert not list(folder.parent.glob(".*.tmp"))  # the temporary build folder is gone


@pytest.mark.slow
def test_vectors_match_torch_on_unseen_sentences(use_cache: Path, torch_embedder) -> None:
    from msgcheck.embed import get_embedder

    sentences = _unseen_sentences()
    assert not set(sentences) & set(fast.verify_sentences())
    onnx = get_embedder("onnx")
    assert onnx.fingerprint.startswith("onnx:") and onnx.fingerprint != torch_embedder.fingerprint
    got = onnx.encode(sentences)
    want = torch_embedder.encode(sentences)
    assert got.shape == (len(sentences), 384) and got.dtype == np.float32
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cosines = (got * want).sum(axis=1)
    assert cosines.min() >= 0.97, sentences[int(cosines.argmin())]
    # order is kept although batches are sorted by length; one sentence alone gives the same vector
    assert np.allclose(onnx.encode([sentences[3]])[0], got[3], atol=1e-3)
    assert onnx.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_corrupted_model_is_refused_or_rebuilt(use_cache: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(use_cache, cache)
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    folder = fast.model_dir()
    model_file = folder / fast.MODEL_FILE
    good = model_file.read_bytes()
    with model_file.open("r+b") as fh:  # flip bytes in the middle of the weights
        fh.seek(len(good) // 2)
        fh.write(bytes(b ^ 0xFF for b in good[len(good) // 2:len(good) // 2 + 64]))
    with pytest.raises(fast.CorruptModelError) as err:
        fast.OnnxEmbedder(folder)
    assert "damaged" in str(err.value) and "--force" in (err.value.hint or "")

    monkeypatch.setattr(fast, "can_build", lambda: False)  # no torch here: refuse, with the fix
    with pytest.raises(fast.CorruptModelError):
        fast.load_fast_model()

    rebuilt: list[bool] = []

    def rebuild(progress=None, force=False, recipe=None):  # the real build is tested above
        rebuilt.append(force)
        model_file.write_bytes(good)
        return folder

    monkeypatch.setattr(fast, "can_build", lambda: True)
    monkeypatch.setattr(fast, "build_fast_model", rebuild)
    embedder = fast.load_fast_model()
    assert rebuilt == [True] and embedder.encode(["hello"]).shape == (1, 384)


@pytest.mark.slow
def test_model_cli_info_and_build(use_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from msgcheck.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["model", "build"])  # cached: no rebuild
    assert result.exit_code == 0, result.output
    assert str(fast.model_dir()) in result.output and "mean cosine" in result.output
    result = runner.invoke(main, ["model", "info", "--json"])
    assert result.exit_code == 0
    info = json.loads(result.output)
    assert info["path"] == str(fast.model_dir()) and info["verified"] is True

    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    result = runner.invoke(main, ["model", "info"])
    assert result.exit_code == 1 and "not built" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["onnx", "openvino"])
def test_evaluation_set_gives_the_same_verdicts_with_both_backends(use_cache: Path, torch_embedder,
                                                                   backend: str) -> None:
    from msgcheck import evaluate
    from msgcheck.embed import get_embedder

    if backend == "openvino":
        pytest.importorskip("openvino")
    cases = evaluate.load_dataset(ROOT / "samples" / "eval" / "claims.jsonl")
    reference = evaluate.evaluate(cases, embedder=torch_embedder)
    embedder = get_embedder(backend)
    fast_run = evaluate.evaluate(cases, embedder=embedder)
    differ = [(a.case.id, a.kind, a.message_id, b.kind, b.message_id)
              for a, b in zip(reference.outcomes, fast_run.outcomes)
              if (a.kind, a.message_id) != (b.kind, b.message_id)]
    assert len(cases) > 300
    if backend == "openvino" and getattr(embedder, "precision", "f32") not in ("f32", "fp32"):
        # bf16 inference: the token vectors the verdicts weigh move a little more than the sentence
        # vectors, and a claim on a threshold's edge can flip (docs/fast-backend.md): at most 1 in 500
        assert len(differ) <= len(cases) // 500, differ
    else:
        assert differ == []


@pytest.mark.slow
def test_openvino_backend_is_checked_and_matches_torch(use_cache: Path, torch_embedder) -> None:
    pytest.importorskip("openvino")
    from msgcheck.embed import get_embedder

    embedder = get_embedder("openvino")
    assert embedder.fingerprint.startswith("openvino:") and embedder.fingerprint.endswith(embedder.precision)
    assert embedder.figures["mean_cosine"] >= 0.99 and embedder.figures["min_cosine"] >= 0.97
    assert list(embedder.folder.glob("openvino-*.json"))  # the check is recorded, not redone every run
    sentences = _unseen_sentences()
    cosines = (embedder.encode(sentences) * torch_embedder.encode(sentences)).sum(axis=1)
    assert cosines.min() >= 0.97, sentences[int(cosines.argmin())]


@pytest.mark.slow
def test_tokens_match_sentence_transformers(torch_embedder) -> None:
    texts = ["  Hello world  ", "", "word " * 400, "Café naïve 10× faster — 24/7 ✓", "\tTabs\nnewline", "99.9%"]
    features = torch_embedder._model.preprocess(texts)
    tokenizer = fast.load_tokenizer()
    for i, encoding in enumerate(tokenizer.encode_batch(texts)):
        n = int(features["attention_mask"][i].sum())
        assert encoding.ids == features["input_ids"][i][:n].tolist(), texts[i][:30]
    assert len(tokenizer.encode("word " * 400).ids) == torch_embedder._model.max_seq_length == 256


@pytest.mark.slow
def test_token_vectors_match_torch_and_come_with_the_same_sentence_vectors(use_cache: Path, torch_embedder) -> None:
    from msgcheck.embed import get_embedder

    sentences = _unseen_sentences()[:12]
    onnx = get_embedder("onnx")
    vecs, tokens = onnx.encode_tokens(sentences)
    assert np.allclose(vecs, onnx.encode(sentences), atol=1e-5)
    ref_vecs, ref_tokens = torch_embedder.encode_tokens(sentences)
    assert np.allclose(ref_vecs, torch_embedder.encode(sentences), atol=1e-4)
    tok = fast.load_tokenizer()
    for s, t, r in zip(sentences, tokens, ref_tokens):
        assert t.shape == r.shape == (len(tok.encode(s).ids) - 2, 384)  # [CLS] and [SEP] left out
        assert np.allclose(np.linalg.norm(t, axis=1), 1.0, atol=1e-4)
        assert (t * r).sum(axis=1).min() >= 0.97
