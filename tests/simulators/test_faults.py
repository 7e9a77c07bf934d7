"""Fault profiles in the simulators: what each fault does on the wire, the seeded order, bad profiles.

Each fault is checked on a real simulator server (uvicorn on loopback, as users run it)
with a profile that makes it fire on the requests it selects, and the simulator's own
state says whether the request was processed: a connection reset before processing
leaves no record, one after processing leaves the record the client never heard of.
"""

from __future__ import annotations

import email.utils
import logging
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from partner_apis.simulators.harness.faults import (
    FAULT_HEADER,
    SHIPPED,
    FaultProfile,
    FaultProfileError,
    load_profile,
    shipped_profiles,
)
from partner_apis.simulators.registry import SIMULATORS, create_app
from partner_apis.testing import RunningSimulator, running

V4_SITE = {"platformId": 100, "email": "fault@example.com", "password": "12345", "planId": 233}


def profile(tmp_path: Path, text: str) -> Path:
    """A profile file with ``text`` in ``tmp_path``."""
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def v4_client(sim: RunningSimulator, **options: Any) -> httpx.Client:
    return httpx.Client(base_url=sim.base_url, headers={"Authorization": f"Bearer {sim.token()}"}, **options)


def site_ids(sim: RunningSimulator) -> list[int]:
    """The ids of the first partner's sites, as the simulator lists them."""
    with httpx.Client(base_url=sim.base_url, headers={"Authorization": f"Bearer {sim.token()}"}) as client:
        # The listing may itself draw a fault: read until an answer comes clean.
        for _ in range(20):
            try:
                answer = client.get("/global/sites")
            except httpx.TransportError:
                continue
            if FAULT_HEADER not in answer.headers:
                return [site["id"] for site in answer.json()]
    raise AssertionError("no clean answer in 20 tries")


# -- profiles --------------------------------------------------------------------------------


def test_the_four_shipped_profiles_load_for_every_simulator() -> None:
    assert set(shipped_profiles()) == set(SHIPPED) == {"flaky", "rate-limited", "slow", "vendor-outage"}
    for name in SHIPPED:
        loaded = load_profile(name)
        assert loaded.name == name
        assert loaded.rules
        assert loaded.description
        for key in SIMULATORS:
            app: Any = create_app(key, faults=name, fault_seed=1)
            assert app.faults.profile == loaded


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(
            '[[faults]]\nkind = "explode"',
            "fault profile profile.toml: faults[0]: unknown fault kind 'explode'; kinds: latency, rate-limit, "
            "server-error, reset-before, reset-after, read-timeout, token-revoked, vendor",
            id="unknown fault",
        ),
        pytest.param(
            '[[faults]]\nkind = "latency"\n[[faults]]\nkind = "server-error"\nrate = 1.5',
            "fault profile profile.toml: faults[1]: rate must be between 0 and 1, not 1.5",
            id="rate out of range",
        ),
        pytest.param(
            '[[faults]]\nkind = "server-error"\nstatus = 404',
            "fault profile profile.toml: faults[0]: status must be one of 500, 502, 503, 504, not 404",
            id="status not a server error",
        ),
        pytest.param(
            '[[faults]]\nkind = "reset-after"\ndelay = 1',
            "fault profile profile.toml: faults[0]: reset-after takes no key 'delay' "
            "(its keys: kind, operations, rate, skip, times)",
            id="a key the fault does not take",
        ),
        pytest.param(
            '[[faults]]\nkind = "latency"\ndelay = { distribution = "uniform", min = 2, max = 1 }',
            "fault profile profile.toml: faults[0]: delay min must not exceed max",
            id="delay bounds out of order",
        ),
        pytest.param(
            '[[faults]\nkind = "latency"',
            "fault profile profile.toml: not valid TOML",
            id="not TOML",
        ),
        pytest.param(
            'descripton = "typo"',
            "fault profile profile.toml: unknown key 'descripton' (description, faults)",
            id="unknown top-level key",
        ),
    ],
)
def test_a_bad_profile_is_refused_with_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = profile(tmp_path, text)
    with pytest.raises(FaultProfileError) as refused:
        FaultProfile.parse(path.read_text(), "profile.toml")
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)
    with pytest.raises(ValueError, match=r"faults\[|not valid TOML|unknown key"):
        create_app("comm100-v4", faults=path)


