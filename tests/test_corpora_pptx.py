"""Every file in the real-world PPTX corpus either extracts or is refused with a one-line reason.

The corpus (``../shared/corpora/pptx`` beside the checkout) holds 400 real and deliberately odd
presentations plus their documentation and gold text: legacy .ppt, encrypted and ISO Strict
packages, truncated zips, zip bombs, templates, slide shows. The test runs ``extract`` on every
file, whatever its extension, with a time budget per file, and measures recall of the gold text
that docling and Apache POI publish for a few decks. Skipped when the corpus is absent.
"""

from __future__ import annotations

import collections
import re
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from msgcheck.errors import InputError
from msgcheck.extractors.pptx import extract

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "pptx"
PER_FILE_SECONDS = 10
TOTAL_SECONDS = 60

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus ../shared/corpora/pptx is absent")

_WORD = re.compile(r"[^\W_]+")


class _Timeout(Exception):
    pass


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise _Timeout in the main thread if the block runs longer than ``seconds``."""

    def _alarm(signum: int, frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


Outcomes = tuple[dict[str, str], list[str], float]


def _outcomes() -> Outcomes:
    """Run extract on every file: (file -> refusal message, files that extracted, seconds)."""
    refused: dict[str, str] = {}
    read: list[str] = []
    problems: list[str] = []
    start = time.perf_counter()
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        name = str(path.relative_to(CORPUS))
        try:
            with _budget(PER_FILE_SECONDS):
                blocks = extract(path)
        except _Timeout:
            problems.append(f"{name}: took more than {PER_FILE_SECONDS} s")
        except InputError as err:
            line = err.one_line()
            if "\n" in line or not err.message.strip() or not err.hint:
                problems.append(f"{name}: message is not one line with a hint: {line!r}")
            refused[name] = err.message
        except Exception as exc:  # noqa: BLE001 - what the test is looking for
            problems.append(f"{name}: {type(exc).__name__}: {exc}")
        else:
            read.append(name)
            for block in blocks:
                if not block.text or block.text != block.text.strip() or "\n" in block.text or "\v" in block.text:
                    problems.append(f"{name}: block text not one clean line: {block.text!r}")
                    break
                if not (block.location.slide and block.location.slide >= 1 and block.location.shape is not None):
                    problems.append(f"{name}: block without slide/shape: {block.location}")
                    break
    assert not problems, "\n".join(problems)
    return refused, read, time.perf_counter() - start


@pytest.fixture(scope="module")
def outcomes() -> Outcomes:
    return _outcomes()


def test_every_file_extracts_or_is_refused_with_one_line(outcomes: Outcomes) -> None:
    refused, read, seconds = outcomes
    total = len(read) + len(refused)
    assert total == sum(1 for p in CORPUS.rglob("*") if p.is_file())
    by_reason = collections.Counter(re.split(r" \(|:", message)[0] for message in refused.values())
    summary = ", ".join(f"{reason}: {n}" for reason, n in by_reason.most_common())
    print(f"\n{total} files in {seconds:.1f} s: {len(read)} read; refused: {summary}")
    assert seconds < TOTAL_SECONDS


def test_hostile_files_get_the_right_reason(outcomes: Outcomes) -> None:
    reason_of, read, _ = outcomes
    expected = {
        "odd-containers/large_size_archive.docx": "refused:",
        "odd-containers/oversized_archive.docx": "likely a zip bomb",
        "odd-containers/many_entries_archive.docx": "entries",
        "apache-poi/Divino_Revelado.pptx": "corrupt or truncated zip",
        "apache-tika/testPPT_protected_passtika.pptx": "encrypted (password-protected) presentation",
        "open-xml-sdk/encrypted_pptx.pptx": "encrypted (password-protected) presentation",
        "derived-renamed/SampleShow.ppt.renamed.pptx": "legacy PowerPoint 97-2003 .ppt file",
        "apache-poi-legacy-ppt/table_test.ppt": "legacy PowerPoint 97-2003 .ppt file",
        "derived-renamed/test.odp.renamed.pptx": "OpenDocument presentation",
        "apache-poi/testPPT.thmx": "an Office theme",
        "README.md": "not a PowerPoint presentation",
    }
    for name, fragment in expected.items():
        assert fragment in reason_of.get(name, ""), f"{name}: {reason_of.get(name, 'extracted')}"
    # Slide shows, templates, macro decks and ISO Strict packages are read, not refused.
    for name in ("apache-poi/stress022.pptx", "apache-poi/testPPT.ppsx", "apache-tika/testPPT.potm",
                 "open-xml-sdk/iso-strict/Photo Album3.pptx", "apache-poi/testPPT.pptm"):
        assert name in read, f"{name}: {reason_of.get(name)}"


def test_iso_strict_deck_text_is_read() -> None:
    blocks = extract(CORPUS / "open-xml-sdk" / "iso-strict" / "Photo Album3.pptx")
    assert [(b.text, b.role, b.location.slide) for b in blocks[:2]] == [
        ("Photo Album", "title", 1), ("by Hiral Patel", "body", 1)]


# -- recall against gold text ---------------------------------------------------------------

# What the gold files contain that msgcheck deliberately does not read, per deck.
_NOT_READ = {
    "powerpoint_comments.pptx": re.compile(r"^\[author:.*$", re.M),  # reviewer comments
    "pptx_chart.pptx": re.compile(r"^(\|.*|Bar chart|Other chart)$", re.M),  # chart data, not the title
}


def _words(text: str) -> collections.Counter[str]:
    return collections.Counter(w.lower() for w in _WORD.findall(text))


def _gold_pairs() -> list[tuple[Path, str]]:
    pairs = []
    sample = (CORPUS / "apache-poi" / "SampleShow.txt").read_text(encoding="utf-8")
    sample = sample[sample.index("(Slide"):]  # the lines above are document properties
    pairs.append((CORPUS / "apache-poi" / "SampleShow.pptx", re.sub(r"\((Slide|Notes) \d+\)", " ", sample)))
    for gold in sorted((CORPUS / "docling" / "groundtruth").glob("*.pptx.md")):
        deck = gold.name[: -len(".md")]
        text = re.sub(r"<!--.*?-->", " ", gold.read_text(encoding="utf-8"))
        text = re.sub(r"^\s*(#+|[-*]|\d+\.)\s", " ", text, flags=re.M)
        if deck in _NOT_READ:
            text = _NOT_READ[deck].sub(" ", text)
        pairs.append((CORPUS / "docling" / deck, text))
    return pairs


def test_recall_of_gold_words() -> None:
    found = total = 0
    lines = []
    for deck, gold_text in _gold_pairs():
        gold = _words(gold_text)
        got = _words(" ".join(b.text for b in extract(deck)))
        hit = sum(min(n, got[w]) for w, n in gold.items())
        size = sum(gold.values())
        found, total = found + hit, total + size
        lines.append(f"{deck.name}: {hit}/{size}")
        assert hit / size >= 0.85, f"{deck.name}: recall {hit}/{size}; missing {sorted(set(gold) - set(got))[:12]}"
    print(f"\ngold word recall {found}/{total} = {found / total:.3f} ({'; '.join(lines)})")
    assert found / total >= 0.95
