"""Retries through every overlay client: a create is resent only when the answer says it was not processed.

Reads are retried within the bound; a create only after an answer that says the server
did not process it (429, or 503 with ``Retry-After``), never after one that may follow
processing or a connection that dropped once it was sent; a failure inside HTTP 200
(Omnize's ``success: false``) is never retried.

Each API's client comes from its overlay factory with an ``httpx.MockTransport`` in place
of the network; the retry transport's sleep is recorded instead of slept and its wall clock
is pinned (``client_transport(client)``: its ``sleep`` and ``clock``), so a test reads the
exact waits instead of timing them. Each API's create, read and answers are read from its
spec (``retry_cases.py``), so an API added to ``specs/`` joins with no row here
(``test_every_overlay_has_a_retry_case_read_from_its_spec`` says what its spec lacks).
"""

from __future__ import annotations

import email.utils
import importlib
import pkgutil
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

import partner_apis.overlays
from partner_apis.overlays import airvantage_partners, comm100_v3, portsip_dealers
from partner_apis.overlays.runtime import (
    ApiConnectionError,
    ApiTimeoutError,
    FailureInBodyError,
    RateLimitError,
    RetryingTransport,
    RetryPolicy,
    ServerError,
    client_transport,
    operation_table,
)
from partner_apis.specs import api_spec, keys, load_spec

from .retry_cases import RetryCase, derive_case

# The default backoff (jittered, up to 0.5 s at first): a wait of exactly the Retry-After
# value can only come from the header. At most two retries, three attempts in all.
POLICY = RetryPolicy(max_retries=2)
NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z: the retry transport's wall clock, pinned


def spec_example(key: str, operation_id: str, status: str = "200", name: str | None = None) -> Any:
    """An example of an operation's JSON answer (the first, or ``name``); by default a success body."""
    for item in load_spec(key)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                examples = operation["responses"][status]["content"]["application/json"]["examples"]
                return (examples[name] if name else next(iter(examples.values())))["value"]
    raise KeyError(f"{key} has no operation {operation_id}")


@dataclass(frozen=True)
class HandRow:
    """What a hand-written case held that the derivation must give again (its calls' argument values aside)."""

    create_operation: str
    read_operation: str
    read_answer: Any
    created: tuple[int, Any]
    failure_in_body: Any = None
    token_path: str | None = None  # the path of the token request the client makes on its own


# The cases as they were written by hand, before they were read from the spec. The
# derivation must give each of them; what the calls sent (ids, bodies, credentials, the
# token answers' values) was picked by hand with no meaning and now comes from the
# spec's samples and the simulator's first tenant.
HAND_WRITTEN = {
    "portsip-dealers": HandRow(
        "createDealer",
        "getDealer",
        spec_example("portsip-dealers", "getDealer"),
        (201, spec_example("portsip-dealers", "createDealer", "201")),
        token_path=api_spec("portsip-dealers").base_path + portsip_dealers.TOKEN_PATH,
    ),
    "airvantage-partners": HandRow(
        "requestPartnership",
        "getOperation",
        spec_example("airvantage-partners", "getOperation"),
        (200, spec_example("airvantage-partners", "requestPartnership")),
        token_path=api_spec("airvantage-partners").base_path + airvantage_partners.TOKEN_PATH,
    ),
    "comm100-v4": HandRow(
        "createSite", "getSite", spec_example("comm100-v4", "getSite"), (200, spec_example("comm100-v4", "createSite"))
    ),
    "comm100-v3": HandRow(
        "createSite",
        "getSite",
        spec_example("comm100-v3", "getSite"),
        (200, spec_example("comm100-v3", "createSite")),
        token_path=comm100_v3.TOKEN_PATH,
    ),
    "omnize-partner": HandRow(
        "createDepartment",
        "listDepartments",
        spec_example("omnize-partner", "listDepartments"),
        (200, spec_example("omnize-partner", "createDepartment", name="docSample")),
        # Omnize fails inside HTTP 200 (success false): the read's documented failure body.
        failure_in_body=spec_example("omnize-partner", "listDepartments", name="docSampleError"),
    ),
    "omnize-partner-v2": HandRow(
        "createAgent",
        "showAgent",
        spec_example("omnize-partner-v2", "showAgent", name="docSample"),
        (200, spec_example("omnize-partner-v2", "createAgent", name="docSample")),
        failure_in_body=spec_example("omnize-partner-v2", "showAgent", name="docSampleError"),
    ),
}

KEYS = keys()


def _fails_inside_200(key: str) -> bool:
    try:
        return derive_case(key).failure_in_body is not None
    except LookupError:
        return False  # test_every_overlay_has_a_retry_case_read_from_its_spec says what is missing


FAILURE_IN_BODY_KEYS = [key for key in KEYS if _fails_inside_200(key)]


