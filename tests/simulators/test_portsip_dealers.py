"""The PortSIP dealers simulator: installations, the dealer hierarchy, snowflake ids, tokens, the vendor's errors."""

from __future__ import annotations

import base64
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.testclient import TestClient

from partner_apis.simulators.portsip_dealers import (
    CLIENT_ID,
    DEFAULT_CREDENTIALS,
    EPOCH_MS,
    AdminCredential,
    PortsipDealersSimulator,
    SnowflakeIds,
    create_app,
    decode_id,
)
from partner_apis.testing import ManualClock

A, B = DEFAULT_CREDENTIALS
TOKEN = "/api/login/oauth/token"
DEALERS = "/api/dealers"
LIFETIME = 1800
# What every id the simulator makes looks like (base64, possibly padded); the spec puts no
# pattern on ids, as the vendor's own file does not.
ID_PATTERN = re.compile(r"[A-Za-z0-9+/]+={0,2}")
# 2026-11-25T00:00:00Z: the wall clock the ids are made from, fixed.
NOW_MS = 1_795_564_800_000


def _app(**options: Any) -> TestClient:
    return TestClient(create_app(**options))


@pytest.fixture
def api() -> TestClient:
    return _app()


def _sim(api: TestClient) -> PortsipDealersSimulator:
    simulator: PortsipDealersSimulator = api.app.state.simulator  # type: ignore[attr-defined]
    return simulator


def _password_grant(username: str, password: str, **extra: str) -> dict[str, str]:
    return {
        "grant_type": "password",
        "username": username,
        "password": password,
        "scope": "all",
        "client_id": CLIENT_ID,
        **extra,
    }


def _login(api: TestClient, username: str = A.username, password: str = A.password) -> dict[str, Any]:
    response = api.post(TOKEN, data=_password_grant(username, password))
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _auth(api: TestClient, username: str = A.username, password: str = A.password) -> dict[str, str]:
    return {"Authorization": f"Bearer {_login(api, username, password)['access_token']}"}


def _body(name: str, level: str = "RESELLER", **fields: Any) -> dict[str, Any]:
    return {
        "level": level,
        "name": name,
        "password": f"{name}-password",
        "max_tenants": 10,
        "max_extensions": 100,
        **fields,
    }


def _create(api: TestClient, auth: dict[str, str], name: str, level: str = "RESELLER", **fields: Any) -> str:
    response = api.post(DEALERS, json=_body(name, level, **fields), headers=auth)
    assert response.status_code == 201, response.text
    dealer_id: str = response.json()["id"]
    return dealer_id


def _dealer_auth(api: TestClient, name: str) -> dict[str, str]:
    return _auth(api, name, f"{name}-password")


def _listed(api: TestClient, auth: dict[str, str], **params: Any) -> list[str]:
    response = api.get(DEALERS, params=params, headers=auth)
    assert response.status_code == 200, response.text
    return [dealer["name"] for dealer in response.json()["items"]]


def _error(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"errors"}, body
    assert len(body["errors"]) == 1
    item: dict[str, Any] = body["errors"][0]
    assert re.fullmatch(r"[A-Z][A-Z0-9_]*", item["code"])
    assert isinstance(item["message"], str)
    return item


# -- the token endpoint -----------------------------------------------------------------------


def test_the_password_grant_answers_the_authentication_pages_token_shape(api: TestClient) -> None:
    response = api.post(TOKEN, data=_password_grant(A.username, A.password))
    assert response.status_code == 200
    answer = response.json()
    assert set(answer) == {"access_token", "expires_in", "refresh_token", "token_type"}
    assert answer["token_type"] == "Bearer"
    assert answer["expires_in"] == LIFETIME
    assert response.headers["cache-control"] == "no-store"


def test_a_refused_login_is_400_unauthorized_as_the_authentication_page_shows(api: TestClient) -> None:
    _create(api, _auth(api), "acme")
    for username, password in ((A.username, "wrong"), ("nobody", A.password), ("acme", "wrong")):
        response = api.post(TOKEN, data=_password_grant(username, password))
        assert response.status_code == 400
        assert _error(response) == {"code": "UNAUTHORIZED", "message": "Login failed, authentication error"}


def test_a_tenant_users_login_with_a_domain_is_refused_as_no_tenants_are_simulated(api: TestClient) -> None:
    response = api.post(TOKEN, data=_password_grant(A.username, A.password, domain="tenant.example.com"))
    assert response.status_code == 400
    assert _error(response)["code"] == "UNAUTHORIZED"


