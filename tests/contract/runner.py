"""Run the Schemathesis CLI against one API, keep its reports with secrets masked, and read its counts.

The CLI rather than the pytest integration: it runs every phase (examples, coverage,
fuzzing, stateful), every check with ``--checks all``, and writes the JSON report the
counts come from, a JUnit file and a HAR cassette of every exchange. Its failure output
carries a reproducing curl with secrets filtered.

What a run may send is its :class:`~tests.contract.plan.RunPlan`: against a live vendor
the sign-in operations are never sent, read-only runs send reads only, and Schemathesis's
probes of undeclared methods (``TRACE``, ``OPTIONS``, a ``DELETE`` where only ``GET`` is
declared) are off; the hooks' guard (``hooks/run.py``) refuses anything else before it
is sent.

No secret is on its command line: the hooks module gets its credentials as environment
variables, and headers go in a configuration file whose values are ``${VARIABLE}``s. That
file is the run's only configuration (a ``schemathesis.toml`` in the working folder is
not read). Schemathesis writes its reports into a private temporary folder; what is kept
in ``report_dir`` has been through :class:`~tests.contract.redact.Redactor` first.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partner_apis.specs import api_spec

from .plan import RunPlan, plan
from .redact import Redactor, secret_keys, secret_variable

ROOT = Path(__file__).resolve().parents[2]
PHASES = ("examples", "coverage", "fuzzing", "stateful")
# How the hooks module gets its target's variables (EMAIL -> PARTNER_APIS_CONTRACT_EMAIL),
# and whether the run is live; the runner sets these alone, whatever the caller's environment holds.
HOOK_VARIABLES = "PARTNER_APIS_CONTRACT_"
LIVE_VARIABLE = HOOK_VARIABLES + "LIVE"
# The runner's own settings for hooks/run.py (a leading underscore: never a target's variable name).
API_HOOKS_VARIABLE = HOOK_VARIABLES + "_API_HOOKS"
KEY_VARIABLE = HOOK_VARIABLES + "_KEY"  # the API key
SENT_VARIABLE = HOOK_VARIABLES + "_SENT"  # the operationIds the run may send, comma-separated
FAULTS_LOG_VARIABLE = HOOK_VARIABLES + "_FAULTS_LOG"  # where hooks/run.py notes failures of injected faults
INJECTED_CASES_VARIABLE = HOOK_VARIABLES + "_INJECTED_CASES"  # the test cases that met an injected fault
ENTRY_HOOKS = "tests.contract.hooks.run"
# The files kept in a run's report folder.
JSON_REPORT = "schemathesis.json"
JUNIT_REPORT = "schemathesis-junit.xml"
CASSETTE = "exchanges.har"
OUTPUT = "output.txt"


@dataclass(frozen=True)
class ContractRun:
    """What to run: a spec against a base URL, with auth and generation settings.

    ``hooks`` is the API's hooks module (loaded by ``hooks/run.py``); ``extra_env`` are
    its variables (see :data:`HOOK_VARIABLES`); ``headers`` go to every request through a
    configuration file, their values through the environment, so no secret is on a
    command line. ``live`` and ``read_only`` decide the :attr:`plan`. ``report_dir``:
    where the masked reports are kept (None: nowhere). ``secrets``: more values to mask
    besides the secret variables and the headers. ``injected_cases``: the file where the
    simulator's side notes the test cases that met an injected fault (tests/contract/faults.py).
    """

    spec: Path
    base_url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    hooks: str | None = None
    seed: int = 1
    max_examples: int = 50
    read_only: bool = False
    phases: Sequence[str] = PHASES
    extra_env: Mapping[str, str] = field(default_factory=dict)
    exclude_checks: tuple[str, ...] = ()
    live: bool = False
    report_dir: Path | None = None
    secrets: tuple[str, ...] = ()
    injected_cases: Path | None = None

    @property
    def key(self) -> str:
        """The API key (the spec file's name)."""
        return self.spec.stem

    @property
    def plan(self) -> RunPlan:
        """What the run may send (see :mod:`tests.contract.plan`)."""
        return plan(api_spec(self.key), live=self.live or self.read_only, allow_writes=not self.read_only)

    def redactor(self) -> Redactor:
        """The masking of this run's reports: the spec's credential fields, the secret variables and the headers."""
        values = [value for name, value in self.extra_env.items() if secret_variable(name)]
        return Redactor.for_spec(api_spec(self.key), [*values, *self.headers.values(), *self.secrets])


@dataclass(frozen=True)
class ContractResult:
    """The counts of one run, its masked CLI output and JSON report, and where its reports were kept.

    ``injected_faults`` counts the failures the hooks put down to an injected fault
    (an undocumented answer the simulator was told to give), which are not contract
    failures; ``network_errors`` are the errors of requests that got no answer, of which
    ``connection_faults`` at most are the simulator's dropped or held answers.
    """

    exit_code: int
    generated: int
    failures: int
    errors: int
    operations_tested: int
    operations_total: int
    phases: dict[str, str]
    seconds: float
    output: str
    report: dict[str, Any]
    injected_faults: int = 0
    report_dir: Path | None = None
    network_errors: int = 0
    connection_faults: int = 0

    @property
    def injected_errors(self) -> int:
        """The network errors put down to the faults the simulator injected."""
        return min(self.network_errors, self.connection_faults)

    @property
    def ok(self) -> bool:
        """No failure, and no error but those the injected faults explain."""
        return self.failures == 0 and self.errors == self.injected_errors and (self.exit_code == 0 or self.errors > 0)

    @property
    def cassette(self) -> Path | None:
        """The masked HAR cassette of every exchange, when reports were kept."""
        return None if self.report_dir is None else self.report_dir / CASSETTE

    def summary(self) -> str:
        phases = ", ".join(f"{name} {status}" for name, status in self.phases.items())
        injected = self.injected_faults + self.injected_errors
        faults = f", {injected} injected faults" if injected else ""
        return (
            f"{self.generated} cases, {self.failures} failures, {self.errors} errors{faults}, "
            f"{self.operations_tested}/{self.operations_total} operations, {self.seconds:.1f}s ({phases})"
        )


def build_command(run: ContractRun, config: Path, reports: Path) -> list[str]:
    """The Schemathesis command line of ``run`` (no secret is ever on it), its config file and report folder given."""
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", str(run.spec),
        "--url", run.base_url,
        "--checks", "all",
        "--mode", "all",
        "--phases", ",".join(phases(run)),
        "--max-examples", str(run.max_examples),
        "--seed", str(run.seed),
        "--workers", "1",
        "--request-timeout", "10",
        "--report", "json,junit,har",
        "--report-dir", str(reports),
        "--report-json-path", str(reports / JSON_REPORT),
        "--report-junit-path", str(reports / JUNIT_REPORT),
        "--report-har-path", str(reports / CASSETTE),
        "--suppress-health-check", "too_slow",
        "--no-color",
    ]  # fmt: skip
    run_plan = run.plan
    if run_plan.live:
        # Only what the plan sends: never a sign-in, and reads only unless writes are allowed.
        for operation in run_plan.sent:
            command += ["--include-operation-id", operation.operation_id]
    if run.exclude_checks:
        command += ["--exclude-checks", ",".join(run.exclude_checks)]
    return command


