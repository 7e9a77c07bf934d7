"""The PortSIP simulator answers only what the vendor's own OpenAPI file allows, as well as our spec.

The vendor's constraints are transcribed as facts in ``vendor_facts/portsip_openapi.yaml``
(field names, types, ``required``, nullability, lengths, ranges; its source and commit
are in the file), not copied from the vendor's document. Each answer of every dealer
operation, and of the vendor's other login operations, is checked against those facts
and against our spec's response schema (specs/CONVENTIONS.md, "Sources, and when they
disagree": the simulator answers only what both allow). Requests the vendor's file
accepts are not refused without a cited rule: an id of any form that names no dealer is
404, never 400.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from starlette.testclient import TestClient

from partner_apis.simulators.portsip_dealers import CLIENT_ID, DEFAULT_CREDENTIALS, create_app
from partner_apis.specs import api_spec

FACTS: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "vendor_facts" / "portsip_openapi.yaml").read_text(encoding="utf-8")
)
SPEC = api_spec("portsip-dealers")
ADMIN = DEFAULT_CREDENTIALS[0]
BASE = "/api"
INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
FULL_DEALER = {
    "enabled": True,
    "level": "DISTRIBUTOR",
    "name": "northwind",
    "password": "northwind-password",
    "email": "example@example.com",
    "display_name": "Northwind",
    "website": "https://northwind.example",
    "phone": "+1 555 0100",
    "address": "1 Main Street",
    "description": "first distributor",
    "max_tenants": 100,
    "max_extensions": 50000,
    "tenant_full_access": True,
}
# Only what the vendor's file requires on create: every optional field left blank.
BARE_DEALER = {"level": "RESELLER", "name": "bare", "password": "bare-password", "max_tenants": 0, "max_extensions": 0}


def _field_schema(fact: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema a field's facts say (its type, lengths, range; int32/int64 as bounds)."""
    if fact["type"] == "array":
        return {"type": "array", "items": _object_schema(fact["items"])}
    schema: dict[str, Any] = {"type": fact["type"]}
    for keyword in ("minLength", "maxLength", "minimum", "enum"):
        if keyword in fact:
            schema[keyword] = fact[keyword]
    if fact.get("format") in INT_RANGES:
        low, high = INT_RANGES[fact["format"]]
        schema["minimum"] = max(schema.get("minimum", low), low)
        schema["maximum"] = high
    return schema


def _object_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one of the facts' objects: its fields, what it requires, what may be null."""
    facts = FACTS["objects"][name]
    properties = {}
    for field, fact in facts["fields"].items():
        schema = _field_schema(fact)
        if field in facts["nullable"]:
            schema = {"anyOf": [schema, {"type": "null"}]}
        properties[field] = schema
    return {"type": "object", "properties": properties, "required": list(facts["required"])}


def _vendor_schema(answer: str | list[str]) -> dict[str, Any]:
    if isinstance(answer, list):  # the vendor's oneOf of objects requiring nothing, read as anyOf (see the facts)
        return {"anyOf": [_object_schema(name) for name in answer]}
    return _object_schema(answer)


def _our_schema(operation_id: str, status: int) -> dict[str, Any] | None:
    """Our spec's schema for an answer (None for an answer without a body), with its components."""
    response = SPEC.operation(operation_id).raw["responses"][str(status)]
    content = SPEC.resolve(response).get("content")
    if not content:
        return None
    return {**content["application/json"]["schema"], "components": SPEC.raw["components"]}


# The vendor's operationIds against ours (three differ; see the spec's x-doc-quirks).
OURS = {
    "listDealers": "listDealers",
    "createDealer": "createDealer",
    "retrieveDealer": "getDealer",
    "updateDealer": "updateDealer",
    "deleteDealer": "destroyDealer",
    "resetDealerPassword": "setDealerPassword",
    "login": "login",
    "getLoginStatus": "getLoginStatus",
    "signInWithCredentials": "signInWithCredentials",
    "refreshToken": "refreshToken",
}


