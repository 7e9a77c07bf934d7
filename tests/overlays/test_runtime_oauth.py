"""The OAuth2 token flow: fetch, reuse, renew before expiry, refresh or fall back, retry on 401, single flight."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

import httpx
import pytest

from partner_apis.overlays.runtime import (
    ApiConnectionError,
    ApiResponseError,
    AuthenticationError,
    CheckedAuth,
    ClientCredentialsGrant,
    OAuth2Auth,
    PasswordGrant,
    PermissionDeniedError,
    RateLimitError,
    RetryingTransport,
    RetryPolicy,
    Secret,
    Token,
    TokenCall,
    TokenSteps,
    TokenStore,
    redact,
)
from partner_apis.overlays.runtime.oauth import OAuth2Login, spec_token_url, token_form_constants
from partner_apis.specs import api_spec
from partner_apis.testing import ManualClock

BASE = "https://api.example.test/v1"
TOKEN_URL = "https://api.example.test/oauth/token"


@dataclass
class TokenServer:
    """A fake OAuth2 server and API behind an ``httpx.MockTransport``; records what it received."""

    expires_in: object = 3600
    refuse_refresh: bool = False
    refuse_login: bool = False
    login_gives_refresh_token: bool = True
    reject_api_tokens: set[str] = field(default_factory=set)
    always_401: bool = False
    token_delay: float = 0.0
    forms: list[dict[str, str]] = field(default_factory=list)
    api_calls: list[httpx.Request] = field(default_factory=list)
    issued: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _token(self, request: httpx.Request) -> httpx.Response:
        form = dict(parse_qsl(request.content.decode()))
        with self.lock:
            self.forms.append(form)
            self.issued += 1
            serial = self.issued
        if form["grant_type"] == "refresh_token" and self.refuse_refresh:
            return httpx.Response(400, json={"error": "invalid_grant", "error_description": "refresh refused"})
        if form["grant_type"] != "refresh_token" and self.refuse_login:
            return httpx.Response(400, json={"error": "invalid_grant", "error_description": "bad login"})
        body: dict[str, object] = {
            "access_token": f"access-{serial}",
            "token_type": "bearer",
            "refresh_token": f"refresh-{serial}",
        }
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        if form["grant_type"] != "refresh_token" and not self.login_gives_refresh_token:
            del body["refresh_token"]
        return httpx.Response(200, json=body)

    def _is_token_request(self, request: httpx.Request) -> bool:
        return request.url.path.endswith("/token")

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self._is_token_request(request) and self.token_delay:
            # Keeps the token request in flight, so concurrent callers overlap with it.
            time.sleep(self.token_delay)
        return self._dispatch(request)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        if self._is_token_request(request) and self.token_delay:
            await asyncio.sleep(self.token_delay)
        return self._dispatch(request)

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        if self._is_token_request(request):
            return self._token(request)
        with self.lock:
            self.api_calls.append(request)
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if self.always_401 or token in self.reject_api_tokens or not token.startswith("access-"):
            return httpx.Response(401, json={"message": "token refused"})
        return httpx.Response(200, json={"token": token})

    def grants(self) -> list[str]:
        return [form["grant_type"] for form in self.forms]


def _auth(clock: ManualClock | None = None, **options: object) -> OAuth2Auth:
    grant = PasswordGrant("partner@example.com", "s3cret-password", login_field="email")
    return OAuth2Auth(grant, token_url=TOKEN_URL, clock=clock or ManualClock(1000.0), **options)  # type: ignore[arg-type]


@pytest.fixture
def server() -> TokenServer:
    return TokenServer()


def _client(server: TokenServer, auth: httpx.Auth) -> httpx.Client:
    return httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.handle))


def _used_token(response: httpx.Response) -> str:
    token: str = response.json()["token"]
    return token


# -- fetch and reuse ------------------------------------------------------------------------


def test_the_first_request_logs_in_with_the_password_grant_and_later_ones_reuse_the_token(
    server: TokenServer,
) -> None:
    with _client(server, _auth()) as client:
        tokens = [_used_token(client.get("/sites")) for _ in range(3)]
    assert tokens == ["access-1"] * 3
    assert server.forms == [{"grant_type": "password", "email": "partner@example.com", "password": "s3cret-password"}]


def test_the_login_field_and_extra_fields_are_configurable(server: TokenServer) -> None:
    grant = PasswordGrant("alice", "pw-123456", extra={"client_id": "portsip", "scope": "*.*"})
    with _client(server, OAuth2Auth(grant, token_url=TOKEN_URL)) as client:
        client.get("/dealers")
    assert server.forms == [
        {"grant_type": "password", "client_id": "portsip", "scope": "*.*", "username": "alice", "password": "pw-123456"}
    ]


def test_the_client_credentials_grant_sends_the_client_id_and_secret(server: TokenServer) -> None:
    grant = ClientCredentialsGrant("my-client", "client-secret-value")
    with _client(server, OAuth2Auth(grant, token_url=TOKEN_URL)) as client:
        client.get("/partners")
    assert server.forms == [
        {"grant_type": "client_credentials", "client_id": "my-client", "client_secret": "client-secret-value"}
    ]


@pytest.mark.parametrize(
    ("token_url", "base_url", "expected"),
    [
        ("/partner/oauth/token", "https://partner7.example.test", "https://partner7.example.test/partner/oauth/token"),
        ("/oauth/token", "https://api.example.test/api/", "https://api.example.test/api/oauth/token"),
        ("https://auth.example.test/token", "https://api.example.test", "https://auth.example.test/token"),
        ("/login/oauth/token", None, "https://api.example.test/login/oauth/token"),
    ],
)
def test_the_token_url_is_absolute_or_relative_to_the_base_url(
    server: TokenServer, token_url: str, base_url: str | None, expected: str
) -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            seen.append(str(request.url))
        return server.handle(request)

    auth = OAuth2Auth(PasswordGrant("a", "password-1"), token_url=token_url, base_url=base_url)
    with httpx.Client(auth=auth, transport=httpx.MockTransport(handle)) as client:
        client.get("https://api.example.test/v1/sites")
    assert seen == [expected]


def test_the_token_request_goes_through_the_clients_transport_without_the_auth_flow(server: TokenServer) -> None:
    # Retries apply to it: a first attempt that cannot connect is sent again.
    attempts: list[httpx.Request] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        if request.url.path.endswith("/token") and len(attempts) == 1:
            raise httpx.ConnectError("refused", request=request)
        return server.handle(request)

    retrying = RetryingTransport(
        RetryPolicy(initial_backoff=0, max_backoff=0), httpx.MockTransport(flaky), sleep=lambda _: None
    )
    with httpx.Client(base_url=BASE, auth=_auth(), transport=retrying) as client:
        assert client.get("/sites").status_code == 200
    token_requests = [request for request in attempts if request.url.path.endswith("/token")]
    assert len(token_requests) == 2
    assert all("authorization" not in request.headers for request in token_requests)


def test_the_token_request_keeps_the_api_requests_timeout(server: TokenServer) -> None:
    timeouts: list[object] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            timeouts.append(request.extensions.get("timeout"))
        return server.handle(request)

    with httpx.Client(
        base_url=BASE, auth=_auth(), transport=httpx.MockTransport(handle), timeout=httpx.Timeout(7.0)
    ) as client:
        client.get("/sites")
    assert timeouts == [httpx.Timeout(7.0).as_dict()]


# -- renewal ---------------------------------------------------------------------------------


def test_the_token_is_renewed_with_the_refresh_grant_shortly_before_it_expires(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock, expiry_skew=60, refresh_extra={"client_id": "cid"})) as client:
        client.get("/sites")
        clock.advance(3600 - 60 - 1)  # one second before the renewal point: reused
        assert _used_token(client.get("/sites")) == "access-1"
        clock.advance(1)  # shortly (60 s) before expiry: renewed
        assert _used_token(client.get("/sites")) == "access-2"
    assert server.grants() == ["password", "refresh_token"]
    assert server.forms[1] == {"grant_type": "refresh_token", "client_id": "cid", "refresh_token": "refresh-1"}


def test_the_rotated_refresh_token_is_the_one_used_next(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        for _ in range(3):
            client.get("/sites")
            clock.advance(3600)
    assert [form.get("refresh_token") for form in server.forms] == [None, "refresh-1", "refresh-2"]


def test_a_short_lived_token_is_renewed_at_half_its_life_not_before_it_is_used(server: TokenServer) -> None:
    server.expires_in = 30  # shorter than the 60 s skew
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        client.get("/sites")
        clock.advance(14)
        assert _used_token(client.get("/sites")) == "access-1"
        clock.advance(1)
        assert _used_token(client.get("/sites")) == "access-2"


def test_expires_in_may_be_a_string_of_digits(server: TokenServer) -> None:
    server.expires_in = "120"
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        client.get("/sites")
        clock.advance(59)
        assert _used_token(client.get("/sites")) == "access-1"
        clock.advance(1)
        assert _used_token(client.get("/sites")) == "access-2"


def test_a_token_without_expires_in_is_used_until_it_is_refused(server: TokenServer) -> None:
    server.expires_in = None
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        client.get("/sites")
        clock.advance(10**7)
        assert _used_token(client.get("/sites")) == "access-1"
        server.reject_api_tokens.add("access-1")
        assert _used_token(client.get("/sites")) == "access-2"


def test_a_refused_refresh_falls_back_to_the_password_grant(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        client.get("/sites")
        server.refuse_refresh = True
        clock.advance(3600)
        assert _used_token(client.get("/sites")) == "access-3"
        server.refuse_refresh = False
        clock.advance(3600)
        client.get("/sites")
    assert server.grants() == ["password", "refresh_token", "password", "refresh_token"]
    # The fallback's own refresh token is the one used next, never the refused one.
    assert server.forms[3]["refresh_token"] == "refresh-3"


def test_a_login_after_a_refused_refresh_never_reuses_the_refused_refresh_token(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock)) as client:
        client.get("/sites")
        server.refuse_refresh = True
        server.login_gives_refresh_token = False
        for _ in range(2):
            clock.advance(3600)
            client.get("/sites")
    # The second renewal logs in at once: the refused refresh-1 is not tried again.
    assert server.grants() == ["password", "refresh_token", "password", "password"]


def test_refresh_can_be_turned_off(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    with _client(server, _auth(clock, refresh=False)) as client:
        client.get("/sites")
        clock.advance(3600)
        client.get("/sites")
    assert server.grants() == ["password", "password"]


# -- 401 -------------------------------------------------------------------------------------


def test_a_request_answered_401_is_sent_once_more_with_a_renewed_token(server: TokenServer) -> None:
    with _client(server, _auth()) as client:
        client.get("/sites")
        server.reject_api_tokens.add("access-1")  # revoked by the server before it expired
        response = client.get("/sites")
    assert response.status_code == 200
    assert _used_token(response) == "access-2"
    assert server.grants() == ["password", "refresh_token"]


def test_a_second_401_is_returned_not_retried_again(server: TokenServer) -> None:
    server.always_401 = True
    with _client(server, _auth()) as client:
        response = client.get("/sites")
    assert response.status_code == 401
    assert len(server.api_calls) == 2
    assert server.grants() == ["password", "refresh_token"]


def test_a_401_after_another_caller_renewed_uses_the_renewed_token_without_a_token_request(
    server: TokenServer,
) -> None:
    auth = _auth()
    with _client(server, auth) as client:
        client.get("/sites")
    flow = auth.sync_auth_flow(httpx.Request("GET", f"{BASE}/sites"))
    sent = next(flow)
    assert sent.headers["Authorization"] == "Bearer access-1"
    auth.store.save("access-9", "refresh-9", 3600)  # another caller renewed while this one was out
    retried = flow.send(httpx.Response(401, request=sent))
    assert retried.headers["Authorization"] == "Bearer access-9"
    assert server.grants() == ["password"]


# -- failures and secrets --------------------------------------------------------------------


def test_a_refused_login_raises_authentication_error_without_the_password(server: TokenServer) -> None:
    server.refuse_login = True
    with _client(server, _auth()) as client, pytest.raises(AuthenticationError) as raised:
        client.get("/sites")
    assert "bad login" in str(raised.value)
    assert "s3cret-password" not in str(raised.value)
    assert "s3cret-password" not in repr(raised.value)


def test_a_token_answer_without_an_access_token_raises(server: TokenServer) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"token_type": "bearer"})
        return server.handle(request)

    with (
        httpx.Client(auth=_auth(), transport=httpx.MockTransport(handle)) as client,
        pytest.raises(ApiResponseError, match="no access_token"),
    ):
        client.get(f"{BASE}/sites")


def test_a_throttled_token_request_raises_the_typed_error(server: TokenServer) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            return httpx.Response(429, json={"message": "slow down"})
        return server.handle(request)

    with httpx.Client(auth=_auth(), transport=httpx.MockTransport(handle)) as client, pytest.raises(RateLimitError):
        client.get(f"{BASE}/sites")


def test_no_secret_shows_in_a_repr(server: TokenServer) -> None:
    auth = _auth(refresh_extra={"client_secret": "the-client-secret"})
    with _client(server, CheckedAuth(auth)) as client:
        client.get("/sites")
    shown = repr(auth) + repr(auth.store) + repr(auth.store.current) + repr(auth.grant)
    for secret in ("s3cret-password", "access-1", "refresh-1", "the-client-secret"):
        assert secret not in shown
        assert redact(f"x {secret} y") == "x [REDACTED] y"


def test_the_store_holds_tokens_as_secrets() -> None:
    store = TokenStore(clock=ManualClock(1000.0))
    token = store.save("access-token-value", "refresh-token-value", 100)
    assert isinstance(token.access_token, Secret)
    assert isinstance(token.refresh_token, Secret)
    assert "access-token-value" not in repr(token)


# -- single flight ---------------------------------------------------------------------------
#
# The flow on its own, its token server slow enough that every caller waits on the one
# renewal, and each gets the renewed token. Every API's client against its simulator:
# tests/reliability/test_auth_concurrency.py.


def _expire(server: TokenServer, clock: ManualClock, client: httpx.Client) -> None:
    client.get("/sites")
    clock.advance(3600)
    server.forms.clear()


def test_fifty_threads_finding_the_token_expired_send_one_token_request(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    auth = _auth(clock)
    with _client(server, auth) as client:
        _expire(server, clock, client)
        server.token_delay = 0.05
        start = threading.Barrier(50)
        tokens: list[str] = []

        def call() -> None:
            start.wait()
            tokens.append(_used_token(client.get("/sites")))

        threads = [threading.Thread(target=call) for _ in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert server.grants() == ["refresh_token"]
    assert tokens == ["access-2"] * 50


def test_fifty_tasks_finding_the_token_expired_send_one_token_request(server: TokenServer) -> None:
    clock = ManualClock(1000.0)
    auth = _auth(clock)

    async def main() -> list[str]:
        async with httpx.AsyncClient(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.ahandle)) as client:
            await client.get("/sites")
            clock.advance(3600)
            server.forms.clear()
            server.token_delay = 0.01
            responses = await asyncio.gather(*(client.get("/sites") for _ in range(50)))
        return [_used_token(response) for response in responses]

    tokens = asyncio.run(main())
    assert server.grants() == ["refresh_token"]
    assert tokens == ["access-2"] * 50


def _failing_token_transport(server: TokenServer) -> Callable[[httpx.Request], httpx.Response]:
    failures = iter([True])

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token") and next(failures, False):
            raise httpx.ConnectError("down", request=request)
        return server.handle(request)

    return handle


def test_a_token_request_that_fails_to_connect_releases_the_renewal_lock(server: TokenServer) -> None:
    auth = _auth()
    retrying = RetryingTransport(RetryPolicy(max_retries=0), httpx.MockTransport(_failing_token_transport(server)))
    with httpx.Client(base_url=BASE, auth=CheckedAuth(auth), transport=retrying) as client:
        with pytest.raises(ApiConnectionError):
            client.get("/sites")
        # The next call must renew again; a lock the failed renewal kept would block it for
        # good, so it runs in a thread that may be abandoned.
        answered: list[int] = []
        again = threading.Thread(target=lambda: answered.append(client.get("/sites").status_code), daemon=True)
        again.start()
        again.join(timeout=5)
        assert answered == [200], "the next call waits for a renewal lock nobody holds"


def test_an_async_token_request_that_fails_to_connect_releases_the_renewal_lock(server: TokenServer) -> None:
    auth = _auth()
    handle = _failing_token_transport(server)

    async def ahandle(request: httpx.Request) -> httpx.Response:
        return handle(request)

    async def main() -> int:
        retrying = RetryingTransport(RetryPolicy(max_retries=0), async_transport=httpx.MockTransport(ahandle))
        async with httpx.AsyncClient(base_url=BASE, auth=CheckedAuth(auth), transport=retrying) as client:
            with pytest.raises(ApiConnectionError):
                await client.get("/sites")
            # A lock the failed renewal kept would make the next call wait for ever.
            return (await asyncio.wait_for(client.get("/sites"), timeout=5)).status_code

    assert asyncio.run(main()) == 200


# -- the token endpoint from the spec ----------------------------------------------------------


def test_the_token_url_is_the_spec_token_operations_own_host_or_its_path_under_the_base_url() -> None:
    assert spec_token_url(api_spec("comm100-v4")) == "https://partner.comm100.io/oauth/token"  # another host
    assert spec_token_url(api_spec("comm100-v3")) == "/partner/oauth/token"
    assert spec_token_url(api_spec("portsip-dealers")) == "/login/oauth/token"
    with pytest.raises(KeyError):
        spec_token_url(api_spec("omnize-partner"))


def test_the_form_fields_a_spec_fixes_are_read_per_grant_type() -> None:
    client_id = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
    assert token_form_constants(api_spec("portsip-dealers")) == {
        "password": {"scope": "all", "client_id": client_id},
        "refresh_token": {"client_id": client_id},
    }
    assert token_form_constants(api_spec("comm100-v3")) == {"password": {}, "refresh_token": {}}


def test_fixed_fields_go_in_every_form_of_their_grant_and_the_grants_own_fields_win(server: TokenServer) -> None:
    constants = {"password": {"scope": "all", "email": "fixed@example.com"}, "refresh_token": {"client_id": "c-1"}}
    clock = ManualClock()
    with _client(server, _auth(clock, constants=constants)) as client:
        client.get("/sites")
        clock.advance(3600)
        client.get("/sites")
    assert server.forms == [
        {"grant_type": "password", "scope": "all", "email": "partner@example.com", "password": "s3cret-password"},
        {"grant_type": "refresh_token", "client_id": "c-1", "refresh_token": "refresh-1"},
    ]


def test_a_login_becomes_the_spec_token_flow_on_the_clients_base_url(server: TokenServer) -> None:
    login = OAuth2Login(PasswordGrant("admin", "pbx-password"), refresh_extra={"tenant": "t-1"})
    clock = ManualClock()
    auth = login.auth(api_spec("portsip-dealers"), "https://pbx.example.test:8887/api", expiry_skew=10, clock=clock)
    sent: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return server.handle(request)

    with httpx.Client(auth=auth, transport=httpx.MockTransport(handle)) as client:
        client.get("https://pbx.example.test:8887/api/dealers")
        clock.advance(3600 - 10)  # the skew given
        client.get("https://pbx.example.test:8887/api/dealers")
    assert sent[0] == "https://pbx.example.test:8887/api/login/oauth/token"  # getToken's path under the base URL
    assert [form["grant_type"] for form in server.forms] == ["password", "refresh_token"]
    assert server.forms[0]["client_id"] == server.forms[1]["client_id"] == "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
    assert (server.forms[0]["scope"], server.forms[1]["tenant"]) == ("all", "t-1")
    elsewhere = OAuth2Login(PasswordGrant("a", "b"), token_url="https://other.test/t")
    assert "token_url='https://other.test/t'" in repr(
        elsewhere.auth(api_spec("portsip-dealers"), "https://pbx.test/api")
    )


# -- another login form: the public extension points --------------------------------------------
#
# An API that logs in some other way subclasses OAuth2Auth and replaces only how a token is
# got; the lifecycle (store, renewal point, single flight, retry on 401) stays the runtime's.


class JsonSignInAuth(OAuth2Auth):
    """A vendor's JSON pair: the login at /sign-in, the refresh at /renew, both with a JSON body."""

    def token_request(self, form: dict[str, str], request: httpx.Request) -> httpx.Request:
        path = "/sign-in" if form["grant_type"] == "password" else "/renew"
        body = {name: value for name, value in form.items() if name != "grant_type"}
        return httpx.Request("POST", f"{BASE}{path}", json=body, extensions=dict(request.extensions))


