"""What the resilience suite measures: every attempt on the wire, every wait, every surfaced failure.

A :class:`Ledger` sits under one overlay client (its ``transport``, and its
``async_transport`` for async flows: a counting layer over the real network, below the
runtime's retries) and in its retry transport's ``sleep`` and ``async_sleep`` (the suite
records waits instead of sleeping). Each logical call of a flow goes through
:meth:`Ledger.call`, which checks, on the slice of events that call produced:

- reads and other idempotent calls were sent at most ``1 + max_retries`` times;
- a non-idempotent call (a create) was sent again only after an answer that says the
  server did not process it (429, or 503 with ``Retry-After``: RFC 6585 section 4, RFC
  9110 section 15.6.4) or a connection that never opened, never after a dropped
  connection, a read timeout or another status, and at most ``1 + max_retries`` times;
- every wait after an answer with ``Retry-After`` was that long (seconds form exactly,
  the HTTP-date form within its one-second resolution), and an answer asking for longer
  than the policy's cap was not retried at all;
- a failure reached the flow only as a typed error of the runtime (``PartnerApiError``).

The simulator is the ground truth for what was processed: its access log
(:class:`AccessLog`) and its state, read by the flows.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

import httpx

from partner_apis.overlays.runtime import PartnerApiError, RetryPolicy, client_transport
from partner_apis.simulators.harness.faults import FAULT_HEADER

T = TypeVar("T")

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
POLICY = RetryPolicy()
# How often a flow tries one step again after a typed failure before the suite gives up.
FLOW_TRIES = 10


class UntypedFailure(AssertionError):
    """A failure reached the flow as something other than the runtime's typed errors."""


@dataclass
class Event:
    """One thing that happened under a client: a send, its answer or error, a wait."""

    kind: str  # send, answer, error, sleep
    method: str = ""
    path: str = ""
    status: int = 0
    retry_after: str | None = None
    fault: str | None = None
    seconds: float = 0.0
    at: float = field(default_factory=time.time)


class CountingTransport(httpx.BaseTransport):
    """The network under the runtime's retries, recording each attempt and its outcome."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the real transport, noting the attempt and what came of it."""
        with _noted(self.events, request):
            response = self.inner.handle_request(request)
        _note_answer(self.events, request, response)
        return response

    def close(self) -> None:
        """Close the real transport."""
        self.inner.close()


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`CountingTransport`, for a flow that runs on the async client."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the real transport, noting the attempt and what came of it."""
        with _noted(self.events, request):
            response = await self.inner.handle_async_request(request)
        _note_answer(self.events, request, response)
        return response

    async def aclose(self) -> None:
        """Close the real transport."""
        await self.inner.aclose()


@contextlib.contextmanager
def _noted(events: list[Event], request: httpx.Request) -> Iterator[None]:
    """Note the send, and the transport error it may end in."""
    events.append(Event("send", request.method, request.url.path))
    try:
        yield
    except httpx.TransportError as error:
        events.append(Event("error", request.method, request.url.path, fault=type(error).__name__))
        raise


def _note_answer(events: list[Event], request: httpx.Request, response: httpx.Response) -> None:
    headers = response.headers
    events.append(
        Event(
            "answer",
            request.method,
            request.url.path,
            response.status_code,
            headers.get("retry-after"),
            headers.get(FAULT_HEADER),
        )
    )


def not_processed(event: Event) -> bool:
    """Whether an answer says the server did not process the request: 429, or 503 with ``Retry-After``.

    The suite's own statement of the rule (not the runtime's function), so a runtime that
    drifts from it fails the suite.
    """
    return event.kind == "answer" and (event.status == 429 or (event.status == 503 and event.retry_after is not None))


