"""Per-call options: copies of a client share its connection pool and token; ``httpx_args`` reach httpx.

``client.with_options(...)`` (and ``runtime.with_options(client, ...)``) give a copy with
another timeout, retry policy or extra headers, as openai-python's and stripe-python's
clients do; every factory takes ``httpx_args`` (event hooks, proxy, verify, ...).
"""

from __future__ import annotations

import gc
import http.server
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from comm100_v3_client.api.sites import get_site as v3_get_site
from comm100_v4_client import Client
from comm100_v4_client.api.sites import create_site, get_site
from comm100_v4_client.models import SiteCreate

from partner_apis.overlays import comm100_v3, comm100_v4
from partner_apis.overlays.runtime import (
    NotFoundError,
    RetryPolicy,
    ServerError,
    with_options,
)
from partner_apis.specs import load_spec

BASE_URL = "http://127.0.0.1:9/v4"
NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)


def _example(key: str, operation_id: str) -> Any:
    for item in load_spec(key)["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                examples = operation["responses"]["200"]["content"]["application/json"]["examples"]
                return next(iter(examples.values()))["value"]
    raise KeyError(operation_id)


SITE = _example("comm100-v4", "getSite")
V3_SITE = _example("comm100-v3", "getSite")


class Network(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A scripted network: records each request and close, answers from ``answer`` (the last repeats)."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers) or [httpx.Response(200, json=SITE)]
        self.requests: list[httpx.Request] = []
        self.closed = 0

    def _next(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._next(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._next(request)

    def close(self) -> None:
        self.closed += 1

    async def aclose(self) -> None:
        self.closed += 1


def _v4(network: Network, **kwargs: Any) -> comm100_v4.Comm100V4Client:
    kwargs.setdefault("retry", NO_WAIT)
    return comm100_v4.client("options-token", base_url=BASE_URL, transport=network, async_transport=network, **kwargs)


# -- with_options: what the copy changes, and what it leaves alone ----------------------------------


def test_a_copy_sends_its_own_timeout_and_headers_and_the_original_is_unchanged() -> None:
    network = Network()
    original = _v4(network)
    copy = original.with_options(timeout=2.5, headers={"X-Trace": "t-1"})
    get_site.sync(1, client=copy)
    get_site.sync(1, client=original)
    by_copy, by_original = network.requests
    assert by_copy.headers["X-Trace"] == "t-1"
    assert by_copy.extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}
    assert "X-Trace" not in by_original.headers
    assert by_original.extensions["timeout"] == {"connect": 10.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert by_copy.headers["Authorization"] == by_original.headers["Authorization"] == "Bearer options-token"
    assert type(copy) is comm100_v4.Comm100V4Client


def test_the_generated_with_headers_and_with_timeout_no_longer_change_the_original() -> None:
    # openapi-python-client's own with_headers updates the original's httpx clients in place.
    network = Network()
    original = _v4(network)
    original.with_headers({"X-Copy": "1"})
    original.with_timeout(httpx.Timeout(1.0))
    get_site.sync(1, client=original)
    assert "X-Copy" not in network.requests[0].headers
    assert network.requests[0].extensions["timeout"]["read"] == 30.0


def test_timeout_none_means_no_timeout_and_keep_is_the_default() -> None:
    network = Network()
    original = _v4(network)
    get_site.sync(1, client=original.with_options(timeout=None))
    get_site.sync(1, client=original.with_options(headers={"X-A": "1"}))
    assert network.requests[0].extensions["timeout"] == {"connect": None, "read": None, "write": None, "pool": None}
    assert network.requests[1].extensions["timeout"]["read"] == 30.0


def test_max_retries_changes_only_the_copys_retries() -> None:
    network = Network(httpx.Response(503))
    original = _v4(network)
    with pytest.raises(ServerError):
        get_site.sync(1, client=original.with_options(max_retries=0))
    assert len(network.requests) == 1
    with pytest.raises(ServerError):
        get_site.sync(1, client=original)
    assert len(network.requests) == 1 + 3  # the original still retries twice


def test_a_copys_retry_policy_keeps_the_specs_idempotency_table_unless_it_brings_its_own() -> None:
    network = Network(httpx.Response(503))
    original = _v4(network, retry=RetryPolicy(max_retries=0))
    body = SiteCreate(platform_id=100, email="o@example.com", password="12345", plan_id=233)
    with pytest.raises(ServerError):
        create_site.sync(client=original.with_options(retry=NO_WAIT), body=body)
    assert len(network.requests) == 1  # createSite is x-idempotent: false
    with pytest.raises(ServerError):
        get_site.sync(1, client=original.with_options(retry=NO_WAIT))
    assert len(network.requests) == 1 + 3  # getSite is retried
    always = RetryPolicy(max_retries=1, initial_backoff=0.0, max_backoff=0.0, is_idempotent=lambda request: True)
    with pytest.raises(ServerError):
        create_site.sync(client=original.with_options(retry=always), body=body)
    assert len(network.requests) == 4 + 2  # the caller's predicate says a create may be resent


def test_a_copy_shares_the_network_transport_and_closing_it_leaves_the_pool_open() -> None:
    network = Network()
    original = _v4(network)
    copy = original.with_options(max_retries=0).with_options(headers={"X-B": "1"})  # a copy of a copy too
    get_site.sync(1, client=copy)
    get_site.sync(1, client=original)
    assert len(network.requests) == 2  # one network object served both
    copy.get_httpx_client().close()
    assert network.closed == 0
    get_site.sync(1, client=original)
    original.get_httpx_client().close()
    assert network.closed == 1


@pytest.mark.anyio
async def test_an_async_copy_shares_the_async_network_and_keeps_its_options() -> None:
    network = Network()
    original = _v4(network)
    copy = original.with_options(headers={"X-Async": "1"})
    await get_site.asyncio(1, client=copy)
    await get_site.asyncio(1, client=original)
    assert [request.headers.get("X-Async") for request in network.requests] == ["1", None]


def test_the_function_form_works_on_any_overlaid_client_and_refuses_others() -> None:
    network = Network()
    copy = with_options(_v4(network), headers={"X-F": "1"})
    get_site.sync(1, client=copy)
    assert network.requests[0].headers["X-F"] == "1"
    with pytest.raises(TypeError, match="not made by an overlay"):
        with_options(Client(base_url=BASE_URL), timeout=1)
    with pytest.raises(TypeError, match="max_retries or retry"):
        with_options(copy, max_retries=1, retry=NO_WAIT)


# -- one token for a client and its copies -----------------------------------------------------------


class OAuthServer:
    """Comm100 v3's token endpoint and sites: counts grants, refuses a token it revoked."""

    def __init__(self) -> None:
        self.grants: list[str] = []
        self.revoked: set[str] = set()
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == comm100_v3.TOKEN_PATH:
            grant = dict(httpx.QueryParams(request.content.decode()))["grant_type"]
            self.grants.append(grant)
            number = len(self.grants)
            return httpx.Response(
                200, json={"access_token": f"access-{number}", "refresh_token": f"refresh-{number}", "expires_in": 3600}
            )
        token = request.headers["Authorization"].removeprefix("Bearer ")
        self.seen.append(token)
        if token in self.revoked:
            return httpx.Response(401, json={"code": 401, "message": "token revoked"})
        return httpx.Response(200, json=V3_SITE)


def test_a_copy_uses_the_originals_token_and_one_renewal_serves_both() -> None:
    server = OAuthServer()
    original = comm100_v3.client(
        "partner@example.com", "options-password", base_url="http://127.0.0.1:9", transport=httpx.MockTransport(server)
    )
    copy = original.with_options(timeout=5, max_retries=0)
    v3_get_site.sync(1, client=original)
    v3_get_site.sync(1, client=copy)
    assert server.grants == ["password"]  # one login for both
    server.revoked.add("access-1")
    v3_get_site.sync(1, client=copy)  # 401, renewed once, sent again
    v3_get_site.sync(1, client=original)  # already has the renewed token
    assert server.grants == ["password", "refresh_token"]
    assert server.seen == ["access-1", "access-1", "access-1", "access-2", "access-2"]


# -- one connection pool, on real sockets ---------------------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a pooled connection serves the next request
    body = b""
    seen: list[tuple[int, str, str]]

    def do_GET(self) -> None:
        self.seen.append((self.client_address[1], self.requestline, self.headers.get("X-Who", "")))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[tuple[int, str, str]]]]:
    seen: list[tuple[int, str, str]] = []
    handler = type("Handler", (_Recorder,), {"seen": seen, "body": httpx.Response(200, json=SITE).content})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_a_copy_reuses_the_originals_pooled_connection(recorder: tuple[str, list[tuple[int, str, str]]]) -> None:
    url, seen = recorder
    original = comm100_v4.client("pool-token", base_url=f"{url}/v4")
    copy = original.with_options(timeout=5, headers={"X-Who": "copy"})
    other = comm100_v4.client("pool-token", base_url=f"{url}/v4")
    try:
        get_site.sync(1, client=original)
        get_site.sync(1, client=copy)
        get_site.sync(1, client=other)
    finally:
        original.get_httpx_client().close()
        other.get_httpx_client().close()
    (first, _, _), (second, _, who), (third, _, _) = seen
    assert who == "copy"
    assert second == first  # the same TCP connection: the copy took it from the shared pool
    assert third != first  # another client has a pool of its own


# -- httpx_args ----------------------------------------------------------------------------------------


def test_event_hooks_see_each_request_and_its_final_answer_through_retries_and_errors() -> None:
    seen: list[str] = []
    hooks = {
        "request": [lambda request: seen.append(f"request {request.method} {request.url.path}")],
        "response": [lambda response: seen.append(f"answer {response.status_code}")],
    }
    network = Network(httpx.Response(503), httpx.Response(200, json=SITE), httpx.Response(404, json={"message": "no"}))
    client = _v4(network, httpx_args={"event_hooks": hooks})
    get_site.sync(1, client=client)
    with pytest.raises(NotFoundError):
        get_site.sync(2, client=client)
    # The retry happens below the hooks: they see the request once and its final answer.
    assert seen == ["request GET /v4/global/sites/1", "answer 200", "request GET /v4/global/sites/2", "answer 404"]
    assert len(network.requests) == 3


@pytest.mark.anyio
async def test_the_async_client_runs_plain_and_async_hooks_and_the_sync_client_the_plain_ones() -> None:
    seen: list[str] = []

    async def async_hook(request: httpx.Request) -> None:
        seen.append("async")

    def plain_hook(request: httpx.Request) -> None:
        seen.append("plain")

    client = _v4(Network(), httpx_args={"event_hooks": {"request": [plain_hook, async_hook]}})
    await get_site.asyncio(1, client=client)
    assert seen == ["plain", "async"]
    seen.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        get_site.sync(1, client=client)
        gc.collect()  # an async hook called but never awaited warns when its coroutine is collected
    assert seen == ["plain"]
    assert not [warning for warning in caught if "never awaited" in str(warning.message)]
    seen.clear()
    await get_site.asyncio(1, client=client.with_options(timeout=3))  # copies keep the hooks
    assert seen == ["plain", "async"]


def test_headers_and_client_options_in_httpx_args_reach_every_request() -> None:
    network = Network()
    client = _v4(network, httpx_args={"headers": {"User-Agent": "acme-provisioner/1.0"}, "cookies": {"lb": "a"}})
    get_site.sync(1, client=client)
    assert network.requests[0].headers["User-Agent"] == "acme-provisioner/1.0"
    assert network.requests[0].headers["Cookie"] == "lb=a"


@pytest.mark.parametrize("key", ["auth", "transport", "base_url", "mounts", "app", "timeout"])
def test_keys_the_runtime_owns_are_refused_by_name(key: str) -> None:
    with pytest.raises(TypeError, match=f"httpx_args cannot set '{key}'"):
        _v4(Network(), httpx_args={key: None})


def test_network_settings_cannot_be_combined_with_a_transport_of_ones_own() -> None:
    with pytest.raises(TypeError, match=r"\['proxy', 'verify'\] configure the network transport"):
        _v4(Network(), httpx_args={"verify": False, "proxy": "http://127.0.0.1:3128"})


def test_an_unknown_event_hook_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown event hook kinds"):
        _v4(Network(), httpx_args={"event_hooks": {"requests": []}})


def test_a_proxy_in_httpx_args_carries_the_requests(recorder: tuple[str, list[tuple[int, str, str]]]) -> None:
    proxy, seen = recorder  # the recording server plays the proxy: it gets absolute-form request lines
    client = comm100_v4.client(
        "proxy-token", base_url="http://partner.example.test/v4", httpx_args={"proxy": proxy, "verify": True}
    )
    try:
        get_site.sync(1, client=client)
    finally:
        client.get_httpx_client().close()
    assert [line for _, line, _ in seen] == ["GET http://partner.example.test/v4/global/sites/1 HTTP/1.1"]
