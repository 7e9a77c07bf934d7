"""The contract suite: Schemathesis, every check and phase, against each simulator (or live vendor)."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from . import compat  # noqa: F401 (a Schemathesis version it was not written for stops the suite here)
from .conftest import RUN_PROPERTY, SUMMARY_PROPERTY, ContractOptions
from .runs import live_run, record, simulator_run, skipped_record, unfinished_record, verdict
from .targets import TARGETS

pytestmark = pytest.mark.contract


# These runs are the reliability suite's "fuzzing depth": every API, each seed in its own
# test (default seeds 1, 2 and 3; see conftest.py), at least 100 examples per operation
# and phase, and 0 failures. Each run's seed and summary line are printed in the session's
# "contract runs" section; its reports are kept under reports/<api>/ (reports.py).
@pytest.mark.parametrize("key", sorted(TARGETS))
def test_api_honours_its_spec(
    key: str,
    contract_seed: int,
    contract_options: ContractOptions,
    record_property: Callable[[str, object], None],
) -> None:
    if contract_options.live:
        missing = TARGETS[key].missing_live_variables()
        if missing:
            reason = f"live mode needs {', '.join(missing)}"
            record_property(RUN_PROPERTY, skipped_record(key, contract_seed, reason).to_json())  # a skipped case
            pytest.skip(reason)
    try:
        if contract_options.live:
            run, result = live_run(key, contract_seed, contract_options, os.environ)
        else:
            # A fresh simulator per seed: every run starts from the same empty state.
            run, result = simulator_run(key, contract_seed, contract_options)
    except RuntimeError as error:  # Schemathesis wrote no report: its output (masked) says why
        record_property(RUN_PROPERTY, unfinished_record(key, contract_seed, contract_options, str(error)).to_json())
        raise
    failure = verdict(key, run, result)
    # Recorded before judging: the summary is printed at the session's end (conftest.py)
    # and the record becomes the API's JUnit test case, whichever worker ran it.
    record_property(SUMMARY_PROPERTY, f"{key} seed {contract_seed}: {result.summary()}")
    record_property(RUN_PROPERTY, record(key, run, result, failure).to_json())
    assert failure is None, failure
