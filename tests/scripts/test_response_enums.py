"""Unknown enum values in answers: the generated clients and models keep them instead of failing.

Vendors add enum values without notice. The specs list the documented values, and what
is generated from them parses an answer holding any other value: the attrs client's
``from_dict`` and the pydantic model's ``model_validate`` keep it as a plain ``str`` (an
``int`` for an integer enum), a documented value still becomes the enum member, and both
give the value back unchanged on the way out. What only the client sends keeps the strict
enum. Every enum-holding property of every component schema is covered: this file walks
the specs itself, apart from scripts/generate.py's walk, and checks that both find the same
enums (so an enum generate.py widens anywhere else fails here until this walk covers it).
Each answer starts from a doc sample of its schema.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Any, NamedTuple

import jsonschema
import pytest
from openapi_python_client.strings import PythonIdentifier
from pydantic import BaseModel, ValidationError

from partner_apis.specs import load_spec

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import generate

KEYS = generate.all_keys()
SCHEMAS = "#/components/schemas/"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
UNKNOWN_TEXT = "A-VALUE-NO-SPEC-LISTS"


class EnumSlot(NamedTuple):
    """A property of a component schema that holds an enum, as its value or as its items."""

    key: str
    schema: str
    prop: str
    items: bool
    values: tuple[Any, ...]

    def __str__(self) -> str:
        return f"{self.key}:{self.schema}.{self.prop}{'[]' if self.items else ''}"


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(ref := node.get("$ref"), str) and ref.startswith("#/"):
        node = spec
        for part in ref[2:].split("/"):
            node = node[part]
    return node


def _reached(spec: dict[str, Any], roots: list[Any]) -> set[str]:
    """The component schemas ``roots`` lead to through ``$ref``, at any depth."""
    names: set[str] = set()

    def reach(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(SCHEMAS) and ref[len(SCHEMAS) :] not in names:
                names.add(ref[len(SCHEMAS) :])
                reach(spec["components"]["schemas"][ref[len(SCHEMAS) :]])
            for value in node.values():
                reach(value)
        elif isinstance(node, list):
            for value in node:
                reach(value)

    for root in roots:
        reach(root)
    return names


def _operations(items: Any) -> Iterator[dict[str, Any]]:
    for item in (items or {}).values():
        yield from (item[method] for method in METHODS if method in item)


def answer_schemas(spec: dict[str, Any]) -> set[str]:
    """The component schemas the server sends: in responses, and in callbacks' request bodies."""
    roots: list[Any] = []
    for operation in _operations(spec["paths"]):
        roots += [_resolve(spec, response).get("content") for response in operation.get("responses", {}).values()]
        for callback in operation.get("callbacks", {}).values():
            roots += [_resolve(spec, sent.get("requestBody")) for sent in _operations(_resolve(spec, callback))]
    return _reached(spec, roots)


def request_schemas(spec: dict[str, Any]) -> set[str]:
    """The component schemas the client sends: request bodies and parameters."""
    roots: list[Any] = []
    for item in spec["paths"].values():
        roots.append(item.get("parameters"))
    for operation in _operations(spec["paths"]):
        roots += [_resolve(spec, operation.get("requestBody")), operation.get("parameters")]
    return _reached(spec, roots)


def _enum_values(spec: dict[str, Any], schema: Any) -> tuple[Any, ...] | None:
    """The values of the enum ``schema`` is, or is a union member of; None when it holds none."""
    schema = _resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    if "enum" in schema:
        return tuple(value for value in schema["enum"] if value is not None)
    for member in schema.get("anyOf", []) + schema.get("oneOf", []):
        if (values := _enum_values(spec, member)) is not None:
            return values
    return None


def enum_slots(key: str, schemas: set[str]) -> Iterator[EnumSlot]:
    """Every enum-holding property of the named component schemas of ``key``'s spec."""
    spec = load_spec(key)
    for name in sorted(schemas):
        for prop, schema in spec["components"]["schemas"][name].get("properties", {}).items():
            if (values := _enum_values(spec, schema)) is not None:
                yield EnumSlot(key, name, prop, False, values)
            elif schema.get("type") == "array" and (values := _enum_values(spec, schema.get("items"))) is not None:
                yield EnumSlot(key, name, prop, True, values)


