"""The typed spec model every layer reads: operations, parameters, extensions, routes."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from partner_apis.specs import ApiSpec, api_spec, keys, load_spec
from partner_apis.specs.model import server_url


@pytest.mark.parametrize("key", keys())
def test_every_operation_of_the_yaml_is_in_the_model_in_spec_order(key: str) -> None:
    raw = load_spec(key)
    listed = [
        operation["operationId"]
        for item in raw["paths"].values()
        for method, operation in item.items()
        if method in {"get", "put", "post", "delete", "patch", "head", "options"}
    ]
    assert [operation.operation_id for operation in api_spec(key)] == listed


def test_base_path_is_the_first_servers_path() -> None:
    assert api_spec("comm100-v4").base_path == "/v4"
    assert api_spec("omnize-partner").base_path == "/partner/api"
    assert api_spec("portsip-dealers").base_path == "/api"  # from {protocol}://{hostname}:{port}/api
    assert api_spec("comm100-v3").base_path == ""


def test_operations_carry_their_extensions() -> None:
    av = api_spec("airvantage-partners")
    find = av.operation("findPartners")
    assert find.idempotent is True
    assert find.permissions == ("accountNetwork.partners.view",)
    assert find.parameter("fields", "query").selectable_fields == ("uid", "name", "picture", "profile")
    assert find.parameter("fields").default_fields == ("uid", "name")
    assert [entry["code"] for entry in find.parameter("company").error_codes] == ["company.unknown"]
    assert find.parameter("fields").error_codes == ()
    assert api_spec("omnize-partner").operation("createAgent").token_location == "body"
    assert api_spec("omnize-partner").operation("listAgents").token_location == "query"
    assert api_spec("comm100-v4").operation("createSite").idempotent is False


def test_operations_on_another_host_name_their_servers() -> None:
    token = api_spec("comm100-v4").operation("getToken")
    assert token.servers
    assert all(url.startswith("https://") for url in token.servers)
    assert token.own_base_path == ""  # the OAuth server's root
    assert api_spec("omnize-partner").operation("loginPartner").own_base_path == ""
    assert api_spec("comm100-v4").operation("getSite").servers == ()
    assert api_spec("comm100-v4").operation("getSite").own_base_path is None


def test_a_server_url_fills_its_variables_from_values_or_defaults_within_their_enums() -> None:
    server = api_spec("portsip-dealers").raw["servers"][0]
    assert server_url(server) == "https://HOSTNAME:8887/api"
    assert server_url(server, {"hostname": "pbx.test", "port": 8888, "protocol": "http"}) == "http://pbx.test:8888/api"
    with pytest.raises(ValueError, match="protocol must be https or http, not 'ftp'"):
        server_url(server, {"protocol": "ftp"})
    with pytest.raises(ValueError, match="no variable host"):
        server_url(server, {"host": "pbx.test"})


def test_request_constants_are_each_variants_const_properties() -> None:
    client_id = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
    assert api_spec("portsip-dealers").request_constants("getToken") == (
        {"grant_type": "password", "scope": "all", "client_id": client_id},
        {"grant_type": "refresh_token", "client_id": client_id},
    )
    assert api_spec("comm100-v4").request_constants("getSite") == ()  # no request body
    raw: dict[str, Any] = {
        "paths": {
            "/things": {
                "post": {
                    "operationId": "makeThing",
                    "x-idempotent": False,
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/T"}}}},
                }
            }
        },
        "components": {
            "schemas": {
                "T": {"type": "object", "properties": {"kind": {"$ref": "#/components/schemas/K"}, "n": {}}},
                "K": {"type": "string", "const": "thing"},
            }
        },
    }
    assert ApiSpec("things", raw).request_constants("makeThing") == ({"kind": "thing"},)


def test_an_unknown_operation_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known: listSites, createSite"):
        api_spec("comm100-v4").operation("nothing")


def test_references_are_resolved_and_parameters_merged() -> None:
    raw: dict[str, Any] = {
        "openapi": "3.1.0",
        "servers": [{"url": "https://example.test/base/"}],
        "components": {
            "parameters": {"Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}}
        },
        "paths": {
            "/things/{id}": {
                "parameters": [{"$ref": "#/components/parameters/Id"}, {"name": "q", "in": "query"}],
                "get": {
                    "operationId": "getThing",
                    "x-idempotent": True,
                    "parameters": [{"name": "q", "in": "query", "required": True}],
                },
            }
        },
    }
    spec = ApiSpec("things", raw)
    get = spec.operation("getThing")
    assert spec.base_path == "/base"
    assert [(p.name, p.location, p.required) for p in get.parameters] == [("id", "path", True), ("q", "query", True)]


def test_a_spec_without_x_idempotent_is_refused() -> None:
    raw = copy.deepcopy(load_spec("comm100-v4"))
    del raw["paths"]["/global/sites"]["get"]["x-idempotent"]
    with pytest.raises(ValueError, match="GET /global/sites: the spec must say x-idempotent"):
        ApiSpec("comm100-v4", raw)
