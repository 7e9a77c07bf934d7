"""Each API's overlay client runs a provisioning flow under each shipped fault profile (``nox -s resilience``).

What a user's provisioning job needs, asserted against the simulator (the ground truth):

- no write is lost: every create and update is read back from the record and the list;
- no create is sent twice: the runtime resends what the spec marks ``x-idempotent``, and
  a create only after an answer that says it was not processed (429, or 503 with
  ``Retry-After``); a create whose connection dropped after the simulator processed it
  surfaces as a typed ``ApiConnectionError`` (or ``ApiTimeoutError``) and the flow
  reconciles by reading the list before creating again; the simulator's access log then
  shows as many creates received as the flow sent, and its state one record;
- reads are retried within the policy (at most ``1 + max_retries`` sends a call);
- ``Retry-After`` is honoured (the recorded wait is what the answer asked) and capped (an
  answer asking longer than ``max_retry_after`` is not retried);
- when the token expires under eight concurrent callers it is renewed once (more only
  for a renewal a fault lost or a token the profile revoked);
- every failure that reaches the flow is a typed error of the runtime.

The runtime's waits are recorded, not slept (the retry transport's ``sleep`` and
``async_sleep``), and tokens expire on a :class:`~partner_apis.testing.ManualClock`, so the
suite runs in seconds; one flow (Comm100 v4's) also runs on the async client.

Every API of the simulator registry is in the suite: its hand-written flow (flows.py)
where it has one, else the flow read from its spec (generic.py), which raises
``LookupError`` naming what the spec lacks for one.
``PARTNER_APIS_FAULT_SEED`` picks the profiles' seed (default 1).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.simulators.harness.app import served_path
from partner_apis.simulators.harness.faults import SHIPPED
from partner_apis.simulators.registry import SIMULATORS
from partner_apis.specs import api_spec
from partner_apis.testing import ManualClock, RunningSimulator, running
from tests.overlays.wire import signs_in

from .flows import FLOWS, AsyncComm100V4, Flow
from .generic import generic_flow
from .ledger import ROWS, Ledger, Tally, UntypedFailure, recording, stop_recording

pytestmark = pytest.mark.resilience

SEED = int(os.environ.get("PARTNER_APIS_FAULT_SEED", "1"))
# Every API with a simulator.
KEYS = sorted(SIMULATORS)
# The APIs whose clients log in and renew their own tokens (the others hold a partner's ready-made token).
RENEWING = frozenset(key for key in KEYS if signs_in(key))
TOKEN_LIFETIME = 600
CALLERS = 8
# Faults after which a token grant the simulator made never reached the client.
LOST_KINDS = frozenset({"reset-after", "read-timeout"})


def flow_class(key: str) -> type[Flow]:
    """``key``'s hand-written flow, else the one read from its spec (``LookupError`` naming what the spec lacks)."""
    return FLOWS.get(key) or generic_flow(key)


def _token_path(key: str) -> str | None:
    spec = api_spec(key)
    return served_path(spec, "getToken") if any(op.operation_id == "getToken" for op in spec) else None


def _renew_under_concurrency(sim: RunningSimulator, flow: Flow, clocks: list[ManualClock], tally: Tally) -> None:
    """Let the token expire, then send ``CALLERS`` reads at once through the flow's client; check the grants."""
    tokens = sim.simulator.tokens
    plan = sim.faults
    before_grants = sum(tokens.requests.values())
    before_decisions = len(plan.decisions()) if plan else 0
    for clock in clocks:
        clock.advance(TOKEN_LIFETIME + 1)
    read = flow.cheap_read(flow.client)

    def caller() -> None:
        try:
            read()
        except PartnerApiError:
            pass  # a typed failure: allowed under faults, counted by the simulator's log
        except Exception as error:
            raise UntypedFailure(f"{type(error).__name__} reached a caller untyped: {error}") from error

    with ThreadPoolExecutor(CALLERS) as pool:
        for future in [pool.submit(caller) for _ in range(CALLERS)]:
            future.result()
    grants = sum(tokens.requests.values()) - before_grants
    during = plan.decisions()[before_decisions:] if plan else []
    lost = sum(1 for d in during if d.operation_id == "getToken" and d.kind in LOST_KINDS)
    revoked = sum(1 for d in during if d.kind == "token-revoked")
    tally.renewals = grants
    if not lost and not revoked:
        assert grants == 1, f"the token was renewed {grants} times for one expiry under {CALLERS} callers"
    else:
        # A renewal lost on the way back spends its refresh token: the client may log in afresh after it.
        assert 1 <= grants <= 1 + 2 * lost + revoked, f"{grants} grants for one expiry, {lost} lost, {revoked} revoked"


