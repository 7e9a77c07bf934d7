"""The client factory every API overlay uses: a generated client with the runtime installed.

A generated package's ``Client`` takes ``httpx_args`` that it passes to both the
``httpx.Client`` and the ``httpx.AsyncClient`` it builds, and keeps them across
``with_headers``/``with_timeout`` copies. The factory puts the whole runtime there:

- ``auth``: :class:`CheckedAuth` around the API's own auth flow (typed errors after any
  token recovery);
- ``transport``: :class:`RetryingTransport` (sync and async in one object) with the
  API's retry policy, whose idempotency test comes from the spec's ``x-idempotent``;
- a default timeout, and ``raise_on_unexpected_status`` so an undocumented success
  status is never mistaken for a result.
"""

from __future__ import annotations

import functools
from typing import Any, Protocol, TypeVar

import httpx

from .auth import CheckedAuth, ErrorFor
from .errors import error_for_status
from .retry import RetryingTransport, RetryPolicy
from .routes import OperationTable
from .secrets import install_log_redaction

__all__ = ["DEFAULT_TIMEOUT", "GeneratedClient", "build_client", "operation_table"]

# Long enough for a slow provisioning call, short enough that a hung connection surfaces.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class GeneratedClient(Protocol):
    """What the factory needs of an openapi-python-client ``Client`` class."""

    def __init__(self, base_url: str, **kwargs: Any) -> None: ...


C = TypeVar("C", bound=GeneratedClient)


@functools.cache
def operation_table(key: str) -> OperationTable:
    """The operation table of the API ``key``'s spec (cached; the spec ships with the package)."""
    from partner_apis.specs import load_spec

    return OperationTable.from_spec(load_spec(key))


def build_client(
    client_class: type[C],
    *,
    key: str,
    base_url: str,
    auth: httpx.Auth | None,
    error_for: ErrorFor = error_for_status,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    headers: dict[str, str] | None = None,
) -> C:
    """Return ``client_class`` (a generated ``Client``) wired with the overlay runtime.

    ``retry`` defaults to :class:`RetryPolicy` with the spec's idempotency table;
    ``transport``/``async_transport`` replace the network (an ``httpx.MockTransport`` or
    an ASGI transport in tests). Raises ``KeyError`` for an unknown API key.
    """
    install_log_redaction()
    table = operation_table(key)
    policy = retry or RetryPolicy()
    policy = RetryPolicy(
        max_retries=policy.max_retries,
        initial_backoff=policy.initial_backoff,
        max_backoff=policy.max_backoff,
        max_retry_after=policy.max_retry_after,
        statuses=policy.statuses,
        is_idempotent=table.is_idempotent,
    )
    if isinstance(timeout, int | float):
        timeout = httpx.Timeout(timeout)
    httpx_args: dict[str, Any] = {
        "auth": CheckedAuth(auth, error_for),
        "transport": RetryingTransport(policy, transport, async_transport),
    }
    return client_class(
        base_url=base_url,
        timeout=timeout,
        headers=headers or {},
        raise_on_unexpected_status=True,
        httpx_args=httpx_args,
    )
