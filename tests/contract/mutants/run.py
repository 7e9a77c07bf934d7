"""Run the contract suite against each planted bug of catalogue.toml and report which it kills.

    python -m tests.contract.mutants.run [--api KEY] [--id ID] [--jobs 2] [--max-examples 25] [--target 100]

For each mutant: copy the installed ``partner_apis`` package to a temporary folder
(following its links, so the copy is the code as it is now), apply the mutant's patch
(its ``old`` snippet must occur exactly once in its file, else the run stops: the
catalogue must track the code), put the copy first on ``PYTHONPATH`` and run the
contract suite alone for the mutant's API (``pytest tests/contract/test_contract.py -k
<api> --contract-seeds <seed>``). The mutant is *killed* when that run fails, *survived*
when it passes, and an *error* when pytest could not run it. First, each API's run
against the unmutated copy must pass (else every mutant would look killed).

Prints a table (id, api, class, outcome, seconds) and the kill rate; exits 1 below
``--target`` percent (default 100: every mutant killed by the contract suite alone), 2
for a catalogue that does not match the code or a baseline that fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = Path(__file__).with_name("catalogue.toml")
FIELDS = ("id", "api", "class", "file", "old", "new", "why")


class CatalogueError(Exception):
    """The catalogue is malformed, or a mutant's ``old`` snippet is not exactly once in its file."""


@dataclass(frozen=True)
class Mutant:
    """One planted bug: ``old`` replaced by ``new`` in ``file`` (relative to the ``partner_apis`` package)."""

    id: str
    api: str
    kind: str
    file: str
    old: str
    new: str
    why: str


@dataclass(frozen=True)
class Outcome:
    """What the contract suite did with one mutant (or a baseline, ``mutant`` None)."""

    api: str
    mutant: Mutant | None
    status: str  # killed, survived, error (a baseline: passed, failed, error)
    seconds: float
    output: str


def load(path: Path = CATALOGUE) -> list[Mutant]:
    """The catalogue's mutants; raises CatalogueError for a missing field or a repeated id."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    mutants: list[Mutant] = []
    for number, entry in enumerate(data.get("mutant", []), start=1):
        missing = [name for name in FIELDS if not isinstance(entry.get(name), str) or not entry[name]]
        if missing:
            raise CatalogueError(f"mutant {number} ({entry.get('id', '?')}) lacks {', '.join(missing)}")
        mutants.append(
            Mutant(entry["id"], entry["api"], entry["class"], entry["file"], entry["old"], entry["new"], entry["why"])
        )
    ids = [mutant.id for mutant in mutants]
    repeated = sorted({name for name in ids if ids.count(name) > 1})
    if repeated:
        raise CatalogueError(f"ids used more than once: {', '.join(repeated)}")
    return mutants


def package_dir() -> Path:
    """The installed ``partner_apis`` package folder."""
    spec = importlib.util.find_spec("partner_apis")
    if spec is None or not spec.submodule_search_locations:
        raise CatalogueError("partner_apis is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def copy_package(into: Path) -> Path:
    """A real copy (links followed) of the installed package under ``into``; its folder."""
    target = into / "partner_apis"
    shutil.copytree(package_dir(), target, symlinks=False, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def apply(mutant: Mutant, package: Path) -> None:
    """Patch the copied ``package``; raises CatalogueError unless ``old`` occurs exactly once."""
    path = package / mutant.file
    if not path.is_file():
        raise CatalogueError(f"{mutant.id}: no file {mutant.file} in partner_apis")
    text = path.read_text(encoding="utf-8")
    found = text.count(mutant.old)
    if found != 1:
        raise CatalogueError(f"{mutant.id}: its old snippet is in {mutant.file} {found} times, not once")
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")


def check_catalogue(mutants: Sequence[Mutant]) -> None:
    """Check that every mutant applies to the code as it is (nothing runs); CatalogueError names each that does not."""
    stale = []
    with tempfile.TemporaryDirectory(prefix="mutants-check-") as folder:
        pristine = copy_package(Path(folder))
        for mutant in mutants:
            path = pristine / mutant.file
            found = path.read_text(encoding="utf-8").count(mutant.old) if path.is_file() else 0
            if found != 1:
                stale.append(f"{mutant.id}: its old snippet is in {mutant.file} {found} times, not once")
    if stale:
        raise CatalogueError("the catalogue does not match the code:\n  " + "\n  ".join(stale))


def selection(api: str) -> str:
    """The ``-k`` expression that picks ``api``'s contract run alone (``omnize-partner``, not ``omnize-partner-v2``)."""
    from tests.contract.targets import TARGETS

    others = sorted(key for key in TARGETS if key != api and api in key)
    return " and not ".join([api, *others])


