"""What a contract run may send (plan.py), the guard that enforces it in the run (hooks/guard.py), and token URLs.

No test name holds an API's name or key, so ``-k <api>`` still picks that API's runs.
"""

from __future__ import annotations

import pytest

from partner_apis.specs import ApiSpec, api_spec

from .hooks.guard import documented, fault_excuses, injected_fault, refuse_outside_plan
from .hooks.shared import plan_sends
from .plan import READ_METHODS, describe, plan, sign_in_operations, token_url
from .runner import LIVE_VARIABLE, SENT_VARIABLE
from .targets import TARGETS

# The sign-in operations of each shipped spec, as a reader of the specs finds them. The GET
# ones matter most: a read-only run would otherwise send them (a token in a query string,
# a revocation, a login status).
SIGN_INS = {
    "airvantage-partners": {"getToken", "getTokenByQuery", "expireToken"},
    "comm100-v3": {"getToken"},
    "comm100-v4": {"getToken"},
    "omnize-partner": {"loginPartner"},
    "omnize-partner-v2": set(),  # a partner token, and no login of any kind
    "portsip-dealers": {
        "getToken",
        "revokeToken",
        "login",
        "getLoginStatus",
        "signInWithCredentials",
        "refreshToken",
    },
}
API_IDS = [f"api{index}" for index in range(len(SIGN_INS))]  # no API key in a test id: `-k <api>` is for its runs


@pytest.mark.parametrize("api", sorted(SIGN_INS), ids=API_IDS)
def test_the_sign_in_operations_are_the_token_endpoints_and_the_url_login(api: str) -> None:
    assert {operation.operation_id for operation in sign_in_operations(api_spec(api))} == SIGN_INS[api]


def test_every_api_in_the_suite_is_pinned_here() -> None:
    assert set(TARGETS) <= set(SIGN_INS)


