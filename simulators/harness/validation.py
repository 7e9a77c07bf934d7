"""Request validation driven by the spec: parameters coerced from text, bodies by JSON Schema.

The same JSON Schema the contract suite generates data from decides here what is valid
(jsonschema-rs: a Rust validator, fast enough that validation costs the simulators little
throughput), so "valid" means one thing to Schemathesis and to the simulator.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import jsonschema_rs

from .errors import FieldProblem, SimError

__all__ = ["BodyValidator", "ParameterValidator", "SchemaValidator"]

_INTEGER = re.compile(r"^[+-]?\d{1,30}$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


# OpenAPI's integer formats bound the value; JSON Schema ignores formats on numbers, so
# the bounds become explicit minimum/maximum (what a C# or Java server's binder enforces).
_INTEGER_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


def _bounded(node: Any) -> Any:
    """A copy of a schema with integer formats turned into explicit bounds."""
    if isinstance(node, list):
        return [_bounded(item) for item in node]
    if not isinstance(node, dict):
        return node
    copy = {key: _bounded(value) for key, value in node.items()}
    bounds = _INTEGER_BOUNDS.get(copy.get("format", ""))
    if bounds is not None:
        copy.setdefault("minimum", bounds[0])
        copy.setdefault("maximum", bounds[1])
    return copy


class SchemaValidator:
    """A compiled JSON Schema that resolves ``#/components/...`` against its spec."""

    def __init__(self, schema: Mapping[str, Any], components: Mapping[str, Any]) -> None:
        self.schema = schema
        root = _bounded({**schema, "components": components})
        self._validator = jsonschema_rs.validator_for(root, validate_formats=True)

    def problems(self, value: Any, where: str) -> list[FieldProblem]:
        """List what is wrong with ``value``, each located under ``where``; empty when valid."""
        if self._validator.is_valid(value):
            return []
        found = []
        for error in self._validator.iter_errors(value):
            path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.instance_path)
            found.append(FieldProblem(f"{where}{path}", error.message))
        return found


def _schema_types(schema: Mapping[str, Any], components: Mapping[str, Any], seen: int = 0) -> set[str]:
    """The JSON types a (possibly composed or referenced) schema admits."""
    if seen > 20:
        return set()
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _schema_types(components.get("schemas", {}).get(name, {}), components, seen + 1)
    types: set[str] = set()
    kind = schema.get("type")
    if isinstance(kind, str):
        types.add(kind)
    elif isinstance(kind, list):
        types.update(kind)
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            types |= _schema_types(part, components, seen + 1)
    if "enum" in schema and not types:
        types |= {type(value).__name__.replace("str", "string").replace("int", "integer") for value in schema["enum"]}
    return types or {"string"}


def _coerce(raw: str, types: set[str]) -> Any:
    """Turn a parameter's text into the JSON value its schema expects; text stays text otherwise."""
    if "integer" in types and _INTEGER.match(raw):
        return int(raw)
    if "number" in types and _NUMBER.match(raw):
        return float(raw)
    if "boolean" in types and raw in {"true", "false"}:
        return raw == "true"
    if "null" in types and raw == "" and "string" not in types:
        return None
    return raw


def _form_field_types(schema: Mapping[str, Any], components: Mapping[str, Any], seen: int = 0) -> dict[str, set[str]]:
    """The JSON types of each property of a form's (possibly composed or referenced) object schema."""
    if seen > 20:
        return {}
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _form_field_types(components.get("schemas", {}).get(name, {}), components, seen + 1)
    types: dict[str, set[str]] = {}
    for name, prop in schema.get("properties", {}).items():
        types.setdefault(name, set()).update(_schema_types(prop, components))
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            for name, found in _form_field_types(part, components, seen + 1).items():
                types.setdefault(name, set()).update(found)
    return types


@dataclass(frozen=True)
class _Parameter:
    name: str
    where: str  # how problems name it: ``query.size``
    required: bool
    types: set[str]
    is_array: bool
    validator: SchemaValidator

    def read(self, texts: Sequence[str], into: dict[str, Any], problems: list[FieldProblem]) -> None:
        """Coerce and check the parameter's texts: its value goes into ``into``, or what is wrong into ``problems``."""
        if not texts:
            if self.required:
                problems.append(FieldProblem(self.where, "is required"))
            return
        if self.is_array:
            value: Any = list(texts)
        elif len(texts) > 1:
            problems.append(FieldProblem(self.where, "is given more than once"))
            return
        else:
            value = _coerce(texts[0], self.types)
        found = self.validator.problems(value, self.where)
        if found:
            problems.extend(found)
        else:
            into[self.name] = value


