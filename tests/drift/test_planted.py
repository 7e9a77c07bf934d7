"""The drift report against planted drift: each API served with answers changed on purpose, each change named.

An ASGI middleware wraps each API's simulator. One read operation per API answers, the
first time, its spec's own documented sample changed in four ways: a field the spec
lacks, a required field taken out, a value the spec's enum does not list, and, the
second time, a status the operation does not document. Every other request (the
sign-in, the token endpoint) is the simulator's own. The overlay client records the
traffic; the report must name each change at its JSON pointer, and nothing else.

Which read, which sample and which fields are read from the spec (``plantings.py``), so
an API added to ``specs/`` is planted in with no row here.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from partner_apis.drift import DriftReport, write_report
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.simulators.harness import serve
from partner_apis.simulators.registry import create_app, entry
from partner_apis.specs import ApiSpec, api_spec, keys
from partner_apis.testing import RunningSimulator

from .plantings import PLANTED_VALUE, Planting, derive_planting, planting_for

PLANTED_FIELD = "plantedField"
# Not Implemented: no operation planted here documents a 5xx, and the runtime does not retry it.
UNDOCUMENTED = 501


# The rows as they were written by hand (issue 16), before they were read from the spec
# (tests/drift/plantings.py). The derivation gives each of them but for two choices that
# carried no meaning: the word planted outside the enum (now PLANTED_VALUE for every API)
# and PortSIP's dealer id in the URL ("1", now the id of the spec's own sample).
HAND_WRITTEN = {
    "comm100-v4": Planting("getSite", "/global/sites/10001", "docSample", "", "/id", "/companySize", "Enormous"),
    # Comm100 v3's spec lists no enum at all: the value outside the spec is a wrong type instead.
    "comm100-v3": Planting(
        "getSite", "/api/v3/partner/sites/6000000", "docSample", "/contact", "/id", "/agents", "six",
        changed_kind="type-mismatch",
    ),
    "omnize-partner": Planting(
        "listDepartments", "/departments", "docSample", "/data/0", "/data/0/id", "/data/0/channels/0", "fax"
    ),
    "omnize-partner-v2": Planting(
        "showAgent", "/agents/1", "docSample", "/agent", "/agent/id", "/agent/profile", "OWNER"
    ),
    "portsip-dealers": Planting("getDealer", "/dealers/1", "docSample", "", "/id", "/level", "EMPEROR"),
    "airvantage-partners": Planting(
        "getOperation", "/v1/operations/7fe11df637264cd2ab6a2cddde2f817d", "partnershipPending", "", "/uid",
        "/state", "EXPLODED",
    ),
}  # fmt: skip
# What the derivation gives instead of a hand row's meaningless choice (besides the value).
MEANINGLESS = {"portsip-dealers": {"path": "/dealers/NzAwNTUxOTA5NzczMTQ4MTYw"}}


def _tokens(pointer: str) -> list[str]:
    return pointer.split("/")[1:]


def _parent(document: Any, pointer: str) -> tuple[Any, str]:
    *path, last = _tokens(pointer)
    node = document
    for token in path:
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node, last


def _node(document: Any, pointer: str) -> Any:
    if not pointer:
        return document
    parent, last = _parent(document, pointer)
    return parent[int(last)] if isinstance(parent, list) else parent[last]


def _report_pointer(pointer: str) -> str:
    return "".join("/*" if token.isdigit() else f"/{token}" for token in _tokens(pointer))


def planted_answer(key: str, planting: Planting) -> dict[str, Any]:
    """The operation's documented 200 sample with the three planted changes."""
    spec = api_spec(key)
    response = spec.resolve(spec.operation(planting.operation).raw["responses"]["200"])
    sample = spec.resolve(response["content"]["application/json"]["examples"][planting.example])["value"]
    answer: dict[str, Any] = copy.deepcopy(sample)
    _node(answer, planting.extra_in)[PLANTED_FIELD] = "planted"
    parent, last = _parent(answer, planting.removed)
    del parent[last]
    parent, last = _parent(answer, planting.changed)
    parent[int(last) if isinstance(parent, list) else last] = planting.value
    return answer


class Planter:
    """ASGI middleware: the planted path answers the changed sample, then a status the spec lacks."""

    def __init__(self, app: ASGIApp, path: str, answer: dict[str, Any]) -> None:
        self.app, self.path, self.answer = app, path, answer
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        self.calls += 1
        status, body = (200, self.answer) if self.calls == 1 else (UNDOCUMENTED, {"planted": "a status the spec lacks"})
        payload = json.dumps(body).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


@contextlib.contextmanager
def planted(key: str, planting: Planting) -> Iterator[RunningSimulator]:
    app = create_app(key)
    base_path = entry(key).base_path
    with serve(Planter(app, base_path + planting.path, planted_answer(key, planting))) as server:
        yield RunningSimulator(key, server.root_url, server.root_url + base_path, app)


