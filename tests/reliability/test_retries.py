"""Retries through every overlay client: a create is resent only when the answer says it was not processed.

Reads are retried within the bound; a create only after an answer that says the server
did not process it (429, or 503 with ``Retry-After``), never after one that may follow
processing or a connection that dropped once it was sent; a failure inside HTTP 200
(Omnize's ``success: false``) is never retried.

Each API's client comes from its overlay factory with an ``httpx.MockTransport`` in place
of the network; the retry transport's sleep is recorded instead of slept and its wall clock
is pinned (``client_transport(client)``: its ``sleep`` and ``clock``), so a test reads the
exact waits instead of timing them. A new overlay joins by adding its entry to ``CASES``
(``test_every_overlay_has_a_retry_case`` fails until it does).
"""

from __future__ import annotations

import email.utils
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from airvantage_partners_client.api.operations import get_operation as av_get_operation
from airvantage_partners_client.api.partnership import request_partnership as av_request_partnership
from airvantage_partners_client.models import PartnershipRequest as AvPartnershipRequest
from comm100_v3_client.api.sites import create_site as v3_create_site
from comm100_v3_client.api.sites import get_site as v3_get_site
from comm100_v3_client.models import PlanSelection, SiteContactCreate
from comm100_v3_client.models import SiteCreate as V3SiteCreate
from comm100_v4_client.api.sites import create_site as v4_create_site
from comm100_v4_client.api.sites import get_site as v4_get_site
from comm100_v4_client.models import SiteCreate as V4SiteCreate
from omnize_partner_client.api.departments import create_department, list_departments
from omnize_partner_client.models import CreateDepartmentRequest, DepartmentCreate
from omnize_partner_v2_client.api.agents import create_agent as v2_create_agent
from omnize_partner_v2_client.api.agents import show_agent as v2_show_agent
from omnize_partner_v2_client.models import AgentCreate as V2AgentCreate
from omnize_partner_v2_client.models import CreateAgentRequest as V2CreateAgentRequest
from portsip_dealers_client.api.dealers import create_dealer, get_dealer
from portsip_dealers_client.models import DealerCreate, DealerLevel

import partner_apis.overlays
from partner_apis.overlays import (
    airvantage_partners,
    comm100_v3,
    comm100_v4,
    omnize_partner,
    omnize_partner_v2,
    portsip_dealers,
)
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
from partner_apis.specs import api_spec, load_spec

# The default backoff (jittered, up to 0.5 s at first): a wait of exactly the Retry-After
# value can only come from the header. At most two retries, three attempts in all.
POLICY = RetryPolicy(max_retries=2)
LOOPBACK = "http://127.0.0.1:9"  # never dialled: every request goes to the mock transport
NOW = 1_767_225_600.0  # 2026-01-01T00:00:00Z: the retry transport's wall clock, pinned


def spec_example(key: str, operation_id: str, status: str = "200", name: str | None = None) -> Any:
    """An example of an operation's JSON answer (the first, or ``name``); by default a success body."""
    for item in load_spec(key)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                examples = operation["responses"][status]["content"]["application/json"]["examples"]
                return (examples[name] if name else next(iter(examples.values())))["value"]
    raise KeyError(f"{key} has no operation {operation_id}")


def _no_side_requests(request: httpx.Request) -> httpx.Response | None:
    return None


@dataclass(frozen=True)
class RetryCase:
    """One API's overlay client on a mock transport, with one create and one read.

    ``create`` must be an operation the spec marks ``x-idempotent: false`` and ``read``
    one it marks ``x-idempotent: true`` (each named, and checked against the spec);
    ``read_answer`` is the read's success body. ``side`` answers the requests a client
    makes on its own (a token request), which the tests do not count.
    """

    build: Callable[..., Any]  # (transport, retry, **factory options) -> the overlay's client
    create_operation: str
    create: Callable[[Any], object]
    read_operation: str
    read: Callable[[Any], object]
    read_answer: Any
    created: httpx.Response  # the create's success answer
    side: Callable[[httpx.Request], httpx.Response | None] = field(default=_no_side_requests)


def _v3_token(request: httpx.Request) -> httpx.Response | None:
    if request.url.path != comm100_v3.TOKEN_PATH:
        return None
    return httpx.Response(200, json={"access_token": "retry-access", "expires_in": 43199, "refresh_token": "r"})


