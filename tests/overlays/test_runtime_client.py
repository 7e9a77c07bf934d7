"""The client factory: the overlay's httpx clients build exactly the requests httpx would."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from collections.abc import Mapping
from typing import Any, Unpack, get_type_hints

import httpx
import pytest
from comm100_v4_client import Client
from comm100_v4_client.api.sites import get_site, list_sites
from hypothesis import given
from hypothesis import strategies as st
from portsip_dealers_client import Client as PortsipClient
from portsip_dealers_client.api.dealers import list_dealers

import partner_apis.overlays
from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import (
    ClientOptions,
    OAuth2Login,
    PasswordGrant,
    RetryingTransport,
    RetryPolicy,
    TokenOptions,
    build_client,
    client_transport,
)
from partner_apis.overlays.runtime.client import OverlayAsyncHttpxClient, OverlayHttpxClient

BASE_URL = "https://partner.example.test/api/v4"

_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
_scalar = st.one_of(_text, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
_params = st.one_of(
    st.dictionaries(_text, st.one_of(_scalar, st.lists(_scalar, max_size=3)), max_size=4),
    st.lists(st.tuples(_text, _scalar), max_size=4),
)
_path = st.lists(st.text("abcXYZ019-_.~:%é ", min_size=1, max_size=8), min_size=1, max_size=3).map(
    lambda segments: "/" + "/".join(segments)
)


# Built once: an httpx client makes an SSL context, far slower than a request.
PLAIN = httpx.Client(base_url=BASE_URL)
OVERLAID = OverlayHttpxClient(base_url=BASE_URL)
PLAIN_WITH_PARAMS = httpx.Client(base_url=BASE_URL, params={"lang": "en"})
OVERLAID_WITH_PARAMS = OverlayHttpxClient(base_url=BASE_URL, params={"lang": "en"})


@given(path=_path, params=_params)
def test_a_request_has_the_url_httpx_would_build_for_any_query(path: str, params: Any) -> None:
    assert OVERLAID.build_request("GET", path, params=params).url == PLAIN.build_request("GET", path, params=params).url


@given(params=_params)
def test_client_wide_params_and_a_url_with_a_query_are_merged_as_httpx_merges_them(params: Any) -> None:
    for url in ("/sites?keep=1&token=old", "/sites#part", httpx.URL("/sites")):
        for plain, overlaid in ((PLAIN, OVERLAID), (PLAIN_WITH_PARAMS, OVERLAID_WITH_PARAMS)):
            expected = plain.build_request("GET", url, params=params).url
            assert overlaid.build_request("GET", url, params=params).url == expected, (url, params)


def test_an_empty_query_leaves_the_url_as_it_is() -> None:
    overlaid = OverlayAsyncHttpxClient(base_url=BASE_URL)
    empties: list[Any] = [{}, [], "", None]
    for empty in empties:
        assert str(overlaid.build_request("GET", "/sites/7", params=empty).url) == f"{BASE_URL}/sites/7"


def _recording_client(seen: list[httpx.Request]) -> Client:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[] if request.url.path.endswith("/sites") else {"id": 7})

    return build_client(
        Client,
        key="comm100-v4",
        base_url=BASE_URL,
        auth=None,
        headers={"X-Partner": "p1"},
        transport=httpx.MockTransport(answer),
        async_transport=httpx.MockTransport(answer),
    )


def test_the_factory_gives_the_generated_client_the_overlays_httpx_clients_with_its_settings() -> None:
    seen: list[httpx.Request] = []
    client = _recording_client(seen)
    assert type(client.get_httpx_client()) is OverlayHttpxClient
    assert type(client.get_async_httpx_client()) is OverlayAsyncHttpxClient

    get_site.sync(7, client=client)
    list_sites.sync(client=client, email="a b@example.com", platform_id=3)
    asyncio.run(get_site.asyncio(7, client=client))

    assert [str(request.url) for request in seen] == [
        f"{BASE_URL}/global/sites/7",
        f"{BASE_URL}/global/sites?email=a+b%40example.com&platformId=3",
        f"{BASE_URL}/global/sites/7",
    ]
    assert all(request.headers["X-Partner"] == "p1" for request in seen)
    assert all(request.extensions["timeout"]["connect"] == 10.0 for request in seen)


def test_a_copy_with_other_headers_keeps_the_runtime() -> None:
    seen: list[httpx.Request] = []
    copy = _recording_client(seen).with_headers({"X-Trace": "t1"})
    get_site.sync(7, client=copy)
    assert seen[0].headers["X-Trace"] == "t1"
    assert seen[0].headers["X-Partner"] == "p1"


def test_client_transport_is_the_retry_transport_the_factory_installed() -> None:
    client = comm100_v4.client("t0ken-1", retry=RetryPolicy(max_retries=5))
    transport = client_transport(client)
    assert isinstance(transport, RetryingTransport)
    assert transport.policy.max_retries == 5
    copy = client.with_options(max_retries=1)
    assert client_transport(copy).policy.max_retries == 1
    assert client_transport(copy).transport is transport.transport  # one connection pool
    for foreign in (object(), Client(base_url="https://x.test")):
        with pytest.raises(TypeError, match="not made by an overlay"):
            client_transport(foreign)


def _factories() -> dict[str, Any]:
    modules = [
        importlib.import_module(f"partner_apis.overlays.{module.name}")
        for module in pkgutil.iter_modules(partner_apis.overlays.__path__)
        if module.name != "runtime"
    ]
    return {module.KEY: module for module in modules}


@pytest.mark.parametrize("key", sorted(_factories()))
def test_every_factory_takes_the_common_options_and_the_oauth_ones_the_token_lifecycles(key: str) -> None:
    module = _factories()[key]
    (options,) = [p for p in inspect.signature(module.client).parameters.values() if p.kind is p.VAR_KEYWORD]
    logs_in = getattr(module, "OAuth2Login", None) is OAuth2Login
    expected = Unpack[TokenOptions] if logs_in else Unpack[ClientOptions]
    assert get_type_hints(module.client, include_extras=True)[options.name] == expected
    assert set(ClientOptions.__annotations__) == {
        "timeout",
        "retry",
        "transport",
        "async_transport",
        "httpx_args",
        "record_to",
    }
    assert set(TokenOptions.__annotations__) - set(ClientOptions.__annotations__) == {"expiry_skew", "clock"}


class KeyAuth(httpx.Auth):
    """An API key in the query of every GET (the test's vendor), offered while the request is built."""

    def query_for(self, method: str, url: str) -> Mapping[str, str] | None:
        return {"key": "k-1"} if method == "GET" else None

    def auth_flow(self, request: httpx.Request) -> Any:
        if request.method == "GET" and "key" not in request.url.params:
            request.url = request.url.copy_merge_params({"key": "k-1"})
        yield request


def test_an_auth_flow_that_offers_its_query_has_it_encoded_as_the_request_is_built() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    auth = KeyAuth()
    client = build_client(Client, key="comm100-v4", base_url=BASE_URL, auth=auth, transport=httpx.MockTransport(answer))
    http = client.get_httpx_client()
    assert isinstance(http, OverlayHttpxClient)
    assert http.query_for == auth.query_for
    assert str(http.build_request("GET", "/global/sites", params={"status": "open"}).url) == (
        f"{BASE_URL}/global/sites?status=open&key=k-1"
    )
    list_sites.sync(client=client, status="open")
    assert dict(seen[0].url.params) == {"status": "open", "key": "k-1"}
    plain = build_client(Client, key="comm100-v4", base_url=BASE_URL, auth=None)
    assert plain.get_httpx_client().query_for is None  # type: ignore[attr-defined]


def test_a_login_is_made_into_the_specs_token_flow_on_the_clients_base_url() -> None:
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "a-1", "expires_in": 60})
        return httpx.Response(200, json={"count": 0, "items": []})

    login = OAuth2Login(PasswordGrant("admin", "pw-1"))
    client = build_client(
        PortsipClient, key="portsip-dealers", base_url="http://127.0.0.1:9/pbx/api", auth=login,
        transport=httpx.MockTransport(answer),
    )  # fmt: skip
    list_dealers.sync(client=client)
    assert sent == ["http://127.0.0.1:9/pbx/api/login/oauth/token", "http://127.0.0.1:9/pbx/api/dealers?skip=0&top=100"]
