"""``--shard K/N``: a deterministic slice of the contract suite, so a CI matrix of N machines runs it once.

The API x seed runs are numbered in one fixed order (API key, then seed: the order
does not depend on which machine collects, nor on pytest-xdist) and dealt round-robin:
run *i* goes to shard ``i % N + 1``. Round-robin rather than blocks, so that each shard
gets a mix of APIs (their runs take very different times) and adding a seed moves few
runs. The suite's other tests (paging, options, hooks, the live-safety tests) are dealt
the same way over their node ids, separately, so they do not push API runs between
shards. Every test lands in exactly one shard.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Shard", "parse_shard", "run_key", "shard_items", "shard_of"]

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (from 1) of ``count`` slices."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """``"2/3"`` -> ``Shard(2, 3)``; raises ``ValueError`` unless it is ``K/N`` with 1 <= K <= N."""
    match = _SHARD.match(text)
    if match is None or not 1 <= int(match[1]) <= int(match[2]):
        raise ValueError(f"--shard takes K/N with 1 <= K <= N, such as 2/3, not {text!r}")
    return Shard(int(match[1]), int(match[2]))


def shard_of(position: int, count: int) -> int:
    """The shard (from 1) of the item at ``position`` (from 0) in its fixed order."""
    return position % count + 1


def run_key(item: Any) -> tuple[str, int] | None:
    """An API run's (API key, seed), from its parameters; None for any other test."""
    callspec = getattr(item, "callspec", None)
    params = getattr(callspec, "params", {})
    if "key" in params and "contract_seed" in params:
        return str(params["key"]), int(params["contract_seed"])
    return None


def shard_items(items: Sequence[Any], shard: Shard) -> tuple[list[Any], list[Any]]:
    """Split ``items`` into the ones ``shard`` runs and the rest, keeping their order."""
    runs = sorted({key for item in items if (key := run_key(item)) is not None})
    others = sorted(item.nodeid for item in items if run_key(item) is None)
    run_shard = {key: shard_of(position, shard.count) for position, key in enumerate(runs)}
    other_shard = {nodeid: shard_of(position, shard.count) for position, nodeid in enumerate(others)}
    kept: list[Any] = []
    dropped: list[Any] = []
    for item in items:
        key = run_key(item)
        mine = (run_shard[key] if key is not None else other_shard[item.nodeid]) == shard.index
        (kept if mine else dropped).append(item)
    return kept, dropped
