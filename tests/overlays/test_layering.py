"""A per-API overlay uses the shared runtime only through its public names (ARCHITECTURE.md's rules).

An underscore name of ``partner_apis.overlays.runtime`` is the runtime's own business: it
may change with no notice, so a per-API module that imports one (or reads one off a
runtime module) breaks silently when it does. What a vendor needs beyond the public
surface is a new public extension point in the runtime (as ``OAuth2Auth``'s are for
PortSIP's other login forms), not a reach into its internals.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

import partner_apis.overlays

RUNTIME = "partner_apis.overlays.runtime"
OVERLAYS = Path(partner_apis.overlays.__file__).parent


def _per_api_modules() -> list[Path]:
    return sorted(path for path in OVERLAYS.glob("*.py") if path.name != "__init__.py")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _absolute(module: str | None, level: int) -> str:
    # A per-API module sits in partner_apis.overlays: "." is that package.
    if level == 0:
        return module or ""
    package = "partner_apis.overlays".rsplit(".", level - 1)[0]
    return f"{package}.{module}" if module else package


def _in_runtime(module: str) -> bool:
    return module == RUNTIME or module.startswith(RUNTIME + ".")


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def private_runtime_uses(source: str) -> list[str]:
    """Every use of a runtime underscore name in ``source`` (a per-API module), as ``line: what``."""
    tree = ast.parse(source)
    found: list[str] = []
    runtime_names: set[str] = set()  # local names bound to the runtime package or one of its modules
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _absolute(node.module, node.level)
            for alias in node.names:
                full = f"{module}.{alias.name}"
                if _in_runtime(module) and _private(alias.name):
                    found.append(f"{node.lineno}: from {module} import {alias.name}")
                elif _in_runtime(full) and _is_module(full):
                    runtime_names.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _in_runtime(alias.name):
                    if any(_private(part) for part in alias.name.split(".")):
                        found.append(f"{node.lineno}: import {alias.name}")
                    runtime_names.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        # runtime._x, oauth._x, partner_apis.overlays.runtime.oauth._x
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in runtime_names:
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_per_api_modules_are_found() -> None:
    names = {path.stem for path in _per_api_modules()}
    assert {"portsip_dealers", "comm100_v4", "omnize_partner"} <= names


@pytest.mark.parametrize("path", _per_api_modules(), ids=lambda path: path.stem)
def test_a_per_api_overlay_uses_no_private_name_of_the_runtime(path: Path) -> None:
    assert private_runtime_uses(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "from .runtime.oauth import OAuth2Auth, _TokenCall",
        "from .runtime import _Lock",
        "from .runtime.errors import _parse as parse",
        "from partner_apis.overlays.runtime.oauth import _TokenCall",
        "from . import runtime\nruntime.oauth._expires_in(1)",
        "from .runtime import oauth\nx = oauth._TokenCall",
        "import partner_apis.overlays.runtime.oauth\npartner_apis.overlays.runtime.oauth._Lock",
    ],
)
def test_the_check_sees_an_underscore_name_imported_or_read_from_the_runtime(source: str) -> None:
    assert private_runtime_uses(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "from .runtime.oauth import OAuth2Auth, TokenCall, token_form_constants",
        "from .runtime import redact as _redact",  # a private alias of a public name is the module's own
        "from . import runtime\nruntime.__name__",
        "import httpx\nhttpx._client",  # not the runtime: another rule's business
        "from .runtime import oauth\nclass _Mine(oauth.OAuth2Auth):\n    def _mine(self) -> None:\n        self._x = 1",
    ],
)
def test_the_check_leaves_public_names_and_a_modules_own_private_names_alone(source: str) -> None:
    assert private_runtime_uses(source) == []
