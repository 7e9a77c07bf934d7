"""An API without a hooks module of its own runs green through hooks/generic.py: proven on two APIs that have one.

Each run is an existing API's contract run (one seed, few examples) with its own hooks
module swapped for the generic one: a sign-in at the spec's token operation (the password
grant, tokens that live two seconds) and a bearer token the run brings, with a token
endpoint on another server. Test names and ids hold no API key, so ``-k <api>`` picks
only that API's own runs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from .conftest import ContractOptions
from .runs import simulator_run, verdict
from .targets import GENERIC_HOOKS, target

pytestmark = pytest.mark.contract

# Few examples: a proof that the module works, not the API's fuzzing depth (its own runs are that).
MAX_EXAMPLES = 10


@pytest.mark.parametrize("key", ["comm100-v3", "comm100-v4"], ids=["password-grant", "bearer-token"])
def test_a_run_through_the_generic_hooks_is_green(key: str, contract_options: ContractOptions, tmp_path: Path) -> None:
    if contract_options.live:
        pytest.skip("a simulator run: the generic module's proof, not a vendor's contract")
    options = dataclasses.replace(
        contract_options, max_examples=min(MAX_EXAMPLES, contract_options.max_examples), report_dir=tmp_path
    )
    generic = dataclasses.replace(target(key), hooks_module=GENERIC_HOOKS)
    run, result = simulator_run(key, contract_options.seeds[0], options, contract=generic)
    assert run.hooks == GENERIC_HOOKS
    assert verdict(key, run, result) is None
    assert result.generated > 0
    # A run whose calls all answer 401 is green too: every secured operation must have got past the auth.
    assert result.report["warnings"]["missing_auth"] == []
