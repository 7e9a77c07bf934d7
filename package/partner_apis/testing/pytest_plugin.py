"""A pytest plugin (registered through the ``pytest11`` entry point) that starts simulators.

    from partner_apis.testing import RunningSimulator

    def test_sites(partner_api_simulator):
        sim: RunningSimulator = partner_api_simulator("comm100-v4")
        client = sim.client()                     # the overlay client, signed in as the first partner

Each call starts a fresh simulator (empty state) as a real uvicorn server on a free
loopback port; all are stopped when the test ends.

The plugin is registered for every install of ``partner-apis``, with or without the
``simulators`` extra, so this module imports nothing at load time but the standard
library and pytest: loading it in an unrelated project changes nothing, and the fixture
says which extra to install when it is used without it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .running import RunningSimulator, running

__all__ = ["MISSING_EXTRA", "RunningSimulator", "partner_api_simulator"]

# The simulators' access log (partner_apis.simulators.harness.access), named here so
# loading the plugin imports nothing of the simulators.
ACCESS_LOGGER = "partner_apis.simulators.access"

MISSING_EXTRA = (
    "the partner_api_simulator fixture needs the simulators extra of partner-apis"
    " (pip install 'partner-apis[simulators]'): {error}"
)


@pytest.fixture
def partner_api_simulator(caplog: pytest.LogCaptureFixture) -> Iterator[Callable[..., RunningSimulator]]:
    """Return a function that starts a fresh simulator for an API key.

    ``partner_api_simulator(key, access_log=False, faults=None, fault_seed=0, **options)``:
    ``options`` go to the simulator's ``create_app`` (``token_lifetime=5``, ...); with
    ``access_log=True`` each request it serves is logged (credentials masked, the fault
    injected named) at INFO on ``partner_apis.simulators.access``, captured by pytest
    (``caplog.records``, and shown under "Captured log call" when the test fails);
    ``faults`` serves it with a fault profile (``"flaky"``, ``"rate-limited"``, ``"slow"``,
    ``"vendor-outage"`` or a TOML file's path) seeded by ``fault_seed``. Fails the test
    with the extra to install when the simulators' requirements are missing.
    """
    try:
        from partner_apis.simulators import harness, registry  # noqa: F401 (the extra's requirements, checked first)
    except ImportError as error:
        pytest.fail(MISSING_EXTRA.format(error=error), pytrace=False)

    with contextlib.ExitStack() as stack:

        def start(
            key: str,
            *,
            access_log: bool = False,
            faults: str | Path | None = None,
            fault_seed: int = 0,
            **options: Any,
        ) -> RunningSimulator:
            if access_log:
                # Python drops INFO records by default; pytest restores the level after the test.
                caplog.set_level(logging.INFO, logger=ACCESS_LOGGER)
            simulator = running(key, access_log=access_log, faults=faults, fault_seed=fault_seed, **options)
            return stack.enter_context(simulator)

        yield start
