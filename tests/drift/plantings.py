"""Where the planted-drift test plants, per API, chosen from the spec: no API needs a row of its own.

For each API the planting is one read the spec documents with a sample (``GET``, on the
API's own server, a named example of its JSON success answer that is not a failure
documented inside the success status) and three places in that sample:

- the *record*: the first object in the sample whose schema requires an identifier
  (``id``, ``uid``, ``uuid``), which is what is taken out (an id: the field a spec least
  often stops requiring, so the missing field stays drift after any spec edit);
- the *changed* value: the first value whose schema lists its values, all strings (a
  text outside them is exactly one enum mismatch; in an integer enum it would be a type
  mismatch as well); when no read of the spec lists one (Comm100 v3 lists no enum at
  all), the first integer, number or boolean of the record instead, given a text (a type
  mismatch);
- the object that gets the extra field: the record's first field that is itself an
  object the spec describes by its properties (so the report must name a pointer below
  the record), else the record.

Reads of one record (a path ending in a parameter) are tried first, then the others, each
in spec order, leaving out answers that may carry a credential (a recording masks those,
and a masked value is not judged: the sample must reach the report as sent); the enum
mismatch is preferred over the type mismatch across all of them. The path's parameters
take the parameter's own example, else the record's identifier.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from partner_apis.specs import ApiSpec, Operation, api_spec

from .samples import SampleNode, carries_credential, failure_variant, json_answer, sample_nodes

__all__ = ["PLANTED_VALUE", "Planting", "derive_planting", "path_values", "planting_for"]

# A text no enum of the specs lists, and no integer, number or boolean: either way a drift.
PLANTED_VALUE = "plantedValue"
IDENTIFIERS = ("id", "uid", "uuid")
_PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Planting:
    """Where to plant, per API: the operation, the path to ask for, the sample to change and how.

    ``extra_in`` is the object that gets the planted field, ``removed`` the required
    field taken out, ``changed`` the field given ``value`` (outside the spec's enum, or
    of another type when ``changed_kind`` is ``type-mismatch``): all as JSON pointers into
    the sample, which the report writes with ``*`` for array items.
    """

    operation: str
    path: str
    example: str
    extra_in: str
    removed: str
    changed: str
    value: object = PLANTED_VALUE
    changed_kind: str = "enum-mismatch"


def derive_planting(key: str) -> Planting:
    """The planting of the shipped API ``key``, read from its spec (see :func:`planting_for`)."""
    return planting_for(api_spec(key))


def planting_for(spec: ApiSpec) -> Planting:
    """The planting of ``spec``.

    Raises ``LookupError`` when no read of the spec documents a sample with a required
    identifier and a value to change (the message says what the spec must add).
    """
    key = spec.key
    for kind in ("enum-mismatch", "type-mismatch"):
        for operation, name, schema, sample in _documented_reads(spec):
            planting = _plant(spec, operation, name, schema, sample, kind)
            if planting is not None:
                return planting
    raise LookupError(
        f"{key}: no GET documents a JSON success sample holding an object that requires one of"
        f" {', '.join(IDENTIFIERS)} and a value to change (a string enum, or an integer, number or"
        " boolean beside the identifier): add such a sample to the spec"
    )


def _documented_reads(spec: ApiSpec) -> Iterator[tuple[Operation, str, Mapping[str, Any], Any]]:
    reads = [op for op in spec if op.method == "GET" and op.own_base_path is None]
    single = [op for op in reads if op.path.endswith("}")]
    for operation in [*single, *(op for op in reads if op not in single)]:
        media = json_answer(spec, operation, "200")
        if media is None or "schema" not in media or carries_credential(spec, media["schema"]):
            continue
        for name, example in media.get("examples", {}).items():
            sample = spec.resolve(example).get("value")
            if not failure_variant(spec, media["schema"], sample):
                yield operation, name, media["schema"], sample


def _plant(
    spec: ApiSpec, operation: Operation, name: str, schema: Mapping[str, Any], sample: Any, kind: str
) -> Planting | None:
    nodes = list(sample_nodes(spec, schema, sample))
    record, identifier = _record(nodes)
    if record is None or identifier is None:
        return None
    removed = f"{record.pointer}/{identifier}"
    inside = [node for node in nodes if node.pointer.startswith(record.pointer + "/") and node.pointer != removed]
    if kind == "enum-mismatch":
        changed = next((node for node in nodes if node.string_enum and node.pointer != removed), None)
    else:
        changed = next((node for node in inside if _scalar(node) and "enum" not in node.schema), None)
    if changed is None:
        return None
    path = _path(operation, record.value[identifier])
    if path is None:
        return None
    return Planting(
        operation.operation_id,
        path,
        name,
        extra_in=_extra_in(record, inside),
        removed=removed,
        changed=changed.pointer,
        changed_kind=kind,
    )


def _record(nodes: list[SampleNode]) -> tuple[SampleNode | None, str | None]:
    for node in nodes:
        if isinstance(node.value, dict):
            for identifier in IDENTIFIERS:
                if identifier in node.schema.get("required", ()) and identifier in node.value:
                    return node, identifier
    return None, None


def _scalar(node: SampleNode) -> bool:
    declared = node.schema.get("type")
    types = declared if isinstance(declared, list) else [declared]
    return bool(types) and all(kind in ("integer", "number", "boolean") for kind in types)


def _extra_in(record: SampleNode, inside: list[SampleNode]) -> str:
    for node in inside:
        documented = isinstance(node.schema.get("properties"), Mapping) and node.schema.get(
            "additionalProperties", False
        ) in (False, None)
        if node.pointer.count("/") == record.pointer.count("/") + 1 and isinstance(node.value, dict) and documented:
            return node.pointer
    return record.pointer


def path_values(operation: Operation, identifier: Any) -> dict[str, Any]:
    """The value of each path parameter of ``operation``: its own example, else ``identifier`` (the record's)."""
    values: dict[str, Any] = {}
    for parameter in operation.parameters:
        if parameter.location != "path":
            continue
        examples = list(parameter.raw.get("examples", {}).values())
        if examples:
            values[parameter.name] = examples[0].get("value")
        elif "example" in parameter.raw:
            values[parameter.name] = parameter.raw["example"]
        else:
            values[parameter.name] = identifier
    return values


def _path(operation: Operation, identifier: Any) -> str | None:
    values = path_values(operation, identifier)
    try:
        return _PATH_PARAMETER.sub(lambda match: str(values[match.group(1)]), operation.path)
    except KeyError:
        return None
