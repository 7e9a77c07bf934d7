"""A clock moved by hand: token expiry and waits in tests without waiting."""

from __future__ import annotations

__all__ = ["ManualClock"]


class ManualClock:
    """A ``() -> float`` clock that stands still until moved.

    Give the same clock to a simulator (``partner_api_simulator(key, clock=clock,
    token_lifetime=60)``) and to an overlay client (``client(..., clock=clock)``), then
    ``clock.advance(61)``: the token has expired for both, and nobody waited.
    """

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def __repr__(self) -> str:
        return f"ManualClock(now={self.now})"

    def advance(self, seconds: float) -> float:
        """Move the clock ``seconds`` forward and return the new time; raises ``ValueError`` for a negative move."""
        if seconds < 0:
            raise ValueError(f"a clock only moves forward, not by {seconds}")
        self.now += seconds
        return self.now