class Server:
    """A MockTransport handler: answers the API's calls from a script (the last answer repeats)."""

    def __init__(self, case: RetryCase, *answers: httpx.Response | Exception) -> None:
        self.case = case
        self.answers = list(answers)
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        side = self.case.side(request)
        if side is not None:
            return side
        self.calls.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


@dataclass
class Driven:
    """A client on a scripted server, and the waits its retry transport asked for."""

    client: Any
    server: Server
    sleeps: list[float]


def drive(key: str, *answers: httpx.Response | Exception, policy: RetryPolicy = POLICY, **options: Any) -> Driven:
    """Build ``key``'s overlay client (with factory ``options``) on a server answering ``answers``; record its waits."""
    case = derive_case(key)
    server = Server(case, *answers)
    client = case.build(httpx.MockTransport(server), policy, **options)
    transport = client_transport(client)
    assert isinstance(transport, RetryingTransport), "the factory must install the retry transport"
    sleeps: list[float] = []
    transport.sleep = sleeps.append
    transport.clock = lambda: NOW
    return Driven(client, server, sleeps)


def _operation(key: str, request: httpx.Request) -> tuple[str, bool]:
    operation = operation_table(key).find(request.method, request.url.path)  # every case is on the spec's base path
    assert operation is not None, f"{request.method} {request.url.path} is no {key} operation"
    return operation.operation_id, operation.idempotent


def _ok(key: str) -> httpx.Response:
    return httpx.Response(200, json=derive_case(key).read_answer)


def test_every_overlay_has_a_retry_case_read_from_its_spec() -> None:
    overlays = {
        importlib.import_module(f"partner_apis.overlays.{module.name}").KEY
        for module in pkgutil.iter_modules(partner_apis.overlays.__path__)
        if module.name != "runtime"
    }
    assert overlays <= set(KEYS), f"overlays without a spec: {sorted(overlays - set(KEYS))}"
    for key in sorted(overlays):
        derive_case(key)  # raises LookupError naming what the spec lacks


@pytest.mark.parametrize("key", sorted(HAND_WRITTEN))
def test_the_cases_read_from_the_spec_are_the_ones_once_written_by_hand(key: str) -> None:
    case = derive_case(key)
    token_path = case.token[0] if case.token is not None else None
    derived = HandRow(
        case.create_operation, case.read_operation, case.read_answer, case.created, case.failure_in_body, token_path
    )
    assert derived == HAND_WRITTEN[key]


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_503_is_sent_exactly_once(key: str) -> None:
    driven = drive(key, httpx.Response(503), httpx.Response(200))
    with pytest.raises(ServerError):
        derive_case(key).create(driven.client)
    assert len(driven.server.calls) == 1
    assert _operation(key, driven.server.calls[0]) == (derive_case(key).create_operation, False)


@pytest.mark.parametrize("key", KEYS)
def test_a_create_whose_connection_breaks_after_sending_is_not_resent(key: str) -> None:
    driven = drive(key, httpx.ReadError("connection reset"), httpx.Response(200))
    with pytest.raises(ApiConnectionError):
        derive_case(key).create(driven.client)
    assert len(driven.server.calls) == 1


@pytest.mark.parametrize("key", KEYS)
def test_a_create_whose_answer_times_out_is_not_resent(key: str) -> None:
    driven = drive(key, httpx.ReadTimeout("no answer"), derive_case(key).created_answer())
    with pytest.raises(ApiTimeoutError):
        derive_case(key).create(driven.client)
    assert len(driven.server.calls) == 1


