"""One API run of the contract suite against its simulator or a live vendor (test_contract.py, the live tests).

Both return the :class:`~tests.contract.runner.ContractRun` they ran and its result;
:func:`verdict` says what is wrong with a result (None: nothing) and
:func:`record` the run as the JUnit file tells it.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from partner_apis.simulators.harness import serve
from partner_apis.simulators.registry import create_app, entry
from partner_apis.specs import api_spec, spec_path

from .conftest import ContractOptions
from .faults import InjectedCases, connection_faults
from .plan import sign_in_operations
from .reports import FAILURE_OUTPUT, RunRecord, run_folder
from .runner import PHASES, ContractResult, ContractRun, phases, rerun_command, run_contract
from .targets import Auth, ContractTarget, env_prefix, target

__all__ = ["live_run", "record", "simulator_run", "verdict"]


def _run(
    contract: ContractTarget, base_url: str, auth: Auth, seed: int, options: ContractOptions, *, live: bool
) -> ContractRun:
    key = contract.key
    return ContractRun(
        spec=spec_path(key),
        base_url=base_url,
        headers=auth.headers,
        hooks=auth.hooks,
        seed=seed,
        max_examples=options.max_examples,
        read_only=live and not options.allow_writes,
        extra_env=auth.env,
        exclude_checks=contract.exclude_checks,
        live=live,
        report_dir=run_folder(options.report_dir, key, seed),
        phases=PHASES if options.phases is None else options.phases,
    )


def live_run(
    key: str,
    seed: int,
    options: ContractOptions,
    env: Mapping[str, str],
    *,
    started: Callable[[int], None] | None = None,
) -> tuple[ContractRun, ContractResult]:
    """Run ``key`` against the live vendor its ``PARTNER_APIS_LIVE_<KEY>_*`` variables in ``env`` name.

    Raises ``KeyError`` for a required variable missing (check
    ``missing_live_variables`` first).
    """
    contract = target(key)
    base_url = env[f"{env_prefix(key)}_URL"]
    run = _run(contract, base_url, contract.live_auth(env), seed, options, live=True)
    return run, run_contract(run, started=started)


def simulator_run(
    key: str, seed: int, options: ContractOptions, *, contract: ContractTarget | None = None
) -> tuple[ContractRun, ContractResult]:
    """Run ``key`` against a fresh simulator (with ``options.faults`` injected, if any; see faults.py).

    ``contract`` replaces the API's target (default: ``target(key)``), e.g. to load
    another hooks module.
    """
    contract = contract or target(key)
    if not options.faults:
        app = create_app(key, **contract.simulator_options)
        with serve(app) as server:
            auth = contract.simulator_auth(app)
            run = _run(contract, server.root_url + entry(key).base_path, auth, seed, options, live=False)
            return run, run_contract(run)
    app = create_app(key, **contract.simulator_options, faults=options.faults, fault_seed=options.fault_seed)
    with tempfile.TemporaryDirectory(prefix="contract-faults-") as folder:
        notes = Path(folder) / "cases"
        with serve(InjectedCases(app, notes)) as server:
            auth = contract.simulator_auth(app)
            run = _run(contract, server.root_url + entry(key).base_path, auth, seed, options, live=False)
            run = dataclasses.replace(run, injected_cases=notes)
            result = run_contract(run)
    return run, dataclasses.replace(result, connection_faults=connection_faults(app))


def locked_out(key: str, result: ContractResult) -> list[str]:
    """The operations (``METHOD /path``) Schemathesis saw answer only 401/403, sign-ins (plan.py) aside."""
    spec = api_spec(key)
    sign_ins = {f"{operation.method} {operation.path}" for operation in sign_in_operations(spec)}
    warned: list[str] = result.report.get("warnings", {}).get("missing_auth", [])
    return [label for label in warned if label not in sign_ins]


def verdict(key: str, run: ContractRun, result: ContractResult) -> str | None:
    """What is wrong with a run (its summary and the CLI output's end), or None when it is green.

    Green: every operation of the run's plan tested (in read-only mode, the reads), every
    phase passed or skipped, no failure and no error, and no operation but a sign-in
    refused every call as unauthenticated (a run whose calls all answer 401 passes every
    check that judges an answer: it tested nothing past the auth).
    """
    expected = len(run.plan.sent)
    problems = []
    locked = locked_out(key, result)
    if locked:
        problems.append(f"every call of {', '.join(locked)} was refused as unauthenticated (401/403)")
    if result.operations_tested != expected:
        problems.append(f"{result.operations_tested} of the {expected} operations the run may send were tested")
    asked = set(phases(run))  # a phase the run did not ask for is reported as "skip"
    bad_phases = {
        name: status for name, status in result.phases.items() if name in asked and status not in {"success", "skipped"}
    }
    # A phase errs on an injected dropped connection too: then the errors say whether that is all.
    if bad_phases and not (result.ok and set(bad_phases.values()) == {"error"}):
        problems.append(f"phases: {bad_phases}")
    if not result.ok:
        explained = f" ({result.injected_errors} of them injected)" if result.injected_errors else ""
        problems.append(f"exit {result.exit_code}, {result.failures} failures, {result.errors} errors{explained}")
    if not problems:
        return None
    return f"{key}: {result.summary()}\n" + "; ".join(problems) + "\n\n" + result.output[-FAILURE_OUTPUT:]


def record(key: str, run: ContractRun, result: ContractResult, failure: str | None) -> RunRecord:
    """The run as the JUnit file tells it."""
    cassette = result.cassette
    return RunRecord(
        key=key,
        seed=run.seed,
        live=run.live,
        summary=f"{key} seed {run.seed}: {result.summary()}",
        seconds=result.seconds,
        failure=failure,
        rerun=rerun_command(key, run.seed, live=run.live, allow_writes=run.live and not run.read_only),
        folder=str(run.report_dir or ""),
        cassette=None if cassette is None or not cassette.exists() else str(cassette),
        injected_faults=result.injected_faults + result.injected_errors,
    )


def skipped_record(key: str, seed: int, reason: str) -> RunRecord:
    """A live run that did not happen (its variables are missing), as the JUnit file tells it."""
    rerun = rerun_command(key, seed, live=True, allow_writes=False)
    return RunRecord(key, seed, True, f"{key} seed {seed}: skipped, {reason}", 0.0, None, rerun, "", None)


def unfinished_record(key: str, seed: int, options: ContractOptions, why: str) -> RunRecord:
    """A run that ended without a report (Schemathesis could not start, the hooks could not sign in)."""
    rerun = rerun_command(key, seed, live=options.live, allow_writes=options.allow_writes)
    summary = f"{key} seed {seed}: no report"
    return RunRecord(key, seed, options.live, summary, 0.0, why, rerun, "", None)


def reports_of(run: ContractRun) -> list[Path]:
    """Every file the run kept in its report folder."""
    folder = run.report_dir
    return [] if folder is None or not folder.exists() else sorted(path for path in folder.rglob("*") if path.is_file())
