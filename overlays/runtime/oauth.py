"""OAuth2 tokens as an httpx auth flow: fetch, reuse, refresh, fall back, and retry once on 401.

:class:`OAuth2Auth` gives every request a bearer token from a :class:`TokenStore`:

- the first request gets a token with the API's own grant (:class:`PasswordGrant` with a
  configurable login field, or :class:`ClientCredentialsGrant`);
- the token is reused until shortly before it expires (``expiry_skew``), then renewed
  with the refresh grant, falling back to the API's own grant when the refresh is refused;
- a request answered 401 is sent once more with a renewed token;
- renewals are single-flight: however many threads (or tasks) find the token stale at
  once, one token request goes out and the others wait for its answer.

:class:`OAuth2Login` is how an overlay says which grant its client logs in with; the
factory (``build_client``) makes the :class:`OAuth2Auth` from it and the spec: the token
endpoint is the spec's token operation, and the form fields the spec fixes for a grant
(``const``: PortSIP's ``scope`` and ``client_id``) go in every form of that grant.

The token request is yielded from the flow, so httpx sends it through the client's own
transport (retries, an ``httpx.MockTransport`` or an ASGI app in tests) without running
the auth flow on it again. Tokens, refresh tokens, passwords and client secrets are held
as :class:`Secret`: they never appear in a repr, a log line or an error message.

An API that logs in some other way (a JSON sign-in, a session login then a status call)
keeps this lifecycle and replaces only how a token is got, through the public extension
points of :class:`OAuth2Auth` (:meth:`~OAuth2Auth.token_request`,
:meth:`~OAuth2Auth.read_token`, :meth:`~OAuth2Auth.obtain` yielding :class:`TokenCall`
steps, :meth:`~OAuth2Auth.login_refused`) and of :class:`OAuth2Login` (:meth:`~OAuth2Login.auth`).
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import Protocol, TypedDict, Unpack

import anyio
import httpx

from partner_apis.specs import ApiSpec

from .errors import ApiResponseError, AuthenticationError, PartnerApiError, error_for_status
from .secrets import Secret

__all__ = [
    "DEFAULT_EXPIRY_SKEW",
    "ClientCredentialsGrant",
    "FormValue",
    "Grant",
    "LoginOptions",
    "OAuth2Auth",
    "OAuth2Login",
    "PasswordGrant",
    "RefreshTokenGrant",
    "Token",
    "TokenCall",
    "TokenSteps",
    "TokenStore",
    "spec_token_url",
    "token_form_constants",
]

log = logging.getLogger("partner_apis.oauth")

# Renew this long before the server's expiry, so a token never expires in flight. A token
# that lives less than twice as long is renewed at half its life instead.
DEFAULT_EXPIRY_SKEW = 60.0

FormValue = str | Secret


def _reveal(fields: Mapping[str, FormValue]) -> dict[str, str]:
    return {name: value.reveal() if isinstance(value, Secret) else value for name, value in fields.items()}


def _secret(value: str | Secret) -> Secret:
    return value if isinstance(value, Secret) else Secret(value)


def _protected(fields: Mapping[str, FormValue] | None) -> dict[str, FormValue]:
    # A client_secret passed as a plain string is still a secret.
    return {
        name: Secret(value) if name in {"client_secret", "password"} and isinstance(value, str) else value
        for name, value in (fields or {}).items()
    }


class Grant(Protocol):
    """A way to ask the token endpoint for a token: the form fields of the request."""

    grant_type: str

    def form(self) -> dict[str, str]:
        """The token request's form fields, secrets revealed (only the flow calls this)."""
        ...


class PasswordGrant:
    """The resource-owner password grant (RFC 6749 section 4.3).

    ``login_field`` names the login's form field: ``username`` in the RFC and for PortSIP,
    ``email`` for Comm100. ``extra`` adds fields such as ``client_id`` or ``scope``.
    """

    grant_type = "password"

    def __init__(
        self,
        login: str,
        password: str | Secret,
        *,
        login_field: str = "username",
        extra: Mapping[str, FormValue] | None = None,
    ) -> None:
        self.login = login
        self.login_field = login_field
        self._password = _secret(password)
        self._extra = _protected(extra)

    def form(self) -> dict[str, str]:
        return {
            "grant_type": self.grant_type,
            **_reveal(self._extra),
            self.login_field: self.login,
            "password": self._password.reveal(),
        }

    def __repr__(self) -> str:
        return f"PasswordGrant(login={self.login!r}, login_field={self.login_field!r}, password={self._password!r})"


