"""What the checks share (checks/common.py): records in answers, a check that cannot judge says nothing, identities."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from partner_apis.simulators.harness.faults import FAULT_HEADER
from tests.contract.checks.common import CannotJudge, items_of, judging, record_of, send, total_of
from tests.contract.runner import INJECTED_CASES_VARIABLE


class _Answer:
    def __init__(self, status_code: int, headers: dict[str, str]) -> None:
        self.status_code = status_code
        self.headers = headers


class _Case:
    """Just enough of a Schemathesis case for send(): its operation's label and a call answering ``status``."""

    def __init__(self, status: int, fault: str | None = None, *, drop: bool = False) -> None:
        self.answer = _Answer(status, {} if fault is None else {FAULT_HEADER: fault})
        self.drop = drop
        self.operation = type("Operation", (), {"label": "GET /things"})()

    def call(self, timeout: float) -> _Answer:
        if self.drop:
            raise requests.ConnectionError("connection reset by peer")
        return self.answer


def test_a_check_whose_own_request_is_rate_limited_says_nothing() -> None:
    def check(ctx: Any, response: Any, case: Any) -> bool | None:
        send(_Case(429))
        raise AssertionError("judged anyway")

    assert judging(check)(None, None, None) is None
    assert judging(check).__name__ == "check"  # the name Schemathesis reports it by
    with pytest.raises(CannotJudge):
        send(_Case(429))
    assert send(_Case(200)).status_code == 200


@pytest.mark.parametrize("fault", ["server-error:503", "vendor:internal-error", "token-revoked"])
def test_an_answer_a_fault_profile_injected_cannot_be_judged_by(fault: str) -> None:
    with pytest.raises(CannotJudge, match=f"GET /things: {fault}"):
        send(_Case(200 if fault.startswith("vendor") else 503, fault))


def test_a_late_answer_is_the_real_one_and_is_judged() -> None:
    assert send(_Case(500, "latency")).status_code == 500


def test_a_dropped_connection_cannot_be_judged_only_in_a_run_with_faults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(INJECTED_CASES_VARIABLE, raising=False)
    with pytest.raises(requests.ConnectionError):
        send(_Case(200, drop=True))
    monkeypatch.setenv(INJECTED_CASES_VARIABLE, "injected.txt")
    with pytest.raises(CannotJudge, match="ConnectionError"):
        send(_Case(200, drop=True))


def test_records_lists_and_totals_are_found_in_the_answers_shapes() -> None:
    assert record_of({"id": 7, "name": "a"}) == {"id": 7, "name": "a"}
    assert record_of({"success": True, "data": {"uid": "u"}}) == {"uid": "u"}
    assert record_of({"success": True, "data": [{"id": 1}]}) == {"id": 1}
    assert record_of({"success": True, "data": [{"id": 1}, {"id": 2}]}) is None
    assert items_of([{"id": 1}, "x"]) == [{"id": 1}]
    assert items_of({"total": 2, "sites": [{"id": 1}]}) == [{"id": 1}]
    assert total_of({"count": 3, "items": []}) == 3
    assert total_of({"total": True}) is None
