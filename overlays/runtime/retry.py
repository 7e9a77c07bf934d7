"""Retries, as an httpx transport that wraps the real one.

Built on tenacity (well kept, the same retry loop for sync and async code, pluggable
wait strategies) rather than a hand-written loop. The policy follows the best SDK
runtimes (openai-python, anthropic-sdk-python):

- Idempotent requests are retried on a connection error, a timeout, or an answer of
  408, 429, 500, 502, 503 or 504 (the policy's ``statuses``). Which requests are
  idempotent is the policy's ``is_idempotent``: by default the spec's ``x-idempotent``
  table (HTTP's idempotent methods for a transport used on its own); a caller's own
  predicate replaces it.
- A request that is not idempotent (a create) is retried only when it cannot have been
  processed: it could not connect at all (nothing was sent), or the answer says the
  server did not process it (the policy's ``is_unprocessed``, asked about answers with
  one of ``statuses``; by default :func:`unprocessed_answer`). It is never sent again
  after a connection dropped or a read timed out once it may have been sent: that
  raises ``ApiConnectionError`` (``ApiTimeoutError``), for the caller to find out by
  reading whether the create happened.
- Waits grow exponentially with full jitter (0.5 s doubling to 8 s by default); a
  ``Retry-After`` header (seconds or an HTTP date) replaces the computed wait, and one
  that asks for longer than ``max_retry_after`` stops the retries at once.
- At most ``max_retries`` retries; then the last answer is returned (and becomes a typed
  error above) or the last connection error raises ``ApiConnectionError``.

Which answers mean "not processed" (:func:`unprocessed_answer`):

- **429, always.** RFC 6585 section 4: the client "has sent too many requests in a given
  amount of time", and the ``Retry-After`` it may carry says how long to wait "before
  making a new request". A rate limit is decided before the request is handled: the
  request was refused for its rate, not attempted. Every vendor here that throttles
  (Comm100 v4's published limit) answers so.
- **503 only with Retry-After.** RFC 9110 section 15.6.4: the server "is currently
  unable to handle the request due to a temporary overload or scheduled maintenance";
  with a 503, ``Retry-After`` says how long the service is expected to be unavailable
  (section 10.2.3). A 503 that names when to come back is the server declining the
  request. A bare 503 is also what proxies and load balancers answer when the upstream
  failed, after they may have forwarded the request (Envoy's "upstream connect error or
  disconnect/reset before headers"): it does not prove the create was not made.
- **Never 408, 500, 502 or 504**: the request may have reached the application (a 504 is
  a gateway's read timeout), exactly the case a resent create would duplicate.

A caller changes this with ``RetryPolicy(is_unprocessed=...)``: ``lambda response:
False`` never resends a create (this runtime's behaviour before), ``lambda response:
response.status_code in {429, 503}`` trusts every 503 of a vendor known to answer it
only before processing.

Failures inside a success status (Omnize's ``{"status": 200, "success": false,
"errors": "..."}``, :func:`.errors.failure_in_body`) are not retried, idempotent or
not. The retrying layer sees HTTP statuses only, and such a body stands for no other
status: Omnize's docs (the 2019, October 2020 and March 2021 pages) give every failure,
an invalid token, a blank e-mail, "Error Message", the same shape with ``"status":
200``, no code and no word that any of them is transient, and document no other shape,
so an internal error comes in it too. Telling one from a refusal would mean matching free text the vendor
never documented, and retrying them all would send every refusal (an invalid token, a
record not found) up to ``1 + max_retries`` times with backoff before the caller hears
of it. The error (``FailureInBodyError``) carries the vendor's message; a caller that
knows a message to be transient may call again.

Every attempt, retries included, is written to the ``partner_apis.http`` logger when it
logs at DEBUG (see :mod:`.debug`); otherwise that costs one level check per attempt.
"""

from __future__ import annotations

import dataclasses
import email.utils
import logging
import math
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import anyio
import httpx
import tenacity

from . import debug
from .errors import ApiConnectionError, ApiTimeoutError
from .masking import mask_url

__all__ = [
    "RetryPolicy",
    "RetryingTransport",
    "http_methods_idempotent",
    "retry_after_seconds",
    "unprocessed_answer",
]

log = logging.getLogger("partner_apis.retry")

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