def _av_token(request: httpx.Request) -> httpx.Response | None:
    if not request.url.path.endswith(airvantage_partners.TOKEN_PATH):
        return None
    return httpx.Response(200, json={"access_token": "retry-access", "expires_in": 43199})


def _portsip_token(request: httpx.Request) -> httpx.Response | None:
    if not request.url.path.endswith(portsip_dealers.TOKEN_PATH):
        return None
    return httpx.Response(200, json={"access_token": "retry-access", "expires_in": 1800, "refresh_token": "r"})


CASES: dict[str, RetryCase] = {
    "portsip-dealers": RetryCase(
        build=lambda transport, retry, **options: portsip_dealers.client(
            "admin", "retry-password", base_url=f"{LOOPBACK}/api", transport=transport, retry=retry, **options
        ),
        create_operation="createDealer",
        create=lambda client: create_dealer.sync(
            client=client, body=DealerCreate(level=DealerLevel.RESELLER, name="reseller1", password="secret-1")
        ),
        read_operation="getDealer",
        read=lambda client: get_dealer.sync("NzAwNTUxOTA5NzczMTQ4MTYw", client=client),
        read_answer=spec_example("portsip-dealers", "getDealer"),
        created=httpx.Response(201, json=spec_example("portsip-dealers", "createDealer", "201")),
        side=_portsip_token,
    ),
    "airvantage-partners": RetryCase(
        build=lambda transport, retry, **options: airvantage_partners.client(
            "retry-client", "retry-secret", base_url=f"{LOOPBACK}/api", transport=transport, retry=retry, **options
        ),
        create_operation="requestPartnership",
        create=lambda client: av_request_partnership.sync(
            client=client, body=AvPartnershipRequest(partner="01bf08b75e124e3d836443b323a3f190")
        ),
        read_operation="getOperation",
        read=lambda client: av_get_operation.sync("7fe11df637264cd2ab6a2cddde2f817d", client=client),
        read_answer=spec_example("airvantage-partners", "getOperation"),
        created=httpx.Response(200, json=spec_example("airvantage-partners", "requestPartnership")),
        side=_av_token,
    ),
    "comm100-v4": RetryCase(
        build=lambda transport, retry, **options: comm100_v4.client(
            "retry-token", base_url=f"{LOOPBACK}/v4", transport=transport, retry=retry, **options
        ),
        create_operation="createSite",
        create=lambda client: v4_create_site.sync(
            client=client, body=V4SiteCreate(platform_id=100, email="o@example.com", password="12345", plan_id=233)
        ),
        read_operation="getSite",
        read=lambda client: v4_get_site.sync(1, client=client),
        read_answer=spec_example("comm100-v4", "getSite"),
        created=httpx.Response(200, json=spec_example("comm100-v4", "createSite")),
    ),
    "comm100-v3": RetryCase(
        build=lambda transport, retry, **options: comm100_v3.client(
            "partner@example.com", "retry-password", base_url=LOOPBACK, transport=transport, retry=retry, **options
        ),
        create_operation="createSite",
        create=lambda client: v3_create_site.sync(
            client=client,
            body=V3SiteCreate(
                password="123456",
                contact=SiteContactCreate(first_name="F", last_name="L", email="o@example.com"),
                plan_list=[PlanSelection(id=1)],
            ),
        ),
        read_operation="getSite",
        read=lambda client: v3_get_site.sync(6000000, client=client),
        read_answer=spec_example("comm100-v3", "getSite"),
        created=httpx.Response(200, json=spec_example("comm100-v3", "createSite")),
        side=_v3_token,
    ),
    "omnize-partner": RetryCase(
        build=lambda transport, retry, **options: omnize_partner.client(
            "retry-token",
            base_url=f"{LOOPBACK}{api_spec('omnize-partner').base_path}",  # the spec's first server's path
            login_base_url=LOOPBACK,
            transport=transport,
            retry=retry,
            **options,
        ),
        create_operation="createDepartment",
        create=lambda client: create_department.sync(
            client=client, body=CreateDepartmentRequest(department=DepartmentCreate(account_id=1, name="Sales"))
        ),
        read_operation="listDepartments",
        read=lambda client: list_departments.sync(client=client, account_id=1),
        read_answer=spec_example("omnize-partner", "listDepartments"),
        created=httpx.Response(200, json=spec_example("omnize-partner", "createDepartment", name="docSample")),
    ),
    "omnize-partner-v2": RetryCase(
        build=lambda transport, retry, **options: omnize_partner_v2.client(
            "retry-token",
            base_url=f"{LOOPBACK}{api_spec('omnize-partner-v2').base_path}",
            transport=transport,
            retry=retry,
            **options,
        ),
        create_operation="createAgent",
        create=lambda client: v2_create_agent.sync(
            client=client,
            body=V2CreateAgentRequest(
                agent=V2AgentCreate(name="Agent", email="a@example.com", password="s3cret-pw", account_id=1)
            ),
        ),
        read_operation="showAgent",
        read=lambda client: v2_show_agent.sync(1, client=client, account_id=1),
        read_answer=spec_example("omnize-partner-v2", "showAgent", name="docSample"),
        created=httpx.Response(200, json=spec_example("omnize-partner-v2", "createAgent", name="docSample")),
    ),
}
# The APIs that fail inside HTTP 200 (success false): their read's documented failure body.
FAILURE_IN_BODY = {
    "omnize-partner": spec_example("omnize-partner", "listDepartments", name="docSampleError"),
    "omnize-partner-v2": spec_example("omnize-partner-v2", "showAgent", name="docSampleError"),
}

