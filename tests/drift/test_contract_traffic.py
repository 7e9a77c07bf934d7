"""The drift report on a short Schemathesis run (the contract suite's runner, its HAR cassette) against each simulator.

Schemathesis sends what no example flow does: every documented status, refusals of
malformed requests, methods the spec lacks. Against the unchanged simulators the report
must find no drift, except where the simulator and its spec really disagree today
(:data:`KNOWN`): an entry there is a finding to fix in the spec or the simulator, and this
test fails once it is fixed, so the table shrinks with it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partner_apis.drift import write_report
from tests.contract.conftest import ContractOptions
from tests.contract.runs import simulator_run
from tests.contract.targets import TARGETS

pytestmark = [pytest.mark.slow, pytest.mark.contract]

KNOWN: dict[str, set[tuple[str, str, str]]] = {}


@pytest.mark.parametrize("key", sorted(TARGETS))  # every API the contract suite runs
def test_a_short_contract_run_against_the_unchanged_simulator_shows_no_drift(key: str, tmp_path: Path) -> None:
    options = ContractOptions(seeds=(1,), max_examples=5, live=False, allow_writes=True, report_dir=tmp_path)
    _, result = simulator_run(key, 1, options)
    assert result.cassette is not None
    report = write_report(key, [result.cassette], tmp_path / "drift")
    assert report.compared > 100, report.skipped  # every operation, many times
    found = {(entry.kind, entry.pointer, entry.spec_location) for entry in report.entries}
    assert found == KNOWN.get(key, set()), [entry.to_json() for entry in report.entries]
