"""The project's one entry point: ``nox -l`` lists the sessions.

Every session installs what it needs from pyproject's extras, so a fresh clone needs only
``pip install nox``. Sessions that test the package install it as a wheel (not editable),
the way a user gets it.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import nox

nox.options.sessions = ["lint", "typecheck", "tests"]
nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PYTHON = "3.11"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS: dict[str, list[str]] = PYPROJECT["project"]["optional-dependencies"]
HAND_WRITTEN = [
    "overlays",
    "simulators",
    "specs",
    "package",
    "scripts",
    "tests",
    "examples",
    "noxfile.py",
    "hatch_build.py",
]
# The established mock server the simulators are measured against.
PRISM = "@stoplight/prism-cli@5"
LAYERS = ("overlays", "simulators", "specs", "testing", "drift")
PACKAGES = ["-m", "partner_apis"] + [arg for package in LAYERS for arg in ("-p", f"partner_apis.{package}")]
# The tests a quick `nox` leaves to `nox -s tests-all` (and CI): the contract runs and the
# long concurrency, soak and packaging tests, the resilience suite (pyproject's markers).
QUICK = ["-m", "not contract and not slow and not resilience"]


def _requirements(extra: str) -> list[str]:
    """An extra's own requirements, without the project (so no wheel needs building)."""
    return [req for req in EXTRAS[extra] if not req.startswith("partner-apis")]


@nox.session(python=PYTHON)
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from specs/ with the pinned generators (pass --check to only detect drift)."""
    session.install(*_requirements("generate"))
    session.run("python", "scripts/generate.py", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff, openapi-spec-validator on the specs, the workflows (check-jsonschema, zizmor), the layering rules."""
    session.install(".[lint]")
    session.run("ruff", "check", *HAND_WRITTEN)
    session.run("ruff", "format", "--check", *HAND_WRITTEN)
    session.run("openapi-spec-validator", *sorted(str(path) for path in (ROOT / "specs").glob("*.yaml")))
    # The GitHub workflows: SchemaStore's schema for them (shipped inside check-jsonschema) and
    # zizmor's audits, offline.
    workflows = sorted(str(path) for path in (ROOT / ".github" / "workflows").glob("*.yml"))
    session.run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows)
    session.run("zizmor", "--offline", *workflows)
    # The layering rules (import-linter) on the installed package: scripts/layers.py fills the
    # contracts' per-API parts from generated/ and overlays/ and runs lint-imports from a
    # temporary folder, so a new API needs no edit here or in pyproject.
    session.run("python", str(ROOT / "scripts" / "layers.py"), "--no-logo")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the hand-written code: overlays, simulators, specs, scripts and tests."""
    session.install(".[typecheck]")
    # From a temporary folder, so the installed package is checked, not the source folders.
    tmp = session.create_tmp()
    session.chdir(tmp)
    session.run("mypy", "--strict", *PACKAGES)
    session.chdir(ROOT)
    session.run("mypy", "--strict", "scripts", "examples", "noxfile.py", "hatch_build.py")
    session.run("mypy", "--strict", "--explicit-package-bases", "tests")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The quick tests: unit, spec, drift, simulator and overlay tests (extra arguments go to pytest)."""
    session.install(".[test]")
    session.run("pytest", "-n", "2", "-p", "no:cacheprovider", *QUICK, *session.posargs)


@nox.session(name="tests-all", python=PYTHON)
def tests_all(session: nox.Session) -> None:
    """Every test, the contract runs and the long concurrency and packaging tests included (what CI runs)."""
    session.install(".[test]")
    session.run("pytest", "-n", "2", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def contract(session: nox.Session) -> None:
    """Schemathesis against every API's simulator; --live runs against vendors named by environment variables.

    Examples: ``nox -s contract`` (seeds 1,2,3, 100 examples), ``nox -s contract -- --contract-seeds 7 -k omnize``,
    ``nox -s contract -- --shard 2/3``, ``nox -s contract -- --faults flaky``, ``--report-dir DIR`` (default
    reports/), ``nox -s contract -- --live`` (read-only: GET only, never a sign-in), ``-- --live --allow-writes``.
    """
    session.install(".[contract]")
    session.run("pytest", "tests/contract", "-n", "2", "-p", "no:cacheprovider", "-s", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks: a table of ratios from one run, also written to bench/results.json (installs wrk and Prism)."""
    session.install(".[test]")
    if shutil.which("wrk") is None:
        if os.geteuid() != 0:
            session.error("the throughput benchmarks need wrk: apt-get install wrk")
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "wrk", external=True)
    prism = Path(session.create_tmp()) / "prism"
    prism_bin = prism / "node_modules" / ".bin" / "prism"
    if not prism_bin.exists():
        session.run(
            "npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prism), PRISM, external=True
        )
    session.run("python", "scripts/bench.py", "--prism", str(prism_bin), *session.posargs)


@nox.session(python=PYTHON)
def simulate(session: nox.Session) -> None:
    """Serve one simulator until interrupted: ``nox -s simulate -- comm100-v4 --port 8080``."""
    session.install(".[simulators]")
    if not session.posargs:
        session.error("name the API to simulate, e.g. nox -s simulate -- comm100-v4 --port 8080")
    session.run("python", "-m", "partner_apis.simulators", *session.posargs)


@nox.session(python=PYTHON)
def drift(session: nox.Session) -> None:
    """The drift report of HAR files against an API's spec: ``nox -s drift -- [--api KEY] [--out DIR] FILE...``."""
    if not session.posargs:
        session.error("name the HAR files, e.g. nox -s drift -- --api comm100-v4 session.har")
    session.install(".[drift]")
    session.run("python", "-m", "partner_apis.drift", *session.posargs)


@nox.session(python=PYTHON)
def breaking(session: nox.Session) -> None:
    """Breaking-change report between spec versions (scripts/breaking.py); exit 1 on an unacknowledged break.

    ``nox -s breaking`` (every spec changed since HEAD~1), ``-- --since REF``,
    ``-- --ref OLD[..NEW] specs/<key>.yaml``, ``-- OLD.yaml NEW.yaml``; ``--out FILE``, ``--no-python``.
    """
    session.install(*_requirements("generate"), *_requirements("breaking"))
    session.run("python", "scripts/breaking.py", *session.posargs)


@nox.session(python=PYTHON)
def resilience(session: nox.Session) -> None:
    """Every API's overlay client runs a provisioning flow under each fault profile; a table per API and profile."""
    session.install(".[test]")
    # No -n: the table is printed by the session's own pytest process (xdist workers would keep it).
    session.run("pytest", "tests/resilience", "-m", "resilience", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def mutants(session: nox.Session) -> None:
    """Planted bugs (tests/contract/mutants/catalogue.toml): the contract suite alone must kill each one.

    Long (about 6 minutes here); not part of ``nox`` or CI's pushes. ``nox -s mutants -- --api comm100-v4``,
    ``-- --id v4-colon-action-routed-as-site``, ``-- --check`` (only checks every snippet still applies).
    """
    session.install(".[contract]")
    session.run("python", "-m", "tests.contract.mutants.run", *session.posargs)
