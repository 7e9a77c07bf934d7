"""Records as the simulators keep them: owned (by a party or a record), answered in a spec schema's shape."""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from enum import Enum
from typing import Any, Generic, TypeVar

from .encoded import Encoded
from .simulator import schema_properties

__all__ = ["Owned", "Rendered", "SchemaAnswer", "every_word_in"]

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


class SchemaAnswer:
    """Answers shaped as one of the spec's schemas: every property, in the spec's order.

    A property takes the value given for it, else the record's attribute of the same
    name (an enum as its value, a tuple as a list), else its constant, else null (a
    vendor's field that nothing can set). A record keeps what must never be answered (a
    password) under a name the schema does not have. Raises ``KeyError`` for an unknown
    key or schema and ``ValueError`` for a constant the schema does not have.
    """

    def __init__(self, key: str, schema: str, **constants: Any) -> None:
        self.template = dict.fromkeys(schema_properties(key, schema))
        unknown = set(constants) - set(self.template)
        if unknown:
            raise ValueError(f"{schema} has no property {', '.join(sorted(unknown))}")
        self.template |= constants

    def __call__(
        self, record: object, *, fields: Iterable[str] | None = None, omit_null: bool = False, **values: Any
    ) -> dict[str, Any]:
        """The answer for ``record``, ``values`` overriding its attributes.

        ``fields`` projects it onto those properties, in their order (a caller's
        selection); ``omit_null`` leaves out every null. Raises ``KeyError`` for a field
        the schema does not have.
        """
        answer = dict(self.template)
        for name in answer:
            value = values[name] if name in values else getattr(record, name, _NONE)
            if value is not _NONE:
                answer[name] = _plain(value)
        if fields is not None:
            answer = {name: answer[name] for name in fields}
        return {name: value for name, value in answer.items() if value is not None} if omit_null else answer


_NONE = object()


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


class Owned(Generic[R]):
    """Records by id, each owned by one party: another party's id reads as an unknown one.

    Ids come from ``ids``: a number starts a sequence there (a database's: never
    reused), a function makes each one (a random uid). Ownership may be a tree: the
    records of a table made ``within`` another are owned by that table's records (an
    account's agents), so they belong to whoever owns their owner, and removing a record
    removes what it owns. ``missing(record_id)`` is the refusal :meth:`require` raises.
    Thread-safe.
    """

    def __init__(
        self,
        ids: int | Callable[[], Hashable],
        *,
        within: Owned[Any] | None = None,
        missing: Callable[[Any], Exception] = KeyError,
    ) -> None:
        self._lock = threading.Lock()
        self._next_id = itertools.count(ids).__next__ if isinstance(ids, int) else ids
        self._records: dict[Hashable, tuple[Hashable, R]] = {}
        # Each owner's records, oldest first: a list never scans another owner's records.
        self._by_owner: dict[Hashable, dict[Hashable, R]] = {}
        self._within = within
        self._missing = missing
        self._owned: list[Owned[Any]] = []
        if within is not None:
            within._owned.append(self)

    def add(self, owner: Hashable, make: Callable[[Any], R]) -> R:
        """Store the record ``make`` builds from a fresh id, for ``owner``; return it."""
        with self._lock:
            record_id = self._next_id()
            record = make(record_id)
            self._records[record_id] = (owner, record)
            self._by_owner.setdefault(owner, {})[record_id] = record
            return record

    def get(self, party: Hashable, record_id: Hashable) -> R | None:
        """The record if it exists and belongs to ``party`` (directly, or through its owner); None otherwise."""
        found = self._records.get(record_id)
        if found is None:
            return None
        owner, record = found
        if self._within is None:
            return record if owner == party else None
        return record if self._within.get(party, owner) is not None else None

    def require(self, party: Hashable, record_id: Hashable) -> R:
        """The record as :meth:`get` finds it; raises ``missing(record_id)`` when there is none."""
        record = self.get(party, record_id)
        if record is None:
            raise self._missing(record_id)
        return record

    def of(self, owner: Hashable) -> list[R]:
        """Every record ``owner`` owns directly, oldest first."""
        with self._lock:
            return list(self._by_owner.get(owner, {}).values())

    def remove(self, record_id: Hashable) -> None:
        """Forget a record and, in the tables made within this one, every record it owns (unknown ids are ignored)."""
        with self._lock:
            found = self._records.pop(record_id, None)
            if found is None:
                return
            self._by_owner[found[0]].pop(record_id)
            for table in self._owned:
                for owned_id in list(table._by_owner.get(record_id, ())):
                    table.remove(owned_id)

    def __getitem__(self, record_id: Hashable) -> R:
        """The record ``record_id`` whoever owns it (for tests); raises ``KeyError`` for an unknown one."""
        return self._records[record_id][1]

    def __iter__(self) -> Iterator[R]:
        """Every record, oldest first (a snapshot)."""
        with self._lock:
            return iter([record for _, record in self._records.values()])

    def __len__(self) -> int:
        return len(self._records)


def every_word_in(search: str, texts: Iterable[object]) -> bool:
    """A keyword search: whether each word of ``search`` is in one of ``texts`` (those that are text), in any case."""
    haystack = [text.casefold() for text in texts if isinstance(text, str)]
    return all(any(word in text for text in haystack) for word in search.casefold().split())
