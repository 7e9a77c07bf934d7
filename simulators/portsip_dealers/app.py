"""The PortSIP PBX dealers simulator: installations, the dealer hierarchy, tokens that expire.

Rules beyond the spec's schemas, each as the vendor's material states or implies it:
- Several installations (``installations=N``), each a PBX of its own with its own
  administrator. They share the simulator's URL, so a login names its installation by
  its credentials, and the token it gets carries the installation: nothing another
  installation holds is ever seen, changed or counted. A login whose name and password
  fit more than one installation is refused rather than guessed (a simulator-only case:
  real installations are separate servers).
- ``POST /api/login/oauth/token`` (the harness's OAuth endpoint): the password grant
  (``username``, ``password``, ``scope=all`` and the spec's fixed ``client_id``) for the
  administrator or an enabled dealer, and the refresh grant. A refused login is 400
  ``UNAUTHORIZED``, a refused refresh 400 ``UNKNOWN`` (the Authentication page's
  samples), a malformed form 400 ``VALIDATE_FAILED``: the vendor's shape, not OAuth's.
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
- Answers are what both the spec and the vendor's own OpenAPI file allow (CONVENTIONS.md,
  "Sources, and when they disagree"): a field a dealer left blank is left out, never
  null (the vendor's file allows no null). A request the vendor's file accepts is refused
  only by a rule a vendor document states: any path id is looked up (an unknown one, of
  whatever form, is 404), an update body's ``name``, ``level`` and ``password`` are
  ignored, a password body without ``password`` changes nothing.
- The vendor's other login operations: ``POST /api/auth/sign_in`` (JSON; the tokens, as
  the token form's password grant) and ``POST /api/auth/refresh_token`` (JSON; as its
  refresh grant); ``POST /api/login`` (JSON) opens a session carried by the cookie
  ``portsip_session`` (the vendor documents no carrier), which ``GET /api/login`` reads
  (or a bearer token) to tell the token, its expiry and the role (``SystemAdmin``,
  ``Dealer``); ``POST /api/login/oauth/revoke`` ends the bearer token it carries. A
  refused login is 400 ``UNAUTHORIZED`` on every form, a refused refresh 400 ``UNKNOWN``;
  a user with a ``domain`` (a tenant user) is refused, as this PBX simulates no tenants.
"""

from __future__ import annotations

import datetime
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from partner_apis.simulators.harness import (
    Call,
    FieldProblem,
    OAuthSimulator,
    Reply,
    SimError,
    app_factory,
    bearer_token,
    every_word_in,
)
from partner_apis.simulators.harness.faults import VendorFault
from partner_apis.simulators.harness.simulator import NO_STORE, TOKEN_OPERATION, token_path
from partner_apis.simulators.tenants import FULL, Tenant, frozen
from partner_apis.specs import api_spec

from .query import QueryError, order, parse_filter
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
TOKEN_PATH = token_path(KEY)
# The fixed OAuth client id every login sends: the spec's const.
CLIENT_ID: str = api_spec(KEY).request_constants(TOKEN_OPERATION)[0]["client_id"]
# The Authentication page's samples answer expires_in 1800; refresh tokens' lifetime is
# undocumented and taken to be a day.
DEFAULT_TOKEN_LIFETIME = 1800
DEFAULT_REFRESH_TOKEN_LIFETIME = 24 * 3600
DEFAULT_INSTALLATIONS = 2
DEFAULT_CREDENTIALS = admin_credentials(DEFAULT_INSTALLATIONS)

_VALIDATE_FAILED = "field validation failed"  # about.md's words
# The cookie that carries a POST /login session to GET /login (the vendor names none).
_SESSION_COOKIE = "portsip_session"
# The fields `search` looks in: every text field of a dealer.
_SEARCHED = ("name", "display_name", "email", "website", "phone", "address", "description")
# The harness's own refusals, in the vendor's codes.
_HARNESS_CODES = {
    "invalid_request": "VALIDATE_FAILED",
    "invalid_json": "VALIDATE_FAILED",
    "not_found": "NOT_FOUND",
    "method_not_allowed": "METHOD_NOT_ALLOWED",
    "internal_error": "UNKNOWN",
}


def _problem(problem: FieldProblem) -> dict[str, str]:
    """A field problem as ``detail`` lists it: the field as the doc names it, never the value sent."""
    reason = problem.reason
    if problem.keyword == "not" and problem.details.get("schema", {}).get("title") == "ReservedDealerName":
        reason = "is a reserved name (admin, system, administrator and root, in any case)"
    return {"field": problem.field.removeprefix("body."), "message": reason}


