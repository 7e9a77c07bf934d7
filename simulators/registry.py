"""Every API's simulator, by key.

The one table the CLI, the pytest plugin, the contract suite and the benchmarks read.

A new API joins by adding one entry here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette

__all__ = ["SIMULATORS", "SimulatorEntry", "create_app", "entry"]


@dataclass(frozen=True)
class SimulatorEntry:
    """Where an API's simulator lives and how a client reaches it.

    ``module`` exposes ``create_app(**options) -> Starlette`` and ``DEFAULT_CREDENTIALS``;
    ``base_path`` is the spec server's path, which the simulator serves under.
    """

    key: str
    module: str
    base_path: str

    def factory(self) -> Callable[..., Starlette]:
        """Import the simulator module and return its ``create_app``."""
        app_factory: Callable[..., Starlette] = importlib.import_module(self.module).create_app
        return app_factory


SIMULATORS: dict[str, SimulatorEntry] = {
    entry.key: entry
    for entry in (
        SimulatorEntry("comm100-v3", "partner_apis.simulators.comm100_v3", ""),
        SimulatorEntry("comm100-v4", "partner_apis.simulators.comm100_v4", "/v4"),
        SimulatorEntry("airvantage-partners", "partner_apis.simulators.airvantage_partners", "/api"),
        SimulatorEntry("omnize-partner", "partner_apis.simulators.omnize_partner", "/api/v1"),
        SimulatorEntry("portsip-dealers", "partner_apis.simulators.portsip_dealers", "/api"),
    )
}


def entry(key: str) -> SimulatorEntry:
    """The simulator entry of ``key``; raises ``KeyError`` naming the known keys."""
    try:
        return SIMULATORS[key]
    except KeyError:
        raise KeyError(f"no simulator for {key!r}; known: {', '.join(sorted(SIMULATORS))}") from None


def create_app(key: str, **options: Any) -> Starlette:
    """Build a fresh simulator app for ``key`` (options go to its ``create_app``)."""
    return entry(key).factory()(**options)
