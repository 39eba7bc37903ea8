"""Load and validate the messaging platform YAML (contract §1).

The file is read as a YAML node tree, so every problem can be reported with its line:
``platform/messaging.yaml:14: value_propositions[2].statement is missing (add the approved sentence)``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import PlatformError
from .models import BannedPhrase, Message, MessageKind, Platform, Term

ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]+$")

TOP_KEYS = {
    "name", "version", "company", "positioning",
    "value_propositions", "differentiators", "retired", "terminology", "banned",
}
MESSAGE_KEYS = {"id", "statement", "variants", "proof_points", "required"}
DIFF_KEYS = MESSAGE_KEYS | {"versus"}
RETIRED_KEYS = {"id", "statement", "reason", "variants"}
TERM_KEYS = {"term", "avoid"}
BANNED_KEYS = {"phrase", "reason", "suggest"}


def load_platform(path: str | Path) -> Platform:
    """Read and validate a platform file; raise PlatformError naming file, line and fix."""
    p = Path(path)
    name = str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlatformError(name, "no such file", hint="give the path of the platform YAML, e.g. platform/messaging.yaml") from None
    except IsADirectoryError:
        raise PlatformError(name, "is a folder, not a platform file", hint="name the YAML file itself") from None
    except UnicodeDecodeError:
        raise PlatformError(name, "is not UTF-8 text", hint="save the file as UTF-8") from None
    except OSError as exc:
        raise PlatformError(name, f"cannot be read ({exc.strerror})") from None
    return parse_platform(text, name)


def parse_platform(text: str, name: str = "<platform>") -> Platform:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or "invalid YAML").strip()
        raise PlatformError(name, f"bad YAML: {problem}", line, hint="fix the indentation or quoting on that line") from None
    except yaml.YAMLError as exc:
        raise PlatformError(name, f"bad YAML: {exc}", hint="check the file is valid YAML") from None
    return _Reader(name).platform(root)


class _Reader:
    """Walks the YAML node tree, checking types and keys, keeping line numbers for errors."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, node: yaml.Node | None, problem: str, hint: str | None = None) -> PlatformError:
        line = node.start_mark.line + 1 if node is not None else None
        return PlatformError(self.name, problem, line, hint)

    # -- scalar helpers -------------------------------------------------------------------
    def mapping(self, node: yaml.Node | None, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{what} must be a mapping of keys to values")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key, value in node.value:
            k = key.value if isinstance(key, yaml.ScalarNode) else None
            if not isinstance(k, str):
                raise self.fail(key, f"{what} has a key that is not text")
            if k in out:
                raise self.fail(key, f"{what} has the key {k!r} twice", hint="keep one of them")
            out[k] = (key, value)
        return out

    def check_keys(self, items: dict[str, tuple[yaml.Node, yaml.Node]], allowed: set[str], what: str) -> None:
        for k, (key, _) in items.items():
            if k not in allowed:
                close = _closest(k, allowed)
                hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(sorted(allowed))}"
                raise self.fail(key, f"{what} has an unknown key {k!r}", hint=hint)

    def string(self, items: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str,
               parent: yaml.Node, required: bool = False) -> str | None:
        if key not in items:
            if required:
                raise self.fail(parent, f"{what}.{key} is missing", hint=f"add a '{key}:' line")
            return None
        node = items[key][1]
        value = self._scalar(node)
        if value is None and not required:
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise self.fail(node, f"{what}.{key} must be text")
        s = " ".join(str(value).split())
        if required and not s:
            raise self.fail(node, f"{what}.{key} is empty", hint="write the sentence")
        return s

    def _scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return node  # caller rejects it as the wrong type
        return yaml.safe_load(yaml.serialize(node)) if node.tag != "tag:yaml.org,2002:str" else node.value

    def string_list(self, items: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str) -> tuple[str, ...]:
        if key not in items:
            return ()
        node = items[key][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return ()
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{what}.{key} must be a list", hint="write one '- item' per line")
        out: list[str] = []
        for child in node.value:
            v = self._scalar(child)
            if not isinstance(v, str) or not v.strip():
                raise self.fail(child, f"{what}.{key} must hold only non-empty text")
            out.append(" ".join(v.split()))
        return tuple(out)

    def boolean(self, items: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str) -> bool:
        if key not in items:
            return False
        node = items[key][1]
        v = self._scalar(node)
        if not isinstance(v, bool):
            raise self.fail(node, f"{what}.{key} must be true or false")
        return v

    def sequence(self, items: dict[str, tuple[yaml.Node, yaml.Node]], key: str) -> list[yaml.Node]:
        if key not in items:
            return []
        node = items[key][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{key} must be a list", hint="start each entry with '- '")
        return list(node.value)

    # -- the document ---------------------------------------------------------------------
    def platform(self, root: yaml.Node | None) -> Platform:
        if root is None:
            raise PlatformError(self.name, "is empty", hint="start from platform/messaging.yaml")
        top = self.mapping(root, "the platform")
        self.check_keys(top, TOP_KEYS, "the platform")
        name = self.string(top, "name", "platform", root, required=True)
        assert name is not None
        version = self.string(top, "version", "platform", root)
        company = self.string(top, "company", "platform", root)
        messages: list[Message] = []
        seen: dict[str, yaml.Node] = {}

        positioning = self.string(top, "positioning", "platform", root)
        if positioning:
            messages.append(Message("positioning", MessageKind.POSITIONING, positioning))
            seen["positioning"] = top["positioning"][0]

        sections = (
            ("value_propositions", MessageKind.VALUE_PROPOSITION, MESSAGE_KEYS),
            ("differentiators", MessageKind.DIFFERENTIATOR, DIFF_KEYS),
            ("retired", MessageKind.RETIRED, RETIRED_KEYS),
        )
        for section, kind, allowed in sections:
            for i, node in enumerate(self.sequence(top, section)):
                what = f"{section}[{i + 1}]"
                items = self.mapping(node, what)
                self.check_keys(items, allowed, what)
                mid = self.string(items, "id", what, node, required=True)
                assert mid is not None
                if not ID_PATTERN.match(mid):
                    raise self.fail(items["id"][1], f"{what}.id {mid!r} may hold only letters, digits, - _ .")
                if mid in seen:
                    first = seen[mid].start_mark.line + 1
                    raise self.fail(items["id"][1], f"duplicate id {mid!r} (first used on line {first})",
                                    hint="give each message its own id")
                seen[mid] = items["id"][1]
                statement = self.string(items, "statement", what, node, required=True)
                assert statement is not None
                messages.append(Message(
                    id=mid,
                    kind=kind,
                    statement=statement,
                    variants=self.string_list(items, "variants", what),
                    proof_points=self.string_list(items, "proof_points", what),
                    required=self.boolean(items, "required", what),
                    versus=self.string_list(items, "versus", what),
                    reason=self.string(items, "reason", what, node),
                ))

        terms: list[Term] = []
        for i, node in enumerate(self.sequence(top, "terminology")):
            what = f"terminology[{i + 1}]"
            items = self.mapping(node, what)
            self.check_keys(items, TERM_KEYS, what)
            term = self.string(items, "term", what, node, required=True)
            assert term is not None
            terms.append(Term(term, self.string_list(items, "avoid", what)))

        banned: list[BannedPhrase] = []
        for i, node in enumerate(self.sequence(top, "banned")):
            what = f"banned[{i + 1}]"
            items = self.mapping(node, what)
            self.check_keys(items, BANNED_KEYS, what)
            phrase = self.string(items, "phrase", what, node, required=True)
            assert phrase is not None
            banned.append(BannedPhrase(phrase, self.string(items, "reason", what, node),
                                       self.string(items, "suggest", what, node)))

        if not any(not m.retired for m in messages):
            raise PlatformError(self.name, "has no approved messages",
                                hint="add value_propositions or differentiators (or positioning)")
        return Platform(
            name=name, version=version, company=company, messages=tuple(messages),
            terminology=tuple(terms), banned=tuple(banned), source=self.name,
        )


def _closest(word: str, options: set[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return found[0] if found else None
