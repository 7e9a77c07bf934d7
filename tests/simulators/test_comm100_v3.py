"""The Comm100 v3 simulator: expiring OAuth tokens, sites per partner, documented paging, partial updates, paying."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from partner_apis.simulators.comm100_v3 import DEFAULT_CREDENTIALS, Agent, Comm100V3Simulator, create_app
from partner_apis.testing import ManualClock

A, B, READ_ONLY = DEFAULT_CREDENTIALS
TOKEN = "/partner/oauth/token"
SITES = "/api/v3/partner/sites"
NEW_SITE: dict[str, Any] = {
    "password": "123456",
    "contact": {"firstName": "test", "lastName": "comm100", "email": "test1@comm100.com", "phone": "123456"},
    "company": "comm100",
    "website": "www.comm100.com",
    "fax": "",
    "disabled": False,
    "planList": [{"id": 1, "name": "planname", "products": 1}],
}


def _app(**options: Any) -> TestClient:
    return TestClient(create_app(**options))


def _sim(api: TestClient) -> Comm100V3Simulator:
    simulator: Comm100V3Simulator = api.app.state.simulator  # type: ignore[attr-defined]
    return simulator


def _login(api: TestClient, email: str = A.email, password: str = A.password) -> dict[str, Any]:
    response = api.post(TOKEN, data={"grant_type": "password", "email": email, "password": password})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _bearer(api: TestClient, credential: Any = A) -> dict[str, str]:
    return {"Authorization": f"bearer {_login(api, credential.email, credential.password)['access_token']}"}


def _create(api: TestClient, auth: dict[str, str], **fields: Any) -> dict[str, Any]:
    response = api.post(SITES, json={**NEW_SITE, **fields}, headers=auth)
    assert response.status_code == 200, response.text
    site: dict[str, Any] = response.json()
    return site


def _seed(api: TestClient, count: int, partner_id: int = A.partner_id, **fields: Any) -> list[int]:
    simulator = _sim(api)
    return [
        simulator.new_site(
            partner_id,
            {**NEW_SITE, "contact": {**NEW_SITE["contact"], "email": f"user{n}@example.com"}, **fields},
        ).id
        for n in range(count)
    ]


@pytest.fixture
def api() -> TestClient:
    return _app()


# -- tokens ------------------------------------------------------------------------------------


def test_the_password_grant_with_email_answers_the_docs_token_shape(api: TestClient) -> None:
    response = api.post(TOKEN, data={"email": A.email, "grant_type": "password", "password": A.password})
    answer = response.json()
    assert set(answer) == {"access_token", "token_type", "expires_in", "refresh_token"}
    assert answer["token_type"] == "bearer"
    assert answer["expires_in"] == 43199
    assert response.headers["cache-control"] == "no-store"


def test_a_wrong_password_or_unknown_email_is_invalid_grant_in_the_oauth_shape(api: TestClient) -> None:
    for email, password in ((A.email, "wrong"), ("nobody@example.com", A.password)):
        response = api.post(TOKEN, data={"grant_type": "password", "email": email, "password": password})
        assert response.status_code == 400
        assert response.json() == {"error": "invalid_grant", "error_description": "The email or password is incorrect."}


def test_a_malformed_token_request_is_invalid_request_naming_the_field(api: TestClient) -> None:
    response = api.post(TOKEN, data={"grant_type": "password", "email": A.email})
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"
    assert "body" in response.json()["error_description"]
    assert api.post(TOKEN, data={"grant_type": "client_credentials"}).json()["error"] == "invalid_request"
    assert api.post(TOKEN).status_code == 400


def test_the_docs_get_on_the_token_url_is_not_allowed(api: TestClient) -> None:
    response = api.get(TOKEN, params={"grant_type": "password", "email": A.email, "password": A.password})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


def test_a_refresh_token_gets_a_new_token_once_and_rotates(api: TestClient) -> None:
    first = _login(api)
    refreshed = api.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    assert refreshed.status_code == 200
    assert refreshed.json()["refresh_token"] != first["refresh_token"]
    again = api.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": first["refresh_token"]})
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    headers = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    assert api.get(SITES, headers=headers).status_code == 200


def test_tokens_expire_after_the_configured_lifetime(api: TestClient) -> None:
    clock = ManualClock()
    api = _app(token_lifetime=60, refresh_token_lifetime=120, clock=clock)
    answer = _login(api)
    assert answer["expires_in"] == 60
    headers = {"Authorization": f"Bearer {answer['access_token']}"}
    clock.advance(59)
    assert api.get(SITES, headers=headers).status_code == 200
    clock.advance(1)  # now 60
    expired = api.get(SITES, headers=headers)
    assert expired.status_code == 401
    assert expired.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert expired.json()["code"] == 401
    clock.advance(60)  # now 120
    refresh = api.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": answer["refresh_token"]})
    assert refresh.status_code == 400  # the refresh token has expired too


def test_a_missing_malformed_or_unknown_token_is_401(api: TestClient) -> None:
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer not-a-token"}):
        response = api.get(SITES, headers=headers)
        assert response.status_code == 401
        assert "Authorization has been denied" in response.json()["message"]


def test_the_token_requests_are_counted_by_grant(api: TestClient) -> None:
    answer = _login(api)
    api.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": answer["refresh_token"]})
    api.post(TOKEN, data={"grant_type": "password", "email": A.email, "password": "wrong"})
    assert _sim(api).tokens.requests == {"password": 2, "refresh_token": 1}
    assert _sim(api).tokens.request_count == 3


def test_a_partner_without_manage_site_gets_403(api: TestClient) -> None:
    response = api.get(SITES, headers=_bearer(api, READ_ONLY))
    assert response.status_code == 403
    assert response.json() == {"code": 403, "message": "You do not have the permission to manage sites."}


# -- sites -------------------------------------------------------------------------------------


def test_create_answers_the_site_as_the_docs_sample_shows(api: TestClient) -> None:
    site = _create(api, _bearer(api))
    assert site["id"] == 6000000
    assert site["contact"] == NEW_SITE["contact"]
    assert site["timeZone"] == "71"
    assert site["activated"] is True
    assert site["planList"] == [{"id": 1, "name": "planname", "products": 1}]
    assert list(site) == [
        "id", "agents", "contact", "company", "website", "fax", "mailingAddress", "city", "stateOrProvince",
        "postalOrZipCode", "country", "timeZone", "companySize", "activated", "disabled", "createTime", "planList",
    ]  # fmt: skip


def test_each_partner_sees_only_its_own_sites(api: TestClient) -> None:
    a, b = _bearer(api, A), _bearer(api, B)
    site_id = _create(api, a)["id"]
    assert api.get(SITES, headers=b).json()["total"] == 0
    for response in (
        api.get(f"{SITES}/{site_id}", headers=b),
        api.put(f"{SITES}/{site_id}", json={"company": "stolen"}, headers=b),
        api.put(f"{SITES}/{site_id}/paying", headers=b),
    ):
        assert response.status_code == 404
        assert response.json() == {"code": 404, "message": f"Site {site_id} not found."}
    assert api.get(f"{SITES}/{site_id}", headers=a).json()["company"] == "comm100"


def test_update_is_partial(api: TestClient) -> None:
    auth = _bearer(api)
    site_id = _create(api, auth, city="Vancouver")["id"]
    updated = api.put(
        f"{SITES}/{site_id}", json={"company": "Acme", "contact": {"phone": "555"}, "disabled": True}, headers=auth
    ).json()
    assert updated["company"] == "Acme"
    assert updated["disabled"] is True
    assert updated["city"] == "Vancouver"
    assert updated["contact"] == {**NEW_SITE["contact"], "phone": "555"}
    assert updated["planList"] == NEW_SITE["planList"]
    assert api.get(f"{SITES}/{site_id}", headers=auth).json() == updated


def test_update_replaces_the_plan_list(api: TestClient) -> None:
    auth = _bearer(api)
    site_id = _create(api, auth)["id"]
    updated = api.put(f"{SITES}/{site_id}", json={"planList": [{"id": 7}]}, headers=auth).json()
    assert updated["planList"] == [{"id": 7, "name": "Plan 7", "products": 0}]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"timezone": "GMT+08:00"}, "GMT+08:00"),
        ({"timeZone": "71"}, "71"),
        ({"timezone": "GMT+08:00", "timeZone": "71"}, "71"),
        ({"timeZone": "71", "timezone": "GMT+08:00"}, "GMT+08:00"),
    ],
)
def test_either_time_zone_spelling_is_taken_and_answered_as_time_zone(
    api: TestClient, body: dict[str, str], expected: str
) -> None:
    auth = _bearer(api)
    site_id = _create(api, auth)["id"]
    updated = api.put(f"{SITES}/{site_id}", json=body, headers=auth).json()
    assert updated["timeZone"] == expected
    assert "timezone" not in updated


def test_the_model_blocks_spelling_can_be_chosen_for_answers() -> None:
    api = _app(time_zone_field="timezone")
    site = _create(api, _bearer(api), timeZone="GMT+08:00")
    assert site["timezone"] == "GMT+08:00"
    assert "timeZone" not in site


def test_paying_converts_a_trial_site_and_is_idempotent(api: TestClient) -> None:
    auth = _bearer(api)
    site_id = _create(api, auth)["id"]
    record = _sim(api).sites.get(A.partner_id, site_id)
    assert record is not None
    assert record.paying is False
    for _ in range(2):
        response = api.put(f"{SITES}/{site_id}/paying", headers=auth)
        assert response.status_code == 200
        assert response.content == b""
        assert record.paying is True


def test_paying_takes_the_docs_form_body_and_the_paths_id_counts(api: TestClient) -> None:
    auth = _bearer(api)
    first, second = _create(api, auth)["id"], _create(api, auth)["id"]
    assert api.put(f"{SITES}/{first}/paying", data={"site_id": str(first)}, headers=auth).status_code == 200
    assert api.put(f"{SITES}/{second}/paying", data={"site_id": str(first)}, headers=auth).status_code == 200
    records = [_sim(api).sites.get(A.partner_id, site_id) for site_id in (first, second)]
    assert [record.paying for record in records if record] == [True, True]
    invalid = api.put(f"{SITES}/{first}/paying", data={"site_id": "abc"}, headers=auth)
    assert invalid.status_code == 400


# -- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "field"),
    [
        ("get", f"{SITES}/abc", {}, "path.site_id"),
        ("get", f"{SITES}/0", {}, "path.site_id"),
        ("get", SITES, {"params": {"pageIndex": "0"}}, "query.pageIndex"),
        ("get", SITES, {"params": {"pageIndex": "two"}}, "query.pageIndex"),
        ("post", SITES, {"json": {**NEW_SITE, "contact": {"firstName": "a", "lastName": "b"}}}, "body.contact"),
        ("post", SITES, {"json": {**NEW_SITE, "planList": "gold"}}, "body.planList"),
        ("put", f"{SITES}/6000000", {"json": {"activated": "yes"}}, "body.activated"),
        ("put", f"{SITES}/6000000", {"json": {"contact": {"email": "not an email"}}}, "body.contact.email"),
    ],
)
def test_invalid_input_is_400_naming_the_field(
    api: TestClient, method: str, path: str, kwargs: dict[str, Any], field: str
) -> None:
    auth = _bearer(api)
    _create(api, auth)
    response = api.request(method, path, headers=auth, **kwargs)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == 400
    assert field in body["message"]
    assert any(problem["field"].startswith(field) for problem in body["errors"])


def test_a_body_that_is_not_json_is_400(api: TestClient) -> None:
    response = api.put(f"{SITES}/6000000", content=b"{not json", headers=_bearer(api))
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["message"]


def test_odd_input_never_gets_a_5xx(api: TestClient) -> None:
    auth = _bearer(api)
    site_id = _create(api, auth)["id"]
    odd: list[tuple[str, str, dict[str, Any]]] = [
        ("get", SITES, {"params": {"pageIndex": str(10**25), "keywords": "\x00\u2603 %"}}),
        ("get", SITES, {"params": {"pageIndex": ["1", "2"]}}),
        ("put", f"{SITES}/{site_id}", {"json": []}),
        ("put", f"{SITES}/{site_id}", {"json": {"contact": None}}),
        ("put", f"{SITES}/{site_id}", {"json": {"unknown": {"deep": [1]}}}),
        ("post", SITES, {"json": {**NEW_SITE, "planList": [{"id": 2**70}]}}),
        ("put", f"{SITES}/{site_id}/paying", {"content": b"%%%"}),
        ("post", TOKEN, {"content": b"\xff\xfe"}),
        ("delete", f"{SITES}/{site_id}", {}),
        ("get", "/api/v3/partner/nothing", {}),
    ]
    for method, path, kwargs in odd:
        response = api.request(method, path, headers=auth, **kwargs)
        assert response.status_code < 500, (method, path, response.text)


# -- paging and search -------------------------------------------------------------------------


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_sites_page_by_100_with_next_and_previous_page_urls(api: TestClient) -> None:
    ids = _seed(api, 250)
    auth = _bearer(api)
    first = api.get(SITES, headers=auth).json()
    assert (first["total"], len(first["sites"]), first["previousPage"]) == (250, 100, "")
    assert first["nextPage"] == "http://testserver/api/v3/partner/sites?pageIndex=2"
    second = api.get(first["nextPage"], headers=auth).json()
    assert second["previousPage"] == "http://testserver/api/v3/partner/sites?pageIndex=1"
    third = api.get(second["nextPage"], headers=auth).json()
    assert (len(third["sites"]), third["nextPage"]) == (50, "")
    assert [site["id"] for page in (first, second, third) for site in page["sites"]] == ids


def test_a_page_past_the_end_is_empty(api: TestClient) -> None:
    _seed(api, 5)
    page = api.get(SITES, params={"pageIndex": 3}, headers=_bearer(api)).json()
    assert page["sites"] == []
    assert page["total"] == 5
    assert page["nextPage"] == ""
    assert _query(page["previousPage"]) == {"pageIndex": ["2"]}


def test_the_next_page_url_keeps_the_keywords(api: TestClient) -> None:
    _seed(api, 150, company="Acme & Sons")
    page = api.get(SITES, params={"keywords": "acme & sons"}, headers=_bearer(api)).json()
    assert page["total"] == 150
    assert _query(page["nextPage"]) == {"keywords": ["acme & sons"], "pageIndex": ["2"]}


@pytest.mark.parametrize(
    "keywords",
    ["ACME", "acme.example", "Grace", "HOPPER", "grace.hopper@", "agent smith", "smith@agents"],
)
def test_keywords_search_the_documented_fields_case_insensitively(api: TestClient, keywords: str) -> None:
    auth = _bearer(api)
    wanted = _create(
        api,
        auth,
        company="Acme",
        website="www.acme.example",
        contact={"firstName": "Grace", "lastName": "Hopper", "email": "grace.hopper@acme.example"},
    )
    record = _sim(api).sites.get(A.partner_id, wanted["id"])
    assert record is not None
    record.agents.append(Agent("Agent Smith", "smith@agents.example"))
    _create(api, auth)  # matches none of them
    page = api.get(SITES, params={"keywords": keywords}, headers=auth).json()
    assert [site["id"] for site in page["sites"]] == [wanted["id"]]


def test_every_keyword_must_match_and_fields_outside_the_doc_are_not_searched(api: TestClient) -> None:
    auth = _bearer(api)
    _create(api, auth, company="Acme", city="Vancouver")
    assert api.get(SITES, params={"keywords": "acme comm100"}, headers=auth).json()["total"] == 1
    assert api.get(SITES, params={"keywords": "acme zzz"}, headers=auth).json()["total"] == 0
    assert api.get(SITES, params={"keywords": "vancouver"}, headers=auth).json()["total"] == 0


def test_sites_to_seed_without_a_partner_to_own_them_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="seed_sites needs a credential"):
        create_app(credentials=[], seed_sites=3)
    assert _sim(_app(credentials=[])).tenants() == []  # nothing to seed: no partner is needed
