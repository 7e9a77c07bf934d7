"""Request validation driven by the spec model: parameters coerced from text, bodies by JSON Schema.

The same JSON Schema the contract suite generates data from decides here what is valid
(jsonschema-rs: a Rust validator, fast enough that validation costs the simulators little
throughput), so "valid" means one thing to Schemathesis and to the simulator. Each
problem keeps the validator's structured error (where, which keyword, its terms, the
value), so a simulator words its refusals from fields rather than from message text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import jsonschema_rs
from starlette.requests import Request

from partner_apis.specs import ApiSpec, Parameter
from partner_apis.specs.model import RequestBody

from .errors import FieldProblem, SimError

__all__ = ["Body", "BodyValidator", "ParameterValidator", "SchemaValidator"]

_INTEGER = re.compile(r"^[+-]?\d{1,30}$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_FORM = "application/x-www-form-urlencoded"

# OpenAPI's integer formats bound the value; JSON Schema ignores formats on numbers, so
# the bounds become explicit minimum/maximum (what a C# or Java server's binder enforces).
_INTEGER_BOUNDS = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
# Keywords whose message names properties, never the value sent; any other message that
# does not start with the value is not repeated (it could end with the value).
_NAMES_ONLY = frozenset({"required", "additionalProperties", "unevaluatedProperties", "dependentRequired"})


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


def _without_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates replaced: jsonschema-rs cannot write them into its messages."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value


def _reason(message: str, keyword: str) -> str:
    """The validator's message without the value it starts with (jsonschema-rs: ``<value as JSON> <reason>``)."""
    if keyword == "not":  # "<the not schema> is not allowed for <value>"
        return "is not allowed"
    try:
        _, end = json.JSONDecoder().raw_decode(message)
    except ValueError:
        return message if keyword in _NAMES_ONLY else "is invalid"
    return message if keyword in _NAMES_ONLY else message[end:].strip() or "is invalid"


class SchemaValidator:
    """A compiled JSON Schema that resolves ``#/components/...`` against its spec."""

    def __init__(self, schema: Mapping[str, Any], components: Mapping[str, Any]) -> None:
        self.schema = schema
        root = _bounded({**schema, "components": components})
        self._validator = jsonschema_rs.validator_for(root, validate_formats=True)

    def problems(self, value: Any, where: str) -> list[FieldProblem]:
        """List what is wrong with ``value``, each located under ``where``; empty when valid."""
        try:
            if self._validator.is_valid(value):
                return []
            errors = list(self._validator.iter_errors(value))
        except UnicodeEncodeError:
            errors = list(self._validator.iter_errors(_without_surrogates(value)))
        found = []
        for error in errors:
            path = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.instance_path)
            keyword, details = error.kind.name, error.kind.as_dict()
            if "context" in details:  # oneOf, anyOf: each branch's errors; what counts is how many matched
                details = {"matched": sum(1 for branch in details["context"] if not branch)}
            reason = _reason(error.message, keyword)
            found.append(FieldProblem(f"{where}{path}", error.message, keyword, reason, error.instance, details))
        return found


def _schema_types(schema: Mapping[str, Any], spec: ApiSpec, seen: int = 0) -> set[str]:
    """The JSON types a (possibly composed or referenced) schema admits."""
    if seen > 20:
        return set()
    schema = spec.resolve(schema)
    types: set[str] = set()
    kind = schema.get("type")
    if isinstance(kind, str):
        types.add(kind)
    elif isinstance(kind, list):
        types.update(kind)
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            types |= _schema_types(part, spec, seen + 1)
    if "enum" in schema and not types:
        types |= {type(value).__name__.replace("str", "string").replace("int", "integer") for value in schema["enum"]}
    return types or {"string"}


def _coerce(raw: str, types: set[str]) -> Any:
    """Turn a parameter's text into the JSON value its schema expects; text stays text otherwise."""
    if "integer" in types and _INTEGER.match(raw):
        return int(raw)
    if "integer" in types and len(raw) <= 40 and _NUMBER.match(raw):
        # JSON Schema counts a number with no fractional part as an integer: "91236.0" is 91236.
        number = Decimal(raw)
        if number == number.to_integral_value() and number.adjusted() < 30:
            return int(number)
    if "number" in types and _NUMBER.match(raw):
        return float(raw)
    if "boolean" in types and raw in {"true", "false"}:
        return raw == "true"
    if "null" in types and raw == "" and "string" not in types:
        return None
    return raw


