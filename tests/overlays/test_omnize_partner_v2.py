"""The Omnize v2 overlay: v1's machinery reused (token placement, SHA-256, failures in HTTP 200), v2's lists walked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from omnize_partner_v2_client.api.agents import create_agent, delete_agent, list_agents, show_agent, update_agent
from omnize_partner_v2_client.api.departments import create_department, list_departments, update_department
from omnize_partner_v2_client.models import (
    AgentCreate,
    AgentListSuccess,
    AgentScope,
    AgentSuccess,
    AgentUpdate,
    ChannelName,
    CreateAgentRequest,
    DeleteAgentRequest,
    DepartmentFields,
    DepartmentRequest,
    DepartmentSuccess,
    ListAgentsDirection,
    ListDepartmentsColumn,
    ListDepartmentsDirection,
    UpdateAgentRequest,
)

from partner_apis.overlays import omnize_partner, omnize_partner_v2
from partner_apis.overlays.omnize_partner_v2 import OmnizeError, OmnizeV2Client
from partner_apis.overlays.runtime import PlacedTokenAuth, RetryPolicy
from partner_apis.specs import api_spec, load_spec
from partner_apis.testing import RunningSimulator

TOKEN = "partner-token-v2-5e1d"
PLAIN = "1234"
DIGEST = hashlib.sha256(PLAIN.encode()).hexdigest()  # the page's example digest
NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)


class Recorder:
    """A MockTransport handler that records requests and answers a refusal inside HTTP 200 (or scripted answers)."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.answers:
            return self.answers.pop(0)
        return httpx.Response(200, json={"status": 200, "success": False, "errors": "recorded"})

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> dict[str, Any]:
        body: dict[str, Any] = json.loads(self.last.content)
        return body


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def client(recorder: Recorder) -> OmnizeV2Client:
    return omnize_partner_v2.client(TOKEN, transport=httpx.MockTransport(recorder), retry=NO_WAIT)


CALLS: dict[str, Callable[[OmnizeV2Client], object]] = {
    "listAgents": lambda c: list_agents.sync(client=c, account_id=1, search="ana", page=2, limit=5),
    "showAgent": lambda c: show_agent.sync(7, client=c, account_id=1),
    "createAgent": lambda c: create_agent.sync(
        client=c,
        body=CreateAgentRequest(
            agent=AgentCreate(name="Ana", email="ana@example.com", password=PLAIN, account_id=1), department_ids=[3]
        ),
    ),
    "updateAgent": lambda c: update_agent.sync(
        7, client=c, body=UpdateAgentRequest(agent=AgentUpdate(account_id=1, password=PLAIN))
    ),
    "deleteAgent": lambda c: delete_agent.sync(7, client=c, body=DeleteAgentRequest(agent=AgentScope(account_id=1))),
    "listDepartments": lambda c: list_departments.sync(client=c, account_id=1),
    "createDepartment": lambda c: create_department.sync(
        client=c, body=DepartmentRequest(department=DepartmentFields(account_id=1, name="Sales"))
    ),
    "updateDepartment": lambda c: update_department.sync(
        3, client=c, body=DepartmentRequest(department=DepartmentFields(account_id=1), channels=[ChannelName.VOICE])
    ),
}
LOCATIONS = {operation.operation_id: operation.token_location for operation in api_spec("omnize-partner-v2")}


def test_every_spec_operation_has_a_call_in_this_suite() -> None:
    assert set(CALLS) == set(LOCATIONS)


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_each_operation_carries_the_token_once_where_the_spec_says_and_a_refusal_raises_v1s_error(
    operation: str, client: OmnizeV2Client, recorder: Recorder
) -> None:
    with pytest.raises(omnize_partner.OmnizeError, match="recorded"):  # the same class as v1's
        CALLS[operation](client)
    assert recorder.last.url.host == "zchat.zenvia.io"
    assert recorder.last.url.path.startswith("/partner/api/")
    if LOCATIONS[operation] == "query":
        assert recorder.last.url.params.get_list("token") == [TOKEN]
        assert recorder.last.content == b""
    else:
        assert recorder.last_json()["token"] == TOKEN
        assert "token" not in recorder.last.url.params
        assert recorder.last.content.count(TOKEN.encode()) == 1


def test_passwords_go_as_their_sha256_digest_and_the_table_matches_the_spec(
    client: OmnizeV2Client, recorder: Recorder
) -> None:
    for operation in omnize_partner_v2.PASSWORD_FIELDS:
        with pytest.raises(OmnizeError):
            CALLS[operation](client)
        assert recorder.last_json()["agent"]["password"] == DIGEST
        assert PLAIN.encode() not in recorder.last.content
    raw = load_spec("omnize-partner-v2")
    with_password = {
        operation["operationId"]
        for item in raw["paths"].values()
        for operation in item.values()
        if "requestBody" in operation and "password" in json.dumps(_resolved_body(raw, operation))
    }
    assert with_password == set(omnize_partner_v2.PASSWORD_FIELDS)