def phases(run: ContractRun) -> list[str]:
    """The run's phases, without the stateful one when no link joins two operations the run sends.

    (A read-only run of Omnize: every link leads from a write; Schemathesis would report
    the phase as an error, all its links filtered out.)
    """
    run_plan = run.plan
    return [phase for phase in run.phases if phase != "stateful" or not run_plan.live or run_plan.links]


def config_text(run: ContractRun, env: dict[str, str]) -> str:
    """The run's schemathesis.toml: headers as ``${VARIABLE}``s (values put in ``env``), sanitization keys, probes.

    The sanitization keys are Schemathesis's own and the spec's ``format: password``
    property names. A live run turns off the coverage phase's undeclared-method probes
    (``TRACE``, ``OPTIONS``, a ``DELETE`` on a read-only path): a vendor gets only the
    plan's operations.
    """
    lines = ["[headers]"]
    for index, (name, value) in enumerate(run.headers.items()):
        env[f"PARTNER_APIS_CONTRACT_HEADER_{index}"] = value
        lines.append(f'{json.dumps(name)} = "${{PARTNER_APIS_CONTRACT_HEADER_{index}}}"')
    keys = ", ".join(json.dumps(key) for key in secret_keys(api_spec(run.key)))
    lines += ["", "[output.sanitization]", f"keys-to-sanitize = [{keys}]"]
    if run.plan.live:
        lines += ["", "[phases.coverage]", "unexpected-methods = []"]
    return "\n".join(lines) + "\n"