def test_an_operation_or_vendor_fault_the_simulator_lacks_is_refused_when_the_profile_is_given(
    tmp_path: Path,
) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "server-error"\noperations = ["reads", "getSites"]')
    with pytest.raises(FaultProfileError, match=r"faults\[0\]: unknown operation 'getSites' for comm100-v4"):
        create_app("comm100-v4", faults=path)
    create_app("comm100-v4", faults=profile(tmp_path, '[[faults]]\nkind = "latency"\noperations = ["getSite"]'))
    tagged = profile(tmp_path, '[[faults]]\nkind = "latency"\noperations = ["tag:Dealers"]')
    with pytest.raises(FaultProfileError, match="unknown operation 'tag:Dealers' for comm100-v4"):
        create_app("comm100-v4", faults=tagged)
    vendor = profile(tmp_path, '[[faults]]\nkind = "vendor"\nname = "unknown-error"')
    create_app("portsip-dealers", faults=vendor)
    with pytest.raises(FaultProfileError, match="omnize-partner has no vendor fault 'unknown-error'"):
        create_app("omnize-partner", faults=vendor)


def test_an_unknown_profile_name_is_refused_naming_the_shipped_ones() -> None:
    with pytest.raises(FaultProfileError, match="not a shipped profile \\(flaky, rate-limited, slow, vendor-outage\\)"):
        create_app("comm100-v4", faults="flakey")


# -- the seeded order ------------------------------------------------------------------------


def _draws(seed: int) -> list[tuple[int, str]]:
    app: Any = create_app("comm100-v4", faults="flaky", fault_seed=seed)
    operation = app.spec.operation("getSite")
    plan = app.faults
    decisions = [plan.decide(operation, lambda: "a token") for _ in range(300)]
    return [(decision.number, decision.label) for decision in decisions if decision is not None]


def test_the_same_seed_injects_the_same_faults_on_the_same_requests_and_another_seed_others() -> None:
    first, again, other = _draws(7), _draws(7), _draws(8)
    assert first == again
    assert len(first) > 30  # flaky does something
    assert first != other


