"""The AirVantage simulator: OAuth grants, companies kept apart, partnership requests as operations, fields, pages."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.testclient import TestClient

from partner_apis.simulators.airvantage_partners import (
    DEFAULT_COMPANIES,
    DEFAULT_CREDENTIALS,
    DEFAULT_USERS,
    AirVantageSimulator,
    ApiClient,
    Company,
    Profile,
    create_app,
    parse_callback,
)
from partner_apis.simulators.airvantage_partners.app import ACME, ACME_EUROPE, GLOBEX, INITECH, PARTNER_ONE
from partner_apis.simulators.harness import serve
from partner_apis.testing import ManualClock

ACME_CLIENT, GLOBEX_CLIENT, READ_ONLY, PARTNER_ONE_CLIENT, INITECH_CLIENT = DEFAULT_CREDENTIALS
ACME_ADMIN, ACME_VIEWER, GLOBEX_ADMIN = DEFAULT_USERS
BASIC_PARTNER = "5a3e78ca0ea64d6a9bdaef5966e8b374"
SUPPORT_PARTNER = "ee81d84aec5b4d4397ead51b823b76a7"
GLOBEX_PARTNER, GLOBEX_AUDITOR = (profile.uid for profile in DEFAULT_COMPANIES[1].profiles)
UNKNOWN = "0123456789abcdef0123456789abcdef"

TOKEN = "/api/oauth/token"
PARTNERS = "/api/v1/partners"
REQUEST = "/api/v1/operations/partners/request"
OPERATIONS = "/api/v1/operations"
REQUESTS = "/api/v1/requests"
EPOCH = 1_700_000_000.0


@pytest.fixture
def clock() -> ManualClock:
    """Seconds since the epoch, moved by hand."""
    return ManualClock(EPOCH)


class Api:
    """A test client that logs each company's API client in once and calls as any of them."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self._tokens: dict[str, str] = {}

    @property
    def simulator(self) -> AirVantageSimulator:
        simulator: AirVantageSimulator = self.client.app.state.simulator  # type: ignore[attr-defined]
        return simulator

    def token(self, credential: Any = ACME_CLIENT) -> str:
        if credential.client_id not in self._tokens:
            self._tokens[credential.client_id] = issue(self.client, credential)["access_token"]
        return self._tokens[credential.client_id]

    def call(self, method: str, path: str, as_: Any = ACME_CLIENT, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token(as_)}", **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)

    def ok(self, method: str, path: str, as_: Any = ACME_CLIENT, **kwargs: Any) -> Any:
        response = self.call(method, path, as_, **kwargs)
        assert response.status_code == 200, response.text
        return response.json() if response.content else None

    def request(self, partner: str = GLOBEX, as_: Any = ACME_CLIENT, **body: Any) -> str:
        uid: str = self.ok("POST", REQUEST, as_, json={"partner": partner, **body})["operation"]
        return uid

    def operation(self, uid: str, as_: Any = ACME_CLIENT) -> dict[str, Any]:
        operation: dict[str, Any] = self.ok("GET", f"{OPERATIONS}/{uid}", as_)
        return operation

    def incoming(self, as_: Any = GLOBEX_CLIENT, **params: Any) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = self.ok("GET", REQUESTS, as_, params=params)["items"]
        return items

    def partners(self, as_: Any = ACME_CLIENT) -> dict[str, str]:
        page = self.ok("GET", PARTNERS, as_, params={"fields": "uid,profile"})
        return {item["uid"]: item["profile"]["uid"] for item in page["items"]}


def issue(client: TestClient, credential: Any = ACME_CLIENT, **form: str) -> dict[str, Any]:
    data = {"grant_type": "client_credentials", "client_id": credential.client_id, **form}
    data.setdefault("client_secret", credential.client_secret)
    response = client.post(TOKEN, data=data)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


@pytest.fixture
def api(clock: ManualClock) -> Iterator[Api]:
    with TestClient(create_app(start_delay=5, clock=clock)) as client:
        yield Api(client)


def counters(operation: dict[str, Any]) -> dict[str, int]:
    return {counter["state"]: counter["count"] for counter in operation["counters"] if counter["count"]}


