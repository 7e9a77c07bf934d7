"""One spec, indexed for comparing answers with it: routes, documented responses, schema validators.

The answers are checked with ``jsonschema`` (the Python reference implementation of JSON
Schema 2020-12, the dialect of OpenAPI 3.1) rather than ``jsonschema-rs``: each of its
errors hands back the schema node that refused the value, the keyword, and for a
``oneOf``/``anyOf`` the errors of every variant, which is what reporting per JSON
pointer, with the spec location to change, needs. The spec's own document is the one
resource of a ``referencing`` registry, so every ``$ref`` resolves into it and every
node an error names is a node of the parsed spec, found again by identity.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from partner_apis.specs import ApiSpec, Operation
from partner_apis.specs.routing import Routes

__all__ = ["Route", "SpecIndex", "escape", "spec_index"]

_INT32 = 2**31
_INT64 = 2**63


def escape(token: str) -> str:
    """One JSON pointer token, escaped (RFC 6901: ``~`` is ``~0``, ``/`` is ``~1``)."""
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _format_checker() -> FormatChecker:
    # A checker of our own (FormatChecker's registry is shared by every caller of jsonschema
    # in the process), with OpenAPI's integer formats, which JSON Schema does not define.
    checker = FormatChecker(Draft202012Validator.FORMAT_CHECKER.checkers)

    def int_range(bound: int) -> Any:
        def check(instance: object) -> bool:
            if isinstance(instance, int) and not isinstance(instance, bool):
                return -bound <= instance < bound
            return True

        return check

    checker.checks("int32")(int_range(_INT32))
    checker.checks("int64")(int_range(_INT64))
    return checker


@dataclass(frozen=True)
class Route:
    """Where an exchange's method and path lead: the operation (None when the template lacks the method).

    ``template`` is the matched path template, ``allowed`` the methods it has.
    """

    operation: Operation | None
    template: str
    allowed: tuple[str, ...]


class SpecIndex:
    """One API's spec for the drift checks: routes by server path, responses, validators, node locations.

    Build it with :func:`spec_index` (cached per key).
    """

    def __init__(self, spec: ApiSpec) -> None:
        self.spec = spec
        self.key = spec.key
        self._uri = f"urn:partner-apis:spec:{spec.key}"
        resource = DRAFT202012.create_resource(spec.raw)
        self._registry: Registry[Any] = Registry().with_resource(self._uri, resource)
        self._checker = _format_checker()
        self._locations: dict[int, str] = {}
        self._index_nodes(spec.raw, "")
        # Every operation under the path of each of the spec's servers (a vendor's current
        # and deprecated hosts), except one the spec puts on hosts of its own (an OAuth token
        # endpoint), which lives under those hosts' paths only: the simulators' mounting,
        # for every server, longest path first.
        by_prefix: dict[str, list[Operation]] = {}
        for operation in spec:
            servers = operation.servers or spec.server_urls
            for prefix in dict.fromkeys(urlsplit(url).path.rstrip("/") for url in servers):
                by_prefix.setdefault(prefix, []).append(operation)
        self.prefixes = tuple(sorted(by_prefix, key=len, reverse=True))
        self._mounts = [(prefix, Routes(by_prefix[prefix])) for prefix in self.prefixes]
        self.secret_names = frozenset(self._secret_names())

    def _index_nodes(self, node: Any, pointer: str) -> None:
        if isinstance(node, Mapping):
            self._locations[id(node)] = pointer
            for key, value in node.items():
                self._index_nodes(value, f"{pointer}/{escape(str(key))}")
        elif isinstance(node, list):
            for position, value in enumerate(node):
                self._index_nodes(value, f"{pointer}/{position}")

    def _secret_names(self) -> Iterator[str]:
        # Every property the spec marks as a credential (CONVENTIONS.md: format: password).
        def walk(node: Any) -> Iterator[str]:
            if isinstance(node, Mapping):
                properties = node.get("properties")
                if isinstance(properties, Mapping):
                    for name, schema in properties.items():
                        if isinstance(schema, Mapping) and schema.get("format") == "password":
                            yield str(name)
                for value in node.values():
                    yield from walk(value)
            elif isinstance(node, list):
                for value in node:
                    yield from walk(value)

        return walk(self.spec.raw)

    # -- locations --------------------------------------------------------------------------

    def location_of(self, node: object) -> str | None:
        """The JSON pointer of a node of the parsed spec (``/components/schemas/Site``), or None."""
        return self._locations.get(id(node))

    def node(self, pointer: str) -> Any:
        """The spec's node at ``pointer``; raises ``KeyError`` when there is none."""
        node: Any = self.spec.raw
        for token in pointer.split("/")[1:] if pointer else ():
            key = _unescape(token)
            node = node[int(key)] if isinstance(node, list) else node[key]
        return node

    def resolve(self, pointer: str) -> tuple[str, Any]:
        """The pointer and node that ``pointer`` leads to once its ``$ref`` chain is followed.

        Raises ``ValueError`` for a reference that leaves the document or loops.
        """
        node = self.node(pointer)
        for _ in range(32):
            if not isinstance(node, Mapping) or "$ref" not in node:
                return pointer, node
            reference = str(node["$ref"])
            if not reference.startswith("#"):
                raise ValueError(f"{self.key}: only local references are supported, not {reference!r}")
            pointer = reference[1:]
            node = self.node(pointer)
        raise ValueError(f"{self.key}: {pointer} does not resolve (a reference cycle)")

    @staticmethod
    def operation_pointer(operation: Operation) -> str:
        """The pointer of an operation object (``/paths/~1global~1sites~1{id}/get``)."""
        return f"/paths/{escape(operation.path)}/{operation.method.lower()}"

    # -- routes and responses ---------------------------------------------------------------

    def match(self, method: str, path: str) -> Route | None:
        """The route of a request path as sent (server path included), or None when no template matches it.

        A HEAD is the GET of its path when the spec has no HEAD there (servers answer it so).
        """
        for prefix, routes in self._mounts:
            found = routes.match(method, path, prefix)
            if found is None:
                continue
            operation = found.operation
            if operation is None and method == "HEAD" and "GET" in found.allowed:
                operation = routes.find("GET", path, prefix)
            sample = operation or routes.find(found.allowed[0], path, prefix)
            template = sample.path if sample is not None else path
            return Route(operation, template, found.allowed)
        return None

    def response(self, operation: Operation, status: int) -> tuple[str, str] | None:
        """The documented response for ``status``: its key (``200``, ``4XX``, ``default``) and resolved pointer.

        None when the operation documents neither the status, its range, nor a default.
        """
        responses = operation.raw.get("responses") or {}
        for key in (str(status), f"{status // 100}XX", f"{status // 100}xx", "default"):
            if key in responses:
                pointer, _ = self.resolve(f"{self.operation_pointer(operation)}/responses/{escape(key)}")
                return key, pointer
        return None

    # -- schemas ------------------------------------------------------------------------------

    @functools.cache  # noqa: B019 (one index per spec, kept for the process like the spec itself)
    def validator(self, pointer: str) -> Draft202012Validator:
        """A validator of the schema at ``pointer``, its references resolved in the spec, formats checked."""
        return Draft202012Validator(
            {"$ref": f"{self._uri}#{pointer}"}, registry=self._registry, format_checker=self._checker
        )


@functools.cache
def spec_index(key: str) -> SpecIndex:
    """The index of the shipped spec ``key`` (built once per process); raises ``KeyError`` for an unknown key."""
    from partner_apis.specs import api_spec

    return SpecIndex(api_spec(key))