def _both_ways(key: str) -> tuple[set[str], set[str]]:
    spec = load_spec(key)
    return answer_schemas(spec), request_schemas(spec)


ANSWER_SLOTS = [slot for key in KEYS for slot in enum_slots(key, _both_ways(key)[0])]


def _plain_enum(slot: EnumSlot) -> bool:
    # Not a union member: the other members of a union (a pattern in any case, a boolean)
    # decide what else it takes.
    spec = load_spec(slot.key)
    schema = spec["components"]["schemas"][slot.schema]["properties"][slot.prop]
    return "enum" in _resolve(spec, schema.get("items") if slot.items else schema)


# Schemas only the client sends: their enums stay strict.
REQUEST_ONLY_SLOTS = [
    slot for key in KEYS for slot in enum_slots(key, _both_ways(key)[1] - _both_ways(key)[0]) if _plain_enum(slot)
]


def _values(node: Any) -> Iterator[Any]:
    yield node
    for value in node.values() if isinstance(node, dict) else node if isinstance(node, list) else []:
        yield from _values(value)


def _samples(node: Any) -> Iterator[Any]:
    """Every value of every example in a spec (named examples, ``examples`` lists, ``example``), at any depth."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == "examples" and isinstance(value, dict):
                for example in value.values():
                    if isinstance(example, dict) and "value" in example:
                        yield from _values(example["value"])
            elif name == "examples" and isinstance(value, list):
                for example in value:
                    yield from _values(example)
            elif name == "example":
                yield from _values(value)
            else:
                yield from _samples(value)
    elif isinstance(node, list):
        for value in node:
            yield from _samples(value)


def doc_sample(slot: EnumSlot) -> dict[str, Any]:
    """A doc sample of the slot's schema: the fullest one that validates and has no other keys."""
    return dict(_doc_sample(slot.key, slot.schema))


@functools.cache
def _doc_sample(key: str, schema: str) -> dict[str, Any]:
    spec = load_spec(key)
    validator = jsonschema.Draft202012Validator({"$ref": SCHEMAS + schema, "components": spec["components"]})
    known = set(spec["components"]["schemas"][schema].get("properties", {}))
    found = [sample for sample in _samples(spec) if isinstance(sample, dict) and validator.is_valid(sample)]
    fitting = [sample for sample in found if set(sample) <= known]
    assert fitting, f"{key}: the spec holds no sample of {schema}"
    return max(fitting, key=len)


def unknown_value(slot: EnumSlot) -> Any:
    """A value of the slot's type that its enum does not list."""
    if all(isinstance(value, int) and not isinstance(value, bool) for value in slot.values):
        return max(slot.values) + 1
    assert all(isinstance(value, str) for value in slot.values), slot
    return UNKNOWN_TEXT


def answer(slot: EnumSlot, value: Any) -> dict[str, Any]:
    """A doc sample of the slot's schema with the slot holding ``value`` (in a list, for items)."""
    return {**doc_sample(slot), slot.prop: [value] if slot.items else value}


def attrs_model(slot: EnumSlot) -> Any:
    return getattr(importlib.import_module(f"{slot.key.replace('-', '_')}_client.models"), slot.schema)


def attrs_value(slot: EnumSlot, parsed: Any) -> Any:
    value = getattr(parsed, PythonIdentifier(slot.prop, prefix="field_"))
    return value[0] if slot.items else value


def pydantic_model(slot: EnumSlot) -> type[BaseModel]:
    model: object = getattr(importlib.import_module(f"partner_apis.models.{slot.key.replace('-', '_')}"), slot.schema)
    assert isinstance(model, type)
    assert issubclass(model, BaseModel)
    return model


def _json(slot: EnumSlot, value: Any) -> str:
    return json.dumps(answer(slot, value))


def pydantic_value(slot: EnumSlot, parsed: BaseModel) -> Any:
    names = [name for name, field in type(parsed).model_fields.items() if (field.alias or name) == slot.prop]
    value = getattr(parsed, names[0])
    return value[0] if slot.items else value