@dataclass
class JsonTokenServer:
    """Answers /sign-in and /renew with JSON tokens, the API with the token it was called with."""

    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    answer: dict[str, object] | None = None
    rejected: set[str] = field(default_factory=set)

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path in {"/v1/sign-in", "/v1/renew"}:
            self.requests.append((request.url.path, json.loads(request.content)))
            serial = len(self.requests)
            body = self.answer or {"access_token": f"access-{serial}", "refresh_token": f"refresh-{serial}"}
            return httpx.Response(200, json={**body, "expires_in": 3600})
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token in self.rejected:
            return httpx.Response(401)
        return httpx.Response(200, json={"token": token})


def test_a_form_of_its_own_replaces_only_the_token_request_and_keeps_reuse_refresh_and_the_401_retry() -> None:
    server = JsonTokenServer()
    clock = ManualClock(1000.0)
    auth = JsonSignInAuth(PasswordGrant("alice", "pw-123456"), token_url=TOKEN_URL, clock=clock)
    with httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.handle)) as client:
        assert [_used_token(client.get("/sites")) for _ in range(2)] == ["access-1"] * 2  # reused
        clock.advance(3600)
        assert _used_token(client.get("/sites")) == "access-2"  # renewed with the refresh grant
        server.rejected.add("access-2")
        assert _used_token(client.get("/sites")) == "access-3"  # refused: renewed, sent once more
    assert server.requests == [
        ("/v1/sign-in", {"username": "alice", "password": "pw-123456"}),
        ("/v1/renew", {"refresh_token": "refresh-1"}),
        ("/v1/renew", {"refresh_token": "refresh-2"}),
    ]


