"""The Comm100 v4 simulator: stateful sites per partner, the vendor's auth, validation and quirks."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from partner_apis.simulators.comm100_v4 import DEFAULT_CREDENTIALS, TOKEN_PATH, Comm100V4Simulator, create_app
from partner_apis.testing import ManualClock

A, B, READ_ONLY = (f"Bearer {credential.token}" for credential in DEFAULT_CREDENTIALS)
LOGIN_A, LOGIN_B, LOGIN_READ_ONLY = DEFAULT_CREDENTIALS
SITES = "/v4/global/sites"
NEW_SITE = {"platformId": 100, "email": "owner@example.com", "password": "12345", "planId": 233}
UPDATE = {"firstName": "Jason", "lastName": "Statham", "company": "Comm100", "companySize": "101-180"}


@pytest.fixture
def api() -> TestClient:
    return TestClient(create_app())


def _create(api: TestClient, auth: str = A, **fields: Any) -> int:
    response = api.post(SITES, json={**NEW_SITE, **fields}, headers={"Authorization": auth})
    assert response.status_code == 200, response.text
    site_id: int = response.json()["siteId"]
    return site_id


def test_create_answers_a_receipt_not_a_site(api: TestClient) -> None:
    response = api.post(SITES, json={**NEW_SITE, "externalId": "E-1"}, headers={"Authorization": A})
    assert response.json() == {"siteId": 10001, "email": "owner@example.com", "externalId": "E-1"}


def test_a_created_site_is_listed_fetched_updated_and_status_changed(api: TestClient) -> None:
    site_id = _create(api, externalId="E-1", company="Old")
    assert [site["id"] for site in api.get(SITES, headers={"Authorization": A}).json()] == [site_id]
    site = api.get(f"{SITES}/{site_id}", headers={"Authorization": A}).json()
    assert site["status"] == "Open"
    assert site["partnerId"] == 10000
    updated = api.put(f"{SITES}/{site_id}", json={**UPDATE, "city": "Vancouver"}, headers={"Authorization": A}).json()
    assert updated["company"] == "Comm100"
    assert updated["city"] == "Vancouver"
    assert updated["externalId"] == "E-1"  # fields left out keep their value
    changed = api.post(f"{SITES}/{site_id}:changeSiteStatus", json={"status": "Closed"}, headers={"Authorization": A})
    assert changed.json()["status"] == "Closed"
    assert api.get(f"{SITES}/{site_id}", headers={"Authorization": A}).json()["status"] == "Closed"


def test_the_colon_action_path_is_not_swallowed_by_the_site_route(api: TestClient) -> None:
    site_id = _create(api)
    response = api.post(
        f"{SITES}/{site_id}:changeSiteStatus", json={"status": "Suspended"}, headers={"Authorization": A}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "Suspended"
    assert api.get(f"{SITES}/{site_id}:changeSiteStatus", headers={"Authorization": A}).status_code == 405


@pytest.mark.parametrize("spelling", ["open", "OPEN", "oPeN", "Open"])
def test_the_status_is_accepted_in_any_letter_case_and_stored_as_documented(api: TestClient, spelling: str) -> None:
    site_id = _create(api)
    api.post(f"{SITES}/{site_id}:changeSiteStatus", json={"status": "Suspended"}, headers={"Authorization": A})
    response = api.post(f"{SITES}/{site_id}:changeSiteStatus", json={"status": spelling}, headers={"Authorization": A})
    assert response.status_code == 200
    assert response.json()["status"] == "Open"


@pytest.mark.parametrize("status", ["Purged", "deleted", ""])
def test_a_status_that_cannot_be_set_is_refused(api: TestClient, status: str) -> None:
    site_id = _create(api)
    response = api.post(f"{SITES}/{site_id}:changeSiteStatus", json={"status": status}, headers={"Authorization": A})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body.status"


def test_filters_narrow_the_list(api: TestClient) -> None:
    first = _create(api, externalId="E-1", platformId=100, email="one@example.com")
    second = _create(api, externalId="E-2", platformId=200, email="two@example.com")
    api.post(f"{SITES}/{second}:changeSiteStatus", json={"status": "Suspended"}, headers={"Authorization": A})

    def ids(query: str) -> list[int]:
        return [site["id"] for site in api.get(f"{SITES}?{query}", headers={"Authorization": A}).json()]

    assert ids("externalId=E-2") == [second]
    assert ids("platformId=100") == [first]
    assert ids("status=suspended") == [second]
    assert ids("status=Open") == [first]
    assert ids("email=TWO@example.com") == [second]
    assert ids("email=nobody@example.com") == []


def test_another_partners_site_is_not_found_and_never_listed(api: TestClient) -> None:
    site_id = _create(api, auth=A)
    for method, path, body in [
        ("GET", f"{SITES}/{site_id}", None),
        ("PUT", f"{SITES}/{site_id}", UPDATE),
        ("POST", f"{SITES}/{site_id}:changeSiteStatus", {"status": "Closed"}),
    ]:
        response = api.request(method, path, json=body, headers={"Authorization": B})
        assert response.status_code == 404, (method, path)
        assert "id" not in response.json()
    assert api.get(SITES, headers={"Authorization": B}).json() == []
    assert api.get(f"{SITES}/{site_id}", headers={"Authorization": A}).json()["status"] == "Open"


def test_an_unknown_id_is_404(api: TestClient) -> None:
    response = api.get(f"{SITES}/99999", headers={"Authorization": A})
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "site 99999 not found"}


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic abc", "Bearer "])
def test_a_missing_or_wrong_token_is_401(api: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = api.get(SITES, headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_a_token_without_manage_site_is_403(api: TestClient) -> None:
    assert api.get(SITES, headers={"Authorization": READ_ONLY}).status_code == 403


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("companySize", "7-12"),
        ("datetimeFormat", "YYYY.MM.DD"),
        ("languageId", "fr"),
        ("industry", "Piracy"),
        ("isDeleted", "maybe"),
    ],
)
def test_update_enforces_the_documented_value_sets(api: TestClient, field: str, value: str) -> None:
    site_id = _create(api)
    response = api.put(f"{SITES}/{site_id}", json={**UPDATE, field: value}, headers={"Authorization": A})
    assert response.status_code == 400
    assert [problem["field"] for problem in response.json()["errors"]] == [f"body.{field}"]


@pytest.mark.parametrize("missing", sorted(UPDATE))
def test_update_requires_names_company_and_size(api: TestClient, missing: str) -> None:
    site_id = _create(api)
    body = {name: value for name, value in UPDATE.items() if name != missing}
    response = api.put(f"{SITES}/{site_id}", json=body, headers={"Authorization": A})
    assert response.status_code == 400
    assert missing in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("missing", ["platformId", "email", "password", "planId"])
def test_create_requires_platform_email_password_and_plan(api: TestClient, missing: str) -> None:
    body = {name: value for name, value in NEW_SITE.items() if name != missing}
    assert api.post(SITES, json=body, headers={"Authorization": A}).status_code == 400


def test_is_deleted_arrives_as_text_or_boolean_and_is_stored_as_boolean(api: TestClient) -> None:
    site_id = _create(api)
    text = api.put(f"{SITES}/{site_id}", json={**UPDATE, "isDeleted": "true"}, headers={"Authorization": A})
    assert text.json()["isDeleted"] is True
    flag = api.put(f"{SITES}/{site_id}", json={**UPDATE, "isDeleted": False}, headers={"Authorization": A})
    assert flag.json()["isDeleted"] is False


def test_update_cannot_move_a_site_to_another_partner(api: TestClient) -> None:
    site_id = _create(api)
    response = api.put(f"{SITES}/{site_id}", json={**UPDATE, "partnerId": 20000}, headers={"Authorization": A})
    assert response.status_code == 403
    assert api.get(SITES, headers={"Authorization": B}).json() == []


@pytest.mark.parametrize(
    "raw",
    [b"{", b"[]", b'"text"', b"null", b"\xff\xfe", b'{"status": 1}'],
)
def test_malformed_bodies_are_400_never_500(api: TestClient, raw: bytes) -> None:
    site_id = _create(api)
    response = api.post(f"{SITES}/{site_id}:changeSiteStatus", content=raw, headers={"Authorization": A})
    assert response.status_code == 400
    assert "message" in response.json()


def test_a_body_without_a_json_content_type_is_read_as_the_docs_curl_samples_send_it(api: TestClient) -> None:
    site_id = _create(api)
    response = api.post(
        f"{SITES}/{site_id}:changeSiteStatus",
        content=b'{"status":"open"}',
        headers={"Authorization": A, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize("site_id", ["abc", "0", "-5", "99999999999999999999999", "1.5"])
def test_a_malformed_site_id_is_400(api: TestClient, site_id: str) -> None:
    response = api.get(f"{SITES}/{site_id}", headers={"Authorization": A})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "path.id"


# -- the token endpoint -------------------------------------------------------------------------


def _password_form(login: Any = LOGIN_A, **changes: str) -> dict[str, str]:
    form = {"client_id": login.client_id, "grant_type": "password", "email": login.email, "password": login.password}
    return {**form, **changes}


def _login(api: TestClient, login: Any = LOGIN_A) -> dict[str, Any]:
    response = api.post(TOKEN_PATH, data=_password_form(login))
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _bearer(answer: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {answer['access_token']}"}


def test_the_token_endpoint_is_at_the_root_not_under_v4(api: TestClient) -> None:
    assert TOKEN_PATH == "/oauth/token"
    assert api.post(f"/v4{TOKEN_PATH}", data=_password_form()).status_code == 404


def test_the_password_grant_answers_the_quick_starts_token_shape_uncached(api: TestClient) -> None:
    response = api.post(TOKEN_PATH, data=_password_form())
    assert response.status_code == 200
    answer = response.json()
    assert set(answer) == {"access_token", "expires_in", "token_type", "refresh_token"}
    assert answer["expires_in"] == 43200
    assert answer["token_type"] == "Bearer"
    assert answer["access_token"].count(".") == 2  # JWT-shaped, like the vendor's
    assert response.headers["cache-control"] == "no-store"


def test_an_issued_token_is_a_bearer_token_of_the_logins_partner(api: TestClient) -> None:
    site_id = _create(api, auth=A)
    as_a, as_b = _bearer(_login(api, LOGIN_A)), _bearer(_login(api, LOGIN_B))
    assert [site["id"] for site in api.get(SITES, headers=as_a).json()] == [site_id]
    assert api.get(f"{SITES}/{site_id}", headers=as_b).status_code == 404
    assert api.get(SITES, headers=_bearer(_login(api, LOGIN_READ_ONLY))).status_code == 403


def test_the_email_is_matched_in_any_letter_case(api: TestClient) -> None:
    assert LOGIN_A.email is not None
    assert api.post(TOKEN_PATH, data=_password_form(email=LOGIN_A.email.upper())).status_code == 200


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"password": "wrong-password"}, "invalid_grant"),
        ({"email": "nobody@example.com"}, "invalid_grant"),
        ({"client_id": "unknown-client"}, "invalid_client"),
    ],
)
def test_a_refused_login_is_400_in_the_oauth_shape_without_the_password(
    api: TestClient, changes: dict[str, str], error: str
) -> None:
    response = api.post(TOKEN_PATH, data=_password_form(**changes))
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "error_description"}
    assert body["error"] == error
    assert "wrong-password" not in response.text
    assert str(LOGIN_A.password) not in response.text


def test_a_malformed_token_request_is_invalid_request_without_echoing_the_form(api: TestClient) -> None:
    form = _password_form(password="do-not-echo-me")
    del form["client_id"]
    response = api.post(TOKEN_PATH, data=form)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert "body" in response.json()["error_description"]
    assert "do-not-echo-me" not in response.text
    unsupported = api.post(TOKEN_PATH, data={"grant_type": "client_credentials"})
    assert unsupported.json()["error"] == "invalid_request"


def test_a_refresh_token_gets_a_new_token_once_and_rotates(api: TestClient) -> None:
    first = _login(api)
    refresh = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    renewed = api.post(TOKEN_PATH, data=refresh)
    assert renewed.status_code == 200
    assert renewed.json()["refresh_token"] != first["refresh_token"]
    assert api.get(SITES, headers=_bearer(renewed.json())).status_code == 200
    spent = api.post(TOKEN_PATH, data=refresh)
    assert spent.status_code == 400
    assert spent.json()["error"] == "invalid_grant"


def test_a_refresh_token_is_bound_to_its_client_id(api: TestClient) -> None:
    first = _login(api)
    form = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"], "client_id": "another-client"}
    assert api.post(TOKEN_PATH, data=form).json()["error"] == "invalid_grant"


def test_issued_tokens_expire_after_the_configured_lifetime_and_fixed_ones_never() -> None:
    clock = ManualClock()
    api = TestClient(create_app(token_lifetime=100, clock=clock))
    issued = _bearer(_login(api))
    clock.advance(99)
    assert api.get(SITES, headers=issued).status_code == 200
    clock.advance(1)  # now 100
    expired = api.get(SITES, headers=issued)
    assert expired.status_code == 401
    assert expired.json()["code"] == "unauthorized"
    assert api.get(SITES, headers={"Authorization": A}).status_code == 200


def test_the_token_requests_are_counted_by_grant(api: TestClient) -> None:
    first = _login(api)
    api.post(TOKEN_PATH, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    api.post(TOKEN_PATH, data=_password_form(password="wrong"))
    simulator: Comm100V4Simulator = api.app.state.simulator  # type: ignore[attr-defined]
    assert simulator.tokens.requests == {"password": 2, "refresh_token": 1}


def test_a_credential_repr_shows_neither_token_nor_password() -> None:
    shown = repr(LOGIN_A)
    assert LOGIN_A.token not in shown
    assert str(LOGIN_A.password) not in shown


# -- the published rate limit (issue 18) -------------------------------------------------------


def _limited(clock: ManualClock, limit: int = 3, host: str = "10.0.0.1") -> TestClient:
    return TestClient(create_app(rate_limit=limit, rate_window=300, clock=clock), client=(host, 50000))


def test_the_default_limit_is_the_vendors_300_calls_every_5_minutes() -> None:
    simulator = Comm100V4Simulator()
    assert (simulator.rate_limit, simulator.rate_window) == (300, 300.0)


def test_a_call_beyond_the_limit_is_429_with_the_seconds_until_the_window_frees_one() -> None:
    clock = ManualClock()
    api = _limited(clock)
    headers = {"Authorization": A}
    for second in (0, 10, 20):
        clock.now = second
        assert api.get(SITES, headers=headers).status_code == 200
    clock.now = 100
    throttled = api.get(SITES, headers=headers)
    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "200"  # the call at 0 leaves the window at 300
    assert throttled.json()["code"] == "too_many_requests"
    clock.now = 299.5
    assert api.get(SITES, headers=headers).headers["Retry-After"] == "1"  # never 0: a whole second at least
    clock.now = 300  # the first call left the window; the throttled ones never counted
    assert api.get(SITES, headers=headers).status_code == 200
    assert api.get(SITES, headers=headers).status_code == 429


def test_each_client_has_its_own_window_and_the_token_endpoint_is_not_limited() -> None:
    clock = ManualClock()
    app = create_app(rate_limit=1, clock=clock)
    first, second = (TestClient(app, client=(host, 50000)) for host in ("10.0.0.1", "10.0.0.2"))
    headers = {"Authorization": A}
    assert first.get(SITES, headers=headers).status_code == 200
    assert first.get(SITES, headers=headers).status_code == 429
    assert second.get(SITES, headers=headers).status_code == 200
    login = DEFAULT_CREDENTIALS[0]
    form = {"grant_type": "password", "client_id": login.client_id, "email": login.email, "password": login.password}
    assert all(first.post(TOKEN_PATH, data=form).status_code == 200 for _ in range(3))


def test_a_call_without_a_valid_token_is_401_even_when_the_window_is_full() -> None:
    api = _limited(ManualClock(), limit=1)
    assert api.get(SITES, headers={"Authorization": A}).status_code == 200
    assert api.get(SITES).status_code == 401


def test_the_limit_can_be_raised_or_turned_off_and_nonsense_is_refused() -> None:
    api = TestClient(create_app(rate_limit=None))
    headers = {"Authorization": A}
    assert all(api.get(SITES, headers=headers).status_code == 200 for _ in range(310))
    with pytest.raises(ValueError, match="rate_limit"):
        create_app(rate_limit=0)
    with pytest.raises(ValueError, match="rate_window"):
        create_app(rate_window=0)
