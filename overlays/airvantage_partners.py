"""Sierra Wireless AirVantage partners API: a ready ``airvantage_partners_client`` from one call, and helpers.

What the overlay adds to the generated client, each pinned by a test in
tests/overlays/test_airvantage_partners.py:

- the token lifecycle (:class:`~partner_apis.overlays.runtime.OAuth2Auth`) at
  ``/oauth/token`` under the ``/api`` server: the client-credentials grant by default, the
  password grant when a username and password are given (then the refresh grant, falling
  back to the password grant), one retry on 401, one renewal at a time;
- typed errors from AirVantage's dotted codes: ``partner.exists`` raises
  :class:`PartnerExistsError`, ``profile.unknown`` :class:`UnknownProfileError`, ... each
  with the code's ``parameters`` and still a ``BadRequestError`` (or ``NotFoundError``,
  whatever status the server used);
- asynchronous operations: :func:`request_partnership_and_wait` (and its async twin) sends
  a partnership request and polls its operation with backoff until it is ``FINISHED`` or a
  deadline passes, returning an :class:`OperationResult` with the counters and the
  timestamps as aware datetimes; :func:`wait_for_operation` waits for any operation;
- auto-pagination over ``offset``/``size`` with the shared paging helper:
  :func:`iter_partners`, :func:`iter_requests`, :func:`iter_operations` and async twins;
- field selection: ``fields`` may be a list of names, checked against the spec's
  ``x-selectable-fields`` before anything is sent;
- a client class, :class:`AirVantageClient`, whose copies (``with_options``) share its
  connection pool and token.
"""

from __future__ import annotations

import functools
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import anyio
import httpx
from airvantage_partners_client import Client
from airvantage_partners_client.api.operations import find_operations, get_operation
from airvantage_partners_client.api.partners import find_partners
from airvantage_partners_client.api.partnership import request_partnership
from airvantage_partners_client.api.requests import list_requests
from airvantage_partners_client.models import (
    Operation,
    OperationList,
    OperationRef,
    OperationState,
    Partner,
    PartnerList,
    PartnerOrderBy,
    PartnershipRequest,
    Request,
    RequestList,
    TaskState,
)
from airvantage_partners_client.types import UNSET, Unset
from attrs import define

from .runtime import (
    ApiStatusError,
    ClientCredentialsGrant,
    OAuth2Auth,
    OverlayClient,
    PartnerApiError,
    PasswordGrant,
    RetryPolicy,
    Secret,
    aiter_items,
    build_client,
    error_for_status,
    iter_items,
)
from .runtime.client import DEFAULT_TIMEOUT
from .runtime.errors import parse_body
from .runtime.oauth import DEFAULT_EXPIRY_SKEW, FormValue, Grant

__all__ = [
    "DEFAULT_BASE_URL",
    "KEY",
    "REGIONS",
    "TOKEN_PATH",
    "AirVantageClient",
    "AirVantageError",
    "MissingCompanyError",
    "MissingProfileError",
    "MissingRightsError",
    "OperationResult",
    "OperationTimeoutError",
    "PartnerExistsError",
    "UnknownCompanyError",
    "UnknownOperationError",
    "UnknownPartnerError",
    "UnknownProfileError",
    "UnknownRequestError",
    "aiter_operations",
    "aiter_partners",
    "aiter_requests",
    "arequest_partnership_and_wait",
    "await_operation",
    "client",
    "error_for",
    "from_epoch_ms",
    "iter_operations",
    "iter_partners",
    "iter_requests",
    "request_partnership_and_wait",
    "select_fields",
    "wait_for_operation",
]

KEY = "airvantage-partners"
REGIONS = {"na": "https://na.airvantage.net/api", "eu": "https://eu.airvantage.net/api"}
DEFAULT_BASE_URL = REGIONS["na"]
TOKEN_PATH = "/oauth/token"  # noqa: S105 (a path, not a password)

# The vendor's own clients poll every 3 to 5 seconds; start sooner, back off to 10 s.
DEFAULT_FIRST_POLL = 1.0
DEFAULT_MAX_POLL = 10.0
DEFAULT_WAIT = 600.0
DEFAULT_PAGE_SIZE = 100


@define
class AirVantageClient(OverlayClient, Client):
    """The generated ``airvantage_partners_client.Client`` with the overlay runtime, as :func:`client` returns it.

    ``with_options(timeout=..., max_retries=..., retry=..., headers=...)`` (and
    ``with_headers``/``with_timeout``) return a copy sharing this client's connection
    pool and token; this client is unchanged.
    """


