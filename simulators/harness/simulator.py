"""What every API's simulator shares beyond the request pipeline: its base classes and ``create_app``.

An API's simulator subclasses :class:`SpecSimulator` (or :class:`OAuthSimulator`, when its
spec has a ``getToken`` operation: the token endpoint of RFC 6749 and its error answers
are written once, here), names each handler after its operation (``changeSiteStatus`` ->
``change_site_status``), and gets its ``create_app`` from :func:`app_factory`, with the
simulator's own keyword options.
"""

from __future__ import annotations

import functools
import hmac
import inspect
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, Generic, ParamSpec, TypeVar

from starlette.requests import Request

from partner_apis.specs import ApiSpec, api_spec

from .app import (
    Call,
    Handler,
    Operation,
    Reply,
    Simulator,
    SimulatorApp,
    build_app,
    handler_name,
    query_values,
    served_path,
)
from .auth import bearer_token
from .errors import SimError
from .faults import VendorFault, build_faulty_app
from .tokens import TokenIssuer
from .validation import Body

__all__ = [
    "NO_STORE",
    "OAUTH_ERRORS",
    "TOKEN_OPERATION",
    "OAuthSimulator",
    "SpecSimulator",
    "app_factory",
    "oauth_error",
    "same_secret",
    "schema_enum",
    "schema_properties",
    "token_path",
]

Holder = TypeVar("Holder")
P = ParamSpec("P")

TOKEN_OPERATION = "getToken"  # noqa: S105 (an operationId, not a password)
# RFC 6749 section 5.1: a token answer must not be cached.
NO_STORE: Mapping[str, str] = MappingProxyType({"Cache-Control": "no-store", "Pragma": "no-cache"})
# RFC 6749 section 5.2's error codes; any other refusal of a token request is invalid_request.
OAUTH_ERRORS = frozenset(
    {"invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type"}
)


def token_path(key: str) -> str:
    """Where the simulator of ``key`` serves its token endpoint (the spec's ``getToken``, on its own server if any).

    Raises ``KeyError`` for an unknown key or a spec without ``getToken``.
    """
    return served_path(api_spec(key), TOKEN_OPERATION)


def schema_properties(key: str, schema: str) -> tuple[str, ...]:
    """The property names of one of the spec's component schemas (``Dealer``), in the spec's order.

    Raises ``KeyError`` for an unknown key or schema.
    """
    spec = api_spec(key)
    return tuple(spec.resolve(spec.schemas[schema]).get("properties", {}))


def schema_enum(key: str, schema: str) -> tuple[Any, ...]:
    """The values of one of the spec's enum schemas (``DealerLevel``), in the spec's order.

    Raises ``KeyError`` for an unknown key or schema, or a schema without ``enum``.
    """
    spec = api_spec(key)
    return tuple(spec.resolve(spec.schemas[schema])["enum"])


def same_secret(expected: str | None, given: str) -> bool:
    """Whether ``given`` is the secret ``expected`` (constant time; no secret matches None)."""
    return expected is not None and hmac.compare_digest(expected.encode(), given.encode())


def oauth_error(error: SimError) -> Reply:
    """A refused token request as RFC 6749 section 5.2 answers it: ``{"error", "error_description"}``.

    A field problem is named in the description, never quoted: the validator's words
    repeat the form, password included.
    """
    description = error.message
    if error.problems:
        description += f" ({', '.join(sorted({problem.field for problem in error.problems}))})"
    code = error.code if error.code in OAUTH_ERRORS else "invalid_request"
    return Reply(error.status, {"error": code, "error_description": description}, error.headers)


