"""Shared fixtures: the simulators' pytest plugin (also registered by the installed package)."""

import pytest

from partner_apis.testing.pytest_plugin import partner_api_simulator

__all__ = ["anyio_backend", "partner_api_simulator"]


@pytest.fixture
def anyio_backend() -> str:
    # The async clients are tested on asyncio, the loop uvicorn and most users run.
    return "asyncio"
