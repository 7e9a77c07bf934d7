"""The simulator app that injects a fault profile's faults into the requests it serves.

:class:`FaultySimulatorApp` is a :class:`~..app.SimulatorApp` (so ``app.state.simulator``,
lifespan and TestClient work as before) that, for each request to a spec operation, asks
its :class:`~.plan.FaultPlan` what happens, then waits, answers a fault, or drops the
connection before or after the request is processed. An answer a fault touched carries
``x-simulator-fault: <label>`` (``rate-limit``, ``server-error:503``, ``latency``,
``vendor:internal-error``, several joined by commas) and the access log names the fault
(``fault=<label>``), dropped connections included. Requests no route serves get none.

Dropping a connection. ASGI lets an app answer or fail, and a server answers a failing
app with a 500: there is no ASGI message for "close without answering". So the drop is
done on the server's connection itself:

- under uvicorn (what ``serve()``, ``running()``, the pytest fixture and the CLI run;
  checked with uvicorn 0.55, whose two HTTP/1.1 implementations, h11 and httptools, are
  alike here), the ``send`` callable uvicorn hands the app is a method of its per-request
  cycle, whose ``transport`` is the connection's asyncio (or uvloop) transport: this is
  uvicorn's internals, used because no public way exists, and checked by the reset tests
  of tests/simulators/test_faults.py (another uvicorn would turn the reset into a 500
  there, and fail them). The socket gets
  ``SO_LINGER`` 0 and the transport is aborted, so the client reads a TCP reset (httpx:
  ``ReadError``, or ``RemoteProtocolError`` when it saw the close first) and never an
  answer. The app then yields once so uvicorn sees the connection lost before the app
  returns, and writes nothing more. The access log (``AccessLog``) keeps the server's own
  ``send`` in the scope for this, since it wraps the app's;
- anywhere else (httpx's ``ASGITransport``, Starlette's TestClient) there is no
  connection: the app raises ``httpx.ReadError`` (``ConnectionResetError`` without
  httpx), which those transports pass up to the client (``ASGITransport``'s default
  ``raise_app_exceptions=True``) as the dropped connection;
- a server whose ``send`` hides its connection (another ASGI wrapper in front) gets the
  exception too, and answers it with its 500: the fault then shows as a 500 without the
  fault header, and the access log still names it.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import http
import math
import socket
import struct
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import anyio
import orjson
from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

from partner_apis.simulators.harness.access import FAULT_SCOPE, SERVER_SEND
from partner_apis.simulators.harness.app import Reply, Simulator, SimulatorApp, _encode
from partner_apis.simulators.harness.errors import SimError
from partner_apis.specs import ApiSpec, api_spec

from .plan import Decision, FaultPlan, VendorFault
from .profile import FaultProfile, FaultRule, load_profile

__all__ = ["FAULT_HEADER", "FaultySimulatorApp", "build_faulty_app", "fault_plan"]

FAULT_HEADER = "x-simulator-fault"
_FAULT_HEADER_RAW = FAULT_HEADER.encode("latin-1")


def fault_plan(simulator: Simulator, profile: str | Path | FaultProfile, seed: int = 0) -> FaultPlan:
    """Compile ``profile`` (a shipped name, a file path or a loaded profile) for ``simulator``.

    Raises :class:`~.profile.FaultProfileError` (a ``ValueError``) for a bad profile.
    """
    # A class attribute (read on the class: a simulator's __getattr__ is for handlers).
    vendor_faults: Mapping[str, VendorFault] = getattr(type(simulator), "vendor_faults", {})
    return FaultPlan(load_profile(profile), api_spec(simulator.key), vendor_faults, seed)


def build_faulty_app(
    simulator: Simulator, profile: str | Path | FaultProfile, seed: int = 0, spec: ApiSpec | None = None
) -> FaultySimulatorApp:
    """The app of ``simulator`` with the faults of ``profile`` drawn from ``seed``.

    Raises :class:`~.profile.FaultProfileError` for a bad profile and ``ValueError`` as
    :func:`~..app.build_app` does.
    """
    app = FaultySimulatorApp(simulator, api_spec(simulator.key) if spec is None else spec, profile, seed)
    app.state.simulator = simulator
    return app


class FaultySimulatorApp(SimulatorApp):
    """A simulator app that injects a fault profile (see the module's docstring); ``faults`` is its plan."""

    def __init__(self, simulator: Simulator, spec: ApiSpec, profile: str | Path | FaultProfile, seed: int = 0) -> None:
        super().__init__(simulator, spec)
        self.faults = fault_plan(simulator, profile, seed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        found = self._match(scope["method"], scope["path"])
        operation = None if found is None else found.operation
        if operation is None:
            await super().__call__(scope, receive, send)
            return
        decision = self.faults.decide(operation, lambda: self._issued_token(scope))
        if decision is None:
            await super().__call__(scope, receive, send)
            return
        scope[FAULT_SCOPE] = decision.label
        if decision.delay:
            await anyio.sleep(decision.delay)
        await self._inject(decision, scope, receive, send)

    async def _inject(self, decision: Decision, scope: Scope, receive: Receive, send: Send) -> None:
        marked = _marked(send, decision.label)
        rule, kind = decision.rule, decision.kind
        if rule is None:  # latency only
            await super().__call__(scope, receive, marked)
        elif kind in ("rate-limit", "server-error"):
            await self._answer(_http_fault(rule, decision.operation_id), marked, keep_status=True)
        elif kind == "vendor":
            assert decision.vendor is not None
            vendor = decision.vendor[1]
            if vendor.error is not None:
                error = dataclasses.replace(vendor.error, operation_id=decision.operation_id)
                await self._answer(error, marked, keep_status=False)
            else:
                messages = await self._processed(scope, receive)
                assert vendor.after is not None
                vendor.after(self.simulator, _json(messages))
                await _replay(messages, marked)
        elif kind == "reset-before":
            await _drop(scope, send)
        elif kind == "reset-after":
            await self._processed(scope, receive)
            await _drop(scope, send)
        elif kind == "read-timeout":
            messages = await self._processed(scope, receive)
            await anyio.sleep(decision.hold)
            await _replay(messages, marked)
        else:  # token-revoked: the store forgets the token, then the request meets the vendor's refusal
            token = self._issued_token(scope)
            if token is not None:
                self.simulator.tokens.revoke(token)  # type: ignore[attr-defined]
            await super().__call__(scope, receive, marked)

    def _issued_token(self, scope: Scope) -> str | None:
        """The live access token the request carries, if this simulator issued it (a token store's)."""
        tokens = getattr(self.simulator, "tokens", None)
        reader = getattr(self.simulator, "access_token", None)
        if tokens is None or reader is None:
            return None
        token = reader(Request(scope))
        return token if isinstance(token, str) and tokens.holder(token) is not None else None

    async def _answer(self, error: SimError, send: Send, *, keep_status: bool) -> None:
        reply = self.simulator.render_error(error)
        if keep_status:
            # An HTTP fault keeps its status whatever the vendor's renderer makes of it (Omnize
            # folds its own refusals into HTTP 200): it comes from in front of the application.
            reply = Reply(error.status, reply.body, {**reply.headers, **error.headers})
        status, raw_headers, body = _encode(reply)
        await send({"type": "http.response.start", "status": status, "headers": raw_headers})
        await send({"type": "http.response.body", "body": body})

    async def _processed(self, scope: Scope, receive: Receive) -> list[Message]:
        """Serve the request as usual, keeping the answer instead of sending it."""
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)

        await super().__call__(scope, receive, keep)
        return messages


def _http_fault(rule: FaultRule, operation_id: str) -> SimError:
    status = 429 if rule.kind == "rate-limit" else rule.status
    headers: dict[str, str] = {}
    if rule.retry_after is not None:
        if rule.retry_after_format == "http-date":
            headers["Retry-After"] = email.utils.formatdate(time.time() + rule.retry_after, usegmt=True)
        else:
            headers["Retry-After"] = str(math.ceil(rule.retry_after))
    phrase = http.HTTPStatus(status).phrase
    # internal_error: the harness's code for a failure that is not one of the API's own
    # refusals, which every vendor's renderer answers with its real status.
    return SimError(status, "internal_error", f"{phrase} (simulated fault)", headers=headers, operation_id=operation_id)


def _marked(send: Send, label: str) -> Send:
    header = (_FAULT_HEADER_RAW, label.encode("latin-1"))

    async def send_marked(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), header]}
        await send(message)

    return send_marked


