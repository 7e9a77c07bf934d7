"""Isolation: a partner never reads, changes, deletes or lists another partner's records."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from partner_apis.testing import RunningSimulator
from partner_apis.testing.profiles import PROFILES


@pytest.mark.parametrize("key", sorted(PROFILES))
def test_another_partners_records_are_not_found_and_never_listed(
    key: str, partner_api_simulator: Callable[..., RunningSimulator]
) -> None:
    profile = PROFILES[key]
    sim = partner_api_simulator(key, **profile.simulator_options)
    owner = profile.session(sim.base_url, sim.simulator, 0)
    stranger = profile.session(sim.base_url, sim.simulator, 1)
    records = [owner.create(n) for n in range(5)]
    before = {record: owner.read(record).content for record in records}

    for record in records:
        for action in (stranger.read, stranger.update, stranger.delete):
            response = action(record)
            if response is None:  # the API has no such operation
                continue
            assert stranger.not_found(response), (action.__name__, record, response.status_code, response.text)
            # No data of the owner's record leaks into the refusal.
            assert f"owner{records.index(record)}@" not in response.text
    assert stranger.list_ids().isdisjoint(records)

    # The owner's records are untouched by the stranger's attempts.
    assert owner.list_ids() >= set(records)
    assert {record: owner.read(record).content for record in records} == before
