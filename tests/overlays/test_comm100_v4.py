"""The Comm100 v4 overlay: one call gives a ready client, and the vendor's quirks work through it."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from comm100_v4_client import Client
from comm100_v4_client.api.sites import change_site_status, create_site, get_site, list_sites, update_site
from comm100_v4_client.models import (
    ChangeableSiteStatus,
    CompanySize,
    Site,
    SiteCreate,
    SiteCreated,
    SiteStatus,
    SiteStatusChange,
    SiteUpdate,
)

from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import (
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RetryPolicy,
    client_transport,
)
from partner_apis.simulators.comm100_v4 import DEFAULT_CREDENTIALS, TOKEN_PATH, Comm100V4Simulator
from partner_apis.testing import ManualClock, RunningSimulator

NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)
LOGIN, _, READ_ONLY = DEFAULT_CREDENTIALS
LIFETIME = 3600


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator]) -> RunningSimulator:
    return partner_api_simulator("comm100-v4")


@pytest.fixture
def client(sim: RunningSimulator) -> Client:
    return comm100_v4.client(sim.token(0), base_url=sim.base_url)


def _create(client: Client, external_id: str = "ext-1") -> int:
    created = create_site.sync(
        client=client,
        body=SiteCreate(
            platform_id=100, email="owner@example.com", password="12345", plan_id=233, external_id=external_id
        ),
    )
    assert isinstance(created, SiteCreated)
    return created.site_id


def test_one_call_gives_a_client_that_creates_lists_gets_and_updates_sites(client: Client) -> None:
    site_id = _create(client)
    listed = list_sites.sync(client=client, external_id="ext-1")
    assert isinstance(listed, list)
    assert [site.id for site in listed] == [site_id]
    updated = update_site.sync(
        site_id,
        client=client,
        body=SiteUpdate(
            first_name="Jason", last_name="Statham", company="Comm100", company_size=CompanySize.SIZE_101_180
        ),
    )
    assert isinstance(updated, Site)
    assert updated.company == "Comm100"
    fetched = get_site.sync(site_id, client=client)
    assert isinstance(fetched, Site)
    assert fetched.company_size == CompanySize.SIZE_101_180


def test_the_colon_action_path_reaches_change_site_status(client: Client, sim: RunningSimulator) -> None:
    site_id = _create(client)
    sent: list[str] = []
    client.get_httpx_client().event_hooks["request"].append(lambda request: sent.append(request.url.raw_path.decode()))
    changed = change_site_status.sync(
        site_id, client=client, body=SiteStatusChange(status=ChangeableSiteStatus.SUSPENDED)
    )
    assert sent == [f"/v4/global/sites/{site_id}:changeSiteStatus"]
    assert isinstance(changed, Site)
    assert comm100_v4.site_status(changed.status) is SiteStatus.SUSPENDED


def test_a_status_in_any_letter_case_is_sent_as_given(client: Client) -> None:
    site_id = _create(client)
    changed = change_site_status.sync(site_id, client=client, body=SiteStatusChange(status="closed"))
    assert isinstance(changed, Site)
    assert comm100_v4.site_status(changed.status) is SiteStatus.CLOSED


def test_a_lowercase_status_in_an_answer_parses_and_normalises() -> None:
    # The doc's own changeSiteStatus sample answers "open": the generated model keeps it
    # as text (the spec's anyOf), and site_status() gives the documented enum member.
    site = Site.from_dict({"id": 10001, "externalId": "sadasdc32ada123sd2", "status": "open"})
    assert site.status == "open"
    assert site.status != SiteStatus.OPEN
    assert comm100_v4.site_status(site.status) is SiteStatus.OPEN


def test_site_status_refuses_a_value_that_is_no_status() -> None:
    with pytest.raises(ValueError, match="not a site status"):
        comm100_v4.site_status("deleted")


def test_another_partners_site_raises_not_found(client: Client, sim: RunningSimulator) -> None:
    site_id = _create(client)
    other = comm100_v4.client(sim.token(1), base_url=sim.base_url)
    with pytest.raises(NotFoundError) as caught:
        get_site.sync(site_id, client=other)
    assert caught.value.status == 404
    assert caught.value.body["code"] == "not_found"


def test_a_wrong_token_raises_authentication_error_without_showing_the_token(sim: RunningSimulator) -> None:
    client = comm100_v4.client("not-a-real-token-xyz", base_url=sim.base_url)
    with pytest.raises(AuthenticationError) as caught:
        list_sites.sync(client=client)
    assert "not-a-real-token-xyz" not in str(caught.value)
    assert "not-a-real-token-xyz" not in repr(caught.value)


def test_a_token_without_manage_site_raises_permission_denied(sim: RunningSimulator) -> None:
    client = comm100_v4.client(sim.token("read-only"), base_url=sim.base_url)
    with pytest.raises(PermissionDeniedError):
        list_sites.sync(client=client)


def test_invalid_input_raises_bad_request_naming_the_field(client: Client) -> None:
    site_id = _create(client)
    raw = client.get_httpx_client()
    with pytest.raises(BadRequestError) as caught:
        raw.put(
            f"/global/sites/{site_id}",
            json={"firstName": "a", "lastName": "b", "company": "c", "companySize": "7"},
        )
    fields = [problem["field"] for problem in caught.value.body["errors"]]
    assert fields == ["body.companySize"]


def test_the_client_repr_never_shows_the_token(sim: RunningSimulator) -> None:
    client = comm100_v4.client("tok-visible-nowhere", base_url=sim.base_url)
    assert "tok-visible-nowhere" not in repr(client)
    assert "tok-visible-nowhere" not in repr(client.get_httpx_client().auth)


def _flaky_client(statuses: list[int]) -> tuple[Client, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        status = statuses.pop(0) if statuses else 200
        if status != 200:
            return httpx.Response(status)
        if request.url.path.endswith("/global/sites"):
            return httpx.Response(200, json={"siteId": 1})
        return httpx.Response(200, json={"id": 1, "status": "Open"})

    client = comm100_v4.client(
        "t0ken", base_url="http://127.0.0.1/v4", retry=NO_WAIT, transport=httpx.MockTransport(handler)
    )
    return client, sent


def test_change_site_status_is_retried_because_the_spec_marks_it_idempotent() -> None:
    client, sent = _flaky_client([503])
    change_site_status.sync(1, client=client, body=SiteStatusChange(status=ChangeableSiteStatus.OPEN))
    assert len(sent) == 2


def test_create_site_is_never_sent_twice() -> None:
    client, sent = _flaky_client([503])
    with pytest.raises(Exception, match="503"):
        create_site.sync(client=client, body=SiteCreate(platform_id=1, email="a@b.co", password="p", plan_id=1))
    assert len(sent) == 1


@pytest.mark.anyio
async def test_the_async_api_works_through_the_same_overlay(client: Client, sim: RunningSimulator) -> None:
    site_id = _create(client)
    fetched = await get_site.asyncio(site_id, client=client)
    assert isinstance(fetched, Site)
    other = comm100_v4.client(sim.token(1), base_url=sim.base_url)
    with pytest.raises(NotFoundError):
        await get_site.asyncio(site_id, client=other)


# -- logging in with email, password and client id ----------------------------------------------


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def login_sim(partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock) -> RunningSimulator:
    return partner_api_simulator("comm100-v4", token_lifetime=LIFETIME, clock=clock)


def _state(sim: RunningSimulator) -> Comm100V4Simulator:
    simulator: Comm100V4Simulator = sim.simulator
    return simulator


def _login_client(sim: RunningSimulator, clock: ManualClock, password: str | None = None) -> Client:
    assert LOGIN.email is not None
    assert LOGIN.password is not None
    assert LOGIN.client_id is not None
    return comm100_v4.client(
        email=LOGIN.email,
        password=password or LOGIN.password,
        client_id=LOGIN.client_id,
        # The OAuth server is at the simulator's root, as the vendor's is on its own host.
        token_url=sim.root_url + TOKEN_PATH,
        base_url=sim.base_url,
        clock=clock,
    )


@pytest.fixture
def login_client(login_sim: RunningSimulator, clock: ManualClock) -> Client:
    return _login_client(login_sim, clock)


def test_the_default_token_url_is_the_absolute_url_of_comm100s_oauth_server() -> None:
    assert comm100_v4.DEFAULT_TOKEN_URL == "https://partner.comm100.io/oauth/token"


def test_logging_in_with_email_password_and_client_id_gives_a_working_client(
    login_client: Client, login_sim: RunningSimulator
) -> None:
    assert isinstance(login_client, Client)  # the generated class, with the overlay's methods added
    assert type(login_client) is comm100_v4.Comm100V4Client
    site_id = _create(login_client)
    listed = list_sites.sync(client=login_client)
    assert isinstance(listed, list)
    assert [site.id for site in listed] == [site_id]
    assert all(site.partner_id == LOGIN.partner_id for site in listed)
    # One login, reused: the token is not fetched per call.
    assert _state(login_sim).tokens.requests == {"password": 1}


def test_the_login_sends_client_id_email_and_password_to_the_token_url(
    login_client: Client, login_sim: RunningSimulator
) -> None:
    sent: list[httpx.Request] = []
    login_client.get_httpx_client().event_hooks["request"].append(sent.append)
    list_sites.sync(client=login_client)
    token_requests = [request for request in sent if request.url.path == TOKEN_PATH]
    assert [str(request.url) for request in token_requests] == [login_sim.root_url + TOKEN_PATH]
    form = dict(httpx.QueryParams(token_requests[0].content.decode()))
    assert form == {
        "grant_type": "password",
        "client_id": LOGIN.client_id,
        "email": LOGIN.email,
        "password": LOGIN.password,
    }


def test_a_token_about_to_expire_is_renewed_with_the_refresh_grant(
    login_client: Client, login_sim: RunningSimulator, clock: ManualClock
) -> None:
    list_sites.sync(client=login_client)
    clock.now = LIFETIME - 60  # "shortly before expiry": the default 60 s skew
    list_sites.sync(client=login_client)
    assert _state(login_sim).tokens.requests == {"password": 1, "refresh_token": 1}


def test_an_expired_token_is_renewed_and_the_call_succeeds(
    login_client: Client, login_sim: RunningSimulator, clock: ManualClock
) -> None:
    list_sites.sync(client=login_client)
    clock.now = LIFETIME + 1
    assert isinstance(list_sites.sync(client=login_client), list)
    assert _state(login_sim).tokens.requests == {"password": 1, "refresh_token": 1}


def test_a_revoked_token_gets_401_and_the_call_is_retried_once_with_a_new_one(
    login_client: Client, login_sim: RunningSimulator
) -> None:
    list_sites.sync(client=login_client)
    _state(login_sim).tokens.forget_access_tokens()  # the server forgets every access token
    assert isinstance(list_sites.sync(client=login_client), list)
    assert _state(login_sim).tokens.requests == {"password": 1, "refresh_token": 1}


def test_a_wrong_password_raises_authentication_error_with_the_oauth_reason_and_no_password(
    login_sim: RunningSimulator, clock: ManualClock
) -> None:
    client = _login_client(login_sim, clock, password="wrong-password-123")
    with pytest.raises(AuthenticationError, match="email or password is incorrect") as caught:
        list_sites.sync(client=client)
    assert caught.value.body == {"error": "invalid_grant", "error_description": "The email or password is incorrect."}
    assert "wrong-password-123" not in str(caught.value)
    assert "wrong-password-123" not in repr(caught.value)


def test_the_login_client_repr_shows_neither_password_nor_token(
    login_client: Client, login_sim: RunningSimulator
) -> None:
    list_sites.sync(client=login_client)
    issued = _state(login_sim).tokens.issued_access_tokens()
    assert issued
    for shown in (repr(login_client), repr(login_client.get_httpx_client().auth)):
        assert str(LOGIN.password) not in shown
        assert not any(token in shown for token in issued)


def test_a_token_and_a_login_together_are_refused() -> None:
    with pytest.raises(TypeError, match=r"not both.*email"):
        comm100_v4.client("t0ken", email="a@example.com")


def test_neither_a_token_nor_a_whole_login_is_refused_naming_what_is_missing() -> None:
    with pytest.raises(TypeError, match=r"missing: email, password, client_id"):
        comm100_v4.client()
    with pytest.raises(TypeError, match=r"missing: client_id\)"):
        comm100_v4.client(email="a@example.com", password="p")


def test_a_relative_token_url_is_refused() -> None:
    with pytest.raises(ValueError, match="absolute"):
        comm100_v4.client(email="a@example.com", password="p", client_id="c", token_url="/oauth/token")


def test_the_positional_token_form_still_works(sim: RunningSimulator) -> None:
    client = comm100_v4.client(sim.token(0), base_url=sim.base_url)
    assert isinstance(list_sites.sync(client=client), list)


# -- the refresh grant as the way in (the password grant is deprecated) ------------------------


def _refresh_token(sim: RunningSimulator) -> str:
    """A refresh token of LOGIN's, from one password grant sent by hand (as an earlier session would have)."""
    form = {"grant_type": "password", "client_id": LOGIN.client_id, "email": LOGIN.email, "password": LOGIN.password}
    answer = httpx.post(sim.root_url + TOKEN_PATH, data=form)
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["refresh_token"]
    return token


