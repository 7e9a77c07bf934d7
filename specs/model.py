"""A typed model of one spec: the operations, their parameters and the project's extensions.

Every installed layer reads a spec through this model rather than walking the YAML
itself: the overlays (retry safety, token placement, selectable fields), the simulators
(routes, permissions, default fields) and the contract hooks (error codes). The
generator script runs without the package installed and keeps its own reading of what
it needs (secret properties, answer enums). The extensions are described in
``specs/CONVENTIONS.md``; this module is the one place that knows their spelling.

    spec = api_spec("airvantage-partners")
    operation = spec.operation("findPartners")
    operation.parameter("fields").selectable_fields     # ('uid', 'name', 'picture', 'profile')
    spec.routes.match("GET", "/v1/partners/7fe1")        # Match(operation=<getPartner>, params={'uid': '7fe1'})
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .routing import Routes

__all__ = ["ApiSpec", "Operation", "Parameter", "RequestBody", "api_spec", "server_url"]

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def server_url(server: Mapping[str, Any], values: Mapping[str, object] | None = None) -> str:
    """A server object's URL with its variables filled in: from ``values`` where given, else their defaults.

    (``{protocol}://{hostname}:{port}/api``.) Raises ``ValueError`` for a value the
    variable's ``enum`` does not list, or for a variable the server does not have.
    """
    url: str = server["url"]
    variables: Mapping[str, Any] = server.get("variables", {})
    unknown = set(values or {}) - set(variables)
    if unknown:
        raise ValueError(f"the server {url} has no variable {', '.join(sorted(unknown))}")
    for name, variable in variables.items():
        value = str((values or {}).get(name, variable.get("default", "")))
        allowed = [str(choice) for choice in variable.get("enum", [])]
        if allowed and value not in allowed:
            raise ValueError(f"{name} must be {' or '.join(allowed)}, not {value!r}")
        url = url.replace("{" + name + "}", value)
    return url


def _strings(value: Any) -> tuple[str, ...] | None:
    return None if value is None else tuple(str(item) for item in value)


@dataclass(frozen=True)
class Parameter:
    """One parameter of an operation, ``$ref`` resolved.

    ``selectable_fields`` and ``default_fields`` are AirVantage's ``fields`` projection
    (``x-selectable-fields``, ``x-default-fields``): the fields a caller may ask for, and
    the ones an answer carries when it asks for none; ``error_codes`` the vendor's codes
    a bad value of it gets (AirVantage's ``company.unknown``).
    """

    name: str
    location: str
    required: bool
    schema: Mapping[str, Any]
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def selectable_fields(self) -> tuple[str, ...] | None:
        """The fields this parameter may select (``x-selectable-fields``), or None."""
        return _strings(self.raw.get("x-selectable-fields"))

    @property
    def default_fields(self) -> tuple[str, ...] | None:
        """The fields an answer carries when this parameter is absent (``x-default-fields``), or None."""
        return _strings(self.raw.get("x-default-fields"))

    @property
    def error_codes(self) -> tuple[Mapping[str, Any], ...]:
        """The vendor error codes documented for this parameter (``x-error-codes``), as the spec lists them."""
        return tuple(self.raw.get("x-error-codes") or ())


@dataclass(frozen=True)
class RequestBody:
    """An operation's request body: its first media type and that type's schema (``$ref`` kept)."""

    media_type: str
    schema: Mapping[str, Any]
    required: bool


@dataclass(frozen=True)
class Operation:
    """One operation of a spec: where it lives, what it takes and what the spec says about it.

    ``path`` is the template relative to the API's base URL (``/global/sites/{id}``);
    ``servers`` are the operation's own server URLs when it lives on another host (an
    OAuth server), else empty.
    """

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    servers: tuple[str, ...]
    secured: bool
    raw: Mapping[str, Any] = field(repr=False)

    @property
    def idempotent(self) -> bool:
        """Whether a retry is safe (``x-idempotent``; every operation says, see CONVENTIONS.md)."""
        return bool(self.raw["x-idempotent"])

    @property
    def permissions(self) -> tuple[str, ...]:
        """The rights a caller needs (``x-permissions``), empty when the spec names none."""
        return _strings(self.raw.get("x-permissions")) or ()

    @property
    def token_location(self) -> str | None:
        """Where the partner token travels for this operation (``x-token-location``: query, body), or None."""
        location = self.raw.get("x-token-location")
        return None if location is None else str(location)

    @property
    def error_codes(self) -> tuple[Mapping[str, Any], ...]:
        """The vendor error codes the operation documents (``x-error-codes``), as the spec lists them."""
        return tuple(self.raw.get("x-error-codes") or ())

    @property
    def own_base_path(self) -> str | None:
        """The path of the operation's own server (``""`` for a host's root), None when it has none.

        Such an operation's ``path`` is relative to that server, not to the API's base path.
        """
        return urlsplit(self.servers[0]).path.rstrip("/") if self.servers else None

    @property
    def deletes(self) -> bool:
        """Whether a success removes the record at this path: a ``DELETE``, or an action marked ``x-deletes``."""
        return self.method == "DELETE" or bool(self.raw.get("x-deletes", False))

    @property
    def leaves_lists(self) -> tuple[str, ...]:
        """The lists (operationIds) the record at this path leaves once this succeeded (``x-leaves-lists``)."""
        return _strings(self.raw.get("x-leaves-lists")) or ()

    @property
    def reply_body(self) -> bool:
        """Whether the body is a reply sent with the action, not the record's fields (``x-reply-body``)."""
        return bool(self.raw.get("x-reply-body", False))

    @property
    def tags(self) -> tuple[str, ...]:
        """The operation's tags."""
        return _strings(self.raw.get("tags")) or ()

    def parameter(self, name: str, location: str | None = None) -> Parameter:
        """The parameter ``name`` (in ``location`` when given); raises ``KeyError`` if there is none."""
        for parameter in self.parameters:
            if parameter.name == name and location in (None, parameter.location):
                return parameter
        raise KeyError(f"{self.operation_id} has no parameter {name!r}")