def _check(vendor_operation: str, status: int, body: bytes, content: Any) -> None:
    """Assert one answer is what both the vendor's facts and our spec allow for this operation."""
    facts = FACTS["operations"][vendor_operation]
    assert status == facts["status"], f"{vendor_operation}: status {status}, the vendor's file says {facts['status']}"
    if facts["answer"] is None:
        assert body == b"", f"{vendor_operation}: the vendor's file gives this answer no body, got {body!r}"
        return
    jsonschema.validate(content, _vendor_schema(facts["answer"]))
    ours = _our_schema(OURS[vendor_operation], status)
    assert ours is not None, f"{vendor_operation}: our spec declares no body for {status}"
    jsonschema.validate(content, ours)


class Recorder:
    """Calls the simulator and checks every success answer of a vendor operation as it comes."""

    def __init__(self, api: TestClient) -> None:
        self.api = api
        self.checked: list[str] = []

    def call(self, vendor_operation: str, *, token: str | None = None, id: str = "", **kwargs: Any) -> Any:
        facts = FACTS["operations"][vendor_operation]
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        path = BASE + facts["path"].replace("{id}", id)
        response = self.api.request(facts["method"], path, headers=headers, **kwargs)
        assert response.status_code < 400, f"{vendor_operation}: {response.status_code} {response.text}"
        content = response.json() if response.content else None
        _check(vendor_operation, response.status_code, response.content, content)
        self.checked.append(vendor_operation)
        return content


@pytest.fixture
def api() -> Iterator[TestClient]:
    with TestClient(create_app()) as client:
        yield client


def _token(api: TestClient) -> str:
    form = {
        "grant_type": "password",
        "username": ADMIN.username,
        "password": ADMIN.password,
        "scope": "all",
        "client_id": CLIENT_ID,
    }
    response = api.post(BASE + "/login/oauth/token", data=form)
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


def test_the_facts_name_their_source_and_every_dealer_operation_of_ours() -> None:
    source = FACTS["source"]
    assert source["repository"] == "portsip/portsip-knowledge-base"
    assert len(source["commit"]) == 40
    for vendor_operation, facts in FACTS["operations"].items():
        ours = SPEC.operation(OURS[vendor_operation])
        assert (ours.method.upper(), ours.path) == (facts["method"], facts["path"]), vendor_operation


def test_every_dealer_answer_is_what_the_vendors_file_and_our_spec_both_allow(api: TestClient) -> None:
    calls = Recorder(api)
    token = _token(api)
    full = calls.call("createDealer", token=token, json=FULL_DEALER)["id"]
    bare = calls.call("createDealer", token=token, json=BARE_DEALER)["id"]
    listed = calls.call("listDealers", token=token)
    assert {item["id"] for item in listed["items"]} == {full, bare}
    # A dealer with every optional field blank: the vendor's file allows no null, so
    # blank fields are left out, not sent as null.
    blank = calls.call("retrieveDealer", token=token, id=bare)
    assert None not in blank.values(), blank
    calls.call("retrieveDealer", token=token, id=full)
    calls.call("updateDealer", token=token, id=bare, json={"description": "now described", "max_tenants": 5})
    assert calls.call("retrieveDealer", token=token, id=bare)["description"] == "now described"
    calls.call("resetDealerPassword", token=token, id=bare, json={"password": "another-password"})
    calls.call("deleteDealer", token=token, id=bare)
    calls.call("listDealers", token=token)
    assert sorted(set(calls.checked)) == sorted(
        ["listDealers", "createDealer", "retrieveDealer", "updateDealer", "resetDealerPassword", "deleteDealer"]
    )


