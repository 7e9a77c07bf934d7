"""Build a simulator's ASGI app from its spec: one route per spec path, one handler per operation.

The harness owns what every simulator shares: routing (including colon action paths),
authentication through the simulator's ``authenticate``, parameter and body validation
against the spec, error rendering in the vendor's shape, 404/405 for unknown paths and
methods, and the guarantee that no input produces a 5xx (an unexpected exception is
logged and answered 500 in the vendor's shape, which the contract suite then reports).
A simulator that lacks a handler for a spec operation, or has one the spec lacks, fails
to build.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .errors import SimError
from .validation import BodyValidator, ParameterValidator

__all__ = [
    "Call",
    "Handler",
    "Operation",
    "Reply",
    "Simulator",
    "build_app",
    "handler_name",
    "spec_operations",
]

log = logging.getLogger("partner_apis.simulators")

_METHODS = ("get", "put", "post", "delete", "patch")


class _SegmentConvertor(Convertor[str]):
    """A path parameter that stops at '/' and ':' so ``/sites/{id}`` never swallows ``/sites/1:action``."""

    regex = "[^/:]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("segment", _SegmentConvertor())


@dataclass(frozen=True)
class Reply:
    """What a handler answers: a status, a JSON body (None for no body) and headers."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Call:
    """One validated request, as a handler receives it."""

    operation_id: str
    principal: Any
    path: dict[str, Any]
    query: dict[str, Any]
    body: Any
    request: Request
    raw_body: bytes = b""


Handler = Callable[[Call], Reply]


@dataclass
class Operation:
    """A spec operation compiled for serving."""

    operation_id: str
    method: str
    path: str
    spec: Mapping[str, Any]
    secured: bool
    parameters: ParameterValidator
    body: BodyValidator


class Simulator(Protocol):
    """What a simulator gives the harness: its spec key, auth, error shape and handlers."""

    key: str

    def authenticate(self, request: Request, operation: Operation, body: bytes) -> Any:
        """Return the caller (a principal) or raise SimError (401/403)."""
        ...

    def render_error(self, error: SimError) -> Reply:
        """Render a refusal in the vendor's own error shape."""
        ...

    def handlers(self) -> Mapping[str, Handler]:
        """The handler of every spec operation, by snake_case operationId."""
        ...


def handler_name(operation_id: str) -> str:
    """``changeSiteStatus`` -> ``change_site_status``: the name a handler has for an operation."""
    out = []
    for index, char in enumerate(operation_id):
        if char.isupper() and index and not operation_id[index - 1].isupper():
            out.append("_")
        out.append(char.lower())
    return "".join(out)


def spec_operations(spec: Mapping[str, Any]) -> list[Operation]:
    """Compile every operation of ``spec``, with its route path (server path prefix included)."""
    components = spec.get("components", {})
    default_security = spec.get("security", [])
    operations = []
    for path, item in spec["paths"].items():
        shared = item.get("parameters", [])
        for method in _METHODS:
            if method not in item:
                continue
            operation = item[method]
            servers = operation.get("servers") or item.get("servers") or spec.get("servers") or [{"url": ""}]
            prefix = urlsplit(servers[0]["url"]).path.rstrip("/")
            resolved = [_resolve(p, components) for p in [*shared, *operation.get("parameters", [])]]
            parameters = list({(p["in"], p["name"]): p for p in resolved}.values())
            operations.append(
                Operation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=prefix + path,
                    spec=operation,
                    secured=bool(operation.get("security", default_security)),
                    parameters=ParameterValidator(parameters, components),
                    body=BodyValidator(operation.get("requestBody"), components),
                )
            )
    return operations


def _resolve(node: Mapping[str, Any], components: Mapping[str, Any]) -> Mapping[str, Any]:
    if "$ref" not in node:
        return node
    section, name = node["$ref"].split("/")[-2:]
    resolved: Mapping[str, Any] = components[section][name]
    return resolved


def _render(reply: Reply) -> Response:
    if reply.body is None:
        return Response(status_code=reply.status, headers=dict(reply.headers))
    content = json.dumps(reply.body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return Response(
        content, status_code=reply.status, headers=dict(reply.headers), media_type="application/json"
    )


def build_app(simulator: Simulator, spec: Mapping[str, Any]) -> Starlette:
    """Return the ASGI app serving every operation of ``spec`` with ``simulator``'s handlers.

    Raises ``ValueError`` when handlers and spec operations are not the same set.
    """
    operations = spec_operations(spec)
    handlers = simulator.handlers()
    wanted = {handler_name(op.operation_id) for op in operations}
    missing, extra = wanted - set(handlers), set(handlers) - wanted
    if missing or extra:
        raise ValueError(
            f"{simulator.key}: handlers and spec operations differ: "
            f"missing handlers {sorted(missing)}, handlers without an operation {sorted(extra)}"
        )

    by_path: dict[str, dict[str, Operation]] = {}
    for operation in operations:
        by_path.setdefault(operation.path, {})[operation.method] = operation

    def endpoint_for(methods: dict[str, Operation]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            # HEAD reaches the GET operation (Starlette adds it); its body is dropped on the wire.
            operation = methods.get(request.method) or methods["GET"]
            return await _serve(simulator, operation, handlers[handler_name(operation.operation_id)], request)

        return endpoint

    # Literal paths first, then by length: the most specific route is tried first, and
    # the ':'-excluding convertor keeps {id} from matching an action suffix anyway.
    ordered = sorted(by_path.items(), key=lambda item: (item[0].count("{"), -len(item[0])))
    routes = [
        Route(path.replace("}", ":segment}"), endpoint_for(methods), methods=list(methods))
        for path, methods in ordered
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return _render(simulator.render_error(SimError(404, "not_found", f"no route for {request.url.path}")))

    async def not_allowed(request: Request, exc: Exception) -> Response:
        # Starlette's router raises this when the path matches and the method does not;
        # its Allow header lists the spec's methods for the path.
        allow = getattr(exc, "headers", None) or {}
        error = SimError(
            405,
            "method_not_allowed",
            f"{request.method} is not allowed on {request.url.path}",
            headers=dict(allow),
        )
        return _render(simulator.render_error(error))

    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("simulator %s failed on %s %s", simulator.key, request.method, request.url.path)
        return _render(simulator.render_error(SimError(500, "internal_error", "the simulator failed")))

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed, Exception: crashed})


async def _serve(simulator: Simulator, operation: Operation, handler: Handler, request: Request) -> Response:
    try:
        raw = await request.body()
        principal = simulator.authenticate(request, operation, raw) if operation.secured else None
        query: dict[str, list[str]] = {}
        for name, value in request.query_params.multi_items():
            query.setdefault(name, []).append(value)
        path_values, query_values = operation.parameters.validate(request.path_params, query, request.headers)
        body = operation.body.parse(raw)
        call = Call(operation.operation_id, principal, path_values, query_values, body, request, raw)
        reply = handler(call)
    except SimError as error:
        reply = simulator.render_error(error)
    except Exception:
        log.exception("simulator %s failed in %s", simulator.key, operation.operation_id)
        reply = simulator.render_error(SimError(500, "internal_error", "the simulator failed"))
    return _render(reply)