def test_a_rule_past_its_skip_fires_at_most_times_times(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "server-error"\nskip = 2\ntimes = 3\noperations = ["getSite"]')
    app: Any = create_app("comm100-v4", faults=path)
    decisions = [app.faults.decide(app.spec.operation("getSite"), lambda: None) for _ in range(8)]
    assert [decision is not None for decision in decisions] == [False, False, True, True, True, False, False, False]
    assert app.faults.decide(app.spec.operation("listSites"), lambda: None) is None  # not selected


# -- each fault on the wire ----------------------------------------------------------------


def test_rate_limit_answers_429_with_retry_after_in_seconds_or_as_an_http_date(tmp_path: Path) -> None:
    seconds = profile(tmp_path, '[[faults]]\nkind = "rate-limit"\nretry_after = 2.5\noperations = ["reads"]')
    with running("comm100-v3", faults=seconds) as sim, httpx.Client(base_url=sim.base_url) as client:
        answer = client.get("/api/v3/partner/sites", headers={"Authorization": "Bearer anything"})
        assert answer.status_code == 429
        assert answer.headers["Retry-After"] == "3"
        assert answer.headers[FAULT_HEADER] == "rate-limit"
        assert answer.json() == {"code": 429, "message": "Too Many Requests (simulated fault)"}  # v3's shape
    dated = tmp_path / "dated.toml"
    dated.write_text('[[faults]]\nkind = "rate-limit"\nretry_after = 30\nretry_after_format = "http-date"\n')
    with running("comm100-v4", faults=dated) as sim, v4_client(sim) as client:
        answer = client.get("/global/sites")
        moment = email.utils.parsedate_to_datetime(answer.headers["Retry-After"])
        assert answer.status_code == 429
        assert 28 <= moment.timestamp() - time.time() <= 31


def test_server_errors_answer_their_status_in_the_vendors_shape_even_where_it_folds_refusals_into_200(
    tmp_path: Path,
) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "server-error"\nstatus = 502')
    with running("omnize-partner", faults=path) as sim, httpx.Client(base_url=sim.base_url) as client:
        answer = client.get("/departments", params={"token": sim.token(), "account_id": 1})
        assert answer.status_code == 502
        assert answer.json()["success"] is False
        assert answer.headers[FAULT_HEADER] == "server-error:502"
    with running("portsip-dealers", faults=path) as sim, httpx.Client(base_url=sim.base_url) as client:
        answer = client.get("/dealers", headers={"Authorization": "Bearer x"})
        assert answer.status_code == 502
        assert answer.json() == {"errors": [{"code": "UNKNOWN", "message": "unknown error"}]}


def test_latency_waits_before_the_answer(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "latency"\ndelay = 0.3\noperations = ["listSites"]')
    with running("comm100-v4", faults=path) as sim, v4_client(sim) as client:
        started = time.monotonic()
        answer = client.get("/global/sites")
        assert time.monotonic() - started >= 0.3
        assert answer.status_code == 200
        assert answer.headers[FAULT_HEADER] == "latency"
        started = time.monotonic()
        assert client.get("/global/sites/1").status_code in (200, 404)
        assert time.monotonic() - started < 0.3


def test_a_reset_before_processing_drops_the_connection_and_changes_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="partner_apis.simulators.access")
    path = profile(tmp_path, '[[faults]]\nkind = "reset-before"\noperations = ["createSite"]')
    with running("comm100-v4", faults=path, access_log=True) as sim, v4_client(sim) as client:
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError, httpx.WriteError)):
            client.post("/global/sites", json=V4_SITE)
        assert site_ids(sim) == []
    lines = [record.getMessage() for record in caplog.records if record.__dict__.get("fault")]
    assert lines
    assert lines[0].startswith("POST /v4/global/sites - ")
    assert lines[0].endswith(" fault=reset-before")


