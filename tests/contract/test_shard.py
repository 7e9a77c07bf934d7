"""``--shard K/N`` deals every test of the contract suite to exactly one of N shards, the same way every time."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import pytest

from .shard import Shard, parse_shard, shard_items
from .targets import TARGETS
from .test_options import run_suite


@dataclass
class Item:
    """What shard_items reads of a pytest item."""

    nodeid: str
    callspec: Any = None


@dataclass
class CallSpec:
    params: dict[str, Any] = field(default_factory=dict)


def items(keys: list[str], seeds: list[int], others: int) -> list[Item]:
    runs = [
        Item(
            f"test_contract.py::test_api_honours_its_spec[seed{seed}-{key}]",
            CallSpec({"key": key, "contract_seed": seed}),
        )
        for seed, key in itertools.product(seeds, keys)
    ]
    return runs + [Item(f"test_other.py::test_{index}") for index in range(others)]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 7, 20])
def test_every_item_is_in_exactly_one_shard_and_runs_spread_evenly(count: int) -> None:
    collected = items(["a", "b", "c", "d", "e"], [1, 2, 3], others=4)
    shards = [shard_items(collected, Shard(index, count)) for index in range(1, count + 1)]
    kept = [item.nodeid for mine, _ in shards for item in mine]
    assert sorted(kept) == sorted(item.nodeid for item in collected)  # all, and none twice
    for mine, rest in shards:
        assert len(mine) + len(rest) == len(collected)
    runs_per_shard = [sum(item.callspec is not None for item in mine) for mine, _ in shards]
    assert max(runs_per_shard) - min(runs_per_shard) <= 1


def test_a_shard_does_not_depend_on_the_collection_order() -> None:
    collected = items(["a", "b", "c"], [1, 2, 3], others=3)
    shard = Shard(2, 3)
    forward = {item.nodeid for item in shard_items(collected, shard)[0]}
    backward = {item.nodeid for item in shard_items(list(reversed(collected)), shard)[0]}
    assert forward == backward


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", ""])
def test_a_bad_shard_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="--shard takes K/N with 1 <= K <= N"):
        parse_shard(text)


@pytest.mark.slow  # four pytest subprocesses collecting the suite (the same slice each time: see above)
def test_the_shards_of_the_suite_together_are_the_whole_suite_once() -> None:
    def collected(*args: str) -> list[str]:
        completed = run_suite("--contract-seeds", "1,2,3", *args)
        assert completed.returncode == pytest.ExitCode.OK, completed
        return sorted(line for line in completed.stdout.splitlines() if "::" in line)

    whole = collected()
    shards = [collected("--shard", f"{index}/3") for index in (1, 2, 3)]
    assert sorted(itertools.chain.from_iterable(shards)) == whole
    runs = [[line for line in shard if "test_api_honours_its_spec" in line] for shard in shards]
    assert [len(shard_runs) for shard_runs in runs] == [len(TARGETS)] * 3  # every API x 3 seeds, over 3 shards