@dataclass
class Tally:
    """One row of the suite's table: one API under one profile."""

    api: str
    profile: str
    attempted: int = 0  # logical calls the flow made
    sent: int = 0  # requests on the wire for them (token requests apart)
    retried: int = 0  # of those, the runtime's retries
    resent: int = 0  # of those, creates sent again after an answer that said not processed
    failed: int = 0  # typed errors that reached the flow
    duplicated: int = 0  # creates the simulator processed more than once (must be 0)
    reconciled: int = 0  # lost creates found again by reading
    orphaned: int = 0  # records left by a lost create the API gives no way to find again
    renewals: int = 0  # token grants in the concurrent renewal step
    waited: float = 0.0  # Retry-After and backoff waits the runtime asked for (recorded, not slept)
    faults: int = 0  # faults the simulator injected
    seconds: float = 0.0


# The table's rows, one per API and profile run, printed at the end of the session (conftest).
ROWS: list[Tally] = []


class Ledger:
    """The events under one or more clients of one flow, and the tally they add up to."""

    def __init__(self, tally: Tally, token_path: str | None, policy: RetryPolicy = POLICY) -> None:
        self.tally = tally
        self.events: list[Event] = []
        self.token_path = token_path
        self.policy = policy
        self.errors: list[PartnerApiError] = []
        self._lock = threading.Lock()

    def transport(self) -> CountingTransport:
        """A counting network transport for a client of this flow (``client(transport=...)``)."""
        return CountingTransport(self.events)

    def async_transport(self) -> AsyncCountingTransport:
        """A counting async network transport (``client(async_transport=...)``)."""
        return AsyncCountingTransport(self.events)

    def watch(self, client: T) -> T:
        """Record the client's retry waits, sync and async, instead of sleeping them; returns the client."""
        retrying = client_transport(client)
        retrying.sleep = self._sleep
        retrying.async_sleep = self._async_sleep
        return client

    def _sleep(self, seconds: float) -> None:
        self.events.append(Event("sleep", seconds=seconds))
        with self._lock:
            self.tally.waited += seconds

    async def _async_sleep(self, seconds: float) -> None:
        self._sleep(seconds)

    def call(self, what: Callable[[], T], *, idempotent: bool = True) -> T:
        """Run one logical call, check its slice of events (see the module), and return its result.

        Raises the typed error it ended with (counted as failed) and :class:`UntypedFailure`
        for any other exception.
        """
        start = len(self.events)
        self.tally.attempted += 1
        try:
            return what()
        except PartnerApiError as error:
            self.tally.failed += 1
            self.errors.append(error)
            raise
        except Exception as error:
            raise UntypedFailure(f"{type(error).__name__} reached the flow untyped: {error}") from error
        finally:
            self._check(self.events[start:], idempotent)

    async def acall(self, what: Callable[[], Awaitable[T]], *, idempotent: bool = True) -> T:
        """:meth:`call` for an async call (``what`` makes the awaitable): the same checks and counts."""
        start = len(self.events)
        self.tally.attempted += 1
        try:
            return await what()
        except PartnerApiError as error:
            self.tally.failed += 1
            self.errors.append(error)
            raise
        except Exception as error:
            raise UntypedFailure(f"{type(error).__name__} reached the flow untyped: {error}") from error
        finally:
            self._check(self.events[start:], idempotent)

    async def astep(self, what: Callable[[], Awaitable[T]], *, idempotent: bool = True, tries: int = FLOW_TRIES) -> T:
        """:meth:`step` for an async call: :meth:`acall` again after each typed failure."""
        for attempt in range(tries):
            try:
                return await self.acall(what, idempotent=idempotent)
            except PartnerApiError:
                if attempt == tries - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def step(
        self,
        what: Callable[[], T],
        *,
        idempotent: bool = True,
        tries: int = FLOW_TRIES,
        final: tuple[type[PartnerApiError], ...] = (),
    ) -> T:
        """:meth:`call` again after each typed failure, up to ``tries`` times (a flow's own persistence).

        A failure of one of the ``final`` types is raised at once (it is an answer, not a hiccup).
        """
        for attempt in range(tries):
            try:
                return self.call(what, idempotent=idempotent)
            except final:
                raise
            except PartnerApiError:
                if attempt == tries - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _check(self, events: list[Event], idempotent: bool) -> None:
        """Count the call's sends and the runtime's retries among them, and check both against the policy.

        A send is a retry when the last outcome of the same request (method and path) was an
        error or a retryable status; a new request after a good answer (the next poll of a
        wait, the next page) is not. A 401 and the resend after the token was renewed is the
        auth flow's, not a retry.
        """
        last: dict[tuple[str, str], Event] = {}
        run: dict[tuple[str, str], int] = {}
        for event in events:
            target = (event.method, event.path)
            if event.kind in ("answer", "error"):
                last[target] = event
                continue
            if event.kind != "send" or event.path == self.token_path:
                continue
            self.tally.sent += 1
            before = last.get(target)
            retry = before is not None and (before.kind == "error" or before.status in RETRY_STATUSES)
            if not retry:
                run[target] = 0
                continue
            assert before is not None
            self.tally.retried += 1
            run[target] = run.get(target, 0) + 1
            request, limit = f"{event.method} {event.path}", self.policy.max_retries
            never_sent = before.kind == "error" and before.fault == "ConnectError"
            assert idempotent or never_sent or not_processed(before), (
                f"{request} is not idempotent, yet it was sent again after {before.fault or before.status}"
            )
            if not idempotent and not never_sent:
                self.tally.resent += 1
            assert run[target] <= limit, f"{request} was retried {run[target]} times in a row (at most {limit})"
        self._check_waits(events)

    def _check_waits(self, events: list[Event]) -> None:
        for index, event in enumerate(events):
            if event.kind != "answer" or event.status not in RETRY_STATUSES or event.retry_after is None:
                continue
            asked, dated = _retry_after(event.retry_after, event.at)
            following = events[index + 1] if index + 1 < len(events) else None
            if asked > self.policy.max_retry_after:
                assert following is None or following.kind != "sleep", (
                    f"Retry-After {event.retry_after} is over the cap, yet the client waited to retry"
                )
            elif following is not None and following.kind == "sleep":
                tolerance = 1.5 if dated else 1e-9
                assert abs(following.seconds - asked) <= tolerance, (
                    f"Retry-After {event.retry_after} asked {asked:g}s, the client waited {following.seconds:g}s"
                )
                assert following.seconds <= self.policy.max_retry_after