def run_flow(
    key: str, profile: str | Path | None, seed: int = SEED, flow_type: type[Flow] | None = None, row: str | None = None
) -> Tally:
    """Run ``key``'s flow (or ``flow_type``) under ``profile`` (shipped, or a file); return its tally after each check.

    The tally is the flow's row of the table, named ``row`` (default: the key).
    """
    with _measured(key, flow_type or flow_class(key), profile, seed, row) as (sim, flow, clocks):
        flow.run()
        if clocks:
            _renew_under_concurrency(sim, flow, clocks, flow.ledger.tally)
    return flow.ledger.tally


async def arun_flow(profile: str | Path, seed: int = SEED) -> Tally:
    """Run Comm100 v4's flow on the async client under ``profile``; return its tally after the same checks."""
    with _measured("comm100-v4", AsyncComm100V4, profile, seed, row="comm100-v4 async") as (_, flow, _clocks):
        assert isinstance(flow, AsyncComm100V4)
        await flow.arun()
    return flow.ledger.tally


@contextlib.contextmanager
def _measured(
    key: str, flow_class: type[Flow], profile: str | Path | None, seed: int, row: str | None = None
) -> Iterator[tuple[RunningSimulator, Flow, list[ManualClock]]]:
    """Serve ``key`` under ``profile`` and make its flow; after the block, count the duplicated creates.

    Appends the tally to the table and fails when the simulator received a create the
    client did not send.
    """
    tally = Tally(row or key, "none" if profile is None else Path(profile).stem)
    started = time.monotonic()
    options: dict[str, Any] = dict(flow_class.options)
    client_options: dict[str, Any] = {}
    clocks: list[ManualClock] = []
    if key in RENEWING:
        # AirVantage's simulator counts in seconds since the epoch, the others on a monotonic clock.
        sim_clock = ManualClock(time.time() if key == "airvantage-partners" else 1000.0)
        client_clock = ManualClock(1000.0)
        clocks = [sim_clock, client_clock]
        options.update(clock=sim_clock, token_lifetime=TOKEN_LIFETIME)
        client_options["clock"] = client_clock
    log = recording()
    try:
        with running(key, faults=profile, fault_seed=seed, access_log=True, **options) as sim:
            ledger = Ledger(tally, _token_path(key))
            flow = flow_class(sim, ledger, **client_options)
            yield sim, flow, clocks
            tally.faults = sum(sim.faults.counts.values()) if sim.faults else 0
            create_path = served_path(api_spec(key), flow.create_operation)
            create_method = api_spec(key).operation(flow.create_operation).method
        # The server has stopped: every request it received is in its log, answers held by a fault included.
        received = log.log.count(create_method, create_path)
        sent = sum(
            1
            for event in ledger.events
            if event.kind == "send" and (event.method, event.path) == (create_method, create_path)
        )
        tally.duplicated = received - sent
    finally:
        stop_recording(log)
    tally.seconds = time.monotonic() - started
    ROWS.append(tally)
    assert tally.duplicated == 0, f"the simulator received {received} creates, the client sent {sent}"


@pytest.mark.parametrize("profile", SHIPPED)
@pytest.mark.parametrize("key", KEYS)
def test_a_provisioning_flow_loses_no_write_and_duplicates_no_create_under_the_profile(key: str, profile: str) -> None:
    tally = run_flow(key, profile)
    assert tally.faults > 0, "the profile injected nothing: the flow proved nothing"


@pytest.mark.parametrize("key", KEYS)
def test_without_faults_every_call_succeeds_at_the_first_send(key: str) -> None:
    tally = run_flow(key, None)
    assert (tally.failed, tally.retried, tally.reconciled, tally.orphaned, tally.faults) == (0, 0, 0, 0, 0)


# -- the hard cases, each made to happen once -------------------------------------------------


def one_fault(tmp_path: Path, name: str, text: str) -> Path:
    """A profile file ``name.toml`` holding ``text`` (its name is the table's profile column)."""
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["reset-after", "read-timeout"])
@pytest.mark.parametrize("key", KEYS)
def test_a_create_processed_but_never_answered_is_found_by_reading_and_not_sent_again(
    key: str, kind: str, tmp_path: Path
) -> None:
    # The simulator made the record, then the connection dropped (or the answer came after the
    # client stopped waiting): the runtime must not resend the create (it is not x-idempotent);
    # the flow meets ApiConnectionError (ApiTimeoutError) and reads the list before creating again.
    create = flow_class(key).create_operation
    text = f'[[faults]]\nkind = "{kind}"\noperations = ["{create}"]\ntimes = 1\n'
    path = one_fault(tmp_path, f"lost-create-{kind}", text + ("delay = 0.7\n" if kind == "read-timeout" else ""))
    tally = run_flow(key, path)
    assert (tally.faults, tally.reconciled, tally.duplicated) == (1, 1, 0)
    assert tally.failed == 1  # the one typed ApiConnectionError the flow met


