"""The harness's reading of credentials: an OAuth client's (RFC 6749 section 2.3.1) and a query token (RFC 6750)."""

from __future__ import annotations

import base64

import pytest
from starlette.requests import Request

from partner_apis.simulators.harness import OAuthSimulator, SimError
from partner_apis.simulators.harness.auth import client_credentials


def _request(authorization: str | None = None, query: str = "") -> Request:
    headers = [] if authorization is None else [(b"authorization", authorization.encode())]
    return Request({"type": "http", "query_string": query.encode(), "headers": headers})


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_a_client_authenticates_by_basic_first_else_by_the_form() -> None:
    assert client_credentials(_request(_basic("app", "s3cret")), {}) == ("app", "s3cret", True)
    assert client_credentials(_request(), {"client_id": "app", "client_secret": "s3cret"}) == ("app", "s3cret", False)
    assert client_credentials(_request(), {}) == ("", "", False)
    # The same client named in both is fine; the header's secret counts.
    assert client_credentials(_request(_basic("app", "s3cret")), {"client_id": "app", "client_secret": "x"}) == (
        "app",
        "s3cret",
        True,
    )


def test_a_client_named_twice_differently_is_an_invalid_request() -> None:
    with pytest.raises(SimError) as refused:
        client_credentials(_request(_basic("app", "s3cret")), {"client_id": "other"})
    assert (refused.value.status, refused.value.code) == (400, "invalid_request")


class _Bearer(OAuthSimulator[str]):
    key = "comm100-v4"


class _Queried(_Bearer):
    query_token = True


def test_a_query_token_counts_only_where_the_simulator_says_so() -> None:
    queried = _request(query="access_token=t0k")
    assert _Bearer().access_token(queried) is None
    assert _Queried().access_token(queried) == "t0k"
    # The header wins over the query.
    assert _Queried().access_token(_request("Bearer h3ader", "access_token=t0k")) == "h3ader"
    assert _Queried().access_token(_request(query="access_token=")) is None
