"""Options of the contract suite: seeds, depth, live mode, reports, shards and faults.

The defaults are the reliability suite's fuzzing depth: three seeds (1, 2, 3) and 100
examples per operation and phase. Each seed is its own test (``contract_seed``), so
pytest-xdist spreads the runs over its workers; each run's summary line is recorded as
the ``contract_summary`` property and printed at the end of the session, seed by seed.

- ``--live`` / ``--allow-writes``: against the vendors the ``PARTNER_APIS_LIVE_*``
  variables name; what each run will send is printed before any run (plan.py).
- ``--report-dir DIR`` (default ``reports/``): every run keeps its reports there
  (reports.py): per API a JUnit file, the drift report, and per seed Schemathesis's
  reports and the masked cassette.
- ``--shard K/N``: this session runs the K-th of N deterministic slices (shard.py).
- ``--faults PROFILE`` / ``--fault-seed N``: the simulators inject that fault profile;
  a failure caused only by an injected, undocumented answer is counted apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .shard import Shard, parse_shard, shard_items

DEFAULT_SEEDS = "1,2,3"
DEFAULT_MAX_EXAMPLES = 100
SUMMARY_PROPERTY = "contract_summary"
RUN_PROPERTY = "contract_run"  # a run's record (reports.RunRecord as JSON), for the JUnit file and drift report
DEFAULT_REPORT_DIR = "reports"


@dataclass(frozen=True)
class ContractOptions:
    """The suite's options, as the API runs read them."""

    seeds: tuple[int, ...]
    max_examples: int
    live: bool
    allow_writes: bool
    report_dir: Path = Path(DEFAULT_REPORT_DIR)
    faults: str | None = None
    fault_seed: int = 0
    # Schemathesis's phases to run (None: all of them).
    phases: tuple[str, ...] | None = None


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


def parse_fault_seed(text: str) -> int:
    """``--fault-seed``: a non-negative integer; raises ``ValueError`` otherwise."""
    if not text.strip().isdigit():
        raise ValueError(f"--fault-seed takes a non-negative integer, not {text!r}")
    return int(text)


_SEEDS = pytest.StashKey[tuple[int, ...]]()
_MAX_EXAMPLES = pytest.StashKey[int]()
_SHARD = pytest.StashKey[Shard | None]()
_FAULT_SEED = pytest.StashKey[int]()
_RECORDS = pytest.StashKey[list[dict[str, Any]]]()
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
        help="in live mode, also run operations that create or change data (never sign-in operations)",
    )
    group.addoption(
        "--report-dir",
        default=None,
        help=f"where runs keep reports: <dir>/<api>/junit.xml, drift.md, seed<N>/ (default {DEFAULT_REPORT_DIR}/)",
    )
    group.addoption(
        "--shard",
        default=None,
        help="K/N: run only the K-th of N deterministic slices of the API x seed runs (and of the other tests)",
    )
    group.addoption(
        "--faults",
        default=None,
        help="a fault profile the simulators inject (a shipped profile's name or a file); not with --live",
    )
    group.addoption("--fault-seed", default="0", help="the seed of the fault profile's choices (default 0)")


def pytest_configure(config: pytest.Config) -> None:
    # Before any collection and before pytest-xdist starts its workers: a bad value stops
    # the session with one line and exit status 4, never a traceback or a half-run.
    try:
        config.stash[_SEEDS] = parse_seeds(config.getoption("--contract-seeds"))
        config.stash[_MAX_EXAMPLES] = parse_max_examples(config.getoption("--contract-max-examples"))
        shard = config.getoption("--shard")
        config.stash[_SHARD] = None if shard is None else parse_shard(shard)
        config.stash[_FAULT_SEED] = parse_fault_seed(config.getoption("--fault-seed"))
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    if config.getoption("--faults") and config.getoption("--live"):
        raise pytest.UsageError("--faults injects faults into the simulators; a --live run has none to inject")
    if config.getoption("--allow-writes") and not config.getoption("--live"):
        raise pytest.UsageError("--allow-writes is for --live runs (a simulator run sends every operation anyway)")
    config.stash[_RECORDS] = []
    config.pluginmanager.register(_RunRecords(config.stash[_RECORDS]), "contract-run-records")


