"""The PortSIP dealers overlay: username sign-in, tokens renewed, typed errors with the vendor's code, opaque ids."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from urllib.parse import parse_qs, quote

import httpx
import pytest
from portsip_dealers_client import Client
from portsip_dealers_client.api.authentication import get_login_status, login, revoke_token
from portsip_dealers_client.api.dealers import (
    create_dealer,
    destroy_dealer,
    get_dealer,
    list_dealers,
    set_dealer_password,
    update_dealer,
)
from portsip_dealers_client.models import (
    Dealer,
    DealerCreate,
    DealerCreated,
    DealerLevel,
    DealerList,
    DealerPassword,
    DealerUpdate,
    LoginRequest,
    LoginStatus,
)

from partner_apis.overlays import portsip_dealers
from partner_apis.overlays.portsip_dealers import (
    CLIENT_ID,
    PortsipAuthenticationError,
    PortsipBadRequestError,
    PortsipConflictError,
    PortsipError,
    PortsipNotFoundError,
    PortsipPermissionDeniedError,
    PortsipServerError,
)
from partner_apis.overlays.runtime import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
)
from partner_apis.simulators.portsip_dealers import DEFAULT_CREDENTIALS, PortsipDealersSimulator
from partner_apis.testing import ManualClock, RunningSimulator

A, B = DEFAULT_CREDENTIALS
LIFETIME = 1800
SAMPLE_ID = "NzAwNTUxOTA5NzczMTQ4MTYw"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock) -> RunningSimulator:
    return partner_api_simulator("portsip-dealers", token_lifetime=LIFETIME, clock=clock)


def _state(sim: RunningSimulator) -> PortsipDealersSimulator:
    simulator: PortsipDealersSimulator = sim.simulator
    return simulator


@pytest.fixture
def client(sim: RunningSimulator, clock: ManualClock) -> Client:
    return portsip_dealers.client(A.username, A.password, base_url=sim.base_url, clock=clock)


def _new_dealer(name: str = "acme", level: DealerLevel = DealerLevel.RESELLER) -> DealerCreate:
    return DealerCreate(level=level, name=name, password=f"{name}-password", max_tenants=10, max_extensions=100)


def _create(client: Client, name: str = "acme", level: DealerLevel = DealerLevel.RESELLER) -> str:
    created = create_dealer.sync(client=client, body=_new_dealer(name, level))
    assert isinstance(created, DealerCreated)
    return created.id


def _seed(sim: RunningSimulator, count: int, installation: int = 0, prefix: str = "dealer") -> list[str]:
    state = _state(sim).installation(installation)
    body = {"level": "RESELLER", "password": "x", "max_tenants": 1, "max_extensions": 1}
    return [state.create(None, {**body, "name": f"{prefix}{n:05d}"}).id for n in range(count)]


def _mock(handler: Callable[[httpx.Request], httpx.Response]) -> Client:
    """A client whose every request (the token request too) goes to ``handler``."""
    transport = httpx.MockTransport(handler)
    return portsip_dealers.client(
        "admin", "secret-password", host="pbx.example.com", transport=transport, retry=RetryPolicy(max_retries=0)
    )


def _token_or(answer: Callable[[httpx.Request], httpx.Response]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/login/oauth/token":
            return httpx.Response(200, json={"access_token": "tok-1234", "expires_in": 1800, "refresh_token": "r-1234"})
        return answer(request)

    return handler


# -- one call gives a working client ------------------------------------------------------


def test_one_call_gives_a_client_that_creates_lists_gets_updates_sets_passwords_and_destroys(client: Client) -> None:
    dealer_id = _create(client)
    listed = list_dealers.sync(client=client)
    assert isinstance(listed, DealerList)
    assert [dealer.id for dealer in listed.items] == [dealer_id]
    assert update_dealer.sync(dealer_id, client=client, body=DealerUpdate(display_name="Acme Ltd")) is None
    fetched = get_dealer.sync(dealer_id, client=client)
    assert isinstance(fetched, Dealer)
    assert fetched.display_name == "Acme Ltd"
    assert set_dealer_password.sync(dealer_id, client=client, body=DealerPassword(password="new-secret")) is None
    assert destroy_dealer.sync(dealer_id, client=client) is None
    with pytest.raises(NotFoundError):
        get_dealer.sync(dealer_id, client=client)


def test_the_client_needs_the_pbxs_host_or_base_url_as_there_is_no_vendor_host() -> None:
    with pytest.raises(ValueError, match="self-hosted"):
        portsip_dealers.client("admin", "secret")
    with pytest.raises(ValueError, match="exactly one"):
        portsip_dealers.client("admin", "secret", host="pbx.example.com", base_url="https://pbx.example.com/api")
    on_host = portsip_dealers.client("admin", "secret", host="pbx.example.com")
    assert str(on_host.get_httpx_client().base_url) == "https://pbx.example.com:8887/api/"
    assert (
        portsip_dealers.server_url("pbx.example.com", port=8888, protocol="http") == "http://pbx.example.com:8888/api"
    )


def test_the_client_is_the_generated_client_and_its_repr_hides_password_and_token(
    client: Client, sim: RunningSimulator
) -> None:
    assert isinstance(client, Client)  # the generated class, with the overlay's methods added
    assert type(client) is portsip_dealers.PortsipClient
    _create(client)
    shown = repr(client)
    assert A.password not in shown
    assert "admin" in shown  # the username is not a secret; who signs in is shown
    issued = _state(sim).tokens.issued_access_tokens()
    assert issued
    assert not any(token in shown for token in issued)


# -- the token lifecycle ----------------------------------------------------------------------


def test_the_password_grant_sends_username_scope_and_the_fixed_client_id() -> None:
    forms: list[dict[str, list[str]]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"count": 0, "items": []})

    token = _token_or(answer)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            forms.append(parse_qs(request.content.decode()))
        return token(request)

    list_dealers.sync(client=_mock(handler))
    assert forms == [
        {
            "grant_type": ["password"],
            "scope": ["all"],
            "client_id": [CLIENT_ID],
            "username": ["admin"],
            "password": ["secret-password"],
        }
    ]


def test_the_token_is_reused(client: Client, sim: RunningSimulator) -> None:
    for _ in range(3):
        list_dealers.sync(client=client)
    assert _state(sim).tokens.requests == {"password": 1}


def test_a_token_about_to_expire_is_renewed_with_the_refresh_grant(
    client: Client, sim: RunningSimulator, clock: ManualClock
) -> None:
    list_dealers.sync(client=client)
    clock.now = LIFETIME - 60  # "shortly before expiry": the default 60 s skew
    list_dealers.sync(client=client)
    # The simulator refuses a refresh without the client_id: this one was accepted.
    assert _state(sim).tokens.requests == {"password": 1, "refresh_token": 1}
    assert _state(sim).tokens.request_count == 2


def test_a_refused_refresh_falls_back_to_the_password_grant(
    partner_api_simulator: Callable[..., RunningSimulator], clock: ManualClock
) -> None:
    sim = partner_api_simulator(
        "portsip-dealers", token_lifetime=LIFETIME, refresh_token_lifetime=LIFETIME, clock=clock
    )
    client = portsip_dealers.client(A.username, A.password, base_url=sim.base_url, clock=clock)
    list_dealers.sync(client=client)
    clock.now = LIFETIME  # the access and the refresh token have both expired
    assert isinstance(list_dealers.sync(client=client), DealerList)
    assert _state(sim).tokens.requests == {"password": 2, "refresh_token": 1}


def test_a_revoked_token_gets_401_and_the_request_is_retried_once_with_a_new_one(
    client: Client, sim: RunningSimulator
) -> None:
    list_dealers.sync(client=client)
    _state(sim).tokens.forget_access_tokens()
    assert isinstance(list_dealers.sync(client=client), DealerList)
    assert _state(sim).tokens.requests == {"password": 1, "refresh_token": 1}


# Fifty callers finding the token expired send one token request: tests/reliability/test_auth_concurrency.py
# (every API whose client logs in, threads and tasks).


def test_a_dealer_signs_in_with_its_own_name_and_sees_only_its_branch(client: Client, sim: RunningSimulator) -> None:
    _create(client, "east", DealerLevel.DISTRIBUTOR)
    _create(client, "west", DealerLevel.DISTRIBUTOR)
    east = portsip_dealers.client("east", "east-password", base_url=sim.base_url)
    _create(east, "east-reseller")
    listed = list_dealers.sync(client=east)
    assert isinstance(listed, DealerList)
    assert [dealer.name for dealer in listed.items] == ["east-reseller"]


# -- typed errors with the vendor's code ------------------------------------------------------


def test_a_refused_login_raises_authentication_error_with_the_vendors_code_and_no_password(
    sim: RunningSimulator,
) -> None:
    client = portsip_dealers.client(A.username, "wrong-password", base_url=sim.base_url)
    with pytest.raises(AuthenticationError) as raised:
        list_dealers.sync(client=client)
    error = raised.value
    assert isinstance(error, PortsipAuthenticationError)
    assert error.status == 400  # PortSIP refuses a login with 400, still an authentication failure
    assert (error.code, error.message) == ("UNAUTHORIZED", "Login failed, authentication error")
    assert "UNAUTHORIZED: Login failed, authentication error" in str(error)
    assert "wrong-password" not in str(error)
    assert "wrong-password" not in repr(error)


def test_every_refusal_raises_the_status_class_carrying_code_message_and_detail(
    client: Client, sim: RunningSimulator
) -> None:
    dealer_id = _create(client, "acme", DealerLevel.RESELLER)
    cases: list[tuple[Callable[[], object], type[PortsipError], type[Exception], str]] = [
        (lambda: get_dealer.sync(SAMPLE_ID, client=client), PortsipNotFoundError, NotFoundError, "NOT_FOUND"),
        (lambda: _create(client, "ACME"), PortsipConflictError, ConflictError, "ALREADY_EXISTS"),
        (lambda: _create(client, "Admin"), PortsipBadRequestError, BadRequestError, "VALIDATE_FAILED"),
        (
            lambda: _create(portsip_dealers.client("acme", "acme-password", base_url=sim.base_url), "sub"),
            PortsipPermissionDeniedError,
            PermissionDeniedError,
            "FORBIDDEN",
        ),
    ]
    for call, portsip_class, status_class, code in cases:
        with pytest.raises(status_class) as raised:
            call()
        assert isinstance(raised.value, portsip_class)
        assert raised.value.code == code
        assert raised.value.message
        assert raised.value.errors[0]["code"] == code
    # Ids are opaque strings (the vendor's file): an id of any form naming no dealer is 404.
    with pytest.raises(PortsipNotFoundError):
        get_dealer.sync("not an id", client=client)
    assert dealer_id


def test_a_4xx_or_5xx_that_is_not_json_still_raises_a_typed_error() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/destroy"):
            return httpx.Response(502, text="<html>Bad Gateway</html>", headers={"Content-Type": "text/html"})
        return httpx.Response(404, text="<html>Not Found</html>", headers={"Content-Type": "text/html"})

    client = _mock(_token_or(answer))
    with pytest.raises(NotFoundError) as missing:
        get_dealer.sync(SAMPLE_ID, client=client)
    assert isinstance(missing.value, PortsipNotFoundError)
    assert (missing.value.code, missing.value.message, missing.value.body) == (
        "UNKNOWN",
        None,
        "<html>Not Found</html>",
    )
    with pytest.raises(ServerError) as failed:
        destroy_dealer.sync(SAMPLE_ID, client=client)
    assert isinstance(failed.value, PortsipServerError)


# -- success without a body; opaque ids --------------------------------------------------------


def test_update_and_set_password_answer_200_with_no_body_and_destroy_204_all_as_success(client: Client) -> None:
    dealer_id = _create(client)
    updated = update_dealer.sync_detailed(dealer_id, client=client, body=DealerUpdate(max_tenants=5))
    assert (updated.status_code, updated.content, updated.parsed) == (200, b"", None)
    password = set_dealer_password.sync_detailed(dealer_id, client=client, body=DealerPassword(password="n3w"))
    assert (password.status_code, password.parsed) == (200, None)
    destroyed = destroy_dealer.sync_detailed(dealer_id, client=client)
    assert (destroyed.status_code, destroyed.content, destroyed.parsed) == (204, b"", None)


def test_the_async_forms_answer_success_without_a_body_too(client: Client) -> None:
    dealer_id = _create(client)

    async def main() -> tuple[object, object]:
        updated = await update_dealer.asyncio(dealer_id, client=client, body=DealerUpdate(enabled=False))
        return updated, await destroy_dealer.asyncio(dealer_id, client=client)

    assert asyncio.run(main()) == (None, None)


def test_a_200_update_with_a_json_content_type_and_no_body_is_still_success() -> None:
    client = _mock(_token_or(lambda request: httpx.Response(200, headers={"Content-Type": "application/json"})))
    assert update_dealer.sync(SAMPLE_ID, client=client, body=DealerUpdate(enabled=True)) is None


def test_ids_are_opaque_strings_sent_as_one_path_segment_and_returned_unchanged() -> None:
    raw_paths: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        raw_paths.append(request.url.raw_path.decode())
        dealer_id = request.url.path.removeprefix("/api/dealers/")
        body = {"id": dealer_id, "enabled": True, "level": "RESELLER", "name": "acme", "max_tenants": 1,
                "max_extensions": 1, **dict.fromkeys(("email", "display_name", "website", "phone", "address",
                                                      "description"))}  # fmt: skip
        return httpx.Response(200, json=body)

    client = _mock(_token_or(answer))
    for dealer_id in (SAMPLE_ID, "MTE3Nzk2NTQxODk4MDA1Mjk5Mg==", "700551909773148160", "not/base64+at all"):
        raw_paths.clear()
        fetched = get_dealer.sync(dealer_id, client=client)
        assert isinstance(fetched, Dealer)
        assert fetched.id == dealer_id
        assert type(fetched.id) is str
        # Percent-encoded whole, as one path segment: never decoded, split or rebuilt.
        assert raw_paths == [f"/api/dealers/{quote(dealer_id, safe='')}"]


def test_a_created_id_comes_back_exactly_as_the_server_sent_it() -> None:
    for server_id in ("MTE3Nzk2NTQxODk4MDA1Mjk5Mg==", "700551909773148160"):

        def created_answer(request: httpx.Request, server_id: str = server_id) -> httpx.Response:
            return httpx.Response(201, json={"id": server_id})

        client = _mock(_token_or(created_answer))
        created = create_dealer.sync(client=client, body=_new_dealer())
        assert isinstance(created, DealerCreated)
        assert created.id == server_id
        assert type(created.id) is str


def test_a_padded_simulator_id_round_trips_through_the_client(client: Client) -> None:
    dealer_id = _create(client)
    assert dealer_id.endswith("=")  # today's 19-digit snowflakes need base64 padding
    fetched = get_dealer.sync(dealer_id, client=client)
    assert isinstance(fetched, Dealer)
    assert fetched.id == dealer_id


# -- every dealer, page by page ---------------------------------------------------------------


def test_iter_dealers_yields_every_dealer_across_pages(client: Client, sim: RunningSimulator) -> None:
    ids = _seed(sim, 250)
    _seed(sim, 30, installation=1)  # another installation's: never listed
    assert [dealer.id for dealer in portsip_dealers.iter_dealers(client)] == ids


def test_iter_dealers_passes_the_query_and_fetches_a_page_only_when_needed(
    client: Client, sim: RunningSimulator
) -> None:
    _seed(sim, 150, prefix="other")
    wanted = _seed(sim, 130, prefix="acme")
    queries: list[httpx.QueryParams] = []
    client.get_httpx_client().event_hooks["request"].append(
        lambda request: queries.append(request.url.params) if request.url.path.endswith("/dealers") else None
    )
    dealers = portsip_dealers.iter_dealers(client, filter_="startswith(name,'acme')", orderby="name desc")
    first = [next(dealers) for _ in range(100)]
    assert len(queries) == 1
    rest = list(dealers)
    assert [dealer.id for dealer in first + rest] == wanted[::-1]
    assert [(query["skip"], query["top"]) for query in queries] == [("0", "100"), ("100", "100")]
    assert queries[0]["filter"] == "startswith(name,'acme')"


def test_aiter_dealers_yields_every_dealer_across_pages(client: Client, sim: RunningSimulator) -> None:
    ids = _seed(sim, 230)

    async def main() -> list[str]:
        return [dealer.id async for dealer in portsip_dealers.aiter_dealers(client)]

    assert asyncio.run(main()) == ids


def test_error_bodies_keep_every_error_of_the_answer() -> None:
    body = {"errors": [{"code": "VALIDATE_FAILED", "message": "a"}, {"code": "SOMETHING_NEW", "message": "b"}]}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=json.dumps(body), headers={"Content-Type": "application/json"})

    with pytest.raises(PortsipBadRequestError) as raised:
        list_dealers.sync(client=_mock(_token_or(answer)))
    assert raised.value.errors == body["errors"]
    assert raised.value.code == "VALIDATE_FAILED"


# -- the vendor's JSON sign-in (login="sign_in") ----------------------------------------------


def test_login_sign_in_uses_the_vendors_json_sign_in_and_renews_with_its_json_refresh(
    sim: RunningSimulator, clock: ManualClock
) -> None:
    client = portsip_dealers.client(A.username, A.password, base_url=sim.base_url, clock=clock, login="sign_in")
    sent: list[httpx.Request] = []
    client.get_httpx_client().event_hooks["request"].append(sent.append)
    assert isinstance(list_dealers.sync(client=client), DealerList)
    clock.now = LIFETIME + 1  # expired: renewed with the refresh token the sign-in answered
    assert isinstance(list_dealers.sync(client=client), DealerList)
    logins = [(request.url.path, json.loads(request.content)) for request in sent if "/dealers" not in request.url.path]
    assert [path for path, _ in logins] == ["/api/auth/sign_in", "/api/auth/refresh_token"]
    assert logins[0][1] == {"username": A.username, "password": A.password}
    assert set(logins[1][1]) == {"refresh_token"}
    assert _state(sim).tokens.requests == {"signInWithCredentials": 1, "refreshToken": 1}  # never the token form
    assert A.password not in repr(client.get_httpx_client().auth)


def test_login_sign_in_refused_raises_the_authentication_error_without_the_password(sim: RunningSimulator) -> None:
    client = portsip_dealers.client(A.username, "wrong-password-42", base_url=sim.base_url, login="sign_in")
    with pytest.raises(PortsipAuthenticationError) as refused:
        list_dealers.sync(client=client)
    assert refused.value.code == "UNAUTHORIZED"
    assert "wrong-password-42" not in str(refused.value)


def test_a_two_factor_sign_in_raises_two_factor_required() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/api/auth/sign_in"
        return httpx.Response(200, json={"two_factor_enabled": True, "token": "step-token"})

    client = portsip_dealers.client(
        "admin", "p", host="pbx.example.com", transport=httpx.MockTransport(answer), login="sign_in"
    )
    with pytest.raises(portsip_dealers.PortsipTwoFactorRequired, match="two-factor"):
        list_dealers.sync(client=client)


def test_an_unknown_login_form_is_refused() -> None:
    with pytest.raises(ValueError, match="login must be"):
        portsip_dealers.client("admin", "p", host="pbx.example.com", login="cookie")  # type: ignore[arg-type]


def test_the_vendors_session_login_and_status_work_through_the_generated_functions(sim: RunningSimulator) -> None:
    # POST /login opens a session (a cookie), GET /login tells its token: the generated
    # functions of a plain client that keeps cookies are all it takes.
    plain = Client(base_url=sim.base_url)
    assert (
        login.sync_detailed(client=plain, body=LoginRequest(username=A.username, password=A.password)).status_code
        == 200
    )
    status = get_login_status.sync(client=plain)
    assert isinstance(status, LoginStatus)
    assert status.role == "SystemAdmin"
    assert isinstance(status.access_token, str)
    bearer = Client(base_url=sim.base_url, headers={"Authorization": f"Bearer {status.access_token}"})
    assert isinstance(list_dealers.sync(client=bearer), DealerList)
    assert revoke_token.sync_detailed(client=bearer).status_code == 200
    assert list_dealers.sync_detailed(client=bearer).status_code == 401


def test_login_session_opens_a_session_and_takes_its_token_from_the_status_call(
    sim: RunningSimulator, clock: ManualClock
) -> None:
    client = portsip_dealers.client(A.username, A.password, base_url=sim.base_url, clock=clock, login="session")
    sent: list[httpx.Request] = []
    client.get_httpx_client().event_hooks["request"].append(sent.append)
    assert isinstance(list_dealers.sync(client=client), DealerList)
    clock.now = LIFETIME + 1  # expired, and there is no refresh token: a new session
    assert isinstance(list_dealers.sync(client=client), DealerList)
    logins = [(request.method, request.url.path) for request in sent if "/dealers" not in request.url.path]
    assert logins == [("POST", "/api/login"), ("GET", "/api/login")] * 2
    assert json.loads(sent[0].content) == {"username": A.username, "password": A.password}
    assert sent[1].headers["Cookie"].startswith("portsip_session=")  # the session the login opened
    assert _state(sim).tokens.requests == {"login": 2}


def test_login_session_refused_raises_the_authentication_error(sim: RunningSimulator) -> None:
    client = portsip_dealers.client(A.username, "wrong-password-42", base_url=sim.base_url, login="session")
    with pytest.raises(PortsipAuthenticationError) as refused:
        list_dealers.sync(client=client)
    assert refused.value.code == "UNAUTHORIZED"
    assert "wrong-password-42" not in str(refused.value)