def test_the_fixed_client_id_and_scope_are_required(api: TestClient) -> None:
    for form in (
        {**_password_grant(A.username, A.password), "client_id": "another-client"},
        {key: value for key, value in _password_grant(A.username, A.password).items() if key != "client_id"},
        {**_password_grant(A.username, A.password), "scope": "read"},
    ):
        response = api.post(TOKEN, data=form)
        assert response.status_code == 400
        assert _error(response)["code"] == "VALIDATE_FAILED"


def test_a_refresh_token_works_once_and_rotates_and_a_spent_one_is_unknown(api: TestClient) -> None:
    first = _login(api)
    refresh = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"], "client_id": CLIENT_ID}
    renewed = api.post(TOKEN, data=refresh)
    assert renewed.status_code == 200
    assert renewed.json()["refresh_token"] != first["refresh_token"]
    again = api.post(TOKEN, data=refresh)
    assert again.status_code == 400
    assert _error(again) == {"code": "UNKNOWN", "message": "unknown error"}
    listed = api.get(DEALERS, headers={"Authorization": f"Bearer {renewed.json()['access_token']}"})
    assert listed.status_code == 200


def test_access_tokens_expire_after_the_configured_lifetime_and_refresh_tokens_too() -> None:
    clock = ManualClock()
    api = _app(token_lifetime=60, refresh_token_lifetime=600, clock=clock)
    answer = _login(api)
    assert answer["expires_in"] == 60
    auth = {"Authorization": f"Bearer {answer['access_token']}"}
    clock.advance(59)
    assert api.get(DEALERS, headers=auth).status_code == 200
    clock.advance(1)  # now 60
    expired = api.get(DEALERS, headers=auth)
    assert expired.status_code == 401
    assert _error(expired)["code"] == "UNAUTHORIZED"
    clock.advance(540)  # now 600
    refresh = {"grant_type": "refresh_token", "refresh_token": answer["refresh_token"], "client_id": CLIENT_ID}
    assert api.post(TOKEN, data=refresh).status_code == 400


def test_dealer_calls_without_a_live_token_are_401_in_the_vendors_shape(api: TestClient) -> None:
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic YWRtaW46YWRtaW4="}):
        response = api.get(DEALERS, headers=headers)
        assert response.status_code == 401
        assert _error(response)["code"] == "UNAUTHORIZED"
        assert response.headers["www-authenticate"] == "Bearer"


def test_the_token_url_takes_only_post_and_unknown_paths_answer_in_the_vendors_shape(api: TestClient) -> None:
    response = api.get(TOKEN)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert _error(response)["code"] == "METHOD_NOT_ALLOWED"
    missing = api.get("/api/nowhere")
    assert missing.status_code == 404
    assert _error(missing)["code"] == "NOT_FOUND"


# -- ids -------------------------------------------------------------------------------------


def test_ids_are_base64_of_a_decimal_snowflake_from_2018_with_the_installations_worker() -> None:
    api = _app(id_clock=lambda: NOW_MS / 1000)
    first = _create(api, _auth(api), "first")
    second = _create(api, _auth(api, B.username, B.password), "second")
    for dealer_id in (first, second):
        assert ID_PATTERN.fullmatch(dealer_id)
        assert base64.b64decode(dealer_id).decode().isdigit()
    assert decode_id(first) == (NOW_MS - EPOCH_MS, 1, 0)
    assert decode_id(second) == (NOW_MS - EPOCH_MS, 2, 0)  # installation 1: worker 2
    # Today's snowflakes have 19 digits: base64 keeps its padding.
    assert len(first) == 28
    assert first.endswith("==")


def test_the_vendors_sample_id_decodes_the_same_way() -> None:
    assert base64.b64decode("NzAwNTUxOTA5NzczMTQ4MTYw") == b"700551909773148160"
    milliseconds, worker, sequence = decode_id("NzAwNTUxOTA5NzczMTQ4MTYw")
    assert milliseconds == 700551909773148160 >> 22
    assert (worker, sequence) == (0, 0)