KEYS = sorted(CASES)


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
    case = CASES[key]
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
    return httpx.Response(200, json=CASES[key].read_answer)


def test_every_overlay_has_a_retry_case() -> None:
    overlays = {
        importlib.import_module(f"partner_apis.overlays.{module.name}").KEY
        for module in pkgutil.iter_modules(partner_apis.overlays.__path__)
        if module.name != "runtime"
    }
    assert overlays <= set(CASES), f"overlays without a retry case in CASES: {sorted(overlays - set(CASES))}"


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_503_is_sent_exactly_once(key: str) -> None:
    driven = drive(key, httpx.Response(503), httpx.Response(200))
    with pytest.raises(ServerError):
        CASES[key].create(driven.client)
    assert len(driven.server.calls) == 1
    assert _operation(key, driven.server.calls[0]) == (CASES[key].create_operation, False)


@pytest.mark.parametrize("key", KEYS)
def test_a_create_whose_connection_breaks_after_sending_is_not_resent(key: str) -> None:
    driven = drive(key, httpx.ReadError("connection reset"), httpx.Response(200))
    with pytest.raises(ApiConnectionError):
        CASES[key].create(driven.client)
    assert len(driven.server.calls) == 1


@pytest.mark.parametrize("key", KEYS)
def test_a_create_whose_answer_times_out_is_not_resent(key: str) -> None:
    driven = drive(key, httpx.ReadTimeout("no answer"), CASES[key].created)
    with pytest.raises(ApiTimeoutError):
        CASES[key].create(driven.client)
    assert len(driven.server.calls) == 1