class SpecSimulator:
    """The base of an API's simulator: its spec, and each operation's handler found by name.

    ``declared_media_type_only``: see :class:`~.validation.BodyValidator`.
    ``vendor_faults``: the vendor's own ways of failing, by name, that a fault profile's
    ``vendor`` faults inject (see :mod:`.faults`).
    """

    key: str
    declared_media_type_only: ClassVar[bool] = False
    vendor_faults: ClassVar[Mapping[str, VendorFault]] = MappingProxyType({})

    @property
    def spec(self) -> ApiSpec:
        """The model of this simulator's spec (``KeyError`` for a key without one)."""
        return api_spec(self.key)

    def handlers(self) -> dict[str, Handler]:
        """Every handler of a spec operation: the method named after its operationId (``get_site``)."""
        names = [handler_name(operation.operation_id) for operation in self.spec]
        return {name: getattr(self, name) for name in names if callable(getattr(self, name, None))}


class OAuthSimulator(SpecSimulator, Generic[Holder]):
    """A simulator with an OAuth2 token endpoint (the spec's ``getToken``): grants, rotation, refusals.

    ``get_token`` serves the grants the spec's token request admits: ``refresh_token``
    spends a refresh token (it works once, until it expires) and any other grant asks
    :meth:`grant` who the login is. An answer carries a refresh token unless the grant is
    ``client_credentials`` (RFC 6749 section 4.4.3) and is never cached. A refused login
    or refresh is 400 with ``login_refused`` or ``refresh_refused`` (code, message), and
    every refusal of the token request is answered in RFC 6749's shape unless
    ``oauth_errors`` is False (a vendor that answers its own shape there). A call's token
    is a bearer header's, or also the query's with ``query_token`` (:meth:`access_token`).
    """

    tokens: TokenIssuer[Holder]
    # Tokens that never expire (Comm100 v4's partners bring theirs ready-made), by token.
    fixed_tokens: Mapping[str, Holder] = MappingProxyType({})
    login_refused: ClassVar[tuple[str, str]] = ("invalid_grant", "The email or password is incorrect.")
    refresh_refused: ClassVar[tuple[str, str]] = (
        "invalid_grant", "The refresh token is invalid, expired or already used.",
    )  # fmt: skip
    oauth_errors: ClassVar[bool] = True
    query_token: ClassVar[bool] = False
    # The vendor's 401s (code, message, WWW-Authenticate challenge): without a token, and
    # with one that is unknown or expired.
    missing_token: ClassVar[tuple[str, str, str]] = ("unauthorized", "a bearer token is required", "Bearer")
    invalid_token: ClassVar[tuple[str, str, str]] = (
        "unauthorized", "the bearer token is invalid or expired", 'Bearer error="invalid_token"',
    )  # fmt: skip

    def grant(self, grant_type: str, form: Mapping[str, Any], client: Any) -> Holder | None:
        """Who a (non-refresh) grant's login is, or None when it is refused; may raise SimError."""
        raise SimError(400, "unsupported_grant_type", f"The {grant_type} grant is not supported.")

    def token_client(self, call: Call) -> Any:
        """The API client a token request authenticates as (None: the vendor authenticates none); may raise SimError."""
        return None

    def may_refresh(self, holder: Holder, form: Mapping[str, Any], client: Any) -> bool:
        """Whether this request may spend a refresh token of ``holder`` (bound to its client, still allowed)."""
        return True

    def get_token(self, call: Call) -> Reply:
        """The token endpoint (see the class); raises SimError for a refused grant or client."""
        form = call.body
        grant_type = form["grant_type"]
        self.tokens.count(grant_type)
        client = self.token_client(call)
        if grant_type == "refresh_token":
            holder = self.tokens.redeem(form["refresh_token"])
            if holder is None or not self.may_refresh(holder, form, client):
                raise SimError(400, *self.refresh_refused)
        else:
            holder = self.grant(grant_type, form, client)
            if holder is None:
                raise SimError(400, *self.login_refused)
        return Reply(200, self.tokens.issue(holder, refresh=grant_type != "client_credentials"), NO_STORE)

    def token_refused(self, *, missing: bool = False) -> SimError:
        """The vendor's 401 for a call without a token (``missing``) or with an unknown or expired one."""
        code, message, challenge = self.missing_token if missing else self.invalid_token
        return SimError(401, code, message, headers={"WWW-Authenticate": challenge})

    def token_holder(self, token: str | None) -> Holder:
        """Whose live access token ``token`` is: one of ``fixed_tokens``' or an issued one's.

        Raises :meth:`token_refused`'s 401 without a token, or for an unknown or expired one.
        """
        if token is None:
            raise self.token_refused(missing=True)
        holder = self.fixed_tokens.get(token) or self.tokens.holder(token)
        if holder is None:
            raise self.token_refused()
        return holder

    def access_token(self, request: Request) -> str | None:
        """The access token a call carries: its ``Authorization: Bearer`` header's, else (when
        ``query_token``) its ``access_token`` query parameter's (RFC 6750 section 2.3)."""
        token = bearer_token(request)
        if token is None and self.query_token:
            token = query_values(request).get("access_token", [""])[-1] or None
        return token

    def admit(self, holder: Holder) -> Any:
        """The principal a live token's holder calls as; raises SimError (403) for one the vendor refuses."""
        return holder

    def authenticate(self, request: Request, operation: Operation, body: Body) -> Any:
        """The caller of a secured operation: :meth:`admit` of the holder of its :meth:`access_token`."""
        return self.admit(self.token_holder(self.access_token(request)))

    def render_error(self, error: SimError) -> Reply:
        """A refusal of the token request in RFC 6749's shape (when ``oauth_errors``), else :meth:`vendor_error`'s."""
        if self.oauth_errors and error.operation_id == TOKEN_OPERATION:
            return oauth_error(error)
        return self.vendor_error(error)

    def vendor_error(self, error: SimError) -> Reply:
        """A refusal in the vendor's own shape."""
        raise NotImplementedError


