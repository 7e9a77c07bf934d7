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
from typing import Any, TypedDict, Unpack, cast
from urllib.parse import urlsplit

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

from partner_apis.specs import api_spec

from . import runtime
from .runtime import (
    ApiStatusError,
    ClientCredentialsGrant,
    Listing,
    OAuth2Login,
    OverlayClient,
    PartnerApiError,
    PasswordGrant,
    Secret,
    TokenOptions,
    build_client,
    error_for_status,
    expect,
    given,
    selected_fields,
    vendor_error,
)
from .runtime.errors import parse_body
from .runtime.oauth import FormValue, Grant
from .runtime.waiting import WaitTimeoutError, await_until, wait_until

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
    "OperationQuery",
    "OperationResult",
    "OperationTimeoutError",
    "PartnerExistsError",
    "PartnerQuery",
    "Partnership",
    "RequestQuery",
    "UnknownCompanyError",
    "UnknownOperationError",
    "UnknownPartnerError",
    "UnknownProfileError",
    "UnknownRequestError",
    "Waiting",
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
# The spec's servers, by the region that starts their host name: na, eu.
REGIONS = {str(urlsplit(url).hostname).split(".")[0]: url for url in api_spec(KEY).server_urls}
DEFAULT_BASE_URL = REGIONS["na"]
TOKEN_PATH = api_spec(KEY).operation("getToken").path  # /oauth/token, under the base URL

DEFAULT_PAGE_SIZE = 100


@define
class AirVantageClient(OverlayClient, Client):
    """The generated ``airvantage_partners_client.Client`` with the overlay runtime, as :func:`client` returns it."""


def client(
    client_id: str,
    client_secret: str | Secret,
    *,
    base_url: str | None = None,
    region: str | None = None,
    username: str | None = None,
    password: str | Secret | None = None,
    company: str | None = None,
    **options: Unpack[TokenOptions],
) -> AirVantageClient:
    """Return an ``airvantage_partners_client.Client`` (an :class:`AirVantageClient`) acting as ``client_id``.

    It gets its own tokens as that API client.

    The client-credentials grant is used unless ``username`` and ``password`` are given
    (then the password grant, as that user, renewed with the refresh grant). ``region``
    (``"na"`` or ``"eu"``) or ``base_url`` picks the server (default NA; ``base_url`` aims
    at a simulator). ``company`` (a company uid) is sent as the ``company`` query
    parameter on every call that does not name one itself, as the vendor's Go client and
    airvantage.js do: the calls then act for that company (a sub-company the caller
    manages; another answers ``company.unknown``). Every failure raises a ``partner_apis.overlays.runtime`` error, a
    dotted code its :class:`AirVantageError` subclass; idempotent calls are retried.
    ``options`` are :class:`~partner_apis.overlays.runtime.TokenOptions` (timeout, retry,
    transports, httpx_args, expiry_skew, clock). Raises ``ValueError`` for an unknown
    region, for both ``region`` and ``base_url``, or for only one of ``username`` and
    ``password``.
    """
    if region is not None and base_url is not None:
        raise ValueError("give region or base_url, not both")
    if region is not None and region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; known: {', '.join(sorted(REGIONS))}")
    if (username is None) != (password is None):
        raise ValueError("the password grant needs both username and password")
    # Sent with the password and refresh grants too: the API client authenticates every token request.
    credentials: dict[str, FormValue] = {"client_id": client_id, "client_secret": client_secret}
    grant: Grant
    if username is not None and password is not None:
        grant = PasswordGrant(username, password, extra=credentials)
    else:
        grant = ClientCredentialsGrant(client_id, client_secret)
    login = OAuth2Login(grant, refresh_extra=credentials)
    url = base_url or REGIONS[region or "na"]
    if company is not None:
        # httpx merges the client's params under each request's own: a call naming a company keeps it.
        httpx_args = dict(options.get("httpx_args") or {})
        httpx_args["params"] = httpx.QueryParams(httpx_args.get("params")).set("company", company)
        options["httpx_args"] = httpx_args
    return build_client(AirVantageClient, key=KEY, base_url=url, auth=login, error_for=error_for, **options)


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


def error_for(response: httpx.Response) -> PartnerApiError | None:
    """The error an AirVantage answer stands for, or None for a success.

    A failure whose body carries a dotted ``error`` code is the code's
    :class:`AirVantageError` subclass (:class:`AirVantageError` itself for a code not in
    the table), that is also the runtime's class for the status; any other failure (an
    OAuth ``invalid_token``, a proxy's page) is the runtime's status error. The body must
    already be read.
    """
    if response.status_code < 400:
        return None
    body = parse_body(response)
    code = body.get("error") if isinstance(body, dict) else None
    if not isinstance(code, str) or "." not in code:
        return error_for_status(response)
    return vendor_error(_BY_CODE.get(code, AirVantageError), response)


