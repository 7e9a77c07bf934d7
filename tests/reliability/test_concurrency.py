"""Concurrency: 16 threads x 500 creates lose nothing, duplicate no id, and the list count is exact."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

from partner_apis.testing import RunningSimulator
from partner_apis.testing.profiles import PROFILES

pytestmark = pytest.mark.slow

THREADS = 16
CREATES_PER_THREAD = 500


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_concurrent_creates_are_all_kept_with_unique_ids(
    key: str, partner_api_simulator: Callable[..., RunningSimulator]
) -> None:
    profile = PROFILES[key]
    sim = partner_api_simulator(key, **profile.simulator_options)
    session = profile.session(sim.base_url, sim.simulator, 0)

    def creates(thread: int) -> list[object]:
        start = thread * CREATES_PER_THREAD
        return [session.create(n) for n in range(start, start + CREATES_PER_THREAD)]

    with ThreadPoolExecutor(THREADS) as pool:
        created = [record for batch in pool.map(creates, range(THREADS)) for record in batch]

    assert len(created) == THREADS * CREATES_PER_THREAD
    assert len(set(created)) == len(created), "duplicate ids"
    assert session.list_ids() == set(created)
