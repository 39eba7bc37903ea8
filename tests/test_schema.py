"""platform/schema.json: a JSON Schema (draft 2020-12) editors use to complete and check the platform YAML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from msgcheck import platform as platform_module

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "platform" / "schema.json").read_text(encoding="utf-8"))
PLATFORMS = sorted([ROOT / "platform" / "messaging.yaml", *(ROOT / "samples" / "eval" / "platforms").glob("*.yaml")])


def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA)


def _errors(doc: Any) -> list[str]:
    return [e.message for e in _validator().iter_errors(doc)]


@pytest.mark.parametrize("path", PLATFORMS, ids=lambda p: p.name)
def test_shipped_platforms_are_valid(path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert _errors(doc) == []
    platform_module.load_platform(path)  # and the loader agrees


def test_sample_platform_points_editors_at_the_schema() -> None:
    first = (ROOT / "platform" / "messaging.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./schema.json"


def _sample() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "platform" / "messaging.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda d: d.update(tagline="Fast"), "Additional properties are not allowed ('tagline'"),
        (lambda d: d.pop("name"), "'name' is a required property"),
        (lambda d: d["value_propositions"][0].update(id="live data!"), "does not match '^[A-Za-z0-9._-]+$'"),
        (lambda d: d["value_propositions"][0].pop("statement"), "'statement' is a required property"),
        (lambda d: d["value_propositions"][0].update(versus=["Tabula BI"]), "Additional properties are not allowed ('versus'"),
        (lambda d: d["differentiators"][0].update(required="yes"), "'yes' is not of type 'boolean'"),
        (lambda d: d["retired"][0].update(required=True), "Additional properties are not allowed ('required'"),
        (lambda d: d["terminology"][0].update(avoid="LumenPulse"), "'LumenPulse' is not of type 'array'"),
        (lambda d: d["banned"][0].update(phrase="   "), "does not match '\\\\S'"),
        (lambda d: d["banned"].append({"suggest": "x"}), "'phrase' is a required property"),
    ],
)
def test_schema_refuses_what_the_loader_refuses(change: Any, fragment: str) -> None:
    doc = _sample()
    change(doc)
    messages = _errors(doc)
    assert any(fragment in m for m in messages), messages
    with pytest.raises(platform_module.PlatformError):
        platform_module.parse_platform(yaml.safe_dump(doc, sort_keys=False), "changed.yaml")


def test_schema_keys_match_the_loader() -> None:
    defs = SCHEMA["$defs"]
    assert set(SCHEMA["properties"]) == platform_module.TOP_KEYS
    assert set(defs["message"]["properties"]) == platform_module.MESSAGE_KEYS
    assert set(defs["differentiator"]["properties"]) == platform_module.DIFF_KEYS
    assert set(defs["retired"]["properties"]) == platform_module.RETIRED_KEYS
    assert set(defs["term"]["properties"]) == platform_module.TERM_KEYS
    assert set(defs["banned"]["properties"]) == platform_module.BANNED_KEYS


def test_every_field_is_described_and_closed() -> None:
    def walk(node: Any, where: str) -> None:
        if not isinstance(node, dict):
            return
        if node.get("type") == "object" or "properties" in node:
            assert node.get("additionalProperties") is False, f"{where} is open"
        for key, sub in node.get("properties", {}).items():
            assert sub.get("description"), f"{where}.{key} has no description"
            walk(sub, f"{where}.{key}")
        for key, sub in node.get("$defs", {}).items():
            walk(sub, f"$defs.{key}")
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{where}[]")

    walk(SCHEMA, "platform")