class StepUpRefusingAuth(JsonSignInAuth):
    """Reads a success that asks for a second factor as a refused login."""

    def read_token(self, answer: httpx.Response, *, renewal: bool) -> Token:
        if answer.json().get("second_factor"):
            raise AuthenticationError(answer, "a second factor is required")
        return super().read_token(answer, renewal=renewal)


def test_read_token_may_refuse_a_success_and_the_renewal_lock_is_released_for_the_next_call() -> None:
    server = JsonTokenServer(answer={"second_factor": True})
    auth = StepUpRefusingAuth(PasswordGrant("alice", "pw-123456"), token_url=TOKEN_URL)
    with httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.handle)) as client:
        with pytest.raises(AuthenticationError, match="second factor"):
            client.get("/sites")
        assert auth.store.current is None
        server.answer = None
        answered: list[int] = []
        again = threading.Thread(target=lambda: answered.append(client.get("/sites").status_code), daemon=True)
        again.start()
        again.join(timeout=5)
        assert answered == [200], "the next call waits for a renewal lock nobody holds"


class SessionAuth(OAuth2Auth):
    """Two calls for a token: POST /session opens one (a cookie), GET /session tells its token."""

    def obtain(self, request: httpx.Request) -> TokenSteps:
        opened = yield TokenCall(httpx.Request("POST", f"{BASE}/session", json={"user": "alice"}))
        if not opened.is_success:
            raise self.login_refused(opened)
        session = opened.json()["session"]  # the body was read for us, sync or async
        status = yield TokenCall(httpx.Request("GET", f"{BASE}/session", headers={"Cookie": f"s={session}"}))
        return self.read_token(status, renewal=False)


