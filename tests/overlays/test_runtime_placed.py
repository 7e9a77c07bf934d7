"""The runtime's pieces for a token inside the request and a failure inside HTTP 200, as a second API uses them."""

from __future__ import annotations

import hashlib
import json

import httpx
import pytest

from partner_apis.overlays.runtime import (
    MASK,
    FailureInBodyError,
    NotFoundError,
    PlacedTokenAuth,
    Secret,
    failure_in_body,
    redact,
    sha256_digest,
)

KEY = "omnize-partner"  # a spec with x-token-location on every operation
BASE = "https://gateway.example.test/omnize/v1"  # the client's base URL, not the spec's
TOKEN = "placed-token-5c1d"


def _sent(auth: PlacedTokenAuth, request: httpx.Request) -> httpx.Request:
    request.read()
    return auth.prepare(request)


def test_the_token_goes_under_the_name_given_where_the_spec_places_it() -> None:
    auth = PlacedTokenAuth(
        KEY, Secret(TOKEN), name="api_key", base_url=BASE, digested={"updateAgent": (("agent", "secret"),)}
    )
    read = _sent(auth, httpx.Request("GET", f"{BASE}/agents?account_id=1&api_key=stale"))
    assert read.url.params.get_list("api_key") == [TOKEN]
    assert read.url.params["account_id"] == "1"
    written = _sent(auth, httpx.Request("PUT", f"{BASE}/agents/3?api_key=stale", json={"agent": {"secret": "s"}}))
    assert json.loads(written.content) == {"agent": {"secret": sha256_digest("s")}, "api_key": TOKEN}
    assert "api_key" not in written.url.params


def test_an_operation_on_another_host_is_sent_to_the_url_given_for_it() -> None:
    auth = PlacedTokenAuth(
        KEY, Secret(TOKEN), base_url=BASE, servers={"loginPartner": "https://login.example.test/stage/"}
    )
    sent = _sent(auth, httpx.Request("POST", f"{BASE}/prod/authentication", json={"username": "a@example.com"}))
    assert str(sent.url) == "https://login.example.test/stage/prod/authentication"
    assert sent.headers["host"] == "login.example.test"
    assert json.loads(sent.content)["token"] == TOKEN


def test_a_body_token_operation_without_a_json_object_body_is_refused() -> None:
    auth = PlacedTokenAuth(KEY, Secret(TOKEN), base_url=BASE)
    with pytest.raises(ValueError, match="JSON object body"):
        _sent(auth, httpx.Request("POST", f"{BASE}/agents", content=b"[1, 2]"))


def test_the_token_shows_in_no_repr() -> None:
    assert TOKEN not in repr(PlacedTokenAuth(KEY, Secret(TOKEN)))


def test_a_digest_is_lowercase_hex_sha256_and_a_digest_is_not_hashed_again() -> None:
    digest = hashlib.sha256("pässword".encode()).hexdigest()
    assert sha256_digest("pässword") == digest
    assert sha256_digest(digest.upper()) == digest
    assert redact(f"pässword {digest}") == f"{MASK} {MASK}"


class Refusal(FailureInBodyError):
    """A vendor's failure inside HTTP 200."""


def _answer(status: int, **body: object) -> httpx.Response:
    response = httpx.Response(status, json=body, request=httpx.Request("GET", "https://api.example.test/things"))
    response.read()
    return response


def test_the_flag_decides_between_a_result_and_the_vendors_error() -> None:
    assert failure_in_body(_answer(200, ok=True), Refusal, flag="ok") is None
    error = failure_in_body(_answer(200, ok=False, errors={"name": ["is taken"]}), Refusal, flag="ok")
    assert isinstance(error, Refusal)
    assert error.vendor_message == "name is taken"
    assert error.raw_body == _answer(200, ok=False, errors={"name": ["is taken"]}).content


def test_an_answer_without_the_flag_is_an_error_unless_the_api_says_otherwise() -> None:
    error = failure_in_body(_answer(200, data=[]), Refusal)
    assert isinstance(error, Refusal)
    assert "no success flag" in str(error)
    assert failure_in_body(_answer(200, data=[]), Refusal, unflagged=lambda response, body: None) is None


def test_an_error_status_keeps_the_runtimes_status_error() -> None:
    assert isinstance(failure_in_body(_answer(404, success=True), Refusal), NotFoundError)