def test_the_walk_finds_the_enums_of_every_answering_api() -> None:
    assert {slot.key for slot in ANSWER_SLOTS} == {
        "airvantage-partners",
        "comm100-v4",
        "omnize-partner",
        "omnize-partner-v2",
        "portsip-dealers",
    }
    assert {str(slot) for slot in ANSWER_SLOTS} >= {
        "comm100-v4:Site.companySize",
        "comm100-v4:Site.status",
        "omnize-partner:Department.channels[]",
        "omnize-partner:Agent.ativo",
        "airvantage-partners:OperationCounter.state",
    }


@pytest.mark.parametrize("key", KEYS)
def test_generate_widens_exactly_the_enums_this_walk_finds(key: str) -> None:
    _, widened = generate.open_answer_enums(load_spec(key))
    expected = {
        f"/components/schemas/{slot.schema}/properties/{slot.prop}" + ("/items" if slot.items else "")
        for slot in ANSWER_SLOTS
        if slot.key == key
    }
    # A union member enum widens the union (…/anyOf); a property enum, the property itself.
    assert {pointer.removesuffix("/anyOf").removesuffix("/oneOf") for pointer in widened} == expected


@pytest.mark.parametrize("slot", ANSWER_SLOTS, ids=str)
def test_the_attrs_client_keeps_an_unknown_value_in_an_answer(slot: EnumSlot) -> None:
    unknown = unknown_value(slot)
    parsed = attrs_model(slot).from_dict(answer(slot, unknown))
    value = attrs_value(slot, parsed)
    assert type(value) is type(unknown)
    assert value == unknown
    assert parsed.to_dict()[slot.prop] == ([unknown] if slot.items else unknown)


@pytest.mark.parametrize("slot", ANSWER_SLOTS, ids=str)
def test_the_attrs_client_still_makes_a_documented_value_the_enum_member(slot: EnumSlot) -> None:
    for known in slot.values:
        parsed = attrs_model(slot).from_dict(answer(slot, known))
        value = attrs_value(slot, parsed)
        assert isinstance(value, Enum), (known, value)
        assert value.value == known
        assert parsed.to_dict()[slot.prop] == ([known] if slot.items else known)


@pytest.mark.parametrize("slot", ANSWER_SLOTS, ids=str)
def test_the_pydantic_model_keeps_an_unknown_value_in_an_answer(slot: EnumSlot) -> None:
    unknown = unknown_value(slot)
    model = pydantic_model(slot)
    for parsed in (model.model_validate(answer(slot, unknown)), model.model_validate_json(_json(slot, unknown))):
        value = pydantic_value(slot, parsed)
        assert type(value) is type(unknown)
        assert value == unknown
        assert parsed.model_dump(mode="json", by_alias=True)[slot.prop] == ([unknown] if slot.items else unknown)


@pytest.mark.parametrize("slot", ANSWER_SLOTS, ids=str)
def test_the_pydantic_model_still_makes_a_documented_value_the_enum_member(slot: EnumSlot) -> None:
    # Pydantic's smart unions would give a plain str here: a known value is exactly a str.
    model = pydantic_model(slot)
    for known in slot.values:
        for parsed in (model.model_validate(answer(slot, known)), model.model_validate_json(_json(slot, known))):
            value = pydantic_value(slot, parsed)
            assert isinstance(value, Enum), (known, value)
            assert value.value == known


def test_some_enums_are_only_sent_by_the_client() -> None:
    assert {str(slot) for slot in REQUEST_ONLY_SLOTS} >= {
        "comm100-v4:SiteUpdate.companySize",
        "portsip-dealers:DealerCreate.level",
    }


@pytest.mark.parametrize("slot", REQUEST_ONLY_SLOTS, ids=str)
def test_an_enum_only_the_client_sends_stays_strict(slot: EnumSlot) -> None:
    # A typo in a request fails before it reaches the server.
    unknown = unknown_value(slot)
    with pytest.raises(ValueError, match=str(unknown)):
        attrs_model(slot).from_dict(answer(slot, unknown))
    with pytest.raises(ValidationError):
        pydantic_model(slot).model_validate(answer(slot, unknown))
    # The sample itself parses: the unknown value is what is refused.
    attrs_model(slot).from_dict(doc_sample(slot))
    pydantic_model(slot).model_validate(doc_sample(slot))
