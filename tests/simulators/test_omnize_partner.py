"""The Omnize simulator: partners' accounts, agents and departments, URL login, and refusals inside HTTP 200."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any
from urllib.parse import quote_plus

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.testclient import TestClient

from partner_apis.simulators.harness import handler_name, query_values, spec_operations
from partner_apis.simulators.omnize_partner import DEFAULT_CREDENTIALS, OmnizeSimulator, create_app
from partner_apis.specs import load_spec
from partner_apis.testing import RunningSimulator

A, B = (credential.token for credential in DEFAULT_CREDENTIALS)
API = "/partner/api"  # the October 2020 host's prefix, the spec's first server
LOGIN = "/prod/authentication"
DIGEST = hashlib.sha256(b"s3cret-password").hexdigest()
NEW_ACCOUNT = {"email": "owner@example.com", "main_contact": "Olga", "telefone": "(11) 9345-0987", "url": "o.com.br"}
NEW_AGENT = {"email": "boss@example.com", "name": "Boss", "password": DIGEST}


class Partner:
    """One partner talking to the simulator the way Omnize documents: the token in the body or the query."""

    def __init__(self, api: TestClient, token: str) -> None:
        self.api = api
        self.token = token

    def call(self, method: str, path: str, body: dict[str, Any] | None = None, **query: Any) -> dict[str, Any]:
        if method == "GET":
            response = self.api.get(API + path, params={"token": self.token, **query})
        else:
            response = self.api.request(method, API + path, json={"token": self.token, **(body or {})})
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer

    def account(self, licences: int = 5, **fields: Any) -> int:
        answer = self.call("POST", "/accounts", {"license_quantity": licences, "account": {**NEW_ACCOUNT, **fields}})
        assert answer["success"] is True, answer
        account_id: int = answer["data"]["id"]
        return account_id

    def agent(self, account_id: int, email: str = "ana@example.com", **fields: Any) -> dict[str, Any]:
        agent = {"email": email, "name": "Ana", "password": DIGEST, "account_id": account_id, **fields}
        return self.call("POST", "/agents", {"agent": agent})

    def agent_id(self, account_id: int, email: str = "ana@example.com") -> int:
        answer = self.agent(account_id, email)
        assert answer["success"] is True, answer
        agent_id: int = answer["data"]["id"]
        return agent_id

    def department(self, account_id: int, **fields: Any) -> int:
        answer = self.call(
            "POST", "/departments", {"department": {"account_id": account_id, "name": "Sales", **fields}}
        )
        assert answer["success"] is True, answer
        department_id: int = answer["data"][0]["id"]
        return department_id

    def login(self, username: str) -> dict[str, Any]:
        response = self.api.post(LOGIN, json={"action": "loginPartner", "username": username, "token": self.token})
        assert response.status_code == 200, response.text
        answer: dict[str, Any] = response.json()
        return answer


@pytest.fixture
def api() -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def a(api: TestClient) -> Partner:
    return Partner(api, A)


@pytest.fixture
def b(api: TestClient) -> Partner:
    return Partner(api, B)


def _refused(answer: dict[str, Any], message: str) -> None:
    assert answer == {"status": 200, "success": False, "errors": message}


# -- the spec's operations, served where the spec puts them ------------------------------


def test_every_spec_operation_has_a_handler_and_every_handler_an_operation() -> None:
    spec = load_spec("omnize-partner")
    wanted = {handler_name(operation.operation_id) for operation in spec_operations(spec)}
    assert set(OmnizeSimulator().handlers()) == wanted
    assert len(wanted) == 20


def test_the_partner_api_is_under_the_2020_hosts_prefix_and_url_login_at_the_root(
    partner_api_simulator: Callable[..., RunningSimulator],
) -> None:
    sim = partner_api_simulator("omnize-partner")
    assert sim.base_url == sim.root_url + API
    listed = httpx.get(f"{sim.base_url}/agents", params={"token": A, "account_id": 1})
    assert listed.json() == {"status": 200, "success": False, "errors": "Account not found"}
    login = httpx.post(sim.root_url + LOGIN, json={"action": "loginPartner", "username": "x@example.com", "token": A})
    assert login.json() == {"message": "User not found", "status": 404}


# -- the partner token --------------------------------------------------------------------


def test_the_token_is_read_from_the_json_body(a: Partner) -> None:
    assert a.call("POST", "/accounts", {"license_quantity": 1, "account": NEW_ACCOUNT})["success"] is True


def test_the_token_is_read_from_the_query_string_for_any_method(api: TestClient) -> None:
    # Rails merges query and body parameters, so the query form works for a POST too.
    answer = api.post(f"{API}/accounts", params={"token": A}, json={"license_quantity": 1, "account": NEW_ACCOUNT})
    assert answer.json()["success"] is True


def test_the_body_token_wins_over_the_query_token(api: TestClient) -> None:
    answer = api.post(
        f"{API}/accounts", params={"token": A}, json={"token": "wrong", "license_quantity": 1, "account": NEW_ACCOUNT}
    )
    _refused(answer.json(), "Invalid token")


@pytest.mark.parametrize("token", [None, "", "not-a-partner", 12345])
def test_a_missing_or_unknown_token_is_invalid_token_inside_http_200(api: TestClient, token: Any) -> None:
    body = {"license_quantity": 1, "account": NEW_ACCOUNT} | ({} if token is None else {"token": token})
    response = api.post(f"{API}/accounts", json=body)
    assert response.status_code == 200
    _refused(response.json(), "Invalid token")
    listed = api.get(f"{API}/agents", params={"account_id": 1} | ({} if token is None else {"token": token}))
    _refused(listed.json(), "Invalid token")


def test_url_login_reads_the_token_from_its_body_only(a: Partner, api: TestClient) -> None:
    a.agent_id(a.account())
    answer = api.post(LOGIN, params={"token": A}, json={"action": "loginPartner", "username": "ana@example.com"})
    assert answer.json() == {"message": "Invalid token", "status": 401}


# -- every refusal is HTTP 200 with success: false and a clear message ----------------------


def test_a_body_that_is_not_json_is_refused_inside_http_200(api: TestClient) -> None:
    response = api.post(f"{API}/agents", content=b"{token: 'x'", headers={"content-type": "application/json"})
    assert response.status_code == 200
    _refused(response.json(), "Invalid JSON in the request body")


def test_a_body_not_declared_json_is_refused(api: TestClient) -> None:
    response = api.post(f"{API}/accounts", content=b'{"token": "x"}', headers={"content-type": "text/plain"})
    assert response.status_code == 200
    _refused(response.json(), "Content-Type must be application/json")


def test_a_field_of_the_wrong_type_is_refused_and_named(a: Partner) -> None:
    answer = a.call(
        "POST", "/agents", {"agent": {"email": "x@example.com", "name": "X", "password": DIGEST, "account_id": "1"}}
    )
    _refused(answer, 'Invalid request: body.agent.account_id: "1" is not of type "integer"')


def test_a_missing_required_field_is_refused_and_named(a: Partner) -> None:
    answer = a.call("POST", "/accounts", {"account": NEW_ACCOUNT})
    _refused(answer, 'Invalid request: body: "license_quantity" is a required property')


def test_a_wrong_query_parameter_is_refused(a: Partner) -> None:
    _refused(
        a.call("GET", "/agents", account_id="abc"), 'Invalid request: query.account_id: "abc" is not of type "integer"'
    )


def test_a_wrong_path_parameter_is_refused(a: Partner) -> None:
    answer = a.call("PUT", "/agents/abc/profile", {"profile": "ADMIN"})
    _refused(answer, 'Invalid request: path.id: "abc" is not of type "integer"')


def test_a_path_parameter_holding_a_colon_is_refused_like_any_wrong_one(a: Partner) -> None:
    # Omnize has no colon action path: such an id reaches the operation and is refused
    # in Omnize's always-200 shape, not answered with the harness's HTTP 404 for no route.
    _refused(a.call("GET", "/departments/:+g/agents"), 'Invalid request: path.id: ":+g" is not of type "integer"')


@pytest.mark.parametrize(
    ("method", "path", "body", "message"),
    [
        ("PUT", "/agents/99999", {"agent": {"name": "X"}}, "Agent not found"),
        ("PUT", "/agents/99999/profile", {"profile": "ADMIN"}, "Agent not found"),
        ("PUT", "/accounts/99999", {"license_quantity": 3}, "Account not found"),
        ("DELETE", "/accounts/99999", {}, "Account not found"),
        ("PUT", "/departments/99999", {"department": {"name": "X"}}, "Department not found"),
        ("POST", "/departments/99999/add_channels", {"channels": ["chat"]}, "Department not found"),
        ("POST", "/agents", {"agent": {**NEW_AGENT, "account_id": 99999}}, "Account not found"),
    ],
)
def test_an_unknown_id_is_refused_as_not_found(
    a: Partner, method: str, path: str, body: dict[str, Any], message: str
) -> None:
    _refused(a.call(method, path, body), message)


@pytest.mark.parametrize("password", ["hunter2-plain", ["hunter2-plain"], {"plain": "hunter2-plain"}])
def test_a_refusal_never_echoes_a_password(a: Partner, password: object) -> None:
    answer = a.call("PUT", "/agents/1", {"agent": {"password": password}})
    assert answer["success"] is False
    assert "body.agent.password" in answer["errors"]
    assert "hunter2-plain" not in answer["errors"]


def test_a_refusal_never_echoes_the_token(a: Partner) -> None:
    answer = a.call("PUT", f"/accounts/{a.account()}", {"account": {"ativo": 7}})
    assert answer["success"] is False
    assert A not in answer["errors"]


def test_an_unknown_path_is_a_real_404_and_a_wrong_method_a_real_405_in_omnizes_shape(api: TestClient) -> None:
    missing = api.get(f"{API}/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["success"] is False
    wrong = api.delete(f"{API}/agents")
    assert wrong.status_code == 405
    assert {method.strip() for method in wrong.headers["allow"].split(",")} == {"GET", "HEAD", "POST"}
    assert wrong.json()["success"] is False


# -- passwords ----------------------------------------------------------------------------


def test_a_plain_text_password_is_refused(a: Partner) -> None:
    answer = a.agent(a.account(), password="s3cret-password")
    assert answer["success"] is False
    assert "SHA-256" in answer["errors"]


def test_the_stored_password_is_the_digest_received_and_never_returned(a: Partner, api: TestClient) -> None:
    answer = a.agent(a.account())
    assert answer["data"]["password"] is None
    simulator: OmnizeSimulator = api.app.state.simulator  # type: ignore[attr-defined]
    assert simulator.store.agents[answer["data"]["id"]].password_digest == DIGEST
    new_digest = hashlib.sha256(b"another").hexdigest()
    a.call("PUT", f"/agents/{answer['data']['id']}", {"agent": {"password": new_digest}})
    assert simulator.store.agents[answer["data"]["id"]].password_digest == new_digest


# -- tenancy ------------------------------------------------------------------------------


def test_an_account_belongs_to_the_partner_that_created_it(a: Partner, b: Partner) -> None:
    assert a.call("POST", "/accounts", {"license_quantity": 1, "account": NEW_ACCOUNT})["data"]["partner_id"] == 1
    assert b.call("POST", "/accounts", {"license_quantity": 1, "account": NEW_ACCOUNT})["data"]["partner_id"] == 2


def test_a_partner_never_sees_or_changes_another_partners_records(a: Partner, b: Partner) -> None:
    account_id = a.account()
    agent_id = a.agent_id(account_id)
    department_id = a.department(account_id, channels=["chat"])
    refusals = [
        (b.call("GET", "/agents", account_id=account_id), "Account not found"),
        (b.call("GET", "/departments", account_id=account_id), "Account not found"),
        (b.call("PUT", f"/accounts/{account_id}", {"account": {"ativo": 0}}), "Account not found"),
        (b.call("DELETE", f"/accounts/{account_id}"), "Account not found"),
        (b.agent(account_id, email="intruder@example.com"), "Account not found"),
        (b.call("PUT", f"/agents/{agent_id}", {"agent": {"name": "Hacked"}}), "Agent not found"),
        (b.call("PUT", f"/agents/{agent_id}/profile", {"profile": "ADMIN"}), "Agent not found"),
        (b.call("GET", f"/departments/{department_id}/channels"), "Department not found"),
        (b.call("GET", f"/departments/{department_id}/agents"), "Department not found"),
        (b.call("PUT", f"/departments/{department_id}", {"department": {"name": "Hacked"}}), "Department not found"),
        (b.call("POST", f"/departments/{department_id}/add_channels", {"channels": ["video"]}), "Department not found"),
        (b.call("POST", f"/departments/{department_id}/remove_agents", {"agents": [agent_id]}), "Department not found"),
    ]
    for answer, message in refusals:
        _refused(answer, message)
    # Nothing changed for the owner.
    assert a.call("GET", "/agents", account_id=account_id)["data"][0]["name"] == "Ana"
    assert a.call("GET", f"/departments/{department_id}/channels")["data"] == ["chat"]


def test_a_partner_cannot_add_its_own_agent_to_another_partners_department(a: Partner, b: Partner) -> None:
    department_id = a.department(a.account())
    b_account = b.account()
    b_agent = b.agent_id(b_account, email="bob@example.com")
    own_department = b.department(b_account)
    _refused(b.call("POST", f"/departments/{department_id}/add_agents", {"agents": [b_agent]}), "Department not found")
    _refused(a.call("POST", f"/departments/{department_id}/add_agents", {"agents": [b_agent]}), "Agent not found")
    assert b.call("POST", f"/departments/{own_department}/add_agents", {"agents": [str(b_agent)]})["success"] is True


def test_url_login_issues_a_token_only_for_the_partners_own_agent(a: Partner, b: Partner) -> None:
    a.agent_id(a.account(), email="ana@example.com")
    issued = a.login("ana@example.com")
    assert issued["status"] == 200
    assert issued["message"] == ""
    assert issued["token"]
    assert b.login("ana@example.com") == {"message": "User not found", "status": 404}
    assert a.login("nobody@example.com") == {"message": "User not found", "status": 404}


def test_a_malformed_url_login_is_refused_in_url_logins_own_shape(api: TestClient) -> None:
    answer = api.post(LOGIN, json={"action": "logout", "username": "not-an-email", "token": A}).json()
    assert set(answer) == {"message", "status"}
    assert answer["status"] == 400
    bad_json = api.post(LOGIN, content=b"{", headers={"content-type": "application/json"}).json()
    assert bad_json == {"message": "Invalid JSON in the request body", "status": 400}


# -- accounts: status, licences, deletion ---------------------------------------------------


def test_inactivating_an_account_stops_its_agents_login_and_reactivating_restores_it(a: Partner) -> None:
    account_id = a.account()
    a.agent_id(account_id)
    assert a.call("PUT", f"/accounts/{account_id}", {"account": {"ativo": 0}}) == {"status": 200, "success": True}
    assert a.login("ana@example.com") == {"message": "Account is inactive", "status": 403}
    assert a.call("GET", "/agents", account_id=account_id)["success"] is True  # still there, still listable
    assert a.call("PUT", f"/accounts/{account_id}", {"account": {"ativo": 1}}) == {"status": 200, "success": True}
    assert a.login("ana@example.com")["status"] == 200


def test_every_account_update_answers_without_data_as_october_2020_does(a: Partner) -> None:
    # March 2019 answered the general update with the account; the October 2020 revision does not.
    account_id = a.account()
    general = a.call("PUT", f"/accounts/{account_id}", {"account": {"main_contact": "Olga Souza", "ativo": 1}})
    assert general == {"status": 200, "success": True}
    (listed,) = a.call("GET", "/accounts")["data"]
    assert listed["main_contact"] == "Olga Souza"
    assert a.call("PUT", f"/accounts/{account_id}", {"license_quantity": 9}) == {"status": 200, "success": True}
    assert a.call("PUT", f"/accounts/{account_id}", {"license_code": "PARTNER_X"}) == {"status": 200, "success": True}


def test_an_account_update_that_mixes_two_documented_calls_is_refused(a: Partner) -> None:
    answer = a.call("PUT", f"/accounts/{a.account()}", {"license_quantity": 3, "license_code": "PARTNER_X"})
    assert answer["success"] is False
    assert "more than one documented form" in answer["errors"]


def test_the_licence_quantity_caps_the_accounts_active_agents(a: Partner) -> None:
    account_id = a.account(licences=1)
    a.agent_id(account_id, "one@example.com")
    _refused(a.agent(account_id, "two@example.com"), "License limit reached")
    a.call("PUT", f"/accounts/{account_id}", {"license_quantity": 2})
    a.agent_id(account_id, "two@example.com")
    # Lowering the licences keeps the agents but admits no new one.
    a.call("PUT", f"/accounts/{account_id}", {"license_quantity": 0})
    assert len(a.call("GET", "/agents", account_id=account_id)["data"]) == 2
    _refused(a.agent(account_id, "three@example.com"), "License limit reached")


def test_deleting_an_account_removes_its_agents_and_departments(a: Partner, api: TestClient) -> None:
    account_id = a.account()
    agent_id = a.agent_id(account_id)
    department_id = a.department(account_id)
    deleted = a.call("DELETE", f"/accounts/{account_id}")
    assert deleted == {"status": 200, "success": True, "message": "Account deleted successfully"}
    _refused(a.call("GET", "/agents", account_id=account_id), "Account not found")
    _refused(a.call("PUT", f"/agents/{agent_id}/profile", {"profile": "ADMIN"}), "Agent not found")
    _refused(a.call("GET", f"/departments/{department_id}/agents"), "Department not found")
    _refused(a.call("DELETE", f"/accounts/{account_id}"), "Account not found")
    simulator: OmnizeSimulator = api.app.state.simulator  # type: ignore[attr-defined]
    assert not simulator.store.agents
    assert not simulator.store.departments
    # The deleted agent's e-mail is free again.
    assert a.agent(a.account())["success"] is True


# -- agents ---------------------------------------------------------------------------------


def test_an_agent_is_created_with_the_documented_fields(a: Partner) -> None:
    account_id = a.account()
    data = a.agent(account_id)["data"]
    assert data["administrator"] == "NAO"
    assert data["ativo"] == 1
    assert data["account_id"] == account_id
    assert data["version_register"] == 0
    admin = a.call("POST", "/agents", {"profile": "ADMIN", "agent": {**NEW_AGENT, "account_id": account_id}})
    assert admin["data"]["administrator"] == "SIM"


def test_an_agents_profile_update_shows_in_its_administrator_flag(a: Partner) -> None:
    account_id = a.account()
    agent_id = a.agent_id(account_id)
    assert a.call("PUT", f"/agents/{agent_id}/profile", {"profile": "ADMIN"}) == {"status": 200, "success": True}
    assert a.call("GET", "/agents", account_id=account_id)["data"][0]["administrator"] == "SIM"


def test_an_agents_email_is_unique_in_any_letter_case(a: Partner) -> None:
    account_id = a.account()
    first = a.agent_id(account_id, "ana@example.com")
    _refused(a.agent(account_id, "ANA@Example.com"), "E-mail has already been taken")
    other = a.agent_id(account_id, "bia@example.com")
    _refused(
        a.call("PUT", f"/agents/{other}", {"agent": {"email": "Ana@example.com"}}), "E-mail has already been taken"
    )
    assert a.call("PUT", f"/agents/{first}", {"agent": {"email": "ANA@example.com"}})["success"] is True


# -- departments ----------------------------------------------------------------------------


def test_a_department_is_created_active_with_its_channels(a: Partner) -> None:
    account_id = a.account()
    answer = a.call(
        "POST",
        "/departments",
        {"department": {"account_id": account_id, "name": "Sales", "channels": ["chat", "video"]}},
    )
    (department,) = answer["data"]
    assert department["account_id"] == account_id
    assert (department["name"], department["description"], department["ativo"]) == ("Sales", None, 1)
    assert department["channels"] == ["chat", "video"]
    listed = a.call("GET", "/departments", account_id=account_id)["data"]
    assert [department["name"] for department in listed] == ["Sales"]


def test_department_channels_are_a_set(a: Partner) -> None:
    department_id = a.department(a.account(), channels=["chat"])
    assert a.call("POST", f"/departments/{department_id}/add_channels", {"channels": ["audio", "chat"]})["data"] == [
        "chat",
        "audio",
    ]
    assert a.call("POST", f"/departments/{department_id}/remove_channels", {"channels": ["chat", "video"]})["data"] == [
        "audio"
    ]
    assert a.call("GET", f"/departments/{department_id}/channels")["data"] == ["audio"]


def test_department_agents_are_a_set_of_the_accounts_agents(a: Partner) -> None:
    account_id = a.account()
    ana = a.agent_id(account_id, "ana@example.com")
    bia = a.agent_id(account_id, "bia@example.com")
    department_id = a.department(account_id)
    added = a.call("POST", f"/departments/{department_id}/add_agents", {"agents": [str(ana), bia, str(ana)]})
    assert [agent["id"] for agent in added["data"]] == [ana, bia]
    removed = a.call("POST", f"/departments/{department_id}/remove_agents", {"agents": [str(ana), 424242]})
    assert [agent["id"] for agent in removed["data"]] == [bia]
    assert [agent["id"] for agent in a.call("GET", f"/departments/{department_id}/agents")["data"]] == [bia]


def test_an_agent_of_another_account_cannot_join_a_department_and_nothing_changes(a: Partner) -> None:
    first, second = a.account(), a.account()
    ana = a.agent_id(first, "ana@example.com")
    outsider = a.agent_id(second, "out@example.com")
    department_id = a.department(first)
    _refused(a.call("POST", f"/departments/{department_id}/add_agents", {"agents": [ana, outsider]}), "Agent not found")
    assert a.call("GET", f"/departments/{department_id}/agents")["data"] == []


def test_a_department_update_changes_only_what_it_names(a: Partner) -> None:
    department_id = a.department(a.account(), description="Old", channels=["chat"])
    answer = a.call("PUT", f"/departments/{department_id}", {"department": {"name": "Support", "ativo": 0}})
    (department,) = answer["data"]
    assert (department["name"], department["ativo"]) == ("Support", 0)
    assert (department["description"], department["channels"]) == ("Old", ["chat"])


@given(
    pairs=st.lists(st.tuples(st.sampled_from(["token", "tok", "t%6Fken", "account_id", "xtoken"]), st.text(max_size=6)))
)
def test_the_query_is_read_as_starlette_reads_it(pairs: list[tuple[str, str]]) -> None:
    query = "&".join(f"{name}={quote_plus(value)}" for name, value in pairs).encode()
    request = Request({"type": "http", "query_string": query, "headers": []})
    tokens = query_values(request).get("token")
    assert (tokens[-1] if tokens else None) == QueryParams(query.decode("latin-1")).get("token")
    assert query_values(request) is query_values(request)  # parsed once


# -- October 2020: show and delete agent, list accounts, paged and searchable lists -------------


def test_show_agent_answers_the_2020_shape_with_the_agents_departments(a: Partner) -> None:
    account_id = a.account()
    ana = a.agent_id(account_id)
    sales = a.department(account_id, name="Sales")
    a.department(account_id, name="Support")
    a.call("POST", f"/departments/{sales}/add_agents", {"agents": [ana]})
    detail = a.call("GET", f"/agents/{ana}", account_id=account_id)["data"]
    assert list(detail) == [
        "id", "name", "photo", "phone_extension", "signature", "email", "deleted_at", "ativo", "active",
        "departments", "new_status", "department",
    ]  # fmt: skip
    assert (detail["id"], detail["email"], detail["ativo"], detail["active"]) == (ana, "ana@example.com", 1, True)
    assert detail["departments"] == [{"id": sales, "name": "Sales"}]
    assert detail["department"] == {"id": sales, "name": "Sales"}
    bia = a.agent_id(account_id, "bia@example.com")
    lone = a.call("GET", f"/agents/{bia}", account_id=account_id)["data"]
    assert (lone["departments"], lone["department"]) == ([], None)


def test_show_and_delete_agent_find_it_only_in_the_account_they_name(a: Partner, b: Partner) -> None:
    first, second = a.account(), a.account()
    ana = a.agent_id(first)
    _refused(a.call("GET", f"/agents/{ana}", account_id=second), "Agent not found")
    _refused(b.call("GET", f"/agents/{ana}", account_id=first), "Account not found")
    _refused(a.call("DELETE", f"/agents/{ana}", {"agent": {"account_id": second}}), "Agent not found")
    _refused(b.call("DELETE", f"/agents/{ana}"), "Agent not found")
    assert a.call("GET", f"/agents/{ana}", account_id=first)["success"] is True  # nothing was deleted


def test_deleting_an_agent_takes_it_out_of_its_departments_and_frees_its_email(a: Partner) -> None:
    account_id = a.account()
    ana = a.agent_id(account_id)
    department_id = a.department(account_id)
    a.call("POST", f"/departments/{department_id}/add_agents", {"agents": [ana]})
    deleted = a.call("DELETE", f"/agents/{ana}", {"agent": {"account_id": account_id}})
    assert deleted == {"status": 200, "success": True, "message": "Agent deleted successfully"}
    _refused(a.call("GET", f"/agents/{ana}", account_id=account_id), "Agent not found")
    _refused(a.call("DELETE", f"/agents/{ana}"), "Agent not found")  # a second delete changes nothing
    assert a.call("GET", f"/departments/{department_id}/agents")["data"] == []
    assert a.agent(account_id)["success"] is True  # the e-mail is free again


def test_list_accounts_answers_the_partners_own_in_the_2020_shape(a: Partner, b: Partner) -> None:
    account_id = a.account(telefone="(11) 5555-0000")
    b.account()
    (listed,) = a.call("GET", "/accounts")["data"]
    assert listed["id"] == account_id
    assert (listed["phone"], listed["ativo"], listed["active"], listed["name"]) == ("(11) 5555-0000", 1, True, None)
    assert listed["date_creation"].endswith(".000Z")
    assert "T" in listed["date_creation"]
    a.call("PUT", f"/accounts/{account_id}", {"account": {"ativo": 0}})
    (inactive,) = a.call("GET", "/accounts")["data"]
    assert (inactive["ativo"], inactive["active"]) == (0, False)


def _ids(answer: dict[str, Any]) -> list[int]:
    assert answer["success"] is True, answer
    return [record["id"] for record in answer["data"]]


def test_lists_are_ordered_by_id_descending_unless_asked_and_paged_by_twenty(a: Partner) -> None:
    account_id = a.account(licences=30)
    agents = [a.agent_id(account_id, f"agent{number:02}@example.com") for number in range(25)]
    assert _ids(a.call("GET", "/agents", account_id=account_id)) == agents[::-1][:20]
    assert _ids(a.call("GET", "/agents", account_id=account_id, page=2)) == agents[::-1][20:]
    assert _ids(a.call("GET", "/agents", account_id=account_id, page=3)) == []
    ascending = a.call("GET", "/agents", account_id=account_id, direction="asc", limit=10, page=2)
    assert _ids(ascending) == agents[10:20]
    accounts = [account_id, *(a.account() for _ in range(2))]
    assert _ids(a.call("GET", "/accounts", limit=2)) == accounts[::-1][:2]
    assert _ids(a.call("GET", "/accounts", limit=2, page=2, direction="asc")) == accounts[2:]


def test_lists_search_by_id_or_part_of_the_name_or_email_and_order_by_a_column(a: Partner) -> None:
    account_id = a.account()
    zed = a.agent_id(account_id, "zed@example.com")
    a.call("PUT", f"/agents/{zed}", {"agent": {"name": "Zed"}})
    ana = a.agent_id(account_id, "ana@gmail.com")
    bia = a.agent_id(account_id, "bia@GMAIL.com")
    assert _ids(a.call("GET", "/agents", account_id=account_id, search="gmail", column="email", direction="asc")) == [
        ana,
        bia,
    ]
    assert _ids(a.call("GET", "/agents", account_id=account_id, search=str(zed))) == [zed]
    assert _ids(a.call("GET", "/agents", account_id=account_id, search="ZE")) == [zed]
    by_name = a.call("GET", "/agents", account_id=account_id, column="name", direction="asc")
    assert [agent["name"] for agent in by_name["data"]] == ["Ana", "Ana", "Zed"]
    other = a.account(email="other@example.org", main_contact="Carla")
    assert _ids(a.call("GET", "/accounts", search="example.org")) == [other]
    assert _ids(a.call("GET", "/accounts", column="main_contact", direction="asc"))[0] == other


@pytest.mark.parametrize(
    ("query", "field"),
    [({"page": 0}, "page"), ({"limit": 0}, "limit"), ({"direction": "up"}, "direction"), ({"column": "x"}, "column")],
)
def test_a_paging_parameter_out_of_its_range_is_refused(a: Partner, query: dict[str, Any], field: str) -> None:
    answer = a.call("GET", "/accounts", **query)
    assert answer["success"] is False
    assert field in answer["errors"]