class ParameterValidator:
    """Coerces and validates one operation's path, query and header parameters."""

    def __init__(self, parameters: Iterable[Mapping[str, Any]], components: Mapping[str, Any]) -> None:
        by_location: dict[str, list[_Parameter]] = {"path": [], "query": [], "header": []}
        for parameter in parameters:
            if parameter["in"] not in by_location:
                continue  # cookies: no spec here has one
            schema = parameter.get("schema", {})
            types = _schema_types(schema, components)
            by_location[parameter["in"]].append(
                _Parameter(
                    name=parameter["name"],
                    where=f"{parameter['in']}.{parameter['name']}",
                    required=bool(parameter.get("required", parameter["in"] == "path")),
                    types=types,
                    is_array=types == {"array"},
                    validator=SchemaValidator(schema, components),
                )
            )
        self._path = by_location["path"]
        self._query = by_location["query"]
        self._header = by_location["header"]
        # A request without a query string only needs its required query parameters checked.
        self._required_query = [parameter for parameter in self._query if parameter.required]
        self.reads_headers = bool(self._header)
        """Whether ``validate`` looks at the headers at all (callers may pass none when not)."""

    def validate(
        self,
        path: Mapping[str, str],
        query: Mapping[str, list[str]],
        headers: Mapping[str, str],
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Return (path values, query values), coerced; raises SimError 400 listing every problem."""
        problems: list[FieldProblem] = []
        path_values = _read_single(self._path, path, problems)
        query_values: dict[str, Any] = {}
        for parameter in self._query if query else self._required_query:
            parameter.read(query.get(parameter.name, ()), query_values, problems)
        _read_single(self._header, headers, problems)  # checked, not passed on: no handler reads one
        if problems:
            raise SimError(400, "invalid_request", "the request's parameters are invalid", problems)
        return path_values, query_values


def _read_single(
    parameters: Iterable[_Parameter], source: Mapping[str, str], problems: list[FieldProblem]
) -> dict[str, Any]:
    """Read parameters that carry one text each (path, header) from ``source``; return their values."""
    values: dict[str, Any] = {}
    for parameter in parameters:
        text = source.get(parameter.name)
        parameter.read(() if text is None else (text,), values, problems)
    return values


class BodyValidator:
    """Parses and validates one operation's request body (JSON or a form)."""

    def __init__(self, request_body: Mapping[str, Any] | None, components: Mapping[str, Any]) -> None:
        self.required = bool(request_body and request_body.get("required"))
        content = (request_body or {}).get("content", {})
        self.media_type = next(iter(content), None)
        self.is_form = self.media_type == "application/x-www-form-urlencoded"
        schema = content.get(self.media_type, {}).get("schema") if self.media_type else None
        self._validator = SchemaValidator(schema, components) if schema is not None else None
        # A form carries every value as text: each field is read as its schema's type, as
        # query parameters are (an integer field's "6000012" is the integer 6000012).
        self._form_types = _form_field_types(schema, components) if self.is_form and schema else {}

    def parse(self, raw: bytes) -> Any:
        """Return the validated body (None when there is none and none is required); raises SimError 400."""
        if self.media_type is None:
            return None
        if not raw.strip():
            if self.required:
                raise SimError(
                    400,
                    "invalid_request",
                    "a request body is required",
                    [FieldProblem("body", "is required")],
                )
            return None
        if self.is_form:
            try:
                fields = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
                types = self._form_types
                body: Any = {name: _coerce(value, types.get(name, {"string"})) for name, value in fields}
            except (UnicodeDecodeError, ValueError) as error:
                raise SimError(400, "invalid_request", f"the form body does not parse: {error}") from None
        else:
            # Vendors' own samples send JSON without a JSON content type (curl -d), and
            # their servers read it: so does the simulator, whatever the header says.
            try:
                body = json.loads(raw)
            except (UnicodeDecodeError, ValueError) as error:
                raise SimError(400, "invalid_json", f"the body is not valid JSON: {error}") from None
        if self._validator is not None:
            problems = self._validator.problems(body, "body")
            if problems:
                raise SimError(400, "invalid_request", "the request body is invalid", problems)
        return body
