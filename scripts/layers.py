"""Check the layering rules with import-linter, every API's packages found rather than listed.

pyproject.toml's ``[tool.importlinter]`` holds the contracts of ARCHITECTURE.md ("The rules").
Where a rule covers every generated client or every per-API overlay module, the contract
names a placeholder instead of a list (:data:`PLACEHOLDERS`):

- ``<clients>``: each ``generated/<key>_client`` package (a top-level package once installed);
- ``<per-api overlays>``: each module or package of ``overlays/`` other than the shared
  runtime, as ``partner_apis.overlays.<name>``.

This script reads those contracts, replaces each placeholder with what the tree holds,
writes the result to a temporary TOML file and runs import-linter's own command line on it
(``lint-imports --config FILE --no-cache``) from a temporary folder, so the installed package
is what gets checked. ``nox -s generate`` writing a new client and a new overlay module is
then all a new API needs: no list in pyproject or the noxfile grows. ``lint-imports`` on
pyproject.toml alone refuses the placeholders (they are no modules), so the rules cannot be
checked with the per-API parts silently left out.

Usage::

    python scripts/layers.py                    # check the installed package (what `nox -s lint` runs)
    python scripts/layers.py --print-config     # show the expanded configuration, check nothing
    python scripts/layers.py --root DIR         # another tree's pyproject.toml, generated/ and overlays/
    python scripts/layers.py --no-logo --verbose  # other options go to lint-imports

Exit status: lint-imports' own (0 when every contract is kept), or 2 when the configuration
cannot be built.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = "<clients>"
PER_API_OVERLAYS = "<per-api overlays>"
# The overlays' shared runtime: the one module of overlays/ that is not per-API.
RUNTIME = "runtime"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class LayersError(Exception):
    """The import-linter configuration cannot be built or checked (a message for the user)."""


def _is_package(folder: Path) -> bool:
    return folder.is_dir() and (folder / "__init__.py").is_file()


def clients(root: Path) -> list[str]:
    """The generated client packages under ``root`` (``generated/<key>_client``), sorted by name.

    A folder without ``__init__.py`` is no package (import-linter could not check it), so it
    is not listed; the wheel's build hook refuses such a folder outright.
    """
    return sorted(folder.name for folder in (root / "generated").glob("*_client") if _is_package(folder))


def per_api_overlays(root: Path) -> list[str]:
    """Every module and package of ``root/overlays`` but the runtime, as ``partner_apis.overlays.<name>``, sorted.

    Everything beside the runtime is per-API: what two APIs share lives in the runtime
    (ARCHITECTURE.md, "Shared before per-API"), so the runtime may import none of it.
    """
    folder = root / "overlays"
    if not folder.is_dir():
        return []
    names = {path.stem for path in folder.glob("*.py") if path.name != "__init__.py"}
    names |= {path.name for path in folder.iterdir() if _is_package(path)}
    return [f"partner_apis.overlays.{name}" for name in sorted(names - {RUNTIME})]


PLACEHOLDERS: dict[str, Callable[[Path], list[str]]] = {CLIENTS: clients, PER_API_OVERLAYS: per_api_overlays}


def _expand(value: Any, found: dict[str, list[str]], where: str) -> Any:
    """``value`` with each placeholder in a list replaced by the modules it stands for."""
    if not isinstance(value, list):
        return value
    expanded: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.startswith("<"):
            if item not in found:
                raise LayersError(f"{where}: unknown placeholder {item!r} (known: {', '.join(sorted(found))})")
            if not found[item]:
                # An empty list would check nothing and still pass: a tree without the
                # packages is a broken tree, not a kept contract.
                raise LayersError(f"{where}: {item} stands for no module in this tree")
            expanded.extend(found[item])
        else:
            expanded.append(item)
    return expanded


def configuration(root: Path) -> dict[str, Any]:
    """``root``'s ``[tool.importlinter]`` table with every placeholder replaced by the modules the tree holds.

    Raises LayersError when pyproject.toml is missing or has no ``[tool.importlinter]``, names
    an unknown placeholder, or names one that stands for nothing in this tree.
    """
    try:
        pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise LayersError(f"no pyproject.toml in {root}") from error
    table = pyproject.get("tool", {}).get("importlinter")
    if not isinstance(table, dict):
        raise LayersError(f"{root / 'pyproject.toml'} has no [tool.importlinter] table")
    found = {placeholder: discover(root) for placeholder, discover in PLACEHOLDERS.items()}
    options = {key: _expand(value, found, key) for key, value in table.items() if key != "contracts"}
    contracts = [
        {key: _expand(value, found, f"contract {contract.get('id', index)}: {key}") for key, value in contract.items()}
        for index, contract in enumerate(table.get("contracts", []))
    ]
    return {**options, "contracts": contracts}


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key)


def _toml_value(value: Any) -> str:
    # JSON's strings and arrays of strings are TOML's basic strings and arrays; booleans differ.
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int) or (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        return json.dumps(value)
    raise TypeError(f"no TOML form here for {value!r} (strings, integers, booleans and lists of strings only)")


def to_toml(config: dict[str, Any]) -> str:
    """``config`` (as :func:`configuration` returns it) as a TOML document holding ``[tool.importlinter]``.

    Raises TypeError on a value other than a string, an integer, a boolean or a list of strings.
    """
    lines = ["[tool.importlinter]"]
    lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in config.items() if key != "contracts"]
    for contract in config.get("contracts", []):
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{_toml_key(key)} = {_toml_value(value)}" for key, value in contract.items()]
    return "\n".join(lines) + "\n"


def lint_imports_command() -> str:
    """The ``lint-imports`` command of this interpreter's environment (nox's session, or the venv run from).

    Raises LayersError when import-linter is not installed there nor on the PATH.
    """
    beside = Path(sys.executable).with_name("lint-imports")
    if beside.is_file():
        return str(beside)
    found = shutil.which("lint-imports")
    if found is None:
        raise LayersError("lint-imports not found: install the lint extra (pip install 'partner-apis[lint]')")
    return found


def check(root: Path, lint_options: Sequence[str] = ()) -> int:
    """Run import-linter's contracts, expanded for ``root``, on the installed package; return its exit status.

    Its report goes to this process's standard output. Raises LayersError as
    :func:`configuration` does, or when ``lint-imports`` is not installed.
    """
    command = lint_imports_command()
    text = to_toml(configuration(root))
    with tempfile.TemporaryDirectory(prefix="layers-") as folder:
        config = Path(folder) / "importlinter.toml"
        config.write_text(text, encoding="utf-8")
        # From a folder of its own: lint-imports puts its working directory on sys.path, and
        # the installed package, not a source folder, is what the rules are about.
        argv = [command, "--config", str(config), "--no-cache", *lint_options]
        return subprocess.run(argv, cwd=folder, check=False).returncode


def main(argv: Sequence[str] | None = None) -> int:
    """The command line (see the module's docstring); returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=ROOT, help="the tree to read (default: this clone)")
    parser.add_argument("--print-config", action="store_true", help="print the expanded configuration and stop")
    arguments, lint_options = parser.parse_known_args(argv)
    try:
        if arguments.print_config:
            sys.stdout.write(to_toml(configuration(arguments.root)))
            return 0
        return check(arguments.root, lint_options)
    except LayersError as error:
        print(f"layers: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
