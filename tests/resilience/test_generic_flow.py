"""The flow read from the spec (generic.py) does what a hand-written flow does, where the spec holds what it needs.

Forced on the plain create/read/update APIs in place of their hand flows, it stays green
under every shipped profile and reconciles a lost create; on a simulator with a planted
bug (a create answered and dropped, an update answered and not kept) it fails; on an API
whose spec lacks a step it says which.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from partner_apis.simulators.harness import app as harness_app
from partner_apis.simulators.harness.app import Reply
from partner_apis.simulators.harness.faults import SHIPPED
from partner_apis.simulators.registry import SIMULATORS
from partner_apis.specs import ApiSpec, api_spec
from tests.drift.samples import json_answer, success_status

from .flows import FLOWS
from .generic import flow_plan, generic_flow, read_plan
from .test_resilience import KEYS, flow_class, one_fault, run_flow

pytestmark = pytest.mark.resilience

# The APIs whose hand flows the generic one can stand in for (Omnize v2's "not found" comes
# inside HTTP 200 as an OmnizeError, not a NotFoundError, so the generic flow cannot tell
# that its agent is gone; Omnize v1 and AirVantage have no create beside a read of one record).
GENERIC = ("comm100-v3", "comm100-v4", "portsip-dealers")


@pytest.mark.parametrize("profile", SHIPPED)
@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flow_loses_no_write_and_duplicates_no_create_under_the_profile(key: str, profile: str) -> None:
    tally = run_flow(key, profile, flow_type=generic_flow(key), row=f"{key} generic")
    assert tally.faults > 0, "the profile injected nothing: the flow proved nothing"


@pytest.mark.parametrize("key", GENERIC)
def test_without_faults_every_call_of_the_generic_flow_succeeds_at_the_first_send(key: str) -> None:
    tally = run_flow(key, None, flow_type=generic_flow(key), row=f"{key} generic")
    assert (tally.failed, tally.retried, tally.reconciled, tally.faults) == (0, 0, 0, 0)


@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flow_finds_a_create_processed_but_never_answered_by_its_key(key: str, tmp_path: Path) -> None:
    create = flow_plan(key).create.operation_id
    text = f'[[faults]]\nkind = "reset-after"\noperations = ["{create}"]\ntimes = 1\n'
    path = one_fault(tmp_path, "generic-lost-create", text)
    tally = run_flow(key, path, flow_type=generic_flow(key), row=f"{key} generic")
    assert (tally.faults, tally.reconciled, tally.duplicated, tally.failed) == (1, 1, 0, 1)


@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flows_create_declined_with_a_429_is_resent_once_after_the_wait(key: str, tmp_path: Path) -> None:
    create = flow_plan(key).create.operation_id
    text = f'[[faults]]\nkind = "rate-limit"\nretry_after = 3\noperations = ["{create}"]\ntimes = 1\n'
    path = one_fault(tmp_path, "generic-declined-create", text)
    tally = run_flow(key, path, flow_type=generic_flow(key), row=f"{key} generic")
    assert (tally.faults, tally.failed, tally.retried, tally.resent, tally.waited) == (1, 0, 1, 1, 3.0)


@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flow_meets_a_retry_after_over_the_cap_as_a_typed_error(key: str, tmp_path: Path) -> None:
    # Its raw requests go through the overlay's httpx client: the runtime's retries and
    # typed errors (the ledger fails the flow on anything untyped).
    text = '[[faults]]\nkind = "rate-limit"\nretry_after = 3600\noperations = ["reads"]\ntimes = 2'
    path = one_fault(tmp_path, "generic-retry-after-3600", text)
    tally = run_flow(key, path, flow_type=generic_flow(key), row=f"{key} generic")
    assert (tally.faults, tally.waited, tally.failed) == (2, 0, 2)
    assert not tally.duplicated


@pytest.mark.parametrize("key", GENERIC)
def test_the_spec_names_the_operations_the_hand_flow_calls(key: str) -> None:
    plan = flow_plan(key)
    assert generic_flow(key).create_operation == FLOWS[key].create_operation
    assert plan.read.path == plan.update.path == plan.create.path.rstrip("/") + "/{" + plan.read_parameter + "}"
    # A delete is what the hand flow deletes with: PortSIP's POST .../destroy (x-deletes); Comm100 deletes nothing.
    assert (plan.delete.operation_id if plan.delete else "") == FLOWS[key].delete_operation


def test_a_delete_is_read_from_the_creates_links() -> None:
    plan = flow_plan("omnize-partner-v2")
    assert (plan.create.operation_id, plan.read.operation_id, plan.update.operation_id) == (
        "createAgent",
        "showAgent",
        "updateAgent",
    )
    assert plan.delete is not None
    assert plan.delete.operation_id == "deleteAgent"
    assert generic_flow("omnize-partner-v2").can_delete


def test_an_api_without_a_hand_flow_gets_the_generic_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(FLOWS, "comm100-v4")
    assert flow_class("comm100-v4") is generic_flow("comm100-v4")
    assert flow_class("comm100-v3") is FLOWS["comm100-v3"]
    assert sorted(SIMULATORS) == KEYS  # every registry API is in the suite


@pytest.mark.parametrize("key", ["omnize-partner", "airvantage-partners"])
def test_an_api_without_a_create_beside_a_read_of_one_record_says_so(key: str) -> None:
    with pytest.raises(LookupError, match="no secured, non-idempotent create whose success answer links to a GET"):
        flow_plan(key)


def _edited(key: str, edit: Callable[[dict[str, Any]], object]) -> ApiSpec:
    """``key``'s spec with ``edit`` applied to a copy of its YAML (a spec no test knows)."""
    raw = copy.deepcopy(dict(api_spec(key).raw))
    edit(raw)
    return ApiSpec(key, raw)


