"""The evaluation gate: msgcheck's verdicts on the labelled set must not get worse.

The test split's per-kind F1 is pinned at the measured figures minus a small margin (like
trafilatura's eval gate). When a change raises the figures, raise the pins with it
(`msgcheck eval samples/eval/claims.jsonl --split test`); a change that lowers them fails here.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from msgcheck import evaluate
from msgcheck.cli import main
from msgcheck.platform import load_platform

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / "samples" / "eval" / "claims.jsonl"
SAMPLE_PLATFORM = ROOT / "platform" / "messaging.yaml"

# Measured on the test split (700 rows, see docs/evaluation.md), minus 0.02.
MARGIN = 0.02
MEASURED_F1 = {
    "aligned": 0.931,
    "drift": 0.965,
    "off_message": 0.906,
    "retired": 0.966,
    "none": 0.977,
}
MEASURED_MESSAGE_ID = 1.0
# Issue 2's bar: per-kind accuracy (recall) on every labelled claim against the sample platform
# (dev and test, 3,391 rows), measured minus the margin. The set grows with harder blind batches: the
# pins are re-measured on the current set (session 7: the session-start code reads aligned 0.953,
# drift 0.931, off-message 0.933, retired 0.972, none 0.995 on it), not lowered by code.
MEASURED_SAMPLE_PLATFORM_RECALL = {
    "aligned": 0.966,
    "drift": 0.951,
    "off_message": 0.932,
    "retired": 0.972,
    "none": 1.0,
}
MEASURED_LEXICAL_F1 = {"banned": 1.0, "terminology": 1.0}


@pytest.fixture(scope="module")
def cases() -> list[evaluate.Case]:
    return evaluate.load_dataset(DATASET)


@pytest.fixture(scope="module")
def test_split(cases: list[evaluate.Case], tmp_path_factory: pytest.TempPathFactory) -> Iterator[evaluate.Evaluation]:
    mp = pytest.MonkeyPatch()  # the cache folder for this module only, restored afterwards
    mp.setenv("MSGCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    yield evaluate.evaluate(evaluate.select(cases, "test"), dataset=str(DATASET), split="test")
    mp.undo()


# --- the gate (real model) -----------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("kind", evaluate.KINDS)
def test_test_split_f1_does_not_drop(test_split: evaluate.Evaluation, kind: str) -> None:
    score = test_split.per_kind()[kind]
    assert score.f1 >= MEASURED_F1[kind] - MARGIN, (
        f"{kind} F1 fell to {score.f1:.3f} (pinned {MEASURED_F1[kind]:.3f} - {MARGIN}); errors:\n"
        + "\n".join(f"{o.case.id}: {o.case.text} -> {o.error_reason()}"
                    for o in test_split.errors() if kind in (o.case.expected, o.kind))
    )


@pytest.mark.slow
def test_sample_platform_per_kind_accuracy_holds(cases: list[evaluate.Case]) -> None:
    ev = evaluate.evaluate(evaluate.select(cases, "all", [SAMPLE_PLATFORM]), dataset=str(DATASET), split="all")
    for kind, pinned in MEASURED_SAMPLE_PLATFORM_RECALL.items():
        recall = ev.per_kind()[kind].recall
        assert recall >= pinned - MARGIN, f"{kind}: accuracy on the sample platform fell to {recall:.3f}"
    assert not ev.non_claims_judged()


@pytest.mark.slow
def test_no_non_claim_gets_a_semantic_verdict(test_split: evaluate.Evaluation) -> None:
    judged = test_split.non_claims_judged()
    assert not judged, [(o.case.text, o.kind, o.reason) for o in judged]


@pytest.mark.slow
def test_message_ids_and_lexical_findings_hold(test_split: evaluate.Evaluation) -> None:
    assert test_split.message_id_accuracy() >= MEASURED_MESSAGE_ID - MARGIN
    for kind, score in test_split.per_lexical().items():
        assert score.f1 >= MEASURED_LEXICAL_F1[kind] - MARGIN, kind


# --- data hygiene (no model) ----------------------------------------------------------------

def test_dataset_size_and_platforms(cases: list[evaluate.Case]) -> None:
    assert len(cases) >= 300
    per_platform = Counter(c.platform for c in cases)
    assert len(per_platform) >= 3
    assert per_platform["platform/messaging.yaml"] >= 100
    assert all(c.platform_path.is_file() for c in cases)


def test_every_type_and_kind_has_cases_in_both_splits(cases: list[evaluate.Case]) -> None:
    types = Counter(c.type for c in cases)
    assert set(types) == set(evaluate.CASE_TYPES)
    assert min(types.values()) >= 15, types
    kinds = Counter(c.expected for c in cases)
    assert min(kinds[k] for k in evaluate.KINDS) >= 15, kinds
    for k in evaluate.KINDS:
        splits = Counter(c.split for c in cases if c.expected == k)
        assert splits["dev"] >= 5 and splits["test"] >= 5, (k, splits)
    for t in evaluate.CASE_TYPES:
        splits = Counter(c.split for c in cases if c.type == t)
        assert splits["dev"] >= 5 and splits["test"] >= 5, (t, splits)
    # each type spread over the platforms
    for t in evaluate.CASE_TYPES:
        assert len({c.platform for c in cases if c.type == t}) == 3, t


def test_ids_unique_and_message_ids_exist(cases: list[evaluate.Case]) -> None:
    assert len({c.id for c in cases}) == len(cases)
    platforms = {c.platform_path: load_platform(c.platform_path) for c in cases}
    evaluate.check_message_ids(cases, platforms)  # raises on an unknown or mislabelled id
    for c in cases:
        if c.type in ("banned", "terminology"):
            assert c.type in c.lexical, c.id


def test_claims_are_not_copies_of_the_platform(cases: list[evaluate.Case]) -> None:
    """The set is written as people write, not pasted from the platform."""
    for path in {c.platform_path for c in cases}:
        wordings = {w.text.lower().strip(" .") for w in load_platform(path).wordings()}
        copied = [c.text for c in cases if c.platform_path == path and c.text.lower().strip(" .") in wordings]
        assert not copied, copied


# --- the loader and the figures --------------------------------------------------------------

def _row(**over: object) -> str:
    row = {"id": "x1", "platform": str(SAMPLE_PLATFORM), "text": "Dashboards refresh every second.",
           "expected": "drift", "message_id": "vp-live-data", "type": "number_changed", "lexical": [],
           "split": "dev"}
    row.update(over)
    return json.dumps(row)


@pytest.mark.parametrize("line, problem", [
    ("{not json", "not valid JSON"),
    (_row(expected="wrong"), "is not a verdict kind"),
    (_row(message_id=None), "needs a 'message_id'"),
    (_row(expected="none"), "set 'message_id' to null"),
    (_row(split="train"), "is not dev or test"),
    (_row(lexical=["typo"]), "'lexical' must be a list"),
    (_row(colour="red"), "unknown field 'colour'"),
])
def test_a_bad_row_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(_row() + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(evaluate.DatasetError) as err:
        evaluate.load_dataset(path)
    assert str(err.value).startswith(f"{path}:3: ")
    assert problem in str(err.value)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(_row() + "\n" + _row() + "\n", encoding="utf-8")
    with pytest.raises(evaluate.DatasetError, match="duplicate id 'x1' \\(first on line 1\\)"):
        evaluate.load_dataset(path)


def test_unknown_message_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text(_row(message_id="vp-nope") + "\n", encoding="utf-8")
    cases = evaluate.load_dataset(path)
    with pytest.raises(evaluate.DatasetError, match="no message 'vp-nope'"):
        evaluate.check_message_ids(cases, {cases[0].platform_path: load_platform(SAMPLE_PLATFORM)})


def test_select_filters_split_and_platform(cases: list[evaluate.Case]) -> None:
    test = evaluate.select(cases, "test", [SAMPLE_PLATFORM])
    assert test and all(c.split == "test" and c.platform == "platform/messaging.yaml" for c in test)
    with pytest.raises(evaluate.UsageError, match="no case in the dataset"):
        evaluate.select(cases, "all", [ROOT / "pyproject.toml"])


def test_scores_and_confusion_from_outcomes(cases: list[evaluate.Case]) -> None:
    c_drift = next(c for c in cases if c.expected == "drift")
    c_none = next(c for c in cases if c.expected == "none")
    c_aligned = next(c for c in cases if c.expected == "aligned")
    outcomes = [
        evaluate.Outcome(c_drift, "drift", c_drift.message_id, 0.9, "r", c_drift.lexical),
        evaluate.Outcome(c_aligned, "drift", c_aligned.message_id, 0.9, "r", c_aligned.lexical),
        evaluate.Outcome(c_none, "off_message", None, 0.3, "r", c_none.lexical),
    ]
    ev = evaluate.Evaluation(outcomes, "all", "x")
    drift = ev.per_kind()["drift"]
    assert (drift.precision, drift.recall) == (0.5, 1.0)
    assert abs(drift.f1 - 2 / 3) < 1e-9
    assert ev.per_kind()["aligned"].recall == 0.0
    assert ev.confusion()["none"]["off_message"] == 1
    assert [o.case.id for o in ev.non_claims_judged()] == [c_none.id]
    assert len(ev.errors()) == 2
    assert "expected aligned" in ev.errors()[0].error_reason()
    rendered = json.loads(evaluate.render(ev, "json"))
    assert rendered["per_kind"]["drift"]["f1"] == round(2 / 3, 4)
    assert "| drift |" in evaluate.render(ev, "markdown")


def test_cli_eval_bad_dataset_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:1:" in result.stderr


@pytest.mark.slow
def test_cli_eval_json_on_one_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MSGCHECK_CACHE_DIR", str(tmp_path / "cache"))
    keel = ROOT / "samples" / "eval" / "platforms" / "keel-sentinel.yaml"
    result = CliRunner().invoke(main, ["eval", str(DATASET), "--platform", str(keel), "--split", "dev",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["platforms"] == ["samples/eval/platforms/keel-sentinel.yaml"]
    assert data["cases"] == sum(1 for c in evaluate.load_dataset(DATASET)
                                if c.split == "dev" and c.platform.endswith("keel-sentinel.yaml"))
    assert set(data["per_kind"]) == set(evaluate.KINDS)