def test_ids_made_in_one_millisecond_stay_unique_past_4096_by_borrowing_the_next_one() -> None:
    ids = SnowflakeIds(worker=1, clock=lambda: NOW_MS / 1000)
    made = [ids.next_id() for _ in range(5000)]
    assert len(set(made)) == 5000
    decoded = [decode_id(dealer_id) for dealer_id in made]
    assert decoded[4095] == (NOW_MS - EPOCH_MS, 1, 4095)
    assert decoded[4096] == (NOW_MS - EPOCH_MS + 1, 1, 0)


def test_ids_never_repeat_when_the_clock_steps_back() -> None:
    readings = iter([NOW_MS / 1000, (NOW_MS - 5000) / 1000, NOW_MS / 1000])
    ids = SnowflakeIds(worker=1, clock=lambda: next(readings))
    made = [ids.next_number() for _ in range(3)]
    assert made == sorted(set(made))


def test_ids_are_unique_under_concurrency() -> None:
    ids = SnowflakeIds(worker=1)
    with ThreadPoolExecutor(16) as pool:
        made = [
            dealer_id
            for batch in pool.map(lambda _: [ids.next_id() for _ in range(500)], range(16))
            for dealer_id in batch
        ]
    assert len(set(made)) == 16 * 500


def test_an_unknown_id_of_any_form_is_404(api: TestClient) -> None:
    # The vendor's file types the id as a plain string: no form of id is refused as malformed.
    auth = _auth(api)
    for unknown_id in ("NzAwNTUxOTA5NzczMTQ4MTYw", "not-an-id!"):
        unknown = api.get(f"{DEALERS}/{unknown_id}", headers=auth)
        assert unknown.status_code == 404
        assert _error(unknown) == {"code": "NOT_FOUND", "message": "dealer not found"}


# -- create, read, update, password, destroy --------------------------------------------------


def test_create_answers_201_with_the_id_only_and_get_leaves_blank_fields_out(api: TestClient) -> None:
    auth = _auth(api)
    response = api.post(DEALERS, json=_body("acme", "DISTRIBUTOR", email="example@example.com"), headers=auth)
    assert response.status_code == 201
    assert set(response.json()) == {"id"}
    dealer = api.get(f"{DEALERS}/{response.json()['id']}", headers=auth).json()
    assert dealer == {
        "id": response.json()["id"],
        "enabled": True,
        "level": "DISTRIBUTOR",
        "name": "acme",
        "email": "example@example.com",
        "max_tenants": 10,
        "max_extensions": 100,
        "tenant_full_access": True,
    }


def test_the_password_is_never_answered(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme")
    api.post(f"{DEALERS}/{dealer_id}/password", json={"password": "brand-new-secret"}, headers=auth)
    answers = [
        api.get(f"{DEALERS}/{dealer_id}", headers=auth),
        api.get(DEALERS, headers=auth),
        api.post(f"{DEALERS}/{dealer_id}", json={"password": "brand-new-secret"}, headers=auth),
        api.post(DEALERS, json=_body("acme", password="brand-new-secret"), headers=auth),
        api.post(TOKEN, data=_password_grant("acme", "brand-new-secret", client_id="x")),
        api.post(TOKEN, content=b"brand-new-secret", headers={"Content-Type": "application/x-www-form-urlencoded"}),
    ]
    for answer in answers:
        assert "brand-new-secret" not in answer.text
        assert "acme-password" not in answer.text
    assert "password" not in answers[0].json()
    assert all("password" not in dealer for dealer in answers[1].json()["items"])


def test_a_lone_surrogate_in_a_field_is_kept_and_answered_never_a_5xx(api: TestClient) -> None:
    auth = {**_auth(api), "Content-Type": "application/json"}
    body = json.dumps(_body("acme", display_name="\ud800 café")).encode("ascii")  # JSON's "\ud800" escape
    created = api.post(DEALERS, content=body, headers=auth)
    assert created.status_code == 201
    dealer = api.get(f"{DEALERS}/{created.json()['id']}", headers=auth)
    assert dealer.status_code == 200
    assert dealer.json()["display_name"] == "\ud800 café"
    assert api.get(DEALERS, headers=auth).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["admin", "Admin", "ADMINISTRATOR", "System", "rOOt", ".acme", "acme.", "ac me", "acme@x", "a" * 65, ""],
)
def test_names_break_the_documented_rules_are_refused(api: TestClient, name: str) -> None:
    response = api.post(DEALERS, json=_body(name), headers=_auth(api))
    assert response.status_code == 400
    error = _error(response)
    assert error["code"] == "VALIDATE_FAILED"
    assert error["message"] == "field validation failed"
    assert error["detail"]["field"] == "name"