# -- field selection ------------------------------------------------------------------------------


def select_fields(operation_id: str, fields: Iterable[str] | str | None) -> str | Unset:
    """The ``fields`` parameter for ``operation_id`` (``findPartners``, ``listRequests``): names joined by commas.

    ``fields`` is a list of names or a comma-separated string; None leaves the parameter
    out (the server's default fields). Raises ``ValueError`` for a name the spec does not
    list as selectable (``x-selectable-fields``), or for an operation without a ``fields``
    parameter.
    """
    selected = selected_fields(KEY, operation_id, fields)
    return UNSET if selected is None else selected


# -- auto-pagination ------------------------------------------------------------------------------


class OperationQuery(TypedDict, total=False):
    """What every list walk takes: ``company`` (the context company's uid) and ``page_size`` (default 100)."""

    company: str | None
    page_size: int


class PartnerQuery(OperationQuery, total=False):
    """Which partners :func:`iter_partners` walks, and the ``fields`` each carries (default uid and name)."""

    fields: Iterable[str] | str | None
    name: str | None
    profile: str | None
    order_by: PartnerOrderBy | str | None


class RequestQuery(OperationQuery, total=False):
    """Which requests :func:`iter_requests` walks, and the ``fields`` each carries (default uid, type, date)."""

    fields: Iterable[str] | str | None
    request_by: str | None
    before: int | None


# Every list pages by offset/size, its pages saying where they start and how many match.
_PARTNERS = Listing("findPartners", PartnerList, page_size=DEFAULT_PAGE_SIZE, pages_say_offset=True)
_REQUESTS = Listing("listRequests", RequestList, page_size=DEFAULT_PAGE_SIZE, pages_say_offset=True)
_OPERATIONS = Listing("findOperations", OperationList, page_size=DEFAULT_PAGE_SIZE, pages_say_offset=True)


def _partners(query: PartnerQuery) -> dict[str, Any]:
    # Checked before anything is sent: an unselectable field, an unknown order.
    order_by = query.get("order_by")
    return {
        **query,
        "fields": select_fields("findPartners", query.get("fields")),
        "order_by": None if order_by is None else PartnerOrderBy(order_by),
    }


def _requests(query: RequestQuery) -> dict[str, Any]:
    return {**query, "fields": select_fields("listRequests", query.get("fields"))}


def iter_partners(airvantage: Client, **query: Unpack[PartnerQuery]) -> Iterator[Partner]:
    """Yield every partner matching the criteria, page by page (``page_size`` a page, fetched as needed).

    ``fields`` picks the attributes each partner carries (default ``uid``, ``name``).
    Raises the client's errors, ``ValueError`` for an unselectable field, and
    ``PagingError`` if the server's pages do not end.
    """
    return _PARTNERS.iter(functools.partial(find_partners.sync, client=airvantage), **_partners(query))


def aiter_partners(airvantage: Client, **query: Unpack[PartnerQuery]) -> AsyncIterator[Partner]:
    """The async :func:`iter_partners`: ``async for partner in aiter_partners(client): ...``."""
    return _PARTNERS.aiter(functools.partial(find_partners.asyncio, client=airvantage), **_partners(query))


def iter_requests(airvantage: Client, **query: Unpack[RequestQuery]) -> Iterator[Request]:
    """Yield every incoming request waiting for an answer (default fields ``uid``, ``type``, ``date``), page by page."""
    return _REQUESTS.iter(functools.partial(list_requests.sync, client=airvantage), **_requests(query))


def aiter_requests(airvantage: Client, **query: Unpack[RequestQuery]) -> AsyncIterator[Request]:
    """The async :func:`iter_requests`."""
    return _REQUESTS.aiter(functools.partial(list_requests.asyncio, client=airvantage), **_requests(query))


def iter_operations(airvantage: Client, **query: Unpack[OperationQuery]) -> Iterator[Operation]:
    """Yield every operation of the context company, oldest first, page by page."""
    return _OPERATIONS.iter(functools.partial(find_operations.sync, client=airvantage), **query)


def aiter_operations(airvantage: Client, **query: Unpack[OperationQuery]) -> AsyncIterator[Operation]:
    """The async :func:`iter_operations`."""
    return _OPERATIONS.aiter(functools.partial(find_operations.asyncio, client=airvantage), **query)


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


