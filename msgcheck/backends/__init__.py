"""Embedding backends beyond the torch reference.

``fast``   the onnxruntime backend: runs a model built once from the shipped weights. It imports
           only numpy, tokenizers and onnxruntime (never torch, transformers or scikit-learn).
``build``  builds that model: ONNX export from torch, quantisation, verification against the
           sentence-transformers reference. Needs the ``torch`` extra; imported only to build.

Nothing is imported here, so ``import msgcheck.backends.fast`` stays light.
"""