def _resolved_body(raw: dict[str, Any], operation: dict[str, Any]) -> Any:
    schemas = raw["components"]["schemas"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    name = schema["$ref"].rsplit("/", 1)[-1]
    agent = schemas[name]["properties"].get("agent", {})
    return schemas[agent["$ref"].rsplit("/", 1)[-1]] if "$ref" in agent else {}


def test_the_machinery_is_the_runtimes_not_a_copy(client: OmnizeV2Client) -> None:
    checked = client.get_httpx_client()._auth  # the runtime's error check around the API's auth flow
    assert type(checked.inner) is PlacedTokenAuth  # type: ignore[union-attr]
    assert omnize_partner_v2.OmnizeError is omnize_partner.OmnizeError
    assert omnize_partner_v2.password_digest is omnize_partner.password_digest
    assert TOKEN not in repr(client)


def test_an_answer_without_a_success_flag_is_a_failure_not_a_result(recorder: Recorder) -> None:
    recorder.answers.append(httpx.Response(200, json={"status": 200, "departments": []}))
    client = omnize_partner_v2.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeError, match="no success flag"):
        list_departments.sync(client=client, account_id=1)


def test_an_empty_token_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        omnize_partner_v2.client("")


# -- against the simulator ----------------------------------------------------------------------


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator]) -> RunningSimulator:
    return partner_api_simulator("omnize-partner-v2")


def _account(sim: RunningSimulator) -> int:
    account_id: int = sim.tenant(0).facts["account_id"]
    return account_id


def test_a_flow_through_the_client(sim: RunningSimulator) -> None:
    client: OmnizeV2Client = sim.client()
    account_id = _account(sim)
    department = create_department.sync(
        client=client,
        body=DepartmentRequest(
            department=DepartmentFields(account_id=account_id, name="Sales"), channels=[ChannelName.AUDIO]
        ),
    )
    assert isinstance(department, DepartmentSuccess)
    assert [channel.name for channel in department.department.channels] == ["VOICE"]
    created = create_agent.sync(
        client=client,
        body=CreateAgentRequest(
            agent=AgentCreate(name="Ana", email="ana@example.com", password=PLAIN, account_id=account_id)
        ),
    )
    assert isinstance(created, AgentSuccess)
    assert sim.simulator.store.agents[created.agent.id].password_digest == DIGEST
    assert [part.name for part in created.agent.departments] == ["Sales"]
    listed = list_agents.sync(client=client, account_id=account_id)
    assert isinstance(listed, AgentListSuccess)
    assert [agent.email for agent in listed.agents] == ["ana@example.com"]
    with pytest.raises(OmnizeError) as refused:
        show_agent.sync(created.agent.id, client=sim.client(1), account_id=account_id)
    assert refused.value.vendor_message == "Account not found"


def _agents(client: OmnizeV2Client, account_id: int, count: int) -> list[int]:
    ids = []
    for number in range(count):
        fields = AgentCreate(name=f"A{number}", email=f"a{number}@example.com", password=PLAIN, account_id=account_id)
        created = create_agent.sync(client=client, body=CreateAgentRequest(agent=fields))
        assert isinstance(created, AgentSuccess)
        ids.append(created.agent.id)
    return ids


@pytest.mark.parametrize(("count", "page_size"), [(5, 2), (4, 2), (0, 3)])
def test_iter_agents_walks_every_page(sim: RunningSimulator, count: int, page_size: int) -> None:
    client: OmnizeV2Client = sim.client()
    ids = _agents(client, _account(sim), count)
    walked = omnize_partner_v2.iter_agents(client, _account(sim), page_size=page_size)
    assert [agent.id for agent in walked] == ids[::-1]
    ascending = omnize_partner_v2.iter_agents(
        client, _account(sim), direction=ListAgentsDirection.ASC, search="example", page_size=page_size
    )
    assert [agent.id for agent in ascending] == ids


@pytest.mark.anyio
async def test_the_async_walks_read_the_same_items(sim: RunningSimulator) -> None:
    client: OmnizeV2Client = sim.client()
    account_id = _account(sim)
    ids = _agents(client, account_id, 3)
    assert [agent.id async for agent in omnize_partner_v2.aiter_agents(client, account_id, page_size=2)] == ids[::-1]
    for name in ("Sales", "Billing", "Support"):
        create_department.sync(
            client=client, body=DepartmentRequest(department=DepartmentFields(account_id=account_id, name=name))
        )
    names = [
        department.name
        async for department in omnize_partner_v2.aiter_departments(
            client,
            account_id,
            column=ListDepartmentsColumn.NAME,
            direction=ListDepartmentsDirection.ASC,
            page_size=2,
        )
    ]
    assert names == ["Billing", "Sales", "Support"]
    synced = omnize_partner_v2.iter_departments(client, account_id, search="s", page_size=1)
    assert sorted(department.name for department in synced) == ["Sales", "Support"]
