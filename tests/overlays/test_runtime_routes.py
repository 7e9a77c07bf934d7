"""The operation table: every request finds the spec operation it belongs to."""

from __future__ import annotations

import re

import pytest

from partner_apis.overlays.runtime import operation_table
from partner_apis.specs import keys, load_spec

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def _operations(key: str) -> list[tuple[str, str, str]]:
    return [
        (method.upper(), path, operation["operationId"])
        for path, item in load_spec(key)["paths"].items()
        for method, operation in item.items()
        if method in _METHODS
    ]


@pytest.mark.parametrize("key", keys())
@pytest.mark.parametrize("prefix", ["", "/api/v4", "https://partner.example.test/api/v1"])
def test_every_operation_is_found_from_a_filled_in_path_behind_any_prefix(key: str, prefix: str) -> None:
    table = operation_table(key)
    for method, template, operation_id in _operations(key):
        path = prefix + re.sub(r"\{[^}]+\}", "x1", template)
        found = table.find(method.lower(), path)
        assert found is not None, (method, path)
        assert found.operation_id == operation_id, (method, path)


@pytest.mark.parametrize("key", keys())
def test_a_path_with_something_more_after_it_or_another_method_is_no_operation(key: str) -> None:
    table = operation_table(key)
    for method, template, _ in _operations(key):
        path = re.sub(r"\{[^}]+\}", "x1", template)
        assert table.find(method, path + "/extra/x1/y") is None
    assert table.find("TRACE", "/anything") is None


def test_a_parameter_never_swallows_a_colon_action() -> None:
    table = operation_table("comm100-v4")
    action = table.find("POST", "/v4/global/sites/10000:changeSiteStatus")
    assert action is not None
    assert action.operation_id == "changeSiteStatus"
    assert table.find("POST", "/v4/global/sites/10000:unknownAction") is None