def _contract(api: str, package_parent: Path, seed: int, max_examples: int) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(package_parent) + os.pathsep + str(ROOT)}
    command = [
        sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x",
        "tests/contract/test_contract.py", "-k", selection(api),
        "--contract-seeds", str(seed), "--contract-max-examples", str(max_examples),
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    return completed.returncode, completed.stdout + completed.stderr


def run_one(api: str, mutant: Mutant | None, seed: int, max_examples: int) -> Outcome:
    """One contract run of ``api`` against a copy with ``mutant`` applied (None: the baseline)."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mutant-") as folder:
        package = copy_package(Path(folder))
        if mutant is not None:
            apply(mutant, package)
        code, output = _contract(api, Path(folder), seed, max_examples)
    seconds = time.monotonic() - started
    if code == 0:
        status = "passed" if mutant is None else "survived"
    elif code == 1:
        status = "failed" if mutant is None else "killed"
    else:
        status = "error"
    return Outcome(api, mutant, status, seconds, output)


def table(outcomes: Sequence[Outcome]) -> str:
    """The outcomes as a Markdown table."""
    lines = ["| id | api | class | outcome | seconds |", "| --- | --- | --- | --- | ---: |"]
    for outcome in outcomes:
        mutant = outcome.mutant
        if mutant is not None:
            lines.append(f"| {mutant.id} | {mutant.api} | {mutant.kind} | {outcome.status} | {outcome.seconds:.0f} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the catalogue (see the module); the exit status."""
    parser = argparse.ArgumentParser(prog="python -m tests.contract.mutants.run", description=__doc__.split("\n")[0])
    parser.add_argument("--api", action="append", help="only this API's mutants (repeatable)")
    parser.add_argument("--id", action="append", help="only this mutant (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at a time (default 2)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-examples", type=int, default=25, help="examples per operation and phase (default 25)")
    parser.add_argument("--target", type=float, default=100.0, help="kill rate in percent below which it fails")
    parser.add_argument("--check", action="store_true", help="only check that every mutant applies to the code")
    parser.add_argument("--no-baseline", action="store_true", help="skip the unmutated runs")
    args = parser.parse_args(argv)
    try:
        mutants = [
            mutant
            for mutant in load()
            if (not args.api or mutant.api in args.api) and (not args.id or mutant.id in args.id)
        ]
        check_catalogue(mutants)
    except CatalogueError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    if args.check:
        print(f"{len(mutants)} mutants apply to the code")
        return 0
    started = time.monotonic()
    apis = sorted({mutant.api for mutant in mutants})
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        if not args.no_baseline:
            baselines = list(pool.map(lambda api: run_one(api, None, args.seed, args.max_examples), apis))
            failing = [outcome for outcome in baselines if outcome.status != "passed"]
            for outcome in failing:
                print(
                    f"ERROR: the unmutated {outcome.api} run {outcome.status}:\n{outcome.output[-3000:]}",
                    file=sys.stderr,
                )
            if failing:
                return 2
        outcomes = list(pool.map(lambda mutant: run_one(mutant.api, mutant, args.seed, args.max_examples), mutants))
    print(table(outcomes))
    killed = sum(outcome.status == "killed" for outcome in outcomes)
    rate = 100.0 * killed / len(outcomes) if outcomes else 100.0
    print(f"\nkilled {killed} of {len(outcomes)} ({rate:.0f}%), in {time.monotonic() - started:.0f}s "
          f"(seed {args.seed}, {args.max_examples} examples, {args.jobs} at a time)")  # fmt: skip
    for outcome in outcomes:
        if outcome.status == "error":
            name = outcome.mutant.id if outcome.mutant else outcome.api
            print(f"\n{name}: pytest could not run:\n{outcome.output[-2000:]}")
    return 0 if rate >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
