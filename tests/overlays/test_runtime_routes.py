"""The operation table: every request finds the spec operation it belongs to, by the spec model's one rule.

The rule (partner_apis.specs.routing): the whole path under the client's base path, a
path parameter one whole segment (which may hold a colon); an operation the spec puts on
another host is found under that host's path.
"""

from __future__ import annotations

import re

import httpx
import pytest

from partner_apis.overlays.runtime import OperationTable, operation_table
from partner_apis.specs import api_spec, keys, load_spec


def _filled(template: str, value: str = "x1") -> str:
    return re.sub(r"\{[^}]+\}", value, template)


def _home(key: str) -> list[tuple[str, str, str]]:
    """(method, template, operationId) of every operation served under the API's base URL."""
    return [(op.method, op.path, op.operation_id) for op in api_spec(key) if not op.servers]


@pytest.mark.parametrize("key", keys())
@pytest.mark.parametrize("base_url", [None, "http://127.0.0.1:9", "https://gateway.example.test/partner/api"])
def test_every_operation_is_found_from_its_filled_in_path_under_the_clients_base_path(
    key: str, base_url: str | None
) -> None:
    table = operation_table(key, base_url)
    base_path = api_spec(key).base_path if base_url is None else httpx.URL(base_url).path.rstrip("/")
    for method, template, operation_id in _home(key):
        found = table.find(method.lower(), base_path + _filled(template))
        assert found is not None, (method, template)
        assert found.operation_id == operation_id, (method, template)


@pytest.mark.parametrize("key", keys())
def test_a_path_outside_the_base_path_or_with_more_after_it_is_no_operation(key: str) -> None:
    table = operation_table(key, "https://gateway.example.test/partner/api")
    for method, template, _ in _home(key):
        assert table.find(method, "/partner/api" + _filled(template) + "/extra/x1/y") is None
        assert table.find(method, "/elsewhere" + _filled(template)) is None  # the old rule matched the end
    assert table.find("TRACE", "/partner/api/anything") is None


def test_a_parameter_never_swallows_a_colon_action() -> None:
    table = operation_table("comm100-v4")
    action = table.find("POST", "/v4/global/sites/10000:changeSiteStatus")
    assert action is not None
    assert action.operation_id == "changeSiteStatus"
    assert table.find("POST", "/v4/global/sites/10000:unknownAction") is None


def test_a_parameter_holding_a_colon_is_one_whole_segment() -> None:
    # The old matcher stopped a parameter at a colon and matched the end of the path, so
    # this was listAgents (GET /agents).
    table = operation_table("omnize-partner", "http://127.0.0.1:9/api/v1")  # the base path named, not the spec's
    found = table.find("GET", "/api/v1/departments/a:b/agents")
    assert found is not None
    assert found.operation_id == "listDepartmentAgents"


def test_an_operation_on_another_host_is_found_under_that_hosts_path() -> None:
    # Comm100 v4's OAuth server and Omnize's URL login live on other hosts than the API.
    token = operation_table("comm100-v4", "http://127.0.0.1:9/v4").find("POST", "/oauth/token")
    assert token is not None
    assert token.operation_id == "getToken"
    assert operation_table("comm100-v4", "http://127.0.0.1:9/v4").find("GET", "/global/sites") is None
    login = operation_table("omnize-partner", servers={"loginPartner": "https://login.example.test/stage"})
    found = login.find("POST", "/stage/prod/authentication")
    assert found is not None
    assert found.operation_id == "loginPartner"
    assert login.find("POST", "/prod/authentication") is None  # not where this client sends it


def test_idempotency_is_the_specs_and_http_methods_for_an_unknown_request() -> None:
    table = operation_table("comm100-v4")
    assert table.is_idempotent(httpx.Request("POST", "https://x.test/v4/global/sites/7:changeSiteStatus"))
    assert not table.is_idempotent(httpx.Request("POST", "https://x.test/v4/global/sites"))
    assert table.is_idempotent(httpx.Request("PUT", "https://x.test/v4/unknown"))
    assert not table.is_idempotent(httpx.Request("POST", "https://x.test/v4/unknown"))


def test_a_table_from_a_parsed_spec_reads_it_through_the_model() -> None:
    table = OperationTable.from_spec(load_spec("comm100-v4"), "/v4")
    found = table.find("GET", "/v4/global/sites/7")
    assert found is not None
    assert found.operation_id == "getSite"
    assert found.idempotent
