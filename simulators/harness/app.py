"""Build a simulator's ASGI app from its spec model: one route per spec path, one handler per operation.

The harness owns what every simulator shares: routing (the spec model's one rule,
:class:`partner_apis.specs.routing.Routes`), authentication through the simulator's
``authenticate``, parameter and body validation against the spec, error rendering in the
vendor's shape, 404/405 for unknown paths and methods, and the guarantee that no input
produces a 5xx (an unexpected exception is logged and answered 500 in the vendor's shape,
which the contract suite then reports). A simulator that lacks a handler for a spec
operation, or has one the spec lacks, fails to build.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.types import Receive, Scope, Send

from partner_apis.specs import ApiSpec, api_spec
from partner_apis.specs import Operation as SpecOperation
from partner_apis.specs.routing import Match, Routes

from .encoded import dumps
from .errors import SimError
from .validation import Body, BodyValidator, ParameterValidator

__all__ = [
    "Call",
    "Handler",
    "Operation",
    "Reply",
    "Simulator",
    "build_app",
    "handler_name",
    "query_values",
    "served_path",
    "spec_operations",
]

log = logging.getLogger("partner_apis.simulators")


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
    """A spec operation compiled for serving: the model's operation, where it is served, its validators.

    ``prefix`` is the path the operation's template is served under: the spec's base path,
    or the path of the operation's own server (Comm100 v4's token endpoint lives at the
    OAuth host's root, so the simulator serves it at its own root).
    """

    model: SpecOperation
    prefix: str
    parameters: ParameterValidator
    body: BodyValidator
    operation_id: str = field(init=False)
    secured: bool = field(init=False)

    def __post_init__(self) -> None:
        self.operation_id = self.model.operation_id
        self.secured = self.model.secured

    @property
    def method(self) -> str:
        """The HTTP method, upper case."""
        return self.model.method

    @property
    def path(self) -> str:
        """The path this operation is served at (its prefix and template: ``/v4/global/sites/{id}``)."""
        return self.prefix + self.model.path


class Simulator(Protocol):
    """What a simulator gives the harness: its spec key, auth, error shape and handlers.

    A simulator may also say ``declared_media_type_only = True``: a body whose
    ``Content-Type`` is not its operation's media type is then refused (415).
    """

    key: str

    def authenticate(self, request: Request, operation: Operation, body: Body) -> Any:
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


def _model(spec: ApiSpec | Mapping[str, Any]) -> ApiSpec:
    return spec if isinstance(spec, ApiSpec) else ApiSpec(str(spec.get("info", {}).get("title", "spec")), spec)


def served_path(spec: ApiSpec, operation_id: str) -> str:
    """Where a simulator serves an operation: under its own server's path if it has one, else the base path.

    Raises ``KeyError`` for an operation the spec lacks.
    """
    operation = spec.operation(operation_id)
    prefix = operation.own_base_path
    return (spec.base_path if prefix is None else prefix) + operation.path


def spec_operations(spec: ApiSpec | Mapping[str, Any], *, declared_only: bool = False) -> list[Operation]:
    """Compile every operation of ``spec`` (its model, or the parsed spec), in spec order.

    ``declared_only``: see :class:`~.validation.BodyValidator`. Raises ``ValueError`` for a
    parsed spec the model refuses (an operation without ``x-idempotent``).
    """
    model = _model(spec)
    return [
        Operation(
            operation,
            model.base_path if operation.own_base_path is None else operation.own_base_path,
            ParameterValidator(operation.parameters, model),
            BodyValidator(operation.request_body, model, declared_only=declared_only),
        )
        for operation in model
    ]


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


_NO_HEADERS: Mapping[str, str] = {}


def _allow(methods: Iterable[str]) -> str:
    # HEAD is served wherever GET is, so Allow names it too.
    found = set(methods)
    return ", ".join(sorted(found | {"HEAD"} if "GET" in found else found))


class SimulatorApp(Starlette):
    """The ASGI app of one simulator: the spec's routes, answered by the harness pipeline.

    HTTP requests go straight to the route match and :func:`_serve` rather than through
    Starlette's middleware and router layers (which would only hand them to this same
    match): the simulators are benchmarked against a bare ASGI app on the same server.
    It stays a ``Starlette`` for everything else (``app.state``, lifespan, TestClient).
    """

    def __init__(self, simulator: Simulator, spec: ApiSpec) -> None:
        super().__init__()
        self.simulator = simulator
        self.spec = spec
        operations = spec_operations(spec, declared_only=bool(getattr(simulator, "declared_media_type_only", False)))
        handlers = simulator.handlers()
        wanted = {handler_name(op.operation_id) for op in operations}
        missing, extra = wanted - set(handlers), set(handlers) - wanted
        if missing or extra:
            raise ValueError(
                f"{simulator.key}: handlers and spec operations differ: "
                f"missing handlers {sorted(missing)}, handlers without an operation {sorted(extra)}"
            )
        self._targets = {op.operation_id: (op, handlers[handler_name(op.operation_id)]) for op in operations}
        # Every operation under the spec's base path, except one the spec puts on another
        # host, which is served under that host's path only (Comm100 v4's /oauth/token is
        # not /v4/oauth/token): one Routes per path, the longest path tried first.
        by_prefix: dict[str, list[SpecOperation]] = {}
        for op in operations:
            by_prefix.setdefault(op.prefix, []).append(op.model)
        abroad = len(by_prefix) > 1 or spec.base_path not in by_prefix
        self._mounts = sorted(
            ((prefix, Routes(models) if abroad else spec.routes) for prefix, models in by_prefix.items()),
            key=lambda mount: -len(mount[0]),
        )

    def _match(self, method: str, path: str) -> Match | None:
        # Every route in turn: an index of candidates by depth and last segment in front of
        # this served no more requests a second in the benchmark (0.97-1.03, two runs).
        for prefix, routes in self._mounts:
            found = routes.match(method, path, prefix)
            if found is not None:
                if found.operation is None and method == "HEAD" and "GET" in found.allowed:
                    return routes.match("GET", path, prefix)
                return found
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        scope["app"] = self
        path, method = scope["path"], scope["method"]
        # The whole request in this one coroutine, the pipeline itself synchronous: each
        # layer of coroutines costs throughput, and only a request body needs awaiting.
        found = self._match(method, path)
        if found is None:
            reply = self.simulator.render_error(SimError(404, "not_found", f"no route for {path}"))
        elif found.operation is None:
            allow = {"Allow": _allow(found.allowed)}
            reply = self.simulator.render_error(
                SimError(405, "method_not_allowed", f"{method} is not allowed on {path}", headers=allow)
            )
        else:
            scope["path_params"] = found.params
            operation, handler = self._targets[found.operation.operation_id]
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
        if query_string:  # most reads have none, and parsing costs even then
            text = query_string.decode("latin-1")
            if "%" in text or "+" in text:
                pairs: Iterable[tuple[str, str]] = parse_qsl(text, keep_blank_values=True)
            else:
                # Nothing to unquote: what parse_qsl gives (empty fields skipped, a field
                # without '=' has the value ""), split by hand. Kept because it pays: in
                # the throughput benchmark, Omnize's reads (its token rides in the query)
                # served 5-7% more requests a second than with Starlette's parsing, in the
                # same runs (0.926-0.955 without it, AirVantage's query-less reads
                # 0.985-1.024: noise), and 3.1 of 11.7 us a request in-process.
                fields = (field.partition("=") for field in text.split("&") if field)
                pairs = [(name, value) for name, _, value in fields]
            for name, value in pairs:
                found.setdefault(name, []).append(value)
        scope[_QUERY] = found
    return found


def build_app(simulator: Simulator, spec: ApiSpec | Mapping[str, Any] | None = None) -> SimulatorApp:
    """Return the ASGI app serving every operation of ``spec`` (default: the simulator's key's) with its handlers.

    The simulator is at ``app.state.simulator``. Raises ``ValueError`` when handlers and
    spec operations are not the same set.
    """
    app = SimulatorApp(simulator, api_spec(simulator.key) if spec is None else _model(spec))
    app.state.simulator = simulator
    return app


def _serve(simulator: Simulator, operation: Operation, handler: Handler, request: Request, raw: bytes) -> Reply:
    try:
        body = Body(raw, operation.body, request)
        principal = simulator.authenticate(request, operation, body) if operation.secured else None
        parameters = operation.parameters
        headers = request.headers if parameters.reads_headers else _NO_HEADERS
        path_values, query = parameters.validate(request.path_params, query_values(request), headers)
        call = Call(operation.operation_id, principal, path_values, query, body.valid(), request, raw)
        return handler(call)
    except SimError as error:
        error.operation_id = operation.operation_id
        return simulator.render_error(error)
    except Exception:
        log.exception("simulator %s failed in %s", simulator.key, operation.operation_id)
        failure = SimError(500, "internal_error", "the simulator failed", operation_id=operation.operation_id)
        return simulator.render_error(failure)