def error(response: Any) -> tuple[int, str, list[str]]:
    body = response.json()
    return response.status_code, body["error"], body["errorParameters"]


# -- tokens ------------------------------------------------------------------------------------


def test_client_credentials_give_a_token_without_a_refresh_token(api: Api) -> None:
    answer = issue(api.client)
    assert answer["token_type"] == "bearer"
    assert answer["expires_in"] == 43199
    assert "refresh_token" not in answer


def test_the_api_client_may_authenticate_with_http_basic(api: Api) -> None:
    basic = base64.b64encode(f"{ACME_CLIENT.client_id}:{ACME_CLIENT.client_secret}".encode()).decode()
    response = api.client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": f"Basic {basic}"}
    )
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


def test_a_wrong_client_secret_is_401_invalid_client_in_oauths_shape(api: Api) -> None:
    response = api.client.post(
        TOKEN, data={"grant_type": "client_credentials", "client_id": ACME_CLIENT.client_id, "client_secret": "nope"}
    )
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_client", "error_description": "Bad client credentials"}


def test_the_password_grant_acts_as_the_user_and_its_refresh_token_rotates(api: Api) -> None:
    answer = issue(api.client, grant_type="password", username=ACME_VIEWER.login, password=ACME_VIEWER.password)
    viewer = {"Authorization": f"Bearer {answer['access_token']}"}
    assert api.client.get(PARTNERS, headers=viewer).status_code == 200
    edited = api.client.put(f"{PARTNERS}/{PARTNER_ONE}", headers=viewer, json={"profile": {"uid": BASIC_PARTNER}})
    assert error(edited) == (403, "missing.rights", ["administrator"])

    renewed = issue(api.client, grant_type="refresh_token", refresh_token=answer["refresh_token"])
    assert renewed["refresh_token"] != answer["refresh_token"]
    again = api.client.post(
        TOKEN,
        data={"grant_type": "refresh_token", "refresh_token": answer["refresh_token"], **_client_form(ACME_CLIENT)},
    )
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def _client_form(credential: Any) -> dict[str, str]:
    return {"client_id": credential.client_id, "client_secret": credential.client_secret}


def test_a_refresh_token_works_only_for_the_api_client_it_was_issued_to(api: Api) -> None:
    answer = issue(api.client, grant_type="password", username=ACME_ADMIN.login, password=ACME_ADMIN.password)
    stolen = api.client.post(
        TOKEN,
        data={"grant_type": "refresh_token", "refresh_token": answer["refresh_token"], **_client_form(GLOBEX_CLIENT)},
    )
    assert stolen.status_code == 400
    assert stolen.json()["error"] == "invalid_grant"


def test_a_wrong_password_is_invalid_grant_and_never_echoes_it(api: Api) -> None:
    response = api.client.post(
        TOKEN,
        data={
            "grant_type": "password",
            "username": ACME_ADMIN.login,
            "password": "hunter2-secret",
            **_client_form(ACME_CLIENT),
        },
    )
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_grant"
    assert "hunter2-secret" not in response.text


def test_tokens_expire(clock: ManualClock) -> None:
    with TestClient(create_app(token_lifetime=60, clock=clock)) as client:
        token = issue(client)["access_token"]
        assert client.get(PARTNERS, headers={"Authorization": f"Bearer {token}"}).status_code == 200
        clock.advance(60)
        expired = client.get(PARTNERS, headers={"Authorization": f"Bearer {token}"})
        assert expired.status_code == 401
        assert expired.json() == {"error": "invalid_token", "error_description": "Invalid access token"}


def test_the_token_also_travels_as_the_access_token_query_parameter(api: Api) -> None:
    response = api.client.get(PARTNERS, params={"access_token": api.token()})
    assert response.status_code == 200


def test_no_token_is_401_in_the_oauth_shape_with_a_bearer_challenge(api: Api) -> None:
    response = api.client.get(PARTNERS)
    assert response.status_code == 401
    assert response.json()["error"] == "unauthorized"
    assert response.headers["www-authenticate"].startswith("Bearer")