def test_an_omnize_account_whose_create_was_lost_is_orphaned_the_api_cannot_find_it(tmp_path: Path) -> None:
    # Omnize has no read of accounts: the flow cannot reconcile, makes another, and the first
    # stays behind. The suite counts it rather than hiding it.
    path = one_fault(
        tmp_path, "lost-account", '[[faults]]\nkind = "reset-after"\noperations = ["createAccount"]\ntimes = 1'
    )
    assert run_flow("omnize-partner", path).orphaned == 1


# A create answered "not processed" once: 429 with Retry-After in seconds, 503 with it as an HTTP date.
NOT_PROCESSED = {
    "rate-limit": 'kind = "rate-limit"\nretry_after = 3\n',
    "server-error-503": 'kind = "server-error"\nstatus = 503\nretry_after = 3\nretry_after_format = "http-date"\n',
}


@pytest.mark.parametrize("kind", sorted(NOT_PROCESSED))
@pytest.mark.parametrize("key", KEYS)
def test_a_create_the_server_declined_unprocessed_is_sent_again_and_made_once(
    key: str, kind: str, tmp_path: Path
) -> None:
    # RFC 6585 s4 (429) and RFC 9110 s15.6.4 (503 naming when to come back): the create was not
    # processed, so the runtime resends it after the wait; the flow never hears of the refusal,
    # and the simulator holds one record (Flow.run checks it).
    create = flow_class(key).create_operation
    text = f'[[faults]]\n{NOT_PROCESSED[kind]}operations = ["{create}"]\ntimes = 1\n'
    tally = run_flow(key, one_fault(tmp_path, f"declined-create-{kind}", text))
    assert (tally.faults, tally.failed, tally.retried, tally.resent, tally.reconciled) == (1, 0, 1, 1, 0)
    assert 2 <= tally.waited <= 3  # the Retry-After's 3 s (an HTTP date counts whole seconds from when it was sent)


@pytest.mark.parametrize("key", KEYS)
def test_a_create_answered_a_bare_503_is_not_sent_again(key: str, tmp_path: Path) -> None:
    # A 503 without Retry-After may come from a proxy after the request went through: the flow
    # meets the typed ServerError, finds nothing by reading, and creates again itself.
    create = flow_class(key).create_operation
    text = f'[[faults]]\nkind = "server-error"\nstatus = 503\noperations = ["{create}"]\ntimes = 1\n'
    tally = run_flow(key, one_fault(tmp_path, "bare-503-create", text))
    assert (tally.faults, tally.failed, tally.resent, tally.reconciled) == (1, 1, 0, 0)


@pytest.mark.parametrize("key", ["omnize-partner", "omnize-partner-v2"])
def test_an_omnize_read_failing_inside_http_200_is_not_retried_by_the_runtime(key: str, tmp_path: Path) -> None:
    # Omnize's internal error comes as every refusal does, {"status": 200, "success": false}: the
    # runtime sees an HTTP 200 and sends the read once (retry.py's docstring says why); the typed
    # OmnizeError reaches the flow, whose own persistence reads again.
    text = '[[faults]]\nkind = "vendor"\nname = "internal-error"\noperations = ["reads"]\ntimes = 1\n'
    tally = run_flow(key, one_fault(tmp_path, "internal-error-read", text))
    assert (tally.faults, tally.failed, tally.retried) == (1, 1, 0)


@pytest.mark.parametrize("name", ["operation-fails", "operation-stalls"])
def test_an_airvantage_partnership_whose_operation_fails_or_stalls_is_asked_again(name: str, tmp_path: Path) -> None:
    path = one_fault(tmp_path, name, f'[[faults]]\nkind = "vendor"\nname = "{name}"\ntimes = 1')
    tally = run_flow("airvantage-partners", path)
    assert (tally.faults, tally.duplicated) == (1, 0)


def _deletes(key: str) -> bool:
    try:
        return flow_class(key).can_delete
    except LookupError:
        return True  # the test then fails naming what the spec lacks, rather than the collection


@pytest.mark.parametrize("key", [key for key in KEYS if _deletes(key)])
def test_a_delete_processed_but_never_answered_is_resent_and_answers_not_found(key: str, tmp_path: Path) -> None:
    # A delete is x-idempotent, so the runtime resends it; the record is already gone and the
    # resend is refused as not found (PortSIP's 404, Omnize's "not found" inside HTTP 200):
    # the flow takes that refusal as done and reads to confirm.
    delete = flow_class(key).delete_operation
    text = f'[[faults]]\nkind = "reset-after"\noperations = ["{delete}"]\ntimes = 1'
    tally = run_flow(key, one_fault(tmp_path, "lost-delete", text))
    assert (tally.faults, tally.failed, tally.retried) == (1, 1, 1)