class ClientCredentialsGrant:
    """The client-credentials grant (RFC 6749 section 4.4), the client's id and secret in the form."""

    grant_type = "client_credentials"

    def __init__(
        self, client_id: str, client_secret: str | Secret, *, extra: Mapping[str, FormValue] | None = None
    ) -> None:
        self.client_id = client_id
        self._client_secret = _secret(client_secret)
        self._extra = _protected(extra)

    def form(self) -> dict[str, str]:
        return {
            "grant_type": self.grant_type,
            **_reveal(self._extra),
            "client_id": self.client_id,
            "client_secret": self._client_secret.reveal(),
        }

    def __repr__(self) -> str:
        return f"ClientCredentialsGrant(client_id={self.client_id!r}, client_secret={self._client_secret!r})"


class RefreshTokenGrant:
    """The refresh grant (RFC 6749 section 6): a new access token for a refresh token."""

    grant_type = "refresh_token"

    def __init__(self, refresh_token: Secret, *, extra: Mapping[str, FormValue] | None = None) -> None:
        self._refresh_token = refresh_token
        self._extra = _protected(extra)

    def form(self) -> dict[str, str]:
        return {
            "grant_type": self.grant_type,
            **_reveal(self._extra),
            "refresh_token": self._refresh_token.reveal(),
        }

    def __repr__(self) -> str:
        return f"RefreshTokenGrant(refresh_token={self._refresh_token!r})"


@dataclass(frozen=True)
class Token:
    """One token answer: the access token, its refresh token, and when to renew it.

    ``renew_at`` is a reading of the store's clock (None: the server gave no lifetime, so
    the token is used until it is refused).
    """

    access_token: Secret
    refresh_token: Secret | None
    renew_at: float | None


class TokenStore:
    """The token a client holds, shared by all its requests; ``clock`` is injectable for tests."""

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, expiry_skew: float = DEFAULT_EXPIRY_SKEW
    ) -> None:
        if expiry_skew < 0:
            raise ValueError("expiry_skew must be >= 0")
        self.clock = clock
        self.expiry_skew = expiry_skew
        self._token: Token | None = None

    @property
    def current(self) -> Token | None:
        """The last token saved, fresh or not (None before the first one)."""
        return self._token

    def fresh(self) -> Token | None:
        """The current token if it is not yet due for renewal, else None."""
        token = self._token
        if token is None or (token.renew_at is not None and self.clock() >= token.renew_at):
            return None
        return token

    def save(
        self,
        access_token: str,
        refresh_token: str | None,
        expires_in: float | None,
        *,
        keep_refresh_token: bool = False,
    ) -> Token:
        """Store a token answer (``expires_in`` in seconds, None if unknown) and return it.

        With ``keep_refresh_token``, an answer without a refresh token keeps the previous one.
        """
        kept: Secret | None = Secret(refresh_token) if refresh_token is not None else None
        if kept is None and keep_refresh_token and self._token is not None:
            kept = self._token.refresh_token
        renew_at = None
        if expires_in is not None:
            renew_at = self.clock() + expires_in - min(self.expiry_skew, expires_in / 2)
        token = Token(Secret(access_token), kept, renew_at)
        self._token = token
        return token

    def clear(self) -> None:
        """Forget the token: the next request fetches a new one with the API's grant."""
        self._token = None

    def __repr__(self) -> str:
        state = "empty" if self._token is None else ("fresh" if self.fresh() else "stale")
        return f"TokenStore({state})"


# -- the spec's token endpoint --------------------------------------------------------------


def spec_token_url(spec: ApiSpec, operation_id: str = "getToken") -> str:
    """The token operation's URL: absolute when the spec puts it on another host, else its path under the base URL.

    Raises ``KeyError`` when the spec has no such operation.
    """
    operation = spec.operation(operation_id)
    return operation.servers[0].rstrip("/") + operation.path if operation.servers else operation.path


def token_form_constants(spec: ApiSpec, operation_id: str = "getToken") -> dict[str, dict[str, str]]:
    """The form fields the spec fixes (``const``) for each grant type of its token operation, grant_type aside.

    PortSIP: ``{"password": {"scope": "all", "client_id": ...}, "refresh_token":
    {"client_id": ...}}``; an API that fixes nothing gives empty mappings. Raises
    ``KeyError`` when the spec has no such operation.
    """
    constants: dict[str, dict[str, str]] = {}
    for fixed in spec.request_constants(operation_id):
        grant_type = fixed.get("grant_type")
        if isinstance(grant_type, str):
            constants[grant_type] = {name: str(value) for name, value in fixed.items() if name != "grant_type"}
    return constants