def test_the_plan_of_a_spec_is_what_its_links_and_examples_say() -> None:
    plan = read_plan(api_spec("comm100-v4"))
    assert (plan.create.operation_id, plan.read.operation_id, plan.update.operation_id) == (
        "createSite",
        "getSite",
        "updateSite",
    )
    assert (plan.read_parameter, plan.id_pointer) == ("id", "/siteId")
    assert plan.create_example["platformId"] == 100


def test_a_create_whose_answer_links_to_no_read_gives_no_plan() -> None:
    spec = _edited("comm100-v4", lambda raw: raw["paths"]["/global/sites"]["post"]["responses"]["200"].pop("links"))
    with pytest.raises(LookupError, match="links to a GET of one record"):
        read_plan(spec)


def test_a_create_whose_answer_links_to_no_update_says_so() -> None:
    def unlink(raw: dict[str, Any]) -> None:
        links = raw["paths"]["/global/sites"]["post"]["responses"]["200"]["links"]
        links.pop("UpdateSite")

    with pytest.raises(LookupError, match=re.escape("createSite's answer links to no update at /global/sites/{id}")):
        read_plan(_edited("comm100-v4", unlink))


def test_an_update_without_a_body_example_says_so() -> None:
    def drop(raw: dict[str, Any]) -> None:
        raw["paths"]["/global/sites/{id}"]["put"]["requestBody"]["content"]["application/json"].pop("examples")

    with pytest.raises(LookupError, match="updateSite's request body has no example"):
        read_plan(_edited("comm100-v4", drop))


# -- planted bugs: the simulator answers a write as done and keeps nothing ----------------------


def _planted(operation_id: str) -> Any:
    """The harness's serving step, with ``operation_id`` answered its documented success and never handled."""
    real = harness_app._serve

    def serve(simulator: Any, operation: Any, handler: Any, request: Any, raw: bytes) -> Reply:
        if operation.operation_id != operation_id:
            return real(simulator, operation, handler, request, raw)
        spec = api_spec(simulator.key)
        model = spec.operation(operation_id)
        status = success_status(model)
        assert status is not None
        media = json_answer(spec, model, status)
        examples = [spec.resolve(example)["value"] for example in (media or {}).get("examples", {}).values()]
        return Reply(int(status), examples[0] if examples else None)

    return serve


@pytest.fixture
def plant(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Plant :func:`_planted` for an operation (undone after the test)."""

    def planting(operation_id: str) -> None:
        monkeypatch.setattr(harness_app, "_serve", _planted(operation_id))

    return planting


@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flow_fails_on_an_update_answered_and_not_kept(key: str, plant: Callable[[str], None]) -> None:
    plant(flow_plan(key).update.operation_id)
    with pytest.raises(AssertionError, match="read after update 1"):
        run_flow(key, None, flow_type=generic_flow(key), row=f"{key} generic")


@pytest.mark.parametrize("key", GENERIC)
def test_the_generic_flow_fails_on_a_create_answered_and_dropped(key: str, plant: Callable[[str], None]) -> None:
    plant(flow_plan(key).create.operation_id)
    with pytest.raises(AssertionError, match="0 records with the flow's key after the create"):
        run_flow(key, None, flow_type=generic_flow(key), row=f"{key} generic")
