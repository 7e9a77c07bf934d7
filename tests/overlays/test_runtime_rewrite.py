"""Rewriting requests and answers on their way, and calling the generated code from an overlay's helpers."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from comm100_v4_client.api.sites import list_sites
from comm100_v4_client.types import UNSET

from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import PartnerApiError, expect, given
from partner_apis.overlays.runtime.rewrite import RewritingAuth, json_object_body, rebuild, rebuild_response


def test_json_object_body_reads_requests_and_answers_alike() -> None:
    assert json_object_body(httpx.Request("POST", "https://x.test", json={"a": 1})) == {"a": 1}
    assert json_object_body(httpx.Response(200, json={"b": [2]})) == {"b": [2]}
    assert json_object_body(httpx.Response(200, content=b"  ")) == {}
    assert json_object_body(httpx.Response(200, json=[1, 2])) is None
    assert json_object_body(httpx.Response(200, content=b"<html>")) is None


def test_a_rebuilt_request_has_its_new_body_and_url_and_keeps_the_rest() -> None:
    request = httpx.Request(
        "PUT", "https://a.test/x", json={"a": 1}, headers={"X-Trace": "t"}, extensions={"timeout": {"read": 3}}
    )
    rebuilt = rebuild(request, url=httpx.URL("https://b.test/y"), json_body={"a": 1, "é": "ç"})
    assert (rebuilt.method, str(rebuilt.url), rebuilt.headers["host"]) == ("PUT", "https://b.test/y", "b.test")
    assert json.loads(rebuilt.content) == {"a": 1, "é": "ç"}
    assert rebuilt.headers["content-length"] == str(len(rebuilt.content))
    assert rebuilt.headers["x-trace"] == "t"
    assert rebuilt.extensions == {"timeout": {"read": 3}}


def test_a_rebuilt_answer_has_its_new_body_its_request_and_no_stale_length_or_encoding() -> None:
    request = httpx.Request("GET", "https://a.test/sites/7")
    answer = httpx.Response(
        201,
        content=b'{"timezone":"UTC"}',
        headers={"Content-Type": "application/json", "Content-Encoding": "identity", "X-Request-Id": "r-1"},
        extensions={"http_version": b"HTTP/1.1"},
    )
    answer.read()
    rebuilt = rebuild_response(answer, {"timeZone": "UTC", "name": "Zoë"}, request)
    assert rebuilt.status_code == 201
    assert rebuilt.request is request
    assert rebuilt.json() == {"timeZone": "UTC", "name": "Zoë"}
    assert rebuilt.headers["content-length"] == str(len(rebuilt.content))
    assert "content-encoding" not in rebuilt.headers
    assert rebuilt.headers["x-request-id"] == "r-1"
    assert rebuilt.extensions == {"http_version": b"HTTP/1.1"}


class StampAuth(RewritingAuth):
    """Puts a key in every JSON body (the test's vendor)."""

    def prepare(self, request: httpx.Request) -> httpx.Request:
        body = json_object_body(request)
        assert body is not None
        return rebuild(request, json_body={**body, "key": "k-1"})


def test_a_rewriting_auth_sends_each_request_once_as_prepared_sync_and_async() -> None:
    seen: list[dict[str, object]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(401)  # looked at by no one: the flow sends once

    with httpx.Client(auth=StampAuth(), transport=httpx.MockTransport(answer)) as client:
        assert client.post("https://x.test/a", json={"n": 1}).status_code == 401

    async def main() -> int:
        async def handle(request: httpx.Request) -> httpx.Response:
            return answer(request)

        async with httpx.AsyncClient(auth=StampAuth(), transport=httpx.MockTransport(handle)) as client:
            return (await client.post("https://x.test/a", json={"n": 2})).status_code

    assert asyncio.run(main()) == 401
    assert seen == [{"n": 1, "key": "k-1"}, {"n": 2, "key": "k-1"}]


# -- calling the generated code ------------------------------------------------------------------


def test_given_keeps_what_was_given_so_the_generated_defaults_stand_for_the_rest() -> None:
    assert given(status="open", email=None, platform_id=0, external_id="") == {
        "status": "open",
        "platform_id": 0,
        "external_id": "",
    }
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=[])

    client = comm100_v4.client("t0ken-1", transport=httpx.MockTransport(answer))
    list_sites.sync(client=client, **given(status="open", email=None))
    assert dict(sent[0].url.params) == {"status": "open"}
    assert given(email=UNSET) == {"email": UNSET}  # UNSET itself is passed on as given


def test_expect_returns_the_result_of_its_type_and_names_the_operation_otherwise() -> None:
    assert expect([1], list, "listSites") == [1]
    with pytest.raises(PartnerApiError, match="listSites answered NoneType, not list"):
        expect(None, list, "listSites")
