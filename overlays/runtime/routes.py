"""Which operation a request is, read from the spec: its operationId and retry safety.

The spec marks every operation ``x-idempotent: true|false`` (specs/CONVENTIONS.md); the
retry transport asks :meth:`OperationTable.is_idempotent` before it sends a request twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = ["Operation", "OperationTable"]

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_PARAMETER = re.compile(r"\{[^}/]+\}")


@dataclass(frozen=True)
class Operation:
    """One spec operation: method, path template and what the spec says about it."""

    operation_id: str
    method: str
    path: str
    idempotent: bool
    pattern: re.Pattern[str]

    @property
    def suffix(self) -> str:
        """The literal text every matching path ends with ("" when the template ends in a parameter)."""
        return _PARAMETER.split(self.path)[-1]


def _path_pattern(template: str) -> re.Pattern[str]:
    # A path parameter never spans a '/' or a ':' (colon action paths such as
    # /sites/{id}:changeSiteStatus), and the template matches the end of the request
    # path, whatever prefix the server URL adds (/v4, /api/v1).
    pieces = _PARAMETER.split(template)
    return re.compile("(?:" + "[^/:]+".join(re.escape(piece) for piece in pieces) + ")$")


class OperationTable:
    """The operations of one spec, found by a request's method and path."""

    def __init__(self, operations: list[Operation]) -> None:
        # Every request looks itself up (retry safety, token placement): by method, and by
        # the literal end of the path before the regular expression runs.
        self._by_method: dict[str, list[tuple[str, Operation]]] = {}
        for operation in operations:
            self._by_method.setdefault(operation.method, []).append((operation.suffix, operation))

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> OperationTable:
        """Build the table from a parsed spec; raises ``ValueError`` if an operation lacks x-idempotent."""
        operations: list[Operation] = []
        for path, item in spec.get("paths", {}).items():
            for method in _METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                idempotent = operation.get("x-idempotent")
                if not isinstance(idempotent, bool):
                    raise ValueError(f"{method.upper()} {path}: the spec must say x-idempotent: true or false")
                operations.append(
                    Operation(operation["operationId"], method.upper(), path, idempotent, _path_pattern(path))
                )
        # The most specific template wins: more segments first (the path only has to end
        # with a template, so /agents would otherwise claim /departments/7/agents), then
        # literal before templated, then longest.
        operations.sort(key=lambda op: (-op.path.count("/"), op.path.count("{"), -len(op.path)))
        return cls(operations)

    def find(self, method: str, path: str) -> Operation | None:
        """Return the operation a method and URL path belong to, or None."""
        for suffix, operation in self._by_method.get(method.upper(), ()):
            if path.endswith(suffix) and operation.pattern.search(path):
                return operation
        return None

    def is_idempotent(self, request: httpx.Request) -> bool:
        """True when the spec marks the request's operation safe to retry.

        A request the spec does not know falls back to HTTP's idempotent methods.
        """
        operation = self.find(request.method, request.url.path)
        if operation is None:
            return request.method in {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
        return operation.idempotent