def client(
    client_id: str,
    client_secret: str | Secret,
    *,
    base_url: str | None = None,
    region: str | None = None,
    username: str | None = None,
    password: str | Secret | None = None,
    timeout: httpx.Timeout | float | None = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    expiry_skew: float = DEFAULT_EXPIRY_SKEW,
    clock: Callable[[], float] = time.monotonic,
    httpx_args: Mapping[str, Any] | None = None,
) -> AirVantageClient:
    """Return an ``airvantage_partners_client.Client`` (an :class:`AirVantageClient`) acting as ``client_id``.

    It gets its own tokens as that API client.

    The client-credentials grant is used unless ``username`` and ``password`` are given
    (then the password grant, as that user, renewed with the refresh grant). ``region``
    (``"na"`` or ``"eu"``) or ``base_url`` picks the server (default NA; ``base_url`` aims
    at a simulator). Every failure raises a ``partner_apis.overlays.runtime`` error, a
    dotted code its :class:`AirVantageError` subclass; idempotent calls are retried.
    ``httpx_args`` go to both httpx clients (event hooks, verify, proxy, ...; see
    :func:`~partner_apis.overlays.runtime.build_client`, which raises ``TypeError`` for
    a key the runtime owns). Raises ``ValueError`` for an unknown region, for both
    ``region`` and ``base_url``, or for only one of ``username`` and ``password``.
    """
    if region is not None and base_url is not None:
        raise ValueError("give region or base_url, not both")
    if region is not None and region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; known: {', '.join(sorted(REGIONS))}")
    if (username is None) != (password is None):
        raise ValueError("the password grant needs both username and password")
    url = base_url or REGIONS[region or "na"]
    # Sent with the password and refresh grants too: the API client authenticates every token request.
    credentials: dict[str, FormValue] = {"client_id": client_id, "client_secret": client_secret}
    grant: Grant
    if username is not None and password is not None:
        grant = PasswordGrant(username, password, extra=credentials)
    else:
        grant = ClientCredentialsGrant(client_id, client_secret)
    auth = OAuth2Auth(
        grant,
        token_url=TOKEN_PATH,
        base_url=url,
        refresh_extra=credentials,
        expiry_skew=expiry_skew,
        clock=clock,
    )
    return build_client(
        AirVantageClient,
        key=KEY,
        base_url=url,
        auth=auth,
        error_for=error_for,
        timeout=timeout,
        retry=retry,
        transport=transport,
        async_transport=async_transport,
        httpx_args=httpx_args,
    )


# -- typed errors -------------------------------------------------------------------------------


class AirVantageError(ApiStatusError):
    """AirVantage refused the call with a dotted code: ``{"error": "partner.unknown", "errorParameters": [...]}``.

    ``code`` is the dotted code and ``parameters`` the values it concerns (for an unknown
    uid, the uid). Every instance is also the runtime's class for its HTTP status
    (``BadRequestError`` for 400, ``NotFoundError`` for 404, ...).
    """

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        body = parse_body(response)
        code = body.get("error") if isinstance(body, dict) else None
        parameters = body.get("errorParameters") if isinstance(body, dict) else None
        self.code: str = code if isinstance(code, str) else ""
        listed = parameters if isinstance(parameters, list) else []
        self.parameters: tuple[str, ...] = tuple(str(value) for value in listed)
        detail = f"{self.code} ({', '.join(self.parameters)})" if self.parameters else self.code
        super().__init__(response, message or detail)


class PartnerExistsError(AirVantageError):
    """``partner.exists``: the company is already a partner (``parameters``: its uid)."""


class UnknownPartnerError(AirVantageError):
    """``partner.unknown``: the uid matches no partner of the context company."""


class UnknownProfileError(AirVantageError):
    """``profile.unknown``: no such profile in the company that would give it."""


class UnknownCompanyError(AirVantageError):
    """``company.unknown``: no such company (or not one the caller may act for)."""


class MissingCompanyError(AirVantageError):
    """``company.missing``: a partnership request named no company."""


class MissingProfileError(AirVantageError):
    """``profile.missing``: a profile must be given."""


class UnknownOperationError(AirVantageError):
    """``operation.unknown``: the uid matches no operation of the context company."""


