"""With ``--faults``, the suite tells a fault the simulator injected from a contract failure.

A run against a simulator that answers some reads with an undocumented 503 and drops
some connections is green: the failures and network errors those cause are counted as
injected faults (in the summary and the JUnit file), not as contract failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import ContractOptions
from .reports import junit_xml
from .runner import ContractResult
from .runs import record, simulator_run, verdict

pytestmark = pytest.mark.contract

PROFILE = """
description = "Undocumented 503s on reads, and dropped connections: nothing the spec promises."

[[faults]]
kind = "server-error"
status = 503
rate = 0.3
operations = ["reads"]

[[faults]]
kind = "reset-before"
rate = 0.05
"""


def test_injected_undocumented_answers_are_counted_apart_and_the_run_stays_green(tmp_path: Path) -> None:
    profile = tmp_path / "outage.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    options = ContractOptions(
        seeds=(1,),
        max_examples=5,
        live=False,
        allow_writes=False,
        report_dir=tmp_path / "reports",
        faults=str(profile),
        fault_seed=3,
    )
    run, result = simulator_run("comm100-v4", 1, options)
    assert verdict("comm100-v4", run, result) is None, result.output[-6000:]
    assert result.injected_faults > 0  # the 503s' failures, counted apart
    assert result.failures == 0
    assert "injected faults" in result.summary()
    written = junit_xml("comm100-v4", [{**record("comm100-v4", run, result, None).__dict__, "outcome": "passed"}])
    assert b'name="injected_faults" value="0"' not in written


def _result(*, errors: int, network_errors: int, connection_faults: int, failures: int = 0) -> ContractResult:
    return ContractResult(
        exit_code=1 if errors or failures else 0,
        generated=10,
        failures=failures,
        errors=errors,
        operations_tested=1,
        operations_total=1,
        phases={"fuzzing": "error" if errors else "success"},
        seconds=1.0,
        output="",
        report={},
        network_errors=network_errors,
        connection_faults=connection_faults,
    )


def test_network_errors_are_the_faults_only_up_to_the_connections_the_simulator_dropped() -> None:
    assert _result(errors=2, network_errors=2, connection_faults=3).ok
    assert _result(errors=2, network_errors=2, connection_faults=3).injected_errors == 2
    assert not _result(errors=2, network_errors=2, connection_faults=1).ok  # one more than it dropped
    assert not _result(errors=3, network_errors=2, connection_faults=5).ok  # an error that is no network error
    assert not _result(errors=0, network_errors=0, connection_faults=5, failures=1).ok
    assert _result(errors=0, network_errors=0, connection_faults=0).ok