class ApiSpec:
    """One API's spec, read once: its operations in spec order, its base path and its routes.

    Build it with :func:`api_spec` (cached per key) or ``ApiSpec(key, raw)`` for a spec
    that is not shipped (a test's). Raises ``ValueError`` when an operation lacks an
    ``operationId`` or ``x-idempotent``, two operations share an id, or ``x-leaves-lists``
    names an operation the spec lacks.
    """

    def __init__(self, key: str, raw: Mapping[str, Any]) -> None:
        self.key = key
        self.raw = raw
        servers = raw.get("servers") or [{"url": ""}]
        self.server_urls: tuple[str, ...] = tuple(server_url(server) for server in servers)
        # The path every operation's template is relative to (/v4, /api/v1, or "").
        self.base_path = urlsplit(self.server_urls[0]).path.rstrip("/")
        self._operations: dict[str, Operation] = {}
        for operation in self._read_operations():
            if operation.operation_id in self._operations:
                raise ValueError(f"{key}: two operations are called {operation.operation_id}")
            self._operations[operation.operation_id] = operation
        for operation in self._operations.values():
            unknown = [name for name in operation.leaves_lists if name not in self._operations]
            if unknown:
                raise ValueError(f"{key}: {operation.operation_id}'s x-leaves-lists names no operation {unknown[0]}")
        self.routes = Routes(self._operations.values())

    def __repr__(self) -> str:
        return f"ApiSpec({self.key!r}, {len(self._operations)} operations)"

    @property
    def title(self) -> str:
        """The spec's ``info.title``."""
        return str(self.raw.get("info", {}).get("title", self.key))

    @property
    def schemas(self) -> Mapping[str, Any]:
        """``components.schemas``."""
        schemas: Mapping[str, Any] = self.raw.get("components", {}).get("schemas", {})
        return schemas

    @property
    def components(self) -> Mapping[str, Any]:
        """``components``."""
        components: Mapping[str, Any] = self.raw.get("components", {})
        return components

    @property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation, in the order the spec lists them."""
        return tuple(self._operations.values())

    def __iter__(self) -> Iterator[Operation]:
        return iter(self._operations.values())

    def operation(self, operation_id: str) -> Operation:
        """The operation with this ``operationId``; raises ``KeyError`` naming the known ones."""
        try:
            return self._operations[operation_id]
        except KeyError:
            known = ", ".join(self._operations)
            raise KeyError(f"{self.key} has no operation {operation_id!r}; known: {known}") from None

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """``node`` with a local ``$ref`` followed (one level at a time, until none is left)."""
        seen = 0
        while "$ref" in node:
            reference: str = node["$ref"]
            if not reference.startswith("#/"):
                raise ValueError(f"{self.key}: only local references are supported, not {reference!r}")
            target: Any = self.raw
            for part in reference[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
            seen += 1
            if seen > 32:
                raise ValueError(f"{self.key}: {reference} does not resolve (a reference cycle)")
        return node

    def request_constants(self, operation_id: str) -> tuple[dict[str, Any], ...]:
        """The properties the request body of ``operation_id`` fixes (``const``), one mapping per variant.

        A body schema with ``oneOf``/``anyOf`` gives one mapping per variant, in order
        (PortSIP's token request: ``{"grant_type": "password", "scope": "all", "client_id":
        ...}`` for the password grant); any other object schema gives one. Empty for an
        operation without a request body. Raises ``KeyError`` for an unknown operation.
        """
        body = self.operation(operation_id).request_body
        if body is None:
            return ()
        schema = self.resolve(body.schema)
        variants = schema.get("oneOf") or schema.get("anyOf") or [schema]
        constants: list[dict[str, Any]] = []
        for variant in map(self.resolve, variants):
            properties = {name: self.resolve(node) for name, node in variant.get("properties", {}).items()}
            constants.append({name: node["const"] for name, node in properties.items() if "const" in node})
        return tuple(constants)

    def _read_operations(self) -> Iterator[Operation]:
        default_security = self.raw.get("security", [])
        for path, item in self.raw.get("paths", {}).items():
            shared = item.get("parameters", [])
            for method, operation in item.items():
                if method not in METHODS:
                    continue
                where = f"{self.key}: {method.upper()} {path}"
                if "operationId" not in operation:
                    raise ValueError(f"{where} has no operationId")
                if not isinstance(operation.get("x-idempotent"), bool):
                    raise ValueError(f"{where}: the spec must say x-idempotent: true or false")
                servers = operation.get("servers") or item.get("servers") or ()
                yield Operation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    parameters=self._parameters([*shared, *operation.get("parameters", [])]),
                    request_body=self._request_body(operation.get("requestBody")),
                    servers=tuple(server_url(server) for server in servers),
                    secured=bool(operation.get("security", default_security)),
                    raw=operation,
                )

    def _parameters(self, nodes: list[Mapping[str, Any]]) -> tuple[Parameter, ...]:
        # An operation's parameter replaces a path item's of the same name and location.
        resolved = {(node["in"], node["name"]): node for node in map(self.resolve, nodes)}
        return tuple(
            Parameter(node["name"], node["in"], bool(node.get("required")), node.get("schema", {}), node)
            for node in resolved.values()
        )

    def _request_body(self, node: Mapping[str, Any] | None) -> RequestBody | None:
        if node is None:
            return None
        body = self.resolve(node)
        content: Mapping[str, Any] = body.get("content", {})
        if not content:
            return None
        media_type, media = next(iter(content.items()))
        return RequestBody(media_type, media.get("schema", {}), bool(body.get("required")))


@functools.cache
def api_spec(key: str) -> ApiSpec:
    """The typed model of the shipped spec ``key`` (read once per process); raises ``KeyError`` for an unknown key."""
    from . import load_spec

    return ApiSpec(key, load_spec(key))
