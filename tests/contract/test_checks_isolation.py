"""The tenant isolation check (checks/isolation.py), against the tiny API with and without a leak planted."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from partner_apis.simulators.harness import serve
from tests.contract.checks.isolation import isolation_check
from tests.contract.checks.tiny_app import TinyApi, tiny_app


@pytest.fixture(params=[(), ("leak",)], ids=["sound", "leak"])
def tiny(request: pytest.FixtureRequest) -> Iterator[tuple[TinyApi, bool]]:
    with serve(tiny_app(request.param)) as server:
        yield TinyApi(server.root_url), bool(request.param)


def test_a_record_read_with_another_tenants_token_is_refused(tiny: tuple[TinyApi, bool]) -> None:
    api, leaking = tiny
    check = isolation_check(api.api)
    case, response = api.send("createItem", body={"name": "mine"}, media_type="application/json")
    check(None, response, case)  # remembers what tenant-a created
    case, response = api.send("getItem", path_parameters={"id": response.json()["id"]})
    assert response.status_code == 200
    if leaking:
        with pytest.raises(AssertionError, match=r"GET /items/\{id\} accepted tenant-b's credentials for"):
            check(None, response, case)
    else:
        check(None, response, case)


def test_a_list_as_another_tenant_shows_none_of_this_tenants_records(tiny: tuple[TinyApi, bool]) -> None:
    api, leaking = tiny
    check = isolation_check(api.api)
    case, response = api.send("createItem", body={"name": "mine"}, media_type="application/json")
    check(None, response, case)
    case, response = api.send("listItems")
    if leaking:
        with pytest.raises(AssertionError, match="as tenant-b lists"):
            check(None, response, case)
    else:
        check(None, response, case)


def test_records_the_run_did_not_create_and_refused_calls_are_not_replayed() -> None:
    with serve(tiny_app(["leak"])) as server:
        api = TinyApi(server.root_url)
        check = isolation_check(api.api)
        item = api.create("made before the check saw it")
        case, response = api.send("getItem", path_parameters={"id": item})
        check(None, response, case)  # not a record the run's creates answered: nothing to compare
        case, response = api.send("getItem", path_parameters={"id": 999})
        assert response.status_code == 404
        check(None, response, case)