@pytest.mark.parametrize("name", ["a", "o'brien", "acme.sales", "a-b_c", "Root2", "x" * 64])
def test_names_within_the_rules_are_accepted(api: TestClient, name: str) -> None:
    assert api.post(DEALERS, json=_body(name), headers=_auth(api)).status_code == 201


def test_a_reserved_name_refusal_says_so(api: TestClient) -> None:
    problems = _error(api.post(DEALERS, json=_body("ROOT"), headers=_auth(api)))["detail"]["problems"]
    assert problems == [
        {"field": "name", "message": "is a reserved name (admin, system, administrator and root, in any case)"}
    ]


def test_duplicate_names_are_refused_ignoring_case_and_freed_by_destroy(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "Acme")
    duplicate = api.post(DEALERS, json=_body("aCME", "DISTRIBUTOR"), headers=auth)
    assert duplicate.status_code == 409
    assert _error(duplicate) == {"code": "ALREADY_EXISTS", "message": "the name is already in use"}
    assert api.post(f"{DEALERS}/{dealer_id}/destroy", headers=auth).status_code == 204
    assert api.post(DEALERS, json=_body("aCME"), headers=auth).status_code == 201


def test_create_requires_the_limits_despite_their_defaults(api: TestClient) -> None:
    body = {key: value for key, value in _body("acme").items() if key != "max_tenants"}
    response = api.post(DEALERS, json=body, headers=_auth(api))
    assert response.status_code == 400
    assert _error(response)["detail"]["problems"] == [
        {"field": "body", "message": '"max_tenants" is a required property'}
    ]
    assert api.post(DEALERS, json=_body("acme", max_extensions=-1), headers=_auth(api)).status_code == 400


