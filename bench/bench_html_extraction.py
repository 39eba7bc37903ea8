"""Measure msgcheck's HTML text extraction against human (and LLM) gold sets, beside trafilatura.

    /work/venv/bin/python bench/bench_html_extraction.py [--sets aeb,trafilatura,wcxb] [--limit N]

The gold sets live in ``../shared/corpora/html`` (beside the checkout; override with --corpora).
Each set is scored with its own published protocol, re-implemented here:

- ``scrapinghub-aeb`` (181 article pages, human gold ``articleBody``): the article-extraction-
  benchmark score. Texts are split into \\w+ tokens and 4-token shingles; per page, true/false
  positives and false negatives are counted over the shingle multisets and normalised to sum 1;
  precision and recall are the means over pages, F1 is computed from those two means.
- ``trafilatura-eval`` (221 pages, human ``with``/``without`` snippets): trafilatura's score. A
  ``with`` snippet found in the output is a true positive, else a false negative; a ``without``
  snippet found is a false positive. Counts are summed over all pages (micro average).
- ``wcxb-service-product`` (211 SaaS/B2B service pages + 40 shop pages, LLM gold): WCXB's score,
  bag-of-words over lower-cased \\w+ tokens against ``main_content``; P, R and F1 per page, then
  averaged over pages. Its ``with``/``without`` snippet rates are reported too.

Both extractors get the same raw bytes; pages/second counts only the extraction call (decode,
parse, extract), not reading or gunzipping the file. msgcheck's output is its blocks joined by
newlines; trafilatura's is ``trafilatura.extract(html, include_tables=True, include_comments=False)``.

Note what is compared: the gold sets mark an article's or page's *main content*; msgcheck keeps
all readable text outside site chrome (related links, teasers, captions), on purpose, because a
drifted claim in a sidebar teaser is still on the website. Lower precision on article sets is the
expected price; recall is what matters most for a checker.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from msgcheck.extractors.web import extract_html  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora" / "html"
SETS = ("aeb", "trafilatura", "wcxb")

_TOKEN = re.compile(r"\w+")
_WS = re.compile(r"\s+")


@dataclass
class Page:
    """One gold page: an id, the raw bytes, the page URL and the gold (text and/or snippets)."""

    id: str
    html: bytes
    url: str
    text: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    kind: str = ""


# --- loading the gold sets ---------------------------------------------------------------------


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def load_aeb(root: Path) -> Iterator[Page]:
    folder = root / "scrapinghub-aeb"
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        path = folder / "html" / f"{key}.html.gz"
        if path.exists():
            yield Page(key, _read(path), gold[key].get("url") or "https://example.com/", text=gold[key].get("articleBody") or "")


def load_trafilatura(root: Path) -> Iterator[Page]:
    folder = root / "trafilatura-eval"
    gold = json.loads((folder / "gold-subset.json").read_text(encoding="utf-8"))
    for url in sorted(gold):
        record = gold[url]
        path = folder / record["file"]
        if path.exists():
            yield Page(path.name, _read(path), url, with_=list(record.get("with") or []), without=list(record.get("without") or []))


def load_wcxb(root: Path, split: str = "all") -> Iterator[Page]:
    folder = root / "wcxb-service-product"
    meta = json.loads((folder / "metadata-subset.json").read_text(encoding="utf-8"))["files"]
    for key in sorted(meta):
        if split != "all" and meta[key]["split"] != split:
            continue
        path = folder / "html" / f"{key}.html.gz"
        gold_path = folder / "ground-truth" / f"{key}.json"
        if not (path.exists() and gold_path.exists()):
            continue
        record = json.loads(gold_path.read_text(encoding="utf-8"))
        truth = record.get("ground_truth") or {}
        yield Page(
            key, _read(path), record.get("url") or "https://example.com/", text=truth.get("main_content") or "",
            with_=list(truth.get("with") or []), without=list(truth.get("without") or []), kind=meta[key]["page_type"],
        )


# --- the protocols -----------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingle_counts(gold: str, predicted: str, n: int = 4) -> tuple[float, float, float]:
    """Scrapinghub AEB: (tp, fp, fn) over 4-token shingles, normalised to sum 1 for the page."""

    def shingles(text: str) -> Counter[tuple[str, ...]]:
        tokens = _tokens(text)
        return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])

    true, pred = shingles(gold), shingles(predicted)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision and mean recall over pages (AEB's edge cases), F1 of the two means."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))

    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def word_prf(gold: str, predicted: str) -> tuple[float, float, float]:
    """WCXB: bag-of-words precision, recall, F1 over lower-cased \\w+ tokens for one page."""
    ref, pred = Counter(_tokens(gold.lower())), Counter(_tokens(predicted.lower()))
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((ref & pred).values())
    p, r = overlap / sum(pred.values()), overlap / sum(ref.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def snippet_counts(page: Page, predicted: str, lower: bool = False) -> tuple[int, int, int, int]:
    """trafilatura's eval: (tp, fn, fp, tn) for the page's with/without snippets."""
    out = _norm(predicted)
    if lower:
        out = out.lower()

    def found(snippet: str) -> bool:
        s = _norm(snippet)
        return (s.lower() if lower else s) in out

    tp = sum(1 for s in page.with_ if found(s))
    fp = sum(1 for s in page.without if found(s))
    return tp, len(page.with_) - tp, fp, len(page.without) - fp


# --- the extractors ----------------------------------------------------------------------------


def msgcheck_text(page: Page) -> str:
    return extract_html(page.html, page.url).text


def trafilatura_text(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url, include_tables=True, include_comments=False) or ""


EXTRACTORS: dict[str, Callable[[Page], str]] = {"msgcheck": msgcheck_text, "trafilatura": trafilatura_text}


@dataclass
class Run:
    outputs: dict[str, str]
    seconds: float


def run(extractor: Callable[[Page], str], pages: list[Page]) -> Run:
    outputs: dict[str, str] = {}
    spent = 0.0
    for page in pages:
        start = time.perf_counter()
        outputs[page.id] = extractor(page)
        spent += time.perf_counter() - start
    return Run(outputs, spent)


def score(set_name: str, pages: list[Page], outputs: dict[str, str]) -> dict[str, float]:
    """The set's own protocol (precision, recall, f1), plus extra columns where the set has them."""
    if set_name == "aeb":
        result = shingle_score([shingle_counts(p.text or "", outputs[p.id]) for p in pages])
        words = [word_prf(p.text or "", outputs[p.id]) for p in pages]
        result["word_f1"] = sum(w[2] for w in words) / len(words)
        return result
    if set_name == "trafilatura":
        tp = fn = fp = tn = 0
        for p in pages:
            a, b, c, d = snippet_counts(p, outputs[p.id])
            tp, fn, fp, tn = tp + a, fn + b, fp + c, tn + d
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": (tp + tn) / max(1, tp + fn + fp + tn)}
    words = [word_prf(p.text or "", outputs[p.id]) for p in pages]
    n = len(words)
    with_rates = [snippet_counts(p, outputs[p.id], lower=True) for p in pages]
    return {
        "precision": sum(w[0] for w in words) / n,
        "recall": sum(w[1] for w in words) / n,
        "f1": sum(w[2] for w in words) / n,
        "with": sum(c[0] / (c[0] + c[1]) if c[0] + c[1] else 1.0 for c in with_rates) / n,
        "without": sum(c[2] / (c[2] + c[3]) if c[2] + c[3] else 0.0 for c in with_rates) / n,
    }