async def _replay(messages: list[Message], send: Send) -> None:
    for message in messages:
        await send(message)


def _json(messages: list[Message]) -> Any:
    body = b"".join(message.get("body", b"") for message in messages if message["type"] == "http.response.body")
    try:
        return orjson.loads(body) if body else None
    except orjson.JSONDecodeError:
        return None


def _server_transport(send: Send) -> asyncio.Transport | None:
    """The connection under uvicorn's ``send`` (its request cycle's ``transport``), or None elsewhere.

    Read by duck typing: under uvloop (uvicorn's ``standard`` extra) the transport is
    uvloop's, which is not an ``asyncio.Transport`` subclass but has its methods.
    """
    cycle = getattr(send, "__self__", None)
    if not type(cycle).__module__.startswith("uvicorn."):
        return None
    transport = getattr(cycle, "transport", None)
    if callable(getattr(transport, "abort", None)) and callable(getattr(transport, "get_extra_info", None)):
        return cast("asyncio.Transport", transport)
    return None


async def _drop(scope: Scope, send: Send) -> None:
    """Drop the request's connection unanswered (see the module's docstring for how)."""
    transport = _server_transport(scope.get(SERVER_SEND, send))
    if transport is None:
        try:
            import httpx
        except ImportError:  # pragma: no cover - httpx comes with every test setup
            raise ConnectionResetError("connection reset (simulated fault)") from None
        raise httpx.ReadError("connection reset (simulated fault)")
    sock = transport.get_extra_info("socket")
    if sock is not None:
        # Linger 0: the close is a reset (RST), not an orderly end of the stream.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort()
    await asyncio.sleep(0)  # the server hears of the loss before the app returns