@dataclass
class SessionServer:
    """Opens numbered sessions (answered as a stream, not yet read) and tells each one's token."""

    calls: list[str] = field(default_factory=list)
    refuse: bool = False

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(f"{request.method} {request.url.path}")
        if request.url.path == "/v1/session" and request.method == "POST":
            if self.refuse:
                return httpx.Response(403, json={"message": "no sessions today"})
            body = json.dumps({"session": f"s-{len(self.calls)}"}).encode()
            return httpx.Response(200, stream=httpx.ByteStream(body))
        if request.url.path == "/v1/session":
            session = request.headers["cookie"].removeprefix("s=")
            return httpx.Response(200, json={"access_token": f"access-{session}", "expires_in": 3600})
        return httpx.Response(200, json={"token": request.headers["authorization"].removeprefix("Bearer ")})

    def handle(self, request: httpx.Request) -> httpx.Response:
        return self._answer(request)

    async def ahandle(self, request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.01)  # keeps the exchange in flight while the other tasks arrive
        return self._answer(request)


def test_obtain_may_exchange_several_calls_for_a_token_with_each_answer_read_before_it_sees_it() -> None:
    server = SessionServer()
    clock = ManualClock(1000.0)
    auth = SessionAuth(PasswordGrant("alice", "pw-123456"), token_url=TOKEN_URL, clock=clock)
    with httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.handle)) as client:
        assert [_used_token(client.get("/sites")) for _ in range(2)] == ["access-s-1"] * 2
        clock.advance(3600)
        assert _used_token(client.get("/sites")) == "access-s-5"
    session = ["POST /v1/session", "GET /v1/session"]
    assert server.calls == [*session, "GET /v1/sites", "GET /v1/sites", *session, "GET /v1/sites"]


