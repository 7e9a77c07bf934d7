"""Waiting for something that finishes later: poll it, backing off, until it is done or a deadline passes.

An API whose call starts work that ends later (AirVantage's operations: a partnership
request is finished when the partner answers) gives something to poll. The overlay says
how to poll it and when it is done; :func:`wait_until` (and :func:`await_until`) poll at
once, then after ``first_poll`` seconds, doubling up to ``max_poll``, never sleeping past
the deadline, and raise when it passes.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Generic, TypedDict, TypeVar, Unpack

import anyio

from .errors import PartnerApiError

__all__ = [
    "DEFAULT_FIRST_POLL",
    "DEFAULT_MAX_POLL",
    "DEFAULT_WAIT",
    "WaitTimeoutError",
    "Waiting",
    "await_until",
    "wait_until",
]

# Vendors' own clients poll every few seconds; start sooner, back off to 10 s.
DEFAULT_FIRST_POLL = 1.0
DEFAULT_MAX_POLL = 10.0
DEFAULT_WAIT = 600.0

T = TypeVar("T")


class Waiting(TypedDict, total=False):
    """How to wait, every key optional.

    ``timeout``: seconds in all (default 600); ``first_poll``: the first wait between polls
    (1 s), doubling up to ``max_poll`` (10 s).
    """

    timeout: float
    first_poll: float
    max_poll: float


class WaitTimeoutError(PartnerApiError):
    """It was not done by the deadline; ``last`` is how it stood at the last poll, ``waited`` the seconds allowed."""

    def __init__(self, last: object, waited: float, message: str | None = None) -> None:
        super().__init__(message or f"not done after {waited:g}s: {last!r}")
        self.last = last
        self.waited = waited


TimeoutErrorFor = Callable[[T, float], Exception]


class _Polling(Generic[T]):
    """The waits between polls: ``first_poll`` seconds, doubling up to ``max_poll``, never past the deadline."""

    def __init__(
        self,
        done: Callable[[T], bool],
        clock: Callable[[], float],
        timeout_error: TimeoutErrorFor[T],
        *,
        timeout: float = DEFAULT_WAIT,
        first_poll: float = DEFAULT_FIRST_POLL,
        max_poll: float = DEFAULT_MAX_POLL,
    ) -> None:
        if timeout < 0 or first_poll <= 0 or max_poll < first_poll:
            raise ValueError("polling needs timeout >= 0 and 0 < first_poll <= max_poll")
        self.done = done
        self.clock = clock
        self.timeout_error = timeout_error
        self.timeout = timeout
        self.deadline = clock() + timeout
        self.wait = first_poll
        self.longest = max_poll

    def after(self, state: T) -> float | None:
        """How long to wait before polling again (None: ``state`` is done); raises once the deadline has passed."""
        remaining = self.deadline - self.clock()
        if self.done(state):
            return None
        if remaining <= 0:
            raise self.timeout_error(state, self.timeout)
        wait, self.wait = min(self.wait, remaining), min(self.wait * 2, self.longest)
        return wait


def wait_until(
    poll: Callable[[], T],
    done: Callable[[T], bool],
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    timeout_error: TimeoutErrorFor[T] = WaitTimeoutError,
    **waiting: Unpack[Waiting],
) -> T:
    """Call ``poll`` until ``done`` says its result is done, and return that result.

    Polls at once, then as :class:`Waiting` says (``sleep`` and ``clock`` are injectable
    for tests). Raises ``timeout_error(last result, timeout)`` (default
    :class:`WaitTimeoutError`) when the deadline passes, ``ValueError`` for impossible
    waits (before polling), and whatever ``poll`` raises.
    """
    polling = _Polling(done, clock, timeout_error, **waiting)
    while True:
        state = poll()
        wait = polling.after(state)
        if wait is None:
            return state
        sleep(wait)


async def await_until(
    poll: Callable[[], Awaitable[T]],
    done: Callable[[T], bool],
    *,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    clock: Callable[[], float] = time.monotonic,
    timeout_error: TimeoutErrorFor[T] = WaitTimeoutError,
    **waiting: Unpack[Waiting],
) -> T:
    """The async :func:`wait_until`: ``poll`` and ``sleep`` return awaitables."""
    polling = _Polling(done, clock, timeout_error, **waiting)
    while True:
        state = await poll()
        wait = polling.after(state)
        if wait is None:
            return state
        await sleep(wait)