@pytest.mark.parametrize("key", KEYS)
def test_a_retry_after_over_the_cap_is_not_waited_for(key: str, tmp_path: Path) -> None:
    text = '[[faults]]\nkind = "rate-limit"\nretry_after = 3600\noperations = ["reads"]\ntimes = 2'
    tally = run_flow(key, one_fault(tmp_path, "retry-after-3600", text))
    assert tally.faults == 2
    assert tally.waited == 0  # nothing waited: the cap stopped the retries at once
    assert tally.failed == 2  # each surfaced as a typed RateLimitError


@pytest.mark.parametrize("key", KEYS)
def test_a_retry_after_within_the_cap_is_waited_for_exactly(key: str, tmp_path: Path) -> None:
    text = '[[faults]]\nkind = "rate-limit"\nretry_after = 7\noperations = ["reads"]\ntimes = 2'
    tally = run_flow(key, one_fault(tmp_path, "retry-after-7", text))
    assert (tally.faults, tally.failed, tally.retried, tally.waited) == (2, 0, 2, 14.0)


@pytest.mark.parametrize("key", sorted(RENEWING))
def test_a_token_revoked_under_concurrent_callers_is_renewed_once(key: str, tmp_path: Path) -> None:
    # The simulator forgets the token on one request while eight callers share the client:
    # every caller refused with it must wait for one renewal, not make its own.
    path = one_fault(tmp_path, "revoked-once", '[[faults]]\nkind = "token-revoked"\nskip = 2\ntimes = 1\n')
    options: dict[str, Any] = dict(flow_class(key).options)
    with running(key, faults=path, **options) as sim:
        flow = flow_class(key)(sim, Ledger(Tally(key, "revoked-once"), _token_path(key)))
        read = flow.cheap_read(flow.client)
        read()  # signed in
        before = sum(sim.simulator.tokens.requests.values())
        with ThreadPoolExecutor(CALLERS) as pool:
            for future in [pool.submit(read) for _ in range(3 * CALLERS)]:
                future.result()
        assert sim.faults is not None
        assert sim.faults.counts["token-revoked"] == 1
        assert sum(sim.simulator.tokens.requests.values()) - before == 1


# -- the async client under rate limits: waits recorded through async_sleep, never slept ---------------


@pytest.mark.anyio
async def test_an_async_flow_throttled_on_its_create_waits_the_retry_after_without_sleeping(tmp_path: Path) -> None:
    text = '[[faults]]\nkind = "rate-limit"\nretry_after = 30\noperations = ["createSite"]\ntimes = 1\n'
    tally = await arun_flow(one_fault(tmp_path, "async-throttled-create", text))
    assert (tally.faults, tally.failed, tally.retried, tally.resent, tally.waited) == (1, 0, 1, 1, 30.0)
    assert tally.seconds < 30  # the 30 s were recorded through async_sleep, not slept


@pytest.mark.anyio
async def test_an_async_flow_under_the_rate_limited_profile_loses_no_write_and_duplicates_no_create() -> None:
    tally = await arun_flow("rate-limited")
    assert tally.faults > 0, "the profile injected nothing: the flow proved nothing"
    assert tally.waited > 0
    assert tally.seconds < tally.waited + 5  # what was waited was recorded, not slept


@pytest.mark.anyio
async def test_the_async_client_does_not_resend_a_create_whose_answer_was_lost(tmp_path: Path) -> None:
    # The same rule on the runtime's async path: the create is sent once, the failure is typed.
    from comm100_v4_client.api.sites import create_site, list_sites
    from comm100_v4_client.models import SiteCreate

    from partner_apis.overlays.runtime import ApiConnectionError

    path = one_fault(tmp_path, "lost-create-async", '[[faults]]\nkind = "reset-after"\noperations = ["createSite"]\n')
    log = recording()
    try:
        with running("comm100-v4", faults=path, access_log=True) as sim:
            client = sim.client()
            body = SiteCreate(platform_id=100, email="a@example.com", password="secret-1", plan_id=233)
            with pytest.raises(ApiConnectionError):
                await create_site.asyncio(client=client, body=body)
            sites: Any = await list_sites.asyncio(client=client)
            assert len(sites) == 1
    finally:
        stop_recording(log)
    assert log.log.count("POST", "/v4/global/sites") == 1