def test_each_operation_needs_the_rights_its_spec_names(api: Api) -> None:
    assert api.call("GET", PARTNERS, READ_ONLY).status_code == 200
    assert error(api.call("POST", REQUEST, READ_ONLY, json={"partner": GLOBEX})) == (
        403,
        "missing.rights",
        ["accountNetwork.partners.add"],
    )


# -- finding partners: fields, like, order, pages ------------------------------------------------------


def test_find_answers_the_docs_sample_exactly(api: Api) -> None:
    page = api.ok("GET", PARTNERS, params={"fields": "uid,name,profile", "name": "One"})
    assert page == {
        "items": [
            {
                "name": "Partner One",
                "uid": PARTNER_ONE,
                "profile": {"uid": BASIC_PARTNER, "name": "Basic Partner"},
            }
        ],
        "count": 1,
        "size": 1,
        "offset": 0,
    }


def test_without_fields_only_the_specs_default_fields_come_back(api: Api) -> None:
    assert api.ok("GET", PARTNERS)["items"] == [{"uid": PARTNER_ONE, "name": "Partner One"}]


def test_fields_project_each_item_onto_the_chosen_attributes_even_a_null_picture(api: Api) -> None:
    items = api.ok("GET", PARTNERS, params={"fields": "picture,profile"})["items"]
    assert items == [{"picture": None, "profile": {"uid": BASIC_PARTNER, "name": "Basic Partner"}}]


def test_an_unselectable_field_is_refused_without_echoing_the_value(api: Api) -> None:
    response = api.call("GET", PARTNERS, params={"fields": "uid,secretfield"})
    assert error(response) == (400, "parameter.invalid", ["fields"])


def _many_partners(count: int) -> tuple[list[Company], list[tuple[str, str, str, str]]]:
    extra = [Company(f"{n:032x}", name, (Profile(f"{n + 1000:032x}", "P"),)) for n, name in enumerate(_names(count))]
    links = [(ACME, company.uid, BASIC_PARTNER, company.profiles[0].uid) for company in extra]
    return extra, links


def _names(count: int) -> list[str]:
    # Out of alphabetical order, in mixed case: ordering is the simulator's work.
    return [f"{'zeta' if n % 2 else 'Alpha'} Fleet {count - n:03d}" for n in range(count)]


def test_name_is_a_case_insensitive_like_and_order_by_name_sorts(clock: ManualClock) -> None:
    extra, links = _many_partners(6)
    with TestClient(create_app(companies=(*DEFAULT_COMPANIES, *extra), partnerships=links, clock=clock)) as client:
        api = Api(client)
        found = api.ok("GET", PARTNERS, params={"name": "ALPHA fleet"})["items"]
        assert sorted(item["name"] for item in found) == ["Alpha Fleet 002", "Alpha Fleet 004", "Alpha Fleet 006"]
        ordered = api.ok("GET", PARTNERS, params={"orderBy": "name"})["items"]
        names = [item["name"] for item in ordered]
        assert names == sorted(names, key=str.casefold)
        unordered = [item["name"] for item in api.ok("GET", PARTNERS)["items"]]
        assert unordered == [company.name for company in extra]  # partnership order by default


def test_offset_and_size_page_and_count_is_the_total(clock: ManualClock) -> None:
    extra, links = _many_partners(25)
    with TestClient(create_app(companies=(*DEFAULT_COMPANIES, *extra), partnerships=links, clock=clock)) as client:
        api = Api(client)
        page = api.ok("GET", PARTNERS, params={"offset": 20, "size": 10})
        assert (page["count"], page["size"], page["offset"]) == (25, 5, 20)
        assert [item["uid"] for item in page["items"]] == [company.uid for company in extra[20:]]
        count_only = api.ok("GET", PARTNERS, params={"size": 0})
        assert (count_only["items"], count_only["count"], count_only["size"]) == ([], 25, 0)
        assert api.ok("GET", PARTNERS, params={"offset": 99})["items"] == []


def test_the_profile_criterion_keeps_partners_with_that_profile(api: Api) -> None:
    assert [item["uid"] for item in api.ok("GET", PARTNERS, params={"profile": BASIC_PARTNER})["items"]] == [
        PARTNER_ONE
    ]
    assert api.ok("GET", PARTNERS, params={"profile": SUPPORT_PARTNER})["items"] == []


