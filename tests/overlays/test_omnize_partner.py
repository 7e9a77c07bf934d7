"""The Omnize overlay: failures inside HTTP 200 raise, the token and passwords go on the wire as Omnize wants."""

from __future__ import annotations

import hashlib
import json
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from omnize_partner_client.api.accounts import create_account, delete_account, list_accounts, update_account
from omnize_partner_client.api.agents import (
    create_agent,
    delete_agent,
    list_agents,
    show_agent,
    update_agent,
    update_agent_profile,
)
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
    ListAccountsColumn,
    ListAccountsDirection,
    ListAgentsDirection,
    LoginPartnerRequest,
    Profile,
    UpdateAgentProfileRequest,
    UpdateAgentRequest,
    UpdateDepartmentRequest,
)

from partner_apis.overlays import omnize_partner
from partner_apis.overlays.omnize_partner import OmnizeClient, OmnizeError, OmnizeLoginError
from partner_apis.overlays.runtime import MASK, NotFoundError, RetryPolicy, ServerError, redact
from partner_apis.overlays.runtime.paging import PagingError
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
    "listAccounts": lambda c: list_accounts.sync(client=c, search="olga", page=2, limit=10),
    "showAgent": lambda c: show_agent.sync(12, client=c, account_id=1),
    "deleteAgent": lambda c: delete_agent.sync(12, client=c),
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
    assert recorder.last.url.path == "/partner/api/accounts/3"
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


def test_the_partner_api_stays_on_its_own_host_the_october_2020_one_by_default(
    client: OmnizeClient, recorder: Recorder
) -> None:
    _send(CALLS["listAgents"], client)
    assert recorder.last.url.scheme == "https"
    assert recorder.last.url.host == "zchat.zenvia.io"
    assert recorder.last.url.path == "/partner/api/agents"


def test_the_march_2019_host_is_still_reachable_with_a_deprecation_warning(recorder: Recorder) -> None:
    with pytest.warns(DeprecationWarning, match="March 2019 host"):
        legacy = omnize_partner.client(
            TOKEN, base_url=omnize_partner.LEGACY_BASE_URL, transport=httpx.MockTransport(recorder), retry=NO_WAIT
        )
    _send(CALLS["listAgents"], legacy)
    assert str(recorder.last.url).startswith("http://partner.omnize.com/api/v1/agents?")
    assert recorder.last.url.params.get_list("token") == [TOKEN]
    _send(CALLS["updateAgent"], legacy)
    assert recorder.last.url.path == "/api/v1/agents/12"
    assert recorder.last_json()["token"] == TOKEN
    assert recorder.last_json()["agent"]["password"] == DIGEST


def test_the_default_host_gives_no_deprecation_warning(recorder: Recorder) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))


def test_url_login_is_deprecated_but_usable(client: OmnizeClient, recorder: Recorder) -> None:
    recorder.answers.append(httpx.Response(200, json={"message": "", "token": "login-token-1", "status": 200}))
    with pytest.warns(DeprecationWarning, match="URL login"):
        assert omnize_partner.login(client, "a@example.com") == "login-token-1"
    assert recorder.last.url.host == LOGIN_HOST


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
    with pytest.warns(DeprecationWarning, match="URL login"):
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


def test_delete_agent_sends_a_json_body_with_the_token(client: OmnizeClient, recorder: Recorder) -> None:
    _send(lambda c: delete_agent.sync(12, client=c), client)
    assert (recorder.last.method, recorder.last.url.path) == ("DELETE", "/partner/api/agents/12")
    assert recorder.last_json() == {"token": TOKEN}


# -- the October 2020 lists, walked a page at a time -------------------------------------------


def _agents(client: OmnizeClient, account_id: int, count: int) -> list[int]:
    ids = []
    for number in range(count):
        agent = AgentCreate(
            email=f"agent{number:02}@example.com", name=f"Agent {number}", password=PLAIN, account_id=account_id
        )
        created = create_agent.sync(client=client, body=CreateAgentRequest(agent=agent))
        assert isinstance(created, AgentSuccess)
        ids.append(created.data.id)
    return ids


