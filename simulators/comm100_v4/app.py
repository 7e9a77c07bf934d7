"""The Comm100 partner API v4 simulator: sites per partner, bearer tokens, the vendor's rules.

Rules beyond the spec's schemas, each as the doc states or implies it:
- a token without the Manage Site permission gets 403 on every call;
- another partner's site is 404, the same as an unknown id, and never listed;
- the status is accepted in any letter case (the doc's sample sends "open") and stored
  in the documented spelling;
- update may not move a site to another partner (403: the request is well formed, the
  caller just may not do it);
- ``isDeleted`` arrives as a boolean or as the strings "true"/"false" (the doc types it
  as a string on update) and is stored as a boolean;
- ``POST /oauth/token`` (at the simulator's root: the operation has its own server) takes
  the password grant (``client_id`` + ``email`` in any letter case + ``password``) and the
  refresh grant (the harness's OAuth endpoint); an unknown client id is ``invalid_client``,
  and a refresh token stays bound to its client. Issued access tokens are bearer tokens
  of the login's partner; each credential's fixed ``token`` stays valid too.
- the published rate limit (the spec's ``x-rate-limit``: 300 calls every 5 minutes per
  client, the caller's address): a site call beyond it is answered 429 with
  ``Retry-After``, the whole seconds until the oldest call of the window leaves it; a
  throttled call, or one refused for its token (401 first), does not count, and
  getToken (on the OAuth server) is not limited. On by
  default with the vendor's numbers; ``rate_limit`` raises it (or None turns it off), as
  the contract suite, benchmarks and long tests do.
"""

from __future__ import annotations

import base64
import collections
import json
import math
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from starlette.requests import Request

from partner_apis.models.comm100_v4 import SiteStatus
from partner_apis.simulators.harness import (
    Body,
    Call,
    FieldProblem,
    OAuthSimulator,
    Operation,
    Reply,
    SimError,
    TokenIssuer,
)
from partner_apis.simulators.harness.faults import VendorFault
from partner_apis.simulators.harness.simulator import app_factory, same_secret, schema_properties, token_path
from partner_apis.simulators.tenants import FULL, READ_ONLY, Tenant, frozen
from partner_apis.specs import api_spec

from .state import Credential, SiteRecord, SiteStore

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_RATE_WINDOW",
    "TOKEN_PATH",
    "Comm100V4Simulator",
    "create_app",
]

KEY = "comm100-v4"
TOKEN_PATH = token_path(KEY)
# The quick-start page's token lives 43200 s; refresh tokens are taken to live two weeks.
DEFAULT_TOKEN_LIFETIME = 43200
DEFAULT_REFRESH_TOKEN_LIFETIME = 14 * 24 * 3600
# The vendor's published limit (the spec's x-rate-limit): calls per window of seconds, per client.
_RATE_LIMIT: Mapping[str, Any] = api_spec(KEY).raw["info"]["x-rate-limit"]
DEFAULT_RATE_LIMIT: int = _RATE_LIMIT["requests"]
DEFAULT_RATE_WINDOW: float = float(_RATE_LIMIT["window-seconds"])

# Well-known tokens and logins of the default simulated partners: fake, documented in the README.
DEFAULT_CLIENT_ID = "sim-comm100-v4-client"
DEFAULT_CREDENTIALS = tuple(
    Credential(
        f"sim-comm100-v4-{name}", partner_id, name != "read-only",
        f"{name}@example.com", f"sim-{name}-password", DEFAULT_CLIENT_ID,
    )
    for name, partner_id in (("partner-a", 10000), ("partner-b", 20000), ("read-only", 10000))
)  # fmt: skip

_STATUS = {status.value.lower(): status for status in SiteStatus}

