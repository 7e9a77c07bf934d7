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

import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlsplit

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.types import Receive, Scope, Send

from .encoded import dumps
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
    "query_values",
    "spec_operations",
]

log = logging.getLogger("partner_apis.simulators")

_METHODS = ("get", "put", "post", "delete", "patch")


# Not frozen, though handlers never change one once made: a frozen dataclass's __init__
# costs three times a plain one's, and every request makes a Reply (and a Call).
@dataclass(slots=True)
class Reply:
    """What a handler answers: a status, a JSON body (None for no body) and headers."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(slots=True)
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
            prefix = urlsplit(_server_url(servers[0])).path.rstrip("/")
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


def _server_url(server: Mapping[str, Any]) -> str:
    """A server object's URL with its variables at their defaults (``{protocol}://{hostname}:{port}/api``)."""
    url: str = server["url"]
    for name, variable in server.get("variables", {}).items():
        url = url.replace("{" + name + "}", str(variable.get("default", "")))
    return url


def _resolve(node: Mapping[str, Any], components: Mapping[str, Any]) -> Mapping[str, Any]:
    if "$ref" not in node:
        return node
    section, name = node["$ref"].split("/")[-2:]
    resolved: Mapping[str, Any] = components[section][name]
    return resolved


_NO_BODY = [(b"content-length", b"0")]


def _encode(reply: Reply) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
    """A reply as the status, raw headers and body bytes that go on the wire."""
    if reply.body is None:
        body = b""
        headers = _NO_BODY
    else:
        body = dumps(reply.body)
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    if reply.headers:
        return reply.status, [*_raw_headers(reply.headers), *headers], body
    return reply.status, headers, body


def _raw_headers(headers: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    return [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]


def _route_pattern(template: str) -> re.Pattern[str]:
    # A path parameter is one whole segment, ':' included (an id a client sends with a
    # colon reaches the operation, whose validation answers it in the vendor's shape).
    # /sites/1:action still reaches its colon action path: that template is the longer
    # one, and routes are tried longest first (see SimulatorApp).
    pieces = re.split(r"\{([^}/]+)\}", template)
    regex = "".join(re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>[^/]+)" for index, piece in enumerate(pieces))
    return re.compile(regex)


_NO_HEADERS: Mapping[str, str] = {}

_Route = tuple[re.Pattern[str], dict[str, tuple[Operation, Handler]], str]


class SimulatorApp(Starlette):
    """The ASGI app of one simulator: routes from the spec, answered by the harness pipeline.

    HTTP requests take a direct path (route match, then :func:`_serve`) rather than
    Starlette's middleware and router layers: the simulators are benchmarked against a
    bare ASGI app on the same server, and those layers cost a third of the throughput.
    It stays a ``Starlette`` for everything else (``app.state``, lifespan, TestClient).
    """

    def __init__(self, simulator: Simulator, spec: Mapping[str, Any]) -> None:
        super().__init__()
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
        # Literal paths first, then the longest: the most specific route is tried first.
        ordered = sorted(by_path.items(), key=lambda item: (item[0].count("{"), -len(item[0])))
        self.simulator = simulator
        routes: list[_Route] = [
            (
                _route_pattern(path),
                {method: (op, handlers[handler_name(op.operation_id)]) for method, op in methods.items()},
                # HEAD is served wherever GET is, so Allow names it too.
                ", ".join(sorted({*methods, "HEAD"} if "GET" in methods else set(methods))),
            )
            for path, methods in ordered
        ]
        # A path parameter never spans a '/', so a route only ever matches paths with as
        # many slashes as its template, and a template whose last segment is literal only
        # paths that end in it: each request tries only the routes it could match, in the
        # same order (keyed by depth and last segment; None stands for any last segment).
        by_depth: dict[int, list[tuple[str | None, _Route]]] = {}
        for (path, _), route in zip(ordered, routes, strict=True):
            last = path.rpartition("/")[2]
            by_depth.setdefault(path.count("/"), []).append((None if "{" in last else last, route))
        self._candidates: dict[tuple[int, str | None], list[_Route]] = {}
        for depth, found in by_depth.items():
            for literal in {last for last, _ in found}:
                self._candidates[depth, literal] = [route for last, route in found if last in (None, literal)]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        path, method = scope["path"], scope["method"]
        # The whole request in this one coroutine, the pipeline itself synchronous: each
        # layer of coroutines costs throughput, and only a request body needs awaiting.
        depth, last = path.count("/"), path.rpartition("/")[2]
        candidates = self._candidates.get((depth, last)) or self._candidates.get((depth, None)) or ()
        for pattern, methods, allow in candidates:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            target = methods.get(method) or (methods.get("GET") if method == "HEAD" else None)
            if target is None:
                error = SimError(
                    405, "method_not_allowed", f"{method} is not allowed on {path}", headers={"Allow": allow}
                )
                reply = self.simulator.render_error(error)
                break
            scope["path_params"] = match.groupdict()
            operation, handler = target
            request = Request(scope, receive)
            # Only operations with a request body read one: a GET's stray body is left unread.
            if operation.body.media_type:
                try:
                    raw = await request.body()
                except ClientDisconnect:
                    return  # nobody is left to answer
            else:
                raw = b""
            reply = _serve(self.simulator, operation, handler, request, raw)
            break
        else:
            reply = self.simulator.render_error(SimError(404, "not_found", f"no route for {path}"))
        status, headers, body = _encode(reply)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})