@pytest.mark.parametrize(("count", "page_size"), [(7, 3), (6, 3), (2, 5), (0, 5)])
def test_iter_agents_walks_every_page_once_whatever_the_total(
    sim: RunningSimulator, count: int, page_size: int
) -> None:
    # A total that is a multiple of the page size ends with an empty page; any other, with a short one.
    client = _client_for(sim)
    account_id = _account(client, licences=10)
    ids = _agents(client, account_id, count)
    walked = [agent.id for agent in omnize_partner.iter_agents(client, account_id, page_size=page_size)]
    assert walked == ids[::-1]  # by id, descending: the server's default order
    ascending = omnize_partner.iter_agents(client, account_id, direction=ListAgentsDirection.ASC, page_size=page_size)
    assert [agent.id for agent in ascending] == ids


def test_iter_accounts_and_iter_agents_pass_the_search_and_order_on(sim: RunningSimulator) -> None:
    client = _client_for(sim)
    first, second = _account(client), _account(client)
    _agents(client, first, 3)
    found = omnize_partner.iter_agents(client, first, search="agent01", page_size=2)
    assert [agent.email for agent in found] == ["agent01@example.com"]
    accounts = omnize_partner.iter_accounts(client, column=ListAccountsColumn.ID, direction=ListAccountsDirection.ASC)
    assert [account.id for account in accounts] == [first, second]
    assert [account.id for account in omnize_partner.iter_accounts(_client_for(sim, 1))] == []


@pytest.mark.anyio
async def test_the_async_walks_read_the_same_items(sim: RunningSimulator) -> None:
    client = _client_for(sim)
    account_id = _account(client, licences=10)
    ids = _agents(client, account_id, 5)
    walked = [agent.id async for agent in omnize_partner.aiter_agents(client, account_id, page_size=2)]
    assert walked == ids[::-1]
    assert [account.id async for account in omnize_partner.aiter_accounts(client, page_size=1)] == [account_id]


def _page(*ids: int) -> httpx.Response:
    return httpx.Response(200, json={"status": 200, "success": True, "data": [_SUMMARY | {"id": i} for i in ids]})


_SUMMARY = {
    "name": None, "email": "o@example.com", "main_contact": "Olga", "url": "o.com.br", "user_last_access": None,
    "date_creation": "2020-10-21T12:46:12.000Z", "change_date": "2020-10-21T12:46:12.000Z", "webhook_url": None,
    "deleted_at": None, "phone": None, "ativo": 1, "active": True,
}  # fmt: skip


def test_a_server_that_ignores_the_page_number_is_caught_not_walked_forever() -> None:
    recorder = Recorder(_page(1, 2), _page(1, 2), _page(3))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    walk = omnize_partner.iter_accounts(client, page_size=2)
    with pytest.raises(PagingError, match="page 2 repeats page 1"):
        list(walk)
    assert [request.url.params["page"] for request in recorder.requests] == ["1", "2"]
    assert {request.url.params["limit"] for request in recorder.requests} == {"2"}


def test_a_walk_fetches_a_page_only_when_the_one_before_is_used_up() -> None:
    recorder = Recorder(_page(1, 2), _page(3))
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    walk = omnize_partner.iter_accounts(client, page_size=2)
    assert next(walk).id == 1
    assert len(recorder.requests) == 1
    assert [account.id for account in walk] == [2, 3]
    assert len(recorder.requests) == 2  # the short page was the last


def test_a_full_last_page_is_followed_by_an_empty_one_that_ends_the_walk() -> None:
    recorder = Recorder(_page(1, 2), _page(3, 4), _page())
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder))
    assert [account.id for account in omnize_partner.iter_accounts(client, page_size=2)] == [1, 2, 3, 4]
    assert [request.url.params["page"] for request in recorder.requests] == ["1", "2", "3"]


def test_a_refusal_in_the_middle_of_a_walk_raises() -> None:
    recorder = Recorder(_page(1, 2))  # then the recorder's refusal
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(recorder), retry=NO_WAIT)
    with pytest.raises(OmnizeError, match="recorded"):
        list(omnize_partner.iter_accounts(client, page_size=2))


def test_a_page_size_below_one_is_refused() -> None:
    client = omnize_partner.client(TOKEN, transport=httpx.MockTransport(Recorder()))
    with pytest.raises(ValueError, match="at least one item"):
        omnize_partner.iter_accounts(client, page_size=-1)