# -- a create the server says it did not process is sent again (429; 503 with Retry-After) ------------


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_429_is_sent_again_after_retry_after_and_succeeds(key: str) -> None:
    driven = drive(key, httpx.Response(429, headers={"Retry-After": "2"}), derive_case(key).created_answer())
    assert derive_case(key).create(driven.client) is not None
    assert [_operation(key, call) for call in driven.server.calls] == [(derive_case(key).create_operation, False)] * 2
    assert driven.server.calls[0].content == driven.server.calls[1].content  # the same create, once more
    assert driven.sleeps == [2.0]


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_503_with_a_retry_after_date_is_sent_again(key: str) -> None:
    date = email.utils.format_datetime(datetime.fromtimestamp(NOW + 5, UTC), usegmt=True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": date}), derive_case(key).created_answer())
    assert derive_case(key).create(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [5.0]


@pytest.mark.parametrize("key", KEYS)
def test_a_create_throttled_past_the_cap_or_past_the_bound_surfaces_as_rate_limit_error(key: str) -> None:
    too_long = drive(key, httpx.Response(429, headers={"Retry-After": "3600"}), derive_case(key).created_answer())
    with pytest.raises(RateLimitError):
        derive_case(key).create(too_long.client)
    assert (len(too_long.server.calls), too_long.sleeps) == (1, [])
    always = drive(key, httpx.Response(429, headers={"Retry-After": "1"}))
    with pytest.raises(RateLimitError):
        derive_case(key).create(always.client)
    assert len(always.server.calls) == 1 + POLICY.max_retries
    assert always.sleeps == [1.0] * POLICY.max_retries


@pytest.mark.parametrize("key", KEYS)
def test_a_policy_that_trusts_no_answer_sends_a_throttled_create_once(key: str) -> None:
    never = RetryPolicy(max_retries=2, is_unprocessed=lambda response: False)
    driven = drive(
        key, httpx.Response(429, headers={"Retry-After": "1"}), derive_case(key).created_answer(), policy=never
    )
    with pytest.raises(RateLimitError):
        derive_case(key).create(driven.client)
    assert len(driven.server.calls) == 1


# -- a failure inside HTTP 200 is not retried (retry.py's docstring says why) ------------------------


@pytest.mark.parametrize("key", FAILURE_IN_BODY_KEYS)
def test_a_read_failing_inside_http_200_is_sent_once_and_raises_at_once(key: str) -> None:
    driven = drive(key, httpx.Response(200, json=derive_case(key).failure_in_body), _ok(key))
    with pytest.raises(FailureInBodyError):
        derive_case(key).read(driven.client)
    assert (len(driven.server.calls), driven.sleeps) == (1, [])
    assert _operation(key, driven.server.calls[0]) == (derive_case(key).read_operation, True)


@pytest.mark.parametrize("key", KEYS)
def test_a_read_answered_429_waits_the_retry_after_seconds(key: str) -> None:
    driven = drive(key, httpx.Response(429, headers={"Retry-After": "2"}), _ok(key))
    assert derive_case(key).read(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [2.0]
    assert _operation(key, driven.server.calls[0]) == (derive_case(key).read_operation, True)


@pytest.mark.parametrize("key", KEYS)
def test_a_read_answered_503_waits_until_the_retry_after_date(key: str) -> None:
    date = email.utils.format_datetime(datetime.fromtimestamp(NOW + 7, UTC), usegmt=True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": date}), _ok(key))
    assert derive_case(key).read(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [7.0]


@pytest.mark.parametrize("key", KEYS)
def test_retries_stop_at_the_bound(key: str) -> None:
    driven = drive(key, httpx.Response(503, headers={"Retry-After": "0"}))
    with pytest.raises(ServerError):
        derive_case(key).read(driven.client)
    assert len(driven.server.calls) == 1 + POLICY.max_retries == 3
    assert len(driven.sleeps) == POLICY.max_retries


@pytest.mark.parametrize(
    "error", [httpx.ConnectError("refused"), httpx.ReadError("connection reset")], ids=["connect", "read"]
)
@pytest.mark.parametrize("key", KEYS)
def test_a_connection_error_on_a_read_is_retried_and_the_read_succeeds(key: str, error: Exception) -> None:
    driven = drive(key, error, _ok(key))
    assert derive_case(key).read(driven.client) is not None
    assert len(driven.server.calls) == 2


# -- the caller's own idempotency rule (issue 15: it used to be replaced by the spec's table) --------


@pytest.mark.parametrize("key", KEYS)
def test_a_callers_idempotency_rule_replaces_the_specs_table(key: str) -> None:
    # The caller knows its creates carry an idempotency key the vendor honours: resending is safe.
    resend_all = RetryPolicy(max_retries=2, is_idempotent=lambda request: True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": "0"}), policy=resend_all)
    with pytest.raises(ServerError):
        derive_case(key).create(driven.client)
    assert len(driven.server.calls) == 3
    assert _operation(key, driven.server.calls[0]) == (derive_case(key).create_operation, False)


@pytest.mark.parametrize("key", KEYS)
def test_a_callers_rule_can_forbid_resending_what_the_spec_allows(key: str) -> None:
    # A bare 503 may follow processing: a read the caller calls not idempotent is sent once.
    resend_none = RetryPolicy(max_retries=2, is_idempotent=lambda request: False)
    driven = drive(key, httpx.Response(503), policy=resend_none)
    with pytest.raises(ServerError):
        derive_case(key).read(driven.client)
    assert len(driven.server.calls) == 1


# -- event hooks given through httpx_args still fire, retries or not ---------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_event_hooks_from_httpx_args_see_a_retried_read_once_with_its_final_answer(key: str) -> None:
    seen: list[str] = []
    hooks = {
        "request": [lambda request: seen.append(f"request {request.method}")],
        "response": [lambda response: seen.append(f"answer {response.status_code}")],
    }
    driven = drive(
        key,
        httpx.Response(503, headers={"Retry-After": "0"}),
        _ok(key),
        httpx_args={"event_hooks": hooks},
    )
    assert derive_case(key).read(driven.client) is not None
    assert len(driven.server.calls) == 2
    # A token request (an OAuth API's first call) is a request of its own; the retried read is one.
    api_calls = seen[-2:]
    assert api_calls == [f"request {driven.server.calls[0].method}", "answer 200"]
    assert seen.count("answer 503") == 0
