"""The AirVantage partners simulator: several companies, OAuth tokens, partnership requests as operations.

Rules beyond the spec's schemas (the partnership rules themselves are in state.py):

- ``POST /api/oauth/token`` (the harness's OAuth endpoint) takes the client-credentials,
  password and refresh grants. The API client authenticates with ``client_id``/
  ``client_secret`` in the form or with HTTP Basic auth (401 ``invalid_client``
  otherwise); a refresh token stays bound to its API client.
- Every v1 call needs a live token, as ``Authorization: Bearer`` or ``?access_token=``
  (401 otherwise, in the OAuth shape Spring Security answers), and the rights the spec's
  ``x-permissions`` names (403 ``missing.rights`` otherwise). The context ``company`` may
  be the caller's own or a sub-company it manages, for which the call then acts
  (``company.unknown`` otherwise, as for a company that does not exist). Acme manages the
  sub-company Acme Europe.
- ``GET /api/oauth/token`` takes the same grants with their parameters in the query (as
  the published airvantage.js sends them), answered and refused as the form POST;
  ``GET /api/oauth/expire?access_token=`` ends that access token (200
  ``"logout.successful"`` whether or not it was alive).
- Every other refusal is ``{"error": "<dotted.code>", "errorParameters": [...]}`` with 400;
  invalid input is ``parameter.invalid`` naming the offending parameters (never echoing
  their values, which may be secrets).
- ``fields`` projects each listed item onto the chosen attributes, and the defaults come
  from the spec's ``x-default-fields``; ``name`` matches a case-insensitive substring;
  ``orderBy=name`` sorts by name; ``offset``/``size`` page, ``count`` is the total.
- A request's ``callback`` must be http(s) on loopback (403 ``callback.forbidden``
  otherwise); the operation is POSTed there at each state change (callbacks.py).
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from starlette.requests import Request

from partner_apis.simulators.harness import Body, Call, OAuthSimulator, Operation, Reply, SimError, TokenIssuer
from partner_apis.simulators.harness.auth import client_credentials
from partner_apis.simulators.harness.faults import VendorFault
from partner_apis.simulators.harness.records import SchemaAnswer
from partner_apis.simulators.harness.simulator import app_factory, oauth_error, same_secret
from partner_apis.simulators.tenants import FULL, READ_ONLY, Tenant, frozen

from .callbacks import CallbackSender, parse_callback
from .state import (
    ApiClient,
    Company,
    Network,
    OperationRecord,
    PartnershipRequest,
    Principal,
    Profile,
    RequestStatus,
    User,
    refuse,
)

__all__ = [
    "DEFAULT_COMPANIES",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_PARTNERSHIPS",
    "DEFAULT_USERS",
    "AirVantageSimulator",
    "create_app",
]

KEY = "airvantage-partners"
# The lifetime of the token in a client fixture (the API overview says 24 hours).
DEFAULT_TOKEN_LIFETIME = 43199
DEFAULT_REFRESH_TOKEN_LIFETIME = 14 * 24 * 3600
DEFAULT_START_DELAY = 0.1

VIEW = "accountNetwork.partners.view"
ADD = "accountNetwork.partners.add"
ADMINISTRATOR = "administrator"
ALL_RIGHTS = frozenset({VIEW, ADD, ADMINISTRATOR})

# -- the default network: the doc's samples work against it ---------------------------------
#
# Acme is the caller of the doc's samples: its partner "Partner One" (7fe11d...) has the
# profile "Basic Partner" (5a3e78...) exactly as in Find and Details, and the partnership
# request sample (partner 01bf08..., profile ee81d8...) asks Globex with Acme's "Support
# Partner" profile. Initech is a third company nobody is partner with yet.
ACME = "3f9a2c7e5b1d4e8fa6c0b9d8e7f6a5b4"
GLOBEX = "01bf08b75e124e3d836443b323a3f190"
PARTNER_ONE = "7fe11df637264cd2ab6a2cddde2f817d"
INITECH = "c4d3e2f1a0b94c8d7e6f5a4b3c2d1e0f"
ACME_EUROPE = "a5e1b2c3d4e54f6a8b9c0d1e2f3a4b5c"

DEFAULT_COMPANIES = (
    Company(
        ACME,
        "Acme IoT",
        (
            Profile("5a3e78ca0ea64d6a9bdaef5966e8b374", "Basic Partner", frozenset({"entities.systems.view"})),
            Profile("ee81d84aec5b4d4397ead51b823b76a7", "Support Partner", frozenset({"entities.systems.edit"})),
        ),
    ),
    Company(
        GLOBEX,
        "Globex Telematics",
        (
            Profile("9b8a7c6d5e4f4a3b2c1d0e9f8a7b6c5d", "Partner", frozenset({"entities.systems.view"})),
            Profile("2e4c6a8b0d1f4e3c5a7b9d0f1e2c3a4b", "Auditor", frozenset({"entities.alerts.view"})),
        ),
        picture="https://na.airvantage.net/api/v1/companies/01bf08b75e124e3d836443b323a3f190/picture",
    ),
    Company(PARTNER_ONE, "Partner One", (Profile("6d5c4b3a2f1e4d0c9b8a7f6e5d4c3b2a", "Reseller"),)),
    Company(INITECH, "Initech Fleet", (Profile("8f7e6d5c4b3a4f2e1d0c9b8a7f6e5d4c", "Partner"),)),
    # A sub-company Acme manages: Acme's callers may act for it with `company`.
    Company(ACME_EUROPE, "Acme Europe", (Profile("b6f2c3d4e5f64a7b9c0d1e2f3a4b5c6d", "Partner"),), parent=ACME),
)
# (company, partner, the profile the company gives the partner, the profile the partner gives back)
DEFAULT_PARTNERSHIPS = ((ACME, PARTNER_ONE, "5a3e78ca0ea64d6a9bdaef5966e8b374", "6d5c4b3a2f1e4d0c9b8a7f6e5d4c3b2a"),)

# Fake, well-known API clients: the first two are full-right clients of two different
# companies (the contract suite's requester and target), the third is read-only.
DEFAULT_CREDENTIALS = (
    ApiClient("sim-acme-client", "sim-acme-secret", ACME, ALL_RIGHTS, "Acme automation"),
    ApiClient("sim-globex-client", "sim-globex-secret", GLOBEX, ALL_RIGHTS, "Globex automation"),
    ApiClient("sim-acme-read-only", "sim-acme-read-only-secret", ACME, frozenset({VIEW}), "Acme dashboard"),
    ApiClient("sim-partner-one-client", "sim-partner-one-secret", PARTNER_ONE, ALL_RIGHTS, "Partner One"),
    ApiClient("sim-initech-client", "sim-initech-secret", INITECH, ALL_RIGHTS, "Initech automation"),
)
DEFAULT_USERS = (
    User("admin@acme.example", "sim-acme-password", ACME, ALL_RIGHTS),
    User("viewer@acme.example", "sim-acme-viewer-password", ACME, frozenset({VIEW})),
    User("admin@globex.example", "sim-globex-password", GLOBEX, ALL_RIGHTS),
)

# Answers in the spec's shapes: a partnership request is the only kind there is.
_PARTNER = SchemaAnswer(KEY, "Partner")
_REQUEST_JSON = SchemaAnswer(KEY, "Request", type="PARTNERSHIP")

# The token endpoint's query form, and the parameters each of its grants needs.
_TOKEN_BY_QUERY = "getTokenByQuery"  # noqa: S105 (an operationId, not a password)
_GRANT_FIELDS = {"password": ("username", "password"), "refresh_token": ("refresh_token",), "client_credentials": ()}

# The harness's own refusals, in the vendor's words.
_HARNESS_CODES = {
    "invalid_request": "parameter.invalid",
    "invalid_json": "parameter.invalid",
    "not_found": "not.found",
    "method_not_allowed": "method.not.allowed",
    "internal_error": "internal.error",
}


def _pending_request(simulator: AirVantageSimulator, answer: Any) -> PartnershipRequest | None:
    """The request behind the operation a requestPartnership answer names, while still pending."""
    uid = answer.get("operation") if isinstance(answer, dict) else None
    return simulator.network.pending_request(uid) if isinstance(uid, str) else None


def _fail_operation(simulator: AirVantageSimulator, answer: Any) -> None:
    """The operation ends FAILURE (its task failed) without the partner having answered."""
    request = _pending_request(simulator, answer)
    if request is not None:
        simulator.network.reject(request.target, request.uid)


def _stall_operation(simulator: AirVantageSimulator, answer: Any) -> None:
    """The operation never ends: its request never reaches the partner (until the requester cancels)."""
    request = _pending_request(simulator, answer)
    if request is not None:
        request.status = RequestStatus.WITHDRAWN


_REQUEST = ("requestPartnership",)


@dataclass(frozen=True)
class _Grantee:
    """What a token stands for: the API client it was issued to and the principal it acts as."""

    client_id: str
    principal: Principal


def _page(items: Sequence[Any], query: Mapping[str, Any]) -> tuple[list[Any], dict[str, int]]:
    offset: int = query.get("offset", 0)
    size: int = query.get("size", 100)
    chosen = list(items[offset : offset + size])
    return chosen, {"count": len(items), "size": len(chosen), "offset": offset}


def _tenant_name(client: ApiClient) -> str:
    # "sim-acme-client" -> "acme", "sim-acme-read-only" -> "acme-read-only"
    return client.client_id.removeprefix("sim-").removesuffix("-client")


def _seed_data(companies: Sequence[Company], partnerships: Sequence[tuple[str, str, str, str]]) -> Mapping[str, Any]:
    names = {company.uid: company.name for company in companies}
    return frozen(
        {
            "companies": {
                company.name: {
                    "uid": company.uid,
                    "profiles": {profile.name: profile.uid for profile in company.profiles},
                }
                for company in companies
            },
            "partnerships": [
                {"company": names.get(company, company), "partner": names.get(partner, partner)}
                for company, partner, _, _ in partnerships
            ],
        }
    )


class AirVantageSimulator(OAuthSimulator[_Grantee]):
    """A stateful AirVantage server; ``credentials`` are the API clients by id, ``network`` the companies."""

    key = KEY
    # Fault profiles' vendor faults: its asynchronous operations failing or stalling after
    # the request was accepted, and an internal error in its error shape.
    vendor_faults = MappingProxyType(
        {
            "operation-fails": VendorFault("the operation ends FAILURE", after=_fail_operation, operations=_REQUEST),
            "operation-stalls": VendorFault("the operation never ends", after=_stall_operation, operations=_REQUEST),
            "internal-error": VendorFault("a 500 internal.error", SimError(500, "internal_error", "internal error")),
        }
    )
    login_refused = ("invalid_grant", "Bad credentials")
    refresh_refused = ("invalid_grant", "Invalid refresh token")
    # Spring Security's answers (in the OAuth shape, see vendor_error).
    missing_token = (
        "unauthorized", "Full authentication is required to access this resource", 'Bearer realm="AirVantage"',
    )  # fmt: skip
    invalid_token = ("invalid_token", "Invalid access token", 'Bearer realm="AirVantage", error="invalid_token"')
    query_token = True  # ?access_token= as well as the bearer header

    def __init__(
        self,
        *,
        start_delay: float = DEFAULT_START_DELAY,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.time,
        callback_timeout: float = 2.0,
        companies: Iterable[Company] = DEFAULT_COMPANIES,
        partnerships: Iterable[tuple[str, str, str, str]] = DEFAULT_PARTNERSHIPS,
        credentials: Iterable[ApiClient] = DEFAULT_CREDENTIALS,
        users: Iterable[User] = DEFAULT_USERS,
    ) -> None:
        """``start_delay`` is how many seconds an operation stays ``SCHEDULED`` (0: it starts at
        once); ``token_lifetime`` and ``clock`` (seconds since the epoch) let tests make tokens
        expire and operations start without waiting. Raises ``ValueError`` for a negative
        ``start_delay``.
        """
        companies = tuple(companies)
        partnerships = tuple(partnerships)
        self._seed = _seed_data(companies, partnerships)
        self.credentials = {client.client_id: client for client in credentials}
        self.users = {user.login.casefold(): user for user in users}
        self.tokens = TokenIssuer(lifetime=token_lifetime, refresh_lifetime=refresh_token_lifetime, clock=clock)
        self.callbacks = CallbackSender(timeout=callback_timeout)
        self.network = Network(companies, clock=clock, start_delay=start_delay, on_change=self._deliver)
        self._real_time = clock is time.time
        for company, partner, given, received in partnerships:
            self.network.link(company, partner, given, received)

    # -- who can sign in, and what is seeded (read by the pytest fixture) --------------

    def tenants(self) -> list[Tenant]:
        """Each API client as a tenant (client-credentials grant); without ``add`` rights it is read-only."""
        return [
            Tenant(
                _tenant_name(client),
                {"client_id": client.client_id, "client_secret": client.client_secret},
                FULL if ADD in client.rights else READ_ONLY,
                client.name,
                {"company_uid": client.company},
            )
            for client in self.credentials.values()
        ]

    def seed_data(self) -> Mapping[str, Any]:
        """The seeded companies (uid and profile uids by name) and partnerships."""
        return self._seed

    # -- the harness's hooks ------------------------------------------------------------

    def authenticate(self, request: Request, operation: Operation, body: Body) -> Principal:
        principal = self.token_holder(self.access_token(request)).principal
        for right in operation.model.permissions:
            if right not in principal.rights:
                raise refuse("missing.rights", right, status=403)
        self.network.tick()
        return principal

    def vendor_error(self, error: SimError) -> Reply:
        if error.status == 401:
            return Reply(401, {"error": error.code, "error_description": error.message}, error.headers)
        parameters = getattr(error, "parameters", None)
        if parameters is None:
            # Parameter names only: a value may be a secret (a callback URL's password).
            parameters = [problem.field.partition(".")[2] or problem.field for problem in error.problems]
        code = _HARNESS_CODES.get(error.code, error.code)
        return Reply(error.status, {"error": code, "errorParameters": list(parameters)}, error.headers)

    # -- the token endpoint -------------------------------------------------------------

    def token_client(self, call: Call) -> ApiClient:
        client_id, secret, by_basic = client_credentials(call.request, call.body)
        client = self.credentials.get(client_id)
        if client is None or not same_secret(client.client_secret, secret):
            headers = {"WWW-Authenticate": 'Basic realm="AirVantage"'} if by_basic else {}
            raise SimError(401, "invalid_client", "Bad client credentials", headers=headers)
        return client

    def grant(self, grant_type: str, form: Mapping[str, Any], client: ApiClient) -> _Grantee | None:
        if grant_type == "client_credentials":
            return _Grantee(client.client_id, client.principal)
        user = self.users.get(form["username"].casefold())
        if user is None or not same_secret(user.password, form["password"]):
            return None
        return _Grantee(client.client_id, user.principal)

    def may_refresh(self, holder: _Grantee, form: Mapping[str, Any], client: ApiClient) -> bool:
        # A refresh token is bound to the client it was issued to (RFC 6749 section 6).
        return holder.client_id == client.client_id

    def render_error(self, error: SimError) -> Reply:
        # The query form of the token endpoint refuses as the form POST does (RFC 6749's shape).
        if error.operation_id == _TOKEN_BY_QUERY:
            return oauth_error(error)
        return super().render_error(error)

    def get_token_by_query(self, call: Call) -> Reply:
        """``GET /oauth/token``: the grant's parameters in the query, then as the form POST."""
        form = {name: value for name, value in call.query.items() if value is not None}
        missing = [name for name in _GRANT_FIELDS[form["grant_type"]] if not form.get(name)]
        if missing:
            raise SimError(400, "invalid_request", f"Missing parameter(s): {', '.join(missing)}")
        return self.get_token(dataclasses.replace(call, body=form))

    def expire_token(self, call: Call) -> Reply:
        """``GET /oauth/expire``: the access token is refused from then on (alive or not, 200)."""
        self.tokens.revoke(call.query["access_token"])
        return Reply(200, "logout.successful")

    # -- shared ---------------------------------------------------------------------------

    def _company(self, call: Call) -> str:
        """The context company: the one named, if the caller manages it (its own or a sub-company), else its own."""
        principal: Principal = call.principal
        named: str | None = call.query.get("company")
        if named is None:
            return principal.company
        if not self.network.manages(principal.company, named):
            raise refuse("company.unknown", named)
        return named

    def _fields(self, call: Call) -> tuple[str, ...]:
        """The fields a list shows: those asked for, else the spec's ``x-default-fields``."""
        text = call.query.get("fields")
        if text is None:
            return self.spec.operation(call.operation_id).parameter("fields").default_fields or ()
        # The spec's pattern already admits only selectable names; repeats count once.
        return tuple(dict.fromkeys(text.split(",")))

    def _deliver(self, operation: OperationRecord, snapshot: dict[str, Any]) -> None:
        assert operation.callback is not None
        self.callbacks.submit(operation.callback, snapshot)

    # -- partners -------------------------------------------------------------------------

    @staticmethod
    def _partner_json(company: Company, profile: Profile, fields: Iterable[str] | None = None) -> dict[str, Any]:
        # The complete representation leaves out a picture the company lacks; a selection shows what it names.
        reference = {"uid": profile.uid, "name": profile.name}
        return _PARTNER(company, fields=fields, omit_null=fields is None, profile=reference)

    def find_partners(self, call: Call) -> Reply:
        company, query = self._company(call), call.query
        partners = self.network.partners(company)
        if "name" in query:
            needle = query["name"].casefold()
            partners = [(partner, profile) for partner, profile in partners if needle in partner.name.casefold()]
        if "profile" in query:
            partners = [(partner, profile) for partner, profile in partners if profile.uid == query["profile"]]
        if query.get("orderBy") == "name":
            partners.sort(key=lambda pair: (pair[0].name.casefold(), pair[0].name, pair[0].uid))
        page, envelope = _page(partners, query)
        fields = self._fields(call)
        items = [self._partner_json(partner, profile, fields) for partner, profile in page]
        return Reply(200, {"items": items, **envelope})

    def get_partner(self, call: Call) -> Reply:
        partner, profile = self.network.partner(self._company(call), call.path["uid"])
        return Reply(200, self._partner_json(partner, profile))

    def edit_partner(self, call: Call) -> Reply:
        company = self._company(call)
        partner, profile = self.network.assign(company, call.path["uid"], call.body["profile"]["uid"])
        return Reply(200, self._partner_json(partner, profile))

    # -- partnership requests and operations ------------------------------------------------

    def request_partnership(self, call: Call) -> Reply:
        company, body = self._company(call), call.body
        callback = None
        if "callback" in body:
            callback = parse_callback(body["callback"])
            if callback is None:
                # Parameter name only: the URL may carry a password.
                raise refuse("callback.forbidden", "callback", status=403)
        operation = self.network.request(
            company,
            body["partner"],
            profile=body.get("profile"),
            message=body.get("message"),
            callback=callback,
            notify=body.get("notify", False),
        )
        if callback is not None and self._real_time and self.network.start_delay > 0:
            # Nobody may read the operation before it starts: its callback must not wait for a read.
            timer = threading.Timer(self.network.start_delay, self.network.tick)
            timer.daemon = True
            timer.start()
        return Reply(200, {"operation": operation.uid})

    def find_operations(self, call: Call) -> Reply:
        page, envelope = _page(self.network.operations(self._company(call)), call.query)
        return Reply(200, {"items": self.network.snapshots(page), **envelope})

    def get_operation(self, call: Call) -> Reply:
        operation = self.network.operation(self._company(call), call.path["uid"])
        return Reply(200, self.network.snapshot(operation))

    def cancel_operation(self, call: Call) -> Reply:
        operation = self.network.cancel(self._company(call), call.path["uid"])
        return Reply(200, self.network.snapshot(operation))

    # -- incoming requests ----------------------------------------------------------------------

    def _request_json(self, request: PartnershipRequest, fields: Iterable[str] | None = None) -> dict[str, Any]:
        requester = self.network.companies[request.requester]
        # A request sent without a message has none to show, even when it is selected.
        return _REQUEST_JSON(
            request, fields=fields, omit_null=True, requestBy={"uid": requester.uid, "name": requester.name}
        )

    def list_requests(self, call: Call) -> Reply:
        company, query = self._company(call), call.query
        requests = self.network.pending_for(company)
        if "uid" in query:
            requests = [request for request in requests if request.uid == query["uid"]]
        if "requestBy" in query:
            requests = [request for request in requests if request.requester == query["requestBy"]]
        if "before" in query:
            requests = [request for request in requests if request.date < query["before"]]
        page, envelope = _page(requests, query)
        fields = self._fields(call)
        return Reply(200, {"items": [self._request_json(request, fields) for request in page], **envelope})

    def get_request(self, call: Call) -> Reply:
        return Reply(200, self._request_json(self.network.incoming(self._company(call), call.path["uid"])))

    def accept_request(self, call: Call) -> Reply:
        company, body = self._company(call), call.body or {}
        profile = (body.get("data") or {}).get("profile")
        self.network.accept(company, call.path["uid"], profile)
        return Reply(200)

    def reject_request(self, call: Call) -> Reply:
        self.network.reject(self._company(call), call.path["uid"])
        return Reply(200)


create_app = app_factory(AirVantageSimulator)
