"""Typed errors: every failure is a class to catch, with status, vendor body and message, never a secret."""

from __future__ import annotations

import httpx
import pytest

from partner_apis.overlays.runtime import (
    ApiStatusError,
    AuthenticationError,
    BadRequestError,
    CheckedAuth,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Secret,
    ServerError,
    UnprocessableEntityError,
    error_for_status,
)


def _response(status: int, **kwargs: object) -> httpx.Response:
    request = httpx.Request("GET", "http://127.0.0.1/v4/global/sites/7?token=abcd1234secret")
    response = httpx.Response(status, request=request, **kwargs)  # type: ignore[arg-type]
    response.read()
    return response


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (503, ServerError),
        (418, ApiStatusError),
    ],
)
def test_each_failing_status_has_its_error_class(status: int, kind: type[ApiStatusError]) -> None:
    error = error_for_status(_response(status, json={"message": "no"}))
    assert type(error) is kind
    assert error.status == status


def test_success_is_not_an_error() -> None:
    assert error_for_status(_response(200, json=[])) is None
    assert error_for_status(_response(204)) is None


def test_an_error_carries_the_vendor_body_and_message() -> None:
    body = {"code": "not_found", "message": "site 7 not found"}
    error = error_for_status(_response(404, json=body))
    assert error is not None
    assert error.body == body
    assert error.vendor_message == "site 7 not found"
    assert "site 7 not found" in str(error)
    assert "404" in str(error)


def test_a_text_body_is_kept_as_text() -> None:
    error = error_for_status(_response(502, text="<html>Bad gateway</html>"))
    assert error is not None
    assert error.body == "<html>Bad gateway</html>"


def test_an_error_message_masks_secret_query_parameters_and_registered_secrets() -> None:
    secret = Secret("registered-secret-value")
    error = error_for_status(_response(400, json={"message": f"bad token {secret.reveal()}"}))
    assert error is not None
    assert "abcd1234secret" not in str(error)
    assert "registered-secret-value" not in str(error)
    assert "registered-secret-value" not in repr(error)
    assert "[REDACTED]" in str(error)


def test_the_checked_auth_flow_raises_after_the_inner_flow_is_done() -> None:
    seen: list[int] = []

    class RetryOn401(httpx.Auth):
        def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
            response = yield request
            seen.append(response.status_code)
            if response.status_code == 401:
                request.headers["Authorization"] = "Bearer fresh"
                yield request

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") == "Bearer fresh":
            return httpx.Response(404, json={"message": "gone"})
        return httpx.Response(401, json={"message": "expired"})

    client = httpx.Client(transport=httpx.MockTransport(handler), auth=CheckedAuth(RetryOn401()))
    with pytest.raises(NotFoundError, match="gone"):
        client.get("http://127.0.0.1/x")
    assert seen == [401]