def _retry_after(value: str, at: float) -> tuple[float, bool]:
    """The seconds a ``Retry-After`` asks for, counted from ``at``, and whether it was a date."""
    value = value.strip()
    if value.isdigit():
        return float(value), False
    moment = email.utils.parsedate_to_datetime(value)
    return max(0.0, moment.timestamp() - at), True


@dataclass
class Line:
    """One access log line of the simulator."""

    method: str
    path: str
    status: int | None
    fault: str | None


class AccessLog(logging.Handler):
    """The simulator's access log, kept in memory (the simulator's own record of what it served)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[Line] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the line's method, path, status and fault."""
        target = str(record.__dict__.get("target", ""))
        self.lines.append(
            Line(
                str(record.__dict__.get("method")),
                target.partition("?")[0],
                record.__dict__.get("status"),
                record.__dict__.get("fault"),
            )
        )

    def count(self, method: str, path: str) -> int:
        """How many requests to ``method path`` reached the simulator."""
        return sum(1 for line in self.lines if line.method == method and line.path == path)


@dataclass
class Recording:
    """The access log handler installed for a block, and the logger's previous state."""

    log: AccessLog
    logger: logging.Logger
    level: int


def recording() -> Recording:
    """Start keeping the simulators' access log in memory (stop with :func:`stop_recording`)."""
    logger = logging.getLogger("partner_apis.simulators.access")
    log = AccessLog()
    found = Recording(log, logger, logger.level)
    logger.addHandler(log)
    logger.setLevel(logging.INFO)
    return found


def stop_recording(found: Recording) -> None:
    """Remove the handler and restore the logger's level."""
    found.logger.removeHandler(found.log)
    found.logger.setLevel(found.level)


def iter_typed(errors: list[PartnerApiError]) -> Iterator[str]:
    """The class names of the typed errors a flow met, for the report."""
    for error in errors:
        yield type(error).__name__
