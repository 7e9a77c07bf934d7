"""The contract suite's own options: a bad one stops the session with one line, never a run.

Each case runs pytest on this suite in a subprocess, as ``nox -s contract -- <args>``
does, and is refused at option parsing or collection: exit status 4 (pytest's usage
error), one line on stderr, no traceback, and no Schemathesis run started.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from partner_apis.simulators.harness.faults import SHIPPED

from .targets import TARGETS

# Each case starts pytest in a subprocess: tests-all (and CI) runs them, the quick session does not.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
API_KEYS = ", ".join(sorted(TARGETS))


def run_suite(*args: str, collect_only: bool = True) -> subprocess.CompletedProcess[str]:
    """Run pytest on the contract suite (``tests/contract`` unless a path is given).

    Collection only by default: the refusals come before any test runs, and should one
    regress, the contract runs it lets through are not started here.
    """
    paths = [] if any(arg.startswith("tests/") for arg in args) else ["tests/contract"]
    mode = ["--collect-only", "-q"] if collect_only else []
    return subprocess.run(
        [sys.executable, "-m", "pytest", *paths, "-p", "no:cacheprovider", *mode, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def refusal(completed: subprocess.CompletedProcess[str]) -> str:
    """The one stderr line of a refused session, after checking its exit status and the rest."""
    assert completed.returncode == pytest.ExitCode.USAGE_ERROR, completed
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output
    assert "passed" not in output  # nothing ran (the paging tests neither)
    assert "::" not in completed.stdout  # and under --collect-only, no test was listed
    lines = [line for line in completed.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, completed.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        pytest.param(
            ["--contract-seeds", "1,x"],
            "--contract-seeds takes comma-separated non-negative integers such as 1,2,3, not 'x' in '1,x'",
            id="seed not a number",
        ),
        pytest.param(
            ["--contract-seeds", "1,,2"],
            "--contract-seeds takes comma-separated non-negative integers such as 1,2,3, not '' in '1,,2'",
            id="empty seed",
        ),
        pytest.param(
            ["--contract-seeds=-3"],
            "--contract-seeds takes comma-separated non-negative integers such as 1,2,3, not '-3'",
            id="negative seed",
        ),
        pytest.param(
            ["--contract-seeds", "2,1,2"],
            "--contract-seeds takes each seed once, and 2 is twice in '2,1,2'",
            id="seed given twice",
        ),
        pytest.param(
            ["--contract-max-examples", "-5"],
            "--contract-max-examples takes a positive integer (examples per operation and phase), not '-5'",
            id="negative max examples",
        ),
        pytest.param(
            ["--contract-max-examples", "0"],
            "--contract-max-examples takes a positive integer (examples per operation and phase), not '0'",
            id="zero max examples",
        ),
        pytest.param(
            ["--contract-max-examples", "many"],
            "--contract-max-examples takes a positive integer (examples per operation and phase), not 'many'",
            id="max examples not a number",
        ),
        pytest.param(
            ["--shard", "4/3"],
            "--shard takes K/N with 1 <= K <= N, such as 2/3, not '4/3'",
            id="shard beyond the count",
        ),
        pytest.param(
            ["--fault-seed", "x"],
            "--fault-seed takes a non-negative integer, not 'x'",
            id="fault seed not a number",
        ),
        pytest.param(
            ["--live", "--faults", "flaky"],
            "--faults injects faults into the simulators; a --live run has none to inject",
            id="faults with live",
        ),
        pytest.param(
            ["--allow-writes"],
            "--allow-writes is for --live runs (a simulator run sends every operation anyway)",
            id="allow writes without live",
        ),
        pytest.param(
            ["-k", "omnize-partnr"],
            f"-k 'omnize-partnr' selects no API; the API keys: {API_KEYS}",
            id="-k matching nothing",
        ),
        pytest.param(
            # Matches the paging tests' module (test_comm100_v3_paging), not the API's runs.
            ["-k", "comm100_v3"],
            f"-k 'comm100_v3' selects no API; the API keys: {API_KEYS}",
            id="-k matching no API run",
        ),
        pytest.param(
            ["tests/contract/test_contract.py", "-k", "v5"],
            f"-k 'v5' selects no API; the API keys: {API_KEYS}",
            id="-k on the API runs' module",
        ),
    ],
)
def test_a_bad_option_is_one_line_and_a_usage_error(args: list[str], line: str) -> None:
    assert refusal(run_suite(*args)) == f"ERROR: {line}"


def test_a_k_selecting_no_api_is_refused_under_xdist_too() -> None:
    # What nox -s contract runs: the workers collect, the controller refuses.
    # Run for real (pytest-xdist does not start workers to only collect); -k keeps it short.
    completed = run_suite("-n", "2", "-s", "-k", "nosuchapi", collect_only=False)
    assert refusal(completed) == f"ERROR: -k 'nosuchapi' selects no API; the API keys: {API_KEYS}"


def test_good_options_select_the_runs_they_name() -> None:
    completed = run_suite("--contract-seeds", "7, 9", "-k", "comm100-v4 or omnize")
    assert completed.returncode == pytest.ExitCode.OK, completed
    keys = ("comm100-v4", "omnize-partner", "omnize-partner-v2")
    assert sorted(line for line in completed.stdout.splitlines() if "::" in line) == sorted(
        [
            *(
                f"tests/contract/test_contract.py::test_api_honours_its_spec[seed{seed}-{key}]"
                for seed in (7, 9)
                for key in keys
            ),
            # The same APIs' runs under each fault profile (seed 1 whatever --contract-seeds says).
            *(
                f"tests/contract/test_fault_profiles.py::"
                f"test_every_api_tells_a_fault_profiles_faults_from_contract_failures[{key}-{profile}]"
                for key in keys
                for profile in SHIPPED
            ),
        ]
    )


def test_a_k_outside_the_api_runs_is_left_to_pytest() -> None:
    # The paging tests on their own, and a whole-suite run, are not the contract runs.
    paging = run_suite("tests/contract/test_comm100_v3_paging.py", "-k", "nothing-here")
    assert paging.returncode == pytest.ExitCode.NO_TESTS_COLLECTED, paging
    assert "selects no API" not in paging.stderr


def test_a_live_session_prints_what_each_configured_api_will_be_sent_before_any_run() -> None:
    env = {name: value for name, value in os.environ.items() if not name.startswith("PARTNER_APIS_LIVE_")}
    env["PARTNER_APIS_LIVE_COMM100_V4_URL"] = "http://127.0.0.1:9/v4"
    env["PARTNER_APIS_LIVE_COMM100_V4_TOKEN"] = "a-token-that-must-not-show"
    args = [
        "tests/contract",
        "-p",
        "no:cacheprovider",
        "--collect-only",
        "--live",
        "--allow-writes",
        "-k",
        "comm100-v4",
    ]
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert completed.returncode == pytest.ExitCode.OK, completed
    header = completed.stdout.split("collected")[0]
    assert "live contract runs WITH WRITES: these operations will be sent to the vendors" in header
    assert "  POST   /global/sites  (createSite)" in header
    assert "  never sent (sign-in): getToken" in header
    assert "no live variables (skipped): " in header
    assert "a-token-that-must-not-show" not in completed.stdout + completed.stderr
