"""PortSIP PBX REST API, dealers: a ready ``portsip_dealers_client`` from a username and a password.

PortSIP PBX is self-hosted: there is no vendor host, so :func:`client` takes the PBX's
``host`` (the API is then ``https://<host>:8887/api``, the vendor's server object) or a
full ``base_url``. What the overlay adds to the generated client, each pinned by a test
in tests/overlays/test_portsip_dealers.py:

- the token lifecycle (:class:`~partner_apis.overlays.runtime.OAuth2Auth`) configured for
  PortSIP: the password grant at ``/login/oauth/token`` with ``username``, ``scope=all``
  and the fixed ``client_id`` (the spec's getToken: its path and the values its request
  schema fixes), reuse until shortly before expiry, the refresh grant (with the
  ``client_id``) falling back to the password grant, one retry on 401, one renewal at a
  time. That form is the developer guide's and the default; ``login="sign_in"`` signs in
  with the vendor's JSON pair instead (signInWithCredentials at ``/auth/sign_in``, renewed
  with refreshToken at ``/auth/refresh_token``, both in the vendor's own OpenAPI file),
  with the same lifecycle; ``login="session"`` with its session pair (``POST /login``,
  then ``GET /login`` tells the session's token; no refresh: a new session instead). A
  user with two-factor authentication cannot sign in with the JSON sign-in
  (:class:`PortsipTwoFactorRequired`);
- typed errors with the vendor's words: every failure answer raises a :class:`PortsipError`
  (``code``, ``message``, ``detail``) that is also the runtime's status class
  (``NotFoundError``, ``ConflictError``, ...); a refused login raises
  :class:`PortsipAuthenticationError` although PortSIP answers it 400;
- :func:`iter_dealers` / :func:`aiter_dealers`: every dealer of a query, page by page;
- a client class, :class:`PortsipClient`, whose copies (``with_options``) share its
  connection pool and token.

What the generated client already gets right, pinned by tests as well: ids are opaque
strings, sent and returned as they are; update's 200 with no body and destroy's 204 come
back as success (``None``), not as an unexpected status; a 4xx body that is not JSON
never reaches the generated parser (the error is raised first).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any, Literal, TypedDict, Unpack

import httpx
from attrs import define
from portsip_dealers_client import Client
from portsip_dealers_client.api.dealers import list_dealers
from portsip_dealers_client.models.dealer import Dealer
from portsip_dealers_client.models.dealer_list import DealerList

from partner_apis.specs import ApiSpec, api_spec
from partner_apis.specs.model import server_url as fill_server_url

from .runtime import (
    ApiStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    Listing,
    LoginOptions,
    NotFoundError,
    OAuth2Auth,
    OAuth2Login,
    OverlayClient,
    PartnerApiError,
    PasswordGrant,
    PermissionDeniedError,
    RateLimitError,
    Secret,
    ServerError,
    Token,
    TokenCall,
    TokenOptions,
    TokenSteps,
    UnprocessableEntityError,
    build_client,
    redact,
    vendor_error,
)
from .runtime.errors import parse_body
from .runtime.oauth import token_form_constants

__all__ = [
    "CLIENT_ID",
    "DEFAULT_PORT",
    "KEY",
    "PAGE_SIZE",
    "TOKEN_PATH",
    "DealerQuery",
    "PortsipAuthenticationError",
    "PortsipBadRequestError",
    "PortsipClient",
    "PortsipConflictError",
    "PortsipError",
    "PortsipNotFoundError",
    "PortsipPermissionDeniedError",
    "PortsipRateLimitError",
    "PortsipServerError",
    "PortsipTwoFactorRequired",
    "PortsipUnprocessableEntityError",
    "aiter_dealers",
    "client",
    "error_for",
    "iter_dealers",
    "server_url",
]

KEY = "portsip-dealers"
_SERVER = api_spec(KEY).raw["servers"][0]  # {protocol}://{hostname}:{port}/api, the vendor's server object
# The web portal's HTTPS port, the server object's default (8888 is plain HTTP).
DEFAULT_PORT = int(_SERVER["variables"]["port"]["default"])
TOKEN_PATH = api_spec(KEY).operation("getToken").path  # /login/oauth/token, under the base URL
# The developer guide's fixed client id ("The value is always 9d806019-..."), a const of getToken's request.
CLIENT_ID = token_form_constants(api_spec(KEY))["password"]["client_id"]
PAGE_SIZE = 100  # the largest `top` the API takes


# -- typed errors -----------------------------------------------------------------------------


class PortsipError(ApiStatusError):
    """A failure answer in PortSIP's shape, ``{"errors": [{"code", "message", "detail"}]}``.

    Attributes beyond the runtime's (``status``, ``body``, ``vendor_message``): ``code``
    (the first error's code, ``UNKNOWN`` when the body has none: treat any code you do
    not know as ``UNKNOWN``, as the vendor asks), ``message`` (its message), ``detail``
    (its optional detail) and ``errors`` (every error of the answer, as dicts). Each
    subclass is also the runtime's class for the status, so ``except NotFoundError``
    catches :class:`PortsipNotFoundError`.
    """

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.errors = _error_items(parse_body(response))
        first = self.errors[0] if self.errors else {}
        code = first.get("code")
        text = first.get("message")
        self.code: str = code if isinstance(code, str) and code else "UNKNOWN"
        self.message: str | None = text if isinstance(text, str) else None
        self.detail: Any = first.get("detail")
        super().__init__(response, message or (f"{self.code}: {self.message}" if self.message else self.code))

    def __repr__(self) -> str:
        message = redact(str(self.vendor_message))
        return f"{type(self).__name__}(status={self.status}, code={self.code!r}, message={message!r})"


# The runtime's status_error_class picks these for their statuses (declared, so that each is
# public and documented); a status without one of its own raises PortsipError itself.


class PortsipBadRequestError(PortsipError, BadRequestError):
    """400: refused as invalid (``VALIDATE_FAILED``: ``detail`` names the fields)."""


class PortsipAuthenticationError(PortsipError, AuthenticationError):
    """401 on a dealer call (a missing or expired token), or a login refused with 400 ``UNAUTHORIZED``."""


class PortsipPermissionDeniedError(PortsipError, PermissionDeniedError):
    """403: the caller may not (a dealer acting at or above its own level, or on its own record)."""


class PortsipNotFoundError(PortsipError, NotFoundError):
    """404: no such dealer below the caller (unknown, destroyed, or in another branch)."""


class PortsipConflictError(PortsipError, ConflictError):
    """409: the dealer name is already in use."""


class PortsipTwoFactorRequired(PortsipAuthenticationError):
    """The sign-in answered a two-factor step (``two_factor_enabled``): the user must finish it with an OTP.

    The overlay does not drive ``/auth/send_otp`` and ``/auth/verify_otp``; sign such a
    user in by other means and pass the resulting token to your own client.
    """


class PortsipUnprocessableEntityError(PortsipError, UnprocessableEntityError):
    """422: the request is well formed but its content is refused."""


class PortsipRateLimitError(PortsipError, RateLimitError):
    """429: too many requests (after any retries)."""


class PortsipServerError(PortsipError, ServerError):
    """5xx: the PBX failed (after any retries)."""


def _error_items(body: Any) -> list[dict[str, Any]]:
    errors = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(errors, list):
        return []
    return [item for item in errors if isinstance(item, dict)]


def error_for(response: httpx.Response) -> PartnerApiError | None:
    """The :class:`PortsipError` for a failure answer (status >= 400), None for success.

    The status picks the class; the body (read already) gives ``code``, ``message`` and
    ``detail``, and any body at all is accepted (a proxy's HTML page gives ``UNKNOWN``).
    """
    return vendor_error(PortsipError, response)


def _login_error(response: httpx.Response) -> PartnerApiError:
    # PortSIP refuses a login with 400 UNAUTHORIZED (the Authentication page's sample):
    # a refused grant, however it is answered, is an authentication failure.
    if response.status_code in {400, 401}:
        return PortsipAuthenticationError(response)
    error = error_for(response)
    assert error is not None  # only a failed token answer gets here
    return error


# -- the JSON sign-in and the session login (the vendor's own OpenAPI file) ----------------------
#
# Both keep the runtime's token lifecycle (the store, renewal before expiry, one renewal at
# a time, one retry on 401) and replace only how a token is got, through OAuth2Auth's
# extension points.


class _SignInAuth(OAuth2Auth):
    """OAuth2Auth's lifecycle over PortSIP's JSON pair: signInWithCredentials, renewed with refreshToken.

    Only the token requests differ from the form endpoint (their URL and a JSON body), so
    only :meth:`token_request` is replaced, and :meth:`read_token` refuses a two-factor step.
    """

    def __init__(self, grant: PasswordGrant, *, sign_in_url: str, refresh_url: str, **options: Any) -> None:
        super().__init__(grant, token_url=sign_in_url, **options)
        self._urls = {"password": httpx.URL(sign_in_url), "refresh_token": httpx.URL(refresh_url)}

    def token_request(self, form: dict[str, str], request: httpx.Request) -> httpx.Request:
        grant_type = form["grant_type"]
        if grant_type == "password":
            body = {"username": form["username"], "password": form["password"]}
        else:
            body = {"refresh_token": form["refresh_token"]}
        return httpx.Request(
            "POST",
            self._urls[grant_type],
            json=body,
            headers={"Accept": "application/json"},
            extensions=dict(request.extensions),
        )

    def read_token(self, answer: httpx.Response, *, renewal: bool) -> Token:
        body = parse_body(answer)
        if isinstance(body, dict) and body.get("two_factor_enabled") and not body.get("access_token"):
            raise PortsipTwoFactorRequired(answer, "two-factor authentication is enabled for this user")
        return super().read_token(answer, renewal=renewal)


class _SessionAuth(OAuth2Auth):
    """OAuth2Auth's lifecycle over PortSIP's session pair: ``POST /login``, then ``GET /login`` for its token.

    The login answers no body; the session it opens travels in the cookie it sets (the
    vendor documents none: the simulator's), and the status call tells the session's access
    token and ``expires_in``. There is no refresh token: a token about to expire, or
    refused, is replaced by a new session.
    """

    def __init__(self, grant: PasswordGrant, *, login_url: str, **options: Any) -> None:
        super().__init__(grant, token_url=login_url, refresh=False, **options)
        self._login_url = httpx.URL(login_url)

    def obtain(self, request: httpx.Request) -> TokenSteps:
        # Two token calls instead of one; the runtime's steps (lock, store, retry on 401) stay.
        form = self.grant.form()
        credentials = {"username": form["username"], "password": form["password"]}
        extensions = dict(request.extensions)
        login = yield TokenCall(httpx.Request("POST", self._login_url, json=credentials, extensions=extensions))
        if not login.is_success:
            raise self.login_refused(login)
        session = httpx.Cookies()
        session.extract_cookies(login)
        headers = {"Accept": "application/json"}
        if session:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in session.items())
        status = yield TokenCall(httpx.Request("GET", self._login_url, headers=headers, extensions=extensions))
        if not status.is_success:
            raise error_for(status) or PortsipError(status)
        return self.read_token(status, renewal=False)


@dataclass(frozen=True)
class _SignIn(OAuth2Login):
    """How a ``login="sign_in"`` (or ``"session"``) client logs in: the spec's paths for those operations."""

    session: bool = False

    def auth(self, spec: ApiSpec, base_url: str, **options: Unpack[LoginOptions]) -> OAuth2Auth:
        base = base_url.rstrip("/")
        assert isinstance(self.grant, PasswordGrant)
        if self.session:
            login_url = base + spec.operation("login").path
            return _SessionAuth(
                self.grant, login_url=login_url, base_url=base_url, login_error=self.login_error, **options
            )
        return _SignInAuth(
            self.grant,
            sign_in_url=base + spec.operation("signInWithCredentials").path,
            refresh_url=base + spec.operation("refreshToken").path,
            base_url=base_url,
            login_error=self.login_error,
            **options,
        )


LoginForm = Literal["oauth", "sign_in", "session"]


# -- the client -------------------------------------------------------------------------------


@define
class PortsipClient(OverlayClient, Client):
    """The generated ``portsip_dealers_client.Client`` with the overlay runtime, as :func:`client` returns it."""


def server_url(host: str, *, port: int = DEFAULT_PORT, protocol: str = "https") -> str:
    """The API's base URL on a PBX: ``https://<host>:8887/api`` (use port 8888 with ``protocol="http"``).

    Raises ``ValueError`` for a protocol other than https or http.
    """
    return fill_server_url(_SERVER, {"hostname": host, "port": port, "protocol": protocol})


def client(
    username: str,
    password: str | Secret,
    *,
    host: str | None = None,
    base_url: str | None = None,
    login: LoginForm = "oauth",
    **options: Unpack[TokenOptions],
) -> PortsipClient:
    """Return a ``portsip_dealers_client.Client`` (a :class:`PortsipClient`) signed in as ``username``.

    ``username`` is the system administrator or a dealer.

    Give the PBX's ``host`` (``https://<host>:8887/api``, see :func:`server_url`) or its
    ``base_url``, exactly one. The token is fetched on the first call and renewed as
    needed: with the developer guide's token form (``login="oauth"``, the default), with
    the vendor's JSON sign-in and refresh (``login="sign_in"``), or with its session login
    and status (``login="session"``: ``POST /login``, then ``GET /login`` for the token). Every failure raises
    a :class:`PortsipError` (a refused login
    :class:`PortsipAuthenticationError`); idempotent calls are retried. ``options`` are
    :class:`~partner_apis.overlays.runtime.TokenOptions` (timeout, retry, transports,
    expiry_skew, clock, and httpx_args: ``verify`` for a PBX's own certificate
    authority, a proxy, ...). Raises ``ValueError`` without a host or base URL, or with
    both, or for an unknown ``login``, and ``TypeError`` for an ``httpx_args`` key the
    runtime owns.
    """
    if (host is None) == (base_url is None):
        raise ValueError("give the PBX's host or its base_url (exactly one): PortSIP PBX is self-hosted")
    url = base_url if base_url is not None else server_url(host or "")
    if login not in ("oauth", "sign_in", "session"):
        raise ValueError(f"login must be 'oauth', 'sign_in' or 'session', not {login!r}")
    grant = PasswordGrant(username, password)
    if login == "oauth":
        auth = OAuth2Login(grant, login_error=_login_error)
    else:
        auth = _SignIn(grant, login_error=_login_error, session=login == "session")
    return build_client(PortsipClient, key=KEY, base_url=url, auth=auth, error_for=error_for, **options)


# -- every dealer, page by page ----------------------------------------------------------------


class DealerQuery(TypedDict, total=False):
    """Which dealers :func:`iter_dealers` walks: ``filter_`` (``"level eq 'RESELLER'"``), ``search``, ``orderby``."""

    filter_: str | None
    search: str | None
    orderby: str | None


_DEALERS = Listing("listDealers", DealerList, offset="skip", size="top", page_size=PAGE_SIZE)


def iter_dealers(portsip: Client, **query: Unpack[DealerQuery]) -> Iterator[Dealer]:
    """Yield every dealer the caller may see that matches the query, 100 a page (``skip``/``top``).

    A page is fetched only when the one before is used up; the walk ends at ``count``
    (every match) or at an empty page. Raises the client's errors.
    """
    return _DEALERS.iter(functools.partial(list_dealers.sync, client=portsip), **query)


def aiter_dealers(portsip: Client, **query: Unpack[DealerQuery]) -> AsyncIterator[Dealer]:
    """The async :func:`iter_dealers`: ``async for dealer in aiter_dealers(client): ...``."""
    return _DEALERS.aiter(functools.partial(list_dealers.asyncio, client=portsip), **query)
