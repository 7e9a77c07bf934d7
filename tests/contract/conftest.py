"""Options of the contract suite: seeds, depth, and live mode."""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class ContractOptions:
    seeds: tuple[int, ...]
    max_examples: int
    live: bool
    allow_writes: bool


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Schemathesis contract suite")
    group.addoption("--contract-seeds", default="1", help="comma-separated seeds; one full run per seed (default 1)")
    group.addoption(
        "--contract-max-examples", type=int, default=50, help="examples per operation and phase (default 50)"
    )
    group.addoption(
        "--live",
        action="store_true",
        help="run against live vendors (PARTNER_APIS_LIVE_<KEY>_URL); read-only without --allow-writes",
    )
    group.addoption(
        "--allow-writes",
        action="store_true",
        help="in live mode, also run operations that create or change data",
    )


@pytest.fixture(scope="session")
def contract_options(request: pytest.FixtureRequest) -> ContractOptions:
    config = request.config
    try:
        seeds = tuple(int(seed) for seed in config.getoption("--contract-seeds").split(","))
    except ValueError:
        raise pytest.UsageError("--contract-seeds takes comma-separated integers, e.g. 1,2,3") from None
    return ContractOptions(
        seeds=seeds,
        max_examples=config.getoption("--contract-max-examples"),
        live=config.getoption("--live"),
        allow_writes=config.getoption("--allow-writes"),
    )
