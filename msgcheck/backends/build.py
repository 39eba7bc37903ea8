"""Build the fast model from the shipped weights: export, quantise, verify, cache. Needs the torch extra.

    1. export   the BertModel inside the sentence-transformers model to ONNX (torch.onnx.export,
                TorchScript exporter: ``dynamo=False``), dynamic batch and sequence axes
    2. quantise per the recipe (see ``fast.RECIPES``)
    3. verify   both the fp32 export and the quantised model against sentence-transformers on the
                shipped sentences: mean cosine >= 0.99, min >= 0.97, and a sentence's vector must
                not depend on the batch it is in (min cosine alone vs batched >= 0.99)
    4. cache    in a temporary folder renamed into place, with manifest.json

A build that fails verification is recorded next to the folder (``<key>.failed.json``) and refused.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import shutil
import time
import warnings
from pathlib import Path
from typing import Callable

import numpy as np

from ..embed import BATCH_SIZE, MODEL_NAME, model_path
from ..errors import ModelError
from . import fast

MIN_MEAN_COSINE = fast.MIN_MEAN_COSINE
MIN_COSINE = fast.MIN_COSINE
MIN_BATCH_COSINE = fast.MIN_BATCH_COSINE
EXPORT_MIN_COSINE = 0.9999  # the fp32 export must be the reference up to rounding
INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def build(progress: Callable[[str], None] | None = None, force: bool = False,
          recipe: str = fast.DEFAULT_RECIPE) -> Path:
    """Build the fast model for ``recipe`` unless a verified one is cached; return its folder."""
    if recipe not in fast.RECIPES:
        raise ModelError(f"no fast-model recipe named {recipe!r}", hint=f"choose one of: {', '.join(fast.RECIPES)}")
    folder = fast.model_dir(recipe)
    if not force and (folder / fast.MANIFEST_FILE).exists():
        try:
            fast.OnnxEmbedder(folder)
            return folder
        except fast.CorruptModelError:
            pass  # rebuild below
    if progress:
        progress(fast.PROGRESS_LINE)
    started = time.perf_counter()
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.parent / f".{folder.name}.{os.getpid()}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        reference_model = _load_reference()
        sentences = fast.verify_sentences()
        reference = _reference_vectors(reference_model, sentences)
        fp32 = tmp / "model-fp32.onnx"
        export_onnx(reference_model, fp32)
        export_figures = verify(fp32, sentences, reference, batch_check=False)
        if export_figures["min_cosine"] < EXPORT_MIN_COSINE:
            raise ModelError(f"the ONNX export does not reproduce the torch model "
                             f"(min cosine {export_figures['min_cosine']})", hint="use --backend torch")
        model_file = tmp / fast.MODEL_FILE
        quantize(fp32, model_file, recipe)
        fp32.unlink()
        figures = verify(model_file, sentences, reference)
        passed = (figures["mean_cosine"] >= MIN_MEAN_COSINE and figures["min_cosine"] >= MIN_COSINE
                  and figures["batch_min_cosine"] >= MIN_BATCH_COSINE)
        versions = fast.runtime_versions()
        manifest = {
            "model": MODEL_NAME,
            "recipe": recipe,
            "verified": passed,
            "verification": {**figures, "sentences": len(sentences),
                             "bar": {"mean_cosine": MIN_MEAN_COSINE, "min_cosine": MIN_COSINE,
                                     "batch_min_cosine": MIN_BATCH_COSINE}},
            "export_min_cosine": export_figures["min_cosine"],
            "weights_sha256": fast.weights_sha256(),
            "model_sha256": fast.file_sha256(model_file),
            "model_bytes": model_file.stat().st_size,
            "versions": versions,
            "build_version": fast.BUILD_VERSION,
            "build_seconds": round(time.perf_counter() - started, 1),
            "built": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        }
        if not passed:
            fast._write_atomic(fast.failed_marker(folder), json.dumps(manifest, indent=2))
            raise ModelError(
                f"the fast model ({recipe}) failed verification against the torch reference: mean cosine "
                f"{figures['mean_cosine']} (needs {MIN_MEAN_COSINE}), min {figures['min_cosine']} "
                f"(needs {MIN_COSINE}), batch stability {figures['batch_min_cosine']} (needs {MIN_BATCH_COSINE})",
                hint="use --backend torch")
        (tmp / fast.MANIFEST_FILE).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        _move_into_place(tmp, folder)
        fast.failed_marker(folder).unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return folder


def _load_reference():  # -> sentence_transformers.SentenceTransformer
    """The torch reference, loaded from the shipped folder without network or progress bars."""
    path = model_path()
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    return SentenceTransformer(str(path), device="cpu")


def _reference_vectors(reference_model, sentences: list[str]) -> np.ndarray:
    vectors = reference_model.encode(sentences, batch_size=BATCH_SIZE, normalize_embeddings=True,
                                     convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def export_onnx(reference_model, out: Path) -> None:
    """Export the BertModel inside ``reference_model`` to ``out`` (fp32, last_hidden_state output)."""
    import torch

    bert = reference_model[0].auto_model.eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    sample = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUTS, "last_hidden_state")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(Encoder(), (sample, sample, torch.zeros_like(sample)), str(out), dynamo=False,
                          input_names=list(INPUTS), output_names=["last_hidden_state"],
                          dynamic_axes=axes, opset_version=17)


def quantize(src: Path, dst: Path, recipe: str) -> None:
    """Turn the fp32 export ``src`` into the model ``dst`` per ``recipe``."""
    if recipe == "fp32":
        shutil.copyfile(src, dst)
        return
    import onnx

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantizers log every tensor (and advice) on the root logger
    try:
        _quantize(src, dst, recipe, onnx)
    finally:
        root.setLevel(level)


def _quantize(src: Path, dst: Path, recipe: str, onnx) -> None:  # type: ignore[no-untyped-def]
    logging.getLogger("onnxruntime.quantization").setLevel(logging.WARNING)
    if recipe == "int8-dynamic":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(src), str(dst), per_channel=True, op_types_to_quantize=["MatMul"],
                         weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        return
    if recipe in ("int8-block", "int8-block32"):
        block = 32 if recipe == "int8-block32" else 128
        from onnxruntime.quantization.matmul_nbits_quantizer import (
            DefaultWeightOnlyQuantConfig,
            MatMulNBitsQuantizer,
        )

        logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
        config = DefaultWeightOnlyQuantConfig(block_size=block, is_symmetric=True, accuracy_level=4, bits=8)
        quantizer = MatMulNBitsQuantizer(onnx.load(str(src)), bits=8, block_size=block, is_symmetric=True,
                                         accuracy_level=4, algo_config=config)
        quantizer.process()
        quantizer.model.save_model_to_file(str(dst), use_external_data_format=False)
        return
    raise ModelError(f"no fast-model recipe named {recipe!r}", hint=f"choose one of: {', '.join(fast.RECIPES)}")


def verify(model_file: Path, sentences: list[str], reference: np.ndarray, batch_check: bool = True) -> dict:
    """Cosine figures of ``model_file`` against the reference vectors (and alone vs batched)."""
    session = fast.open_session(model_file)
    tokenizer = fast.load_tokenizer()
    vectors = fast.encode_with(session, tokenizer, sentences)
    cosines = (vectors * reference).sum(axis=1)
    worst = int(np.argmin(cosines))
    figures: dict = {"mean_cosine": round(float(cosines.mean()), 5), "min_cosine": round(float(cosines.min()), 5),
                     "worst_sentence": sentences[worst]}
    if batch_check:
        alone = np.stack([fast.encode_with(session, tokenizer, [s])[0] for s in sentences])
        figures["batch_min_cosine"] = round(float((alone * vectors).sum(axis=1).min()), 5)
    return figures


def _move_into_place(tmp: Path, folder: Path) -> None:
    """Rename the finished build over ``folder`` (replacing an old one); a concurrent build may win."""
    old = folder.parent / f".{folder.name}.{os.getpid()}.old"
    if folder.exists():
        os.rename(folder, old)
    try:
        os.rename(tmp, folder)
    except OSError:
        if not (folder / fast.MANIFEST_FILE).exists():
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
