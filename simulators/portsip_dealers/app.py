"""The PortSIP PBX dealers simulator: installations, the dealer hierarchy, tokens that expire.

Rules beyond the spec's schemas, each as the vendor's material states or implies it:
- Several installations (``installations=N``), each a PBX of its own with its own
  administrator. They share the simulator's URL, so a login names its installation by
  its credentials, and the token it gets carries the installation: nothing another
  installation holds is ever seen, changed or counted. A login whose name and password
  fit more than one installation is refused rather than guessed (a simulator-only case:
  real installations are separate servers).
- ``POST /api/login/oauth/token``: the password grant (``username``, ``password``,
  ``scope=all`` and the fixed ``client_id``) for the administrator or an enabled dealer,
  and the refresh grant. Access tokens expire after ``token_lifetime`` seconds; refresh
  tokens rotate (each works once). A refused login is 400 ``UNAUTHORIZED``, a refused
  refresh 400 ``UNKNOWN`` (the Authentication page's samples); a malformed form is 400
  ``VALIDATE_FAILED``.
- Every dealer call needs a live token (401 ``UNAUTHORIZED`` otherwise), also refused
  once its dealer is destroyed or disabled.
- The hierarchy (admin guide, chapter 22): the administrator creates any level, a
  DISTRIBUTOR creates SUB_DISTRIBUTORs and RESELLERs, a SUB_DISTRIBUTOR creates RESELLERs,
  a RESELLER none (403 ``FORBIDDEN``). A dealer belongs to its creator.
- Visibility (``x-inferred``; the guide says each level "can manage only the levels below
  it"): the administrator sees and manages every dealer of its installation, a dealer
  only the dealers below it in its own branch. Any other id is 404 ``NOT_FOUND``, the
  same as an unknown one; the caller's own id is 403 (a dealer manages itself through
  ``/dealer``, which this spec does not cover).
- Names are unique in an installation ignoring case, the administrator's included (409
  ``ALREADY_EXISTS``); the reserved names are refused in any case by the spec's schema.
- Ids are base64 of a decimal snowflake (:class:`~.state.SnowflakeIds`).
- The password is never answered; a destroyed dealer is 404 from then on, and the
  dealers it had created move up to the dealer (or administrator) above it (the doc is
  silent; nothing is left unreachable).
- ``tenant_full_access`` "is not valid if not modified by first level dealer": it is
  stored only when the administrator or a DISTRIBUTOR sends it, and otherwise ignored.
- Every refusal is ``{"errors": [{"code", "message", "detail"?}]}``; a field refusal
  names each field and what is wrong in ``detail`` without echoing the value sent
  (which may be a password).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from partner_apis.simulators.harness import (
    Call,
    FieldProblem,
    Handler,
    Operation,
    Reply,
    SimError,
    bearer_token,
    build_app,
)
from partner_apis.simulators.tenants import FULL, Tenant, frozen
from partner_apis.specs import load_spec

from .query import QueryError, matches_search, order, parse_filter
from .state import (
    PUBLIC_FIELDS,
    AdminCredential,
    Caller,
    DealerRecord,
    Installation,
    NameTaken,
    Principal,
    TokenIssuer,
    admin_credentials,
    build_installations,
    may_create,
    opaque_token,
)

__all__ = [
    "CLIENT_ID",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_INSTALLATIONS",
    "DEFAULT_TOKEN_LIFETIME",
    "TOKEN_PATH",
    "PortsipDealersSimulator",
    "create_app",
]

KEY = "portsip-dealers"
TOKEN_PATH = "/api/login/oauth/token"  # noqa: S105 (a path, not a password)
CLIENT_ID = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
# The Authentication page's samples answer expires_in 1800; refresh tokens' lifetime is
# undocumented and taken to be a day.
DEFAULT_TOKEN_LIFETIME = 1800
DEFAULT_REFRESH_TOKEN_LIFETIME = 24 * 3600
DEFAULT_INSTALLATIONS = 2
DEFAULT_CREDENTIALS = admin_credentials(DEFAULT_INSTALLATIONS)

_LOGIN_FAILED = "Login failed, authentication error"  # the Authentication page's words
_VALIDATE_FAILED = "field validation failed"  # about.md's words
# The harness's own refusals, in the vendor's codes.
_HARNESS_CODES = {
    "invalid_request": "VALIDATE_FAILED",
    "invalid_json": "VALIDATE_FAILED",
    "not_found": "NOT_FOUND",
    "method_not_allowed": "METHOD_NOT_ALLOWED",
    "internal_error": "UNKNOWN",
}


def _unauthorized(message: str) -> SimError:
    return SimError(401, "UNAUTHORIZED", message, headers={"WWW-Authenticate": "Bearer"})


def _problem_text(problem: FieldProblem) -> str:
    """What is wrong with a field, without the value that was sent (it may be a password).

    The validator's messages start with the value ("<value> is not of type ..."), except
    for a missing property ('"name" is a required property', which names only the
    property) and a ``not`` clause ("<schema> is not allowed for <value>").
    """
    message = problem.message
    if message.endswith(" is a required property"):
        return message
    try:
        _, end = json.JSONDecoder().raw_decode(message)
    except ValueError:
        return "is invalid"
    rest = message[end:].strip()
    if rest.startswith("is not allowed for"):
        if "ReservedDealerName" in message[:end]:
            return "is a reserved name (admin, system, administrator and root, in any case)"
        if problem.field == "body":
            return "name, level and password cannot be changed here"
        return "is not allowed"
    return rest or "is invalid"


def _field_name(where: str) -> str:
    # A body field is named as the doc names it ("name"); parameters keep their place ("query.top").
    return where.removeprefix("body.")


class PortsipDealersSimulator:
    """A stateful PortSIP PBX (or several): the token endpoint and the dealers resource.

    ``credentials`` are the installations' administrator logins, one per installation.
    """

    key = KEY

    def __init__(
        self,
        credentials: Iterable[AdminCredential] = DEFAULT_CREDENTIALS,
        *,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.monotonic,
        id_clock: Callable[[], float] = time.time,
    ) -> None:
        self.installations = build_installations(credentials, id_clock)
        self.credentials = {installation.index: installation.admin for installation in self.installations}
        self.tokens: TokenIssuer[Principal] = TokenIssuer(
            lifetime=token_lifetime,
            refresh_lifetime=refresh_token_lifetime,
            clock=clock,
            token_factory=opaque_token,
            token_type="Bearer",  # noqa: S106 (the samples' token type, not a secret)
        )

    # -- the harness's hooks ------------------------------------------------------------

    # -- who can sign in, and what is seeded (read by the pytest fixture) --------------

    def tenants(self) -> list[Tenant]:
        """Each installation's system administrator as a tenant (the dealers created later sign in by name)."""
        return [
            Tenant(
                f"pbx-{installation.index}-admin",
                {"username": installation.admin.username, "password": installation.admin.password},
                FULL,
                f"the system administrator of installation {installation.index}",
                {"installation": installation.index},
            )
            for installation in self.installations
        ]

    def seed_data(self) -> Mapping[str, Any]:
        """How many installations (PBXs) there are, and the OAuth client id every login sends."""
        return frozen({"installations": len(self.installations), "client_id": CLIENT_ID})

    def _live(self, principal: Principal) -> Caller | None:
        # A token outlives nothing: its dealer must still exist and be enabled.
        installation = self.installations[principal.installation]
        if principal.dealer_id is None:
            return Caller(installation, None)
        dealer = installation.dealer(principal.dealer_id)
        if dealer is None or not dealer.enabled:
            return None
        return Caller(installation, dealer)

    def authenticate(self, request: Request, operation: Operation, body: bytes) -> Caller:
        token = bearer_token(request)
        if token is None:
            raise _unauthorized("unauthorized: a bearer token is required")
        principal = self.tokens.holder(token)
        caller = self._live(principal) if principal is not None else None
        if caller is None:
            raise _unauthorized("unauthorized: the token is invalid or expired")
        return caller

    def render_error(self, error: SimError) -> Reply:
        code = _HARNESS_CODES.get(error.code, error.code)
        item: dict[str, Any] = {"code": code, "message": error.message}
        if code == "VALIDATE_FAILED":
            item["message"] = _VALIDATE_FAILED
            if error.problems:
                problems = [
                    {"field": _field_name(problem.field), "message": _problem_text(problem)}
                    for problem in error.problems
                ]
                item["detail"] = {"field": problems[0]["field"], "problems": problems}
            elif error.message.startswith("the form body does not parse"):
                # The parser's own words quote the offending text, which may be a password.
                item["detail"] = {"reason": "the form body does not parse"}
            else:
                item["detail"] = {"reason": error.message}
        elif code == "UNKNOWN" and error.status >= 500:
            item["message"] = "unknown error"
        return Reply(error.status, {"errors": [item]}, error.headers)

    def handlers(self) -> Mapping[str, Handler]:
        return {
            "get_token": self.get_token,
            "list_dealers": self.list_dealers,
            "create_dealer": self.create_dealer,
            "get_dealer": self.get_dealer,
            "update_dealer": self.update_dealer,
            "destroy_dealer": self.destroy_dealer,
            "set_dealer_password": self.set_dealer_password,
        }

    # -- the token endpoint -------------------------------------------------------------

    def sign_in(self, username: str, password: str) -> Principal | None:
        """Who these credentials sign in as, or None (unknown, wrong, disabled or ambiguous)."""
        found = [
            principal
            for installation in self.installations
            if (principal := installation.sign_in(username, password)) is not None
        ]
        return found[0] if len(found) == 1 else None

    def get_token(self, call: Call) -> Reply:
        form = call.body
        grant_type = form["grant_type"]
        self.tokens.count(grant_type)
        if grant_type == "password":
            # A `domain` signs in a tenant user, and this PBX simulates no tenants.
            principal = None if "domain" in form else self.sign_in(form["username"], form["password"])
            if principal is None:
                raise SimError(400, "UNAUTHORIZED", _LOGIN_FAILED)
        else:
            principal = self.tokens.redeem(form["refresh_token"])
            if principal is None or self._live(principal) is None:
                raise SimError(400, "UNKNOWN", "unknown error")
        # RFC 6749 section 5.1: a token answer must not be cached.
        return Reply(200, self.tokens.issue(principal), {"Cache-Control": "no-store", "Pragma": "no-cache"})

    # -- dealers --------------------------------------------------------------------------

    @staticmethod
    def _caller(call: Call) -> Caller:
        caller: Caller = call.principal
        return caller

    def _target(self, call: Call) -> tuple[Caller, DealerRecord]:
        caller = self._caller(call)
        dealer = caller.installation.dealer(call.path["id"])
        if dealer is not None and dealer is caller.dealer:
            raise SimError(403, "FORBIDDEN", "a dealer manages its own record through /dealer, not /dealers/{id}")
        if dealer is None or not caller.installation.is_below(caller.dealer, dealer):
            # Another branch's or installation's dealer is answered as an unknown one: ids do not leak.
            raise SimError(404, "NOT_FOUND", "dealer not found")
        return caller, dealer

    @staticmethod
    def _tenant_access_counts(caller: Caller) -> bool:
        return caller.dealer is None or caller.dealer.level == "DISTRIBUTOR"

    def list_dealers(self, call: Call) -> Reply:
        caller, query = self._caller(call), call.query
        answers = [dealer.view for dealer in caller.installation.below(caller.dealer)]
        try:
            if "filter" in query:
                keep = parse_filter(query["filter"], PUBLIC_FIELDS)
                answers = [answer for answer in answers if keep(answer.value)]
            if "search" in query:
                answers = [answer for answer in answers if matches_search(answer.value, query["search"])]
            if "orderby" in query:
                by_view = {id(answer.value): answer for answer in answers}
                ordered = order([answer.value for answer in answers], query["orderby"], PUBLIC_FIELDS)
                answers = [by_view[id(view)] for view in ordered]
        except QueryError as error:
            raise SimError(400, "VALIDATE_FAILED", _VALIDATE_FAILED, [FieldProblem("query", str(error))]) from None
        skip: int = query.get("skip", 0)
        top: int = query.get("top", 100)
        return Reply(200, {"count": len(answers), "items": answers[skip : skip + top]})

    def create_dealer(self, call: Call) -> Reply:
        caller, body = self._caller(call), dict(call.body)
        if not may_create(caller.dealer, body["level"]):
            raise SimError(403, "FORBIDDEN", "a dealer can only manage the levels below it")
        if not self._tenant_access_counts(caller):
            body.pop("tenant_full_access", None)
        try:
            dealer = caller.installation.create(caller.dealer, body)
        except NameTaken:
            raise SimError(409, "ALREADY_EXISTS", "the name is already in use") from None
        return Reply(201, {"id": dealer.id})

    def get_dealer(self, call: Call) -> Reply:
        _, dealer = self._target(call)
        return Reply(200, dealer.view)

    def update_dealer(self, call: Call) -> Reply:
        caller, dealer = self._target(call)
        changes = dict(call.body)
        if not self._tenant_access_counts(caller):
            changes.pop("tenant_full_access", None)
        caller.installation.update(dealer, changes)
        return Reply(200)

    def set_dealer_password(self, call: Call) -> Reply:
        _, dealer = self._target(call)
        dealer.set_password(call.body["password"])
        return Reply(200)

    def destroy_dealer(self, call: Call) -> Reply:
        caller, dealer = self._target(call)
        caller.installation.destroy(dealer)
        return Reply(204)

    # -- for tests ------------------------------------------------------------------------

    def installation(self, index: int) -> Installation:
        """The ``index``-th installation's state."""
        return self.installations[index]


