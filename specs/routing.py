"""Which operation a method and path are: the one matching rule the clients and simulators share.

The rule:

- a path is matched whole, relative to the API's base path (``/v4``, ``/api/v1``): the
  caller strips the base path first (:meth:`Routes.match` takes it as ``base_path``);
- a path parameter is one whole segment or the part of one before a literal suffix, never
  a ``/``; it may hold a ``:`` (an id a client sends with a colon reaches its operation,
  whose validation then answers it);
- when several templates match, the one with fewer parameters wins, then the longer one:
  ``/sites/1:changeSiteStatus`` is the colon action path (``/sites/{id}:changeSiteStatus``),
  not ``/sites/{id}`` with the id ``1:changeSiteStatus``, and ``/departments/a:b/agents``
  is listAgents with the id ``a:b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Operation

__all__ = ["Match", "Routes", "template_pattern"]

_PARAMETER = re.compile(r"\{([^}/]+)\}")


def template_pattern(template: str) -> re.Pattern[str]:
    """The regular expression a path template matches whole (``{name}`` a named group of no ``/``)."""
    pieces = _PARAMETER.split(template)
    regex = "".join(re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>[^/]+)" for index, piece in enumerate(pieces))
    return re.compile(regex)


@dataclass(frozen=True)
class Match:
    """A path matched to its template: the operation for the method (None when the method has none),
    the path parameters, and the methods the template serves."""

    operation: Operation | None
    params: dict[str, str]
    allowed: tuple[str, ...]


class Routes:
    """Every operation of a spec, found by method and path under one rule (see the module)."""

    def __init__(self, operations: Iterable[Operation]) -> None:
        by_template: dict[str, dict[str, Operation]] = {}
        for operation in operations:
            by_template.setdefault(operation.path, {})[operation.method] = operation
        # Fewer parameters first (a literal segment beats a parameter), then the longer
        # template: the most specific one is tried first.
        ordered = sorted(by_template.items(), key=lambda item: (item[0].count("{"), -len(item[0])))
        self._routes = [(template_pattern(template), methods) for template, methods in ordered]

    def match(self, method: str, path: str, base_path: str = "") -> Match | None:
        """The route of ``path`` (with ``base_path`` stripped first), or None when no template matches.

        A matched template without ``method`` gives a :class:`Match` whose ``operation``
        is None and whose ``allowed`` lists the methods it has (for a 405 answer).
        """
        if base_path:
            if not path.startswith(base_path):
                return None
            path = path[len(base_path) :]
        method = method.upper()
        for pattern, methods in self._routes:
            found = pattern.fullmatch(path)
            if found is not None:
                return Match(methods.get(method), found.groupdict(), tuple(methods))
        return None

    def find(self, method: str, path: str, base_path: str = "") -> Operation | None:
        """The operation of ``method`` on ``path`` (``base_path`` stripped first), or None."""
        found = self.match(method, path, base_path)
        return None if found is None else found.operation