class UnknownRequestError(AirVantageError):
    """``request.unknown``: no such request waiting for the context company's answer (or already answered otherwise)."""


class MissingRightsError(AirVantageError):
    """``missing.rights``: the caller lacks the permission named in ``parameters``."""


_BY_CODE: dict[str, type[AirVantageError]] = {
    "partner.exists": PartnerExistsError,
    "partner.unknown": UnknownPartnerError,
    "profile.unknown": UnknownProfileError,
    "company.unknown": UnknownCompanyError,
    "company.missing": MissingCompanyError,
    "profile.missing": MissingProfileError,
    "operation.unknown": UnknownOperationError,
    "request.unknown": UnknownRequestError,
    "missing.rights": MissingRightsError,
}


_COMBINED: dict[tuple[type[AirVantageError], type[ApiStatusError]], type[AirVantageError]] = {}


def _with_status(kind: type[AirVantageError], status_class: type[ApiStatusError]) -> type[AirVantageError]:
    """``kind`` that is also ``status_class``: one class per pair, named like ``kind``."""
    combined = _COMBINED.get((kind, status_class))
    if combined is None:
        combined = type(kind.__name__, (kind, status_class), {"__doc__": kind.__doc__})
        combined.__module__ = kind.__module__
        combined.__qualname__ = kind.__qualname__
        # A race only builds an equal class twice; the first one stored wins.
        combined = _COMBINED.setdefault((kind, status_class), combined)
    return combined


def error_for(response: httpx.Response) -> PartnerApiError | None:
    """The error an AirVantage answer stands for, or None for a success.

    A failure whose body carries a dotted ``error`` code is the code's
    :class:`AirVantageError` subclass (:class:`AirVantageError` itself for a code not in
    the table), mixed with the runtime's class for the status; any other failure (an
    OAuth ``invalid_token``, a proxy's page) is the runtime's status error. The body must
    already be read.
    """
    status_error = error_for_status(response)
    if status_error is None:
        return None
    body = parse_body(response)
    code = body.get("error") if isinstance(body, dict) else None
    if not isinstance(code, str) or "." not in code:
        return status_error
    kind = _BY_CODE.get(code, AirVantageError)
    return _with_status(kind, type(status_error))(response)


# -- field selection ------------------------------------------------------------------------------