# -- details and edit ----------------------------------------------------------------------------------


def test_details_answer_the_complete_representation(api: Api) -> None:
    assert api.ok("GET", f"{PARTNERS}/{PARTNER_ONE}") == {
        "uid": PARTNER_ONE,
        "name": "Partner One",
        "profile": {"uid": BASIC_PARTNER, "name": "Basic Partner"},
    }


def test_an_unknown_partner_is_partner_unknown_400_with_its_uid(api: Api) -> None:
    assert error(api.call("GET", f"{PARTNERS}/{UNKNOWN}")) == (400, "partner.unknown", [UNKNOWN])


def test_editing_changes_only_the_profile(api: Api) -> None:
    edited = api.ok("PUT", f"{PARTNERS}/{PARTNER_ONE}", json={"profile": {"uid": SUPPORT_PARTNER}, "name": "Renamed"})
    assert edited == {
        "uid": PARTNER_ONE,
        "name": "Partner One",
        "profile": {"uid": SUPPORT_PARTNER, "name": "Support Partner"},
    }
    assert api.partners() == {PARTNER_ONE: SUPPORT_PARTNER}
    # The partner's own side is untouched.
    assert api.partners(PARTNER_ONE_CLIENT) == {ACME: DEFAULT_COMPANIES[2].profiles[0].uid}


def test_editing_to_an_unknown_profile_is_profile_unknown(api: Api) -> None:
    response = api.call("PUT", f"{PARTNERS}/{PARTNER_ONE}", json={"profile": {"uid": GLOBEX_PARTNER}})
    assert error(response) == (400, "profile.unknown", [GLOBEX_PARTNER])


# -- partnership requests and their operations -------------------------------------------------------


def test_an_operation_is_scheduled_then_in_progress_once_its_start_delay_passes(api: Api, clock: ManualClock) -> None:
    uid = api.request()
    scheduled = api.operation(uid)
    assert scheduled["state"] == "SCHEDULED"
    assert counters(scheduled) == {"PENDING": 1}
    assert scheduled["createdAt"] == int(EPOCH * 1000)
    assert scheduled["startDate"] is None
    clock.advance(5)
    started = api.operation(uid)
    assert started["state"] == "IN_PROGRESS"
    assert counters(started) == {"IN_PROGRESS": 1}
    assert started["startDate"] == int((EPOCH + 5) * 1000)
    assert (started["entity"], started["operationType"], started["target"], started["total"]) == (
        "PARTNER",
        "PARTNER_REQUEST",
        GLOBEX,
        1,
    )


def test_the_request_is_visible_to_the_target_only(api: Api) -> None:
    api.request(message="Let's work together!!!")
    assert api.incoming(ACME_CLIENT) == []
    assert api.incoming(INITECH_CLIENT) == []
    (request,) = api.incoming(fields="uid,message,type,requestBy")
    assert request["type"] == "PARTNERSHIP"
    assert request["message"] == "Let's work together!!!"
    assert request["requestBy"] == {"uid": ACME, "name": "Acme IoT"}
    assert error(api.call("GET", f"{REQUESTS}/{request['uid']}", ACME_CLIENT)) == (
        400,
        "request.unknown",
        [request["uid"]],
    )
    assert api.ok("GET", f"{REQUESTS}/{request['uid']}", GLOBEX_CLIENT)["requestBy"]["name"] == "Acme IoT"


def test_requests_list_with_the_specs_default_fields_and_filters(api: Api, clock: ManualClock) -> None:
    api.request()
    clock.advance(1)
    api.request(as_=PARTNER_ONE_CLIENT)
    first, second = api.incoming()
    assert set(first) == {"uid", "type", "date"}
    assert [item["uid"] for item in api.incoming(requestBy=PARTNER_ONE)] == [second["uid"]]
    assert [item["uid"] for item in api.incoming(uid=first["uid"])] == [first["uid"]]
    assert [item["uid"] for item in api.incoming(before=second["date"])] == [first["uid"]]


