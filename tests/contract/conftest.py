"""Options of the contract suite: seeds, depth, and live mode.

The defaults are the reliability suite's fuzzing depth: three seeds (1, 2, 3) and 100
examples per operation and phase. Each seed is its own test (``contract_seed``), so
pytest-xdist spreads the runs over its workers; each run's summary line is recorded as
the ``contract_summary`` property and printed at the end of the session, seed by seed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


def parse_seeds(text: str) -> tuple[int, ...]:
    """``--contract-seeds``: ``"1,2,3"`` -> ``(1, 2, 3)``.

    Raises ``ValueError`` for anything but distinct non-negative integers separated by commas.
    """
    seeds: list[int] = []
    for part in text.split(","):
        seed = part.strip()
        if not seed.isdigit():  # digits only: no sign, no fraction, no empty item
            shown = repr(text) if seed == text.strip() else f"{seed!r} in {text!r}"
            raise ValueError(f"--contract-seeds takes comma-separated non-negative integers such as 1,2,3, not {shown}")
        if int(seed) in seeds:
            raise ValueError(f"--contract-seeds takes each seed once, and {int(seed)} is twice in {text!r}")
        seeds.append(int(seed))
    return tuple(seeds)


def parse_max_examples(text: str) -> int:
    """``--contract-max-examples``: a positive integer; raises ``ValueError`` otherwise."""
    value = int(text) if text.strip().isdigit() else 0
    if value < 1:
        raise ValueError(
            f"--contract-max-examples takes a positive integer (examples per operation and phase), not {text!r}"
        )
    return value


_SEEDS = pytest.StashKey[tuple[int, ...]]()
_MAX_EXAMPLES = pytest.StashKey[int]()
HERE = Path(__file__).resolve().parent
API_TESTS = "test_contract.py::test_api_honours_its_spec["  # one per API and seed


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("contract", "Schemathesis contract suite")
    # Read as text and checked in pytest_configure: a bad value is then one "ERROR: ..."
    # line, where argparse's own error prints the whole usage around it.
    group.addoption(
        "--contract-seeds",
        default=DEFAULT_SEEDS,
        help=f"comma-separated seeds; one full run per API and seed (default {DEFAULT_SEEDS})",
    )
    group.addoption(
        "--contract-max-examples",
        default=str(DEFAULT_MAX_EXAMPLES),
        help=f"examples per operation and phase, at least 1 (default {DEFAULT_MAX_EXAMPLES})",
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


def pytest_configure(config: pytest.Config) -> None:
    # Before any collection and before pytest-xdist starts its workers: a bad value stops
    # the session with one line and exit status 4, never a traceback or a half-run.
    try:
        config.stash[_SEEDS] = parse_seeds(config.getoption("--contract-seeds"))
        config.stash[_MAX_EXAMPLES] = parse_max_examples(config.getoption("--contract-max-examples"))
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None


def _seeds(config: pytest.Config) -> tuple[int, ...]:
    return config.stash[_SEEDS]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # One test per seed (the test parametrizes the API key itself): xdist can run them apart.
    if "contract_seed" in metafunc.fixturenames:
        metafunc.parametrize("contract_seed", _seeds(metafunc.config), ids=lambda seed: f"seed{seed}")


def _runs_the_api_tests(config: pytest.Config) -> bool:
    """Whether the session was given the contract suite's API runs and nothing outside the suite.

    ``pytest tests/contract ...`` (what ``nox -s contract`` runs) or its ``test_contract.py``;
    not ``pytest tests -k ...``, where other suites' tests may be what ``-k`` is for.
    """
    paths = [(config.invocation_params.dir / arg.split("::")[0]).resolve() for arg in config.args]
    inside = all(path.is_relative_to(HERE) for path in paths)
    return bool(paths) and inside and any(path in (HERE, HERE / API_TESTS.partition("::")[0]) for path in paths)


def _check_selection(config: pytest.Config, nodeids: Iterable[str]) -> None:
    """Refuse a ``-k`` that leaves no API's contract run, naming the API keys.

    The paging tests alone do not count: ``-k comm100_v3`` matches their module's name,
    and would otherwise run them quietly in place of the API's contract run.
    """
    keyword = config.getoption("keyword")
    if not keyword or not _runs_the_api_tests(config):
        return
    if not any(API_TESTS in nodeid for nodeid in nodeids):
        from .targets import TARGETS

        raise pytest.UsageError(f"-k {keyword!r} selects no API; the API keys: {', '.join(sorted(TARGETS))}")


@pytest.hookimpl(tryfirst=True)  # before the terminal lists what --collect-only collected
def pytest_collection_finish(session: pytest.Session) -> None:
    # In a run without pytest-xdist. Its workers collect too, but only the controller,
    # which hears of every worker's collection, stops the session.
    if not hasattr(session.config, "workerinput"):
        _check_selection(session.config, (item.nodeid for item in session.items))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: Sequence[str]) -> None:
    # node is xdist's WorkerController (its config is the controller's); xdist is optional.
    _check_selection(node.config, ids)


@pytest.fixture(scope="session")
def contract_options(request: pytest.FixtureRequest) -> ContractOptions:
    config = request.config
    return ContractOptions(
        seeds=_seeds(config),
        max_examples=config.stash[_MAX_EXAMPLES],
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
