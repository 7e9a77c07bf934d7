"""The Comm100 v3 overlay: log in with email and password, tokens renewed, every site across pages, one time zone."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from comm100_v3_client import Client
from comm100_v3_client.api.sites import convert_site_to_paying, create_site, get_site, list_sites, update_site
from comm100_v3_client.models import PlanSelection, Site, SiteContactCreate, SiteCreate, SitePage, SiteUpdate
from comm100_v3_client.types import UNSET

from partner_apis.overlays import comm100_v3
from partner_apis.overlays.runtime import AuthenticationError, NotFoundError, PermissionDeniedError
from partner_apis.simulators.comm100_v3 import DEFAULT_CREDENTIALS, Comm100V3Simulator
from partner_apis.testing import ManualClock, RunningSimulator

A, B, READ_ONLY = DEFAULT_CREDENTIALS
LIFETIME = 3600


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock) -> RunningSimulator:
    return partner_api_simulator("comm100-v3", token_lifetime=LIFETIME, clock=clock)


def _state(sim: RunningSimulator) -> Comm100V3Simulator:
    simulator: Comm100V3Simulator = sim.simulator
    return simulator


@pytest.fixture
def client(sim: RunningSimulator, clock: ManualClock) -> Client:
    return comm100_v3.client(A.email, A.password, base_url=sim.base_url, clock=clock)


def _new_site(email: str = "owner@example.com") -> SiteCreate:
    return SiteCreate(
        password="123456",
        contact=SiteContactCreate(first_name="Test", last_name="Comm100", email=email),
        plan_list=[PlanSelection(id=1)],
        company="comm100",
    )


def _create(client: Client) -> Site:
    site = create_site.sync(client=client, body=_new_site())
    assert isinstance(site, Site)
    return site


def _seed(sim: RunningSimulator, count: int, partner_id: int = A.partner_id, company: str = "comm100") -> list[int]:
    state = _state(sim)
    return [
        state.new_site(
            partner_id,
            {
                "contact": {"firstName": "F", "lastName": "L", "email": f"user{n}@example.com"},
                "company": company,
                "planList": [{"id": 1}],
            },
        ).id
        for n in range(count)
    ]


# -- one call gives a working client -------------------------------------------------------------


def test_one_call_gives_a_client_that_creates_gets_updates_lists_and_converts_sites(client: Client) -> None:
    site = _create(client)
    updated = update_site.sync(site.id, client=client, body=SiteUpdate(company="Acme"))
    assert isinstance(updated, Site)
    assert updated.company == "Acme"
    fetched = get_site.sync(site.id, client=client)
    assert isinstance(fetched, Site)
    assert fetched.company == "Acme"
    page = list_sites.sync(client=client)
    assert isinstance(page, SitePage)
    assert [listed.id for listed in page.sites] == [site.id]
    assert convert_site_to_paying.sync_detailed(site.id, client=client).status_code == 200


def test_the_client_is_the_generated_client_and_its_repr_hides_password_and_token(
    client: Client, sim: RunningSimulator
) -> None:
    assert isinstance(client, Client)  # the generated class, with the overlay's methods added
    assert type(client) is comm100_v3.Comm100V3Client
    _create(client)
    shown = repr(client)
    assert A.password not in shown
    assert A.email in shown  # the login is not a secret; what logs in is shown
    issued = _state(sim).tokens.issued_access_tokens()
    assert issued
    assert not any(token in shown for token in issued)


def test_a_refused_login_raises_authentication_error_without_the_password(sim: RunningSimulator) -> None:
    client = comm100_v3.client(A.email, "wrong-password", base_url=sim.base_url)
    with pytest.raises(AuthenticationError, match="email or password is incorrect") as raised:
        get_site.sync(6000000, client=client)
    assert "wrong-password" not in str(raised.value)


def test_failures_raise_typed_errors(client: Client, sim: RunningSimulator) -> None:
    with pytest.raises(NotFoundError):
        get_site.sync(6000000, client=client)
    read_only = comm100_v3.client(READ_ONLY.email, READ_ONLY.password, base_url=sim.base_url)
    with pytest.raises(PermissionDeniedError):
        list_sites.sync(client=read_only)


# -- the token lifecycle -------------------------------------------------------------------------


def test_the_token_comes_from_the_password_grant_with_email_and_is_reused(
    client: Client, sim: RunningSimulator
) -> None:
    for _ in range(3):
        list_sites.sync(client=client)
    assert _state(sim).tokens.requests == {"password": 1}


def test_a_token_about_to_expire_is_renewed_with_the_refresh_grant(
    client: Client, sim: RunningSimulator, clock: ManualClock
) -> None:
    list_sites.sync(client=client)
    clock.now = LIFETIME - 60  # "shortly before expiry": the default 60 s skew
    list_sites.sync(client=client)
    assert _state(sim).tokens.requests == {"password": 1, "refresh_token": 1}


def test_a_refused_refresh_falls_back_to_the_password_grant(
    partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock
) -> None:
    sim = partner_api_simulator("comm100-v3", token_lifetime=LIFETIME, refresh_token_lifetime=LIFETIME, clock=clock)
    client = comm100_v3.client(A.email, A.password, base_url=sim.base_url, clock=clock)
    list_sites.sync(client=client)
    clock.now = LIFETIME  # the access and the refresh token have both expired
    list_sites.sync(client=client)
    assert _state(sim).tokens.requests == {"password": 2, "refresh_token": 1}


def test_a_revoked_token_gets_401_and_the_request_is_retried_once_with_a_new_one(
    client: Client, sim: RunningSimulator
) -> None:
    list_sites.sync(client=client)
    _state(sim).tokens.forget_access_tokens()  # the server forgets every access token
    page = list_sites.sync(client=client)
    assert isinstance(page, SitePage)
    assert _state(sim).tokens.requests == {"password": 1, "refresh_token": 1}


# Fifty callers finding the token expired send one token request: tests/reliability/test_auth_concurrency.py
# (every API whose client logs in, threads and tasks).


# -- auto-pagination -----------------------------------------------------------------------------


def test_iter_sites_yields_every_site_across_pages(client: Client, sim: RunningSimulator) -> None:
    ids = _seed(sim, 250)
    _seed(sim, 30, partner_id=B.partner_id)  # another partner's: never listed
    assert [site.id for site in comm100_v3.iter_sites(client)] == ids


def test_iter_sites_filters_by_keywords(client: Client, sim: RunningSimulator) -> None:
    _seed(sim, 120, company="Other")
    wanted = _seed(sim, 130, company="Acme")
    assert [site.id for site in comm100_v3.iter_sites(client, keywords="acme")] == wanted


def test_iter_sites_fetches_a_page_only_when_the_one_before_is_used_up(client: Client, sim: RunningSimulator) -> None:
    _seed(sim, 250)
    pages: list[str] = []
    client.get_httpx_client().event_hooks["request"].append(
        lambda request: pages.append(str(request.url)) if request.url.path.endswith("/sites") else None
    )
    sites = comm100_v3.iter_sites(client)
    for _ in range(100):
        next(sites)
    assert len(pages) == 1
    next(sites)
    assert len(pages) == 2
    assert pages[1].endswith("/api/v3/partner/sites?pageIndex=2")


def test_aiter_sites_yields_every_site_across_pages(client: Client, sim: RunningSimulator) -> None:
    ids = _seed(sim, 230)

    async def main() -> list[int]:
        return [site.id async for site in comm100_v3.aiter_sites(client)]

    assert asyncio.run(main()) == ids


def _mock_api(answer_page: Callable[[httpx.Request], dict[str, Any]]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == comm100_v3.TOKEN_PATH:
            return httpx.Response(200, json={"access_token": "tok-123456", "token_type": "bearer", "expires_in": 60})
        return httpx.Response(200, json=answer_page(request))

    return httpx.MockTransport(handle)


def _site_json(site_id: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": site_id, "agents": 1,
        "contact": {"firstName": "a", "lastName": "b", "email": "a@example.com", "phone": ""},
        "company": "", "website": "", "fax": "", "mailingAddress": "", "city": "", "stateOrProvince": "",
        "postalOrZipCode": "", "country": "", "companySize": "", "activated": True, "disabled": False,
        "createTime": "2018-08-08T02:24:19.887", "planList": [], **fields,
    }  # fmt: skip


def test_iter_sites_never_sends_the_token_to_another_host_named_by_next_page() -> None:
    seen: list[str] = []

    def page(request: httpx.Request) -> dict[str, Any]:
        seen.append(str(request.url))
        if request.url.params.get("pageIndex", "1") == "1":
            # A server behind a proxy may name its own inner host, or plain http.
            return {"total": 2, "previousPage": "", "nextPage": "http://internal:8080/api/v3/partner/sites?pageIndex=2",
                    "sites": [_site_json(1)]}  # fmt: skip
        return {"total": 2, "previousPage": "", "nextPage": "", "sites": [_site_json(2)]}

    client = comm100_v3.client(A.email, A.password, base_url="https://partner7.example.test", transport=_mock_api(page))
    assert [site.id for site in comm100_v3.iter_sites(client)] == [1, 2]
    assert seen == [
        "https://partner7.example.test/api/v3/partner/sites?pageIndex=1",
        "https://partner7.example.test/api/v3/partner/sites?pageIndex=2",
    ]


# -- one time zone field -------------------------------------------------------------------------


def test_the_generated_site_holds_the_two_spellings_in_two_attributes() -> None:
    # What the overlay corrects: without it, which attribute holds the zone depends on the server.
    model_block = Site.from_dict(_site_json(1, timezone="GMT+08:00"))
    sample = Site.from_dict(_site_json(1, timeZone="71"))
    assert (model_block.timezone, model_block.time_zone) == ("GMT+08:00", UNSET)
    assert (sample.timezone, sample.time_zone) == (UNSET, "71")


def test_site_time_zone_holds_the_zone_whichever_spelling_the_server_answers(
    partner_api_simulator: Callable[..., RunningSimulator],
) -> None:
    sim = partner_api_simulator("comm100-v3", time_zone_field="timezone")
    client = comm100_v3.client(A.email, A.password, base_url=sim.base_url)
    created = create_site.sync(client=client, body=_new_site())
    assert isinstance(created, Site)
    fetched = get_site.sync(created.id, client=client)
    assert isinstance(fetched, Site)
    page = list_sites.sync(client=client)
    assert isinstance(page, SitePage)
    for site in (created, fetched, page.sites[0], next(comm100_v3.iter_sites(client))):
        assert site.time_zone == "71"
        assert site.timezone is UNSET


@pytest.mark.parametrize(
    ("spelling", "key"),
    [("plain", '"timezone"'), ("escaped", '"time\\u007aone"'), ("already timeZone", '"timeZone"')],
)
def test_the_time_zone_is_read_however_the_answer_spells_its_key(spelling: str, key: str) -> None:
    # The overlay looks for the key in the answer's bytes before it parses the answer again.
    site = json.dumps(_site_json(7)).encode()
    raw = site[:-1] + b"," + key.encode() + b':"GMT+02:00"}'

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path == comm100_v3.TOKEN_PATH:
            return httpx.Response(200, json={"access_token": "tok-123456", "token_type": "bearer", "expires_in": 60})
        return httpx.Response(200, content=raw, headers={"Content-Type": "application/json"})

    transport = httpx.MockTransport(handle)
    client = comm100_v3.client(A.email, A.password, base_url="https://partner7.example.test", transport=transport)
    fetched = get_site.sync(7, client=client)
    assert isinstance(fetched, Site), spelling
    assert (fetched.time_zone, fetched.timezone) == ("GMT+02:00", UNSET)


def test_a_time_zone_set_as_time_zone_is_sent_as_the_documented_timezone() -> None:
    bodies: list[dict[str, Any]] = []

    def page(request: httpx.Request) -> dict[str, Any]:
        bodies.append(json.loads(request.content))
        return _site_json(5, timeZone="GMT+01:00")

    client = comm100_v3.client(A.email, A.password, base_url="https://partner7.example.test", transport=_mock_api(page))
    updated = update_site.sync(5, client=client, body=SiteUpdate(time_zone="GMT+01:00"))
    assert bodies == [{"timezone": "GMT+01:00"}]
    assert isinstance(updated, Site)
    assert updated.time_zone == "GMT+01:00"


def test_async_calls_get_the_same_time_zone_field(partner_api_simulator: Callable[..., RunningSimulator]) -> None:
    sim = partner_api_simulator("comm100-v3", time_zone_field="timezone")
    client = comm100_v3.client(A.email, A.password, base_url=sim.base_url)

    async def main() -> object:
        return await create_site.asyncio(client=client, body=_new_site())

    created = asyncio.run(main())
    assert isinstance(created, Site)
    assert created.time_zone == "71"
