"""The Omnize v2 simulator: agents and departments keyed by resource, on v1's records and rules."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from starlette.testclient import TestClient

from partner_apis.simulators.harness import handler_name, spec_operations
from partner_apis.simulators.omnize_partner import create_app as create_v1_app
from partner_apis.simulators.omnize_partner_v2 import DEFAULT_CREDENTIALS, OmnizeV2Simulator, create_app
from partner_apis.specs import load_spec

A, B = (credential.token for credential in DEFAULT_CREDENTIALS)
API = "/partner/api"
DIGEST = hashlib.sha256(b"1234").hexdigest()


class Partner:
    """One partner calling v2 the way the page documents: the token in the query (GET) or the JSON body."""

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

    def agent(self, account_id: int, email: str, **extra: Any) -> dict[str, Any]:
        fields = {"name": email.split("@")[0], "email": email, "password": DIGEST, "account_id": account_id}
        return self.call("POST", "/agents", {"agent": fields, **extra})

    def agent_id(self, account_id: int, email: str, **extra: Any) -> int:
        answer = self.agent(account_id, email, **extra)
        assert answer["success"] is True, answer
        agent_id: int = answer["agent"]["id"]
        return agent_id

    def department(self, account_id: int, name: str, **extra: Any) -> int:
        answer = self.call("POST", "/departments", {"department": {"account_id": account_id, "name": name}, **extra})
        assert answer["success"] is True, answer
        department_id: int = answer["department"]["id"]
        return department_id


@pytest.fixture
def api() -> TestClient:
    return TestClient(create_app())


@pytest.fixture
def a(api: TestClient) -> Partner:
    return Partner(api, A)


@pytest.fixture
def b(api: TestClient) -> Partner:
    return Partner(api, B)


def _account(api: TestClient, partner: int = 0) -> int:
    account_id: int = api.app.state.simulator.tenants()[partner].facts["account_id"]  # type: ignore[attr-defined]
    return account_id


def _refused(answer: dict[str, Any], message: str) -> None:
    assert answer == {"status": 200, "success": False, "errors": message}


def test_every_spec_operation_has_a_handler_and_every_handler_an_operation() -> None:
    wanted = {handler_name(op.operation_id) for op in spec_operations(load_spec("omnize-partner-v2"))}
    assert set(OmnizeV2Simulator().handlers()) == wanted
    assert len(wanted) == 8


def test_each_partner_gets_a_seeded_account_the_other_cannot_reach(api: TestClient, a: Partner, b: Partner) -> None:
    mine, theirs = _account(api, 0), _account(api, 1)
    assert mine != theirs
    assert a.call("GET", "/agents", account_id=mine) == {"status": 200, "success": True, "agents": []}
    _refused(b.call("GET", "/agents", account_id=mine), "Account not found")
    _refused(b.call("POST", "/departments", {"department": {"account_id": mine}}), "Account not found")
    _refused(Partner(api, "not-a-partner").call("GET", "/agents", account_id=mine), "Invalid token")


def test_one_backend_an_account_made_through_v1_is_v2s_and_agents_are_seen_by_both() -> None:
    v1 = TestClient(create_v1_app())
    store = v1.app.state.simulator.store  # type: ignore[attr-defined]
    v2 = Partner(TestClient(create_app(store=store)), A)
    account = {"email": "o@example.com", "main_contact": "O", "telefone": "1", "url": "o"}
    created = v1.post("/partner/api/accounts", json={"token": A, "license_quantity": 2, "account": account})
    made: int = created.json()["data"]["id"]
    agent_id = v2.agent_id(made, "ana@example.com")
    listed = v1.get("/partner/api/agents", params={"token": A, "account_id": made}).json()["data"]
    assert [agent["id"] for agent in listed] == [agent_id]
    # v1's licence cap holds on v2's calls: the account has 2.
    v2.agent_id(made, "bia@example.com")
    _refused(v2.agent(made, "caio@example.com"), "License limit reached")
    assert v2.api.app.state.simulator.seed_data() == {"accounts": {}}  # type: ignore[attr-defined]
    # The same partner's other account does not hold the agent.
    other = v1.post("/partner/api/accounts", json={"token": A, "license_quantity": 1, "account": account})
    other_id: int = other.json()["data"]["id"]
    _refused(v2.call("GET", f"/agents/{agent_id}", account_id=other_id), "Agent not found")
    _refused(v2.call("PUT", f"/agents/{agent_id}", {"agent": {"account_id": other_id, "name": "X"}}), "Agent not found")


def test_an_agent_answer_is_keyed_agent_in_v2s_shape(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    answer = a.agent(account_id, "ana@example.com", profile="ADMIN")
    assert list(answer) == ["status", "success", "agent"]
    agent = answer["agent"]
    assert list(agent) == [
        "id", "name", "photo", "phone_extension", "signature", "email", "deleted_at", "active", "departments",
        "status", "profile", "created_at", "updated_at",
    ]  # fmt: skip
    assert (agent["active"], agent["status"], agent["profile"]) == (True, "OFFLINE", "ADMIN")
    assert agent["created_at"].endswith("Z")
    assert "password" not in agent


def test_a_new_agent_joins_the_departments_named_or_else_the_accounts_first(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    assert a.agent(account_id, "lonely@example.com")["agent"]["departments"] == []  # no department yet
    first = a.department(account_id, "Sales")
    second = a.department(account_id, "Support")
    assert a.agent(account_id, "ana@example.com")["agent"]["departments"] == [{"id": first, "name": "Sales"}]
    named = a.agent(account_id, "bia@example.com", department_ids=[second])["agent"]
    assert named["departments"] == [{"id": second, "name": "Support"}]


def test_a_department_of_another_account_is_refused_and_nothing_is_created(
    api: TestClient, a: Partner, b: Partner
) -> None:
    theirs = b.department(_account(api, 1), "Theirs")
    _refused(a.agent(_account(api), "ana@example.com", department_ids=[theirs]), "Department not found")
    assert a.call("GET", "/agents", account_id=_account(api))["agents"] == []
    assert a.agent(_account(api), "ana@example.com")["success"] is True  # the e-mail was not taken


def test_text_limit_is_a_number_or_a_string_of_digits(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    fields = {"name": "S", "email": "s@example.com", "password": DIGEST, "account_id": account_id, "text_limit": "7"}
    assert a.call("POST", "/agents", {"agent": fields})["success"] is True
    fields |= {"email": "t@example.com", "text_limit": "seven"}
    assert a.call("POST", "/agents", {"agent": fields})["success"] is False


def test_a_plain_text_password_is_refused(api: TestClient, a: Partner) -> None:
    fields = {"name": "P", "email": "p@example.com", "password": "1234", "account_id": _account(api)}
    answer = a.call("POST", "/agents", {"agent": fields})
    assert answer["success"] is False
    assert "1234" not in answer["errors"]


def test_an_update_changes_only_what_it_sends_and_department_ids_replace(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    sales, support = a.department(account_id, "Sales"), a.department(account_id, "Support")
    agent_id = a.agent_id(account_id, "ana@example.com")
    moved = a.call(
        "PUT",
        f"/agents/{agent_id}",
        {"agent": {"account_id": account_id}, "department_ids": [support], "profile": None},
    )["agent"]
    assert (moved["name"], moved["email"], moved["profile"]) == ("ana", "ana@example.com", "AGENT")
    assert moved["departments"] == [{"id": support, "name": "Support"}]
    sales_answer = a.call("GET", "/departments", account_id=account_id, search="Sales")["departments"]
    assert [(d["id"], d["agents"]) for d in sales_answer] == [(sales, 0)]
    renamed = a.call("PUT", f"/agents/{agent_id}", {"agent": {"account_id": account_id, "name": "Ana"}})["agent"]
    assert renamed["departments"] == [{"id": support, "name": "Support"}]
    _refused(
        a.call("PUT", f"/agents/{agent_id}", {"agent": {"account_id": account_id + 1, "name": "X"}}),
        "Account not found",
    )


def test_making_an_agent_active_counts_against_the_licences(api: TestClient, a: Partner) -> None:
    store = api.app.state.simulator.store  # type: ignore[attr-defined]
    account_id = _account(api)
    store.accounts[account_id].license_quantity = 1
    first = a.agent_id(account_id, "ana@example.com")
    off = a.call("PUT", f"/agents/{first}", {"agent": {"account_id": account_id, "active": False}})["agent"]
    assert off["active"] is False
    second = a.agent_id(account_id, "bia@example.com")  # the licence is free again
    refused = a.call("PUT", f"/agents/{first}", {"agent": {"account_id": account_id, "active": True, "name": "N"}})
    _refused(refused, "License limit reached")
    assert a.call("GET", f"/agents/{first}", account_id=account_id)["agent"]["name"] == "ana"  # nothing changed
    assert second != first


def test_show_and_delete_find_an_agent_only_in_the_account_named(api: TestClient, a: Partner, b: Partner) -> None:
    account_id = _account(api)
    department_id = a.department(account_id, "Sales")
    agent_id = a.agent_id(account_id, "ana@example.com")
    _refused(b.call("GET", f"/agents/{agent_id}", account_id=_account(api, 1)), "Agent not found")
    _refused(b.call("DELETE", f"/agents/{agent_id}", {"agent": {"account_id": _account(api, 1)}}), "Agent not found")
    deleted = a.call("DELETE", f"/agents/{agent_id}", {"agent": {"account_id": account_id}})
    assert deleted == {"status": 200, "success": True, "message": "Agent deleted successfully"}
    _refused(a.call("DELETE", f"/agents/{agent_id}", {"agent": {"account_id": account_id}}), "Agent not found")
    _refused(a.call("GET", f"/agents/{agent_id}", account_id=account_id), "Agent not found")
    (department,) = a.call("GET", "/departments", account_id=account_id)["departments"]
    assert (department["id"], department["agents"]) == (department_id, 0)  # it no longer counts the agent


def test_departments_answer_channels_as_objects_and_agents_as_a_count(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    ana = a.agent_id(account_id, "ana@example.com")
    body = {"department": {"account_id": account_id}, "channels": ["audio", "chat"], "agent_ids": [ana]}
    answer = a.call("POST", "/departments", body)["department"]
    assert answer["name"] == f"Department {answer['id']}"
    assert answer["channels"] == [{"id": 3, "name": "VOICE", "state": 1}, {"id": 1, "name": "CHAT", "state": 1}]
    assert answer["agents"] == 1
    updated = a.call(
        "PUT",
        f"/departments/{answer['id']}",
        {"department": {"account_id": account_id, "name": "Sales"}, "channels": ["voice"], "agent_ids": []},
    )["department"]
    assert (updated["name"], updated["agents"]) == ("Sales", 0)
    assert updated["channels"] == [{"id": 3, "name": "VOICE", "state": 1}]


def test_an_agent_of_another_account_cannot_join_a_department(api: TestClient, a: Partner, b: Partner) -> None:
    theirs = b.agent_id(_account(api, 1), "theirs@example.com")
    body = {"department": {"account_id": _account(api), "name": "Sales"}, "agent_ids": [theirs]}
    _refused(a.call("POST", "/departments", body), "Agent not found")
    assert a.call("GET", "/departments", account_id=_account(api))["departments"] == []


def test_department_lists_are_paged_searched_and_ordered(api: TestClient, a: Partner) -> None:
    account_id = _account(api)
    ids = [a.department(account_id, name) for name in ("Sales", "Support", "Billing")]
    listed = a.call("GET", "/departments", account_id=account_id)["departments"]
    assert [d["id"] for d in listed] == ids[::-1]
    page = a.call("GET", "/departments", account_id=account_id, direction="asc", limit=2, page=2)["departments"]
    assert [d["id"] for d in page] == ids[2:]
    by_name = a.call("GET", "/departments", account_id=account_id, column="name", direction="asc")["departments"]
    assert [d["name"] for d in by_name] == ["Billing", "Sales", "Support"]
    assert [d["id"] for d in a.call("GET", "/departments", account_id=account_id, search="su")["departments"]] == [
        ids[1]
    ]
