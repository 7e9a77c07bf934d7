"""The Omnize overlay: failures inside HTTP 200 raise, the token and passwords go on the wire as Omnize wants."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from omnize_partner_client.api.accounts import create_account, delete_account, update_account
from omnize_partner_client.api.agents import create_agent, list_agents, update_agent, update_agent_profile
from omnize_partner_client.api.departments import (
    add_department_agents,
    add_department_channels,
    create_department,
    list_department_agents,
    list_department_channels,
    list_departments,
    remove_department_agents,
    remove_department_channels,
    update_department,
)
from omnize_partner_client.api.url_login import login_partner
from omnize_partner_client.models import (
    AccountChanges,
    AccountCreate,
    AccountGeneralUpdate,
    AccountInactivation,
    AccountInactivationFields,
    AccountSuccess,
    AgentCreate,
    AgentListSuccess,
    AgentSuccess,
    AgentUpdate,
    Channel,
    CreateAccountRequest,
    CreateAgentRequest,
    CreateDepartmentRequest,
    DeleteAccountRequest,
    DepartmentAgentsRequest,
    DepartmentChannelsRequest,
    DepartmentCreate,
    DepartmentSuccess,
    DepartmentUpdate,
    LoginPartnerRequest,
    Profile,
    UpdateAgentProfileRequest,
    UpdateAgentRequest,
    UpdateDepartmentRequest,
)

from partner_apis.overlays import omnize_partner
from partner_apis.overlays.omnize_partner import OmnizeClient, OmnizeError, OmnizeLoginError
from partner_apis.overlays.runtime import MASK, NotFoundError, RetryPolicy, ServerError, redact
from partner_apis.specs import load_spec
from partner_apis.testing import RunningSimulator

TOKEN = "partner-token-7f3a9c"
PLAIN = "correct horse battery staple"
DIGEST = hashlib.sha256(PLAIN.encode()).hexdigest()
LOGIN_HOST = "ca1vsqktff.execute-api.us-east-1.amazonaws.com"
NO_WAIT = RetryPolicy(max_retries=2, initial_backoff=0.0, max_backoff=0.0)


class Recorder:
    """A MockTransport handler that records requests and answers a scripted body (an Omnize refusal by default)."""

    def __init__(self, *answers: httpx.Response) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.answers:
            return self.answers.pop(0)
        if request.url.path.endswith("/prod/authentication"):
            return httpx.Response(200, json={"message": "recorded", "status": 418})
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
def client(recorder: Recorder) -> OmnizeClient:
    return omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder), retry=NO_WAIT)


def _send(call: Callable[[OmnizeClient], object], client: OmnizeClient) -> None:
    """Make a call whose (recorded) answer is a refusal; only the request matters."""
    with pytest.raises(OmnizeError):
        call(client)


# One call per spec operation, through the generated functions, as a user writes them.
CALLS: dict[str, Callable[[OmnizeClient], object]] = {
    "createAgent": lambda c: create_agent.sync(
        client=c,
        body=CreateAgentRequest(
            agent=AgentCreate(email="a@example.com", name="Ana", password=PLAIN, account_id=1), profile=Profile.ADMIN
        ),
    ),
    "listAgents": lambda c: list_agents.sync(client=c, account_id=1),
    "updateAgent": lambda c: update_agent.sync(
        12, client=c, body=UpdateAgentRequest(agent=AgentUpdate(password=PLAIN))
    ),
    "updateAgentProfile": lambda c: update_agent_profile.sync(
        12, client=c, body=UpdateAgentProfileRequest(profile=Profile.AGENT)
    ),
    "createAccount": lambda c: create_account.sync(
        client=c,
        body=CreateAccountRequest(
            license_quantity=2,
            account=AccountCreate(
                email="o@example.com", main_contact="Olga", telefone="(11) 9345-0987", url="o.com.br"
            ),
            password=PLAIN,
        ),
    ),
    "updateAccount": lambda c: update_account.sync(
        3, client=c, body=AccountGeneralUpdate(account=AccountChanges(main_contact="Olga Souza"))
    ),
    "deleteAccount": lambda c: delete_account.sync(3, client=c),
    "loginPartner": lambda c: login_partner.sync(client=c, body=LoginPartnerRequest(username="a@example.com")),
    "createDepartment": lambda c: create_department.sync(
        client=c, body=CreateDepartmentRequest(department=DepartmentCreate(account_id=1, name="Sales"))
    ),
    "listDepartments": lambda c: list_departments.sync(client=c, account_id=1),
    "updateDepartment": lambda c: update_department.sync(
        5, client=c, body=UpdateDepartmentRequest(department=DepartmentUpdate(name="Support"))
    ),
    "listDepartmentChannels": lambda c: list_department_channels.sync(5, client=c),
    "listDepartmentAgents": lambda c: list_department_agents.sync(5, client=c),
    "addDepartmentAgents": lambda c: add_department_agents.sync(
        5, client=c, body=DepartmentAgentsRequest(agents=["12"])
    ),
    "removeDepartmentAgents": lambda c: remove_department_agents.sync(
        5, client=c, body=DepartmentAgentsRequest(agents=[12])
    ),
    "addDepartmentChannels": lambda c: add_department_channels.sync(
        5, client=c, body=DepartmentChannelsRequest(channels=[Channel.AUDIO])
    ),
    "removeDepartmentChannels": lambda c: remove_department_channels.sync(
        5, client=c, body=DepartmentChannelsRequest(channels=[Channel.VIDEO])
    ),
}


def _spec_operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in load_spec("omnize-partner")["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and "operationId" in operation:
                yield path, method, operation


TOKEN_LOCATION = {operation["operationId"]: operation["x-token-location"] for _, _, operation in _spec_operations()}
QUERY_OPERATIONS = sorted(name for name, where in TOKEN_LOCATION.items() if where == "query")
BODY_OPERATIONS = sorted(name for name, where in TOKEN_LOCATION.items() if where == "body")


def test_every_spec_operation_has_a_call_in_this_suite() -> None:
    assert set(CALLS) == set(TOKEN_LOCATION)


# -- the partner token: where each operation takes it, once, from the factory ---------------


@pytest.mark.parametrize("operation", QUERY_OPERATIONS)
def test_a_query_operation_carries_the_token_once_in_the_query(
    operation: str, client: OmnizeClient, recorder: Recorder
) -> None:
    _send(CALLS[operation], client)
    assert recorder.last.url.params.get_list("token") == [TOKEN]
    assert recorder.last.content == b""


@pytest.mark.parametrize("operation", BODY_OPERATIONS)
def test_a_body_operation_carries_the_token_once_in_the_json_body(
    operation: str, client: OmnizeClient, recorder: Recorder
) -> None:
    _send(CALLS[operation], client)
    assert recorder.last_json()["token"] == TOKEN
    assert recorder.last.content.count(TOKEN.encode()) == 1
    assert "token" not in recorder.last.url.params
    assert recorder.last.headers["content-type"] == "application/json"


def test_a_token_put_in_a_request_model_is_replaced_by_the_factory_token(
    client: OmnizeClient, recorder: Recorder
) -> None:
    body = UpdateAgentProfileRequest(profile=Profile.ADMIN, token="some-other-token")
    _send(lambda c: update_agent_profile.sync(12, client=c, body=body), client)
    assert recorder.last_json() == {"profile": "ADMIN", "token": TOKEN}


def test_a_stale_token_in_the_url_is_replaced_not_repeated(client: OmnizeClient, recorder: Recorder) -> None:
    # Even a raw request through the configured httpx client carries the factory's token, once.
    with pytest.raises(OmnizeError):
        client.get_httpx_client().get("/agents", params={"token": "stale-token", "account_id": 1})
    assert recorder.last.url.params.get_list("token") == [TOKEN]


@pytest.mark.parametrize(
    "query",
    [
        {"account_id": "1"},
        {"account_id": "1", "token": ["stale-1", "stale-2"]},
        {"mytoken": "x", "note": "a b&c=d"},
    ],
)
def test_the_token_joins_the_query_and_every_other_parameter_keeps_its_value(
    recorder: Recorder, query: dict[str, Any]
) -> None:
    token = "tok+en/with=odd&chars?"
    client = omnize_partner.client(token, transport=httpx.MockTransport(recorder), retry=NO_WAIT)
    with pytest.raises(OmnizeError):
        client.get_httpx_client().get("/agents", params=query)
    sent = recorder.last.url.params
    assert sent.get_list("token") == [token]
    assert {name: sent.get_list(name) for name in sent if name != "token"} == {
        name: [value] for name, value in query.items() if name != "token"
    }


@pytest.mark.parametrize(
    "send",
    [
        pytest.param(lambda c: CALLS["listAgents"](c), id="built by the factory's client"),
        pytest.param(lambda c: CALLS["listAgents"](c.with_headers({"X-Trace": "1"})), id="built by a copy"),
        pytest.param(lambda c: c.get_httpx_client().get(f"/agents?token={TOKEN}&account_id=1&token=old"), id="by hand"),
        pytest.param(lambda c: c.get_httpx_client().get(f"/agents?account_id=1&mytoken={TOKEN}"), id="look-alike"),
    ],
)
def test_however_a_query_request_is_built_it_leaves_with_the_token_once(
    send: Callable[[OmnizeClient], object], client: OmnizeClient, recorder: Recorder
) -> None:
    with pytest.raises(OmnizeError):
        send(client)
    assert recorder.last.url.params.get_list("token") == [TOKEN]
    assert recorder.last.url.params.get("account_id") == "1"


def test_no_header_carries_the_token(client: OmnizeClient, recorder: Recorder) -> None:
    _send(CALLS["listAgents"], client)
    assert "authorization" not in recorder.last.headers
    assert all(TOKEN not in value for value in recorder.last.headers.values())
    assert recorder.last.headers["accept"] == "application/json"


def test_a_retried_call_still_carries_the_token_once(recorder: Recorder) -> None:
    recorder.answers = [httpx.Response(503), httpx.Response(503)]
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder), retry=NO_WAIT)
    _send(CALLS["listAgents"], client)
    assert len(recorder.requests) == 3
    assert all(request.url.params.get_list("token") == [TOKEN] for request in recorder.requests)


def test_the_token_shows_in_no_repr_and_no_error_message(client: OmnizeClient) -> None:
    assert TOKEN not in repr(client)
    with pytest.raises(OmnizeError) as raised:
        CALLS["listAgents"](client)
    assert TOKEN not in str(raised.value)
    assert TOKEN not in repr(raised.value)
    assert redact(f"token={TOKEN}") == f"token={MASK}"


def test_an_empty_token_is_refused_at_once() -> None:
    with pytest.raises(ValueError, match="empty"):
        omnize_partner.client("")


GATEWAY = "https://gateway.example.test/omnize/v1"  # another base path than the spec's /api/v1
LOGIN_STAGE = "https://login.example.test/stage"  # URL login behind a path of its own


@pytest.mark.parametrize("operation", sorted(CALLS))
def test_under_any_base_path_each_operation_takes_the_token_where_the_spec_says(
    operation: str, recorder: Recorder
) -> None:
    # Each request's operation is found under the client's own base path (and URL login's
    # under its host's path): the token's place, URL login's host and its refusals follow.
    client = omnize_partner.client(
        TOKEN, base_url=GATEWAY, login_base_url=LOGIN_STAGE, transport=httpx.MockTransport(recorder), retry=NO_WAIT
    )
    with pytest.raises(OmnizeLoginError if operation == "loginPartner" else OmnizeError):
        CALLS[operation](client)
    sent = recorder.last
    if TOKEN_LOCATION[operation] == "query":
        assert sent.url.params.get_list("token") == [TOKEN]
    else:
        assert json.loads(sent.content)["token"] == TOKEN
        assert "token" not in sent.url.params
    if operation == "loginPartner":
        assert str(sent.url) == f"{LOGIN_STAGE}/prod/authentication"
    else:
        assert str(sent.url).startswith(f"{GATEWAY}/")


# -- passwords: SHA-256 hex on the wire, never plain text, never hashed twice ----------------

PASSWORD_OPERATIONS = sorted(omnize_partner.PASSWORD_FIELDS)


def _at(body: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = body
    for name in path:
        value = value[name]
    return value


@pytest.mark.parametrize("operation", PASSWORD_OPERATIONS)
def test_a_plain_password_goes_on_the_wire_as_its_sha256_hex_digest(
    operation: str, client: OmnizeClient, recorder: Recorder
) -> None:
    _send(CALLS[operation], client)
    wire = recorder.last.content
    assert PLAIN.encode() not in wire
    for path in omnize_partner.PASSWORD_FIELDS[operation]:
        assert _at(recorder.last_json(), path) == DIGEST


@pytest.mark.parametrize("digest", [DIGEST, DIGEST.upper()], ids=["lowercase", "uppercase"])
def test_a_password_that_already_is_a_digest_is_not_hashed_twice(
    digest: str, client: OmnizeClient, recorder: Recorder
) -> None:
    body = UpdateAgentRequest(agent=AgentUpdate(password=digest))
    _send(lambda c: update_agent.sync(12, client=c, body=body), client)
    assert recorder.last_json()["agent"]["password"] == DIGEST


def test_the_digest_is_of_the_utf8_bytes(client: OmnizeClient, recorder: Recorder) -> None:
    body = UpdateAgentRequest(agent=AgentUpdate(password="senha-çãé-✓"))
    _send(lambda c: update_agent.sync(12, client=c, body=body), client)
    assert recorder.last_json()["agent"]["password"] == hashlib.sha256("senha-çãé-✓".encode()).hexdigest()


def test_both_forms_of_a_password_are_redacted_once_sent(client: OmnizeClient) -> None:
    _send(CALLS["createAccount"], client)
    assert redact(f"sent {PLAIN} as {DIGEST}") == f"sent {MASK} as {MASK}"


def _password_paths(node: Any, spec: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(node, dict) and "$ref" in node:
        yield from _password_paths(spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]], spec, path)
        return
    if not isinstance(node, dict):
        return
    for variant in node.get("oneOf", []):
        yield from _password_paths(variant, spec, path)
    for name, schema in node.get("properties", {}).items():
        if name == "password":
            yield (*path, name)
        else:
            yield from _password_paths(schema, spec, (*path, name))


def test_the_hashed_fields_are_every_password_in_the_specs_request_bodies() -> None:
    spec = load_spec("omnize-partner")
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for _, _, operation in _spec_operations():
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        paths = tuple(_password_paths(content["schema"], spec)) if content else ()
        if paths:
            found[operation["operationId"]] = paths
    assert found == omnize_partner.PASSWORD_FIELDS


# -- failures inside HTTP 200 -----------------------------------------------------------------


def test_a_failure_inside_http_200_raises_with_omnizes_message_and_the_raw_body() -> None:
    refusal = {"status": 200, "success": False, "errors": "Invalid token"}
    recorder = Recorder(httpx.Response(200, json=refusal))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeError) as raised:
        list_agents.sync(client=client, account_id=1)
    error = raised.value
    assert error.vendor_message == "Invalid token"
    assert error.body == refusal
    assert json.loads(error.raw_body) == refusal
    assert error.status == 200
    assert "Invalid token" in str(error)


def test_a_refused_url_login_raises_with_its_message_and_status() -> None:
    recorder = Recorder(httpx.Response(200, json={"message": "User not found", "status": 404}))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeLoginError) as raised:
        omnize_partner.login(client, "nobody@example.com")
    assert raised.value.vendor_message == "User not found"
    assert raised.value.login_status == 404


STRUCTURED_ERRORS = {
    "list": (["E-mail can't be blank", "Name can't be blank"], "E-mail can't be blank; Name can't be blank"),
    "mapping": ({"email": ["can't be blank", "is invalid"]}, "email can't be blank, is invalid"),
}


@pytest.mark.parametrize(("errors", "message"), STRUCTURED_ERRORS.values(), ids=STRUCTURED_ERRORS.keys())
def test_a_failure_with_structured_errors_still_gives_one_message(errors: object, message: str) -> None:
    recorder = Recorder(httpx.Response(200, json={"status": 200, "success": False, "errors": errors}))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeError) as raised:
        list_agents.sync(client=client, account_id=1)
    assert raised.value.vendor_message == message


def test_a_partner_answer_without_a_success_flag_is_an_error_not_a_result() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": 200}))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeError, match="no success flag"):
        list_agents.sync(client=client, account_id=1)


def test_an_answer_that_is_not_json_is_an_error_not_a_result() -> None:
    recorder = Recorder(httpx.Response(200, text="<html>maintenance</html>"))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    with pytest.raises(OmnizeError, match="not a JSON object"):
        list_agents.sync(client=client, account_id=1)


@pytest.mark.parametrize(("status", "error"), [(404, NotFoundError), (502, ServerError)])
def test_an_http_error_status_keeps_the_runtimes_status_errors(status: int, error: type[Exception]) -> None:
    recorder = Recorder(*[httpx.Response(status, text="gateway says no")] * 3)
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder), retry=NO_WAIT)
    with pytest.raises(error):
        list_agents.sync(client=client, account_id=1)


def test_a_success_is_returned_as_the_generated_model() -> None:
    recorder = Recorder(httpx.Response(200, json={"status": 200, "success": True, "data": []}))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    assert isinstance(list_agents.sync(client=client, account_id=1), AgentListSuccess)


# -- DELETE with a JSON body ------------------------------------------------------------------


@pytest.mark.parametrize("body", [None, DeleteAccountRequest()], ids=["no-body-given", "empty-body-given"])
def test_delete_account_sends_a_json_body_with_the_token(
    body: DeleteAccountRequest | None, client: OmnizeClient, recorder: Recorder
) -> None:
    if body is None:
        _send(lambda c: delete_account.sync(3, client=c), client)
    else:
        _send(lambda c: delete_account.sync(3, client=c, body=body), client)
    assert recorder.last.method == "DELETE"
    assert recorder.last.url.path == "/api/v1/accounts/3"
    assert recorder.last.headers["content-type"] == "application/json"
    assert recorder.last_json() == {"token": TOKEN}


# -- URL login on its own host ----------------------------------------------------------------


def test_url_login_goes_to_the_login_host_with_the_token_in_its_body(client: OmnizeClient, recorder: Recorder) -> None:
    with pytest.raises(OmnizeLoginError):
        omnize_partner.login(client, "a@example.com")
    assert recorder.last.url.host == LOGIN_HOST
    assert recorder.last.url.path == "/prod/authentication"
    assert recorder.last.headers["host"] == LOGIN_HOST
    assert recorder.last_json() == {"action": "loginPartner", "username": "a@example.com", "token": TOKEN}


def test_the_partner_api_stays_on_its_own_host(client: OmnizeClient, recorder: Recorder) -> None:
    _send(CALLS["listAgents"], client)
    assert recorder.last.url.host == "partner.omnize.com"
    assert recorder.last.url.path == "/api/v1/agents"


# -- the strings a client builds --------------------------------------------------------------


def test_the_login_link_is_the_documented_url_with_the_login_token() -> None:
    token = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVaRp5D0e3"
    assert omnize_partner.login_link(token) == f"https://login.omnize.com.br?token={token}"


def test_the_login_link_escapes_what_a_url_cannot_carry() -> None:
    assert omnize_partner.login_link("a+b/c=&d") == "https://login.omnize.com.br?token=a%2Bb%2Fc%3D%26d"
    with pytest.raises(ValueError, match="empty"):
        omnize_partner.login_link("")


def test_the_widget_snippet_initialises_the_widget_for_the_account() -> None:
    snippet = omnize_partner.widget_snippet(4931)
    assert "wOmz.init({id:4931});" in snippet
    assert "'//widget.omnize.com'" in snippet
    assert snippet.startswith("<!-- Início do script Omnize -->")
    assert snippet.rstrip().endswith("<!-- Fim do script Omnize -->")
    assert "Ã" not in snippet


@pytest.mark.parametrize("account_id", [0, -1, True, "4931", 4931.0, "1});alert(1);({id:1"])
def test_the_widget_snippet_takes_only_a_positive_integer_id(account_id: Any) -> None:
    with pytest.raises(ValueError, match="positive integer"):
        omnize_partner.widget_snippet(account_id)


# -- end to end, against the simulator --------------------------------------------------------


@pytest.fixture
def sim(partner_api_simulator: Callable[..., RunningSimulator]) -> RunningSimulator:
    return partner_api_simulator("omnize-partner")


def _client_for(sim: RunningSimulator, partner: int = 0) -> OmnizeClient:
    return omnize_partner.client(sim.token(partner), base_url=sim.base_url, login_base_url=sim.root_url)


def _account(client: OmnizeClient, licences: int = 5) -> int:
    created = create_account.sync(
        client=client,
        body=CreateAccountRequest(
            license_quantity=licences,
            account=AccountCreate(
                email="o@example.com", main_contact="Olga", telefone="(11) 9345-0987", url="o.com.br"
            ),
        ),
    )
    assert isinstance(created, AccountSuccess)
    return created.data.id


def test_a_partner_provisions_an_account_end_to_end(sim: RunningSimulator) -> None:
    client = _client_for(sim)
    account_id = _account(client)
    agent = create_agent.sync(
        client=client,
        body=CreateAgentRequest(
            agent=AgentCreate(email="ana@example.com", name="Ana", password=PLAIN, account_id=account_id)
        ),
    )
    assert isinstance(agent, AgentSuccess)
    stored = sim.simulator.store.agents[agent.data.id]
    assert stored.password_digest == DIGEST
    department = create_department.sync(
        client=client,
        body=CreateDepartmentRequest(
            department=DepartmentCreate(account_id=account_id, name="Sales", channels=[Channel.CHAT])
        ),
    )
    assert isinstance(department, DepartmentSuccess)
    department_id = department.data[0].id
    added = add_department_agents.sync(
        department_id, client=client, body=DepartmentAgentsRequest(agents=[str(agent.data.id)])
    )
    assert isinstance(added, AgentListSuccess)
    assert [member.email for member in added.data] == ["ana@example.com"]

    link = omnize_partner.login_link(omnize_partner.login(client, "ana@example.com"))
    assert link.startswith("https://login.omnize.com.br?token=")

    deleted = delete_account.sync(account_id, client=client)
    assert deleted is not None
    with pytest.raises(OmnizeError, match="Account not found"):
        list_agents.sync(client=client, account_id=account_id)


def test_inactivating_an_account_through_the_client_stops_its_agents_login(sim: RunningSimulator) -> None:
    client = _client_for(sim)
    account_id = _account(client)
    create_agent.sync(
        client=client,
        body=CreateAgentRequest(
            agent=AgentCreate(email="bia@example.com", name="Bia", password=PLAIN, account_id=account_id)
        ),
    )
    update_account.sync(account_id, client=client, body=AccountInactivation(account=AccountInactivationFields(ativo=0)))
    with pytest.raises(OmnizeLoginError, match="inactive"):
        omnize_partner.login(client, "bia@example.com")


def test_another_partners_account_is_not_found_through_the_client(sim: RunningSimulator) -> None:
    account_id = _account(_client_for(sim, 0))
    with pytest.raises(OmnizeError) as raised:
        list_agents.sync(client=_client_for(sim, 1), account_id=account_id)
    assert raised.value.vendor_message == "Account not found"


@pytest.mark.anyio
async def test_the_async_client_places_the_token_hashes_passwords_and_raises_refusals(sim: RunningSimulator) -> None:
    client = _client_for(sim)
    created = await create_account.asyncio(
        client=client,
        body=CreateAccountRequest(
            license_quantity=1,
            account=AccountCreate(email="o@example.com", main_contact="Olga", telefone="1", url="o.com.br"),
            password=PLAIN,
        ),
    )
    assert isinstance(created, AccountSuccess)
    assert sim.simulator.store.accounts[created.data.id].password_digest == DIGEST
    agent = await create_agent.asyncio(
        client=client,
        body=CreateAgentRequest(
            agent=AgentCreate(email="caio@example.com", name="Caio", password=PLAIN, account_id=created.data.id)
        ),
    )
    assert isinstance(agent, AgentSuccess)
    listed = await list_agents.asyncio(client=client, account_id=created.data.id)  # the token in the query
    assert isinstance(listed, AgentListSuccess)
    assert [member.email for member in listed.data] == ["caio@example.com"]
    assert await omnize_partner.alogin(client, "caio@example.com") in sim.simulator.login_tokens
    with pytest.raises(OmnizeLoginError, match="User not found"):
        await omnize_partner.alogin(client, "nobody@example.com")
    with pytest.raises(OmnizeError, match="License limit reached"):
        await create_agent.asyncio(
            client=client,
            body=CreateAgentRequest(
                agent=AgentCreate(email="duda@example.com", name="Duda", password=PLAIN, account_id=created.data.id)
            ),
        )
