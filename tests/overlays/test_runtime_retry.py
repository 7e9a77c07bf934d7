"""Retries: only idempotent requests, on the answers that merit it, within a bound, honouring Retry-After."""

from __future__ import annotations

import email.utils
import time

import httpx
import pytest

from partner_apis.overlays.runtime import (
    ApiConnectionError,
    ApiTimeoutError,
    RetryingTransport,
    RetryPolicy,
    retry_after_seconds,
    unprocessed_answer,
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


# -- a create answered "not processed" (429; 503 with Retry-After) is sent again ---------------


def test_a_create_answered_429_is_sent_again_after_the_retry_after_wait() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "3"}), httpx.Response(201))
    with _client(recorder, RetryPolicy(max_retries=2), sleeps) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 201
    assert len(recorder.requests) == 2
    assert recorder.requests[1].content == b'{"a":1}'  # the same create, body and all
    assert sleeps == [3.0]


def test_a_create_answered_429_without_retry_after_is_sent_again_after_a_backoff() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(429), httpx.Response(201))
    with _client(recorder, RetryPolicy(max_retries=1, initial_backoff=0.5, max_backoff=0.5), sleeps) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 201
    assert len(recorder.requests) == 2
    assert len(sleeps) == 1
    assert 0 <= sleeps[0] <= 0.5


def test_a_create_answered_503_with_retry_after_is_sent_again() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(503, headers={"Retry-After": "2"}), httpx.Response(201))
    with _client(recorder, RetryPolicy(max_retries=2), sleeps) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 201
    assert len(recorder.requests) == 2
    assert sleeps == [2.0]


@pytest.mark.parametrize(
    "answer",
    [
        httpx.Response(503),
        httpx.Response(500, headers={"Retry-After": "1"}),
        httpx.Response(502),
        httpx.Response(504, headers={"Retry-After": "1"}),
        httpx.Response(408),
    ],
    ids=["503-bare", "500", "502", "504", "408"],
)
def test_a_create_answered_a_status_that_may_follow_processing_is_sent_once(answer: httpx.Response) -> None:
    # A bare 503 may come from a proxy whose upstream failed after the request was forwarded;
    # 500/502/504/408 may follow processing: a second create could duplicate the first.
    recorder = Recorder(answer, httpx.Response(201))
    with _client(recorder, POST_IS_NOT_IDEMPOTENT) as client:
        assert client.post("/sites", json={"a": 1}).status_code == answer.status_code
    assert len(recorder.requests) == 1


def test_a_create_answered_429_past_the_retry_after_cap_is_not_sent_again() -> None:
    sleeps: list[float] = []
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "61"}), httpx.Response(201))
    with _client(recorder, RetryPolicy(max_retries=3, max_retry_after=60), sleeps) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 429
    assert (len(recorder.requests), sleeps) == (1, [])


def test_a_create_answered_429_again_and_again_is_sent_at_most_one_plus_max_retries_times() -> None:
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "0"}))
    with _client(recorder, RetryPolicy(max_retries=2)) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 429
    assert len(recorder.requests) == 3


@pytest.mark.parametrize("drop", [httpx.ReadError("reset"), httpx.ReadTimeout("slow")], ids=["reset", "timeout"])
def test_a_create_resent_after_429_whose_connection_then_drops_is_not_sent_a_third_time(drop: Exception) -> None:
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "0"}), drop, httpx.Response(201))
    with _client(recorder, RetryPolicy(max_retries=3)) as client, pytest.raises(ApiConnectionError):
        client.post("/sites", json={"a": 1})
    assert len(recorder.requests) == 2


def test_a_policy_that_trusts_no_answer_never_resends_a_create() -> None:
    never = RetryPolicy(max_retries=3, is_unprocessed=lambda response: False)
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(201))
    with _client(recorder, never) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 429
    assert len(recorder.requests) == 1