def _refresh_client(sim: RunningSimulator, clock: ManualClock, refresh_token: str) -> Client:
    assert LOGIN.client_id is not None
    return comm100_v4.client(
        refresh_token=refresh_token,
        client_id=LOGIN.client_id,
        token_url=sim.root_url + TOKEN_PATH,
        base_url=sim.base_url,
        clock=clock,
    )


def test_a_refresh_token_signs_in_without_ever_sending_the_password(
    login_sim: RunningSimulator, clock: ManualClock
) -> None:
    refresh_token = _refresh_token(login_sim)
    client = _refresh_client(login_sim, clock, refresh_token)
    sent: list[httpx.Request] = []
    client.get_httpx_client().event_hooks["request"].append(sent.append)
    assert isinstance(list_sites.sync(client=client), list)
    clock.now = LIFETIME + 1  # expired: renewed with the refresh token the first answer brought
    assert isinstance(list_sites.sync(client=client), list)
    assert _state(login_sim).tokens.requests == {"password": 1, "refresh_token": 2}  # the 1 is _refresh_token's
    forms = [dict(httpx.QueryParams(r.content.decode())) for r in sent if r.url.path == TOKEN_PATH]
    assert [form["grant_type"] for form in forms] == ["refresh_token", "refresh_token"]
    assert forms[0] == {"grant_type": "refresh_token", "client_id": LOGIN.client_id, "refresh_token": refresh_token}
    assert forms[1]["refresh_token"] != refresh_token  # a refresh token works once: the new one is sent
    assert all("password" not in form for form in forms)
    assert refresh_token not in repr(client)
    assert refresh_token not in repr(client.get_httpx_client().auth)