def _result(answer: object) -> OperationResult:
    return OperationResult.from_operation(expect(answer, Operation, "getOperation"))


def _finished(result: OperationResult) -> bool:
    return result.finished


class OperationTimeoutError(WaitTimeoutError):
    """The operation was not ``FINISHED`` by the deadline; ``last`` is how it stood at the last poll."""

    last: OperationResult

    def __init__(self, last: OperationResult, waited: float) -> None:
        super().__init__(last, waited, f"operation {last.uid} is still {last.state} after {waited:g}s")


class Waiting(runtime.Waiting, total=False):
    """How to wait for an operation: the runtime's ``timeout``, ``first_poll``, ``max_poll``, and ``company``'s uid."""

    company: str | None


class Partnership(Waiting, total=False):
    """A partnership request's ``profile``, ``message``, ``notify`` and ``callback``, and :class:`Waiting`."""

    profile: str | None
    message: str | None
    notify: bool | None
    callback: str | None


def _polling(waiting: Waiting) -> tuple[dict[str, str], runtime.Waiting]:
    # The context company goes with every poll; the rest says how to wait.
    rest = {name: value for name, value in waiting.items() if name != "company"}
    return given(company=waiting.get("company")), cast(runtime.Waiting, rest)


def wait_for_operation(
    airvantage: Client,
    uid: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    **waiting: Unpack[Waiting],
) -> OperationResult:
    """Poll operation ``uid`` until it is ``FINISHED``; return how it ended.

    Polls at once, then after ``first_poll`` seconds, doubling up to ``max_poll``, for at
    most ``timeout`` seconds (:class:`Waiting`; ``sleep`` and ``clock`` are injectable for
    tests). Raises :class:`OperationTimeoutError` (with the last state) when the deadline
    passes, and the client's errors (:class:`UnknownOperationError`, ...).
    """
    company, polling = _polling(waiting)

    def poll() -> OperationResult:
        return _result(get_operation.sync(uid, client=airvantage, **company))

    return wait_until(poll, _finished, sleep=sleep, clock=clock, timeout_error=OperationTimeoutError, **polling)


async def await_operation(
    airvantage: Client,
    uid: str,
    *,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    clock: Callable[[], float] = time.monotonic,
    **waiting: Unpack[Waiting],
) -> OperationResult:
    """The async :func:`wait_for_operation`."""
    company, polling = _polling(waiting)

    async def poll() -> OperationResult:
        return _result(await get_operation.asyncio(uid, client=airvantage, **company))

    return await await_until(poll, _finished, sleep=sleep, clock=clock, timeout_error=OperationTimeoutError, **polling)


def _partnership(partner: str, request: Partnership) -> tuple[PartnershipRequest, Waiting]:
    fields = ("profile", "message", "notify", "callback")
    body = PartnershipRequest(partner=partner, **given(**{name: request.get(name) for name in fields}))
    return body, cast(Waiting, {name: value for name, value in request.items() if name not in fields})


def request_partnership_and_wait(
    airvantage: Client,
    partner: str,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    **request: Unpack[Partnership],
) -> OperationResult:
    """Ask company ``partner`` to become a partner and wait until the request's operation is ``FINISHED``.

    ``profile`` is the profile the partner's users get in your company. The operation ends
    when the partner accepts (``result.succeeded``), rejects (``result.failed``) or you
    cancel it (``result.cancelled``); that may take as long as the partner takes to answer,
    so choose ``timeout`` accordingly (:class:`Partnership`). Raises
    :class:`PartnerExistsError`, :class:`UnknownCompanyError`,
    :class:`UnknownProfileError`, ... for a refused request, and
    :class:`OperationTimeoutError` when the deadline passes (the request stays open).
    """
    body, waiting = _partnership(partner, request)
    answer = request_partnership.sync(client=airvantage, body=body, **given(company=waiting.get("company")))
    started = expect(answer, OperationRef, "requestPartnership")
    return wait_for_operation(airvantage, started.operation, sleep=sleep, clock=clock, **waiting)


async def arequest_partnership_and_wait(
    airvantage: Client,
    partner: str,
    *,
    sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    clock: Callable[[], float] = time.monotonic,
    **request: Unpack[Partnership],
) -> OperationResult:
    """The async :func:`request_partnership_and_wait`."""
    body, waiting = _partnership(partner, request)
    answer = await request_partnership.asyncio(client=airvantage, body=body, **given(company=waiting.get("company")))
    started = expect(answer, OperationRef, "requestPartnership")
    return await await_operation(airvantage, started.operation, sleep=sleep, clock=clock, **waiting)
