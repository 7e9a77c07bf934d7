"""The client factory: the overlay's httpx clients build exactly the requests httpx would."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from comm100_v4_client import Client
from comm100_v4_client.api.sites import get_site, list_sites
from hypothesis import given
from hypothesis import strategies as st

from partner_apis.overlays.runtime import build_client
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
