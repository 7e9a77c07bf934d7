"""The README documents what users need: the live variables of every API."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.targets import TARGETS, env_prefix

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("key", sorted(TARGETS))
def test_the_live_table_names_every_variable_an_api_needs(key: str) -> None:
    target = TARGETS[key]
    for name in (f"{env_prefix(key)}_URL", *target.live_variables):
        assert f"`{name.removeprefix('PARTNER_APIS_LIVE_')}`" in README, name