def test_a_spent_refresh_token_raises_authentication_error_without_showing_it(
    login_sim: RunningSimulator, clock: ManualClock
) -> None:
    refresh_token = _refresh_token(login_sim)
    list_sites.sync(client=_refresh_client(login_sim, clock, refresh_token))  # spends it
    with pytest.raises(AuthenticationError) as caught:
        list_sites.sync(client=_refresh_client(login_sim, clock, refresh_token))
    assert refresh_token not in str(caught.value)
    assert refresh_token not in repr(caught.value)


def test_a_refresh_token_goes_with_client_id_alone() -> None:
    with pytest.raises(TypeError, match="refresh_token with client_id only"):
        comm100_v4.client(refresh_token="r", client_id="c", email="a@example.com")
    with pytest.raises(TypeError, match="refresh_token with client_id only"):
        comm100_v4.client(refresh_token="r")
    with pytest.raises(TypeError, match=r"not both.*refresh_token"):
        comm100_v4.client("t0ken", refresh_token="r")


# -- the published rate limit: 429 with Retry-After -------------------------------------------


def _throttled_client(
    retry_after: str, policy: RetryPolicy = NO_WAIT
) -> tuple[Client, list[httpx.Request], list[float]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if len(sent) == 1:
            return httpx.Response(429, headers={"Retry-After": retry_after}, json={"code": "too_many_requests"})
        if request.method == "GET" and request.url.path.endswith("/global/sites"):
            return httpx.Response(200, json=[])
        return httpx.Response(200, json={"siteId": 1})

    client = comm100_v4.client(
        "t0ken", base_url="http://127.0.0.1/v4", retry=policy, transport=httpx.MockTransport(handler)
    )
    waits: list[float] = []
    client_transport(client).sleep = waits.append
    return client, sent, waits


def test_a_throttled_read_waits_the_seconds_retry_after_names_and_is_sent_again() -> None:
    client, sent, waits = _throttled_client("12")
    assert list_sites.sync(client=client) == []
    assert len(sent) == 2
    assert waits == [12.0]


def test_a_throttled_read_asking_longer_than_the_policy_allows_raises_rate_limit_error_at_once() -> None:
    client, sent, waits = _throttled_client("300", RetryPolicy(max_retries=2, max_retry_after=60.0))
    with pytest.raises(RateLimitError) as caught:
        list_sites.sync(client=client)
    assert (len(sent), waits) == (1, [])
    assert caught.value.response.headers["Retry-After"] == "300"


def test_a_throttled_create_is_sent_again_after_the_retry_after_wait() -> None:
    # A 429 says the create was not processed (RFC 6585 section 4): sending it again is safe.
    client, sent, waits = _throttled_client("1")
    created = create_site.sync(client=client, body=SiteCreate(platform_id=1, email="a@b.co", password="p", plan_id=1))
    assert isinstance(created, SiteCreated)
    assert created.site_id == 1
    assert [request.method for request in sent] == ["POST", "POST"]
    assert waits == [1.0]


def test_a_throttled_create_is_sent_once_when_the_caller_says_no_answer_means_unprocessed() -> None:
    policy = RetryPolicy(max_retries=2, max_retry_after=60.0, is_unprocessed=lambda response: False)
    client, sent, waits = _throttled_client("1", policy)
    with pytest.raises(RateLimitError):
        create_site.sync(client=client, body=SiteCreate(platform_id=1, email="a@b.co", password="p", plan_id=1))
    assert (len(sent), waits) == (1, [])


def test_against_the_simulator_a_read_beyond_the_limit_waits_out_retry_after_and_succeeds(
    partner_api_simulator: Callable[..., RunningSimulator],
) -> None:
    clock = ManualClock()
    sim = partner_api_simulator("comm100-v4", rate_limit=2, rate_window=60, clock=clock)
    client = comm100_v4.client(sim.token(0), base_url=sim.base_url)
    waits: list[float] = []

    def sleep(seconds: float) -> None:  # the retry's wait, on the simulator's clock
        waits.append(seconds)
        clock.now += seconds

    client_transport(client).sleep = sleep
    for _ in range(3):
        assert list_sites.sync(client=client) == []
    assert waits == [60.0]  # the third call was throttled until the first left the window
