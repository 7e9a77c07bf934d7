"""The client factory every API overlay uses: a generated client with the runtime installed.

:func:`build_client` hands a generated ``Client`` its httpx clients (the generated
``set_httpx_client`` seam), built from :class:`OverlayHttpxClient` with the whole runtime:

- ``auth``: :class:`CheckedAuth` around the API's own auth flow (typed errors after any
  token recovery);
- ``transport``: :class:`RetryingTransport` (sync and async in one object) with the
  API's retry policy, whose idempotency test is the spec's ``x-idempotent`` unless the
  caller's policy brings its own, over the network transports (verify, proxy, limits...
  from the caller's ``httpx_args``);
- a default timeout, and ``raise_on_unexpected_status`` so an undocumented success
  status is never mistaken for a result;
- the caller's ``httpx_args`` (event hooks, cookies, redirects...).

Every API's ``client(...)`` factory takes the API's credentials and URLs by name and the
common options as :class:`ClientOptions` (:class:`TokenOptions` for the APIs that log in
with OAuth2), passed on to :func:`build_client` unchanged.

:func:`with_options` (and the ``with_options`` method of an overlay's client class, see
:class:`OverlayClient`) copies such a client with another timeout, retry policy or
extra headers; the copy shares the original's connection pool and auth flow (so its
token), and the original is left as it was.

Every generated function passes its query as ``params`` (``{}`` when the operation has
none), and httpx parses the whole URL once more to merge them, even an empty mapping.
That parse was the largest share of the generated client's overhead over bare httpx in
``nox -s bench`` (about 50 us of a 1 ms call here); the overlay's clients put the
encoded query into the URL before its one parse, with the parameters a
:class:`~.auth.QueryAuth` flow adds.
"""

from __future__ import annotations

import dataclasses
import enum
import inspect
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, Self, TypedDict, TypeVar, Unpack

import attrs
import httpx

from . import debug
from .auth import CheckedAuth, ErrorFor, QueryAuth
from .errors import error_for_status
from .oauth import DEFAULT_EXPIRY_SKEW, OAuth2Login
from .recording import RecordTo, recording_transports
from .retry import RetryingTransport, RetryPolicy
from .routes import OperationTable, operation_table
from .secrets import install_log_redaction

__all__ = [
    "DEFAULT_TIMEOUT",
    "KEEP",
    "ClientOptions",
    "GeneratedClient",
    "OverlayAsyncHttpxClient",
    "OverlayClient",
    "OverlayHttpxClient",
    "QueryFor",
    "TokenOptions",
    "TransportWrapper",
    "build_client",
    "client_transport",
    "operation_table",
    "with_options",
]

# Long enough for a slow provisioning call, short enough that a hung connection surfaces.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class GeneratedClient(Protocol):
    """What the factory needs of an openapi-python-client ``Client`` class."""

    def __init__(self, base_url: str, **kwargs: Any) -> None: ...

    def set_httpx_client(self, client: httpx.Client) -> Any: ...

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Any: ...


C = TypeVar("C", bound=GeneratedClient)
T = TypeVar("T")

QueryFor = Callable[[str, str], Mapping[str, str] | None]
# A layer an overlay puts between the retries and the network (Comm100 v3's spelling fix).
TransportWrapper = Callable[
    [httpx.BaseTransport, httpx.AsyncBaseTransport], tuple[httpx.BaseTransport, httpx.AsyncBaseTransport]
]