class LoginOptions(TypedDict, total=False):
    """What the client factory passes to :meth:`OAuth2Login.auth`: the factory's options for the token flow.

    Keyword arguments of :class:`OAuth2Auth` as well, so an override passes them on as they are.
    """

    expiry_skew: float  # see TokenStore (default DEFAULT_EXPIRY_SKEW)
    clock: Callable[[], float]  # see TokenStore (default time.monotonic)


@dataclass(frozen=True)
class OAuth2Login:
    """How an overlay's client logs in: the grant, and what the token endpoint needs beyond the spec.

    The client factory (``build_client``) makes the :class:`OAuth2Auth` with :meth:`auth`.
    ``token_url`` replaces the spec's token operation (``token_operation``) as the token
    endpoint; ``refresh_extra`` adds fields to the refresh grant (a ``client_id`` the
    partner was given); ``login_error`` is :class:`OAuth2Auth`'s.

    An API with a login form of its own subclasses this (a frozen dataclass: add fields
    as it needs) and overrides :meth:`auth` to return its subclass of :class:`OAuth2Auth`
    (see that class's extension points), made with the ``options`` it is given and
    ``login_error``, so the factory's options still apply.
    """

    grant: Grant
    token_url: str | None = None
    refresh_extra: Mapping[str, FormValue] | None = None
    login_error: Callable[[httpx.Response], PartnerApiError] | None = None
    token_operation: str = "getToken"  # noqa: S105 (an operationId, not a password)

    def auth(self, spec: ApiSpec, base_url: str, **options: Unpack[LoginOptions]) -> OAuth2Auth:
        """The token flow for a client on ``base_url``; raises ``KeyError`` when the spec has no token operation.

        ``build_client`` calls it once per client, with the factory's ``expiry_skew`` and ``clock``.
        """
        return OAuth2Auth(
            self.grant,
            token_url=self.token_url or spec_token_url(spec, self.token_operation),
            base_url=base_url,
            refresh_extra=self.refresh_extra,
            login_error=self.login_error,
            constants=token_form_constants(spec, self.token_operation),
            **options,
        )


# -- the flow ----------------------------------------------------------------------------
#
# The token logic is written once, as a generator of steps that does no I/O; the sync and
# async flows drive it, each with its own lock and its own way of reading a body.


class _Lock(enum.Enum):
    ACQUIRE = "acquire"
    RELEASE = "release"


@dataclass(frozen=True)
class TokenCall:
    """One request of a token exchange, as :meth:`OAuth2Auth.obtain` yields it.

    The flow sends ``request`` through the client's transport (without the auth flow) and
    sends the answer back into the steps, its body already read (sync or async alike).
    """

    request: httpx.Request


TokenSteps = Generator[TokenCall, httpx.Response, Token]
"""What :meth:`OAuth2Auth.obtain` is: yields :class:`TokenCall` steps, is sent their answers, returns the token."""

_Step = _Lock | TokenCall | httpx.Request
_Steps = Generator[_Step, httpx.Response | None, None]
_TokenSteps = Generator[_Step, httpx.Response | None, Token]


def _expires_in(value: object) -> float | None:
    # Comm100 types expires_in as a string but answers a number: take either.
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float) and value >= 0:
        try:
            return float(value)
        except OverflowError:  # an integer too large for a float: no usable lifetime
            return None
    if isinstance(value, str) and value.strip().isdigit():
        return float(value.strip())
    return None


def _login_error(response: httpx.Response, grant_type: str) -> PartnerApiError:
    # RFC 6749 answers refused credentials with 400 (invalid_grant) or 401 (invalid_client).
    if response.status_code in {400, 401}:
        return AuthenticationError(response, _refusal(response, grant_type))
    return error_for_status(response) or ApiResponseError(
        response, f"the {grant_type} grant was answered {response.status_code}, not a token"
    )


def _refusal(response: httpx.Response, grant_type: str) -> str:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict):
        reason = body.get("error_description") or body.get("error") or body.get("message")
        if isinstance(reason, str) and reason:
            return f"the {grant_type} grant was refused: {reason}"
    return f"the {grant_type} grant was refused"