def test_an_async_obtain_runs_once_for_tasks_that_all_need_a_token() -> None:
    server = SessionServer()
    auth = SessionAuth(PasswordGrant("alice", "pw-123456"), token_url=TOKEN_URL)

    async def main() -> list[str]:
        async with httpx.AsyncClient(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.ahandle)) as client:
            responses = await asyncio.gather(*(client.get("/sites") for _ in range(10)))
        return [_used_token(response) for response in responses]

    assert asyncio.run(main()) == ["access-s-1"] * 10
    assert server.calls[:2] == ["POST /v1/session", "GET /v1/session"]
    assert server.calls.count("POST /v1/session") == 1


def test_a_refused_exchange_raises_login_refused_s_error() -> None:
    server = SessionServer(refuse=True)
    auth = SessionAuth(PasswordGrant("alice", "pw-123456"), token_url=TOKEN_URL)
    with (
        httpx.Client(base_url=BASE, auth=auth, transport=httpx.MockTransport(server.handle)) as client,
        pytest.raises(PermissionDeniedError),
    ):
        client.get("/sites")


def test_the_default_exchange_yields_the_grants_token_call_and_returns_the_token_it_kept() -> None:
    auth = _auth(constants={"password": {"scope": "all"}})
    api_request = httpx.Request("GET", f"{BASE}/sites", extensions={"timeout": {"read": 7.0}})
    steps = auth.obtain(api_request)
    call = next(steps)
    assert isinstance(call, TokenCall)
    assert (call.request.method, str(call.request.url)) == ("POST", TOKEN_URL)
    assert dict(parse_qsl(call.request.content.decode())) == {
        "grant_type": "password",
        "scope": "all",
        "email": "partner@example.com",
        "password": "s3cret-password",
    }
    assert call.request.extensions == {"timeout": {"read": 7.0}}
    with pytest.raises(StopIteration) as done:
        steps.send(httpx.Response(200, json={"access_token": "access-1", "expires_in": 60}))
    token = done.value.value
    assert isinstance(token, Token)
    assert token.access_token.reveal() == "access-1"
    assert auth.store.current is token


def test_login_refused_is_login_errors_choice_else_the_runtimes_status_error() -> None:
    refused = httpx.Response(400, json={"error": "invalid_grant"}, request=httpx.Request("POST", TOKEN_URL))
    throttled = httpx.Response(429, json={}, request=httpx.Request("POST", TOKEN_URL))
    assert isinstance(_auth().login_refused(refused), AuthenticationError)
    assert isinstance(_auth().login_refused(throttled), RateLimitError)
    own = ApiResponseError(refused, "the vendor's own words")
    assert _auth(login_error=lambda answer: own).login_refused(refused) is own
