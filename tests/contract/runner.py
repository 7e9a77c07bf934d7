"""Run the Schemathesis CLI against one API and read its JSON report.

The CLI rather than the pytest integration: it runs every phase (examples, coverage,
fuzzing, stateful), every check with ``--checks all``, and writes a JSON report with the
counts the closing notes quote. Its failure output already carries a reproducible curl
with secrets filtered.

No secret is on its command line: the hooks module gets its credentials as environment
variables, and headers go in a configuration file whose values are ``${VARIABLE}``s. That
file is the run's only configuration (a ``schemathesis.toml`` in the working folder is
not read).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PHASES = ("examples", "coverage", "fuzzing", "stateful")
# How the hooks module gets its target's variables (EMAIL -> PARTNER_APIS_CONTRACT_EMAIL),
# and whether the run is live; the runner sets these alone, whatever the caller's environment holds.
HOOK_VARIABLES = "PARTNER_APIS_CONTRACT_"
LIVE_VARIABLE = HOOK_VARIABLES + "LIVE"


@dataclass(frozen=True)
class ContractRun:
    """What to run: a spec against a base URL, with auth and generation settings.

    ``extra_env`` are the hooks module's variables (see :data:`HOOK_VARIABLES`); ``headers``
    go to every request through a configuration file, their values through the
    environment, so no secret is on a command line.
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


@dataclass(frozen=True)
class ContractResult:
    """The counts of one run, and the CLI's output for a failure message."""

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

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and self.failures == 0 and self.errors == 0

    def summary(self) -> str:
        phases = ", ".join(f"{name} {status}" for name, status in self.phases.items())
        return (
            f"{self.generated} cases, {self.failures} failures, {self.errors} errors, "
            f"{self.operations_tested}/{self.operations_total} operations, {self.seconds:.1f}s ({phases})"
        )


def run_contract(run: ContractRun) -> ContractResult:
    """Run Schemathesis once and return its counts; raises RuntimeError if it wrote no report."""
    with tempfile.TemporaryDirectory(prefix="contract-") as reports:
        env = {name: value for name, value in os.environ.items() if not name.startswith(HOOK_VARIABLES)}
        env |= {**run.extra_env, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        if run.live:
            env[LIVE_VARIABLE] = "1"
        if run.hooks:
            env["SCHEMATHESIS_HOOKS"] = run.hooks
        config = Path(reports) / "schemathesis.toml"
        config.write_text(_headers_config(run.headers, env), encoding="utf-8")
        command = [
            sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", str(run.spec),
            "--url", run.base_url,
            "--checks", "all",
            "--mode", "all",
            "--phases", ",".join(run.phases),
            "--max-examples", str(run.max_examples),
            "--seed", str(run.seed),
            "--workers", "1",
            "--request-timeout", "10",
            "--report", "json",
            "--report-dir", reports,
            "--suppress-health-check", "too_slow",
            "--no-color",
        ]  # fmt: skip
        if run.read_only:
            command += ["--include-method", "GET"]
        if run.exclude_checks:
            command += ["--exclude-checks", ",".join(run.exclude_checks)]
        completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
        output = completed.stdout + completed.stderr
        found = sorted(Path(reports).glob("*.json"))
        if not found:
            raise RuntimeError(f"schemathesis wrote no report (exit {completed.returncode}):\n{output[-4000:]}")
        report: dict[str, Any] = json.loads(found[-1].read_text(encoding="utf-8"))
    cases = report["test_cases"]
    return ContractResult(
        exit_code=completed.returncode,
        generated=cases["generated"],
        failures=cases["unique_failures"],
        errors=len(report.get("errors", [])) + cases.get("errored", 0),
        operations_tested=report["operations"]["tested"],
        operations_total=report["operations"]["total"],
        phases={name: phase["status"] for name, phase in report["phases"].items()},
        seconds=report["running_time"],
        output=output,
        report=report,
    )


def _headers_config(headers: Mapping[str, str], env: dict[str, str]) -> str:
    """A schemathesis.toml sending ``headers``: each value a ``${VARIABLE}`` that ``env`` gets."""
    lines = ["[headers]"]
    for index, (name, value) in enumerate(headers.items()):
        env[f"PARTNER_APIS_CONTRACT_HEADER_{index}"] = value
        lines.append(f'{json.dumps(name)} = "${{PARTNER_APIS_CONTRACT_HEADER_{index}}}"')
    return "\n".join(lines) + "\n"