def app_factory(simulator: Callable[P, Simulator]) -> Callable[P, SimulatorApp]:
    """A ``create_app`` for a simulator class: it takes the class's options and builds a fresh app.

    The app has the simulator at ``app.state.simulator``. ``inspect.signature`` of the
    factory shows the class's options (the registry and the CLI read them there), and two
    more every simulator takes: ``faults`` (a shipped fault profile's name or a TOML
    file's path, see :mod:`.faults`; None: no faults) and ``fault_seed`` (the seed of its
    draws, default 0). The factory raises what the class raises for options it refuses,
    and ``FaultProfileError`` (a ``ValueError``) for a bad profile.
    """

    def create_app(*args: P.args, **kwargs: P.kwargs) -> SimulatorApp:
        faults: str | Path | None = kwargs.pop("faults", None)  # type: ignore[assignment]
        fault_seed: int = kwargs.pop("fault_seed", 0)  # type: ignore[assignment]
        if faults is None:
            return build_app(simulator(*args, **kwargs))
        return build_faulty_app(simulator(*args, **kwargs), faults, fault_seed)

    functools.update_wrapper(create_app, simulator, assigned=("__module__",), updated=())
    # The class's options and the fault options, as the registry reads them (annotations
    # evaluated: this signature is read as it is, not resolved again).
    signature = inspect.signature(simulator, eval_str=True)
    fault_options = [
        inspect.Parameter("faults", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=str | Path | None),
        inspect.Parameter("fault_seed", inspect.Parameter.KEYWORD_ONLY, default=0, annotation=int),
    ]
    parameters = list(signature.parameters.values())
    tail = [p for p in parameters if p.kind is inspect.Parameter.VAR_KEYWORD]
    head = [p for p in parameters if p.kind is not inspect.Parameter.VAR_KEYWORD]
    create_app.__signature__ = signature.replace(parameters=[*head, *fault_options, *tail])  # type: ignore[attr-defined]
    create_app.__doc__ = (
        f"Return the ASGI app of a fresh {getattr(simulator, '__name__', 'simulator')} (``app.state.simulator``);"
        " the options are the simulator's."
    )
    return create_app
