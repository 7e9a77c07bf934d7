"""Options of the contract suite: seeds, depth, and live mode.

The defaults are the reliability suite's fuzzing depth: three seeds (1, 2, 3) and 100
examples per operation and phase. Each seed is its own test (``contract_seed``), so
pytest-xdist spreads the runs over its workers; each run's summary line is recorded as
the ``contract_summary`` property and printed at the end of the session, seed by seed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

DEFAULT_SEEDS = "1,2,3"
DEFAULT_MAX_EXAMPLES = 100
SUMMARY_PROPERTY = "contract_summary"


@dataclass(frozen=True)
class ContractOptions:
    seeds: tuple[int, ...]
    max_examples: int
    live: bool
    allow_writes: bool


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Schemathesis contract suite")
    group.addoption(
        "--contract-seeds",
        default=DEFAULT_SEEDS,
        help=f"comma-separated seeds; one full run per API and seed (default {DEFAULT_SEEDS})",
    )
    group.addoption(
        "--contract-max-examples",
        type=int,
        default=DEFAULT_MAX_EXAMPLES,
        help=f"examples per operation and phase (default {DEFAULT_MAX_EXAMPLES})",
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


def _seeds(config: pytest.Config) -> tuple[int, ...]:
    try:
        return tuple(int(seed) for seed in config.getoption("--contract-seeds").split(","))
    except ValueError:
        raise pytest.UsageError("--contract-seeds takes comma-separated integers, e.g. 1,2,3") from None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # One test per seed (the test parametrizes the API key itself): xdist can run them apart.
    if "contract_seed" in metafunc.fixturenames:
        metafunc.parametrize("contract_seed", _seeds(metafunc.config), ids=lambda seed: f"seed{seed}")


@pytest.fixture(scope="session")
def contract_options(request: pytest.FixtureRequest) -> ContractOptions:
    config = request.config
    return ContractOptions(
        seeds=_seeds(config),
        max_examples=config.getoption("--contract-max-examples"),
        live=config.getoption("--live"),
        allow_writes=config.getoption("--allow-writes"),
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Read from the test reports, which pytest-xdist brings back from its workers.
    lines = sorted(
        str(value)
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if name == SUMMARY_PROPERTY
    )
    if lines:
        terminalreporter.section("contract runs")
        for line in lines:
            terminalreporter.write_line(line)
