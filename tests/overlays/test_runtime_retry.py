"""Retries: only idempotent requests, on the answers that merit it, within a bound, honouring Retry-After."""

from __future__ import annotations

import email.utils

import httpx
import pytest

from partner_apis.overlays.runtime import (
    ApiConnectionError,
    ApiTimeoutError,
    RetryingTransport,
    RetryPolicy,
    retry_after_seconds,
)

POST_IS_NOT_IDEMPOTENT = RetryPolicy(max_retries=3, initial_backoff=0.0, max_backoff=0.0)
NOW = 1_767_225_600.5  # the transport's wall clock, pinned (half a second past a whole one, as HTTP dates are not)


class Recorder:
    """A MockTransport handler answering from a script, recording each request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def _client(recorder: Recorder, policy: RetryPolicy, sleeps: list[float] | None = None) -> httpx.Client:
    log = sleeps if sleeps is not None else []
    transport = RetryingTransport(policy, httpx.MockTransport(recorder), sleep=log.append, clock=lambda: NOW)
    return httpx.Client(transport=transport, base_url="http://127.0.0.1")


def test_an_idempotent_request_is_retried_on_503_until_it_succeeds() -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(503), httpx.Response(200, json={"ok": True}))
    with _client(recorder, RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)) as client:
        response = client.get("/sites")
    assert response.status_code == 200
    assert len(recorder.requests) == 3


def test_a_non_idempotent_request_is_never_sent_twice() -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(200))
    with _client(recorder, POST_IS_NOT_IDEMPOTENT) as client:
        response = client.post("/sites", json={"a": 1})
    assert response.status_code == 503
    assert len(recorder.requests) == 1


def test_a_non_idempotent_request_is_not_resent_after_a_read_timeout() -> None:
    recorder = Recorder(httpx.ReadTimeout("slow"))
    with _client(recorder, POST_IS_NOT_IDEMPOTENT) as client, pytest.raises(ApiTimeoutError):
        client.post("/sites", json={"a": 1})
    assert len(recorder.requests) == 1


def test_a_connection_that_never_opened_is_retried_whatever_the_method() -> None:
    recorder = Recorder(httpx.ConnectError("refused"), httpx.Response(201))
    with _client(recorder, POST_IS_NOT_IDEMPOTENT) as client:
        response = client.post("/sites", json={"a": 1})
    assert response.status_code == 201
    assert len(recorder.requests) == 2


def test_a_connection_error_on_an_idempotent_read_is_retried() -> None:
    recorder = Recorder(httpx.RemoteProtocolError("reset"), httpx.Response(200))
    with _client(recorder, RetryPolicy(max_retries=1, initial_backoff=0.0, max_backoff=0.0)) as client:
        assert client.get("/sites").status_code == 200
    assert len(recorder.requests) == 2


def test_retries_stop_at_the_bound_and_return_the_last_answer() -> None:
    recorder = Recorder(httpx.Response(500, json={"message": "down"}))
    with _client(recorder, RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)) as client:
        response = client.get("/sites")
    assert response.status_code == 500
    assert response.json() == {"message": "down"}
    assert len(recorder.requests) == 3


def test_connection_errors_past_the_bound_raise_a_typed_error_naming_the_request() -> None:
    recorder = Recorder(httpx.ConnectError("refused"))
    with (
        _client(recorder, RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)) as client,
        pytest.raises(ApiConnectionError, match=r"GET http://127\.0\.0\.1/sites"),
    ):
        client.get("/sites")
    assert len(recorder.requests) == 3


def test_retry_after_in_seconds_sets_the_wait() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "3"}), httpx.Response(200))
    with _client(recorder, RetryPolicy(max_retries=1), sleeps) as client:
        assert client.get("/sites").status_code == 200
    assert sleeps == [3.0]


def test_retry_after_as_an_http_date_sets_the_wait() -> None:
    sleeps: list[float] = []
    when = email.utils.formatdate(NOW + 5, usegmt=True)  # whole seconds: NOW + 4.5
    recorder = Recorder(httpx.Response(503, headers={"Retry-After": when}), httpx.Response(200))
    with _client(recorder, RetryPolicy(max_retries=1), sleeps) as client:
        assert client.get("/sites").status_code == 200
    assert sleeps == [4.5]


def test_a_retry_after_beyond_the_cap_stops_retrying() -> None:
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(200))
    with _client(recorder, RetryPolicy(max_retries=3, max_retry_after=60)) as client:
        assert client.get("/sites").status_code == 429
    assert len(recorder.requests) == 1


def test_backoff_grows_and_stays_under_its_ceiling() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(502))
    policy = RetryPolicy(max_retries=5, initial_backoff=0.5, max_backoff=2.0)
    with _client(recorder, policy, sleeps) as client:
        client.get("/sites")
    assert len(sleeps) == 5
    ceilings = [0.5, 1.0, 2.0, 2.0, 2.0]
    assert all(0 <= slept <= ceiling for slept, ceiling in zip(sleeps, ceilings, strict=True))


def test_client_errors_are_not_retried() -> None:
    recorder = Recorder(httpx.Response(400), httpx.Response(200))
    with _client(recorder, RetryPolicy(max_retries=3)) as client:
        assert client.get("/sites").status_code == 400
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_requests_retry_the_same_way() -> None:
    recorder = Recorder(httpx.Response(503), httpx.Response(200))

    async def handler(request: httpx.Request) -> httpx.Response:
        return recorder(request)

    transport = RetryingTransport(
        RetryPolicy(max_retries=1, initial_backoff=0.0, max_backoff=0.0),
        async_transport=httpx.MockTransport(handler),
    )
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        assert (await client.get("/sites")).status_code == 200
    assert len(recorder.requests) == 2


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "7"}, 7.0),
        ({"retry-after-ms": "1500"}, 1.5),
        ({"Retry-After": "soon"}, None),
        ({}, None),
    ],
)
def test_retry_after_is_read_from_seconds_milliseconds_or_nothing(
    headers: dict[str, str], expected: float | None
) -> None:
    assert retry_after_seconds(httpx.Response(429, headers=headers)) == expected


def test_a_policy_rejects_nonsense_bounds() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="backoff"):
        RetryPolicy(initial_backoff=5, max_backoff=1)