class ClientOptions(TypedDict, total=False):
    """The options every overlay's ``client(...)`` factory takes, by keyword, besides the API's own.

    ``timeout``: seconds or an ``httpx.Timeout`` (default :data:`DEFAULT_TIMEOUT`; None
    for none). ``retry``: a :class:`~.retry.RetryPolicy` (default ``RetryPolicy()``; one
    without its own ``is_idempotent`` follows the spec's ``x-idempotent``).
    ``transport``/``async_transport``: the network (an ``httpx.MockTransport`` or an ASGI
    transport in tests). ``httpx_args``: ``httpx.Client`` arguments for both httpx clients
    (see :func:`build_client`, which raises ``TypeError`` for a key the runtime owns).
    ``record_to``: a path or a :class:`~.recording.Recorder`: every exchange (each attempt,
    each token request) is appended to that HAR file with its secrets masked, for
    ``python -m partner_apis.drift`` (see :mod:`.recording`).
    """

    timeout: httpx.Timeout | float | None
    retry: RetryPolicy | None
    transport: httpx.BaseTransport | None
    async_transport: httpx.AsyncBaseTransport | None
    httpx_args: Mapping[str, Any] | None
    record_to: RecordTo | None


class TokenOptions(ClientOptions, total=False):
    """:class:`ClientOptions`, and for an API whose client logs in (OAuth2) the token lifecycle's.

    ``expiry_skew``: renew a token this many seconds before it expires (default 60);
    ``clock``: the monotonic clock the expiry is read on (injectable for tests). A client
    given a ready token ignores both.
    """

    expiry_skew: float
    clock: Callable[[], float]


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

    ``query_for`` is the auth flow's, when it is a :class:`~.auth.QueryAuth`: the query
    parameters it would add are encoded with the rest before the URL is parsed, so the
    flow finds them in place and need not parse it again.
    """

    query_for: QueryFor | None = None
    runtime: _Runtime | None = None  # how build_client made it, for with_options

    def build_request(self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any) -> httpx.Request:
        """Build the request httpx would build; ``params`` are encoded into the URL before it is parsed."""
        url, params = _fold_query(self.params, method, url, params, self.query_for)
        return super().build_request(method, url, params=params, **kwargs)


class OverlayAsyncHttpxClient(httpx.AsyncClient):
    """The async twin of :class:`OverlayHttpxClient`."""

    query_for: QueryFor | None = None
    runtime: _Runtime | None = None  # how build_client made it, for with_options

    def build_request(self, method: str, url: httpx.URL | str, *, params: Any = None, **kwargs: Any) -> httpx.Request:
        """Build the request httpx would build; ``params`` are encoded into the URL before it is parsed."""
        url, params = _fold_query(self.params, method, url, params, self.query_for)
        return super().build_request(method, url, params=params, **kwargs)


# -- httpx_args -----------------------------------------------------------------------------

# Keys the runtime owns, and what to do instead.
_OWNED = {
    "auth": "the client's auth flow carries the API's credentials; pass them to the factory",
    "base_url": "pass base_url= to the factory",
    "transport": "pass transport= (and async_transport=) to the factory",
    "mounts": "a mounted transport would bypass the retries and typed errors; pass transport= instead",
    "app": "pass transport=httpx.ASGITransport(app) to the factory",
    "timeout": "pass timeout= to the factory",
}
# httpx.Client arguments that configure its network transport, and the transport
# arguments httpx.Client does not take: they go to the HTTPTransport the factory builds.
_NETWORK = frozenset(
    {"verify", "cert", "trust_env", "http1", "http2", "limits", "proxy", "uds", "local_address", "socket_options"}
)
_EVENTS = frozenset({"request", "response"})


def _is_async(hook: Callable[..., Any]) -> bool:
    return inspect.iscoroutinefunction(hook) or inspect.iscoroutinefunction(getattr(hook, "__call__", None))  # noqa: B004


def _awaitable(hook: Callable[..., Any]) -> Callable[..., Any]:
    if _is_async(hook):
        return hook

    async def run(message: Any) -> None:
        hook(message)

    return run


def _hooks(event_hooks: Any) -> tuple[dict[str, list[Callable[..., Any]]], dict[str, list[Callable[..., Any]]]]:
    # One set of hooks for both clients: a plain function runs in both (the async client
    # awaits it through a wrapper), an async one only in the async client, which alone can
    # await it.
    if not isinstance(event_hooks, Mapping):
        raise TypeError(f"httpx_args['event_hooks'] must map 'request'/'response' to lists, not {event_hooks!r}")
    unknown = set(event_hooks) - _EVENTS
    if unknown:
        raise ValueError(f"unknown event hook kinds {sorted(unknown)}; httpx has 'request' and 'response'")
    sync: dict[str, list[Callable[..., Any]]] = {}
    both: dict[str, list[Callable[..., Any]]] = {}
    for event, hooks in event_hooks.items():
        sync[event] = [hook for hook in hooks if not _is_async(hook)]
        both[event] = [_awaitable(hook) for hook in hooks]
    return sync, both


@dataclass(frozen=True)
class _HttpxArgs:
    """A caller's ``httpx_args``, sorted: for each httpx client, for the network transports, extra headers."""

    sync: dict[str, Any]
    async_: dict[str, Any]
    network: dict[str, Any]
    headers: dict[str, str]

    @classmethod
    def read(cls, httpx_args: Mapping[str, Any] | None) -> _HttpxArgs:
        args = dict(httpx_args or {})
        for key in args:
            if key in _OWNED:
                raise TypeError(f"httpx_args cannot set {key!r}: {_OWNED[key]}")
        network = {key: args.pop(key) for key in list(args) if key in _NETWORK}
        headers = dict(httpx.Headers(args.pop("headers", None)))
        sync, async_ = dict(args), dict(args)
        if "event_hooks" in args:
            sync["event_hooks"], async_["event_hooks"] = _hooks(args["event_hooks"])
        return cls(sync, async_, network, headers)


