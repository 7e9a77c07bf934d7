"""ManualClock: a clock that only moves when told, forward."""

from __future__ import annotations

import pytest

from partner_apis.testing import ManualClock


def test_it_stands_still_until_advanced() -> None:
    clock = ManualClock(10.0)
    assert clock() == clock() == 10.0
    assert clock.advance(5) == 15.0
    assert clock() == 15.0


def test_it_never_moves_back() -> None:
    with pytest.raises(ValueError, match="only moves forward"):
        ManualClock().advance(-1)
