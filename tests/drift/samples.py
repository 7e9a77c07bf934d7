"""Reading a spec's documented samples together with their schema, for tests that derive their cases from the spec.

The planted-drift, recording and retry tests choose what to plant, where secrets travel
and what a client sends from facts the spec states (its samples, required properties,
enums, ``format: password`` properties), so an API added to ``specs/`` needs no row of
its own in them. This module is the one place those tests walk a sample beside its
schema. It reads the spec through ``partner_apis.specs``' model (``resolve``, ``raw``)
and knows only the schema keywords the specs use (``$ref``, ``allOf``, ``oneOf``,
``anyOf``, ``properties``, ``items``, ``required``, ``enum``, ``const``, ``type``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from partner_apis.specs import ApiSpec, Operation

__all__ = [
    "SampleNode",
    "carries_credential",
    "failure_variant",
    "json_answer",
    "merged",
    "sample_nodes",
    "success_status",
]

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _has_type(value: Any, declared: object) -> bool:
    names = declared if isinstance(declared, list) else [declared]
    for name in names:
        kinds = _TYPES.get(str(name), ())
        # JSON's true is no integer.
        if isinstance(value, bool) and name in ("integer", "number"):
            continue
        if isinstance(value, kinds):
            return True
    return False


def _fits(spec: ApiSpec, schema: Mapping[str, Any], value: Any) -> bool:
    """Whether ``value`` plausibly is an instance of a oneOf/anyOf variant: its type, required names and constants."""
    node = merged(spec, schema)
    if "type" in node and not _has_type(value, node["type"]):
        return False
    if "const" in node and node["const"] != value:
        return False
    if isinstance(value, dict):
        if any(name not in value for name in node.get("required", ())):
            return False
        for name, sub in node.get("properties", {}).items():
            if name in value and not _fits(spec, sub, value[name]):
                return False
    return True


def merged(spec: ApiSpec, schema: Mapping[str, Any], value: Any = None) -> dict[str, Any]:
    """``schema`` as one flat node: ``$ref`` followed, ``allOf`` merged, and the oneOf/anyOf variant ``value`` fits.

    Properties and required names add up across the merged nodes; other keywords keep
    the first value found. Without a ``value`` (None) a oneOf/anyOf is left unmerged.
    """
    node: dict[str, Any] = {}
    siblings = {name: item for name, item in schema.items() if name != "$ref"}
    parts: list[Mapping[str, Any]] = [siblings] if "$ref" in schema else []
    parts.append(spec.resolve(schema))
    for part in parts:
        for name, item in part.items():
            if name == "properties":
                node.setdefault("properties", {}).update(item)
            elif name == "required":
                node["required"] = [*node.get("required", []), *item]
            elif name == "allOf":
                for sub in item:
                    inner = merged(spec, sub, value)
                    node.setdefault("properties", {}).update(inner.pop("properties", {}))
                    node["required"] = [*node.get("required", []), *inner.pop("required", [])]
                    for key, other in inner.items():
                        node.setdefault(key, other)
            elif name in ("oneOf", "anyOf") and value is not None:
                variant = next((sub for sub in item if _fits(spec, sub, value)), None)
                if variant is not None:
                    inner = merged(spec, variant, value)
                    node.setdefault("properties", {}).update(inner.pop("properties", {}))
                    node["required"] = [*node.get("required", []), *inner.pop("required", [])]
                    for key, other in inner.items():
                        node.setdefault(key, other)
            else:
                node.setdefault(name, item)
    return node


@dataclass(frozen=True)
class SampleNode:
    """One value inside a sample: its JSON pointer, the value, its merged schema and whether its object requires it."""

    pointer: str
    value: Any
    schema: Mapping[str, Any]
    required: bool

    @property
    def name(self) -> str:
        """The last token of the pointer (a property name, or an array index)."""
        return self.pointer.rsplit("/", 1)[-1]

    @property
    def string_enum(self) -> bool:
        """Whether the schema lists the allowed values and every one is a string (a text outside them is one drift)."""
        choices = [choice for choice in self.schema.get("enum", ()) if choice is not None]
        return bool(choices) and all(isinstance(choice, str) for choice in choices)


def sample_nodes(spec: ApiSpec, schema: Mapping[str, Any], value: Any) -> Iterator[SampleNode]:
    """Every value of the sample ``value`` under ``schema``, depth first in the sample's order (the root first)."""
    yield from _walk(spec, schema, value, "", required=True)


def _walk(
    spec: ApiSpec, schema: Mapping[str, Any], value: Any, pointer: str, *, required: bool
) -> Iterator[SampleNode]:
    node = merged(spec, schema, value)
    yield SampleNode(pointer, value, node, required)
    if isinstance(value, dict):
        properties: Mapping[str, Any] = node.get("properties", {})
        needed = set(node.get("required", ()))
        for name, item in value.items():
            if name in properties:
                yield from _walk(spec, properties[name], item, f"{pointer}/{name}", required=name in needed)
    elif isinstance(value, list) and isinstance(node.get("items"), Mapping):
        for position, item in enumerate(value):
            yield from _walk(spec, node["items"], item, f"{pointer}/{position}", required=False)


def carries_credential(spec: ApiSpec, schema: Mapping[str, Any], seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``schema`` holds a ``format: password`` value anywhere (CONVENTIONS.md: every credential is one)."""
    reference = schema.get("$ref")
    if isinstance(reference, str):
        if reference in seen:
            return False
        seen = seen | {reference}
    node = spec.resolve(schema)
    if node.get("format") == "password" or schema.get("format") == "password":
        return True
    children: list[Mapping[str, Any]] = [*node.get("properties", {}).values()]
    for keyword in ("allOf", "oneOf", "anyOf", "prefixItems"):
        children.extend(node.get(keyword, ()))
    for keyword in ("items", "additionalProperties"):
        if isinstance(node.get(keyword), Mapping):
            children.append(node[keyword])
    return any(carries_credential(spec, child, seen) for child in children)


def success_status(operation: Operation) -> str | None:
    """The first 2xx status the operation documents (``"200"``, ``"201"``), or None."""
    return next((status for status in operation.raw.get("responses", {}) if str(status).startswith("2")), None)


def json_answer(spec: ApiSpec, operation: Operation, status: str) -> Mapping[str, Any] | None:
    """The ``application/json`` media object of the operation's answer ``status`` (schema, examples), or None."""
    responses: Mapping[str, Any] = operation.raw.get("responses", {})
    if status not in responses:
        return None
    media: Mapping[str, Any] | None = spec.resolve(responses[status]).get("content", {}).get("application/json")
    return media


def failure_variant(spec: ApiSpec, schema: Mapping[str, Any], value: Any) -> bool:
    """Whether ``value`` is a failure documented inside a success status: the variant it fits fixes a flag ``false``.

    (Omnize's ``{"success": false, "errors": ...}`` in an HTTP 200.)
    """
    if not isinstance(value, dict):
        return False
    node = merged(spec, schema, value)
    properties: Mapping[str, Any] = node.get("properties", {})
    return any(merged(spec, sub).get("const") is False and value.get(name) is False for name, sub in properties.items())