def create_app(
    credentials: Iterable[AdminCredential] | None = None,
    *,
    installations: int | None = None,
    token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
    refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
    clock: Callable[[], float] = time.monotonic,
    id_clock: Callable[[], float] = time.time,
) -> Starlette:
    """Return the ASGI app of a fresh simulator (its state is at ``app.state.simulator``).

    ``installations`` (default 2) simulated PBXs get the well-known administrator logins
    of :func:`~.state.admin_credentials`, unless ``credentials`` gives them. Tokens live
    ``token_lifetime`` seconds by ``clock`` (inject one to make them expire in tests);
    ``id_clock`` is the wall clock the ids' milliseconds come from. Raises ``ValueError``
    when ``credentials`` and ``installations`` disagree or there is no installation.
    """
    if credentials is None:
        credentials = admin_credentials(DEFAULT_INSTALLATIONS if installations is None else installations)
    credentials = tuple(credentials)
    if installations is not None and installations != len(credentials):
        raise ValueError(f"{installations} installations but {len(credentials)} administrator logins")
    simulator = PortsipDealersSimulator(
        credentials,
        token_lifetime=token_lifetime,
        refresh_token_lifetime=refresh_token_lifetime,
        clock=clock,
        id_clock=id_clock,
    )
    app = build_app(simulator, load_spec(KEY))
    app.state.simulator = simulator
    return app