def run_contract(run: ContractRun, *, started: Callable[[int], None] | None = None) -> ContractResult:
    """Run Schemathesis once, keep its masked reports in ``run.report_dir``, and return its counts.

    ``started(pid)`` is called once the Schemathesis process runs (a test reads its
    command line). Raises ``RuntimeError`` if Schemathesis wrote no report.
    """
    redactor = run.redactor()
    with tempfile.TemporaryDirectory(prefix="contract-") as private:
        reports = Path(private)
        env = {name: value for name, value in os.environ.items() if not name.startswith(HOOK_VARIABLES)}
        env |= {**run.extra_env, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        if run.live:
            env[LIVE_VARIABLE] = "1"
        env[KEY_VARIABLE] = run.key
        env[SENT_VARIABLE] = ",".join(sorted(run.plan.operation_ids))
        env[FAULTS_LOG_VARIABLE] = str(reports / "faults.jsonl")
        if run.injected_cases is not None:
            env[INJECTED_CASES_VARIABLE] = str(run.injected_cases)
        env["SCHEMATHESIS_HOOKS"] = ENTRY_HOOKS
        if run.hooks:
            env[API_HOOKS_VARIABLE] = run.hooks
        config = reports / "schemathesis.toml"
        config.write_text(config_text(run, env), encoding="utf-8")
        command = build_command(run, config, reports)
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT
        ) as process:
            if started is not None:
                started(process.pid)
            raw_output, _ = process.communicate()
        output = redactor.text(raw_output)
        found = reports / JSON_REPORT
        if not found.exists():
            raise RuntimeError(f"schemathesis wrote no report (exit {process.returncode}):\n{output[-4000:]}")
        report: dict[str, Any] = json.loads(redactor.text(found.read_text(encoding="utf-8")))
        faults = reports / "faults.jsonl"
        injected = len(faults.read_text(encoding="utf-8").splitlines()) if faults.exists() else 0
        if run.report_dir is not None:
            keep(run, reports, output, redactor)
    cases = report["test_cases"]
    errors = report.get("errors", [])
    return ContractResult(
        exit_code=process.returncode,
        generated=cases["generated"],
        failures=cases["unique_failures"],
        # Each kind of error with its count (a test case that errored is one of them).
        errors=max(sum(int(error.get("count", 1)) for error in errors), int(cases.get("errored", 0))),
        operations_tested=report["operations"]["tested"],
        operations_total=report["operations"]["selected"],
        phases={name: phase["status"] for name, phase in report["phases"].items()},
        seconds=report["running_time"],
        output=output,
        report=report,
        injected_faults=injected,
        report_dir=run.report_dir,
        network_errors=_network_errors(errors, int(cases.get("errored", 0))),
    )


def _network_errors(errors: list[dict[str, Any]], errored: int) -> int:
    """The errors of requests that got no answer (when every error is one, also the test cases that errored)."""
    network = sum(int(error.get("count", 1)) for error in errors if error.get("title") == "Network Error")
    return (
        max(network, errored) if network and all(error.get("title") == "Network Error" for error in errors) else network
    )


def keep(run: ContractRun, reports: Path, output: str, redactor: Redactor) -> None:
    """Copy Schemathesis's reports from ``reports`` into ``run.report_dir``, every one masked, and the CLI output."""
    assert run.report_dir is not None
    target = run.report_dir
    if target.exists():
        shutil.rmtree(target)  # a seed's folder holds one run: the last
    target.mkdir(parents=True)
    for name in (JSON_REPORT, JUNIT_REPORT):
        source = reports / name
        if source.exists():
            (target / name).write_text(redactor.text(source.read_text(encoding="utf-8")), encoding="utf-8")
    har = reports / CASSETTE
    if har.exists():
        masked = redactor.har(json.loads(har.read_text(encoding="utf-8")))
        (target / CASSETTE).write_text(json.dumps(masked, indent=1, ensure_ascii=False), encoding="utf-8")
    (target / OUTPUT).write_text(output, encoding="utf-8")


def rerun_command(key: str, seed: int, *, live: bool, allow_writes: bool) -> str:
    """The command that runs one API and seed of the contract suite again."""
    args = ["nox", "-s", "contract", "--", "--contract-seeds", str(seed), "-k", key]
    args += ["--live"] if live else []
    args += ["--allow-writes"] if allow_writes else []
    return shlex.join(args)
