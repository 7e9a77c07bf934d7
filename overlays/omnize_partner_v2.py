"""Omnize partner API v2: a ready ``omnize_partner_v2_client`` from one call, and its paged lists walked.

v2 is the same vendor's machinery as v1 (:mod:`.omnize_partner`), reused rather than
copied: the runtime's :class:`~.runtime.PlacedTokenAuth` puts the partner token where
each operation takes it (the spec's ``x-token-location``), once, and sends an agent's
password as its SHA-256 digest (:func:`~.runtime.sha256_digest`, as v1's
``password_digest``); :func:`~.runtime.failure_in_body` turns an HTTP 200 with
``success: false`` into v1's :class:`~.omnize_partner.OmnizeError` (the same failure shape,
so one ``except`` catches both versions' refusals). What is v2's own: its answers keyed by
resource (``agents``, ``agent``, ``departments``, ``department``), ``department_ids`` on
agents, and the lists :func:`iter_agents` and :func:`iter_departments` (sync and async).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator
from typing import Unpack

import httpx
from attrs import define, field
from omnize_partner_v2_client import AuthenticatedClient
from omnize_partner_v2_client.api.agents import list_agents
from omnize_partner_v2_client.api.departments import list_departments
from omnize_partner_v2_client.models import (
    Agent,
    AgentListSuccess,
    Department,
    DepartmentListSuccess,
    ListAgentsColumn,
    ListAgentsDirection,
    ListDepartmentsColumn,
    ListDepartmentsDirection,
)

from partner_apis.specs import api_spec

from .omnize_partner import ACCEPT_JSON, ListQuery, OmnizeError, password_digest
from .runtime import (
    ApiResponseError,
    ClientOptions,
    FieldPaths,
    OverlayClient,
    PlacedTokenAuth,
    Secret,
    build_client,
    failure_in_body,
)
from .runtime.paging import NumberedListing

__all__ = [
    "DEFAULT_BASE_URL",
    "KEY",
    "PASSWORD_FIELDS",
    "OmnizeError",
    "OmnizeV2Client",
    "aiter_agents",
    "aiter_departments",
    "client",
    "error_for",
    "iter_agents",
    "iter_departments",
    "password_digest",
]

KEY = "omnize-partner-v2"
DEFAULT_BASE_URL = api_spec(KEY).server_urls[0]  # https://zchat.zenvia.io/partner/api

# Where each operation carries a password, as a path into its JSON body. A test checks
# this table against every `password` property of the spec's request bodies.
PASSWORD_FIELDS: dict[str, FieldPaths] = {
    "createAgent": (("agent", "password"),),
    "updateAgent": (("agent", "password"),),
}


def error_for(response: httpx.Response) -> ApiResponseError | None:
    """The error an Omnize v2 answer stands for, or None for a success.

    HTTP >= 400 keeps the runtime's status errors; an HTTP 200 whose body says
    ``success: false``, or has no ``success`` flag, or is not a JSON object, is
    :class:`~.omnize_partner.OmnizeError`. The body must already be read.
    """
    return failure_in_body(response, OmnizeError)


@define
class OmnizeV2Client(OverlayClient, AuthenticatedClient):
    """The generated ``AuthenticatedClient``, with the partner token carried by the runtime's ``PlacedTokenAuth``.

    As v1's client: the header slot holds no secret (``Accept: application/json``) and the
    token lives only in the auth flow, masked in every repr. ``with_options(...)`` returns
    a copy sharing the connection pool and token.
    """

    token: str = field(default="application/json", repr=False)
    prefix: str = field(default="", repr=False)
    auth_header_name: str = field(default="Accept", repr=False)


def client(
    token: str | Secret, *, base_url: str = DEFAULT_BASE_URL, **options: Unpack[ClientOptions]
) -> OmnizeV2Client:
    """Return an ``omnize_partner_v2_client`` client that sends ``token`` the way Omnize expects.

    Pass it to any generated function; never pass the token per call. Every failure
    raises: :class:`~.omnize_partner.OmnizeError` for ``success: false``, the runtime's
    status and connection errors otherwise; idempotent calls are retried. ``options`` are
    :class:`~partner_apis.overlays.runtime.ClientOptions`. Raises ``ValueError`` for an
    empty token, ``TypeError`` for an ``httpx_args`` key the runtime owns.
    """
    auth = PlacedTokenAuth(KEY, token, base_url=base_url, digested=PASSWORD_FIELDS, digest=password_digest)
    return build_client(
        OmnizeV2Client, key=KEY, base_url=base_url, auth=auth, error_for=error_for, headers=ACCEPT_JSON, **options
    )


# v1's paging (:class:`~.omnize_partner.ListQuery`): the lists' items keyed by resource.
_AGENTS = NumberedListing("listAgents", AgentListSuccess, items="agents")
_DEPARTMENTS = NumberedListing("listDepartments", DepartmentListSuccess, items="departments")
_AgentQuery = ListQuery[ListAgentsColumn, ListAgentsDirection]
_DepartmentQuery = ListQuery[ListDepartmentsColumn, ListDepartmentsDirection]


def iter_agents(client: AuthenticatedClient, account_id: int, **query: Unpack[_AgentQuery]) -> Iterator[Agent]:
    """As v1's :func:`~.omnize_partner.iter_agents`: every agent of the account, a page at a time.

    Raises :class:`~.omnize_partner.OmnizeError` when Omnize refuses, ``PagingError``
    when a page repeats the one before (a server that ignores ``page``).
    """
    return _AGENTS.iter(functools.partial(list_agents.sync, client=client), account_id=account_id, **query)


def aiter_agents(client: AuthenticatedClient, account_id: int, **query: Unpack[_AgentQuery]) -> AsyncIterator[Agent]:
    """The async :func:`iter_agents`."""
    return _AGENTS.aiter(functools.partial(list_agents.asyncio, client=client), account_id=account_id, **query)


def iter_departments(
    client: AuthenticatedClient, account_id: int, **query: Unpack[_DepartmentQuery]
) -> Iterator[Department]:
    """Every department of the account (matching ``search``, in ``column``/``direction`` order), a page at a time.

    Raises :class:`~.omnize_partner.OmnizeError` when Omnize refuses, ``PagingError``
    when a page repeats the one before.
    """
    call = functools.partial(list_departments.sync, client=client)
    return _DEPARTMENTS.iter(call, account_id=account_id, **query)


def aiter_departments(
    client: AuthenticatedClient, account_id: int, **query: Unpack[_DepartmentQuery]
) -> AsyncIterator[Department]:
    """The async :func:`iter_departments`."""
    call = functools.partial(list_departments.asyncio, client=client)
    return _DEPARTMENTS.aiter(call, account_id=account_id, **query)
