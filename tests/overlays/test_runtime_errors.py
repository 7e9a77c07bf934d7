"""Typed errors: every failure is a class to catch, with status, vendor body and message, never a secret."""

from __future__ import annotations

import gc

import httpx
import pytest

from partner_apis.overlays.runtime import (
    ApiConnectionError,
    ApiStatusError,
    AuthenticationError,
    BadRequestError,
    CheckedAuth,
    ConflictError,
    FieldProblem,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Secret,
    ServerError,
    UnprocessableEntityError,
    class_for_status,
    error_for_status,
    status_error_class,
    vendor_error,
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


# -- what an error carries: the response, the request id, the vendor's field problems ---------


def _answer(
    status: int, body: object, *, request: httpx.Request | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    sent = request or httpx.Request("POST", "http://127.0.0.1/v4/global/sites", json={"email": "bad"})
    response = httpx.Response(status, json=body, headers=headers, request=sent)
    response.read()
    return response


def test_an_error_carries_the_httpx_response_and_the_request_it_answered() -> None:
    response = _answer(404, {"message": "site 7 not found"}, headers={"X-Vendor": "v1"})
    error = error_for_status(response)
    assert error is not None
    assert error.response is response
    assert error.request is response.request
    assert error.response.headers["x-vendor"] == "v1"


@pytest.mark.parametrize("header", ["X-Request-Id", "Request-Id", "x-amzn-RequestId", "X-Correlation-Id"])
def test_the_request_id_comes_from_the_header_the_server_sent(header: str) -> None:
    error = error_for_status(_answer(500, {"message": "down"}, headers={header: "req-42"}))
    assert error is not None
    assert error.request_id == "req-42"
    assert str(error).endswith("[request id req-42]")


def test_without_a_request_id_header_the_request_id_is_none() -> None:
    error = error_for_status(_answer(500, {"message": "down"}))
    assert error is not None
    assert error.request_id is None
    assert "request id" not in str(error)


# Each vendor shape (from the specs and the simulators) and the common conventions read.
PROBLEM_SHAPES = {
    "comm100 field errors with JSON paths": (
        {
            "code": "invalid_request",
            "message": "the request body is invalid",
            "errors": [
                {"field": "body.email", "message": '"bad" is not a "email"'},
                {"field": "body.planId", "message": "is required"},
            ],
        },
        [FieldProblem("body.email", '"bad" is not a "email"'), FieldProblem("body.planId", "is required")],
    ),
    "portsip detail with a problem list": (
        {
            "errors": [
                {
                    "code": "VALIDATE_FAILED",
                    "message": "field validation failed",
                    "detail": {"field": "name", "problems": [{"field": "name", "message": "is a reserved name"}]},
                }
            ]
        },
        [FieldProblem("name", "is a reserved name")],
    ),
    "portsip detail naming only the field": (
        {"errors": [{"code": "VALIDATE_FAILED", "message": "field validation failed", "detail": {"field": "email"}}]},
        [FieldProblem("email", "field validation failed")],
    ),
    "rfc 9457 invalid params": (
        {"title": "Your request is not valid.", "invalid-params": [{"name": "age", "reason": "must be positive"}]},
        [FieldProblem("age", "must be positive")],
    ),
    "rails errors by field": (
        {"errors": {"email": ["is invalid", "is taken"], "name": "can't be blank"}},
        [
            FieldProblem("email", "is invalid"),
            FieldProblem("email", "is taken"),
            FieldProblem("name", "can't be blank"),
        ],
    ),
    "json:api source pointer": (
        {"errors": [{"source": {"pointer": "/data/attributes/email"}, "detail": "is invalid"}]},
        [FieldProblem("/data/attributes/email", "is invalid")],
    ),
    "a location as a list": (
        {"detail": "invalid", "errors": [{"loc": ["body", "plan_id"], "msg": "field required"}]},
        [FieldProblem("body.plan_id", "field required")],
    ),
}


@pytest.mark.parametrize("shape", sorted(PROBLEM_SHAPES))
def test_the_text_of_an_error_names_every_field_problem_the_vendor_gave(shape: str) -> None:
    body, problems = PROBLEM_SHAPES[shape]
    error = error_for_status(_answer(400, body))
    assert error is not None
    assert list(error.problems) == problems
    text = str(error)
    assert "\n" not in text  # one readable line
    for problem in problems:
        assert f"{problem.field}: {problem.message}" in text, (shape, text)


def test_an_item_named_like_an_exception_is_no_field_outside_rfc_9457_lists() -> None:
    error = error_for_status(_answer(400, {"errors": [{"name": "ValidationError", "message": "bad"}]}))
    assert error is not None
    assert error.problems == ()


def test_a_problem_the_vendors_message_already_states_is_not_repeated() -> None:
    body = {
        "message": "invalid: body.email is not an email",
        "errors": [{"field": "body.email", "message": "is not an email"}],
    }
    error = error_for_status(_answer(400, body))
    assert error is not None
    assert str(error).count("is not an email") == 1


def test_many_problems_are_named_up_to_ten_and_the_rest_counted() -> None:
    body = {"errors": [{"field": f"f{index}", "message": "bad"} for index in range(13)]}
    error = error_for_status(_answer(400, body))
    assert error is not None
    assert len(error.problems) == 13
    assert "f9: bad" in str(error)
    assert "f10" not in str(error)
    assert str(error).endswith("and 3 more)")


def test_a_refused_value_quoted_back_under_a_password_field_is_masked_however_short() -> None:
    body = {"errors": [{"field": "body.password", "message": '"ab" is too short'}]}
    error = error_for_status(_answer(400, body))
    assert error is not None
    assert '"ab"' not in str(error)
    assert "body.password: [REDACTED] is too short" in str(error)


def test_a_secret_the_request_sent_and_the_vendor_quoted_back_is_masked() -> None:
    # No registry knows a new dealer's password; the error masks what the request carried.
    request = httpx.Request("POST", "http://127.0.0.1/api/dealers", json={"name": "d1", "password": "hunter2-new"})
    error = error_for_status(_answer(400, {"message": "password hunter2-new is too weak"}, request=request))
    assert error is not None
    assert "hunter2-new" not in str(error)
    assert "password [REDACTED] is too weak" in str(error)


def test_a_token_the_request_sent_in_its_header_is_masked_when_quoted_back() -> None:
    request = httpx.Request("GET", "http://127.0.0.1/x", headers={"Authorization": "Bearer unregistered-tok-9"})
    error = error_for_status(_answer(401, {"message": "token unregistered-tok-9 expired"}, request=request))
    assert error is not None
    assert "unregistered-tok-9" not in str(error)


def test_a_connection_error_carries_the_request_and_masks_its_url() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:9/sites?access_token=abcd-5678-token")
    error = ApiConnectionError(f"GET {request.url}: ConnectError", request)
    assert error.request is request
    assert "abcd-5678-token" not in str(error)


def test_a_refused_omnize_url_login_takes_its_request_id_from_api_gateways_headers() -> None:
    from partner_apis.overlays.omnize_partner import OmnizeLoginError

    request = httpx.Request("POST", "https://abc.execute-api.us-east-1.amazonaws.com/prod/authentication")
    answer = httpx.Response(
        200, json={"message": "User not found", "status": 404}, headers={"x-amz-apigw-id": "Xy1=="}, request=request
    )
    answer.read()
    assert OmnizeLoginError(answer).request_id == "Xy1=="


# -- a vendor's error class that is also the status class -------------------------------------


class VendorError(ApiStatusError):
    """A vendor's failure (the test's)."""


class VendorNotFoundError(VendorError, NotFoundError):
    """404, declared with its own name and docs."""


class VendorCodeError(VendorError):
    """A vendor code with a class of its own, whatever status it comes with."""


def test_a_declared_vendor_status_class_is_the_one_raised_and_nothing_is_made_for_it() -> None:
    gc.disable()  # a class made and dropped would stay listed among the subclasses until collected
    try:
        before = VendorError.__subclasses__()
        for _ in range(3):
            assert type(vendor_error(VendorError, _response(404, json={"message": "no"}))) is VendorNotFoundError
        assert status_error_class(VendorError, NotFoundError) is VendorNotFoundError
        assert VendorError.__subclasses__() == before
    finally:
        gc.enable()


def test_any_other_pair_is_made_once_named_like_the_vendor_class_and_catchable_as_both() -> None:
    made = status_error_class(VendorCodeError, BadRequestError)
    assert status_error_class(VendorCodeError, BadRequestError) is made
    assert issubclass(made, VendorCodeError)
    assert issubclass(made, BadRequestError)
    assert (made.__name__, made.__qualname__, made.__module__) == (
        "VendorCodeError",
        VendorCodeError.__qualname__,
        __name__,
    )
    assert made.__doc__ == VendorCodeError.__doc__
    error = vendor_error(VendorCodeError, _response(400, json={"message": "bad"}))
    assert type(error) is made
    with pytest.raises(BadRequestError):
        raise made(_response(400))


def test_a_status_without_a_class_of_its_own_gives_the_vendor_class_itself() -> None:
    assert class_for_status(418) is ApiStatusError
    assert class_for_status(599) is ServerError
    assert status_error_class(VendorError, ApiStatusError) is VendorError
    assert type(vendor_error(VendorError, _response(418))) is VendorError
    assert vendor_error(VendorError, _response(200)) is None
