"""The contract suite: Schemathesis, every check and phase, against each simulator (or live vendor)."""

from __future__ import annotations

import os

import pytest

from partner_apis.simulators.harness import serve
from partner_apis.simulators.registry import create_app, entry
from partner_apis.specs import spec_path

from .conftest import ContractOptions
from .runner import ContractResult, ContractRun, run_contract
from .targets import TARGETS, Auth

pytestmark = pytest.mark.contract


def _check(key: str, seed: int, result: ContractResult, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(f"\n[contract] {key} seed {seed}: {result.summary()}")
    assert result.operations_tested == result.operations_total, f"untested operations:\n{result.output[-6000:]}"
    assert all(status in {"success", "skipped"} for status in result.phases.values()), result.phases
    assert result.ok, f"{key}: {result.summary()}\n{result.output[-12000:]}"


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_api_honours_its_spec(key: str, contract_options: ContractOptions, capsys: pytest.CaptureFixture[str]) -> None:
    target = TARGETS[key]
    if contract_options.live:
        missing = target.missing_live_variables()
        if missing:
            pytest.skip(f"live mode needs {', '.join(missing)}")
        auth = target.live_auth(os.environ)
        base_url = target.live_url() or ""
        for seed in contract_options.seeds:
            result = run_contract(
                _run(key, base_url, auth, seed, contract_options, read_only=not contract_options.allow_writes)
            )
            _check(key, seed, result, capsys)
        return
    for seed in contract_options.seeds:
        # A fresh simulator per seed: every run starts from the same empty state.
        app = create_app(key)
        with serve(app) as server:
            auth = target.simulator_auth(app)
            result = run_contract(_run(key, server.root_url + entry(key).base_path, auth, seed, contract_options))
        _check(key, seed, result, capsys)


def _run(
    key: str, base_url: str, auth: Auth, seed: int, options: ContractOptions, *, read_only: bool = False
) -> ContractRun:
    return ContractRun(
        spec=spec_path(key),
        base_url=base_url,
        headers=auth.headers,
        hooks=auth.hooks or TARGETS[key].hooks,
        seed=seed,
        max_examples=options.max_examples,
        read_only=read_only,
        extra_env=auth.env,
        exclude_checks=TARGETS[key].exclude_checks,
    )
