"""The platform loader: the sample loads; every kind of bad file is refused with file, line and fix."""

from __future__ import annotations

import pytest

from msgcheck.errors import PlatformError
from msgcheck.models import MessageKind
from msgcheck.platform import load_platform, parse_platform

from .conftest import PLATFORM

GOOD = """\
name: Demo platform
version: 1
positioning: Demo is the tool that does things.
value_propositions:
  - id: vp-a
    statement: Demo refreshes every 5 seconds.
    variants: [Demo data is never older than five seconds.]
    proof_points:
      - Teams save 10 hours a week.
    required: true
differentiators:
  - id: diff-b
    statement: Anyone builds reports without code.
    versus: [Rival]
retired:
  - id: ret-c
    statement: Demo is free.
    reason: Ended.
terminology:
  - term: Demo
    avoid: [DEMO-app]
banned:
  - phrase: world-class
"""


def test_sample_platform_loads_with_every_section() -> None:
    p = load_platform(PLATFORM)
    kinds = {m.kind for m in p.messages}
    assert kinds == set(MessageKind)
    assert len(p.approved) >= 10 and p.required_ids
    assert p.terminology and p.banned and p.competitors


def test_good_file_fields() -> None:
    p = parse_platform(GOOD, "good.yaml")
    assert p.version == "1"
    assert [m.id for m in p.messages] == ["positioning", "vp-a", "diff-b", "ret-c"]
    vp = p.message("vp-a")
    assert vp.required and vp.variants == ("Demo data is never older than five seconds.",)
    assert p.message("diff-b").versus == ("Rival",)
    roles = {(w.message_id, w.role) for w in p.wordings()}
    assert ("vp-a", "proof_point") in roles and ("ret-c", "retired") in roles


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("name: x\nvalue_propositions:\n  - id: a\n    statment: x\n", 4, "did you mean 'statement'"),
        ("name: x\nvalue_propositions:\n  - id: a\n    statement: x\n  - id: a\n    statement: y\n", 5, "duplicate id 'a'"),
        ("name: [x\n", 2, "bad YAML"),
        ("name: x\nfoo: 1\nvalue_propositions:\n  - id: a\n    statement: x\n", 2, "unknown key 'foo'"),
        ("name: x\nvalue_propositions:\n  - id: a\n    statement: x\n    required: sometimes\n", 5, "true or false"),
        ("version: 1\nvalue_propositions:\n  - id: a\n    statement: x\n", 1, "name is missing"),
        ("name: x\nvalue_propositions:\n  - id: a b\n    statement: x\n", 3, "letters, digits"),
        ("name: x\nvalue_propositions:\n  - id: a\n", 3, "statement is missing"),
        ("name: x\nvalue_propositions: hello\n", 2, "must be a list"),
        ("name: x\nvalue_propositions:\n  - id: a\n    statement: x\n    variants: one\n", 5, "must be a list"),
        ("name: x\n", None, "no approved messages"),
        ("", None, "is empty"),
    ],
)
def test_bad_files_name_file_line_and_fix(text: str, line: int | None, words: str) -> None:
    with pytest.raises(PlatformError) as info:
        parse_platform(text, "bad.yaml")
    err = info.value
    assert err.line == line
    assert words in err.one_line()
    assert str(err).startswith(f"bad.yaml:{line}:" if line else "bad.yaml:")


def test_missing_file_is_a_platform_error(tmp_path) -> None:
    with pytest.raises(PlatformError, match="no such file"):
        load_platform(tmp_path / "nope.yaml")