def test_update_answers_200_with_no_body_and_keeps_what_it_leaves_out(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme", display_name="Acme", phone="123")
    response = api.post(f"{DEALERS}/{dealer_id}", json={"display_name": "Acme Ltd", "enabled": False}, headers=auth)
    assert response.status_code == 200
    assert response.content == b""
    dealer = api.get(f"{DEALERS}/{dealer_id}", headers=auth).json()
    assert (dealer["display_name"], dealer["enabled"], dealer["phone"], dealer["max_tenants"]) == (
        "Acme Ltd",
        False,
        "123",
        10,
    )


@pytest.mark.parametrize("field", [{"name": "other"}, {"level": "DISTRIBUTOR"}, {"password": "x"}])
def test_update_ignores_name_level_and_password(api: TestClient, field: dict[str, str]) -> None:
    # The vendor's update body lacks them and bans nothing: they are ignored, the rest applies.
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme")
    response = api.post(f"{DEALERS}/{dealer_id}", json={"display_name": "x", **field}, headers=auth)
    assert (response.status_code, response.content) == (200, b"")
    dealer = api.get(f"{DEALERS}/{dealer_id}", headers=auth).json()
    assert (dealer["display_name"], dealer["name"], dealer["level"]) == ("x", "acme", "RESELLER")
    assert api.post(TOKEN, data=_password_grant("acme", "acme-password")).status_code == 200


def test_a_password_body_without_a_password_changes_nothing(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme")
    response = api.post(f"{DEALERS}/{dealer_id}/password", json={}, headers=auth)
    assert (response.status_code, response.content) == (200, b"")
    assert api.post(TOKEN, data=_password_grant("acme", "acme-password")).status_code == 200


def test_set_password_answers_200_with_no_body_and_only_the_new_password_signs_in(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme")
    response = api.post(f"{DEALERS}/{dealer_id}/password", json={"password": "new-secret"}, headers=auth)
    assert (response.status_code, response.content) == (200, b"")
    assert api.post(TOKEN, data=_password_grant("acme", "acme-password")).status_code == 400
    assert api.post(TOKEN, data=_password_grant("ACME", "new-secret")).status_code == 200


def test_destroy_answers_204_and_the_dealer_is_gone_for_every_operation_and_its_token(api: TestClient) -> None:
    auth = _auth(api)
    dealer_id = _create(api, auth, "acme", "SUB_DISTRIBUTOR")
    dealer_auth = _dealer_auth(api, "acme")
    response = api.post(f"{DEALERS}/{dealer_id}/destroy", headers=auth)
    assert (response.status_code, response.content) == (204, b"")
    for method, path, body in (
        ("GET", "", None),
        ("POST", "", {"display_name": "x"}),
        ("POST", "/password", {"password": "x"}),
        ("POST", "/destroy", None),
    ):
        gone = api.request(method, f"{DEALERS}/{dealer_id}{path}", json=body, headers=auth)
        assert gone.status_code == 404, (method, path)
        assert _error(gone)["code"] == "NOT_FOUND"
    assert dealer_id not in [dealer["id"] for dealer in api.get(DEALERS, headers=auth).json()["items"]]
    assert api.get(DEALERS, headers=dealer_auth).status_code == 401


def test_a_destroyed_dealers_own_dealers_move_up_to_the_dealer_above_it(api: TestClient) -> None:
    admin = _auth(api)
    _create(api, admin, "dist", "DISTRIBUTOR")
    dist = _dealer_auth(api, "dist")
    sub_id = _create(api, dist, "sub", "SUB_DISTRIBUTOR")
    reseller_id = _create(api, _dealer_auth(api, "sub"), "reseller")
    assert api.post(f"{DEALERS}/{sub_id}/destroy", headers=dist).status_code == 204
    assert _listed(api, dist) == ["reseller"]
    assert api.get(f"{DEALERS}/{reseller_id}", headers=dist).status_code == 200


def test_a_disabled_dealer_cannot_sign_in_and_its_token_stops_working(api: TestClient) -> None:
    admin = _auth(api)
    dealer_id = _create(api, admin, "acme", "DISTRIBUTOR")
    dealer_auth = _dealer_auth(api, "acme")
    api.post(f"{DEALERS}/{dealer_id}", json={"enabled": False}, headers=admin)
    assert api.get(DEALERS, headers=dealer_auth).status_code == 401
    assert api.post(TOKEN, data=_password_grant("acme", "acme-password")).status_code == 400


# -- the hierarchy ----------------------------------------------------------------------------


def test_the_administrator_creates_every_level(api: TestClient) -> None:
    auth = _auth(api)
    for level in ("DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"):
        _create(api, auth, level.lower(), level)


@pytest.mark.parametrize(
    ("creator", "allowed", "refused"),
    [
        ("DISTRIBUTOR", ["SUB_DISTRIBUTOR", "RESELLER"], ["DISTRIBUTOR"]),
        ("SUB_DISTRIBUTOR", ["RESELLER"], ["DISTRIBUTOR", "SUB_DISTRIBUTOR"]),
        ("RESELLER", [], ["DISTRIBUTOR", "SUB_DISTRIBUTOR", "RESELLER"]),
    ],
)
def test_a_dealer_creates_only_levels_below_its_own(
    api: TestClient, creator: str, allowed: list[str], refused: list[str]
) -> None:
    _create(api, _auth(api), "creator", creator)
    auth = _dealer_auth(api, "creator")
    for level in allowed:
        _create(api, auth, f"made-{level.lower()}", level)
    for level in refused:
        response = api.post(DEALERS, json=_body(f"refused-{level.lower()}", level), headers=auth)
        assert response.status_code == 403
        assert _error(response) == {"code": "FORBIDDEN", "message": "a dealer can only manage the levels below it"}


def _two_branches(api: TestClient) -> dict[str, str]:
    """Two distributors, each with a sub-distributor and a reseller below it; their ids by name."""
    admin = _auth(api)
    ids = {}
    for branch in ("east", "west"):
        ids[branch] = _create(api, admin, branch, "DISTRIBUTOR")
        ids[f"{branch}-sub"] = _create(api, _dealer_auth(api, branch), f"{branch}-sub", "SUB_DISTRIBUTOR")
        ids[f"{branch}-reseller"] = _create(api, _dealer_auth(api, f"{branch}-sub"), f"{branch}-reseller")
    return ids


def test_a_dealer_sees_only_the_dealers_below_it_in_its_branch(api: TestClient) -> None:
    _two_branches(api)
    assert _listed(api, _dealer_auth(api, "east")) == ["east-sub", "east-reseller"]
    assert _listed(api, _dealer_auth(api, "east-sub")) == ["east-reseller"]
    assert _listed(api, _dealer_auth(api, "east-reseller")) == []
    assert api.get(DEALERS, headers=_dealer_auth(api, "east")).json()["count"] == 2
    assert len(_listed(api, _auth(api))) == 6


def test_branches_of_the_hierarchy_are_isolated(api: TestClient) -> None:
    ids = _two_branches(api)
    admin = _auth(api)
    before = {name: api.get(f"{DEALERS}/{dealer_id}", headers=admin).json() for name, dealer_id in ids.items()}
    for caller in ("east", "east-sub"):
        auth = _dealer_auth(api, caller)
        for target in ("west", "west-sub", "west-reseller", "east" if caller == "east-sub" else "west"):
            dealer_id = ids[target]
            for method, path, body in (
                ("GET", "", None),
                ("POST", "", {"display_name": "taken over"}),
                ("POST", "/password", {"password": "taken-over"}),
                ("POST", "/destroy", None),
            ):
                response = api.request(method, f"{DEALERS}/{dealer_id}{path}", json=body, headers=auth)
                assert response.status_code == 404, (caller, target, method, path)
                assert _error(response) == {"code": "NOT_FOUND", "message": "dealer not found"}
                assert target not in response.text
    # Nothing changed, and the west branch still signs in with its own passwords.
    assert {name: api.get(f"{DEALERS}/{dealer_id}", headers=admin).json() for name, dealer_id in ids.items()} == before
    assert _listed(api, _dealer_auth(api, "west")) == ["west-sub", "west-reseller"]


def test_a_dealer_manages_the_whole_branch_below_it(api: TestClient) -> None:
    ids = _two_branches(api)
    east = _dealer_auth(api, "east")
    reseller = f"{DEALERS}/{ids['east-reseller']}"
    assert api.post(reseller, json={"max_tenants": 3}, headers=east).status_code == 200
    assert api.get(reseller, headers=east).json()["max_tenants"] == 3
    assert api.post(f"{reseller}/destroy", headers=east).status_code == 204


def test_a_dealers_own_record_is_403_through_dealers_id(api: TestClient) -> None:
    dealer_id = _create(api, _auth(api), "acme", "DISTRIBUTOR")
    response = api.get(f"{DEALERS}/{dealer_id}", headers=_dealer_auth(api, "acme"))
    assert response.status_code == 403
    assert _error(response)["code"] == "FORBIDDEN"


def test_tenant_full_access_takes_effect_only_from_the_administrator_or_a_distributor(api: TestClient) -> None:
    _create(api, _auth(api), "dist", "DISTRIBUTOR")
    dist = _dealer_auth(api, "dist")
    _create(api, dist, "sub", "SUB_DISTRIBUTOR")
    sub = _dealer_auth(api, "sub")
    by_sub = _create(api, sub, "by-sub", tenant_full_access=False)
    assert api.get(f"{DEALERS}/{by_sub}", headers=dist).json()["tenant_full_access"] is True
    api.post(f"{DEALERS}/{by_sub}", json={"tenant_full_access": False}, headers=sub)
    assert api.get(f"{DEALERS}/{by_sub}", headers=dist).json()["tenant_full_access"] is True
    api.post(f"{DEALERS}/{by_sub}", json={"tenant_full_access": False}, headers=dist)
    assert api.get(f"{DEALERS}/{by_sub}", headers=dist).json()["tenant_full_access"] is False


# -- installations ----------------------------------------------------------------------------


def test_installations_share_nothing_and_the_token_names_the_installation(api: TestClient) -> None:
    a, b = _auth(api), _auth(api, B.username, B.password)
    dealer_id = _create(api, a, "acme", "DISTRIBUTOR", email="owner@example.com")
    assert _create(api, b, "acme", "DISTRIBUTOR") != dealer_id  # the same name is free in another PBX
    for method, path, body in (
        ("GET", "", None),
        ("POST", "", {"display_name": "x"}),
        ("POST", "/password", {"password": "x"}),
        ("POST", "/destroy", None),
    ):
        response = api.request(method, f"{DEALERS}/{dealer_id}{path}", json=body, headers=b)
        assert response.status_code == 404
        assert "owner@example.com" not in response.text
    assert api.get(DEALERS, headers=b).json()["count"] == 1
    assert api.get(f"{DEALERS}/{dealer_id}", headers=a).json()["email"] == "owner@example.com"
    assert (len(_sim(api).installation(0)), len(_sim(api).installation(1))) == (1, 1)


def test_each_installation_has_its_own_administrator_login(api: TestClient) -> None:
    assert (A.username, B.username) == ("admin", "admin")
    assert A.password != B.password
    assert api.post(TOKEN, data=_password_grant(A.username, B.password + "x")).status_code == 400
    assert A.password not in repr(A)


def test_a_login_that_fits_two_installations_is_refused_not_guessed(api: TestClient) -> None:
    _create(api, _auth(api), "twin")
    _create(api, _auth(api, B.username, B.password), "twin")
    assert api.post(TOKEN, data=_password_grant("twin", "twin-password")).status_code == 400


def test_the_number_of_installations_is_an_option() -> None:
    api = _app(installations=3)
    assert len(_sim(api).credentials) == 3
    _auth(api, "admin", _sim(api).credentials[2].password)
    custom = _app(credentials=[AdminCredential("operator", "op-secret", 0)])
    _auth(custom, "operator", "op-secret")
    assert (
        custom.post(DEALERS, json=_body("Operator"), headers=_auth(custom, "operator", "op-secret")).status_code == 409
    )
    with pytest.raises(ValueError, match="2 installations but 1"):
        create_app(credentials=[AdminCredential("operator", "op-secret", 0)], installations=2)


# -- list options -----------------------------------------------------------------------------


@pytest.fixture
def listed_api(api: TestClient) -> TestClient:
    auth = _auth(api)
    _create(api, auth, "alpha", "DISTRIBUTOR", max_tenants=5, email="a@example.com")
    _create(api, auth, "bravo", "RESELLER", max_tenants=50, display_name="Bravo O'Neil")
    _create(api, auth, "charlie", "SUB_DISTRIBUTOR", max_tenants=20, enabled=False)
    _create(api, auth, "delta", "RESELLER", max_tenants=20, email="d@example.com")
    return api


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ({}, ["alpha", "bravo", "charlie", "delta"]),
        ({"filter": "level eq 'RESELLER'"}, ["bravo", "delta"]),
        ({"filter": "email ne null"}, ["alpha", "delta"]),
        ({"filter": "email eq null"}, ["bravo", "charlie"]),
        ({"filter": "max_tenants ge 20 and enabled eq true"}, ["bravo", "delta"]),
        ({"filter": "startswith(name,'a') or endswith(name,'ie') and max_tenants lt 30"}, ["alpha", "charlie"]),
        ({"filter": "contains(display_name,'O''Neil')"}, ["bravo"]),
        ({"filter": "max_tenants eq '5'"}, []),
        ({"search": "EXAMPLE.com"}, ["alpha", "delta"]),
        ({"search": "bravo neil"}, ["bravo"]),
        ({"orderby": "max_tenants desc, name"}, ["bravo", "charlie", "delta", "alpha"]),
        ({"orderby": "email asc, name desc"}, ["charlie", "bravo", "alpha", "delta"]),
    ],
)
def test_list_filters_searches_and_orders_as_about_md_describes(
    listed_api: TestClient, query: dict[str, str], names: list[str]
) -> None:
    assert _listed(listed_api, _auth(listed_api), **query) == names


def test_list_counts_every_match_and_pages_with_skip_and_top(listed_api: TestClient) -> None:
    response = listed_api.get(DEALERS, params={"skip": 1, "top": 2, "orderby": "name"}, headers=_auth(listed_api))
    assert response.json()["count"] == 4
    assert [dealer["name"] for dealer in response.json()["items"]] == ["bravo", "charlie"]
    assert _listed(listed_api, _auth(listed_api), skip=10) == []


@pytest.mark.parametrize(
    "query", [{"filter": "name eq"}, {"filter": "password eq 'x'"}, {"orderby": "password"}, {"top": 0}, {"top": 101}]
)
def test_malformed_list_options_are_400(api: TestClient, query: dict[str, Any]) -> None:
    response = api.get(DEALERS, params=query, headers=_auth(api))
    assert response.status_code == 400
    assert _error(response)["code"] == "VALIDATE_FAILED"


# -- concurrency ------------------------------------------------------------------------------


def test_concurrent_creates_in_one_installation_keep_every_dealer_with_unique_ids() -> None:
    simulator = PortsipDealersSimulator()
    installation = simulator.installation(0)
    start = threading.Barrier(8)

    def creates(thread: int) -> list[str]:
        start.wait()
        return [installation.create(None, _body(f"d{thread}-{n}")).id for n in range(200)]

    with ThreadPoolExecutor(8) as pool:
        made: list[str] = [dealer_id for batch in pool.map(creates, range(8)) for dealer_id in batch]
    assert len(set(made)) == len(made) == len(installation) == 1600
