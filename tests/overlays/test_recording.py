"""Clients' own recordings (``record_to=``): every exchange in a HAR file, no secret in it, read by the drift report."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import logging
import multiprocessing
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from comm100_v4_client.api.sites import get_site, list_sites
from comm100_v4_client.models import Site

from partner_apis.drift import build_report, write_report
from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import PartnerApiError, RetryPolicy, with_options
from partner_apis.overlays.runtime.recording import Recorder, RecordingError, recording_transports
from partner_apis.specs import ApiSpec, keys
from partner_apis.testing import running
from tests.drift.flows import WireSecrets, recording_options, run_example
from tests.overlays.wire import derive_wire, wire_places

BASE_URL = "http://127.0.0.1:9/v4"
TOKEN = "tok-6f1c2d3e4a5b6c7d8e9f"
SITE = {"id": 7, "externalId": "e-7", "companySize": "1-20"}

# Where each example flow sent secrets, as written by hand before it was read from the
# spec (tests/overlays/wire.py): the flow signs in (a bearer header, Omnize's token in the
# query and body), sends passwords in create bodies, and the APIs that log in get access
# and refresh tokens in a token answer. The derivation must give exactly these.
HAND_WRITTEN_WIRE = {
    "comm100-v4": {"header", "request body"},
    "comm100-v3": {"header", "request body", "answer body"},
    "omnize-partner": {"query", "request body", "answer body"},
    "omnize-partner-v2": {"query", "request body"},
    "portsip-dealers": {"header", "request body", "answer body"},
    "airvantage-partners": {"header", "request body", "answer body"},
}


def site_answers(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/global/sites"):
        return httpx.Response(200, json=[SITE])
    return httpx.Response(200, json=SITE)


def mock_client(record_to: Any, answer: Any = site_answers, **options: Any) -> comm100_v4.Comm100V4Client:
    return comm100_v4.client(
        TOKEN,
        base_url=BASE_URL,
        transport=httpx.MockTransport(answer),
        async_transport=httpx.MockTransport(answer),
        record_to=record_to,
        **options,
    )


def har(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@pytest.mark.parametrize("key", sorted(HAND_WRITTEN_WIRE))
def test_where_secrets_travel_read_from_the_spec_is_what_was_written_by_hand(key: str) -> None:
    assert derive_wire(key) == HAND_WRITTEN_WIRE[key]


@pytest.mark.parametrize("key", keys())
def test_an_example_flows_recording_holds_every_exchange_no_secret_and_no_drift(key: str, tmp_path: Path) -> None:
    places = derive_wire(key)
    recording = tmp_path / "flow.har"
    wire = WireSecrets()
    run_example(key, recording, wire)
    missing = sorted(places - set(wire.found))
    assert not missing, f"the spec puts secrets in {missing} but the example flow sent none there"
    assert wire.leaked_into(recording.read_text(encoding="utf-8")) == []
    report = write_report(key, [recording], tmp_path / "drift")
    assert report.ok, [entry.to_json() for entry in report.entries]
    assert report.compared == report.exchanges == len(har(recording)["log"]["entries"]) > 0


def test_a_token_sent_in_the_query_string_is_masked(tmp_path: Path) -> None:
    recording = tmp_path / "airvantage.har"
    wire = WireSecrets()
    with running("airvantage-partners") as sim:
        client = sim.client(**recording_options(recording, wire))
        http = client.get_httpx_client()
        assert http.get("/v1/partners").status_code == 200  # signs in: the token answer
        token = next(iter(wire.found["answer body"]))
        # AirVantage takes the token as access_token in the query as well as a bearer header.
        assert http.get("/v1/partners", params={"access_token": token, "fields": "uid,name"}).status_code == 200
    assert token in wire.found["query"]
    text = recording.read_text(encoding="utf-8")
    assert wire.leaked_into(text) == []
    assert "access_token=[REDACTED]&fields" in text
    assert build_report("airvantage-partners", [recording]).ok


def test_the_client_gets_the_answer_unchanged_and_the_recording_has_it_decoded(tmp_path: Path) -> None:
    body = json.dumps(SITE).encode()

    def gzipped(request: httpx.Request) -> httpx.Response:
        headers = {"content-encoding": "gzip", "content-type": "application/json"}
        return httpx.Response(200, headers=headers, stream=httpx.ByteStream(gzip.compress(body)))

    client = mock_client(tmp_path / "r.har", gzipped)
    site = get_site.sync(7, client=client)
    assert isinstance(site, Site)
    assert site.external_id == "e-7"
    [entry] = har(tmp_path / "r.har")["log"]["entries"]
    assert json.loads(entry["response"]["content"]["text"]) == SITE
    assert entry["request"]["url"] == f"{BASE_URL}/global/sites/7"
    assert {"name": "authorization", "value": "[REDACTED]"} in entry["request"]["headers"]


def test_every_attempt_is_recorded_under_the_retries(tmp_path: Path) -> None:
    answers = iter([httpx.Response(503, json={"code": "busy", "message": "later"}), httpx.Response(200, json=SITE)])
    no_wait = RetryPolicy(initial_backoff=0, max_backoff=0)
    client = mock_client(tmp_path / "r.har", lambda request: next(answers), retry=no_wait)
    assert get_site.sync(7, client=client) is not None
    statuses = [entry["response"]["status"] for entry in har(tmp_path / "r.har")["log"]["entries"]]
    assert statuses == [503, 200]


def test_clients_and_copies_sharing_a_file_append_to_it_and_never_replace_it(tmp_path: Path) -> None:
    path = tmp_path / "shared.har"
    recorder = Recorder(path)
    first, second = mock_client(recorder), mock_client(recorder)
    get_site.sync(1, client=first)
    get_site.sync(2, client=second)
    get_site.sync(3, client=with_options(first, headers={"X-Trace": "t"}))
    assert len(har(path)["log"]["entries"]) == len(recorder.entries()) == 3  # a valid HAR after every exchange
    get_site.sync(4, client=mock_client(path))  # a later client, given the path again
    urls = [entry["request"]["url"] for entry in har(path)["log"]["entries"]]
    assert urls == [f"{BASE_URL}/global/sites/{number}" for number in (1, 2, 3, 4)]


def test_threads_recording_into_one_file_lose_no_entry_even_through_two_recorders(tmp_path: Path) -> None:
    # Two Recorders share no thread lock: only the file lock keeps them apart, as it keeps processes apart.
    path = tmp_path / "threads.har"
    clients = [mock_client(Recorder(path)), mock_client(Recorder(path))]

    def calls(client: comm100_v4.Comm100V4Client) -> None:
        for number in range(10):
            get_site.sync(number, client=client)

    threads = [threading.Thread(target=calls, args=(clients[index % 2],)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(har(path)["log"]["entries"]) == 80


def _append_entries(path: Path, worker: int) -> None:
    for number in range(100):
        # A Recorder made while others append (a new client) reads the file too.
        Recorder(path).append({"worker": worker, "number": number})


def test_processes_appending_to_one_file_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "processes.har"
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_entries, args=(path, worker)) for worker in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    entries = har(path)["log"]["entries"]
    assert sorted((entry["worker"], entry["number"]) for entry in entries) == [
        (worker, number) for worker in range(4) for number in range(100)
    ]


def test_a_credential_quoted_back_elsewhere_and_a_short_one_are_masked_too(tmp_path: Path) -> None:
    password = "hunter2-but-longer"

    def refuse(request: httpx.Request) -> httpx.Response:
        # A vendor quoting the refused password back in its message (not a credential's field).
        return httpx.Response(400, json={"code": "weak", "message": f"password {password} is too weak"})

    client = mock_client(tmp_path / "r.har", refuse)
    with contextlib.suppress(PartnerApiError):
        client.get_httpx_client().post("/global/sites", json={"password": password, "pin_password": "abc"})
    text = (tmp_path / "r.har").read_text(encoding="utf-8")
    assert password not in text
    assert "is too weak" in text
    # Too short to be looked for elsewhere, still masked where a credential's name says it is one.
    assert '\\"pin_password\\": \\"[REDACTED]\\"' in text


def test_a_property_the_spec_marks_as_a_credential_is_masked_whatever_its_name(tmp_path: Path) -> None:
    spec = ApiSpec(
        "pins",
        {
            "paths": {},
            "components": {"schemas": {"Door": {"properties": {"pin": {"type": "string", "format": "password"}}}}},
        },
    )
    network = httpx.MockTransport(lambda request: httpx.Response(200, json={"door": 1, "pin": "8642-1357"}))
    transport, _ = recording_transports(tmp_path / "pins.har", network, network, spec)
    with httpx.Client(transport=transport) as client:
        client.post("http://127.0.0.1:9/doors", json={"pin": "9753-1124", "label": "front"})
    text = (tmp_path / "pins.har").read_text(encoding="utf-8")
    assert "9753-1124" not in text
    assert "8642-1357" not in text
    assert "front" in text


def test_the_async_client_records_too(tmp_path: Path) -> None:
    client = mock_client(tmp_path / "async.har")
    assert asyncio.run(list_sites.asyncio(client=client)) is not None
    [entry] = har(tmp_path / "async.har")["log"]["entries"]
    assert entry["request"]["url"] == f"{BASE_URL}/global/sites"


def test_a_file_that_is_not_a_recording_is_refused_when_the_client_is_made_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"log": {"entries": []}}', encoding="utf-8")
    with pytest.raises(RecordingError, match="not a recording"):
        mock_client(path)
    assert path.read_text(encoding="utf-8") == '{"log": {"entries": []}}'
    with pytest.raises(TypeError, match="record_to must be a path or a Recorder"):
        mock_client(42)


def test_a_recording_that_cannot_be_written_leaves_the_call_alone_and_says_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    client = mock_client(tmp_path / "gone" / "r.har")  # a folder that does not exist
    with caplog.at_level(logging.WARNING, logger="partner_apis.recording"):
        site = get_site.sync(7, client=client)
    assert site is not None
    assert "could not record GET http://127.0.0.1:9/v4/global/sites/7" in caplog.text
    assert TOKEN not in caplog.text


def test_where_a_new_apis_secrets_travel_is_read_from_its_spec_alone() -> None:
    user = {"properties": {"name": {"type": "string"}, "password": {"type": "string", "format": "password"}}}
    json_user = {"application/json": {"schema": {"$ref": "#/components/schemas/User"}}}
    spec = ApiSpec(
        "keys",
        {
            "security": [{"headerKey": []}],
            "components": {
                "securitySchemes": {
                    "headerKey": {"type": "apiKey", "in": "header", "name": "X-Key"},
                    "queryKey": {"type": "apiKey", "in": "query", "name": "key"},
                },
                "schemas": {"User": user},
            },
            "paths": {
                "/users": {
                    "post": {
                        "operationId": "createUser",
                        "x-idempotent": False,
                        "requestBody": {"content": json_user},
                        "responses": {"201": {"description": "created"}},
                    }
                },
                "/users/{id}": {
                    "get": {
                        "operationId": "getUser",
                        "x-idempotent": True,
                        # The first alternative is the one a client takes.
                        "security": [{"queryKey": []}, {"headerKey": []}],
                        "responses": {"200": {"description": "the user", "content": json_user}},
                    }
                },
            },
        },
    )
    assert wire_places(spec, signs_in=False) == {"header", "query", "request body", "answer body"}
    del user["properties"]["password"]  # the answer (and the create) carry no credential now
    assert wire_places(spec, signs_in=False) == {"header", "query"}
    assert wire_places(spec, signs_in=True) == {"header", "query", "request body", "answer body"}