class PortsipDealersSimulator(OAuthSimulator[Principal]):
    """A stateful PortSIP PBX (or several): the token endpoint and the dealers resource."""

    key = KEY
    # Fault profiles' vendor faults: the documented catch-all UNKNOWN, and a code the doc
    # does not list yet (codes are only ever added; clients must treat it as UNKNOWN).
    vendor_faults = MappingProxyType(
        {
            "unknown-error": VendorFault("a 500 UNKNOWN", SimError(500, "UNKNOWN", "unknown error")),
            "new-error-code": VendorFault("a 503 with an undocumented code", SimError(503, "SERVICE_BUSY", "busy")),
        }
    )
    login_refused = ("UNAUTHORIZED", "Login failed, authentication error")  # the Authentication page's words
    refresh_refused = ("UNKNOWN", "unknown error")
    oauth_errors = False
    missing_token = ("UNAUTHORIZED", "unauthorized: a bearer token is required", "Bearer")
    invalid_token = ("UNAUTHORIZED", "unauthorized: the token is invalid or expired", "Bearer")

    def __init__(
        self,
        credentials: Iterable[AdminCredential] | None = None,
        *,
        installations: int | None = None,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.monotonic,
        id_clock: Callable[[], float] = time.time,
    ) -> None:
        """``installations`` (default 2) simulated PBXs get the well-known administrator logins
        of :func:`~.state.admin_credentials`, unless ``credentials`` gives them (one per
        installation). Tokens live ``token_lifetime`` seconds by ``clock`` (inject one to
        make them expire in tests); ``id_clock`` is the wall clock the ids' milliseconds
        come from. Raises ``ValueError`` when ``credentials`` and ``installations``
        disagree or there is no installation.
        """
        if credentials is None:
            credentials = admin_credentials(DEFAULT_INSTALLATIONS if installations is None else installations)
        credentials = tuple(credentials)
        if installations is not None and installations != len(credentials):
            raise ValueError(f"{installations} installations but {len(credentials)} administrator logins")
        self.installations = build_installations(credentials, id_clock)
        self.credentials = {installation.index: installation.admin for installation in self.installations}
        self.tokens = TokenIssuer(
            lifetime=token_lifetime,
            refresh_lifetime=refresh_token_lifetime,
            clock=clock,
            token_factory=opaque_token,
            token_type="Bearer",  # noqa: S106 (the samples' token type, not a secret)
        )
        self._wall_clock = id_clock
        # When each access token was issued (by self.tokens' clock), for GET /login's expiry,
        # and which token each POST /login session holds.
        self._issued: dict[str, float] = {}
        self._sessions: dict[str, str] = {}
        self._sessions_lock = threading.Lock()

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
        return None if dealer is None or not dealer.enabled else Caller(installation, dealer)

    # -- the harness's hooks ------------------------------------------------------------

    def admit(self, holder: Principal) -> Caller:
        caller = self._live(holder)
        if caller is None:
            raise self.token_refused()
        return caller

    def vendor_error(self, error: SimError) -> Reply:
        code = _HARNESS_CODES.get(error.code, error.code)
        item: dict[str, Any] = {"code": code, "message": error.message}
        if code == "VALIDATE_FAILED":
            item["message"] = _VALIDATE_FAILED
            if error.problems:
                problems = [_problem(problem) for problem in error.problems]
                item["detail"] = {"field": problems[0]["field"], "problems": problems}
            else:
                item["detail"] = {"reason": error.message}
        elif code == "UNKNOWN" and error.status >= 500:
            item["message"] = "unknown error"
        return Reply(error.status, {"errors": [item]}, error.headers)

    def grant(self, grant_type: str, form: Mapping[str, Any], client: Any) -> Principal | None:
        # A `domain` signs in a tenant user, and this PBX simulates no tenants.
        return None if "domain" in form else self.sign_in(form["username"], form["password"])

    def may_refresh(self, holder: Principal, form: Mapping[str, Any], client: Any) -> bool:
        return self._live(holder) is not None

    def sign_in(self, username: str, password: str) -> Principal | None:
        """Who these credentials sign in as, or None (unknown, wrong, disabled or ambiguous)."""
        found = [
            principal
            for installation in self.installations
            if (principal := installation.sign_in(username, password)) is not None
        ]
        return found[0] if len(found) == 1 else None

    # -- dealers --------------------------------------------------------------------------

    def _target(self, call: Call) -> tuple[Caller, DealerRecord]:
        caller: Caller = call.principal
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
        caller, query = call.principal, call.query
        answers = [dealer.view for dealer in caller.installation.below(caller.dealer)]
        try:
            if "filter" in query:
                keep = parse_filter(query["filter"], PUBLIC_FIELDS)
                answers = [answer for answer in answers if keep(answer.value)]
            if "search" in query:
                search = query["search"]
                answers = [answer for answer in answers if every_word_in(search, map(answer.value.get, _SEARCHED))]
            if "orderby" in query:
                by_view = {id(answer.value): answer for answer in answers}
                ordered = order([answer.value for answer in answers], query["orderby"], PUBLIC_FIELDS)
                answers = [by_view[id(view)] for view in ordered]
        except QueryError:
            # The parser's words quote the query: the option is named, not echoed.
            raise SimError(400, "VALIDATE_FAILED", _VALIDATE_FAILED, [FieldProblem("query", "is invalid")]) from None
        skip: int = query.get("skip", 0)
        top: int = query.get("top", 100)
        return Reply(200, {"count": len(answers), "items": answers[skip : skip + top]})

    def create_dealer(self, call: Call) -> Reply:
        caller, body = call.principal, dict(call.body)
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
        # The vendor's body requires nothing: without a password, nothing changes.
        if "password" in call.body:
            dealer.set_password(call.body["password"])
        return Reply(200)

    def destroy_dealer(self, call: Call) -> Reply:
        caller, dealer = self._target(call)
        caller.installation.destroy(dealer)
        return Reply(204)

    # -- the vendor's other login operations ------------------------------------------------

    def _issue(self, holder: Principal) -> dict[str, Any]:
        answer = self.tokens.issue(holder)
        self._issued[answer["access_token"]] = self.tokens.clock()
        return answer

    def get_token(self, call: Call) -> Reply:
        reply = super().get_token(call)
        self._issued[reply.body["access_token"]] = self.tokens.clock()
        return reply

    def _json_login(self, call: Call) -> Principal:
        body = call.body
        self.tokens.count(call.operation_id)
        # A `domain` signs in a tenant user, and this PBX simulates no tenants.
        principal = None if "domain" in body else self.sign_in(body["username"], body["password"])
        if principal is None:
            raise SimError(400, *self.login_refused)
        return principal

    def sign_in_with_credentials(self, call: Call) -> Reply:
        """``POST /auth/sign_in``: the tokens (no simulated user has two-factor authentication)."""
        return Reply(200, self._issue(self._json_login(call)), NO_STORE)

    def refresh_token(self, call: Call) -> Reply:
        """``POST /auth/refresh_token``: a new token object for a live refresh token (it works once)."""
        self.tokens.count(call.operation_id)
        holder = self.tokens.redeem(call.body["refresh_token"])
        if holder is None or self._live(holder) is None:
            raise SimError(400, *self.refresh_refused)
        return Reply(200, self._issue(holder), NO_STORE)

    def login(self, call: Call) -> Reply:
        """``POST /login``: opens a session, carried by a cookie, that holds a new access token."""
        access_token = self._issue(self._json_login(call))["access_token"]
        session = secrets.token_urlsafe(24)
        with self._sessions_lock:
            self._sessions[session] = access_token
        cookie = f"{_SESSION_COOKIE}={session}; Path=/api; HttpOnly; SameSite=Strict"
        return Reply(200, None, {"Set-Cookie": cookie, **NO_STORE})

    def get_login_status(self, call: Call) -> Reply:
        """``GET /login``: the current session's token (its cookie's, or a bearer token), or 401."""
        session = call.request.cookies.get(_SESSION_COOKIE)
        access_token = self._sessions.get(session) if session else bearer_token(call.request)
        holder = self.tokens.holder(access_token) if access_token else None
        caller = self._live(holder) if holder is not None else None
        if access_token is None or caller is None:
            raise self.token_refused(missing=access_token is None)
        issued = self._issued.get(access_token, self.tokens.clock())
        expires_in = max(0, round(issued + self.tokens.lifetime - self.tokens.clock()))
        expires_at = datetime.datetime.fromtimestamp(self._wall_clock() + expires_in, datetime.UTC)
        answer = {
            "access_token": access_token,
            "expires_at": expires_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "expires_in": expires_in,
            "role": "SystemAdmin" if caller.dealer is None else "Dealer",
        }
        return Reply(200, answer, NO_STORE)

    def revoke_token(self, call: Call) -> Reply:
        """``POST /login/oauth/revoke``: the bearer token the call carries is refused from then on."""
        access_token = bearer_token(call.request)
        if access_token is not None:
            self.tokens.revoke(access_token)
            self._issued.pop(access_token, None)
        return Reply(200)

    # -- for tests ------------------------------------------------------------------------

    def installation(self, index: int) -> Installation:
        """The ``index``-th installation's state."""
        return self.installations[index]


create_app = app_factory(PortsipDealersSimulator)
