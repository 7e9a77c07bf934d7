"""Records as the simulators keep them: owned by one party, and answered from a cached encoding."""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from .encoded import Encoded

__all__ = ["Owned", "Rendered"]

R = TypeVar("R")


class Rendered:
    """A record whose answer (:meth:`answer`) is encoded once per change, on the first read after it.

    A list repeats every record it shows on every call; encoding each once per change
    instead is most of a simulator's throughput. Whoever changes a field the answer shows
    calls :meth:`changed`.
    """

    def answer(self) -> Any:
        """The record's JSON answer."""
        raise NotImplementedError

    # Cached in the instance: once made, a read is a plain attribute's.
    @functools.cached_property
    def view(self) -> Encoded:
        """The answer, encoded (an :class:`Encoded` goes into a reply as it is)."""
        return Encoded(self.answer())

    def changed(self) -> None:
        """Forget the encoded answer: a field it shows changed."""
        self.__dict__.pop("view", None)


class Owned(Generic[R]):
    """Records by id, each owned by one party (a partner): another party's id reads as an unknown one.

    Ids are global and never reused, as a database sequence's are. Thread-safe.
    """

    def __init__(self, first_id: int) -> None:
        self._lock = threading.Lock()
        self._ids = itertools.count(first_id)
        self._records: dict[int, tuple[Hashable, R]] = {}
        # Each owner's records, oldest first: a list never scans another owner's records.
        self._by_owner: dict[Hashable, list[R]] = {}

    def add(self, owner: Hashable, make: Callable[[int], R]) -> R:
        """Store the record ``make`` builds from a fresh id, for ``owner``; return it."""
        with self._lock:
            record_id = next(self._ids)
            record = make(record_id)
            self._records[record_id] = (owner, record)
            self._by_owner.setdefault(owner, []).append(record)
            return record

    def get(self, owner: Hashable, record_id: int) -> R | None:
        """The record if it exists and belongs to ``owner``; None otherwise."""
        found = self._records.get(record_id)
        return found[1] if found is not None and found[0] == owner else None

    def of(self, owner: Hashable) -> list[R]:
        """Every record of ``owner``, oldest first."""
        with self._lock:
            return list(self._by_owner.get(owner, ()))

    def __len__(self) -> int:
        return len(self._records)
