"""Omnize partner API: a ready ``omnize_partner_client`` from one call, and the strings a client builds.

What the overlay adds to the generated client, each pinned by a test in
tests/overlays/test_omnize_partner.py:

- a failure inside an HTTP 200 (``success: false``, or URL login's non-200 ``status``)
  raises :class:`OmnizeError`, so no failure is ever returned as a result;
- the partner token goes where each operation takes it (the spec's ``x-token-location``:
  the query string for GETs, the JSON body otherwise), exactly once, from the factory;
- a password (an agent's, an account's) goes on the wire as the lowercase hex SHA-256 of
  its UTF-8 bytes, and a value that already is a digest is not hashed twice;
- ``loginPartner`` is sent to the URL-login host, not the partner API's;
- ``DELETE /accounts/{id}`` and ``DELETE /agents/{id}`` always carry their JSON body (the
  token), body or not;
- the client talks to the October 2020 host (:data:`DEFAULT_BASE_URL`) unless given the
  March 2019 one (:data:`LEGACY_BASE_URL`, deprecated: a ``DeprecationWarning``);
- the paged lists (October 2020) are walked item by item: :func:`iter_agents`,
  :func:`iter_accounts` and their async forms, a page at a time.

Helpers: :func:`widget_snippet`, :func:`login_link`, and :func:`login` / :func:`alogin`
(URL login, documented only in March 2019: deprecated, a ``DeprecationWarning``).
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, TypedDict, TypeVar, Unpack
from urllib.parse import urlencode

import httpx
from attrs import define, field
from omnize_partner_client import AuthenticatedClient
from omnize_partner_client.api.accounts import list_accounts
from omnize_partner_client.api.agents import list_agents
from omnize_partner_client.api.url_login import login_partner
from omnize_partner_client.models import (
    AccountListSuccess,
    AccountSummary,
    Agent,
    AgentListSuccess,
    ListAccountsColumn,
    ListAccountsDirection,
    ListAgentsColumn,
    ListAgentsDirection,
    LoginPartnerRequest,
    LoginPartnerSuccess,
)

from partner_apis.specs import api_spec

from .runtime import (
    REQUEST_ID_HEADERS,
    ApiResponseError,
    ClientOptions,
    FailureInBodyError,
    FieldPaths,
    OperationTable,
    OverlayClient,
    PlacedTokenAuth,
    Secret,
    build_client,
    expect,
    failure_in_body,
    operation_table,
)
from .runtime import sha256_digest as password_digest
from .runtime.paging import NumberedListing

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_LOGIN_BASE_URL",
    "KEY",
    "LEGACY_BASE_URL",
    "LOGIN_LINK_BASE",
    "PASSWORD_FIELDS",
    "ListQuery",
    "OmnizeClient",
    "OmnizeError",
    "OmnizeLoginError",
    "PartnerTokenAuth",
    "aiter_accounts",
    "aiter_agents",
    "alogin",
    "client",
    "error_for",
    "iter_accounts",
    "iter_agents",
    "login",
    "login_link",
    "password_digest",
    "widget_snippet",
]

KEY = "omnize-partner"
_LOGIN_OPERATION = "loginPartner"
# The October 2020 host, the spec's first server: https://zchat.zenvia.io/partner/api
DEFAULT_BASE_URL = api_spec(KEY).server_urls[0]
# The March 2019 host, the spec's second server (deprecated): http://partner.omnize.com/api/v1
LEGACY_BASE_URL = api_spec(KEY).server_urls[1]
# URL login's own host (an AWS API Gateway), the spec's server for loginPartner.
DEFAULT_LOGIN_BASE_URL = api_spec(KEY).operation(_LOGIN_OPERATION).servers[0]
LOGIN_LINK_BASE = "https://login.omnize.com.br"
# What the header slot of an Omnize client (v1's or v2's) holds: Omnize reads no auth header.
ACCEPT_JSON = {"Accept": "application/json"}

# Where each operation carries a password, as a path into its JSON body. A test checks
# this table against every `password` property of the spec's request bodies.
PASSWORD_FIELDS: dict[str, FieldPaths] = {
    "createAgent": (("agent", "password"),),
    "updateAgent": (("agent", "password"),),
    "createAccount": (("password",),),
}


class OmnizeError(FailureInBodyError):
    """Omnize refused the call inside an HTTP 200: ``{"success": false, "errors": "..."}``.

    ``vendor_message`` is Omnize's own message ("Invalid token", "Account not found"),
    ``body`` the parsed failure body and ``raw_body`` its bytes; ``status`` is the HTTP
    status (200).
    """


class OmnizeLoginError(OmnizeError):
    """URL login refused to issue a token: ``{"message": "...", "status": <not 200>}`` inside an HTTP 200.

    ``login_status`` is the ``status`` the body reports (None when it has none).
    ``request_id`` is the AWS API Gateway request id URL login's host answers with
    (``x-amzn-RequestId``, else ``x-amz-apigw-id``), for Omnize's support.
    """

    # URL login is served by AWS API Gateway (an execute-api host), whose answers carry these.
    request_id_headers = ("x-amzn-requestid", "x-amz-apigw-id", *REQUEST_ID_HEADERS)

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        super().__init__(response, message)
        status = self.body.get("status") if isinstance(self.body, dict) else None
        self.login_status = status if isinstance(status, int) else None


def error_for(response: httpx.Response, operations: OperationTable | None = None) -> ApiResponseError | None:
    """The error an Omnize answer stands for, or None for a success.

    HTTP >= 400 keeps the runtime's status errors; an HTTP 200 whose body says
    ``success: false`` is :class:`OmnizeError`, a URL-login body with a non-200
    ``status`` or no token is :class:`OmnizeLoginError`, and a partner-API body that is
    not a JSON object with a ``success`` flag (a proxy's page, say) is
    :class:`OmnizeError` too. ``operations`` is the client's operation table (default:
    the spec's base path and login host). The body must already be read.
    """
    return failure_in_body(response, OmnizeError, unflagged=functools.partial(_url_login, operations=operations))


def _url_login(response: httpx.Response, body: dict[str, Any], operations: OperationTable | None) -> OmnizeError | None:
    # URL login alone answers without a success flag: a status and, when it issues one, a token.
    operation = (operations or operation_table(KEY)).find(response.request.method, response.request.url.path)
    if operation is None or operation.operation_id != _LOGIN_OPERATION:
        return OmnizeError(response, "the answer has no success flag")
    return OmnizeLoginError(response) if body.get("status") != 200 or not body.get("token") else None


class PartnerTokenAuth(PlacedTokenAuth):
    """Put the partner token where each operation takes it, hash passwords, and aim URL login at its host.

    The token goes in the query string or the JSON body as the spec's
    ``x-token-location`` says (query for a GET the spec does not know, body otherwise),
    replacing any token the request already carries, so it is sent exactly once; the
    :data:`PASSWORD_FIELDS` go as their :func:`password_digest`. ``base_url`` is the
    client's (default: the spec's), for finding each request's operation. Raises
    ``ValueError`` for a body-token operation whose body is not a JSON object.
    """

    def __init__(
        self,
        token: str | Secret,
        login_base_url: str | httpx.URL = DEFAULT_LOGIN_BASE_URL,
        *,
        base_url: str | None = None,
    ) -> None:
        servers = {_LOGIN_OPERATION: str(login_base_url)}
        super().__init__(KEY, token, base_url=base_url, servers=servers, digested=PASSWORD_FIELDS)


@define
class OmnizeClient(OverlayClient, AuthenticatedClient):
    """The generated ``AuthenticatedClient``, with the partner token carried by :class:`PartnerTokenAuth`.

    The generated functions of secured operations require an ``AuthenticatedClient``,
    which can only send its token as a header. Omnize reads no auth header, so this
    class's header slot holds no secret: it sends ``Accept: application/json`` (Omnize
    answers JSON) and the real token lives only in the auth flow, masked in every repr.
    ``with_options(timeout=..., max_retries=..., retry=..., headers=...)`` (and
    ``with_headers``/``with_timeout``) return a copy sharing this client's connection
    pool and token; this client is unchanged.
    """

    token: str = field(default="application/json", repr=False)
    prefix: str = field(default="", repr=False)
    auth_header_name: str = field(default="Accept", repr=False)


def client(
    token: str | Secret,
    *,
    base_url: str = DEFAULT_BASE_URL,
    login_base_url: str = DEFAULT_LOGIN_BASE_URL,
    **options: Unpack[ClientOptions],
) -> OmnizeClient:
    """Return an ``omnize_partner_client`` client that sends ``token`` the way Omnize expects.

    Pass it to any generated function (``create_agent.sync(client=..., body=...)``); never
    pass the token per call. Every failure raises: :class:`OmnizeError` for Omnize's
    ``success: false``, :class:`OmnizeLoginError` for a refused URL login, the runtime's
    status and connection errors otherwise; idempotent calls are retried. Point
    ``base_url``/``login_base_url`` at a simulator in tests (``base_url=LEGACY_BASE_URL``
    reaches the March 2019 host, with a ``DeprecationWarning``); ``options`` are
    :class:`~partner_apis.overlays.runtime.ClientOptions` (timeout, retry, transports,
    httpx_args). Raises ``ValueError`` for an empty token, ``TypeError`` for an
    ``httpx_args`` key the runtime owns.
    """
    auth = PartnerTokenAuth(token, login_base_url, base_url=base_url)
    if base_url.rstrip("/") == LEGACY_BASE_URL:
        warnings.warn(
            "Omnize's March 2019 host (LEGACY_BASE_URL) is deprecated: the October 2020 revision of the partner"
            " API serves it from DEFAULT_BASE_URL",
            DeprecationWarning,
            stacklevel=2,
        )
    return build_client(
        OmnizeClient,
        key=KEY,
        base_url=base_url,
        auth=auth,
        error_for=functools.partial(error_for, operations=auth.operations),
        headers=ACCEPT_JSON,
        servers={_LOGIN_OPERATION: login_base_url},
        **options,
    )


def _login_token(answer: object) -> str:
    # error_for raised for every refusal already.
    return expect(answer, LoginPartnerSuccess, _LOGIN_OPERATION).token


_URL_LOGIN_DEPRECATED = (
    "Omnize's URL login (loginPartner) is deprecated: only the March 2019 partner page documents it, and the"
    " October 2020 revision drops it"
)


def login(client: AuthenticatedClient, username: str) -> str:
    """Issue a login token for the agent whose e-mail is ``username`` (URL login's ``loginPartner``).

    Deprecated (a ``DeprecationWarning``): only the March 2019 page documents URL login.
    Build the agent's link with :func:`login_link`. Raises :class:`OmnizeLoginError`
    when Omnize refuses (unknown agent, another partner's, an inactive account).
    """
    warnings.warn(_URL_LOGIN_DEPRECATED, DeprecationWarning, stacklevel=2)
    answer = login_partner.sync(client=client, body=LoginPartnerRequest(username=username))
    return _login_token(answer)


async def alogin(client: AuthenticatedClient, username: str) -> str:
    """The async form of :func:`login` (deprecated too)."""
    warnings.warn(_URL_LOGIN_DEPRECATED, DeprecationWarning, stacklevel=2)
    answer = await login_partner.asyncio(client=client, body=LoginPartnerRequest(username=username))
    return _login_token(answer)


# The October 2020 lists (and v2's): pages numbered from 1, ``limit`` items each (the spec
# allows up to 1000), no total; a short page is the last.
_AGENTS = NumberedListing("listAgents", AgentListSuccess, items="data")
_ACCOUNTS = NumberedListing("listAccounts", AccountListSuccess, items="data")
Column = TypeVar("Column")
Direction = TypeVar("Direction")


class ListQuery(TypedDict, Generic[Column, Direction], total=False):
    """What a paged list (v1's or v2's) is walked by: ``search``, ``column``/``direction`` order, ``page_size``."""

    search: str | None
    column: Column | None
    direction: Direction | None
    page_size: int | None


def iter_agents(
    client: AuthenticatedClient, account_id: int, **query: Unpack[ListQuery[ListAgentsColumn, ListAgentsDirection]]
) -> Iterator[Agent]:
    """Every agent of the account (matching ``search``, in ``column``/``direction`` order), a page at a time.

    Raises :class:`OmnizeError` when Omnize refuses (an unknown account), ``PagingError``
    when a page repeats the one before (a server that ignores ``page``).
    """
    return _AGENTS.iter(functools.partial(list_agents.sync, client=client), account_id=account_id, **query)


def aiter_agents(
    client: AuthenticatedClient, account_id: int, **query: Unpack[ListQuery[ListAgentsColumn, ListAgentsDirection]]
) -> AsyncIterator[Agent]:
    """The async :func:`iter_agents`."""
    return _AGENTS.aiter(functools.partial(list_agents.asyncio, client=client), account_id=account_id, **query)


def iter_accounts(
    client: AuthenticatedClient, **query: Unpack[ListQuery[ListAccountsColumn, ListAccountsDirection]]
) -> Iterator[AccountSummary]:
    """Every account of the partner (matching ``search``, in ``column``/``direction`` order), a page at a time.

    Raises :class:`OmnizeError` when Omnize refuses, ``PagingError`` when a page repeats
    the one before.
    """
    return _ACCOUNTS.iter(functools.partial(list_accounts.sync, client=client), **query)


def aiter_accounts(
    client: AuthenticatedClient, **query: Unpack[ListQuery[ListAccountsColumn, ListAccountsDirection]]
) -> AsyncIterator[AccountSummary]:
    """The async :func:`iter_accounts`."""
    return _ACCOUNTS.aiter(functools.partial(list_accounts.asyncio, client=client), **query)


def login_link(login_token: str | LoginPartnerSuccess) -> str:
    """The link an agent logs in with: ``https://login.omnize.com.br?token=<login token>``.

    Takes the token :func:`login` returns (or URL login's answer). Raises ``ValueError``
    for an empty token.
    """
    value = login_token.token if isinstance(login_token, LoginPartnerSuccess) else login_token
    if not value:
        raise ValueError("the login token is empty")
    return f"{LOGIN_LINK_BASE}?{urlencode({'token': value})}"


# The doc's snippet, with its mojibake heading ("InÃcio") written as the "Início" it was.
_WIDGET = """<!-- Início do script Omnize -->
  <script>
    document.addEventListener('DOMContentLoaded',function(){
      var JSLink=location.protocol+'//widget.omnize.com',JSElement=document.createElement('script');
      JSElement.async=!0;
      JSElement.src=JSLink;
      JSElement.onload=OnceLoaded;
      document.getElementsByTagName('body')[0].appendChild(JSElement);
      function OnceLoaded(){
        wOmz.init({id:ACCOUNT_ID});
      }
    },false);
  </script>
<!-- Fim do script Omnize -->
"""


def widget_snippet(account_id: int) -> str:
    """The HTML/JS snippet that puts an account's chat widget on a web page.

    Raises ``ValueError`` unless ``account_id`` is a positive integer (it is written into
    JavaScript, so nothing else may reach it).
    """
    if isinstance(account_id, bool) or not isinstance(account_id, int) or account_id < 1:
        raise ValueError(f"an account id is a positive integer, not {account_id!r}")
    return _WIDGET.replace("ACCOUNT_ID", str(account_id))