def _form_field_types(schema: Mapping[str, Any], spec: ApiSpec, seen: int = 0) -> dict[str, set[str]]:
    """The JSON types of each property of a form's (possibly composed or referenced) object schema."""
    if seen > 20:
        return {}
    schema = spec.resolve(schema)
    types: dict[str, set[str]] = {}
    for name, prop in schema.get("properties", {}).items():
        types.setdefault(name, set()).update(_schema_types(prop, spec))
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, []):
            for name, found in _form_field_types(part, spec, seen + 1).items():
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

    def __init__(self, parameters: Iterable[Parameter], spec: ApiSpec) -> None:
        by_location: dict[str, list[_Parameter]] = {"path": [], "query": [], "header": []}
        for parameter in parameters:
            if parameter.location not in by_location:
                continue  # cookies: no spec here has one
            types = _schema_types(parameter.schema, spec)
            by_location[parameter.location].append(
                _Parameter(
                    name=parameter.name,
                    where=f"{parameter.location}.{parameter.name}",
                    required=parameter.required or parameter.location == "path",
                    types=types,
                    is_array=types == {"array"},
                    validator=SchemaValidator(parameter.schema, spec.components),
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
    """Parses one operation's request body by its media type (JSON or a form) and validates it.

    ``declared_only`` (a Rails vendor's rule) refuses a body whose ``Content-Type`` is not
    the operation's media type (415); without it, a body is read as the operation's media
    type whatever its header says (vendors' curl samples send JSON as a form, and their
    servers read it).
    """

    def __init__(self, request_body: RequestBody | None, spec: ApiSpec, *, declared_only: bool = False) -> None:
        self.required = bool(request_body and request_body.required)
        self.media_type = request_body.media_type if request_body else None
        self.declared_only = declared_only
        schema = request_body.schema if request_body else None
        self._validator = SchemaValidator(schema, spec.components) if schema else None
        # A form carries every value as text: each field is read as its schema's type, as
        # query parameters are (an integer field's "6000012" is the integer 6000012).
        self._form_types = _form_field_types(schema, spec) if self.media_type == _FORM and schema else {}

    def parse(self, raw: bytes, request: Request | None = None) -> Any:
        """The body's value, not yet validated (None when there is none); raises SimError 400 or 415."""
        if self.media_type is None or not raw.strip():
            return None
        if self.declared_only and request is not None:
            declared = request.headers.get("content-type", "").partition(";")[0].strip().lower()
            if declared != self.media_type and not (self.media_type.endswith("json") and declared.endswith("+json")):
                raise SimError(415, "unsupported_media_type", f"Content-Type must be {self.media_type}")
        if self.media_type == _FORM:
            try:
                fields = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=True)
            except (UnicodeDecodeError, ValueError):
                # Not the parser's words: they quote the form, which may hold a password.
                raise SimError(400, "invalid_request", "the form body does not parse") from None
            return {name: _coerce(value, self._form_types.get(name, {"string"})) for name, value in fields}
        try:
            return json.loads(raw)
        except (UnicodeDecodeError, ValueError) as error:
            raise SimError(400, "invalid_json", f"the body is not valid JSON: {error}") from None

    def validate(self, value: Any) -> Any:
        """``value`` (a parsed body, None for none) if the schema admits it; raises SimError 400 saying why."""
        if value is None:
            if self.required:
                required = [FieldProblem("body", "is required")]
                raise SimError(400, "invalid_request", "a request body is required", required)
            return None
        if self._validator is not None:
            problems = self._validator.problems(value, "body")
            if problems:
                raise SimError(400, "invalid_request", "the request body is invalid", problems)
        return value


class Body:
    """A request's body as its operation reads it: parsed, then validated, each once and only when asked.

    Authentication may read the body first (a vendor that takes its token from the JSON
    body); what it parsed is what the handler then gets.
    """

    __slots__ = ("_parsed", "_reader", "_request", "_valid", "raw")

    _UNSET: Any = object()

    def __init__(self, raw: bytes, reader: BodyValidator, request: Request | None = None) -> None:
        self.raw = raw
        self._reader = reader
        self._request = request
        self._parsed: Any = Body._UNSET
        self._valid: Any = Body._UNSET

    def parsed(self) -> Any:
        """The body as its media type reads it (None for none), not yet checked; raises SimError 400 or 415."""
        if self._parsed is Body._UNSET:
            self._parsed = self._reader.parse(self.raw, self._request)
        return self._parsed

    def valid(self) -> Any:
        """The body as the spec admits it; raises SimError 400 (or 415) saying what is wrong."""
        if self._valid is Body._UNSET:
            self._valid = self._reader.validate(self.parsed())
        return self._valid
