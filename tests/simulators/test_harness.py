"""The harness: each spec operation has exactly one handler; routing, errors, the access log."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Mapping
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from partner_apis.simulators.harness import (
    ACCESS_LOGGER,
    AccessLog,
    Body,
    Call,
    FieldProblem,
    Handler,
    Reply,
    SimError,
    SpecSimulator,
    app_factory,
    build_app,
    handler_name,
    oauth_error,
    query_values,
    serve,
    served_path,
    spec_operations,
)
from partner_apis.simulators.harness.access import masked_query, request_target
from partner_apis.simulators.harness.validation import SchemaValidator
from partner_apis.simulators.registry import SIMULATORS, create_app, entry
from partner_apis.specs import ApiSpec, load_spec


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

    def authenticate(self, request: object, operation: object, body: Body) -> None:
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


# -- routing, parameters and bodies on a spec of its own -----------------------------------

_THINGS_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "things", "version": "1"},
    "servers": [{"url": "http://things.example/api"}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "x-idempotent": True,
                "parameters": [
                    {"name": "size", "in": "query", "required": True, "schema": {"type": "integer", "maximum": 50}},
                    {"name": "tag", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "integer"}},
                ],
            }
        },
        "/things/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {"operationId": "getThing", "x-idempotent": True},
        },
        "/things/{id}/parts": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {"operationId": "listParts", "x-idempotent": True},
        },
        "/things/{id}/{part}": {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                {"name": "part", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "get": {"operationId": "getPart", "x-idempotent": True},
        },
        "/gadgets/{id}/manual": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "get": {"operationId": "getManual", "x-idempotent": True},
        },
        "/login": {
            "post": {
                "operationId": "logIn",
                "x-idempotent": False,
                "servers": [{"url": "https://auth.things.example/oauth"}],
                "requestBody": {
                    "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}},
                },
            }
        },
        "/things/{id}:archive": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "post": {
                "operationId": "archiveThing",
                "x-idempotent": False,
                "security": [{"token": []}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object", "required": ["why"]}}},
                },
            },
        },
    },
}


class _Echo:
    """Answers every operation with what the harness handed it."""

    key = "things"

    def authenticate(self, request: object, operation: object, body: Body) -> None:
        return None

    def render_error(self, error: SimError) -> Reply:
        return Reply(error.status, {"code": error.code, "problems": [p.field for p in error.problems]}, error.headers)

    def handlers(self) -> Mapping[str, Handler]:
        def echo(call: Call) -> Reply:
            return Reply(200, {"op": call.operation_id, "path": call.path, "query": call.query, "body": call.body})

        return {handler_name(op.operation_id): echo for op in spec_operations(_THINGS_SPEC)}


@pytest.fixture
def things() -> TestClient:
    return TestClient(build_app(_Echo(), _THINGS_SPEC))


def test_a_literal_last_segment_is_routed_before_a_parameter_at_the_same_depth(things: TestClient) -> None:
    assert things.get("/api/things/7/parts").json() == {"op": "listParts", "path": {"id": 7}, "query": {}, "body": None}
    assert things.get("/api/things/7/bolt").json()["path"] == {"id": 7, "part": "bolt"}
    # Another path's literal last segment does not hide the parameter route.
    assert things.get("/api/things/7/manual").json()["path"] == {"id": 7, "part": "manual"}
    assert things.get("/api/gadgets/7/manual").json()["op"] == "getManual"
    assert things.get("/api/things/7").json()["op"] == "getThing"
    assert things.post("/api/things/7:archive", json={"why": "old"}).json()["op"] == "archiveThing"
    assert things.get("/api/things/7/parts/1").status_code == 404
    assert things.get("/api/thing/7/parts").status_code == 404


def test_a_path_parameter_is_a_whole_segment_colons_included(things: TestClient) -> None:
    # The colon action path is tried first (the longer template), so it still wins ...
    assert things.post("/api/things/7:archive", json={"why": "old"}).json()["path"] == {"id": 7}
    # ... and any other colon is part of the parameter, which the operation then validates.
    refused = things.get("/api/things/7:polish")
    assert refused.status_code == 400
    assert refused.json()["problems"] == ["path.id"]
    assert things.get("/api/things/7:x/bolt").json()["problems"] == ["path.id"]
    assert things.get("/api/things/7/a:b").json()["path"] == {"id": 7, "part": "a:b"}


def test_a_required_query_parameter_is_missing_without_any_query_string(things: TestClient) -> None:
    answer = things.get("/api/things")
    assert answer.status_code == 400
    assert answer.json()["problems"] == ["query.size"]


def test_query_parameters_are_coerced_repeated_for_arrays_and_checked(things: TestClient) -> None:
    answer = things.get("/api/things?size=5&tag=a&tag=b%20c&tag=d+e&ignored")
    assert answer.json()["query"] == {"size": 5, "tag": ["a", "b c", "d e"]}
    refused = things.get("/api/things?size=500&size=6")
    assert refused.json()["problems"] == ["query.size"]


def test_a_declared_header_parameter_is_validated_and_an_absent_one_is_fine(things: TestClient) -> None:
    assert things.get("/api/things?size=1", headers={"X-Trace": "12"}).status_code == 200
    refused = things.get("/api/things?size=1", headers={"x-trace": "twelve"})
    assert refused.status_code == 400
    assert refused.json()["problems"] == ["header.X-Trace"]


def test_a_body_is_read_and_validated_only_where_the_operation_has_one(things: TestClient) -> None:
    assert things.post("/api/things/7:archive", json={"why": "old"}).json()["body"] == {"why": "old"}
    assert things.post("/api/things/7:archive", json={}).json()["problems"] == ["body"]
    # A stray body on a read is left alone.
    assert things.request("GET", "/api/things/7", content=b"not json").status_code == 200


@pytest.mark.parametrize(
    "query_string",
    ["a=1&a=2&b=&c", "a=%20x&b=+y&c=%2B", "&&a==1&", "x=1;y=2", "", "a"],
)
def test_query_values_read_a_query_string_as_parse_qsl_does(query_string: str) -> None:
    from urllib.parse import parse_qsl

    from starlette.requests import Request

    expected: dict[str, list[str]] = {}
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        expected.setdefault(name, []).append(value)
    request = Request({"type": "http", "query_string": query_string.encode(), "headers": []})
    assert query_values(request) == expected


def test_a_client_that_leaves_before_sending_its_body_gets_no_answer() -> None:
    import asyncio

    app = build_app(_Echo(), _THINGS_SPEC)
    sent: list[object] = []

    async def receive() -> dict[str, object]:
        return {"type": "http.disconnect"}

    async def send(message: object) -> None:
        sent.append(message)

    scope = {
        "type": "http", "method": "POST", "path": "/api/things/7:archive", "raw_path": b"/api/things/7:archive",
        "query_string": b"", "headers": [(b"content-type", b"application/json")], "http_version": "1.1",
        "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": "",
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    assert sent == []


# -- the access log ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "logged"),
    [
        ("account_id=3&token=abc", "account_id=3&token=***"),
        ("access_token=a&refresh_token=b&refreshToken=c", "access_token=***&refresh_token=***&refreshToken=***"),
        ("client_secret=s&password=p&Password=q&passwd=r", "client_secret=***&password=***&Password=***&passwd=***"),
        ("x-api-key=k&apiKey=k&key=k&code=c&signature=g", "x-api-key=***&apiKey=***&key=***&code=***&signature=***"),
        ("%74oken=abc&pass+word=x", "%74oken=***&pass+word=***"),  # names are compared decoded
        ("token=&token=a&token", "token=***&token=***&token"),  # empty and repeated values too
        ("keywords=acme&monkey=1&country_code=BR&pageIndex=2", "keywords=acme&monkey=1&country_code=BR&pageIndex=2"),
        ("a=%20b+c&&d", "a=%20b+c&&d"),  # everything else exactly as sent
    ],
)
def test_the_access_log_masks_every_query_parameter_that_names_a_credential(query: str, logged: str) -> None:
    assert masked_query(query) == logged


def _scope(path: bytes, query: bytes = b"", method: str = "GET") -> dict[str, Any]:
    return {
        "type": "http", "method": method, "path": path.decode("latin-1"), "raw_path": path, "query_string": query,
        "headers": [(b"authorization", b"Bearer sekret")], "http_version": "1.1", "scheme": "http",
        "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 1), "root_path": "",
    }  # fmt: skip


def test_the_access_log_shows_the_path_as_sent_and_cannot_be_split_into_two_lines() -> None:
    assert request_target(_scope(b"/api/v1/agents", b"account_id=1&token=t")) == "/api/v1/agents?account_id=1&token=***"
    assert request_target(_scope(b"/v4/global/sites/1%3AchangeSiteStatus")) == "/v4/global/sites/1%3AchangeSiteStatus"
    # A client that does not percent-encode: control characters and spaces are encoded here.
    assert request_target(_scope(b"/x\r\nGET /forged 200", b"a=\n")) == "/x%0D%0AGET%20/forged%20200?a=%0A"


def _drive(app: ASGIApp, scope: dict[str, Any]) -> list[Message]:
    """Run one request through an ASGI app; the messages it sent."""
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    async def call() -> None:
        await app(scope, receive, send)

    asyncio.run(call())
    return sent


def test_the_access_log_records_method_target_status_and_milliseconds(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    app = AccessLog(create_app("comm100-v4"))
    sent = _drive(app, _scope(b"/v4/global/sites", b"status=open&access_token=zzz"))
    assert sent[0]["status"] == 401  # the bearer token in the scope is no known one
    [record] = caplog.records
    assert (record.name, record.levelno) == (ACCESS_LOGGER, logging.INFO)
    fields = {name: record.__dict__[name] for name in ("method", "target", "status")}
    assert fields == {"method": "GET", "target": "/v4/global/sites?status=open&access_token=***", "status": 401}
    duration_ms = record.__dict__["duration_ms"]
    assert record.getMessage() == f"GET /v4/global/sites?status=open&access_token=*** 401 {duration_ms:.1f}ms"
    assert 0 < duration_ms < 10_000
    assert "sekret" not in caplog.text
    assert "zzz" not in caplog.text


def test_a_request_left_unanswered_or_failing_is_logged_without_a_status(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)

    async def silent(scope: Scope, receive: Receive, send: Send) -> None:
        return None

    async def failing(scope: Scope, receive: Receive, send: Send) -> None:
        raise RuntimeError("boom")

    _drive(AccessLog(silent), _scope(b"/a"))
    with pytest.raises(RuntimeError, match="boom"):
        _drive(AccessLog(failing), _scope(b"/b", method="POST"))
    assert [record.getMessage().rsplit(" ", 1)[0] for record in caplog.records] == ["GET /a -", "POST /b -"]


def test_the_access_log_costs_nothing_while_its_logger_is_off(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger=ACCESS_LOGGER)
    seen: list[Send] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(send)

    async def send(message: Message) -> None:
        return None

    async def receive() -> Message:
        return {"type": "http.disconnect"}

    async def call() -> None:
        await AccessLog(app)(_scope(b"/a"), receive, send)

    asyncio.run(call())
    assert seen == [send]  # the server's own send, not a wrapper: nothing is measured
    assert caplog.records == []


def test_serve_logs_each_request_only_when_asked(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
    base = entry("omnize-partner").base_path
    with serve(create_app("omnize-partner")) as quiet:
        httpx.get(quiet.root_url + base + "/agents", params={"account_id": 1, "token": "t0ken"})
    assert caplog.records == []
    with serve(create_app("omnize-partner"), access_log=True) as server:
        httpx.get(server.root_url + base + "/agents", params={"account_id": 1, "token": "t0ken"})
        httpx.delete(server.root_url + base + "/accounts/5", headers={"Authorization": "Bearer t0ken"})
    assert [record.getMessage().rsplit(" ", 1)[0] for record in caplog.records] == [
        f"GET {base}/agents?account_id=1&token=*** 200",
        f"DELETE {base}/accounts/5 200",
    ]
    assert "t0ken" not in caplog.text


# -- the spec model: where operations are served ---------------------------------------------


def test_an_operation_on_its_own_server_is_served_under_that_servers_path_only(things: TestClient) -> None:
    model = ApiSpec("things", _THINGS_SPEC)
    assert served_path(model, "logIn") == "/oauth/login"
    assert served_path(model, "getThing") == "/api/things/{id}"
    assert things.post("/oauth/login", data={"user": "u"}).json()["body"] == {"user": "u"}
    assert things.post("/api/login", data={"user": "u"}).status_code == 404
    assert things.post("/api/oauth/login", data={"user": "u"}).status_code == 404


def test_head_is_answered_as_get_without_a_body_and_allow_names_it(things: TestClient) -> None:
    head = things.head("/api/things/7")
    assert (head.status_code, head.content) == (200, b"")
    refused = things.delete("/api/things/7")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "GET, HEAD"


# -- bodies: parsed by the operation's media type, once --------------------------------------


class _Strict(_Echo):
    """Refuses a body not declared with its operation's media type, and reads the body to authenticate."""

    declared_media_type_only = True

    def __init__(self) -> None:
        self.seen: list[object] = []

    def authenticate(self, request: object, operation: object, body: Body) -> None:
        self.seen.append(body.parsed())


