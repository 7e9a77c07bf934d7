"""List dealers' query options (about.md's OData-like ``filter``, ``search``, ``orderby``), over dealer answers.

The spec's patterns already hold ``filter`` and ``orderby`` to the forms about.md shows
(comparisons ``<field> eq|ne|gt|ge|lt|le <value>``, ``startswith``/``endswith``/
``contains(<field>,'text')``, joined by ``and``/``or``; ``<field> [asc|desc], ...``), so
the harness refuses anything else before a handler runs. Semantics, as in OData:
``and`` binds tighter than ``or``; ``null`` is smaller than any value and equal only to
itself; a value of another type than the field's never compares equal; text comparisons
and functions are case-sensitive.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["QueryError", "matches_search", "order", "parse_filter"]

Dealer = Mapping[str, Any]
D = TypeVar("D", bound=Mapping[str, Any])
Predicate = Callable[[Dealer], bool]

_TOKEN = re.compile(
    r"\s*(?:(?P<text>'(?:[^']|'')*')|(?P<number>-?[0-9]+)|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<mark>[(),]))"
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
# The fields `search` looks in: every text field of a dealer.
_SEARCHED = ("name", "display_name", "email", "website", "phone", "address", "description")


class QueryError(ValueError):
    """A query option that does not parse (the spec's patterns normally catch it first)."""


def _tokens(text: str) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    position = 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        if match is None:
            raise QueryError(f"unexpected text at position {position}")
        kind = match.lastgroup
        assert kind is not None
        raw = match.group(kind)
        if kind == "text":
            found.append(("value", raw[1:-1].replace("''", "'")))
        elif kind == "number":
            found.append(("value", int(raw)))
        elif kind == "word" and raw in _LITERALS:
            found.append(("value", _LITERALS[raw]))
        else:
            found.append((kind, raw))
        position = match.end()
    return found


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


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any]], fields: Sequence[str]) -> None:
        self.tokens = tokens
        self.fields = fields
        self.at = 0

    def take(self, kind: str, value: Any = None) -> Any:
        if self.at >= len(self.tokens):
            raise QueryError("the filter ends too early")
        found_kind, found = self.tokens[self.at]
        if found_kind != kind or (value is not None and found != value):
            raise QueryError(f"unexpected {found!r}")
        self.at += 1
        return found

    def field(self) -> str:
        name: str = self.take("word")
        if name not in self.fields:
            raise QueryError(f"unknown field {name!r}")
        return name

    def term(self) -> Predicate:
        word = self.take("word")
        if word in _FUNCTIONS:
            self.take("mark", "(")
            field = self.field()
            self.take("mark", ",")
            text = self.take("value")
            self.take("mark", ")")
            if not isinstance(text, str):
                raise QueryError(f"{word} takes a quoted text")
            return _function(word, field, text)
        self.at -= 1
        field = self.field()
        comparison = self.take("word")
        if comparison not in _COMPARISONS:
            raise QueryError(f"unknown comparison {comparison!r}")
        return _compare(field, comparison, self.take("value"))

    def expression(self) -> list[list[Predicate]]:
        alternatives = [[self.term()]]
        while self.at < len(self.tokens):
            joiner = self.take("word")
            if joiner == "and":
                alternatives[-1].append(self.term())
            elif joiner == "or":
                alternatives.append([self.term()])
            else:
                raise QueryError(f"expected and/or, not {joiner!r}")
        return alternatives


def parse_filter(text: str, fields: Sequence[str]) -> Predicate:
    """A predicate over dealer answers for a ``filter`` expression on ``fields``; raises ``QueryError``."""
    alternatives = _Parser(_tokens(text), fields).expression()
    return lambda dealer: any(all(term(dealer) for term in group) for group in alternatives)


def matches_search(dealer: Dealer, search: str) -> bool:
    """Whether every word of ``search`` is in one of the dealer's text fields (ignoring case)."""
    haystack = [value.casefold() for name in _SEARCHED if isinstance(value := dealer.get(name), str)]
    return all(any(word in text for text in haystack) for word in search.casefold().split())


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
