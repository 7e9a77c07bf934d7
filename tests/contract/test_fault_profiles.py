"""Every API honours its spec under every shipped fault profile: the suite tells a vendor's fault from its own failure.

A profile's faults (a 429, a 503, a dropped connection, Omnize's HTTP 200 with a failure)
reach the run's own cases and the checks' own requests alike. The run must stay green:
a fault the spec documents is conformant, an undocumented one is put down to the
profile (counted apart, as "injected faults"), and a check whose own request meets one
says nothing (checks/common.py). And it must have met faults at all, or the test proves
nothing. Seed 1, three examples per operation and phase, and no coverage phase (its
hundreds of boundary cases meet the same faults as the others; under ``slow`` each held
answer costs 1.5 s) keep the 24 runs short; the full depth under one profile is
``nox -s contract -- --faults PROFILE``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from partner_apis.simulators.harness.faults import SHIPPED

from .conftest import ContractOptions
from .runs import simulator_run, verdict
from .targets import TARGETS

pytestmark = pytest.mark.contract

EXAMPLES = 3
PHASES = ("examples", "fuzzing", "stateful")


@pytest.mark.parametrize("profile", SHIPPED)
@pytest.mark.parametrize("key", sorted(TARGETS))
def test_every_api_tells_a_fault_profiles_faults_from_contract_failures(
    key: str, profile: str, contract_options: ContractOptions, tmp_path: Path
) -> None:
    if contract_options.live:
        pytest.skip("fault profiles are the simulators': a live run meets the vendor's own")
    options = dataclasses.replace(
        contract_options,
        seeds=(1,),
        max_examples=EXAMPLES,
        faults=profile,
        fault_seed=0,
        report_dir=tmp_path,
        phases=PHASES,
    )
    run, result = simulator_run(key, 1, options)
    failure = verdict(key, run, result)
    assert failure is None, failure
    met = result.injected_faults + result.injected_errors + result.connection_faults
    # (``slow`` delays every answer, a real one: latency is no failure and is counted nowhere.)
    assert met > 0 or profile == "slow", f"{key} under {profile} met no fault: {result.summary()}"
