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

It also hands the generated client its httpx clients (the generated ``set_httpx_client``
seam), built from :class:`OverlayHttpxClient`: every generated function passes its query
as ``params`` (``{}`` when the operation has none), and httpx parses the whole URL once
more to merge them, even an empty mapping. That parse was the largest share of the
generated client's overhead over bare httpx in ``nox -s bench`` (about 50 us of a 1 ms
call here); the overlay's clients put the encoded query into the URL before its one parse.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from .auth import CheckedAuth, ErrorFor
from .errors import error_for_status
from .retry import RetryingTransport, RetryPolicy
from .routes import OperationTable
from .secrets import install_log_redaction

__all__ = [
    "DEFAULT_TIMEOUT",
    "GeneratedClient",
    "OverlayAsyncHttpxClient",
    "OverlayHttpxClient",
    "QueryFor",
    "build_client",
    "operation_table",
]

# Long enough for a slow provisioning call, short enough that a hung connection surfaces.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class GeneratedClient(Protocol):
    """What the factory needs of an openapi-python-client ``Client`` class."""

    def __init__(self, base_url: str, **kwargs: Any) -> None: ...

    def set_httpx_client(self, client: httpx.Client) -> Any: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


C = TypeVar("C", bound=GeneratedClient)

QueryFor = Callable[[str, str], Mapping[str, str] | None]


def _fold_query(
    default_params: httpx.QueryParams, method: str, url: httpx.URL | str, params: Any, query_for: QueryFor | None
) -> tuple[httpx.URL | str, Any]:
    # The URL httpx would build, parsed once: the query, encoded as httpx encodes it, goes
    # into the relative URL string (which is what the generated functions pass). Anything
    # else is left to httpx's own merge, whose rules differ: given params (even empty
    # ones) or client-wide params, httpx drops a query already in the URL.
    if default_params or not isinstance(url, str) or "?" in url or "#" in url:
        return url, params
    extra = query_for(method, url) if query_for is not None else None
    if extra:
        # A key in both is replaced, as httpx's merge replaces it.
        if params is None or isinstance(params, Mapping):
            params = {**(params or {}), **extra}
        else:
            params = httpx.QueryParams(params).merge(extra)
    if not params:
        return url, None
    return f"{url}?{httpx.QueryParams(params)}", None


class OverlayHttpxClient(httpx.Client):
    """An ``httpx.Client`` that builds the same requests as httpx with one URL parse fewer.

    ``query_for(method, relative URL)``, when set, may name query parameters an auth flow
    would add anyway (a token some APIs take in the query): they are encoded with the
    rest before the URL is parsed, so the flow finds them in place and need not parse it
    again.
    """

    query_for: QueryFor | None = None

    def build_request(self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any) -> httpx.Request:
        """Build the request httpx would build; ``params`` are encoded into the URL before it is parsed."""
        url, params = _fold_query(self.params, method, url, params, self.query_for)
        return super().build_request(method, url, params=params, **kwargs)


class OverlayAsyncHttpxClient(httpx.AsyncClient):
    """The async twin of :class:`OverlayHttpxClient`."""

    query_for: QueryFor | None = None

    def build_request(self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any) -> httpx.Request:
        """Build the request httpx would build; ``params`` are encoded into the URL before it is parsed."""
        url, params = _fold_query(self.params, method, url, params, self.query_for)
        return super().build_request(method, url, params=params, **kwargs)


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
    query_for: QueryFor | None = None,
) -> C:
    """Return ``client_class`` (a generated ``Client``) wired with the overlay runtime.

    ``retry`` defaults to :class:`RetryPolicy` with the spec's idempotency table;
    ``transport``/``async_transport`` replace the network (an ``httpx.MockTransport`` or
    an ASGI transport in tests). ``headers`` go on every request: the generated client's
    own httpx clients are replaced, so an ``AuthenticatedClient`` subclass must pass its
    header here. ``query_for`` is :class:`OverlayHttpxClient`'s hint: query parameters
    the auth flow adds anyway, put in place while the request is built (the flow must
    still add them to a request built elsewhere). Raises ``KeyError`` for an unknown API key.
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
    headers = headers or {}
    client = client_class(
        base_url=base_url,
        timeout=timeout,
        headers=headers,
        raise_on_unexpected_status=True,
        httpx_args=httpx_args,
    )
    # The same settings the generated get_httpx_client() would use. A with_headers() or
    # with_timeout() copy builds plain httpx clients again: same runtime (httpx_args are
    # copied), only without the empty-params shortcut.
    settings: dict[str, Any] = {"base_url": base_url, "headers": headers, "timeout": timeout, **httpx_args}
    sync_client, async_client = OverlayHttpxClient(**settings), OverlayAsyncHttpxClient(**settings)
    sync_client.query_for = async_client.query_for = query_for
    client.set_httpx_client(sync_client)
    client.set_async_httpx_client(async_client)
    return client
