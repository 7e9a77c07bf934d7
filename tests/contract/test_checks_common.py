"""What the checks share (checks/common.py): records in answers, a rate-limited check that says nothing, identities."""

from __future__ import annotations

from typing import Any

import pytest

from tests.contract.checks.common import RateLimited, items_of, judging, record_of, send, total_of


class _Answer:
    def __init__(self, status_code: int) -> None:
        self.status_code = status_code


class _Case:
    """Just enough of a Schemathesis case for send(): its operation's label and a call answering ``status``."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.operation = type("Operation", (), {"label": "GET /things"})()

    def call(self, timeout: float) -> _Answer:
        return _Answer(self.status)


def test_a_check_whose_own_request_is_rate_limited_says_nothing() -> None:
    def check(ctx: Any, response: Any, case: Any) -> bool | None:
        send(_Case(429))
        raise AssertionError("judged anyway")

    assert judging(check)(None, None, None) is None
    assert judging(check).__name__ == "check"  # the name Schemathesis reports it by
    with pytest.raises(RateLimited):
        send(_Case(429))
    assert send(_Case(200)).status_code == 200


def test_records_lists_and_totals_are_found_in_the_answers_shapes() -> None:
    assert record_of({"id": 7, "name": "a"}) == {"id": 7, "name": "a"}
    assert record_of({"success": True, "data": {"uid": "u"}}) == {"uid": "u"}
    assert record_of({"success": True, "data": [{"id": 1}]}) == {"id": 1}
    assert record_of({"success": True, "data": [{"id": 1}, {"id": 2}]}) is None
    assert items_of([{"id": 1}, "x"]) == [{"id": 1}]
    assert items_of({"total": 2, "sites": [{"id": 1}]}) == [{"id": 1}]
    assert total_of({"count": 3, "items": []}) == 3
    assert total_of({"total": True}) is None
