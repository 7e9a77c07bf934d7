"""Which operation a request is, read from the spec model: its operationId and retry safety.

One rule finds it, the spec model's (:class:`partner_apis.specs.routing.Routes`): the
request's whole path under the client's base path (the path of the ``base_url`` it was
built with), a path parameter one whole segment, which may hold a ``:``. An operation the
spec puts on another host (an OAuth server, a login host) is found under that host's
path instead. The retry transport asks :meth:`OperationTable.is_idempotent` before it
sends a request twice (the spec's ``x-idempotent``, specs/CONVENTIONS.md).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from partner_apis.specs import ApiSpec, Operation, api_spec
from partner_apis.specs.routing import Routes

from .retry import http_methods_idempotent

__all__ = ["Operation", "OperationTable", "operation_table"]


def _path(url: str) -> str:
    return urlsplit(url).path.rstrip("/")


class OperationTable:
    """The operations of one spec, found by a request's method and path under a client's base path.

    ``base_path`` is the path of the client's base URL (default: the spec's first
    server's, ``/v4``); ``servers`` maps an operation on another host to the URL the
    client sends it to (default: the operation's own server in the spec).
    """

    def __init__(self, spec: ApiSpec, base_path: str | None = None, servers: Mapping[str, str] | None = None) -> None:
        self.spec = spec
        self.base_path = spec.base_path if base_path is None else base_path.rstrip("/")
        abroad: dict[str, list[Operation]] = {}
        for operation in spec:
            server = (servers or {}).get(operation.operation_id)
            own_path = operation.own_base_path if server is None else _path(server)
            if own_path is not None:
                abroad.setdefault(own_path, []).append(operation)
        # The operations on other hosts, by the path each host serves them under.
        self._abroad = [(path, Routes(operations)) for path, operations in abroad.items()]

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any] | ApiSpec, base_path: str | None = None) -> OperationTable:
        """Build the table from a spec, parsed or its model; raises ``ValueError`` without x-idempotent."""
        return cls(spec if isinstance(spec, ApiSpec) else ApiSpec("spec", spec), base_path)

    def find(self, method: str, path: str) -> Operation | None:
        """The operation a method and URL path belong to, or None."""
        found = self.spec.routes.find(method, path, self.base_path)
        if found is None:
            for own_path, routes in self._abroad:
                found = routes.find(method, path, own_path)
                if found is not None:
                    break
        return found

    def is_idempotent(self, request: httpx.Request) -> bool:
        """True when the spec marks the request's operation safe to retry.

        A request the spec does not know falls back to HTTP's idempotent methods.
        """
        operation = self.find(request.method, request.url.path)
        return http_methods_idempotent(request) if operation is None else operation.idempotent


def operation_table(key: str, base_url: str | None = None, servers: Mapping[str, str] | None = None) -> OperationTable:
    """The operation table of the API ``key`` for a client on ``base_url`` (see :class:`OperationTable`).

    Without ``base_url``, paths are read under the spec's own base path (``/v4`` for
    Comm100 v4). Tables are cached: the specs ship with the package. Raises ``KeyError``
    for an unknown key.
    """
    base_path = None if base_url is None else _path(base_url)
    return _table(key, base_path, tuple(sorted((servers or {}).items())))


@functools.cache
def _table(key: str, base_path: str | None, servers: tuple[tuple[str, str], ...]) -> OperationTable:
    return OperationTable(api_spec(key), base_path, dict(servers))