def report_dir(config: pytest.Config) -> Path:
    """Where the runs keep their reports: ``--report-dir`` (from where pytest started), else the root's ``reports/``."""
    given = config.getoption("--report-dir")
    if given is None:
        return config.rootpath / DEFAULT_REPORT_DIR
    return (config.invocation_params.dir / str(given)).resolve()


def pytest_report_header(config: pytest.Config) -> list[str]:
    # Before any run: where reports go and, for a live session, what each API's run will send.
    from .plan import describe, plan
    from .targets import contract_keys, target

    lines = [f"contract reports: {report_dir(config)}"]
    shard = config.stash.get(_SHARD, None)
    if shard is not None:
        lines.append(f"contract shard: {shard}")
    if config.getoption("--live"):
        from partner_apis.specs import api_spec

        ready = [key for key in contract_keys() if not target(key).missing_live_variables()]
        writes = bool(config.getoption("--allow-writes"))
        lines.append(
            "live contract runs WITH WRITES: these operations will be sent to the vendors"
            if writes
            else "live contract runs, read-only: these operations will be sent to the vendors"
        )
        lines += describe([plan(api_spec(key), live=True, allow_writes=writes) for key in ready]).splitlines()
        missing = sorted(set(contract_keys()) - set(ready))
        if missing:
            lines.append(f"no live variables (skipped): {', '.join(missing)}")
    return lines


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
        from .targets import contract_keys

        raise pytest.UsageError(f"-k {keyword!r} selects no API; the API keys: {', '.join(contract_keys())}")


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    shard = config.stash.get(_SHARD, None)
    if shard is None:
        return
    kept, dropped = shard_items(items, shard)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.hookimpl(tryfirst=True)  # before the terminal lists what --collect-only collected
def pytest_collection_finish(session: pytest.Session) -> None:
    # In a run without pytest-xdist. Its workers collect too, but only the controller,
    # which hears of every worker's collection, stops the session. A shard may hold none
    # of the runs a -k selects: there, the check is left to the shards together.
    if not hasattr(session.config, "workerinput") and session.config.stash.get(_SHARD, None) is None:
        _check_selection(session.config, (item.nodeid for item in session.items))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node: Any, ids: Sequence[str]) -> None:
    # node is xdist's WorkerController (its config is the controller's); xdist is optional.
    if node.config.stash.get(_SHARD, None) is None:
        _check_selection(node.config, ids)


@pytest.fixture(scope="session")
def contract_options(request: pytest.FixtureRequest) -> ContractOptions:
    config = request.config
    return ContractOptions(
        seeds=_seeds(config),
        max_examples=config.stash[_MAX_EXAMPLES],
        live=config.getoption("--live"),
        allow_writes=config.getoption("--allow-writes"),
        report_dir=report_dir(config),
        faults=config.getoption("--faults"),
        fault_seed=config.stash[_FAULT_SEED],
    )


class _RunRecords:
    """Collects every run's record, whichever worker ran it (pytest-xdist hands the controller each report)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        properties = report.user_properties if report.when == "call" else ()
        for name, value in properties:
            if name == RUN_PROPERTY:
                self.records.append({**json.loads(str(value)), "outcome": report.outcome})


def pytest_sessionfinish(session: pytest.Session) -> None:
    # On the controller (or the only process): one JUnit file and one drift report per API run.
    if hasattr(session.config, "workerinput"):
        return
    records = session.config.stash.get(_RECORDS, [])
    if records:
        from .reports import finish

        problems = finish(records, report_dir(session.config))
        session.config.stash[_PROBLEMS] = problems
        if problems and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


_PROBLEMS = pytest.StashKey[list[str]]()


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
    config = terminalreporter.config
    records = config.stash.get(_RECORDS, [])
    if records:
        terminalreporter.write_line(f"reports: {report_dir(config)}/<api>/ (junit.xml, drift.md, seed<N>/)")
    for problem in config.stash.get(_PROBLEMS, []):
        terminalreporter.write_line(f"ERROR: {problem}", red=True)
