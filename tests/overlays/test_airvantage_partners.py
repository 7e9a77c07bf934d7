"""The AirVantage overlay: tokens by client credentials, typed dotted errors, waiting for operations, every page."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from airvantage_partners_client import Client
from airvantage_partners_client.api.operations import cancel_operation, get_operation
from airvantage_partners_client.api.partners import edit_partner, find_partners, get_partner
from airvantage_partners_client.api.partnership import request_partnership
from airvantage_partners_client.api.requests import accept_request, reject_request
from airvantage_partners_client.models import (
    CompanyRef,
    Operation,
    OperationRef,
    OperationState,
    Partner,
    PartnerEdit,
    PartnerList,
    PartnershipRequest,
    ProfileRef,
    Request,
    RequestAcceptance,
    RequestAcceptanceData,
    TaskState,
)
from airvantage_partners_client.types import UNSET

from partner_apis.overlays import airvantage_partners as av
from partner_apis.overlays.runtime import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PagingError,
    PermissionDeniedError,
    RetryPolicy,
)
from partner_apis.simulators.airvantage_partners import (
    DEFAULT_COMPANIES,
    DEFAULT_CREDENTIALS,
    DEFAULT_USERS,
    AirVantageSimulator,
    Company,
    Profile,
)
from partner_apis.simulators.airvantage_partners.app import ACME, ACME_EUROPE, GLOBEX, INITECH, PARTNER_ONE
from partner_apis.testing import ManualClock, RunningSimulator

ACME_CLIENT, GLOBEX_CLIENT = DEFAULT_CREDENTIALS[:2]
ACME_VIEWER = DEFAULT_USERS[1]
BASIC_PARTNER = "5a3e78ca0ea64d6a9bdaef5966e8b374"
SUPPORT_PARTNER = "ee81d84aec5b4d4397ead51b823b76a7"
GLOBEX_AUDITOR = DEFAULT_COMPANIES[1].profiles[1].uid
UNKNOWN = "0123456789abcdef0123456789abcdef"
LIFETIME = 3600
EPOCH = 1_700_000_000.0


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(EPOCH)


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock) -> RunningSimulator:
    return partner_api_simulator("airvantage-partners", token_lifetime=LIFETIME, clock=clock, start_delay=1)


def _state(sim: RunningSimulator) -> AirVantageSimulator:
    simulator: AirVantageSimulator = sim.simulator
    return simulator


def _client(sim: RunningSimulator, clock: ManualClock, credential: Any = ACME_CLIENT, **options: Any) -> Client:
    return av.client(credential.client_id, credential.client_secret, base_url=sim.base_url, clock=clock, **options)


@pytest.fixture
def acme(sim: RunningSimulator, clock: ManualClock) -> Client:
    return _client(sim, clock)


@pytest.fixture
def globex(sim: RunningSimulator, clock: ManualClock) -> Client:
    return _client(sim, clock, GLOBEX_CLIENT)


def _pending_uid(globex: Client) -> str:
    (request,) = av.iter_requests(globex)
    assert isinstance(request.uid, str)
    return request.uid


# -- the token lifecycle, client credentials by default ---------------------------------------


def test_one_call_gives_a_client_that_logs_in_with_the_client_credentials_grant(
    acme: Client, sim: RunningSimulator
) -> None:
    page = find_partners.sync(client=acme, fields="uid,name,profile", name="One")
    assert isinstance(page, PartnerList)
    assert [(p.uid, p.name) for p in page.items] == [(PARTNER_ONE, "Partner One")]
    partner = get_partner.sync(PARTNER_ONE, client=acme)
    assert isinstance(partner, Partner)
    assert _state(sim).tokens.requests == {"client_credentials": 1}


def test_the_client_is_the_generated_client_and_its_repr_hides_secret_and_token(
    acme: Client, sim: RunningSimulator
) -> None:
    assert isinstance(acme, Client)  # the generated class, with the overlay's methods added
    assert type(acme) is av.AirVantageClient
    get_partner.sync(PARTNER_ONE, client=acme)
    shown = repr(acme)
    assert ACME_CLIENT.client_secret not in shown
    assert ACME_CLIENT.client_id in shown  # the API client's id is not a secret
    issued = _state(sim).tokens.issued_access_tokens()
    assert issued
    assert not any(token in shown for token in issued)


def test_a_client_credentials_token_is_renewed_with_the_same_grant_when_it_expires(
    acme: Client, sim: RunningSimulator, clock: ManualClock
) -> None:
    get_partner.sync(PARTNER_ONE, client=acme)
    clock.now += LIFETIME  # past its renewal time (there is no refresh token to use)
    get_partner.sync(PARTNER_ONE, client=acme)
    assert _state(sim).tokens.requests == {"client_credentials": 2}


def test_the_password_grant_logs_in_as_the_user_and_renews_with_the_refresh_grant(
    sim: RunningSimulator, clock: ManualClock
) -> None:
    viewer = _client(sim, clock, username=ACME_VIEWER.login, password=ACME_VIEWER.password)
    assert isinstance(get_partner.sync(PARTNER_ONE, client=viewer), Partner)
    clock.now += LIFETIME
    with pytest.raises(av.MissingRightsError) as raised:  # the viewer's rights, not the API client's
        edit_partner.sync(PARTNER_ONE, client=viewer, body=PartnerEdit(profile=ProfileRef(uid=SUPPORT_PARTNER)))
    assert isinstance(raised.value, PermissionDeniedError)
    assert raised.value.parameters == ("administrator",)
    assert _state(sim).tokens.requests == {"password": 1, "refresh_token": 1}


def test_a_token_the_server_forgot_is_renewed_and_the_call_sent_again(acme: Client, sim: RunningSimulator) -> None:
    get_partner.sync(PARTNER_ONE, client=acme)
    _state(sim).tokens.forget_access_tokens()
    assert isinstance(get_partner.sync(PARTNER_ONE, client=acme), Partner)
    assert _state(sim).tokens.requests == {"client_credentials": 2}


def test_a_wrong_secret_raises_authentication_error_without_the_secret(
    sim: RunningSimulator, clock: ManualClock
) -> None:
    wrong = av.client(ACME_CLIENT.client_id, "wrong-secret-value", base_url=sim.base_url, clock=clock)
    with pytest.raises(AuthenticationError) as raised:
        get_partner.sync(PARTNER_ONE, client=wrong)
    assert "wrong-secret-value" not in str(raised.value)
    assert "wrong-secret-value" not in repr(raised.value)


def test_regions_pick_the_vendors_servers_and_bad_options_are_refused() -> None:
    assert av.client("id", "secret", region="eu").get_httpx_client().base_url == "https://eu.airvantage.net/api/"
    assert av.client("id", "secret").get_httpx_client().base_url == "https://na.airvantage.net/api/"
    with pytest.raises(ValueError, match="region"):
        av.client("id", "secret", region="apac")
    with pytest.raises(ValueError, match="not both"):
        av.client("id", "secret", region="eu", base_url="http://127.0.0.1")
    with pytest.raises(ValueError, match="username and password"):
        av.client("id", "secret", username="someone")


def test_the_token_goes_to_oauth_token_under_the_api_server_with_the_client_in_the_form() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/api/oauth/token":
            return httpx.Response(200, json={"access_token": "t0ken-value", "expires_in": 60})
        return httpx.Response(200, json={"uid": PARTNER_ONE, "name": "Partner One"})

    transport = httpx.MockTransport(answer)
    client = av.client("my-client", "my-secret", transport=transport)
    get_partner.sync(PARTNER_ONE, client=client)
    token_call, call = seen
    assert str(token_call.url) == "https://na.airvantage.net/api/oauth/token"
    form = dict(httpx.QueryParams(token_call.content.decode()))
    assert form == {"grant_type": "client_credentials", "client_id": "my-client", "client_secret": "my-secret"}
    assert call.headers["authorization"] == "Bearer t0ken-value"


# -- typed errors from dotted codes --------------------------------------------------------------


def test_partner_exists_is_caught_by_class_with_its_parameters(acme: Client) -> None:
    with pytest.raises(av.PartnerExistsError) as raised:
        request_partnership.sync(client=acme, body=PartnershipRequest(partner=PARTNER_ONE))
    error = raised.value
    assert isinstance(error, BadRequestError)
    assert isinstance(error, av.AirVantageError)
    assert (error.code, error.parameters, error.status) == ("partner.exists", (PARTNER_ONE,), 400)
    assert type(error).__name__ == "PartnerExistsError"
    assert PARTNER_ONE in str(error)


def test_unknown_profile_partner_and_company_each_raise_their_class(acme: Client) -> None:
    with pytest.raises(av.UnknownProfileError) as profile:
        edit_partner.sync(PARTNER_ONE, client=acme, body=PartnerEdit(profile=ProfileRef(uid=UNKNOWN)))
    assert profile.value.parameters == (UNKNOWN,)
    with pytest.raises(av.UnknownPartnerError):
        get_partner.sync(UNKNOWN, client=acme)
    with pytest.raises(av.UnknownCompanyError):
        request_partnership.sync(client=acme, body=PartnershipRequest(partner=UNKNOWN))
    with pytest.raises(av.UnknownOperationError):
        get_operation.sync(UNKNOWN, client=acme)


def _answering(status: int, body: Any) -> Client:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t0ken-value", "expires_in": 60})
        return httpx.Response(status, json=body)

    return av.client("id", "secret", transport=httpx.MockTransport(answer), retry=RetryPolicy(max_retries=0))


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("company.missing", av.MissingCompanyError),
        ("profile.missing", av.MissingProfileError),
        ("request.unknown", av.UnknownRequestError),
        ("gateway.assigned", av.AirVantageError),
    ],
)
def test_every_dotted_code_has_its_class_and_an_unlisted_one_the_base_class(code: str, kind: type[Exception]) -> None:
    client = _answering(400, {"error": code, "errorParameters": []})
    with pytest.raises(kind) as raised:
        get_partner.sync(PARTNER_ONE, client=client)
    assert isinstance(raised.value, BadRequestError)
    assert raised.value.code == code  # type: ignore[attr-defined]


def test_a_404_for_an_unknown_uid_is_both_unknown_partner_and_not_found() -> None:
    client = _answering(404, {"error": "partner.unknown", "errorParameters": [UNKNOWN]})
    with pytest.raises(av.UnknownPartnerError) as raised:
        get_partner.sync(UNKNOWN, client=client)
    assert isinstance(raised.value, NotFoundError)
    assert not isinstance(raised.value, BadRequestError)


def test_an_oauth_error_keeps_the_runtimes_status_class() -> None:
    client = _answering(400, {"error": "invalid_request", "error_description": "nope"})
    with pytest.raises(BadRequestError) as raised:
        get_partner.sync(PARTNER_ONE, client=client)
    assert not isinstance(raised.value, av.AirVantageError)


# -- asynchronous operations ---------------------------------------------------------------------------


class Poller:
    """A fake ``sleep`` that moves the clock and lets the other side act at a given poll."""

    def __init__(self, clock: ManualClock, act: Callable[[int], None] = lambda _: None) -> None:
        self.clock = clock
        self.act = act
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.clock.now += seconds
        self.act(len(self.waits))


def test_request_and_wait_returns_the_accepted_operation_with_counters_and_aware_datetimes(
    acme: Client, globex: Client, clock: ManualClock
) -> None:
    def globex_accepts(poll: int) -> None:
        if poll == 3:
            body = RequestAcceptance(data=RequestAcceptanceData(profile=GLOBEX_AUDITOR))
            accept_request.sync(_pending_uid(globex), client=globex, body=body)

    poller = Poller(clock, globex_accepts)
    result = av.request_partnership_and_wait(
        acme, GLOBEX, profile=SUPPORT_PARTNER, message="Let's work together!!!", sleep=poller, clock=clock
    )
    assert result.state is OperationState.FINISHED
    assert result.finished
    assert result.succeeded
    assert not result.failed
    assert not result.cancelled
    assert result.counters[TaskState.SUCCESS] == 1
    assert sum(result.counters.values()) == result.total == 1
    assert result.target == GLOBEX
    assert poller.waits == [1.0, 2.0, 4.0]  # backoff: polled at once, then after 1, 2 and 4 s
    assert result.created_at == datetime.fromtimestamp(EPOCH, tz=UTC)
    assert result.start_date == datetime.fromtimestamp(EPOCH + 1, tz=UTC)
    assert result.end_date == datetime.fromtimestamp(EPOCH + 7, tz=UTC)
    assert result.created_at is not None
    assert result.created_at.tzinfo is UTC
    assert result.cancel_date is None
    assert result.timeout_date is None
    assert {p.uid: p.profile.uid for p in av.iter_partners(acme, fields=["uid", "profile"]) if p.profile} == {
        PARTNER_ONE: BASIC_PARTNER,
        GLOBEX: SUPPORT_PARTNER,
    }


def test_request_and_wait_reports_a_rejection_as_failed(acme: Client, globex: Client, clock: ManualClock) -> None:
    def globex_rejects(poll: int) -> None:
        if poll == 1:
            reject_request.sync(_pending_uid(globex), client=globex)

    poller = Poller(clock, globex_rejects)
    result = av.request_partnership_and_wait(acme, GLOBEX, sleep=poller, clock=clock)
    assert result.failed
    assert not result.succeeded
    assert result.counters[TaskState.FAILURE] == 1


def test_waiting_ends_at_the_deadline_with_the_last_state(acme: Client, clock: ManualClock) -> None:
    poller = Poller(clock)
    with pytest.raises(av.OperationTimeoutError) as raised:
        av.request_partnership_and_wait(acme, GLOBEX, timeout=30, max_poll=8, sleep=poller, clock=clock)
    assert poller.waits == [1.0, 2.0, 4.0, 8.0, 8.0, 7.0]  # never past the deadline
    last = raised.value.last
    assert last.state is OperationState.IN_PROGRESS
    assert last.counters[TaskState.IN_PROGRESS] == 1
    # The request stays open: the caller decides whether to cancel it.
    cancelled = cancel_operation.sync(last.uid, client=acme)
    assert av.wait_for_operation(acme, last.uid, sleep=poller, clock=clock).cancelled
    assert cancelled is not None


def test_a_refused_request_raises_before_any_polling(acme: Client, clock: ManualClock) -> None:
    poller = Poller(clock)
    with pytest.raises(av.PartnerExistsError):
        av.request_partnership_and_wait(acme, PARTNER_ONE, sleep=poller, clock=clock)
    assert poller.waits == []


def test_polling_options_are_checked(acme: Client) -> None:
    with pytest.raises(ValueError, match="polling"):
        av.wait_for_operation(acme, UNKNOWN, first_poll=0)


@pytest.mark.anyio
async def test_the_async_helper_waits_the_same_way(acme: Client, globex: Client, clock: ManualClock) -> None:
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)
        clock.now += seconds
        if len(waits) == 2:
            uid = (await anext(av.aiter_requests(globex))).uid
            assert isinstance(uid, str)
            await accept_request.asyncio(uid, client=globex)

    result = await av.arequest_partnership_and_wait(acme, GLOBEX, sleep=sleep, clock=clock)
    assert result.succeeded
    assert waits == [1.0, 2.0]
    assert [operation.uid async for operation in av.aiter_operations(acme)] == [result.uid]


def test_from_epoch_ms_reads_milliseconds_as_aware_utc() -> None:
    assert av.from_epoch_ms(1700000000123) == datetime(2023, 11, 14, 22, 13, 20, 123000, tzinfo=UTC)
    assert av.from_epoch_ms(None) is None
    assert av.from_epoch_ms(UNSET) is None


# -- auto-pagination and field selection ---------------------------------------------------------


@pytest.fixture
def crowded(partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock) -> RunningSimulator:
    extra = [Company(f"{n:032x}", f"Fleet {n:03d}", (Profile(f"{n + 1000:032x}", "P"),)) for n in range(250)]
    links = [(ACME, company.uid, BASIC_PARTNER, company.profiles[0].uid) for company in extra]
    return partner_api_simulator(
        "airvantage-partners",
        companies=(*DEFAULT_COMPANIES, *extra),
        partnerships=links,
        clock=clock,
    )


def test_iter_partners_walks_every_page_once(crowded: RunningSimulator, clock: ManualClock) -> None:
    client = _client(crowded, clock)
    partners = list(av.iter_partners(client, fields=("uid", "name", "profile"), order_by="name"))
    assert len(partners) == 250
    assert len({partner.uid for partner in partners}) == 250
    assert [partner.name for partner in partners] == sorted(f"Fleet {n:03d}" for n in range(250))
    assert all(partner.profile and partner.profile.uid == BASIC_PARTNER for partner in partners)


def test_iter_partners_fetches_a_page_only_when_needed(crowded: RunningSimulator, clock: ManualClock) -> None:
    pages: list[str] = []
    client = _client(crowded, clock)
    client.get_httpx_client().event_hooks["request"].append(
        lambda request: pages.append(request.url.params.get("offset", "")) if "partners" in request.url.path else None
    )
    walk = av.iter_partners(client, page_size=100)
    first = [next(walk) for _ in range(100)]
    assert pages == ["0"]
    next(walk)
    assert pages == ["0", "100"]
    assert len(first) == 100


def test_default_fields_leave_the_profile_unset(acme: Client) -> None:
    (partner,) = av.iter_partners(acme)
    assert (partner.uid, partner.name, partner.profile) == (PARTNER_ONE, "Partner One", UNSET)


def test_an_unselectable_field_is_refused_before_anything_is_sent() -> None:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    client = av.client("id", "secret", transport=httpx.MockTransport(record))
    with pytest.raises(ValueError, match="selectable: uid, name, picture, profile"):
        list(av.iter_partners(client, fields=["uid", "profil"]))
    with pytest.raises(ValueError, match="requestBy"):
        list(av.iter_requests(client, fields="uid,requester"))
    assert sent == []
    assert av.select_fields("findPartners", "uid,name,uid") == "uid,name"
    assert av.select_fields("findPartners", None) is UNSET


def _paging_client(pages: dict[int, dict[str, Any]]) -> Client:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t0ken-value", "expires_in": 60})
        return httpx.Response(200, content=json.dumps(pages[int(request.url.params["offset"])]).encode())

    return av.client("id", "secret", transport=httpx.MockTransport(answer))


def test_a_server_that_serves_the_same_page_again_raises_paging_error() -> None:
    page = {"items": [{"uid": "a", "name": "A"}], "count": 5, "size": 1, "offset": 0}
    client = _paging_client({0: page, 1: page})
    with pytest.raises(PagingError):
        list(av.iter_partners(client))


def test_an_empty_page_ends_the_walk_even_if_count_promises_more() -> None:
    client = _paging_client(
        {
            0: {"items": [{"uid": "a", "name": "A"}], "count": 5, "size": 1, "offset": 0},
            1: {"items": [], "count": 5, "size": 0, "offset": 1},
        }
    )
    assert [partner.uid for partner in av.iter_partners(client)] == ["a"]


def test_iter_requests_and_operations_page_the_other_lists(acme: Client, globex: Client, clock: ManualClock) -> None:
    first = request_partnership.sync(client=acme, body=PartnershipRequest(partner=GLOBEX))
    second = request_partnership.sync(client=acme, body=PartnershipRequest(partner=INITECH))
    assert first is not None
    assert second is not None
    assert [op.uid for op in av.iter_operations(acme, page_size=1)] == [first.operation, second.operation]  # type: ignore[union-attr]
    (request,) = av.iter_requests(globex, fields=["uid", "requestBy"], page_size=1)
    assert request.request_by
    assert request.request_by.uid == ACME
    assert list(av.iter_requests(acme)) == []


@pytest.mark.anyio
async def test_aiter_partners_pages_asynchronously(crowded: RunningSimulator, clock: ManualClock) -> None:
    client = _client(crowded, clock)
    names = [str(partner.name) async for partner in av.aiter_partners(client, name="fleet 2", page_size=7)]
    assert sorted(names) == [f"Fleet {n}" for n in range(200, 250)]


def test_an_operation_state_or_task_state_the_spec_does_not_know_is_kept_as_text() -> None:
    operation = Operation.from_dict(
        {
            "uid": "7fe11df637264cd2ab6a2cddde2f817d",
            "state": "ARCHIVED",
            "counters": [{"state": "SUCCESS", "count": 1}, {"state": "SKIPPED", "count": 2}],
        }
    )
    result = av.OperationResult.from_operation(operation)
    assert result.state == "ARCHIVED"
    assert not result.finished
    assert result.counters["SKIPPED"] == 2
    assert result.counters[TaskState.SUCCESS] == 1
    assert result.counters[TaskState.FAILURE] == 0
    assert "still ARCHIVED" in str(av.OperationTimeoutError(result, 5))


# -- what the vendor's own clients do (issue 18) -----------------------------------------------


def test_company_is_sent_on_every_call_and_the_calls_act_for_that_sub_company(
    sim: RunningSimulator, clock: ManualClock
) -> None:
    europe = _client(sim, clock, company=ACME_EUROPE)
    sent: list[httpx.Request] = []
    europe.get_httpx_client().event_hooks["request"].append(sent.append)
    started = request_partnership.sync(client=europe, body=PartnershipRequest(partner=GLOBEX))
    page = find_partners.sync(client=europe)
    assert isinstance(page, PartnerList)
    assert page.count == 0  # Acme Europe's partners, not Acme's (Partner One)
    api_calls = [request for request in sent if "/v1/" in request.url.path]
    assert [request.url.params.get("company") for request in api_calls] == [ACME_EUROPE, ACME_EUROPE]
    # The operation is Acme Europe's: Acme's own context does not know it.
    assert isinstance(started, OperationRef)
    with pytest.raises(BadRequestError, match=r"operation\.unknown"):
        get_operation.sync(started.operation, client=_client(sim, clock))
    assert isinstance(get_operation.sync(started.operation, client=europe), Operation)


def test_a_call_naming_its_own_company_keeps_it_over_the_clients(sim: RunningSimulator, clock: ManualClock) -> None:
    acme = _client(sim, clock, company=ACME_EUROPE)
    page = find_partners.sync(client=acme, company=ACME)
    assert isinstance(page, PartnerList)
    assert page.count == 1  # Acme's own partner, Partner One


def test_a_company_the_caller_does_not_manage_raises_company_unknown(sim: RunningSimulator, clock: ManualClock) -> None:
    with pytest.raises(BadRequestError, match=r"company\.unknown"):
        find_partners.sync(client=_client(sim, clock, company=GLOBEX))


def test_a_request_by_uid_may_be_the_number_the_official_sample_shows() -> None:
    # The official Request sample has "requestBy": {"uid": 1, ...}: the client accepts it.
    parsed = Request.from_dict({"uid": "a" * 32, "type": "PARTNERSHIP", "requestBy": {"uid": 1, "name": "Acme"}})
    assert isinstance(parsed.request_by, CompanyRef)
    assert parsed.request_by.uid == 1
    assert parsed.to_dict()["requestBy"] == {"uid": 1, "name": "Acme"}