def test_a_body_is_read_as_the_operations_media_type_whatever_its_content_type(things: TestClient) -> None:
    sent = things.post("/api/things/7:archive", content=b'{"why": "old"}', headers={"content-type": "text/plain"})
    assert sent.json()["body"] == {"why": "old"}


def test_a_simulator_may_refuse_a_body_not_declared_with_the_operations_media_type() -> None:
    strict = _Strict()
    client = TestClient(build_app(strict, _THINGS_SPEC))
    refused = client.post("/api/things/7:archive", content=b'{"why": "old"}', headers={"content-type": "text/plain"})
    assert refused.status_code == 415
    assert refused.json()["code"] == "unsupported_media_type"
    declared = client.post("/api/things/7:archive", json={"why": "old"}, headers={"content-type": "application/json"})
    assert declared.json()["body"] == {"why": "old"}
    suffixed = client.post("/api/things/7:archive", content=b'{"why": "x"}', headers={"content-type": "a/b+json"})
    assert suffixed.status_code == 200


def test_what_authentication_parsed_is_the_body_the_handler_gets() -> None:
    strict = _Strict()
    client = TestClient(build_app(strict, _THINGS_SPEC))
    client.post("/api/things/7:archive", json={"why": "old"})
    [parsed] = strict.seen
    assert parsed == {"why": "old"}
    body = Body(b'{"why": "old"}', spec_operations(_THINGS_SPEC)[-1].body)
    assert body.valid() is body.parsed()  # one parse, then checked


