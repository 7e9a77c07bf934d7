"""Every spec is valid OpenAPI 3.1, and every doc sample in it validates against its schema."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from openapi_spec_validator import validate

SPECS = sorted((Path(__file__).resolve().parents[2] / "specs").glob("*.yaml"))
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def _operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def _examples(spec: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """Yield (where, schema, example value) for every example attached to a schema."""
    for path, method, operation in _operations(spec):
        where = f"{method.upper()} {path}"
        for parameter in operation.get("parameters", []):
            for name, example in parameter.get("examples", {}).items():
                yield f"{where} param {parameter['name']} {name}", parameter["schema"], example["value"]
        media_types: list[tuple[str, dict[str, Any]]] = [
            ("request", media) for media in operation.get("requestBody", {}).get("content", {}).values()
        ]
        for status, response in operation.get("responses", {}).items():
            media_types += [(f"response {status}", media) for media in response.get("content", {}).values()]
        for label, media in media_types:
            for name, example in media.get("examples", {}).items():
                yield f"{where} {label} {name}", media["schema"], example["value"]


def _validator(spec: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    # Resolve `#/components/...` references against the whole document.
    root = {**schema, "components": spec.get("components", {})}
    return jsonschema.Draft202012Validator(root, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture(params=SPECS, ids=[path.stem for path in SPECS])
def spec(request: pytest.FixtureRequest) -> dict[str, Any]:
    return _load(request.param)


def test_there_are_specs() -> None:
    assert SPECS, "no specs/*.yaml found"


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"].startswith("3.1")
    validate(spec)


def test_every_doc_sample_validates_against_its_schema(spec: dict[str, Any]) -> None:
    examples = list(_examples(spec))
    assert examples, "a spec reconstructed from a doc carries the doc's samples"
    for where, schema, value in examples:
        errors = [error.message for error in _validator(spec, schema).iter_errors(value)]
        assert not errors, f"{where}: {errors}"


def test_every_operation_is_named_and_says_whether_a_retry_is_safe(spec: dict[str, Any]) -> None:
    ids = [operation.get("operationId") for _, _, operation in _operations(spec)]
    assert all(ids), "every operation needs an operationId"
    assert len(ids) == len(set(ids)), "operationIds are unique"
    for path, method, operation in _operations(spec):
        assert isinstance(operation.get("x-idempotent"), bool), f"{method.upper()} {path} lacks x-idempotent"


def _inferred_nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("x-inferred") is True:
            yield node
        for value in node.values():
            yield from _inferred_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _inferred_nodes(value)


def test_every_inferred_part_says_why(spec: dict[str, Any]) -> None:
    for node in _inferred_nodes(spec):
        reason = node.get("x-inferred-reason")
        assert isinstance(reason, str), f"x-inferred without a reason: {sorted(node)}"
        assert reason.strip(), f"x-inferred with an empty reason: {sorted(node)}"


def test_doc_quirks_are_lists_of_sentences(spec: dict[str, Any]) -> None:
    def walk(node: Any) -> Iterator[Any]:
        if isinstance(node, dict):
            if "x-doc-quirks" in node:
                yield node["x-doc-quirks"]
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    for quirks in walk(spec):
        assert isinstance(quirks, list)
        assert all(isinstance(q, str) and q for q in quirks), quirks