# Site fields a create or update copies straight onto the site: the create body's that a site has.
_SITE_FIELDS = frozenset(schema_properties(KEY, "SiteCreate")) & frozenset(schema_properties(KEY, "Site"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _jwt_shaped() -> str:
    # The vendor's access tokens are JWTs; clients must treat them as opaque, but a token
    # of the same shape (three dot-separated base64url parts) catches code that does not.
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    claims = _b64(json.dumps({"jti": secrets.token_hex(16)}).encode())
    return f"{header}.{claims}.{_b64(secrets.token_bytes(32))}"


def _copy_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    fields = {name: body[name] for name in _SITE_FIELDS if name in body}
    # The description only means something for industry "Others".
    if fields.get("industry") != "Others":
        fields.pop("otherIndustryDescription", None)
    return fields


class Comm100V4Simulator(OAuthSimulator[Credential]):
    """A stateful Comm100 v4 partner server; ``credentials`` name each partner's tokens."""

    key = KEY
    # Fault profiles' vendor faults: ASP.NET's unhandled-exception answer, in the v4 error shape.
    vendor_faults = MappingProxyType(
        {
            "internal-error": VendorFault(
                "a 500 {code, message}", SimError(500, "internal_error", "An error has occurred.")
            )
        }
    )

    def __init__(
        self,
        credentials: Iterable[Credential] = DEFAULT_CREDENTIALS,
        *,
        clock: Callable[[], float] = time.monotonic,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
        rate_limit: int | None = DEFAULT_RATE_LIMIT,
        rate_window: float = DEFAULT_RATE_WINDOW,
    ) -> None:
        """``token_lifetime`` and ``refresh_token_lifetime`` (seconds) and ``clock`` let tests make
        issued tokens expire; the credentials' fixed tokens never do. ``rate_limit`` calls
        per ``rate_window`` seconds (by ``clock``) are allowed to each client: the vendor's
        300 per 300 by default; None turns the limit off. Raises ``ValueError`` for a
        limit below 1 or a window that is not positive."""
        if rate_limit is not None and rate_limit < 1:
            raise ValueError(f"rate_limit must be at least 1 (or None for no limit), not {rate_limit}")
        if rate_window <= 0:
            raise ValueError(f"rate_window must be positive, not {rate_window}")
        self.rate_limit = rate_limit
        self.rate_window = rate_window
        self._clock = clock
        self._calls: dict[str, collections.deque[float]] = {}
        self._calls_lock = threading.Lock()
        self.credentials = self.fixed_tokens = {credential.token: credential for credential in credentials}
        # Only a credential with a whole login can log in; emails compare case-insensitively.
        self.logins = {
            credential.email.casefold(): credential
            for credential in self.credentials.values()
            if credential.email and credential.password and credential.client_id
        }
        self.tokens = TokenIssuer(
            lifetime=token_lifetime,
            refresh_lifetime=refresh_token_lifetime,
            clock=clock,
            token_factory=_jwt_shaped,
            token_type="Bearer",  # noqa: S106 (a token type, not a password)
        )
        self.sites = SiteStore()

    # -- who can sign in, and what is seeded (read by the pytest fixture) --------------

    def tenants(self) -> list[Tenant]:
        """Each credential as a tenant signing in with its bearer token; without Manage Site it is read-only."""
        return [
            Tenant(
                (credential.email or credential.token).partition("@")[0],
                {"token": credential.token},
                FULL if credential.manage_site else READ_ONLY,
                f"partner {credential.partner_id}" + ("" if credential.manage_site else " without Manage Site"),
                {"partner_id": credential.partner_id, "email": credential.email},
            )
            for credential in self.credentials.values()
        ]

    def seed_data(self) -> Mapping[str, Any]:
        """Nothing is seeded but the partners; the OAuth client id their logins use is here."""
        return frozen({"client_id": DEFAULT_CLIENT_ID, "token_path": TOKEN_PATH})

    # -- the harness's hooks ------------------------------------------------------------

    def authenticate(self, request: Request, operation: Operation, body: Body) -> Any:
        # A call without a valid token is refused as such first (401, uncounted): the limit
        # is on the calls the API serves.
        principal = super().authenticate(request, operation, body)
        self._throttle(request)
        return principal

    def _throttle(self, request: Request) -> None:
        """Count one call of the request's client, or raise the 429 when its window is full."""
        if self.rate_limit is None:
            return
        client = request.client.host if request.client is not None else ""
        now = self._clock()
        with self._calls_lock:
            calls = self._calls.setdefault(client, collections.deque())
            while calls and calls[0] <= now - self.rate_window:
                calls.popleft()
            if len(calls) >= self.rate_limit:
                wait = max(1, math.ceil(calls[0] + self.rate_window - now))
                message = f"Too many requests; retry after {wait} seconds."
                raise SimError(429, "too_many_requests", message, headers={"Retry-After": str(wait)})
            calls.append(now)

    def admit(self, holder: Credential) -> Credential:
        if not holder.manage_site:
            raise SimError(403, "forbidden", "the Manage Site permission is required")
        return holder

    def vendor_error(self, error: SimError) -> Reply:
        body: dict[str, Any] = {"code": error.code, "message": error.message}
        if error.problems:
            body["errors"] = [{"field": p.field, "message": p.message} for p in error.problems]
        return Reply(error.status, body, error.headers)

    def grant(self, grant_type: str, form: Mapping[str, Any], client: Any) -> Credential | None:
        # An unknown client id is refused as such whoever logs in (RFC 6749 section 5.2).
        if form["client_id"] not in {login.client_id for login in self.logins.values()}:
            raise SimError(400, "invalid_client", "The client id is unknown.")
        credential = self.logins.get(form["email"].casefold())
        if credential is None or credential.client_id != form["client_id"]:
            return None
        return credential if same_secret(credential.password, form["password"]) else None

    def may_refresh(self, holder: Credential, form: Mapping[str, Any], client: Any) -> bool:
        # A refresh token is bound to the client it was issued to (RFC 6749 section 6).
        return bool(form.get("client_id", holder.client_id) == holder.client_id)

    # -- operations ---------------------------------------------------------------------

    def list_sites(self, call: Call) -> Reply:
        query = call.query
        # One test per filter given, made once per request rather than once per site.
        tests: list[Callable[[SiteRecord], bool]] = []
        if "status" in query:
            status = _STATUS[query["status"].lower()]
            tests.append(lambda record: record.site.status == status)
        if "externalId" in query:
            external_id = query["externalId"]
            tests.append(lambda record: record.site.externalId == external_id)
        if "platformId" in query:
            platform_id = query["platformId"]
            tests.append(lambda record: record.site.platformId == platform_id)
        if email := query.get("email", "").lower():
            tests.append(lambda record: email in {address.lower() for address in record.agent_emails})
        records = self.sites.of(call.principal.partner_id)
        if tests:
            records = [record for record in records if all(test(record) for test in tests)]
        return Reply(200, [record.view for record in records])

    def create_site(self, call: Call) -> Reply:
        body = call.body
        fields = {
            "status": SiteStatus.Open,
            "isDeleted": False,
            "subDomain": "",
            "customDomain": "",
            "languageId": "en",
        }
        fields |= _copy_fields(body)
        record = self.sites.create(call.principal.partner_id, fields, body["email"], body["planId"])
        created: dict[str, Any] = {"siteId": record.site.id, "email": record.email}
        if record.site.externalId is not None:
            created["externalId"] = record.site.externalId
        return Reply(200, created)

    def _site(self, call: Call) -> SiteRecord:
        return self.sites.require(call.principal.partner_id, call.path["id"])

    def get_site(self, call: Call) -> Reply:
        return Reply(200, self._site(call).view)

    def update_site(self, call: Call) -> Reply:
        record = self._site(call)
        body = call.body
        partner_id = call.principal.partner_id
        if "partnerId" in body and body["partnerId"] != partner_id:
            raise SimError(
                403, "forbidden", "a site cannot be moved to another partner",
                [FieldProblem("body.partnerId", f"must be {partner_id}, the caller's partner id")],
            )  # fmt: skip
        changes = _copy_fields(body)
        if "isDeleted" in body:
            flag = body["isDeleted"]
            changes["isDeleted"] = flag if isinstance(flag, bool) else flag == "true"
        return Reply(200, self.sites.update(record, changes).view)

    def change_site_status(self, call: Call) -> Reply:
        record = self._site(call)
        status = _STATUS[call.body["status"].lower()]
        return Reply(200, self.sites.update(record, {"status": status}).view)


create_app = app_factory(Comm100V4Simulator)
