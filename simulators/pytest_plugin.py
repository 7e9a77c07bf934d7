"""A pytest plugin (registered through the ``pytest11`` entry point) that starts simulators.

    def test_sites(partner_api_simulator):
        sim = partner_api_simulator("comm100-v4")
        client = comm100_v4.client(sim.token(), base_url=sim.base_url)

Each call starts a fresh simulator (empty state) as a real uvicorn server on a free
loopback port; all are stopped when the test ends.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from starlette.applications import Starlette

from .harness import serve
from .registry import create_app, entry

__all__ = ["RunningSimulator", "partner_api_simulator"]


@dataclass(frozen=True)
class RunningSimulator:
    """A simulator serving on loopback: its URLs, its app and its in-memory state."""

    key: str
    root_url: str
    base_url: str
    app: Starlette

    @property
    def simulator(self) -> Any:
        """The simulator object behind the app (its state and credentials)."""
        return self.app.state.simulator

    def token(self, index: int = 0) -> str:
        """The ``index``-th configured credential's token (0 is a full-permission partner)."""
        credentials = list(self.simulator.credentials.values())
        token: str = credentials[index].token
        return token


@pytest.fixture
def partner_api_simulator() -> Iterator[Callable[..., RunningSimulator]]:
    """Return a function that starts a fresh simulator for an API key (options go to its ``create_app``)."""
    with contextlib.ExitStack() as stack:

        def start(key: str, **options: Any) -> RunningSimulator:
            app = create_app(key, **options)
            server = stack.enter_context(serve(app))
            return RunningSimulator(key, server.root_url, server.root_url + entry(key).base_path, app)

        yield start
