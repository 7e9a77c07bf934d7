"""The wheel's build hook: every generated client ships as a top-level package of its own.

Hatchling runs it for the wheel target (``[tool.hatch.build.targets.wheel.hooks.custom]`` in
pyproject.toml). ``nox -s generate`` writing a new ``generated/<key>_client`` is then all a
new API's client needs to reach the wheel: nothing lists the clients by hand. The fixed parts
of the layout (partner_apis and its specs, overlays, simulators, models) stay in pyproject's
``force-include``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.builders.wheel import WheelBuilderConfig

GENERATED = "generated"
CLIENT_SUFFIX = "_client"


def client_packages(root: Path) -> dict[str, str]:
    """Map each ``generated/<key>_client`` folder under ``root`` to its place in the wheel (``<key>_client``).

    Raises FileNotFoundError when a client folder is not a package (no ``__init__.py``: a
    half-written generation) or when there is no client at all, so a broken tree fails the
    build instead of producing a wheel without its clients.
    """
    folders = sorted(path for path in (root / GENERATED).glob(f"*{CLIENT_SUFFIX}") if path.is_dir())
    for folder in folders:
        if not (folder / "__init__.py").is_file():
            raise FileNotFoundError(f"{folder.relative_to(root)} is not a package (no __init__.py): regenerate it")
    if not folders:
        raise FileNotFoundError(f"no {GENERATED}/*{CLIENT_SUFFIX} package under {root}: run `nox -s generate`")
    return {f"{GENERATED}/{folder.name}": folder.name for folder in folders}


class ClientPackagesHook(BuildHookInterface[WheelBuilderConfig]):
    """Adds every generated client to the wheel as its own top-level package."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Force-include the clients (the build data's mapping wins over pyproject's on a clash).

        Raises FileNotFoundError as ``client_packages`` does.
        """
        build_data["force_include"].update(client_packages(Path(self.root)))