PROTOCOL = {
    "aeb": "AEB 4-gram shingles, page-normalised, macro",
    "trafilatura": "with/without snippets, micro",
    "wcxb": "WCXB bag-of-words, macro",
}
SET_NAMES = {"aeb": "scrapinghub-aeb", "trafilatura": "trafilatura-eval", "wcxb": "wcxb-service-product"}


def load(set_name: str, corpora: Path, split: str) -> list[Page]:
    if set_name == "aeb":
        return list(load_aeb(corpora))
    if set_name == "trafilatura":
        return list(load_trafilatura(corpora))
    return list(load_wcxb(corpora, split))


def worst_pages(set_name: str, pages: list[Page], outputs: dict[str, str], count: int) -> list[str]:
    """The pages with the lowest F1 under the set's protocol, for error analysis."""
    rows = []
    for p in pages:
        if set_name == "trafilatura":
            tp, fn, fp, _ = snippet_counts(p, outputs[p.id])
            rows.append((-(fn + fp), f"{p.id} missed={fn} leaked={fp} {p.url}"))
        else:
            prec, rec, f1 = word_prf(p.text or "", outputs[p.id])
            rows.append((f1, f"{p.id} P={prec:.2f} R={rec:.2f} F1={f1:.2f} {p.url}"))
    return [line for _, line in sorted(rows)[:count]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="the corpora/html folder")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: aeb, trafilatura, wcxb")
    parser.add_argument("--split", default="all", choices=["all", "dev", "test"], help="WCXB split")
    parser.add_argument("--limit", type=int, default=0, help="pages per set (0 = all)")
    parser.add_argument("--extractors", default="msgcheck,trafilatura")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages per set for msgcheck")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"no corpora at {args.corpora} (use --corpora)", file=sys.stderr)
        return 2

    lines = [
        "| set | pages | protocol | extractor | precision | recall | F1 | extra | pages/s |",
        "| --- | ---: | --- | --- | ---: | ---: | ---: | --- | ---: |",
    ]
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for set_name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        pages = load(set_name, args.corpora, args.split)
        if args.limit:
            pages = pages[: args.limit]
        label = SET_NAMES[set_name] + (f" ({args.split})" if set_name == "wcxb" and args.split != "all" else "")
        for name in [e.strip() for e in args.extractors.split(",") if e.strip()]:
            result = run(EXTRACTORS[name], pages)
            metrics = score(set_name, pages, result.outputs)
            metrics["pages_per_second"] = len(pages) / result.seconds if result.seconds else 0.0
            figures.setdefault(label, {})[name] = metrics
            extra = ", ".join(
                f"{k} {metrics[k]:.3f}" for k in ("word_f1", "accuracy", "with", "without") if k in metrics
            )
            lines.append(
                f"| {label} | {len(pages)} | {PROTOCOL[set_name]} | {name} | {metrics['precision']:.3f} | "
                f"{metrics['recall']:.3f} | {metrics['f1']:.3f} | {extra} | {metrics['pages_per_second']:.1f} |"
            )
            if args.worst and name == "msgcheck":
                print(f"worst {label} pages for msgcheck:", file=sys.stderr)
                for line in worst_pages(set_name, pages, result.outputs, args.worst):
                    print("  " + line, file=sys.stderr)
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
