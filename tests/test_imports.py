"""With the fast backend, a process never imports torch, transformers or scikit-learn.

Checked in a fresh interpreter with ``python -X importtime``: no submodule of those packages may
appear, and at exit none of them may be a real module in ``sys.modules`` (spaCy's thinc *tries*
``import torch``; msgcheck.segment blocks it with ``sys.modules["torch"] = None``, which importtime
lists as a bare ``torch`` line of a few microseconds).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from msgcheck.backends import fast

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformers", "sklearn")
REPORT_HEAVY = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: print('HEAVY=' + json.dumps(sorted(m for m in %r if sys.modules.get(m) is not None)),"
    " file=sys.stderr))\n" % (HEAVY,)
)


def run_python(code: str, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MSGCHECK_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    env.pop(fast.RECIPE_ENV, None)
    env.pop("MSGCHECK_BACKEND", None)
    return subprocess.run([sys.executable, "-X", "importtime", "-c", REPORT_HEAVY + code, *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def heavy_imports(stderr: str) -> tuple[list[str], list[str]]:
    """(modules of HEAVY packages that importtime shows being loaded, HEAVY modules alive at exit)."""
    loaded = []
    for line in stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", line)
        if m and m.group(1).split(".")[0] in HEAVY and m.group(1) != "torch":  # bare torch: the blocked try
            loaded.append(m.group(1))
    alive = re.search(r"^HEAVY=(.*)$", stderr, re.M)
    assert alive, stderr[-2000:]
    return loaded, json.loads(alive.group(1))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["onnx", "openvino"])
def test_encoding_with_the_fast_backend_imports_no_torch(fast_cache: Path, backend: str) -> None:
    if backend == "openvino":
        pytest.importorskip("openvino")
    code = ("from msgcheck.embed import get_embedder\n"
            f"e = get_embedder({backend!r})\n"
            "v = e.encode(['hi'])\n"
            "assert v.shape == (1, 384), v.shape\n")
    proc = run_python(code, fast_cache)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "tokenizers" in proc.stderr  # importtime did record the imports
    assert heavy_imports(proc.stderr) == ([], [])


@pytest.mark.slow
def test_checking_a_deck_with_the_fast_backend_imports_no_torch(fast_cache: Path, tmp_path: Path) -> None:
    deck = sorted((ROOT / "samples" / "decks").glob("*.pptx"))[0]
    out = tmp_path / "report.json"
    code = ("import sys\n"
            "from msgcheck.cli import main\n"
            "main(sys.argv[1:], prog_name='msgcheck')\n")
    proc = run_python(code, fast_cache, "check", str(deck), "--platform", str(ROOT / "platform" / "messaging.yaml"),
                      "--backend", "onnx", "--format", "json", "--output", str(out), "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "spacy" in proc.stderr and "onnxruntime" in proc.stderr
    assert heavy_imports(proc.stderr) == ([], [])
    report = json.loads(out.read_text())
    assert report["assets"][0]["error"] is None and report["summary"]["claims"] > 0


@pytest.mark.slow
def test_the_import_check_would_see_torch(fast_cache: Path) -> None:
    """The check above can fail: the torch backend shows up in both signals."""
    proc = run_python("from msgcheck.embed import get_embedder\nget_embedder('torch').encode(['hi'])\n", fast_cache)
    assert proc.returncode == 0, proc.stderr[-2000:]
    loaded, alive = heavy_imports(proc.stderr)
    assert "torch.nn" in loaded and "transformers" in alive and "torch" in alive