def test_a_policy_may_trust_every_503_of_a_vendor_known_to_answer_it_before_processing() -> None:
    every_503 = RetryPolicy(
        max_retries=1, initial_backoff=0.0, max_backoff=0.0, is_unprocessed=lambda r: r.status_code in {429, 503}
    )
    recorder = Recorder(httpx.Response(503), httpx.Response(201))
    with _client(recorder, every_503) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 201
    assert len(recorder.requests) == 2


def test_the_unprocessed_rule_is_asked_about_the_policys_statuses_only() -> None:
    # A 409 is no retry status: a rule that calls everything unprocessed cannot make it one.
    everything = RetryPolicy(max_retries=2, is_unprocessed=lambda response: True)
    recorder = Recorder(httpx.Response(409), httpx.Response(201))
    with _client(recorder, everything) as client:
        assert client.post("/sites", json={"a": 1}).status_code == 409
    assert len(recorder.requests) == 1


@pytest.mark.parametrize(
    ("status", "headers", "expected"),
    [
        (429, {}, True),
        (429, {"Retry-After": "5"}, True),
        (503, {"Retry-After": "5"}, True),
        (503, {"Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT"}, True),
        (503, {"retry-after-ms": "500"}, True),
        (503, {}, False),
        (500, {"Retry-After": "5"}, False),
        (502, {}, False),
        (504, {"Retry-After": "5"}, False),
        (408, {}, False),
    ],
)
def test_unprocessed_answers_are_429_and_503_with_retry_after(
    status: int, headers: dict[str, str], expected: bool
) -> None:
    assert unprocessed_answer(httpx.Response(status, headers=headers)) is expected


# -- async waits are the transport's async_sleep, replaceable like sleep ---------------------------


def _async_client(recorder: Recorder, policy: RetryPolicy, waits: list[float]) -> httpx.AsyncClient:
    async def handler(request: httpx.Request) -> httpx.Response:
        return recorder(request)

    async def record(seconds: float) -> None:
        waits.append(seconds)

    transport = RetryingTransport(
        policy, async_transport=httpx.MockTransport(handler), async_sleep=record, clock=lambda: NOW
    )
    return httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1")


@pytest.mark.anyio
async def test_async_retries_wait_through_the_transports_async_sleep() -> None:
    waits: list[float] = []
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "30"}), httpx.Response(200))
    started = time.monotonic()
    async with _async_client(recorder, RetryPolicy(max_retries=1), waits) as client:
        assert (await client.get("/sites")).status_code == 200
    assert waits == [30.0]
    assert time.monotonic() - started < 5  # recorded, not slept


@pytest.mark.anyio
async def test_an_async_create_answered_429_is_sent_again_and_one_dropped_after_sending_is_not() -> None:
    waits: list[float] = []
    recorder = Recorder(httpx.Response(429, headers={"Retry-After": "4"}), httpx.Response(201))
    async with _async_client(recorder, RetryPolicy(max_retries=2), waits) as client:
        assert (await client.post("/sites", json={"a": 1})).status_code == 201
    assert (len(recorder.requests), waits) == (2, [4.0])
    dropped = Recorder(httpx.ReadError("reset"), httpx.Response(201))
    async with _async_client(dropped, RetryPolicy(max_retries=2), waits) as client:
        with pytest.raises(ApiConnectionError):
            await client.post("/sites", json={"a": 1})
    assert len(dropped.requests) == 1


def test_a_sibling_with_another_policy_keeps_the_replaced_waits_and_clock() -> None:
    async def record(seconds: float) -> None:
        del seconds

    def sleep(seconds: float) -> None:
        del seconds

    transport = RetryingTransport(RetryPolicy(), httpx.MockTransport(Recorder(httpx.Response(200))))
    transport.sleep, transport.async_sleep, transport.clock = sleep, record, lambda: NOW
    sibling = transport.with_policy(RetryPolicy(max_retries=5))
    assert (sibling.sleep, sibling.async_sleep, sibling.clock()) == (sleep, record, NOW)


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