def _network(
    httpx_args: _HttpxArgs,
    transport: httpx.BaseTransport | None,
    async_transport: httpx.AsyncBaseTransport | None,
) -> tuple[httpx.BaseTransport, httpx.AsyncBaseTransport]:
    if httpx_args.network and (transport is not None or async_transport is not None):
        # A given transport is the network: settings for the default one cannot reach it.
        raise TypeError(
            f"httpx_args {sorted(httpx_args.network)} configure the network transport, "
            "which transport=/async_transport= replace: configure the transport you pass instead"
        )
    return (
        transport or httpx.HTTPTransport(**httpx_args.network),
        async_transport or httpx.AsyncHTTPTransport(**httpx_args.network),
    )


# -- the runtime of one client --------------------------------------------------------------


class _Keep(enum.Enum):
    KEEP = "keep"


#: ``with_options(timeout=KEEP)``: keep the client's timeout (None means no timeout at all).
KEEP = _Keep.KEEP


def _timeout(timeout: httpx.Timeout | float | None) -> httpx.Timeout | None:
    return httpx.Timeout(timeout) if isinstance(timeout, int | float) else timeout


@dataclass(frozen=True)
class _Runtime:
    """Everything build_client gave a client's httpx clients, so a copy can be made of it."""

    base_url: str
    headers: dict[str, str]
    timeout: httpx.Timeout | None
    auth: CheckedAuth
    retrying: RetryingTransport
    table: OperationTable
    httpx_args: _HttpxArgs
    query_for: QueryFor | None

    def install(self, client: Any) -> None:
        # The same settings the generated get_httpx_client() would use, and the runtime.
        settings: dict[str, Any] = {
            "base_url": self.base_url,
            "headers": self.headers,
            "timeout": self.timeout,
            "auth": self.auth,
            "transport": self.retrying,
        }
        sync_client = OverlayHttpxClient(**settings, **self.httpx_args.sync)
        async_client = OverlayAsyncHttpxClient(**settings, **self.httpx_args.async_)
        for http in (sync_client, async_client):
            http.query_for = self.query_for
            http.runtime = self
        client.set_httpx_client(sync_client)
        client.set_async_httpx_client(async_client)