class OAuth2Auth(httpx.Auth):
    """Bearer tokens from an OAuth2 token endpoint, fetched and renewed as needed.

    ``token_url`` is absolute, or relative to ``base_url`` (the client's base URL; without
    one, to the request's origin). ``grant`` gets the first token and is the fallback when
    the refresh grant (sent with ``refresh_extra``, e.g. a ``client_id``) is refused;
    ``refresh=False`` always uses ``grant``. ``constants`` are the fields the token
    endpoint fixes for each grant type, added to every form of that grant (the grant's own
    fields win). Raises ``AuthenticationError`` when the token endpoint refuses the grant
    (400/401), another ``PartnerApiError`` for any other failed token answer, and
    ``ApiResponseError`` for a success without an ``access_token``; ``login_error``
    replaces that choice of error for an API with its own error types (it is given the
    refused token answer, its body already read).

    Another login form (extension points): the flow keeps the lifecycle (the store, reuse
    until the renewal point, one renewal at a time, one retry on 401) and asks these
    public methods for a token, so a subclass overrides only what its vendor does
    differently:

    - :meth:`token_request` builds the HTTP request for a grant's form (another URL per
      grant, a JSON body, ...);
    - :meth:`read_token` reads a successful token answer and keeps it (another answer
      shape, a refusal hidden in a success);
    - :meth:`login_refused` is the error for a failed answer to the API's own grant;
    - :meth:`obtain` is the whole exchange, a generator that yields :class:`TokenCall`
      steps and is sent their answers (several calls, no refresh grant, ...).

    They do no I/O of their own and are called with the renewal lock held, so they run
    once per renewal however many callers wait for it.
    """

    requires_request_body = True

    def __init__(
        self,
        grant: Grant,
        *,
        token_url: str,
        base_url: str | httpx.URL | None = None,
        refresh: bool = True,
        refresh_extra: Mapping[str, FormValue] | None = None,
        store: TokenStore | None = None,
        expiry_skew: float = DEFAULT_EXPIRY_SKEW,
        clock: Callable[[], float] = time.monotonic,
        prefix: str = "Bearer",
        login_error: Callable[[httpx.Response], PartnerApiError] | None = None,
        constants: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self.grant = grant
        self._constants = {grant_type: dict(fields) for grant_type, fields in (constants or {}).items()}
        self._login_error = login_error
        self.store = store or TokenStore(clock=clock, expiry_skew=expiry_skew)
        self.prefix = prefix
        self._token_url = self._resolve(httpx.URL(token_url), base_url)
        self._relative_url = httpx.URL(token_url)
        self._refresh = refresh
        self._refresh_extra = _protected(refresh_extra)
        # One renewal at a time: a thread lock for sync callers, an async lock for tasks
        # (a task must never block its event loop on a thread lock).
        self._thread_lock = threading.Lock()
        self._task_lock = anyio.Lock()

    @staticmethod
    def _resolve(url: httpx.URL, base_url: str | httpx.URL | None) -> httpx.URL | None:
        if url.is_absolute_url:
            return url
        if base_url is None:
            return None
        # Like httpx's own base_url merge: the token path goes under the base URL's path.
        base = str(base_url).rstrip("/")
        return httpx.URL(base + "/" + str(url).lstrip("/"))

    def token_request(self, form: dict[str, str], request: httpx.Request) -> httpx.Request:
        """The token request for a grant's ``form`` (``grant_type`` included, secrets revealed) and the API ``request``.

        By default a ``POST`` of the form, with the endpoint's fixed fields for its grant
        type, to the token URL (relative to the client's base URL, else to ``request``'s
        origin), carrying ``request``'s extensions (its timeout). An override may use
        ``form`` as it likes (it is the caller's copy) and should keep the extensions.
        """
        url = self._token_url or request.url.join(self._relative_url)
        return httpx.Request(
            "POST",
            url,
            data={**self._constants.get(form["grant_type"], {}), **form},
            headers={"Accept": "application/json"},
            # The API request's timeout (and other transport options) apply to the token request too.
            extensions=dict(request.extensions),
        )

    def _authorize(self, request: httpx.Request, token: Token) -> None:
        request.headers["Authorization"] = f"{self.prefix} {token.access_token.reveal()}"

    # -- the steps (no I/O) ----------------------------------------------------------------

    def _steps(self, request: httpx.Request) -> _Steps:
        token = self.store.fresh()
        if token is None:
            token = yield from self._renew(request, rejected=None)
        self._authorize(request, token)
        response = yield request
        if response is None or response.status_code != 401:
            return
        # The token was refused (revoked, or expired early by the server's clock): renew it
        # unless another caller already has, and send the request once more.
        token = yield from self._renew(request, rejected=token)
        self._authorize(request, token)
        yield request

    def _renew(self, request: httpx.Request, rejected: Token | None) -> _TokenSteps:
        yield _Lock.ACQUIRE
        token = self.store.fresh()
        # Another caller may have renewed the token while this one waited for the lock.
        if token is None or token is rejected:
            token = yield from self.obtain(request)
        yield _Lock.RELEASE
        return token

    # -- the extension points: how a token is got ------------------------------------------

    def obtain(self, request: httpx.Request) -> TokenSteps:
        """Get a new token for the API ``request``: yield each :class:`TokenCall`, be sent its answer, return the token.

        By default: the refresh grant when a refresh token is held (and ``refresh`` is
        on), falling back to ``grant`` when it is refused; each request from
        :meth:`token_request`, each success read by :meth:`read_token`, a failed answer to
        ``grant`` raised as :meth:`login_refused`. Whatever it raises reaches the caller
        (the renewal lock is released); it must return the token :meth:`read_token` kept.
        """
        held = self.store.current
        if self._refresh and held is not None and held.refresh_token is not None:
            grant = RefreshTokenGrant(held.refresh_token, extra=self._refresh_extra)
            log.debug("renewing the token with the refresh grant")
            answer = yield TokenCall(self.token_request(grant.form(), request))
            if answer.is_success:
                return self.read_token(answer, renewal=True)
            log.debug(
                "the refresh grant was answered %s; using the %s grant", answer.status_code, self.grant.grant_type
            )
        log.debug("getting a token with the %s grant", self.grant.grant_type)
        answer = yield TokenCall(self.token_request(self.grant.form(), request))
        if not answer.is_success:
            raise self.login_refused(answer)
        return self.read_token(answer, renewal=False)

    def login_refused(self, answer: httpx.Response) -> PartnerApiError:
        """The error to raise for a failed ``answer`` (body read) to a login: ``login_error``'s if given.

        Else ``AuthenticationError`` for 400 or 401 (RFC 6749's refusals, with the
        server's ``error_description``), the status's ``PartnerApiError`` otherwise.
        """
        if self._login_error is not None:
            return self._login_error(answer)
        return _login_error(answer, self.grant.grant_type)

    def read_token(self, answer: httpx.Response, *, renewal: bool) -> Token:
        """Read a successful token ``answer`` (body read), keep it in the store and return it.

        Takes RFC 6749's JSON (``access_token``, optional ``refresh_token`` and
        ``expires_in``, a number or a string of digits). ``renewal``: the answer renews a
        token, so one without a refresh token keeps the held one (RFC 6749 section 6); a
        login never inherits one. Raises ``ApiResponseError`` when it carries no
        ``access_token``; an override may raise another ``PartnerApiError``.
        """
        try:
            body = answer.json()
        except ValueError:
            body = None
        access_token = body.get("access_token") if isinstance(body, dict) else None
        if not isinstance(access_token, str) or not access_token:
            raise ApiResponseError(answer, "the token answer carries no access_token")
        assert isinstance(body, dict)
        refresh_token = body.get("refresh_token")
        return self.store.save(
            access_token,
            refresh_token if isinstance(refresh_token, str) and refresh_token else None,
            _expires_in(body.get("expires_in")),
            # A renewal without a new refresh token keeps the old one (RFC 6749 section 6);
            # a fresh login never inherits one, which may be the very token just refused.
            keep_refresh_token=renewal,
        )

    # -- the drivers -----------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.read()
        steps = self._steps(request)
        held = False
        try:
            step = next(steps)
            while True:
                reply: httpx.Response | None = None
                if step is _Lock.ACQUIRE:
                    self._thread_lock.acquire()
                    held = True
                elif step is _Lock.RELEASE:
                    self._thread_lock.release()
                    held = False
                elif isinstance(step, TokenCall):
                    reply = yield step.request
                    reply.read()
                else:
                    assert isinstance(step, httpx.Request)
                    reply = yield step
                try:
                    step = steps.send(reply)
                except StopIteration:
                    return
        finally:
            # Also when httpx closes the flow early (a connection error, a cancelled call).
            if held:
                self._thread_lock.release()
            steps.close()

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        await request.aread()
        steps = self._steps(request)
        held = False
        try:
            step = next(steps)
            while True:
                reply: httpx.Response | None = None
                if step is _Lock.ACQUIRE:
                    await self._task_lock.acquire()
                    held = True
                elif step is _Lock.RELEASE:
                    self._task_lock.release()
                    held = False
                elif isinstance(step, TokenCall):
                    reply = yield step.request
                    await reply.aread()
                else:
                    assert isinstance(step, httpx.Request)
                    reply = yield step
                try:
                    step = steps.send(reply)
                except StopIteration:
                    return
        finally:
            if held:
                self._task_lock.release()
            steps.close()

    def __repr__(self) -> str:
        url = self._token_url or self._relative_url
        return f"OAuth2Auth(token_url={str(url)!r}, grant={self.grant!r}, store={self.store!r})"
