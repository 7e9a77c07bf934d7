"""The GitHub workflow (.github/workflows/contract.yml) runs what the suite offers: its shards, and every live variable.

The workflow is linted in ``nox -s lint``; these tests keep it in step with the suite:
a new API's live variables must reach the nightly job, and the matrix must name each
shard of the count its command passes to ``--shard``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .targets import TARGETS, env_prefix

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "contract.yml"


def _workflow() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def test_the_nightly_job_maps_every_live_variable_of_every_api_from_the_secret_of_its_name() -> None:
    env: dict[str, str] = _workflow()["jobs"]["live"]["env"]
    wanted = {
        f"{env_prefix(key)}_{name}"
        for key, target in TARGETS.items()
        for name in ("URL", *target.variables, *target.optional)
    }
    assert set(env) == wanted
    for name, value in env.items():
        assert value == "${{ secrets." + name + " }}", name


def test_the_nightly_job_is_read_only_and_runs_the_api_runs() -> None:
    commands = [step.get("run", "") for step in _workflow()["jobs"]["live"]["steps"]]
    run = next(command for command in commands if "nox -s contract" in command)
    assert "--live" in run
    assert "--allow-writes" not in run


def test_the_matrix_names_every_shard_of_the_count_the_command_passes() -> None:
    job = _workflow()["jobs"]["shards"]
    shards = job["strategy"]["matrix"]["shard"]
    run = next(step["run"] for step in job["steps"] if "nox -s contract" in step.get("run", ""))
    count = re.search(r'--shard "\$\{SHARD\}/(\d+)"', run)
    assert count is not None, run
    assert shards == list(range(1, int(count[1]) + 1))
    upload = next(step for step in job["steps"] if "upload-artifact" in step.get("uses", ""))
    assert upload["with"]["path"] == "reports/"
    assert upload["if"] == "always()"