def _spec(**paths: object) -> ApiSpec:
    return ApiSpec("tiny", {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": paths})


def _operation(operation_id: str, **extra: object) -> dict[str, object]:
    return {"operationId": operation_id, "x-idempotent": True, "responses": {"200": {"description": "ok"}}, **extra}


def test_a_sign_in_is_known_by_its_tag_its_oauth_url_or_an_answer_that_is_a_credential() -> None:
    credential = {
        "200": {
            "description": "a login",
            "content": {
                "application/json": {"schema": {"type": "object", "properties": {"key": {"format": "password"}}}}
            },
        }
    }
    nested = {
        "200": {
            "description": "a record holding a secret",
            "content": {
                "application/json": {
                    "schema": {"properties": {"data": {"properties": {"token": {"format": "password"}}}}}
                }
            },
        }
    }
    spec = ApiSpec(
        "tiny",
        {
            "openapi": "3.1.0",
            "info": {"title": "t", "version": "1"},
            "components": {"securitySchemes": {"o": {"type": "oauth2", "flows": {"password": {"tokenUrl": "/sso"}}}}},
            "paths": {
                "/token": {"post": _operation("getToken", tags=["Auth"])},
                "/token/expire": {"get": _operation("expireToken", tags=["Auth"])},
                "/sso": {"get": _operation("ssoForm")},
                "/session": {"post": _operation("openSession", responses=credential)},
                "/things": {"get": _operation("listThings"), "post": _operation("createThing", responses=nested)},
            },
        },
    )
    found = [operation.operation_id for operation in sign_in_operations(spec)]
    assert found == ["getToken", "expireToken", "ssoForm", "openSession"]


@pytest.mark.parametrize("api", sorted(SIGN_INS), ids=API_IDS)
def test_read_only_sends_reads_and_no_sign_in_writes_add_the_rest_and_a_simulator_gets_all(api: str) -> None:
    spec = api_spec(api)
    every = {operation.operation_id for operation in spec}
    sign_in = SIGN_INS[api]
    reads = {operation.operation_id for operation in spec if operation.method in READ_METHODS} - sign_in
    read_only = plan(spec, live=True, allow_writes=False)
    assert read_only.operation_ids == reads
    assert read_only.read_only
    assert {operation.operation_id for operation in read_only.writes_left_out} == every - reads - sign_in
    assert plan(spec, live=True, allow_writes=True).operation_ids == every - sign_in
    assert plan(spec, live=False, allow_writes=True).operation_ids == every


def test_the_printed_plan_names_each_operation_sent_and_what_is_left_out() -> None:
    text = describe([plan(api_spec("comm100-v4"), live=True, allow_writes=False)])
    assert text.splitlines() == [
        "comm100-v4 (live, read-only): sends GET",
        "  GET    /global/sites  (listSites)",
        "  GET    /global/sites/{id}  (getSite)",
        "  never sent (sign-in): getToken",
        "  not sent (writes; --allow-writes sends them): createSite, updateSite, changeSiteStatus",
    ]


def test_the_token_url_is_the_one_given_else_under_the_named_url_and_the_vendors_only_for_the_vendor() -> None:
    v4, portsip = api_spec("comm100-v4"), api_spec("portsip-dealers")
    given = "https://sso.example.test/oauth/token"
    assert token_url(v4, "http://127.0.0.1:8123/v4", given) == given
    # Comm100 v4's token endpoint is on its own server: the vendor's only when the vendor is named.
    assert token_url(v4, "https://partnerapi.comm100.io/v4") == "https://partner.comm100.io/oauth/token"
    assert token_url(v4, "http://127.0.0.1:8123/v4") == "http://127.0.0.1:8123/oauth/token"
    assert token_url(v4, "https://staging.example.test/v4/") == "https://staging.example.test/oauth/token"
    assert (
        token_url(portsip, "https://pbx.example.test:8887/api") == "https://pbx.example.test:8887/api/login/oauth/token"
    )
    with pytest.raises(KeyError):
        token_url(api_spec("omnize-partner"), "http://127.0.0.1:1/api/v1")


# -- the guard and the fault filter (hooks/guard.py) ----------------------------------------------


def test_the_guard_refuses_an_operation_outside_the_plan_or_another_method() -> None:
    sent = {"listSites", "getSite"}
    refuse_outside_plan("listSites", "get", "GET", sent)  # in the plan: no error
    with pytest.raises(RuntimeError, match="does not send POST for createSite"):
        refuse_outside_plan("createSite", "POST", "POST", sent)
    with pytest.raises(RuntimeError, match="does not send TRACE for listSites"):
        refuse_outside_plan("listSites", "TRACE", "GET", sent)
    with pytest.raises(RuntimeError, match="an operation outside the spec"):
        refuse_outside_plan(None, "GET", "GET", sent)


def test_an_injected_fault_is_read_from_its_header() -> None:
    assert injected_fault({"X-Simulator-Fault": "http-503"}) == "http-503"
    assert injected_fault({"x-simulator-fault": ["reset"]}) == "reset"
    assert injected_fault({"content-type": "application/json"}) is None


def test_a_documented_status_is_its_code_its_range_or_default() -> None:
    assert documented({"200": {}, "429": {}}, 429)
    assert documented({"200": {}, "5XX": {}}, 503)
    assert documented({"default": {}}, 418)
    assert not documented({"200": {}, "400": {}}, 503)


@pytest.mark.parametrize(
    ("code", "fault", "status_documented", "excused"),
    [
        ("ST101", "http-500", False, True),  # a server error the fault made
        ("ST103", "http-503", False, True),  # an undocumented status the fault made
        ("ST202", "rate-limit", True, True),  # valid data "refused": by a documented 429
        ("ST108", "rate-limit", True, False),  # a documented 429 in the wrong shape stays a failure
        ("ST108", "http-502", False, True),  # an undocumented answer's body is the fault's
        ("ST108", None, False, False),  # no fault injected: every failure is the contract's
        ("ST101", None, True, False),
    ],
)
def test_a_failure_is_the_faults_only_on_an_injected_answer_and_never_a_documented_shape(
    code: str, fault: str | None, status_documented: bool, excused: bool
) -> None:
    assert fault_excuses(code, fault, status_documented) is excused


def test_a_check_asks_the_plan_before_sending_a_request_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SENT_VARIABLE, "listSites,getSite")
    monkeypatch.delenv(LIVE_VARIABLE, raising=False)
    assert plan_sends("createSite")  # a simulator run sends everything
    monkeypatch.setenv(LIVE_VARIABLE, "1")
    assert plan_sends("getSite")
    assert not plan_sends("createSite")
    assert not plan_sends("getToken")