def test_a_form_that_does_not_parse_is_refused_without_quoting_it() -> None:
    [form] = [operation.body for operation in spec_operations(_THINGS_SPEC) if operation.operation_id == "logIn"]
    with pytest.raises(SimError) as refused:
        form.parse(b"pass=secret-value&&")
    assert refused.value.status == 400
    assert "secret-value" not in str(refused.value)


# -- field problems: the validator's structured errors ---------------------------------------


def _problems(schema: dict[str, Any], value: object) -> list[FieldProblem]:
    return SchemaValidator(schema, {}).problems(value, "body")


def test_a_problem_keeps_the_keyword_its_terms_the_value_and_the_reason_without_it() -> None:
    [wrong] = _problems({"type": "object", "properties": {"n": {"type": "integer"}}}, {"n": "12"})
    assert (wrong.field, wrong.keyword, wrong.value) == ("body.n", "type", "12")
    assert wrong.reason == 'is not of type "integer"'
    assert wrong.details == {"types": ["integer"]}
    assert wrong.message == '"12" is not of type "integer"'
    [missing] = _problems({"type": "object", "required": ["name"]}, {})
    assert (missing.keyword, missing.reason) == ("required", '"name" is a required property')


def test_a_oneof_problem_says_how_many_forms_matched() -> None:
    one_of = {"oneOf": [{"type": "string"}, {"type": "string", "minLength": 1}, {"type": "integer"}]}
    [both] = _problems(one_of, "two")
    [neither] = _problems(one_of, [1])
    assert (both.keyword, both.details, neither.details) == ("oneOf", {"matched": 2}, {"matched": 0})


