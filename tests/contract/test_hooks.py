"""The shared pieces of the contract hooks read the spec model: the ledger, own servers, the token form, the targets.

The hooks modules themselves run inside the Schemathesis CLI (the contract runs test
them); these tests pin what they build on without starting Schemathesis. Nothing here
imports a per-API hooks module: importing one registers its checks in this process.
No test name holds an API's name or key, so ``-k <api>`` still picks that API's runs.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass, field
from typing import Any

import pytest

from partner_apis.simulators.registry import create_app
from partner_apis.specs import ApiSpec, api_spec

from .hooks.ledger import Ledger
from .hooks.oauth import login_form
from .hooks.servers import own_base_url
from .runner import HOOK_VARIABLES
from .targets import TARGETS

_ids = itertools.count()


@dataclass
class Operation:
    method: str
    path: str

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"


@dataclass
class Case:
    """What the ledger reads of a Schemathesis case."""

    operation: Operation
    path_parameters: dict[str, Any] = field(default_factory=dict)
    query: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, Any] = field(default_factory=dict)
    body: Any = None
    id: str = field(default_factory=lambda: f"case-{next(_ids)}")

    @property
    def method(self) -> str:
        return self.operation.method

    @property
    def formatted_path(self) -> str:
        return self.operation.path.format(**self.path_parameters)


def case(key: str, operation_id: str, **parts: Any) -> Case:
    operation = api_spec(key).operation(operation_id)
    return Case(Operation(operation.method, operation.path), **parts)


# -- the ledger ---------------------------------------------------------------------------


def test_a_destroyed_dealer_is_gone_for_every_call_its_links_name_but_the_destroy_itself() -> None:
    ledger = Ledger(api_spec("portsip-dealers"))
    ledger.record(case("portsip-dealers", "createDealer"), {"id": "MTI="})
    destroy = case("portsip-dealers", "destroyDealer", path_parameters={"id": "MTI="})
    ledger.check_gone(case("portsip-dealers", "getDealer", path_parameters={"id": "MTI="}))  # alive: no error
    ledger.record(destroy, None)
    ledger.check_gone(destroy)  # the call that deleted it
    gone = r"MTI= \(made by createDealer\), deleted earlier with POST /dealers/MTI=/destroy"
    for operation_id in ("getDealer", "updateDealer", "setDealerPassword", "destroyDealer"):
        with pytest.raises(AssertionError, match=gone):
            ledger.check_gone(case("portsip-dealers", operation_id, path_parameters={"id": "MTI="}))
    ledger.check_gone(case("portsip-dealers", "getDealer", path_parameters={"id": "other"}))


def test_a_resource_made_again_after_its_delete_is_alive_again() -> None:
    ledger = Ledger(api_spec("portsip-dealers"))
    ledger.record(case("portsip-dealers", "createDealer"), {"id": "MTI="})
    ledger.record(case("portsip-dealers", "destroyDealer", path_parameters={"id": "MTI="}), None)
    ledger.record(case("portsip-dealers", "createDealer"), {"id": "MTI="})
    ledger.check_gone(case("portsip-dealers", "getDealer", path_parameters={"id": "MTI="}))


def test_a_post_the_spec_does_not_mark_x_deletes_deletes_nothing() -> None:
    raw = copy.deepcopy(dict(api_spec("portsip-dealers").raw))
    del raw["paths"]["/dealers/{id}/destroy"]["post"]["x-deletes"]
    ledger = Ledger(ApiSpec("portsip-dealers", raw))
    ledger.record(case("portsip-dealers", "createDealer"), {"id": "MTI="})
    ledger.record(case("portsip-dealers", "destroyDealer", path_parameters={"id": "MTI="}), None)
    ledger.check_gone(case("portsip-dealers", "getDealer", path_parameters={"id": "MTI="}))


def test_what_belongs_to_a_deleted_account_goes_with_it() -> None:
    ledger = Ledger(api_spec("omnize-partner"))
    ledger.record(case("omnize-partner", "createAccount"), {"data": {"id": 7}})
    agent = {"data": {"id": 70, "account_id": 7, "email": "a@example.com"}}
    ledger.record(case("omnize-partner", "createAgent", body={"agent": {"account_id": 7}}), agent)
    ledger.record(case("omnize-partner", "createDepartment"), {"data": [{"id": 700, "account_id": 7}]})
    ledger.record(case("omnize-partner", "deleteAccount", path_parameters={"id": "7"}), None)
    named = [
        case("omnize-partner", "listAgents", query={"account_id": 7}),
        case("omnize-partner", "createAgent", body={"agent": {"account_id": "7"}}),
        case("omnize-partner", "updateAgent", path_parameters={"id": 70}),
        case("omnize-partner", "addDepartmentAgents", path_parameters={"id": "700"}),
    ]
    for call in named:
        with pytest.raises(AssertionError, match="deleted earlier with DELETE /accounts/7"):
            ledger.check_gone(call)


def test_what_a_create_was_sent_is_the_clients_not_a_resource() -> None:
    ledger = Ledger(api_spec("omnize-partner"))
    ledger.record(case("omnize-partner", "createAccount"), {"data": {"id": 1}})
    sent = {"agent": {"account_id": 1, "email": "a@x.io"}}
    ledger.record(
        case("omnize-partner", "createAgent", body=sent), {"data": {"id": 10, "account_id": 1, "email": "a@x.io"}}
    )
    ledger.record(case("omnize-partner", "deleteAccount", path_parameters={"id": 1}), None)
    # Another agent may take the e-mail (or be given it by an update) and sign in with it.
    ledger.check_gone(case("omnize-partner", "loginPartner", body={"username": "a@x.io"}))
    with pytest.raises(AssertionError, match=r"10 \(made by createAgent\)"):
        ledger.check_gone(case("omnize-partner", "updateAgent", path_parameters={"id": 10}))


def test_not_found_fails_only_for_a_live_resource_of_the_kind_the_vendor_names() -> None:
    ledger = Ledger(api_spec("omnize-partner"))
    ledger.record(case("omnize-partner", "createAccount"), {"data": {"id": 3}})
    ledger.record(case("omnize-partner", "createDepartment"), {"data": [{"id": 30, "account_id": 3}]})
    department = case("omnize-partner", "addDepartmentAgents", path_parameters={"id": 30})
    with pytest.raises(AssertionError, match=r"not found for 30 \(made by createDepartment\)"):
        ledger.check_available(department, creator="createDepartment")
    ledger.check_available(department, creator="createAgent")  # "Agent not found": the agents it was given
    ledger.check_available(case("omnize-partner", "addDepartmentAgents", path_parameters={"id": 31}))
    ledger.record(case("omnize-partner", "deleteAccount", path_parameters={"id": 3}), None)
    ledger.check_available(department, creator="createDepartment")


def test_an_operation_is_what_a_partnership_request_makes() -> None:
    ledger = Ledger(api_spec("airvantage-partners"))
    ledger.record(case("airvantage-partners", "requestPartnership"), {"operation": "op1"})
    for operation_id in ("getOperation", "cancelOperation"):
        with pytest.raises(AssertionError, match=r"op1 \(made by requestPartnership\)"):
            ledger.check_available(case("airvantage-partners", operation_id, path_parameters={"uid": "op1"}))
    # A GET's links (findOperations -> getOperation) make nothing.
    ledger.record(case("airvantage-partners", "findOperations"), {"items": [{"uid": "op2"}]})
    ledger.check_available(case("airvantage-partners", "getOperation", path_parameters={"uid": "op2"}))


# -- own servers, the token form --------------------------------------------------------------


def test_an_operation_with_its_own_server_goes_there_or_to_the_named_origin() -> None:
    v4 = api_spec("comm100-v4")
    get_token = v4.operation("getToken")
    simulator = "http://127.0.0.1:8123/v4"
    # Anything but the vendor's own URL (a simulator, a proxy, a staging host): the same origin.
    assert own_base_url(v4, get_token, simulator, None) == "http://127.0.0.1:8123"
    # The vendor's own URL: the vendor's own token server.
    assert own_base_url(v4, get_token, "https://partnerapi.comm100.io/v4", None) == "https://partner.comm100.io"
    assert own_base_url(v4, get_token, simulator, "http://127.0.0.1:9/oauth/") == "http://127.0.0.1:9/oauth"
    omnize = api_spec("omnize-partner")
    login = omnize.operation("loginPartner")
    assert own_base_url(omnize, login, "http://127.0.0.1:8123/api/v1", None) == "http://127.0.0.1:8123"
    assert own_base_url(v4, v4.operation("getSite"), simulator, "http://x") is None


def test_the_token_form_is_what_the_spec_fixes_for_the_grant_then_the_credentials() -> None:
    spec = api_spec("portsip-dealers")
    fixed = next(each for each in spec.request_constants("getToken") if each["grant_type"] == "password")
    form = login_form(spec, "password", {"username": "admin", "password": "secret"})
    assert form == {**fixed, "username": "admin", "password": "secret"}
    assert {"client_id", "scope"} <= set(form)
    assert login_form(api_spec("comm100-v3"), "password", {"email": "e"}) == {"grant_type": "password", "email": "e"}
    with pytest.raises(KeyError, match="has no 'client_credentials' grant"):
        login_form(spec, "client_credentials", {})


# -- targets ----------------------------------------------------------------------------------


def test_a_simulator_gives_the_hooks_module_every_variable_it_reads() -> None:
    for key, target in TARGETS.items():
        env = target.simulator_auth(create_app(key)).env
        prefixes = tuple(filter(None, (target.second_tenant, *(prefix for prefix, _ in target.other_tenants))))
        others = {name for name in target.optional if prefixes and name.startswith(prefixes)}
        facts = {name for name in target.optional if any(name.endswith(fact.upper()) for fact in target.facts)}
        assert set(env) == {HOOK_VARIABLES + name for name in {*target.variables, *others, *facts}}, key
        assert all(env.values()), key


def test_live_variables_reach_the_hooks_module_under_its_own_names() -> None:
    target = TARGETS["omnize-partner"]
    env = {"PARTNER_APIS_LIVE_OMNIZE_PARTNER_TOKEN": "t", "PARTNER_APIS_LIVE_OMNIZE_PARTNER_OTHER_TOKEN": "o"}
    assert target.live_auth(env).env == {f"{HOOK_VARIABLES}TOKEN": "t", f"{HOOK_VARIABLES}OTHER_TOKEN": "o"}
    assert target.live_auth(env).hooks == "tests.contract.hooks.omnize_partner"
    with pytest.raises(KeyError):
        target.live_auth({})