def test_accepting_makes_both_companies_partners_with_the_profiles_chosen(api: Api) -> None:
    uid = api.request(profile=SUPPORT_PARTNER)
    (request,) = api.incoming()
    api.ok("POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT, json={"data": {"profile": GLOBEX_AUDITOR}})
    finished = api.operation(uid)
    assert finished["state"] == "FINISHED"
    assert counters(finished) == {"SUCCESS": 1}
    assert finished["endDate"] is not None
    assert api.partners() == {PARTNER_ONE: BASIC_PARTNER, GLOBEX: SUPPORT_PARTNER}
    assert api.partners(GLOBEX_CLIENT) == {ACME: GLOBEX_AUDITOR}
    assert api.incoming() == []


def test_without_profiles_both_sides_get_their_default_profile(api: Api) -> None:
    api.request()
    (request,) = api.incoming()
    api.ok("POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT)
    assert api.partners()[GLOBEX] == BASIC_PARTNER
    assert api.partners(GLOBEX_CLIENT) == {ACME: GLOBEX_PARTNER}


def test_rejecting_leaves_neither_a_partner_and_fails_the_operation(api: Api) -> None:
    uid = api.request()
    (request,) = api.incoming()
    api.ok("POST", f"{REQUESTS}/{request['uid']}/reject", GLOBEX_CLIENT, json={"message": "Not now"})
    finished = api.operation(uid)
    assert (finished["state"], counters(finished)) == ("FINISHED", {"FAILURE": 1})
    assert GLOBEX not in api.partners()
    assert api.partners(GLOBEX_CLIENT) == {}


def test_cancelling_withdraws_the_request(api: Api, clock: ManualClock) -> None:
    uid = api.request()
    (request,) = api.incoming()
    clock.advance(7)
    cancelled = api.ok("POST", f"{OPERATIONS}/{uid}/cancel")
    assert (cancelled["state"], counters(cancelled)) == ("FINISHED", {"CANCELLED": 1})
    assert cancelled["cancelDate"] == cancelled["endDate"] == int((EPOCH + 7) * 1000)
    assert api.incoming() == []
    assert error(api.call("GET", f"{REQUESTS}/{request['uid']}", GLOBEX_CLIENT))[1] == "request.unknown"
    accept = api.call("POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT)
    assert error(accept) == (400, "request.unknown", [request["uid"]])
    # Cancelling again answers the operation as it is.
    assert api.ok("POST", f"{OPERATIONS}/{uid}/cancel") == cancelled


def test_answers_are_set_semantics_and_never_change_an_outcome(api: Api) -> None:
    api.request()
    api.request(as_=INITECH_CLIENT)
    accepted = api.incoming(requestBy=ACME)[0]
    rejected = api.incoming(requestBy=INITECH)[0]
    accept, reject = f"{REQUESTS}/{accepted['uid']}/accept", f"{REQUESTS}/{rejected['uid']}/reject"
    api.ok("POST", accept, GLOBEX_CLIENT)
    api.ok("POST", reject, GLOBEX_CLIENT)
    assert api.call("POST", accept, GLOBEX_CLIENT).status_code == 200
    assert api.call("POST", reject, GLOBEX_CLIENT).status_code == 200
    assert error(api.call("POST", f"{REQUESTS}/{accepted['uid']}/reject", GLOBEX_CLIENT))[1] == "request.unknown"
    assert error(api.call("POST", f"{REQUESTS}/{rejected['uid']}/accept", GLOBEX_CLIENT))[1] == "request.unknown"


def test_a_request_answered_before_it_started_still_passes_through_in_progress(api: Api) -> None:
    uid = api.request()
    (request,) = api.incoming()
    api.ok("POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT)
    finished = api.operation(uid)
    assert finished["startDate"] == finished["endDate"]


def test_once_partners_every_other_pending_request_between_them_is_closed_as_a_success(api: Api) -> None:
    duplicate = api.request()
    reverse = api.request(partner=ACME, as_=GLOBEX_CLIENT)
    accepted = api.request()
    last = api.incoming()[-1]  # the third request: the two before it are closed by its acceptance
    api.ok("POST", f"{REQUESTS}/{last['uid']}/accept", GLOBEX_CLIENT)
    assert counters(api.operation(duplicate)) == {"SUCCESS": 1}
    assert counters(api.operation(accepted)) == {"SUCCESS": 1}
    assert counters(api.operation(reverse, GLOBEX_CLIENT)) == {"SUCCESS": 1}
    assert api.incoming() == []
    assert api.incoming(ACME_CLIENT) == []


def test_requesting_an_existing_partner_or_oneself_is_partner_exists(api: Api) -> None:
    assert error(api.call("POST", REQUEST, json={"partner": PARTNER_ONE})) == (400, "partner.exists", [PARTNER_ONE])
    assert error(api.call("POST", REQUEST, json={"partner": ACME})) == (400, "partner.exists", [ACME])


def test_unknown_companies_and_profiles_answer_their_codes(api: Api) -> None:
    assert error(api.call("POST", REQUEST, json={"partner": UNKNOWN})) == (400, "company.unknown", [UNKNOWN])
    response = api.call("POST", REQUEST, json={"partner": GLOBEX, "profile": GLOBEX_PARTNER})
    assert error(response) == (400, "profile.unknown", [GLOBEX_PARTNER])
    response = api.call("POST", f"{REQUESTS}/{UNKNOWN}/accept", GLOBEX_CLIENT)
    assert error(response) == (400, "request.unknown", [UNKNOWN])


def test_an_acceptance_with_a_profile_of_another_company_is_profile_unknown(api: Api) -> None:
    api.request()
    (request,) = api.incoming()
    response = api.call(
        "POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT, json={"data": {"profile": BASIC_PARTNER}}
    )
    assert error(response) == (400, "profile.unknown", [BASIC_PARTNER])
    assert len(api.incoming()) == 1  # still pending


def test_find_operations_lists_the_callers_operations_oldest_first(api: Api, clock: ManualClock) -> None:
    first = api.request()
    clock.advance(1)
    second = api.request(partner=INITECH)
    page = api.ok("GET", OPERATIONS, params={"size": 1, "offset": 1})
    assert ([item["uid"] for item in page["items"]], page["count"], page["size"]) == ([second], 2, 1)
    assert [item["uid"] for item in api.ok("GET", OPERATIONS)["items"]] == [first, second]
    assert api.ok("GET", OPERATIONS, GLOBEX_CLIENT)["items"] == []


# -- isolation ----------------------------------------------------------------------------------------


def test_no_company_sees_another_companys_operations_or_partners(api: Api) -> None:
    uid = api.request()
    for path, method in ((f"{OPERATIONS}/{uid}", "GET"), (f"{OPERATIONS}/{uid}/cancel", "POST")):
        assert error(api.call(method, path, GLOBEX_CLIENT)) == (400, "operation.unknown", [uid])
    assert error(api.call("GET", f"{PARTNERS}/{PARTNER_ONE}", GLOBEX_CLIENT)) == (400, "partner.unknown", [PARTNER_ONE])
    assert api.partners(INITECH_CLIENT) == {}
    assert api.operation(uid)["state"] == "SCHEDULED"  # the refused cancel changed nothing


def test_the_context_company_may_be_the_callers_own_or_a_sub_company_it_manages(api: Api) -> None:
    assert api.ok("GET", PARTNERS, params={"company": ACME})["count"] == 1
    for company in (GLOBEX, UNKNOWN):
        assert error(api.call("GET", PARTNERS, params={"company": company})) == (400, "company.unknown", [company])


# -- errors ---------------------------------------------------------------------------------------------


def test_invalid_input_is_parameter_invalid_naming_the_parameters_never_a_5xx(api: Api) -> None:
    assert error(api.call("GET", PARTNERS, params={"size": -1, "offset": "x"})) == (
        400,
        "parameter.invalid",
        ["offset", "size"],
    )
    broken = api.call("POST", REQUEST, content=b"{not json", headers={"Content-Type": "application/json"})
    assert error(broken)[:2] == (400, "parameter.invalid")
    assert api.call("GET", "/api/v1/nowhere").json() == {"error": "not.found", "errorParameters": []}
    assert error(api.call("DELETE", PARTNERS))[:2] == (405, "method.not.allowed")


# -- callbacks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://user:s3cr3t-pass@www.yourhost.com/your_rest_service",
        "http://10.0.0.1/hook",
        "http://127.0.0.1.nip.io/hook",
        "ftp://127.0.0.1/hook",
        "http://[::ffff:8.8.8.8]/hook",
    ],
)
def test_a_callback_off_loopback_is_refused_without_echoing_its_credentials(api: Api, url: str) -> None:
    response = api.call("POST", REQUEST, json={"partner": GLOBEX, "callback": url})
    assert error(response) == (403, "callback.forbidden", ["callback"])
    assert "s3cr3t-pass" not in response.text
    assert api.ok("GET", OPERATIONS)["count"] == 0


def test_loopback_callbacks_parse_with_their_credentials_apart() -> None:
    callback = parse_callback("http://hook:p%40ss@127.0.0.1:8123/path?x=1")
    assert callback is not None
    assert (callback.url, callback.username, callback.password) == ("http://127.0.0.1:8123/path?x=1", "hook", "p@ss")
    assert "p@ss" not in repr(callback)
    assert parse_callback("http://localhost/x") is not None
    assert parse_callback("http://[::1]:9/x") is not None
    assert parse_callback("http://127.0.0.1:99999/x") is None


class Receiver:
    """A loopback HTTP server that records what the simulator's callbacks send."""

    def __init__(self) -> None:
        self.calls: list[tuple[str | None, dict[str, Any]]] = []
        self.lock = threading.Lock()

        async def hook(request: Request) -> Response:
            body = await request.json()
            with self.lock:
                self.calls.append((request.headers.get("authorization"), body))
            return Response(status_code=204)

        self.app = Starlette(routes=[Route("/hook", hook, methods=["POST"])])


def test_a_loopback_callback_receives_every_state_change_in_order_with_basic_auth(clock: ManualClock) -> None:
    receiver = Receiver()
    with serve(receiver.app) as server, TestClient(create_app(start_delay=5, clock=clock)) as client:
        api = Api(client)
        url = f"http://hook:hook-pass@127.0.0.1:{server.port}/hook"
        uid = api.request(callback=url)
        clock.advance(5)
        api.operation(uid)
        (request,) = api.incoming()
        api.ok("POST", f"{REQUESTS}/{request['uid']}/accept", GLOBEX_CLIENT)
        assert api.simulator.callbacks.drain()
    states = [body["state"] for _, body in receiver.calls]
    assert states == ["SCHEDULED", "IN_PROGRESS", "FINISHED"]
    assert {body["uid"] for _, body in receiver.calls} == {uid}
    expected = "Basic " + base64.b64encode(b"hook:hook-pass").decode()
    assert {auth for auth, _ in receiver.calls} == {expected}
    assert receiver.calls[-1][1]["counters"][2] == {"state": "SUCCESS", "count": 1}
    deliveries = api.simulator.callbacks.deliveries
    assert [delivery.status for delivery in deliveries] == [204, 204, 204]
    assert all("hook-pass" not in delivery.url for delivery in deliveries)


def test_an_unreachable_callback_is_recorded_not_fatal(clock: ManualClock) -> None:
    with TestClient(create_app(start_delay=0, clock=clock)) as client:
        api = Api(client)
        uid = api.request(callback="http://127.0.0.1:9/nobody-listens")
        assert api.simulator.callbacks.drain()
        assert api.operation(uid)["state"] == "IN_PROGRESS"
        assert [delivery.status for delivery in api.simulator.callbacks.deliveries] == [None, None]


def test_credentials_reprs_hide_secrets() -> None:
    assert ACME_CLIENT.client_secret not in repr(ACME_CLIENT)
    assert ACME_ADMIN.password not in repr(ACME_ADMIN)


def test_a_negative_start_delay_is_refused() -> None:
    with pytest.raises(ValueError, match="start_delay"):
        create_app(start_delay=-1)


# -- what the vendor's own clients send (issue 18) --------------------------------------------


def test_the_token_endpoint_also_takes_the_grant_in_the_query_of_a_get(api: Api) -> None:
    # airvantage.js: GET /api/oauth/token with grant_type, client_id, client_secret, username, password.
    query = {"grant_type": "password", "username": ACME_ADMIN.login, "password": ACME_ADMIN.password}
    query |= {"client_id": ACME_CLIENT.client_id, "client_secret": ACME_CLIENT.client_secret}
    answer = api.client.get(TOKEN, params=query)
    assert answer.status_code == 200, answer.text
    token = answer.json()
    assert set(token) >= {"access_token", "refresh_token", "expires_in", "token_type"}
    assert answer.headers["Cache-Control"] == "no-store"
    partners = api.client.get(PARTNERS, headers={"Authorization": f"Bearer {token['access_token']}"})
    assert partners.status_code == 200
    assert api.simulator.tokens.requests["password"] == 1
    renewed = api.client.get(
        TOKEN, params={**query, "grant_type": "refresh_token", "refresh_token": token["refresh_token"]}
    )
    assert renewed.status_code == 200, renewed.text


def test_the_query_form_refuses_as_the_form_post_does_in_the_oauth_shape(api: Api) -> None:
    client = {"client_id": ACME_CLIENT.client_id, "client_secret": ACME_CLIENT.client_secret}
    missing = api.client.get(TOKEN, params={"grant_type": "password", "username": ACME_ADMIN.login, **client})
    assert missing.status_code == 400
    assert missing.json()["error"] == "invalid_request"
    wrong = api.client.get(
        TOKEN, params={"grant_type": "password", "username": ACME_ADMIN.login, "password": "no", **client}
    )
    assert (wrong.status_code, wrong.json()["error"]) == (400, "invalid_grant")
    secret = api.client.get(
        TOKEN, params={"grant_type": "client_credentials", "client_id": ACME_CLIENT.client_id, "client_secret": "x"}
    )
    assert (secret.status_code, secret.json()["error"]) == (401, "invalid_client")
    for answer in (missing, wrong, secret):
        assert ACME_ADMIN.password not in answer.text


def test_expire_ends_the_access_token_and_answers_200_again_for_a_dead_one(api: Api) -> None:
    token = issue(api.client)["access_token"]
    assert api.client.get(PARTNERS, params={"access_token": token}).status_code == 200
    expired = api.client.get("/api/oauth/expire", params={"access_token": token})
    assert (expired.status_code, expired.json()) == (200, "logout.successful")
    assert api.client.get(PARTNERS, params={"access_token": token}).status_code == 401
    assert api.client.get("/api/oauth/expire", params={"access_token": token}).status_code == 200


def test_a_caller_acts_for_a_sub_company_it_manages_and_sees_that_companys_world(api: Api) -> None:
    # Acme manages Acme Europe: with `company`, the call acts for it (its partners, its requests).
    assert api.ok("GET", PARTNERS, params={"company": ACME_EUROPE})["count"] == 0
    uid = api.ok("POST", REQUEST, params={"company": ACME_EUROPE}, json={"partner": GLOBEX})["operation"]
    assert api.ok("GET", f"{OPERATIONS}/{uid}", params={"company": ACME_EUROPE})["uid"] == uid
    # The operation is Acme Europe's, not Acme's own.
    assert error(api.call("GET", f"{OPERATIONS}/{uid}"))[1] == "operation.unknown"
    # Globex sees the request as coming from Acme Europe.
    assert [item["requestBy"]["uid"] for item in api.incoming(fields="uid,requestBy")] == [ACME_EUROPE]


def test_a_sub_company_may_not_act_for_the_company_above_it_nor_another_for_it(api: Api) -> None:
    europe = ApiClient("sim-europe-client", "sim-europe-secret", ACME_EUROPE, READ_ONLY.rights, "Europe")
    with TestClient(create_app(credentials=[*DEFAULT_CREDENTIALS, europe])) as client:
        local = Api(client)
        assert error(local.call("GET", PARTNERS, as_=europe, params={"company": ACME})) == (
            400,
            "company.unknown",
            [ACME],
        )
        refused = local.call("GET", PARTNERS, as_=GLOBEX_CLIENT, params={"company": ACME_EUROPE})
        assert error(refused) == (400, "company.unknown", [ACME_EUROPE])