def test_a_reset_after_processing_keeps_the_write_the_client_never_heard_of(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "reset-after"\noperations = ["writes"]')
    with running("comm100-v4", faults=path) as sim, v4_client(sim) as client:
        with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
            client.post("/global/sites", json=V4_SITE)
        assert len(site_ids(sim)) == 1
        assert sim.faults is not None
        assert sim.faults.counts["reset-after"] == 1


def test_a_read_timeout_holds_the_processed_answer_past_the_clients_timeout(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "read-timeout"\ndelay = 0.6\noperations = ["createSite"]')
    with running("comm100-v4", faults=path) as sim, v4_client(sim, timeout=0.2) as client:
        with pytest.raises(httpx.ReadTimeout):
            client.post("/global/sites", json=V4_SITE)
        assert len(site_ids(sim)) == 1
    with running("comm100-v4", faults=path) as sim, v4_client(sim, timeout=5) as client:
        answer = client.post("/global/sites", json=V4_SITE)  # a patient client gets it late
        assert answer.status_code == 200
        assert answer.headers[FAULT_HEADER] == "read-timeout"


def test_a_revoked_token_is_forgotten_by_the_simulator_and_refused_as_the_vendor_refuses_it(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "token-revoked"\nskip = 1\ntimes = 1')
    with running("portsip-dealers", faults=path) as sim:
        client = sim.client()
        from portsip_dealers_client.api.dealers import list_dealers

        list_dealers.sync(client=client)  # logs in, and the first list is let through (skip)
        issued = sim.simulator.tokens.issued_access_tokens()
        list_dealers.sync(client=client)  # refused once, renewed by the client, sent again
        assert sim.simulator.tokens.requests["refresh_token"] == 1
        assert issued[0] not in sim.simulator.tokens.issued_access_tokens()
        assert sim.faults is not None
        assert sim.faults.counts["token-revoked"] == 1


def test_a_token_the_simulator_did_not_issue_is_never_revoked(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "token-revoked"')
    with running("comm100-v4", faults=path) as sim, v4_client(sim) as client:  # a partner's ready-made token
        assert client.get("/global/sites").status_code == 200
        assert sim.faults is not None
        assert not sim.faults.counts


def test_omnizes_internal_error_is_http_200_with_success_false(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "vendor"\nname = "internal-error"\noperations = ["createAccount"]')
    with running("omnize-partner", faults=path) as sim, httpx.Client(base_url=sim.base_url) as client:
        answer = client.post("/accounts", json={"token": sim.token(), "name": "x"})
        assert answer.status_code == 200
        assert answer.json() == {"status": 200, "success": False, "errors": "Internal error"}
        assert answer.headers[FAULT_HEADER] == "vendor:internal-error"
        assert not sim.simulator.store.accounts.of(1)


def test_portsips_unknown_error_is_its_documented_catch_all(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "vendor"\nname = "unknown-error"')
    with running("portsip-dealers", faults=path) as sim, httpx.Client(base_url=sim.base_url) as client:
        answer = client.get("/dealers", headers={"Authorization": "Bearer x"})
        assert answer.status_code == 500
        assert answer.json() == {"errors": [{"code": "UNKNOWN", "message": "unknown error"}]}


@pytest.mark.parametrize(
    ("name", "state", "outcome"),
    [("operation-fails", "FINISHED", "FAILURE"), ("operation-stalls", "IN_PROGRESS", None)],
)
def test_airvantage_operations_fail_or_stall_after_the_request_was_accepted(
    tmp_path: Path, name: str, state: str, outcome: str | None
) -> None:
    from airvantage_partners_client.api.operations import get_operation
    from airvantage_partners_client.api.partnership import request_partnership
    from airvantage_partners_client.api.requests import list_requests
    from airvantage_partners_client.models import PartnershipRequest

    path = profile(tmp_path, f'[[faults]]\nkind = "vendor"\nname = "{name}"')
    with running("airvantage-partners", faults=path, start_delay=0) as sim:
        requester, partner = sim.client(0), sim.client(1)
        target = sim.tenants[1].facts["company_uid"]
        started: Any = request_partnership.sync(client=requester, body=PartnershipRequest(partner=target))
        operation: Any = get_operation.sync(started.operation, client=requester)
        assert operation.state == state
        counters = {counter.state: counter.count for counter in operation.counters}
        if outcome is None:
            assert counters.get("IN_PROGRESS") == 1
            pending: Any = list_requests.sync(client=partner)
            assert not pending.items  # the partner never saw it
        else:
            assert counters.get(outcome) == 1


def test_faults_never_touch_a_request_no_route_serves(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "server-error"')
    with running("comm100-v4", faults=path) as sim, v4_client(sim) as client:
        answer = client.get("/no/such/path")
        assert answer.status_code == 404
        assert FAULT_HEADER not in answer.headers


# -- in process, with httpx's ASGITransport ------------------------------------------------------


@pytest.mark.anyio
async def test_in_process_a_dropped_connection_reaches_the_client_as_httpxs_read_error(tmp_path: Path) -> None:
    path = profile(tmp_path, '[[faults]]\nkind = "reset-after"\noperations = ["createSite"]')
    app: Any = create_app("comm100-v4", faults=path)
    token = next(iter(app.state.simulator.fixed_tokens))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sim/v4") as client:
        with pytest.raises(httpx.ReadError):
            await client.post("/global/sites", json=V4_SITE, headers={"Authorization": f"Bearer {token}"})
        sites = await client.get("/global/sites", headers={"Authorization": f"Bearer {token}"})
        assert len(sites.json()) == 1


# -- everywhere a simulator starts --------------------------------------------------------------


def test_the_fixture_takes_a_profile_and_a_seed(partner_api_simulator: Any) -> None:
    sim: RunningSimulator = partner_api_simulator("comm100-v4", faults="rate-limited", fault_seed=3)
    assert sim.faults is not None
    assert sim.faults.seed == 3
    assert sim.faults.profile.name == "rate-limited"
    assert partner_api_simulator("comm100-v4").faults is None