def planted_report(key: str, planting: Planting, tmp_path: Path) -> DriftReport:
    recording = tmp_path / "planted.har"
    with planted(key, planting) as sim:
        http = sim.client(record_to=recording).get_httpx_client()
        for _ in range(2):
            with contextlib.suppress(PartnerApiError):  # the undocumented status is an error to the client
                http.get(planting.path)
    return write_report(key, [recording], tmp_path / "drift")


@pytest.mark.parametrize("key", sorted(HAND_WRITTEN))
def test_the_plantings_read_from_the_spec_are_the_rows_once_written_by_hand(key: str) -> None:
    row = dataclasses.replace(HAND_WRITTEN[key], value=PLANTED_VALUE, **MEANINGLESS.get(key, {}))
    assert derive_planting(key) == row


@pytest.mark.parametrize("key", keys())
def test_the_report_names_each_planted_drift_at_its_pointer_and_nothing_else(key: str, tmp_path: Path) -> None:
    planting = derive_planting(key)  # raises, saying what the spec lacks, when it has no sample to plant in
    report = planted_report(key, planting, tmp_path)
    found = {(entry.kind, entry.operation, entry.pointer, entry.statuses) for entry in report.entries}
    assert found == {
        ("undocumented-field", planting.operation, _report_pointer(f"{planting.extra_in}/{PLANTED_FIELD}"), (200,)),
        ("missing-required-field", planting.operation, _report_pointer(planting.removed), (200,)),
        (planting.changed_kind, planting.operation, _report_pointer(planting.changed), (200,)),
        ("undocumented-status", planting.operation, "", (UNDOCUMENTED,)),
    }
    markdown = (tmp_path / "drift" / "drift.md").read_text(encoding="utf-8")
    assert f"## `{planting.operation}`" in markdown
    assert PLANTED_FIELD in markdown


# -- where to plant, for an API no test knows: read from its spec alone -----------------------------


def _tiny_spec(
    thing: dict[str, Any], sample: dict[str, Any], *, listed: bool = True, read: dict[str, Any] | None = None
) -> ApiSpec:
    """A spec with a read of one thing (answering ``read``, default a Thing) and a list of things, with samples."""

    def answer(schema: dict[str, Any], value: Any) -> dict[str, Any]:
        media = {"schema": schema, "examples": {"docSample": {"value": value}}}
        return {"200": {"description": "ok", "content": {"application/json": media}}}

    reference = {"$ref": "#/components/schemas/Thing"}
    parameter = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
    get = {"operationId": "getThing", "x-idempotent": True, "responses": answer(read or reference, sample)}
    paths: dict[str, Any] = {"/things/{id}": {"parameters": [parameter], "get": get}}
    if listed:
        things = {"type": "object", "properties": {"items": {"type": "array", "items": reference}}}
        sample_list = {"items": [{"id": 1, "kind": "large", "count": 2}]}
        paths["/things"] = {
            "get": {"operationId": "listThings", "x-idempotent": True, "responses": answer(things, sample_list)}
        }
    return ApiSpec("tiny", {"openapi": "3.1.0", "paths": paths, "components": {"schemas": {"Thing": thing}}})


THING: dict[str, Any] = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "integer"},
        "count": {"type": "integer"},
        "kind": {"type": "string", "enum": ["small", "large"]},
        "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
    },
}


def test_a_new_apis_planting_is_read_from_its_spec_alone() -> None:
    sample = {"id": 7, "count": 3, "kind": "small", "owner": {"name": "Ana"}}
    expected = Planting("getThing", "/things/7", "docSample", "/owner", "/id", "/kind")
    assert planting_for(_tiny_spec(THING, sample)) == expected


def test_without_an_enum_a_scalar_of_the_record_gets_a_text() -> None:
    thing = {**THING, "properties": {**THING["properties"], "kind": {"type": "string"}}}
    planting = planting_for(_tiny_spec(thing, {"id": 7, "count": 3, "kind": "small"}))
    assert (planting.extra_in, planting.removed, planting.changed) == ("", "/id", "/count")
    assert planting.changed_kind == "type-mismatch"


def test_an_answer_that_may_carry_a_credential_is_passed_over() -> None:
    # A recording masks credentials, and a masked value is not judged: plant where none can be.
    with_pin = {"allOf": [{"$ref": "#/components/schemas/Thing"}], "properties": {"pin": {"format": "password"}}}
    planting = planting_for(_tiny_spec(THING, {"id": 7, "kind": "small"}, read=with_pin))
    assert (planting.operation, planting.removed, planting.changed) == ("listThings", "/items/0/id", "/items/0/kind")


def test_a_spec_with_nothing_to_plant_in_says_what_it_lacks() -> None:
    thing = {"type": "object", "properties": {"name": {"type": "string"}}}
    with pytest.raises(LookupError, match="requires one of id, uid, uuid"):
        planting_for(_tiny_spec(thing, {"name": "x"}, listed=False))
