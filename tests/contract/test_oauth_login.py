"""The suite's own sign-in: a busy endpoint is asked again, an injected fault does not end a fault run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.contract.hooks import oauth

URL = "http://127.0.0.1:9/oauth/token"


def answers(monkeypatch: pytest.MonkeyPatch, replies: list[httpx.Response]) -> list[dict[str, Any]]:
    """Make ``httpx.post`` in the hooks answer ``replies`` in turn; returns what was posted."""
    sent: list[dict[str, Any]] = []
    queue: Iterator[httpx.Response] = iter(replies)

    def post(url: str, **kwargs: Any) -> httpx.Response:
        sent.append({"url": url, **kwargs})
        return next(queue)

    monkeypatch.setattr("tests.contract.hooks.oauth.httpx.post", post)
    monkeypatch.setattr("tests.contract.hooks.oauth.time.sleep", lambda seconds: None)
    return sent


def injected(status: int) -> httpx.Response:
    return httpx.Response(status, headers={oauth.INJECTED_FAULT: "rate-limit", "Retry-After": "120"}, json={})


def test_answers_a_fault_profile_injected_are_asked_again_beyond_the_attempts(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = answers(
        monkeypatch, [injected(429), injected(503), injected(429), httpx.Response(200, json={"access_token": "t"})]
    )
    assert oauth.fetch_access_token(URL, {"grant_type": "password"}, attempts=1) == "t"
    assert len(sent) == 4


def test_injected_answers_are_asked_again_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = answers(monkeypatch, [injected(429)] * (oauth.INJECTED_RETRIES + 1))
    with pytest.raises(RuntimeError, match="login was refused: 429"):
        oauth.fetch_access_token(URL, {"grant_type": "password"}, attempts=1)
    assert len(sent) == oauth.INJECTED_RETRIES + 1


def test_a_vendor_busy_answer_is_asked_again_up_to_the_attempts_only(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = answers(monkeypatch, [httpx.Response(429, headers={"Retry-After": "1"}, json={})] * 3)
    with pytest.raises(RuntimeError, match="login was refused: 429"):
        oauth.fetch_access_token(URL, {"grant_type": "password"}, attempts=3)
    assert len(sent) == 3


def test_a_refused_login_is_not_asked_again_and_its_error_holds_no_form(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = answers(monkeypatch, [httpx.Response(400, json={"error": "invalid_grant"})])
    with pytest.raises(RuntimeError) as caught:
        oauth.fetch_access_token(URL, {"grant_type": "password", "password": "hunter2-secret"})
    assert len(sent) == 1
    assert "hunter2-secret" not in str(caught.value)


def test_a_refusal_a_latency_fault_only_delayed_is_the_real_one_and_not_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    late = httpx.Response(400, headers={oauth.INJECTED_FAULT: "latency"}, json={"error": "invalid_grant"})
    sent = answers(monkeypatch, [late, httpx.Response(200, json={"access_token": "t"})])
    with pytest.raises(RuntimeError, match="login was refused: 400"):
        oauth.fetch_access_token(URL, {"grant_type": "password"})
    assert len(sent) == 1
