"""The contract suite: Schemathesis, every check and phase, against each simulator (or live vendor)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from partner_apis.simulators.harness import serve
from partner_apis.simulators.registry import create_app, entry
from partner_apis.specs import spec_path

from . import compat  # noqa: F401 (a Schemathesis version it was not written for stops the suite here)
from .conftest import SUMMARY_PROPERTY, ContractOptions
from .runner import ContractResult, ContractRun, run_contract
from .targets import TARGETS, Auth

pytestmark = pytest.mark.contract


def _check(key: str, seed: int, result: ContractResult, record_property: Callable[[str, object], None]) -> None:
    # Printed at the end of the session by conftest.py, whichever worker ran it.
    record_property(SUMMARY_PROPERTY, f"{key} seed {seed}: {result.summary()}")
    assert result.operations_tested == result.operations_total, f"untested operations:\n{result.output[-6000:]}"
    assert all(status in {"success", "skipped"} for status in result.phases.values()), (
        f"{key}: {result.summary()}\n{result.output[-12000:]}"
    )
    assert result.ok, f"{key}: {result.summary()}\n{result.output[-12000:]}"


# These runs are the reliability suite's "fuzzing depth": every API, each seed in its own
# test (default seeds 1, 2 and 3; see conftest.py), at least 100 examples per operation
# and phase, and 0 failures. Each run's seed and summary line are printed in the session's
# "contract runs" section.
@pytest.mark.parametrize("key", sorted(TARGETS))
def test_api_honours_its_spec(
    key: str,
    contract_seed: int,
    contract_options: ContractOptions,
    record_property: Callable[[str, object], None],
) -> None:
    target = TARGETS[key]
    if contract_options.live:
        missing = target.missing_live_variables()
        if missing:
            pytest.skip(f"live mode needs {', '.join(missing)}")
        auth = target.live_auth(os.environ)
        base_url = target.live_url() or ""
        run = _run(key, base_url, auth, contract_seed, contract_options, live=True)
        _check(key, contract_seed, run_contract(run), record_property)
        return
    # A fresh simulator per seed: every run starts from the same empty state.
    app = create_app(key)
    with serve(app) as server:
        auth = target.simulator_auth(app)
        result = run_contract(_run(key, server.root_url + entry(key).base_path, auth, contract_seed, contract_options))
    _check(key, contract_seed, result, record_property)


def _run(
    key: str, base_url: str, auth: Auth, seed: int, options: ContractOptions, *, live: bool = False
) -> ContractRun:
    return ContractRun(
        spec=spec_path(key),
        base_url=base_url,
        headers=auth.headers,
        hooks=auth.hooks,
        seed=seed,
        max_examples=options.max_examples,
        read_only=live and not options.allow_writes,
        extra_env=auth.env,
        exclude_checks=TARGETS[key].exclude_checks,
        live=live,
    )