# -- a create the server says it did not process is sent again (429; 503 with Retry-After) ------------


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_429_is_sent_again_after_retry_after_and_succeeds(key: str) -> None:
    driven = drive(key, httpx.Response(429, headers={"Retry-After": "2"}), CASES[key].created)
    assert CASES[key].create(driven.client) is not None
    assert [_operation(key, call) for call in driven.server.calls] == [(CASES[key].create_operation, False)] * 2
    assert driven.server.calls[0].content == driven.server.calls[1].content  # the same create, once more
    assert driven.sleeps == [2.0]


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_503_with_a_retry_after_date_is_sent_again(key: str) -> None:
    date = email.utils.format_datetime(datetime.fromtimestamp(NOW + 5, UTC), usegmt=True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": date}), CASES[key].created)
    assert CASES[key].create(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [5.0]


@pytest.mark.parametrize("key", KEYS)
def test_a_create_throttled_past_the_cap_or_past_the_bound_surfaces_as_rate_limit_error(key: str) -> None:
    too_long = drive(key, httpx.Response(429, headers={"Retry-After": "3600"}), CASES[key].created)
    with pytest.raises(RateLimitError):
        CASES[key].create(too_long.client)
    assert (len(too_long.server.calls), too_long.sleeps) == (1, [])
    always = drive(key, httpx.Response(429, headers={"Retry-After": "1"}))
    with pytest.raises(RateLimitError):
        CASES[key].create(always.client)
    assert len(always.server.calls) == 1 + POLICY.max_retries
    assert always.sleeps == [1.0] * POLICY.max_retries


@pytest.mark.parametrize("key", KEYS)
def test_a_policy_that_trusts_no_answer_sends_a_throttled_create_once(key: str) -> None:
    never = RetryPolicy(max_retries=2, is_unprocessed=lambda response: False)
    driven = drive(key, httpx.Response(429, headers={"Retry-After": "1"}), CASES[key].created, policy=never)
    with pytest.raises(RateLimitError):
        CASES[key].create(driven.client)
    assert len(driven.server.calls) == 1


# -- a failure inside HTTP 200 is not retried (retry.py's docstring says why) ------------------------


@pytest.mark.parametrize("key", sorted(FAILURE_IN_BODY))
def test_a_read_failing_inside_http_200_is_sent_once_and_raises_at_once(key: str) -> None:
    driven = drive(key, httpx.Response(200, json=FAILURE_IN_BODY[key]), _ok(key))
    with pytest.raises(FailureInBodyError):
        CASES[key].read(driven.client)
    assert (len(driven.server.calls), driven.sleeps) == (1, [])
    assert _operation(key, driven.server.calls[0]) == (CASES[key].read_operation, True)


@pytest.mark.parametrize("key", KEYS)
def test_a_read_answered_429_waits_the_retry_after_seconds(key: str) -> None:
    driven = drive(key, httpx.Response(429, headers={"Retry-After": "2"}), _ok(key))
    assert CASES[key].read(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [2.0]
    assert _operation(key, driven.server.calls[0]) == (CASES[key].read_operation, True)


@pytest.mark.parametrize("key", KEYS)
def test_a_read_answered_503_waits_until_the_retry_after_date(key: str) -> None:
    date = email.utils.format_datetime(datetime.fromtimestamp(NOW + 7, UTC), usegmt=True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": date}), _ok(key))
    assert CASES[key].read(driven.client) is not None
    assert len(driven.server.calls) == 2
    assert driven.sleeps == [7.0]


@pytest.mark.parametrize("key", KEYS)
def test_retries_stop_at_the_bound(key: str) -> None:
    driven = drive(key, httpx.Response(503, headers={"Retry-After": "0"}))
    with pytest.raises(ServerError):
        CASES[key].read(driven.client)
    assert len(driven.server.calls) == 1 + POLICY.max_retries == 3
    assert len(driven.sleeps) == POLICY.max_retries


@pytest.mark.parametrize(
    "error", [httpx.ConnectError("refused"), httpx.ReadError("connection reset")], ids=["connect", "read"]
)
@pytest.mark.parametrize("key", KEYS)
def test_a_connection_error_on_a_read_is_retried_and_the_read_succeeds(key: str, error: Exception) -> None:
    driven = drive(key, error, _ok(key))
    assert CASES[key].read(driven.client) is not None
    assert len(driven.server.calls) == 2


# -- the caller's own idempotency rule (issue 15: it used to be replaced by the spec's table) --------


@pytest.mark.parametrize("key", KEYS)
def test_a_callers_idempotency_rule_replaces_the_specs_table(key: str) -> None:
    # The caller knows its creates carry an idempotency key the vendor honours: resending is safe.
    resend_all = RetryPolicy(max_retries=2, is_idempotent=lambda request: True)
    driven = drive(key, httpx.Response(503, headers={"Retry-After": "0"}), policy=resend_all)
    with pytest.raises(ServerError):
        CASES[key].create(driven.client)
    assert len(driven.server.calls) == 3
    assert _operation(key, driven.server.calls[0]) == (CASES[key].create_operation, False)


@pytest.mark.parametrize("key", KEYS)
def test_a_callers_rule_can_forbid_resending_what_the_spec_allows(key: str) -> None:
    # A bare 503 may follow processing: a read the caller calls not idempotent is sent once.
    resend_none = RetryPolicy(max_retries=2, is_idempotent=lambda request: False)
    driven = drive(key, httpx.Response(503), policy=resend_none)
    with pytest.raises(ServerError):
        CASES[key].read(driven.client)
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
    assert CASES[key].read(driven.client) is not None
    assert len(driven.server.calls) == 2
    # A token request (an OAuth API's first call) is a request of its own; the retried read is one.
    api_calls = seen[-2:]
    assert api_calls == [f"request {driven.server.calls[0].method}", "answer 200"]
    assert seen.count("answer 503") == 0