_QUERY = "partner_apis.query"  # where a request's parsed query is kept, in its ASGI scope


def query_values(request: Request) -> dict[str, list[str]]:
    """The request's query: each name with its values in order, parsed once per request.

    What Starlette's ``request.query_params`` holds (its ``get`` is the last value), shared
    by the harness's validation and a simulator's authentication (a token in the query).
    """
    scope = request.scope
    found: dict[str, list[str]] | None = scope.get(_QUERY)
    if found is None:
        found = {}
        query_string: bytes = scope["query_string"]
        if query_string:  # most reads have none, and parse_qsl costs even then
            text = query_string.decode("latin-1")
            if "%" in text or "+" in text:
                pairs: Iterable[tuple[str, str]] = parse_qsl(text, keep_blank_values=True)
            else:
                # Nothing to unquote: what parse_qsl gives, at a fifth of its cost (empty
                # fields skipped, a field without '=' has the value "").
                fields = (field.partition("=") for field in text.split("&") if field)
                pairs = [(name, value) for name, _, value in fields]
            for name, value in pairs:
                found.setdefault(name, []).append(value)
        scope[_QUERY] = found
    return found


def build_app(simulator: Simulator, spec: Mapping[str, Any]) -> SimulatorApp:
    """Return the ASGI app serving every operation of ``spec`` with ``simulator``'s handlers.

    Raises ``ValueError`` when handlers and spec operations are not the same set.
    """
    return SimulatorApp(simulator, spec)


def _serve(simulator: Simulator, operation: Operation, handler: Handler, request: Request, raw: bytes) -> Reply:
    try:
        principal = simulator.authenticate(request, operation, raw) if operation.secured else None
        parameters = operation.parameters
        headers = request.headers if parameters.reads_headers else _NO_HEADERS
        path_values, query = parameters.validate(request.path_params, query_values(request), headers)
        body = operation.body.parse(raw)
        call = Call(operation.operation_id, principal, path_values, query, body, request, raw)
        return handler(call)
    except SimError as error:
        error.operation_id = operation.operation_id
        return simulator.render_error(error)
    except Exception:
        log.exception("simulator %s failed in %s", simulator.key, operation.operation_id)
        failure = SimError(500, "internal_error", "the simulator failed", operation_id=operation.operation_id)
        return simulator.render_error(failure)