@functools.cache
def _field_rules() -> dict[str, tuple[str, ...]]:
    """Each operation's selectable fields, from the spec's ``x-selectable-fields``."""
    from partner_apis.specs import load_spec

    rules: dict[str, tuple[str, ...]] = {}
    for item in load_spec(KEY)["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                if isinstance(parameter, dict) and parameter.get("name") == "fields":
                    rules[operation["operationId"]] = tuple(parameter["x-selectable-fields"])
    return rules


def select_fields(operation_id: str, fields: Iterable[str] | str | None) -> str | Unset:
    """The ``fields`` parameter for ``operation_id`` (``findPartners``, ``listRequests``): names joined by commas.

    ``fields`` is a list of names or a comma-separated string; None leaves the parameter
    out (the server's default fields). Raises ``ValueError`` for a name the spec does not
    list as selectable, or for an operation without a ``fields`` parameter.
    """
    if fields is None:
        return UNSET
    selectable = _field_rules().get(operation_id)
    if selectable is None:
        raise ValueError(f"{operation_id} takes no fields parameter")
    names = [name.strip() for name in (fields.split(",") if isinstance(fields, str) else fields)]
    unknown = [name for name in names if name not in selectable]
    if unknown or not names:
        raise ValueError(
            f"{operation_id} cannot select {', '.join(map(repr, unknown)) or 'no fields'}; "
            f"selectable: {', '.join(selectable)}"
        )
    return ",".join(dict.fromkeys(names))


# -- auto-pagination ------------------------------------------------------------------------------


P = TypeVar("P", PartnerList, RequestList, OperationList)


def _next_offset(page: PartnerList | RequestList | OperationList) -> int | None:
    # The next page starts after this one's items; an empty page ends the walk even if
    # `count` promises more (a server that would answer it again forever).
    if not page.items:
        return None
    following = page.offset + len(page.items)
    return following if following < page.count else None


def _checked(result: object, kind: type[P], operation_id: str) -> P:
    # Failures raise in the client's auth flow; a 200 always parses as the page.
    if not isinstance(result, kind):
        raise PartnerApiError(f"{operation_id} answered {type(result).__name__}, not a page")
    return result


def _opt(value: Any) -> Any:
    return UNSET if value is None else value


def _partner_query(
    fields: Iterable[str] | str | None,
    name: str | None,
    profile: str | None,
    order_by: PartnerOrderBy | str | None,
    company: str | None,
) -> dict[str, Any]:
    return {
        "fields": select_fields("findPartners", fields),
        "name": _opt(name),
        "profile": _opt(profile),
        "order_by": UNSET if order_by is None else PartnerOrderBy(order_by),
        "company": _opt(company),
    }


def iter_partners(
    airvantage: Client,
    *,
    fields: Iterable[str] | str | None = None,
    name: str | None = None,
    profile: str | None = None,
    order_by: PartnerOrderBy | str | None = None,
    company: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Iterator[Partner]:
    """Yield every partner matching the criteria, page by page (``page_size`` a page, fetched as needed).

    ``fields`` picks the attributes each partner carries (default ``uid``, ``name``).
    Raises the client's errors, ``ValueError`` for an unselectable field, and
    ``PagingError`` if the server's pages do not end.
    """
    query = _partner_query(fields, name, profile, order_by, company)

    def fetch(offset: int | None) -> PartnerList:
        result = find_partners.sync(client=airvantage, offset=offset or 0, size=page_size, **query)
        return _checked(result, PartnerList, "findPartners")

    return iter_items(fetch, _items, _next_offset)


def aiter_partners(
    airvantage: Client,
    *,
    fields: Iterable[str] | str | None = None,
    name: str | None = None,
    profile: str | None = None,
    order_by: PartnerOrderBy | str | None = None,
    company: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> AsyncIterator[Partner]:
    """The async :func:`iter_partners`: ``async for partner in aiter_partners(client): ...``."""
    query = _partner_query(fields, name, profile, order_by, company)

    async def fetch(offset: int | None) -> PartnerList:
        result = await find_partners.asyncio(client=airvantage, offset=offset or 0, size=page_size, **query)
        return _checked(result, PartnerList, "findPartners")

    return aiter_items(fetch, _items, _next_offset)


def _request_query(
    fields: Iterable[str] | str | None, request_by: str | None, before: int | None, company: str | None
) -> dict[str, Any]:
    return {
        "fields": select_fields("listRequests", fields),
        "request_by": _opt(request_by),
        "before": _opt(before),
        "company": _opt(company),
    }


def iter_requests(
    airvantage: Client,
    *,
    fields: Iterable[str] | str | None = None,
    request_by: str | None = None,
    before: int | None = None,
    company: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> Iterator[Request]:
    """Yield every incoming request waiting for an answer (default fields ``uid``, ``type``, ``date``), page by page."""
    query = _request_query(fields, request_by, before, company)

    def fetch(offset: int | None) -> RequestList:
        result = list_requests.sync(client=airvantage, offset=offset or 0, size=page_size, **query)
        return _checked(result, RequestList, "listRequests")

    return iter_items(fetch, _items, _next_offset)


def aiter_requests(
    airvantage: Client,
    *,
    fields: Iterable[str] | str | None = None,
    request_by: str | None = None,
    before: int | None = None,
    company: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> AsyncIterator[Request]:
    """The async :func:`iter_requests`."""
    query = _request_query(fields, request_by, before, company)

    async def fetch(offset: int | None) -> RequestList:
        result = await list_requests.asyncio(client=airvantage, offset=offset or 0, size=page_size, **query)
        return _checked(result, RequestList, "listRequests")

    return aiter_items(fetch, _items, _next_offset)


def iter_operations(
    airvantage: Client, *, company: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
) -> Iterator[Operation]:
    """Yield every operation of the context company, oldest first, page by page."""

    def fetch(offset: int | None) -> OperationList:
        result = find_operations.sync(client=airvantage, offset=offset or 0, size=page_size, company=_opt(company))
        return _checked(result, OperationList, "findOperations")

    return iter_items(fetch, _items, _next_offset)


def aiter_operations(
    airvantage: Client, *, company: str | None = None, page_size: int = DEFAULT_PAGE_SIZE
) -> AsyncIterator[Operation]:
    """The async :func:`iter_operations`."""

    async def fetch(offset: int | None) -> OperationList:
        result = await find_operations.asyncio(
            client=airvantage, offset=offset or 0, size=page_size, company=_opt(company)
        )
        return _checked(result, OperationList, "findOperations")

    return aiter_items(fetch, _items, _next_offset)


def _items(page: Any) -> list[Any]:
    items: list[Any] = page.items
    return items


# -- asynchronous operations ------------------------------------------------------------------------


def from_epoch_ms(value: int | Unset | None) -> datetime | None:
    """An AirVantage timestamp (milliseconds since the epoch, UTC) as an aware datetime; None when absent."""
    if value is None or isinstance(value, Unset):
        return None
    return datetime.fromtimestamp(value / 1000, tz=UTC)


@dataclass(frozen=True)
class OperationResult:
    """Where an operation stands: its state, its task counters, and its timestamps as aware datetimes.

    ``counters`` maps every task state to its count (0 when the server left it out);
    ``operation`` is the operation as the server answered it. A state the spec does not
    know (one AirVantage added later) is kept as its text, in ``state`` and as a key of
    ``counters``.
    """

    uid: str
    state: OperationState | str
    counters: Mapping[TaskState | str, int]
    total: int | None
    target: str | None
    created_at: datetime | None
    start_date: datetime | None
    end_date: datetime | None
    cancel_date: datetime | None
    timeout_date: datetime | None
    operation: Operation = field(repr=False)

    @classmethod
    def from_operation(cls, operation: Operation) -> OperationResult:
        """Read an operation answer."""
        counters: dict[TaskState | str, int] = dict.fromkeys(TaskState, 0)
        for counter in operation.counters if not isinstance(operation.counters, Unset) else []:
            counters[counter.state] = counters.get(counter.state, 0) + counter.count
        return cls(
            uid=operation.uid,
            state=operation.state,
            counters=counters,
            total=None if isinstance(operation.total, Unset) else operation.total,
            target=None if isinstance(operation.target, Unset) else operation.target,
            created_at=from_epoch_ms(operation.created_at),
            start_date=from_epoch_ms(operation.start_date),
            end_date=from_epoch_ms(operation.end_date),
            cancel_date=from_epoch_ms(operation.cancel_date),
            timeout_date=from_epoch_ms(operation.timeout_date),
            operation=operation,
        )

    @property
    def finished(self) -> bool:
        """Whether the operation is over (``FINISHED``, whatever its tasks' outcome)."""
        return self.state == OperationState.FINISHED

    @property
    def succeeded(self) -> bool:
        """Finished with every task counted ``SUCCESS`` (for a partnership request: accepted)."""
        tasks = self.total if self.total is not None else sum(self.counters.values())
        return self.finished and tasks > 0 and self.counters[TaskState.SUCCESS] == tasks

    @property
    def failed(self) -> bool:
        """Finished with a task counted ``FAILURE`` (for a partnership request: rejected)."""
        return self.finished and self.counters[TaskState.FAILURE] > 0

    @property
    def cancelled(self) -> bool:
        """Finished with a task counted ``CANCELLED`` (the requester cancelled it)."""
        return self.finished and self.counters[TaskState.CANCELLED] > 0


class OperationTimeoutError(PartnerApiError):
    """The operation was not ``FINISHED`` by the deadline; ``last`` is how it stood at the last poll."""

    def __init__(self, last: OperationResult, waited: float) -> None:
        super().__init__(f"operation {last.uid} is still {last.state} after {waited:g}s")
        self.last = last


@dataclass(frozen=True)
class _Polling:
    """The waits between polls: ``first`` seconds, doubling up to ``longest``, never past the deadline."""

    timeout: float
    first: float
    longest: float

    def __post_init__(self) -> None:
        if self.timeout < 0 or self.first <= 0 or self.longest < self.first:
            raise ValueError("polling needs timeout >= 0 and 0 < first_poll <= max_poll")

    def waits(self) -> Iterator[float]:
        wait = self.first
        while True:
            yield wait
            wait = min(wait * 2, self.longest)


def _operation(result: object) -> OperationResult:
    if not isinstance(result, Operation):
        raise PartnerApiError(f"getOperation answered {type(result).__name__}, not an operation")
    return OperationResult.from_operation(result)


def wait_for_operation(
    airvantage: Client,
    uid: str,
    *,
    timeout: float = DEFAULT_WAIT,
    first_poll: float = DEFAULT_FIRST_POLL,
    max_poll: float = DEFAULT_MAX_POLL,
    company: str | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> OperationResult:
    """Poll operation ``uid`` until it is ``FINISHED``; return how it ended.

    Polls at once, then after ``first_poll`` seconds, doubling up to ``max_poll``, for at
    most ``timeout`` seconds (``sleep`` and ``clock`` are injectable for tests). Raises
    :class:`OperationTimeoutError` (with the last state) when the deadline passes, and the
    client's errors (:class:`UnknownOperationError`, ...).
    """
    polling = _Polling(timeout, first_poll, max_poll)
    deadline = clock() + timeout
    for wait in polling.waits():
        result = _operation(get_operation.sync(uid, client=airvantage, company=_opt(company)))
        remaining = deadline - clock()
        if result.finished:
            return result
        if remaining <= 0:
            raise OperationTimeoutError(result, timeout)
        sleep(min(wait, remaining))
    raise AssertionError("unreachable: the waits never end")  # pragma: no cover


async def await_operation(
    airvantage: Client,
    uid: str,
    *,
    timeout: float = DEFAULT_WAIT,
    first_poll: float = DEFAULT_FIRST_POLL,
    max_poll: float = DEFAULT_MAX_POLL,
    company: str | None = None,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> OperationResult:
    """The async :func:`wait_for_operation`."""
    polling = _Polling(timeout, first_poll, max_poll)
    deadline = clock() + timeout
    for wait in polling.waits():
        result = _operation(await get_operation.asyncio(uid, client=airvantage, company=_opt(company)))
        remaining = deadline - clock()
        if result.finished:
            return result
        if remaining <= 0:
            raise OperationTimeoutError(result, timeout)
        await sleep(min(wait, remaining))
    raise AssertionError("unreachable: the waits never end")  # pragma: no cover


def _partnership(
    partner: str, profile: str | None, message: str | None, notify: bool | None, callback: str | None
) -> PartnershipRequest:
    return PartnershipRequest(
        partner=partner,
        profile=_opt(profile),
        message=_opt(message),
        notify=_opt(notify),
        callback=_opt(callback),
    )


def _started(result: object) -> str:
    if not isinstance(result, OperationRef):
        raise PartnerApiError(f"requestPartnership answered {type(result).__name__}, not an operation")
    return result.operation


def request_partnership_and_wait(
    airvantage: Client,
    partner: str,
    *,
    profile: str | None = None,
    message: str | None = None,
    notify: bool | None = None,
    callback: str | None = None,
    company: str | None = None,
    timeout: float = DEFAULT_WAIT,
    first_poll: float = DEFAULT_FIRST_POLL,
    max_poll: float = DEFAULT_MAX_POLL,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> OperationResult:
    """Ask company ``partner`` to become a partner and wait until the request's operation is ``FINISHED``.

    ``profile`` is the profile the partner's users get in your company. The operation ends
    when the partner accepts (``result.succeeded``), rejects (``result.failed``) or you
    cancel it (``result.cancelled``); that may take as long as the partner takes to answer,
    so choose ``timeout`` accordingly. Raises :class:`PartnerExistsError`,
    :class:`UnknownCompanyError`, :class:`UnknownProfileError`, ... for a refused request,
    and :class:`OperationTimeoutError` when the deadline passes (the request stays open).
    """
    body = _partnership(partner, profile, message, notify, callback)
    uid = _started(request_partnership.sync(client=airvantage, body=body, company=_opt(company)))
    return wait_for_operation(
        airvantage,
        uid,
        timeout=timeout,
        first_poll=first_poll,
        max_poll=max_poll,
        company=company,
        sleep=sleep,
        clock=clock,
    )


async def arequest_partnership_and_wait(
    airvantage: Client,
    partner: str,
    *,
    profile: str | None = None,
    message: str | None = None,
    notify: bool | None = None,
    callback: str | None = None,
    company: str | None = None,
    timeout: float = DEFAULT_WAIT,
    first_poll: float = DEFAULT_FIRST_POLL,
    max_poll: float = DEFAULT_MAX_POLL,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> OperationResult:
    """The async :func:`request_partnership_and_wait`."""
    body = _partnership(partner, profile, message, notify, callback)
    uid = _started(await request_partnership.asyncio(client=airvantage, body=body, company=_opt(company)))
    return await await_operation(
        airvantage,
        uid,
        timeout=timeout,
        first_poll=first_poll,
        max_poll=max_poll,
        company=company,
        sleep=sleep,
        clock=clock,
    )
