"""The harness: every spec operation has a handler and no handler lacks an operation; routing and errors."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from starlette.testclient import TestClient

from partner_apis.simulators.harness import (
    Call,
    Handler,
    Reply,
    SimError,
    build_app,
    handler_name,
    spec_operations,
)
from partner_apis.simulators.registry import SIMULATORS, create_app
from partner_apis.specs import load_spec


@pytest.mark.parametrize("key", sorted(SIMULATORS))
def test_a_simulators_routes_are_exactly_its_specs_operations(key: str) -> None:
    app = create_app(key)
    handlers = set(app.state.simulator.handlers())
    operations = {handler_name(op.operation_id) for op in spec_operations(load_spec(key))}
    assert handlers == operations


def test_handler_names_are_the_snake_case_operation_ids() -> None:
    assert handler_name("changeSiteStatus") == "change_site_status"
    assert handler_name("listSites") == "list_sites"
    assert handler_name("getToken") == "get_token"


class _Partial:
    """A simulator that forgets one operation and invents another."""

    key = "comm100-v4"

    def authenticate(self, request: object, operation: object, body: bytes) -> None:
        return None

    def render_error(self, error: SimError) -> Reply:
        return Reply(error.status, {"message": error.message})

    def handlers(self) -> Mapping[str, Handler]:
        def reply(call: Call) -> Reply:
            return Reply(200, {})

        names = [handler_name(op.operation_id) for op in spec_operations(load_spec(self.key))]
        return {name: reply for name in names[1:]} | {"delete_everything": reply}


def test_building_an_app_with_missing_or_extra_handlers_fails_loudly() -> None:
    with pytest.raises(ValueError, match=r"missing handlers \['list_sites'\].*delete_everything"):
        build_app(_Partial(), load_spec("comm100-v4"))


def test_unknown_paths_and_methods_answer_in_the_vendors_shape() -> None:
    client = TestClient(create_app("comm100-v4"))
    missing = client.get("/v4/nowhere")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    wrong_method = client.delete("/v4/global/sites")
    assert wrong_method.status_code == 405
    assert set(wrong_method.headers["allow"].split(", ")) >= {"GET", "POST"}
    assert wrong_method.json()["code"] == "method_not_allowed"
