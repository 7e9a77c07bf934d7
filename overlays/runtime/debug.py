"""Debug logging: every request and every answer, secrets masked, through the library's own logger.

The switch is one function, :func:`enable_debug_logging` (or the environment variable
``PARTNER_APIS_LOG=debug``, read whenever a client is built): it sets the
``partner_apis`` logger to DEBUG and gives it one handler (standard error by default).
That logger's level and that handler are the only things it changes in the host, and
:func:`disable_debug_logging` takes both back. An application that configures logging
itself can skip the switch and set ``logging.getLogger("partner_apis").setLevel(logging.DEBUG)``:
its own handlers then get the same lines.

The lines come from the ``partner_apis.http`` logger, one per attempt (retries and token
requests included): the method, the URL and the headers with secrets masked, the body
with sensitive JSON or form fields masked; then the answer's status, time, headers and
body (cut to :data:`BODY_LIMIT` characters). When that logger does not log at DEBUG,
the only cost is the level check on each attempt.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time

import httpx

from .masking import mask_body, mask_headers, mask_url, scrub

__all__ = [
    "BODY_LIMIT",
    "ENVIRONMENT_VARIABLE",
    "LOGGER",
    "disable_debug_logging",
    "enable_debug_logging",
    "enable_debug_logging_from_environment",
    "send_logged",
    "send_logged_async",
]

LOGGER = "partner_apis.http"
ENVIRONMENT_VARIABLE = "PARTNER_APIS_LOG"
# A body is cut here in a log line: enough for an error answer or a small record.
BODY_LIMIT = 2000

log = logging.getLogger(LOGGER)
_package = logging.getLogger("partner_apis")

_lock = threading.Lock()
_handler: logging.Handler | None = None
_previous_level: int = logging.NOTSET


def enable_debug_logging(handler: logging.Handler | None = None) -> logging.Handler:
    """Log every request and answer (secrets masked) to ``handler``, standard error by default.

    Sets the ``partner_apis`` logger to DEBUG and adds the handler to it; calling again
    while enabled changes nothing and returns the handler in place. Records still
    propagate to the host's own handlers as any library's do.
    """
    global _handler, _previous_level
    with _lock:
        if _handler is not None:
            return _handler
        if handler is None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        _previous_level = _package.level
        _package.setLevel(logging.DEBUG)
        _package.addHandler(handler)
        _handler = handler
        return handler


def disable_debug_logging() -> None:
    """Undo :func:`enable_debug_logging`: remove its handler and restore the logger's level (no-op when off)."""
    global _handler
    with _lock:
        if _handler is None:
            return
        _package.removeHandler(_handler)
        _package.setLevel(_previous_level)
        _handler = None


def enable_debug_logging_from_environment() -> bool:
    """Enable debug logging when ``PARTNER_APIS_LOG`` is ``debug`` (any case); True when it is."""
    if os.environ.get(ENVIRONMENT_VARIABLE, "").strip().lower() != "debug":
        return False
    enable_debug_logging()
    return True


def _request_line(request: httpx.Request) -> tuple[str, ...]:
    try:
        body = mask_body(request.content, request.headers.get("content-type"), BODY_LIMIT)
    except httpx.RequestNotRead:
        body = "<streamed>"
    return request.method, mask_url(request.url), str(mask_headers(request.headers)), body


def _log_request(request: httpx.Request) -> None:
    log.debug("request: %s %s headers=%s body=%s", *_request_line(request))


def _log_answer(request: httpx.Request, response: httpx.Response, started: float) -> None:
    log.debug(
        "answer: %s %s to %s %s in %.3fs headers=%s body=%s",
        response.status_code,
        response.reason_phrase,
        request.method,
        mask_url(request.url),
        time.perf_counter() - started,
        mask_headers(response.headers),
        mask_body(response.content, response.headers.get("content-type"), BODY_LIMIT),
    )


def _log_failure(request: httpx.Request, error: Exception, started: float) -> None:
    log.debug(
        "no answer to %s %s after %.3fs: %s: %s",
        request.method,
        mask_url(request.url),
        time.perf_counter() - started,
        type(error).__name__,
        scrub(str(error), request),
    )


def send_logged(transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
    """Send ``request`` through ``transport``, logging it and its answer (whose body is read for the log)."""
    _log_request(request)
    started = time.perf_counter()
    try:
        response = transport.handle_request(request)
        response.read()
    except Exception as error:
        _log_failure(request, error, started)
        raise
    _log_answer(request, response, started)
    return response


async def send_logged_async(transport: httpx.AsyncBaseTransport, request: httpx.Request) -> httpx.Response:
    """The async :func:`send_logged`."""
    _log_request(request)
    started = time.perf_counter()
    try:
        response = await transport.handle_async_request(request)
        await response.aread()
    except Exception as error:
        _log_failure(request, error, started)
        raise
    _log_answer(request, response, started)
    return response
