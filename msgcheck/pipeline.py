"""The pipeline: extract → segment → embed → classify → findings, as plain functions over the model.

``Engine`` holds what is fixed for a run (the platform, its wording vectors, the embedder) and
checks assets; ``check()`` is the one-call entry point for decks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, MutableMapping, Sequence

import numpy as np

from . import segment
from .classify import Classifier, Thresholds, Verdict, expand_wordings, mask_names, name_masker
from .embed import Embedder, VectorCache, encode_tokens, get_embedder, gives_tokens
from .errors import InputError, MsgcheckError, UsageError
from .extractors import EXTRACTORS, extract_file
from .lexical import LexicalChecker
from .models import AssetResult, Finding, Kind, Location, Platform, Report, TextBlock

Item = tuple[str, str, Sequence[TextBlock]]


class Engine:
    """Checks assets against one platform. The model is loaded on first use, once."""

    def __init__(
        self,
        platform: Platform,
        embedder: Embedder | None = None,
        backend: str = "auto",
        claim_vectors: MutableMapping[str, np.ndarray] | None = None,
        thresholds: Thresholds | None = None,
        vector_cache: VectorCache | None = None,
    ) -> None:
        self.platform = platform
        self.backend = backend
        self._embedder = embedder
        self.claim_vectors = claim_vectors if claim_vectors is not None else {}
        # token vectors of the claims embedded in this run (kept in memory only: a claim whose sentence
        # vector comes from a cache is embedded again for them, when the backend gives them)
        self.claim_tokens: dict[str, np.ndarray] = {}
        self.thresholds = thresholds
        self.vector_cache = vector_cache or VectorCache()
        self.lexical = LexicalChecker(platform)
        self._classifier: Classifier | None = None
        self._mask = name_masker(platform)
        self.model_calls = 0  # texts sent to the model (for tests and benchmarks)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.backend)
        return self._embedder

    @property
    def classifier(self) -> Classifier:
        if self._classifier is None:
            wordings = expand_wordings(self.platform)
            vectors, tokens = self.vector_cache.get_or_compute_tokens(self.embedder,
                                                                      [self.embed_text(w.text) for w in wordings])
            self._classifier = Classifier(self.platform, wordings, vectors, self.thresholds, tokens=tokens)
        return self._classifier

    # -- embedding ------------------------------------------------------------------------
    def embed_text(self, text: str) -> str:
        """The form of a sentence that is embedded: the company's own names masked out."""
        return mask_names(text, self._mask)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for ``texts``: from claim_vectors where known, the model for the rest (batched).

        Keys are the embedded form of each text (see ``embed_text``).
        """
        return self._vectors_of([self.embed_text(t) for t in texts])

    def similarities(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray | None]]:
        """Each text's cosine to each of the platform's wordings, and its token alignment with each
        (None for a text without token vectors): what ``Classifier.judge`` weighs."""
        keys = [self.embed_text(t) for t in texts]
        vectors = self._vectors_of(keys)
        return self.classifier.similarities(vectors), self.classifier.alignments([self.claim_tokens.get(k) for k in keys])

    def _vectors_of(self, keys: Sequence[str]) -> np.ndarray:
        """Sentence vectors of texts already in their embedded form (``embed_text``)."""
        self._embed(keys)
        if not keys:
            return np.zeros((0, self.classifier.vectors.shape[1]), dtype=np.float32)
        return np.stack([self.claim_vectors[k] for k in keys])

    def _embed(self, texts: Sequence[str]) -> None:
        """Run the model on the texts not yet embedded (sentence and, where the backend gives them,
        token vectors: a text whose sentence vector is cached is embedded again for its tokens)."""
        with_tokens = gives_tokens(self.embedder) and self.classifier.tokens is not None and self.classifier.t.token_weight > 0
        todo = list(dict.fromkeys(t for t in texts if t not in self.claim_vectors
                                  or with_tokens and t not in self.claim_tokens))
        if not todo:
            return
        self.model_calls += len(todo)
        vectors, tokens = encode_tokens(self.embedder, todo)
        for i, text in enumerate(todo):
            if text not in self.claim_vectors:
                self.claim_vectors[text] = vectors[i]
            if tokens is not None:
                self.claim_tokens[text] = tokens[i]

    # -- checking -------------------------------------------------------------------------
    def judge(self, texts: Sequence[str]) -> list[Finding | None]:
        """The semantic verdict of each text taken alone; None where the text is not a claim — as a
        deck would read it: not when none of its sentences is one ("What happens when the Wi-Fi
        drops? Offline mode in the mobile app" is a question and a title)."""
        claims = segment.claim_texts(texts)
        keep = [t for t in dict.fromkeys(texts) if t in claims]
        verdicts = dict(zip(keep, self._judge_claims(keep)))
        return [verdicts[t].finding(t, Location()) if t in verdicts else None for t in texts]

    def _judge_claims(self, texts: Sequence[str]) -> list[Verdict]:
        """One verdict per text (identical texts are judged once)."""
        unique = list(dict.fromkeys(texts))
        if not unique:
            return []
        classifier = self.classifier
        cosines, alignments = self.similarities(unique)
        by_text = {t: classifier.judge(t, cosines[i], alignments[i]) for i, t in enumerate(unique)}
        return [by_text[t] for t in texts]

    def check_blocks(self, source: str, type: str, blocks: Sequence[TextBlock]) -> AssetResult:
        return self.check_many([(source, type, blocks)])[0]

    def check_many(self, items: Sequence[Item]) -> list[AssetResult]:
        """Check several assets, with one batched model call for all their claims."""
        per_asset: list[list[tuple[str, TextBlock, bool]]] = []
        all_claims: list[str] = []
        for _, _, blocks in items:
            sents = [(s, b, segment.claim_reason(s, b.role) is None) for s, b in segment.sentences(blocks)]
            per_asset.append(sents)
            all_claims.extend(s for s, _, is_claim in sents if is_claim)
        verdicts = dict(zip(all_claims, self._judge_claims(all_claims))) if all_claims else {}

        results: list[AssetResult] = []
        for (source, type_, _), sents in zip(items, per_asset):
            findings: list[Finding] = []
            aligned_ids: set[str] = set()
            for s, block, is_claim in sents:  # in reading order: lexical findings, then the verdict
                findings.extend(self.lexical.check(TextBlock(s, block.location, block.role)))
                if is_claim:
                    v = verdicts[s]
                    findings.append(v.finding(s, block.location))
                    if v.kind is Kind.ALIGNED and v.wording:
                        aligned_ids.add(v.wording.message_id)
            findings.sort(key=lambda f: f.location.sort_key())  # stable: slides in order, notes last
            missing = tuple(m for m in self.platform.required_ids if m not in aligned_ids)
            claims = sum(1 for *_, is_claim in sents if is_claim)
            results.append(AssetResult(source, type_, None, tuple(findings), missing, claims))
        return results

    def report(self, results: Iterable[AssetResult], extra: dict | None = None) -> Report:
        out_extra = {"messages": [
            {"id": m.id, "kind": m.kind.value, "statement": m.statement, "required": m.required}
            for m in self.platform.messages
        ]}
        out_extra.update(extra or {})
        return Report(self.platform.name, self.platform.version, tuple(results), out_extra)


# -- decks ----------------------------------------------------------------------------------

def find_decks(paths: Sequence[str | Path]) -> list[Path]:
    """Expand folders into the decks they hold (sorted); files are kept as given."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(sorted(q for q in p.rglob("*") if q.suffix.lower() in EXTRACTORS and q.is_file()
                                and not q.name.startswith("~$")))
        else:
            found.append(p)
    return found


def read_deck(path: Path) -> list[TextBlock]:
    """Extract a deck's text, turning any failure into a one-line InputError."""
    if not path.exists():
        raise InputError("no such file")
    if path.is_dir():
        raise InputError("is a folder")
    try:
        return extract_file(path)
    except InputError:
        raise
    except MsgcheckError as exc:
        raise InputError(exc.one_line()) from None
    except Exception as exc:  # a reader bug must cost one input, not the run
        raise InputError(f"could not be read ({type(exc).__name__}: {exc})".splitlines()[0]) from None


def check(paths: Sequence[str | Path], platform: Platform, *, engine: Engine | None = None,
          backend: str = "auto") -> Report:
    """Check decks (files or folders of .pptx) against ``platform``."""
    engine = engine or Engine(platform, backend=backend)
    decks = find_decks(paths)
    if not decks:
        raise UsageError("no decks to check", hint="give .pptx files or folders that contain them")
    items: list[Item] = []
    failed: dict[int, str] = {}
    for i, deck in enumerate(decks):
        try:
            items.append((str(deck), "pptx", read_deck(deck)))
        except InputError as exc:
            failed[i] = exc.one_line()
            items.append((str(deck), "pptx", []))
    results = engine.check_many([it for i, it in enumerate(items) if i not in failed])
    merged: list[AssetResult] = []
    it = iter(results)
    for i, (source, type_, _) in enumerate(items):
        merged.append(AssetResult(source, type_, error=failed[i]) if i in failed else next(it))
    return engine.report(merged)