def test_a_problem_never_repeats_the_value_in_its_reason_nor_its_repr() -> None:
    schema = {"type": "object", "properties": {"name": {"not": {"title": "Reserved", "const": "root"}}}}
    [refused] = _problems(schema, {"name": "root"})
    assert (refused.keyword, refused.reason) == ("not", "is not allowed")
    assert refused.details["schema"]["title"] == "Reserved"
    [big] = _problems({"type": "integer"}, {"password": "hunter2", "b": [1.5e-7]})
    assert big.reason == 'is not of type "integer"'
    assert "hunter2" not in repr(big)


def test_a_lone_surrogate_in_an_invalid_value_is_a_problem_not_a_crash() -> None:
    [problem] = _problems({"type": "object", "properties": {"n": {"type": "integer"}}}, {"n": "\ud800"})
    assert (problem.field, problem.keyword) == ("body.n", "type")


# -- the shared OAuth pieces and create_app ---------------------------------------------------


def test_an_oauth_refusal_uses_rfc_6749s_codes_and_names_fields_without_quoting_them() -> None:
    problem = FieldProblem("body.password", '"hunter2" is too short')
    reply = oauth_error(SimError(400, "invalid_json", "the form is invalid", [problem]))
    assert reply.body == {"error": "invalid_request", "error_description": "the form is invalid (body.password)"}
    granted = oauth_error(SimError(400, "invalid_grant", "no"))
    assert granted.body == {"error": "invalid_grant", "error_description": "no"}


def test_a_factory_made_from_a_simulator_class_takes_its_options_and_keeps_it_in_the_app() -> None:
    class Options(SpecSimulator):
        key = "comm100-v4"

        def __init__(self, *, level: int = 3, name: str = "x") -> None:
            self.level, self.name = level, name

        def __getattr__(self, name: str) -> Any:
            return lambda call: Reply(200)

    factory = app_factory(Options)
    # The class's options, then the fault profile options every factory takes (see harness/faults).
    assert list(inspect.signature(factory, eval_str=True).parameters) == ["level", "name", "faults", "fault_seed"]
    app = factory(level=5)
    assert app.state.simulator.level == 5
    assert factory(level=6).state.simulator is not app.state.simulator