def http_methods_idempotent(request: httpx.Request) -> bool:
    """True for HTTP's idempotent methods (RFC 9110 section 9.2.2): GET, HEAD, OPTIONS, PUT, DELETE."""
    return request.method in {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


def unprocessed_answer(response: httpx.Response) -> bool:
    """True for an answer saying the server did not process the request: 429, or 503 with ``Retry-After``.

    The default ``RetryPolicy.is_unprocessed``: such an answer lets even a create be sent
    again (the module's docstring says why these and no others). A ``Retry-After`` that
    cannot be read still counts: the server sent one.
    """
    if response.status_code == 429:
        return True
    headers = response.headers
    return response.status_code == 503 and ("retry-after" in headers or "retry-after-ms" in headers)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry. ``max_retries=0`` turns retries off.

    ``is_idempotent(request)`` says whether a request may be sent twice. None (the
    default) means the API's own rule: the spec's ``x-idempotent`` table in an overlaid
    client, HTTP's idempotent methods in a bare :class:`RetryingTransport`. A predicate
    given here replaces that rule (to extend the spec's table, call
    ``operation_table(key).is_idempotent(request)`` from yours).

    ``is_unprocessed(response)`` says whether an answer with one of ``statuses`` means
    the server did not process the request, so a request that is not idempotent may be
    sent again (within the same ``max_retries`` and ``max_retry_after``). Default:
    :func:`unprocessed_answer` (429, or 503 with ``Retry-After``); ``lambda response:
    False`` never resends one. Raises ``ValueError`` for negative retries or backoff
    bounds out of order.
    """

    max_retries: int = 2
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = RETRY_STATUSES
    is_idempotent: Callable[[httpx.Request], bool] | None = None
    is_unprocessed: Callable[[httpx.Response], bool] = unprocessed_answer

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must be >= 0")
        if self.initial_backoff < 0 or self.max_backoff < self.initial_backoff:
            raise ValueError("backoff bounds must satisfy 0 <= initial_backoff <= max_backoff")

    def with_default_idempotency(self, is_idempotent: Callable[[httpx.Request], bool]) -> RetryPolicy:
        """This policy, with ``is_idempotent`` as its rule unless it has one of its own."""
        if self.is_idempotent is not None:
            return self
        return dataclasses.replace(self, is_idempotent=is_idempotent)


def retry_after_seconds(response: httpx.Response, now: float | None = None) -> float | None:
    """Read ``Retry-After`` (seconds or an HTTP date) or ``retry-after-ms``; None if absent or invalid."""
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            value = float(milliseconds) / 1000
        except ValueError:
            value = math.nan
        if math.isfinite(value) and value >= 0:
            return value
    header = response.headers.get("retry-after")
    if header is None:
        return None
    header = header.strip()
    if header.isdigit():
        return float(header)
    try:
        moment = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


class _Retryable(Exception):
    """An answer worth retrying; carries it so the last one can be returned."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(response.status_code)
        self.response = response


class _Decision:
    """tenacity's retry/wait/stop callbacks for one request under one policy."""

    def __init__(self, policy: RetryPolicy, request: httpx.Request, clock: Callable[[], float]) -> None:
        self.policy = policy
        self.request = request
        self.clock = clock
        self.idempotent = (policy.is_idempotent or http_methods_idempotent)(request)

    def retry(self, state: tenacity.RetryCallState) -> bool:
        if state.outcome is None or state.attempt_number > self.policy.max_retries:
            return False
        error = state.outcome.exception()
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
            return True  # nothing was sent
        if isinstance(error, _Retryable):
            if not (self.idempotent or self.policy.is_unprocessed(error.response)):
                return False
            delay = retry_after_seconds(error.response, self.clock())
            return delay is None or delay <= self.policy.max_retry_after
        # A dropped connection or a read timeout: sent, perhaps processed, so resent only
        # when sending twice is harmless.
        return self.idempotent and isinstance(error, httpx.TransportError)

    def wait(self, state: tenacity.RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, _Retryable):
            delay = retry_after_seconds(error.response, self.clock())
            if delay is not None:
                return min(delay, self.policy.max_retry_after)
        ceiling = min(self.policy.max_backoff, self.policy.initial_backoff * 2 ** (state.attempt_number - 1))
        return random.uniform(0, ceiling)  # full jitter: retries from many clients spread out

    def before_sleep(self, state: tenacity.RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        reason = f"status {error.response.status_code}" if isinstance(error, _Retryable) else type(error).__name__
        log.debug(
            "retrying %s %s after %s (retry %d of %d, waiting %.2fs)",
            self.request.method,
            mask_url(self.request.url),
            reason,
            state.attempt_number,
            self.policy.max_retries,
            state.upcoming_sleep,
        )


def _wrap(error: httpx.TransportError, request: httpx.Request) -> ApiConnectionError:
    kind = ApiTimeoutError if isinstance(error, httpx.TimeoutException) else ApiConnectionError
    return kind(f"{request.method} {mask_url(request.url)}: {type(error).__name__}: {error}", request)


class RetryingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """An httpx transport (sync and async) that retries under a :class:`RetryPolicy`.

    Raises ``ApiConnectionError``/``ApiTimeoutError`` when no answer came after the
    allowed retries; a failing answer is returned as is, for the layer above to raise.
    ``transport``/``async_transport`` are the network (an ``httpx.HTTPTransport`` and its
    connection pool by default); closing this transport closes them, unless
    ``owns_transports`` is false (a sibling made by :meth:`with_policy`). ``sleep`` waits
    between sync attempts, ``async_sleep`` (a coroutine function, ``anyio.sleep`` by
    default) between async ones, and ``clock`` is the wall clock a ``Retry-After`` date is
    read against: all three attributes may be replaced (a test records the waits instead
    of sleeping, and pins the clock; ``client_transport(client)`` reaches them in an
    overlaid client).
    """

    def __init__(
        self,
        policy: RetryPolicy,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        clock: Callable[[], float] = time.time,
        owns_transports: bool = True,
    ) -> None:
        self.policy = policy
        self._transport = transport or httpx.HTTPTransport()
        self._async_transport = async_transport or httpx.AsyncHTTPTransport()
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.clock = clock
        self._owns_transports = owns_transports

    @property
    def transport(self) -> httpx.BaseTransport:
        """The sync network transport the retries send through."""
        return self._transport

    @property
    def async_transport(self) -> httpx.AsyncBaseTransport:
        """The async network transport the retries send through."""
        return self._async_transport

    def with_policy(self, policy: RetryPolicy) -> RetryingTransport:
        """A sibling with another policy over the same network transports (one connection pool).

        Closing the sibling leaves the shared transports open: they belong to this one.
        """
        return RetryingTransport(
            policy,
            self._transport,
            self._async_transport,
            sleep=self.sleep,
            async_sleep=self.async_sleep,
            clock=self.clock,
            owns_transports=False,
        )

    def _send(self, request: httpx.Request) -> httpx.Response:
        if debug.log.isEnabledFor(logging.DEBUG):
            return debug.send_logged(self._transport, request)
        return self._transport.handle_request(request)

    async def _send_async(self, request: httpx.Request) -> httpx.Response:
        if debug.log.isEnabledFor(logging.DEBUG):
            return await debug.send_logged_async(self._async_transport, request)
        return await self._async_transport.handle_async_request(request)

    def _retrying(self, decision: _Decision) -> dict[str, object]:
        return {
            "retry": decision.retry,
            "wait": decision.wait,
            "before_sleep": decision.before_sleep,
            "reraise": True,
        }

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        # The first attempt runs outside tenacity: most requests succeed at once, and the
        # retry machinery would otherwise cost every call (the overhead benchmark sees it).
        try:
            response = self._send(request)
            if response.status_code not in self.policy.statuses:
                return response
            response.read()
            response.close()
            first: BaseException = _Retryable(response)
        except httpx.TransportError as error:
            first = error
        pending: BaseException | None = first
        decision = _Decision(self.policy, request, self.clock)
        try:
            for attempt in tenacity.Retrying(sleep=self.sleep, **self._retrying(decision)):  # type: ignore[arg-type]
                with attempt:
                    if pending is not None:  # replay the first outcome for tenacity to judge
                        replay, pending = pending, None
                        raise replay
                    response = self._send(request)
                    if response.status_code in self.policy.statuses:
                        response.read()
                        response.close()
                        raise _Retryable(response)
                    return response
        except _Retryable as last:
            return last.response
        except httpx.TransportError as error:
            raise _wrap(error, request) from error
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._send_async(request)
            if response.status_code not in self.policy.statuses:
                return response
            await response.aread()
            await response.aclose()
            first: BaseException = _Retryable(response)
        except httpx.TransportError as error:
            first = error
        pending: BaseException | None = first
        decision = _Decision(self.policy, request, self.clock)
        try:
            async for attempt in tenacity.AsyncRetrying(sleep=self.async_sleep, **self._retrying(decision)):  # type: ignore[arg-type]
                with attempt:
                    if pending is not None:
                        replay, pending = pending, None
                        raise replay
                    response = await self._send_async(request)
                    if response.status_code in self.policy.statuses:
                        await response.aread()
                        await response.aclose()
                        raise _Retryable(response)
                    return response
        except _Retryable as last:
            return last.response
        except httpx.TransportError as error:
            raise _wrap(error, request) from error
        raise AssertionError("unreachable: tenacity either returns or raises")  # pragma: no cover

    def close(self) -> None:
        if self._owns_transports:
            self._transport.close()

    async def aclose(self) -> None:
        if self._owns_transports:
            await self._async_transport.aclose()
