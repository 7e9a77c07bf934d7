"""An opt-in access log: one line per request a simulator serves, with its secrets masked.

    GET /api/v1/agents?account_id=3&token=*** 200 0.4ms
    POST /api/v1/agents?token=*** - 1.2ms fault=reset-after

Each line is an INFO record of the ``partner_apis.simulators.access`` logger, carrying
``method``, ``target`` (path and query), ``status``, ``duration_ms`` and ``fault`` (the
label of a fault a fault profile injected, else None; see :mod:`.faults`) as attributes too.
Only the request line is logged: no header (an ``Authorization`` header never appears)
and no body (Omnize's partner token and the password digests travel in JSON bodies).
Query parameters that name a credential (``token``, ``access_token``, ``password``,
``client_secret``, ...) have their values replaced by ``***``.

The simulators import nothing from the client overlays (their secret masking included),
so the masking rule lives here.
"""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import unquote_plus

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "ACCESS_LOGGER",
    "FAULT_SCOPE",
    "MASK",
    "SERVER_SEND",
    "AccessLog",
    "is_secret_parameter",
    "masked_query",
    "request_target",
]

ACCESS_LOGGER = "partner_apis.simulators.access"
MASK = "***"
# Where a fault-injecting app (see .faults) leaves the label of the fault it injected, for
# the log line, and where this log leaves the server's own send, which a dropped
# connection needs (the log wraps the app's).
FAULT_SCOPE = "partner_apis.fault"
SERVER_SEND = "partner_apis.server_send"

# A query parameter holds a credential when its name, in lower case without separators,
# contains one of these words (access_token, refreshToken, client_secret, x-api-key, ...)
# or is one of the short names (country_code is not code).
_SECRET_WORDS = ("token", "password", "passwd", "secret", "apikey", "signature", "credential")
_SECRET_NAMES = frozenset({"key", "code", "auth", "authorization", "sig", "pwd", "pass"})
_SEPARATORS = re.compile(r"[^a-z0-9]")
# Anything that could break a log line or fake another one (a raw path is percent-encoded
# by the client, but nothing forces a client to encode it).
_UNPRINTABLE = re.compile(r"[\x00-\x20\x7f-\xff]")


def is_secret_parameter(name: str) -> bool:
    """Whether a query parameter called ``name`` (any case, any separators) carries a credential."""
    folded = _SEPARATORS.sub("", name.lower())
    return folded in _SECRET_NAMES or any(word in folded for word in _SECRET_WORDS)


def masked_query(query: str) -> str:
    """``a=1&token=abc`` -> ``a=1&token=***``: the query string with every credential's value masked.

    Names are compared decoded (``%74oken`` is ``token``); everything else is kept as sent.
    """
    fields = query.split("&")
    for index, field in enumerate(fields):
        name, sep, _ = field.partition("=")
        if is_secret_parameter(unquote_plus(name)):
            fields[index] = f"{name}={MASK}" if sep else name
    return "&".join(fields)


def request_target(scope: Scope) -> str:
    """The request's path and query as the client sent them, credentials masked, safe for one log line."""
    raw_path = scope.get("raw_path")
    path = raw_path.decode("latin-1") if raw_path else scope["path"]
    query_string: bytes = scope.get("query_string", b"")
    target = path + "?" + masked_query(query_string.decode("latin-1")) if query_string else path
    return _UNPRINTABLE.sub(lambda match: f"%{ord(match.group()):02X}", target)


class AccessLog:
    """ASGI middleware that logs each HTTP request ``app`` answers (see the module's docstring).

    Nothing is measured while the logger is not enabled for INFO. A request the app
    leaves unanswered (the client went away) is logged with status ``-``; an exception
    from the app is logged the same way and raised on.
    """

    def __init__(self, app: ASGIApp, logger: logging.Logger | None = None) -> None:
        self.app = app
        self.logger = logger or logging.getLogger(ACCESS_LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.logger.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        scope.setdefault(SERVER_SEND, send)
        try:
            await self.app(scope, receive, send_and_note)
        finally:
            duration_ms = (time.perf_counter() - started) * 1000
            method, target = scope["method"], request_target(scope)
            shown = "-" if status is None else str(status)
            fault: str | None = scope.get(FAULT_SCOPE)
            self.logger.info(
                "%s %s %s %.1fms%s",
                method,
                target,
                shown,
                duration_ms,
                "" if fault is None else f" fault={fault}",
                extra={
                    "method": method,
                    "target": target,
                    "status": status,
                    "duration_ms": duration_ms,
                    "fault": fault,
                },  # fmt: skip
            )
