"""List dealers' query options (about.md's OData-like ``filter``, ``search``, ``orderby``), over dealer answers.

The spec's patterns hold ``filter`` and ``orderby`` to the forms about.md shows
(comparisons ``<field> eq|ne|gt|ge|lt|le <value>``, ``startswith``/``endswith``/
``contains(<field>,'text')``, joined by ``and``/``or``; ``<field> [asc|desc], ...``): the
rule about.md states, which the spec cites (``x-source``) as it is stricter than the
vendor's own file (free strings). The harness refuses anything else before a handler
runs, and the parsers here raise :class:`QueryError` for what they cannot read.
Semantics, as in OData: ``and`` binds tighter than ``or``; ``null`` is smaller
than any value and equal only to itself; a value of another type than the field's never
compares equal; text comparisons and functions are case-sensitive.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["QueryError", "order", "parse_filter"]

Dealer = Mapping[str, Any]
D = TypeVar("D", bound=Mapping[str, Any])
Predicate = Callable[[Dealer], bool]

_TEXT = r"'(?:[^']|'')*'"
# One term of a filter, then what joins it to the next (nothing after the last).
_TERM = re.compile(
    rf"\s*(?:(?P<field>\w+)\s+(?P<comparison>eq|ne|gt|ge|lt|le)\s+(?P<value>{_TEXT}|true|false|null|-?[0-9]+)"
    rf"|(?P<function>startswith|endswith|contains)\(\s*(?P<argument>\w+)\s*,\s*(?P<text>{_TEXT})\s*\))"
    r"(?:\s+(?P<joiner>and|or)\s+|\s*$)"
)
_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
}
_FUNCTIONS: dict[str, Callable[[str, str], bool]] = {
    "startswith": str.startswith,
    "endswith": str.endswith,
    "contains": operator.contains,
}
_LITERALS = {"true": True, "false": False, "null": None}


class QueryError(ValueError):
    """A query option that breaks about.md's grammar (the spec's patterns normally catch it first)."""


def _value(literal: str) -> Any:
    if literal.startswith("'"):
        return literal[1:-1].replace("''", "'")
    return _LITERALS[literal] if literal in _LITERALS else int(literal)


def _same_kind(left: Any, right: Any) -> bool:
    # bool is an int in Python; in a filter, true never equals 1.
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool)
    return type(left) is type(right)


def _compare(field: str, name: str, expected: Any) -> Predicate:
    compare = _COMPARISONS[name]

    def predicate(dealer: Dealer) -> bool:
        actual = dealer.get(field)
        if actual is None or expected is None:
            if name in {"eq", "ne"}:
                return (actual is None and expected is None) == (name == "eq")
            return False
        if not _same_kind(actual, expected):
            return name == "ne"
        return compare(actual, expected)

    return predicate


def _function(name: str, field: str, text: str) -> Predicate:
    function = _FUNCTIONS[name]

    def predicate(dealer: Dealer) -> bool:
        actual = dealer.get(field)
        return isinstance(actual, str) and function(actual, text)

    return predicate


def parse_filter(text: str, fields: Sequence[str]) -> Predicate:
    """A predicate over dealer answers for a ``filter`` expression on ``fields``; raises ``QueryError``."""
    alternatives: list[list[Predicate]] = [[]]
    position, joiner = 0, "and"
    while joiner:
        term = _TERM.match(text, position)
        if term is None:
            raise QueryError(f"unexpected text at position {position}")
        field = term["field"] or term["argument"]
        if field not in fields:
            raise QueryError(f"unknown field {field!r}")
        if term["function"]:
            predicate = _function(term["function"], field, _value(term["text"]))
        else:
            predicate = _compare(field, term["comparison"], _value(term["value"]))
        alternatives[-1].append(predicate)
        position, joiner = term.end(), term["joiner"]
        if joiner == "or":
            alternatives.append([])
    return lambda dealer: any(all(term(dealer) for term in group) for group in alternatives)


def _sort_key(name: str) -> Callable[[Dealer], tuple[int, Any]]:
    def key(dealer: Dealer) -> tuple[int, Any]:
        value = dealer.get(name)
        # null sorts before every value, as OData orders it.
        return (0, 0) if value is None else (1, value)

    return key


def order(dealers: Sequence[D], orderby: str, fields: Sequence[str]) -> list[D]:
    """``dealers`` sorted by an ``orderby`` of comma-separated ``<field> [asc|desc]``; raises ``QueryError``.

    Ties keep the order they came in (creation order).
    """
    keys: list[tuple[str, bool]] = []
    for part in orderby.split(","):
        words = part.split()
        if not words or len(words) > 2 or words[0] not in fields or words[1:] not in ([], ["asc"], ["desc"]):
            raise QueryError(f"cannot order by {part.strip()!r}")
        keys.append((words[0], words[1:] == ["desc"]))
    ordered = list(dealers)
    for name, descending in reversed(keys):  # stable sorts, last key first
        ordered.sort(key=_sort_key(name), reverse=descending)
    return ordered