def _generated_args(runtime: _Runtime) -> dict[str, Any]:
    # What the generated client would pass to httpx itself; kept so that its own
    # attributes describe the runtime (tests and reprs read them).
    return {"auth": runtime.auth, "transport": runtime.retrying, **runtime.httpx_args.sync}


def build_client(
    client_class: type[C],
    *,
    key: str,
    base_url: str,
    auth: httpx.Auth | OAuth2Login | None,
    error_for: ErrorFor = error_for_status,
    headers: dict[str, str] | None = None,
    servers: Mapping[str, str] | None = None,
    wrap_transport: TransportWrapper | None = None,
    **options: Unpack[TokenOptions],
) -> C:
    """Return ``client_class`` (a generated ``Client``) wired with the overlay runtime.

    ``auth`` is the API's auth flow, or the :class:`~.oauth.OAuth2Login` its client logs
    in with (made into an ``OAuth2Auth`` on ``base_url`` with ``expiry_skew`` and
    ``clock``). ``error_for`` tells a failure answer's error (default: the runtime's
    status errors). ``headers`` go on every request: the generated client's own httpx
    clients are replaced, so an ``AuthenticatedClient`` subclass must pass its header
    here. ``servers`` maps an operation the spec puts on another host to the URL the
    client sends it to, for the operation table. ``wrap_transport`` puts an overlay's own
    layer between the retries and the network. ``options`` are the factory's
    (:class:`TokenOptions`).

    ``retry`` defaults to :class:`RetryPolicy`; a policy without its own
    ``is_idempotent`` gets the spec's idempotency table. ``httpx_args`` are the caller's
    ``httpx.Client`` arguments, for both httpx clients: ``event_hooks`` (a plain function
    runs in both clients, an async one in the async client only), ``cookies``,
    ``follow_redirects``, ``headers`` (over the API's own), ...; ``verify``, ``cert``,
    ``proxy``, ``limits``, ``http2``, ``trust_env`` (and ``uds``, ``local_address``,
    ``socket_options``) configure the network transports. Raises ``TypeError`` for a key
    the runtime owns (``auth``, ``transport``, ``base_url``, ``mounts``, ``app``,
    ``timeout``), for network settings given with a transport of one's own, or for an
    argument httpx does not take; ``ValueError`` for an unknown event hook kind;
    ``KeyError`` for an unknown API key.
    """
    install_log_redaction()
    debug.enable_debug_logging_from_environment()
    table = operation_table(key, base_url, servers)
    if isinstance(auth, OAuth2Login):
        expiry_skew = options.get("expiry_skew", DEFAULT_EXPIRY_SKEW)
        auth = auth.auth(table.spec, base_url, expiry_skew=expiry_skew, clock=options.get("clock", time.monotonic))
    args = _HttpxArgs.read(options.get("httpx_args"))
    policy = (options.get("retry") or RetryPolicy()).with_default_idempotency(table.is_idempotent)
    network, async_network = _network(args, options.get("transport"), options.get("async_transport"))
    record_to = options.get("record_to")
    if record_to is not None:
        # Next to the network, under the retries and the overlay's own layer: what went on the wire.
        network, async_network = recording_transports(record_to, network, async_network, table.spec)
    if wrap_transport is not None:
        network, async_network = wrap_transport(network, async_network)
    runtime = _Runtime(
        base_url=base_url,
        headers={**(headers or {}), **args.headers},
        timeout=_timeout(options.get("timeout", DEFAULT_TIMEOUT)),
        auth=CheckedAuth(auth, error_for),
        retrying=RetryingTransport(policy, network, async_network),
        table=table,
        httpx_args=args,
        query_for=auth.query_for if isinstance(auth, QueryAuth) else None,
    )
    client = client_class(
        base_url=base_url,
        timeout=runtime.timeout,
        headers=runtime.headers,
        raise_on_unexpected_status=True,
        httpx_args=_generated_args(runtime),
    )
    runtime.install(client)
    return client