@pytest.mark.parametrize(
    "dealer_id",
    ["NzAwNTUxOTA5NzczMTQ4MTYw", "878156644691742720", "not-base64!", "a b", "ümlaut", "x" * 300, "=", "a.b~c"],
    ids=["vendor-example", "raw-decimal", "punctuation", "space", "non-ascii", "long", "padding-only", "dots"],
)
@pytest.mark.parametrize("operation", ["retrieveDealer", "updateDealer", "resetDealerPassword", "deleteDealer"])
def test_an_id_of_any_form_that_names_no_dealer_is_404_not_400(api: TestClient, operation: str, dealer_id: str) -> None:
    # The vendor's file types the path id as a plain string ("the format has no
    # constraints", about.md): no vendor document states a rule that refuses one.
    facts = FACTS["operations"][operation]
    path = BASE + facts["path"].replace("{id}", dealer_id)
    body = {"password": "p"} if operation == "resetDealerPassword" else {}
    headers = {"Authorization": f"Bearer {_token(api)}"}
    response = api.request(facts["method"], path, headers=headers, json=body if facts["method"] == "POST" else None)
    assert response.status_code == 404, (response.status_code, response.text)
    assert response.json()["errors"][0]["code"] == "NOT_FOUND"


def test_requests_the_vendors_file_accepts_are_not_refused_without_a_cited_rule(api: TestClient) -> None:
    token = _token(api)
    headers = {"Authorization": f"Bearer {token}"}
    created = api.post(BASE + "/dealers", headers=headers, json={**BARE_DEALER, "name": "acme"})
    assert created.status_code == 201, created.text
    dealer = BASE + "/dealers/" + created.json()["id"]
    # An update body may carry name, level and password: the vendor's update schema does
    # not declare them, and unknown fields are ignored, so nothing of them changes.
    update = api.post(dealer, headers=headers, json={"name": "renamed", "level": "DISTRIBUTOR", "password": "p"})
    assert update.status_code == 200, update.text
    stored = api.get(dealer, headers=headers).json()
    assert (stored["name"], stored["level"]) == ("acme", "RESELLER")
    # The password body requires nothing in the vendor's file: an empty one changes nothing.
    assert api.post(dealer + "/password", headers=headers, json={}).status_code == 200
    # The vendor's file puts no constraint on the password: an empty one is accepted.
    empty = api.post(BASE + "/dealers", headers=headers, json={**BARE_DEALER, "name": "empty", "password": ""})
    assert empty.status_code == 201, empty.text
    # Free-text search (the vendor declares none on this list and a free string elsewhere).
    assert api.get(BASE + "/dealers", headers=headers, params={"search": "%%"}).status_code == 200


def test_each_refusal_of_a_request_the_vendors_file_accepts_cites_a_vendor_document() -> None:
    # Our spec is stricter than the vendor's file only where a vendor document states the
    # rule: the name's character and reserved-name rules (prose in the vendor's own
    # description) and the list options' grammar (about.md). Each carries its x-source.
    name = SPEC.schemas["DealerName"]
    assert "pattern" in name
    assert "not" in name
    assert "x-source" in name
    for parameter in ("filter", "orderby"):
        raw = SPEC.operation("listDealers").parameter(parameter).raw
        assert "x-source" in raw, parameter
    path_id = SPEC.resolve(SPEC.operation("getDealer").parameter("id").raw["schema"])
    assert "pattern" not in path_id, "the vendor's path id has no constraints: an unknown id is 404"


def test_the_vendors_other_login_operations_answer_what_its_file_allows(api: TestClient) -> None:
    calls = Recorder(api)
    credentials = {"username": ADMIN.username, "password": ADMIN.password}
    signed_in = calls.call("signInWithCredentials", json=credentials)
    assert signed_in["access_token"]
    assert signed_in["refresh_token"]
    renewed = calls.call("refreshToken", json={"refresh_token": signed_in["refresh_token"]})
    assert renewed["access_token"] != signed_in["access_token"]
    # The token of either works on a dealer call.
    assert api.get(BASE + "/dealers", headers={"Authorization": f"Bearer {renewed['access_token']}"}).status_code == 200
    # The session form: POST /login opens a session (a cookie here), GET /login tells its token.
    calls.call("login", json=credentials)
    status = calls.call("getLoginStatus")
    assert status["role"] == "SystemAdmin"
    assert api.get(BASE + "/dealers", headers={"Authorization": f"Bearer {status['access_token']}"}).status_code == 200
    assert sorted(calls.checked) == sorted(["signInWithCredentials", "refreshToken", "login", "getLoginStatus"])
