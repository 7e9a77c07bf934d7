"""One matching rule for clients and simulators: whole paths, whole segments, the specific template first."""

from __future__ import annotations

import pytest

from partner_apis.specs import api_spec


def _operation(key: str, method: str, path: str, base_path: str = "") -> str | None:
    found = api_spec(key).routes.find(method, path, base_path)
    return None if found is None else found.operation_id


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("POST", "/global/sites/7:changeSiteStatus", "changeSiteStatus"),
        ("GET", "/global/sites/7", "getSite"),
        ("PUT", "/global/sites/7", "updateSite"),
        ("GET", "/global/sites/7:unknownAction", "getSite"),  # an id holding a colon reaches getSite
        ("GET", "/global/sites", "listSites"),
        ("GET", "/global/sites/7/extra", None),
        ("DELETE", "/global/sites/7", None),
    ],
)
def test_comm100_v4_colon_action_paths(method: str, path: str, expected: str | None) -> None:
    assert _operation("comm100-v4", method, path) == expected


def test_a_parameter_holding_a_colon_is_a_whole_segment() -> None:
    # The old client matcher matched the end of the path and stopped parameters at a colon,
    # so this resolved to listAgents.
    assert _operation("omnize-partner", "GET", "/departments/a:b/agents") == "listDepartmentAgents"
    match = api_spec("omnize-partner").routes.match("GET", "/departments/a:b/agents")
    assert match is not None
    assert match.params == {"id": "a:b"}


def test_the_base_path_is_stripped_and_required() -> None:
    assert _operation("comm100-v4", "GET", "/v4/global/sites/7", "/v4") == "getSite"
    assert _operation("comm100-v4", "GET", "/other/global/sites/7", "/v4") is None
    assert _operation("comm100-v4", "GET", "/v4/global/sites/7") is None  # the whole path, not its end


def test_a_template_without_the_method_lists_the_allowed_ones() -> None:
    match = api_spec("comm100-v4").routes.match("DELETE", "/global/sites/7")
    assert match is not None
    assert match.operation is None
    assert set(match.allowed) == {"GET", "PUT"}