def client_transport(client: object) -> RetryingTransport:
    """The retry transport an overlay's factory installed in ``client`` (its policy, its network transports).

    Raises ``TypeError`` for a client no overlay factory made.
    """
    return _runtime_of(client).retrying


# -- copies with other options ----------------------------------------------------------------


def _runtime_of(client: Any) -> _Runtime:
    try:
        http = client.get_httpx_client()
    except AttributeError:
        http = None
    runtime = http.runtime if isinstance(http, OverlayHttpxClient) else None
    if runtime is None:
        raise TypeError(f"{type(client).__name__} was not made by an overlay's client() factory (build_client)")
    return runtime


def with_options(
    client: T,
    *,
    timeout: httpx.Timeout | float | _Keep | None = KEEP,
    max_retries: int | None = None,
    retry: RetryPolicy | None = None,
    headers: Mapping[str, str] | None = None,
    cookies: Mapping[str, str] | None = None,
) -> T:
    """A copy of an overlaid client with another timeout, retry policy or extra headers.

    The copy sends through the same connection pool and the same auth flow (one token,
    renewed once for both); the original is unchanged. ``timeout`` replaces the timeout
    (None: none at all); ``max_retries`` changes only the retry count, ``retry`` the
    whole policy (without its own ``is_idempotent``, the spec's table applies);
    ``headers`` and ``cookies`` are added over the client's own. Closing the copy leaves
    the shared pool open: it is the original's to close. Raises ``TypeError`` for a
    client no overlay factory made, or for both ``max_retries`` and ``retry``.
    """
    if max_retries is not None and retry is not None:
        raise TypeError("give max_retries or retry, not both")
    runtime = _runtime_of(client)
    policy = runtime.retrying.policy
    if retry is not None:
        policy = retry.with_default_idempotency(runtime.table.is_idempotent)
    elif max_retries is not None:
        policy = dataclasses.replace(policy, max_retries=max_retries)
    args = runtime.httpx_args
    if cookies:
        merged = httpx.Cookies(args.sync.get("cookies"))
        merged.update(dict(cookies))
        args = dataclasses.replace(
            args, sync={**args.sync, "cookies": merged}, async_={**args.async_, "cookies": merged}
        )
    copy_runtime = dataclasses.replace(
        runtime,
        headers={**runtime.headers, **(headers or {})},
        timeout=runtime.timeout if timeout is KEEP else _timeout(timeout),
        retrying=runtime.retrying.with_policy(policy),
        httpx_args=args,
    )
    generated: Any = client  # an attrs class from openapi-python-client
    copy: T = attrs.evolve(
        generated,
        headers=copy_runtime.headers,
        timeout=copy_runtime.timeout,
        httpx_args=_generated_args(copy_runtime),
    )
    copy_runtime.install(copy)
    return copy


class OverlayClient:
    """The methods an overlay's client class adds to a generated ``Client``: copies that share the pool and token.

    Mixed in first (``class Comm100V4Client(OverlayClient, Client)``), it also makes the
    generated ``with_headers``, ``with_timeout`` and ``with_cookies`` return such copies:
    the generated ones change the original's httpx clients in place.
    """

    __slots__ = ()

    def with_options(
        self,
        *,
        timeout: httpx.Timeout | float | _Keep | None = KEEP,
        max_retries: int | None = None,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with another timeout, retry policy or extra headers (see :func:`with_options`)."""
        return with_options(self, timeout=timeout, max_retries=max_retries, retry=retry, headers=headers)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """A copy that adds ``headers`` to every request; this client is unchanged."""
        return with_options(self, headers=headers)

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """A copy with another timeout; this client is unchanged."""
        return with_options(self, timeout=timeout)

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """A copy that adds ``cookies`` to every request; this client is unchanged."""
        return with_options(self, cookies=cookies)
