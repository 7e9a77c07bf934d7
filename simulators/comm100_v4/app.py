"""The Comm100 partner API v4 simulator: sites per partner, bearer tokens, the vendor's rules.

Rules beyond the spec's schemas, each as the doc states or implies it:
- a token without the Manage Site permission gets 403 on every call;
- another partner's site is 404, the same as an unknown id, and never listed;
- the status is accepted in any letter case (the doc's sample sends "open") and stored
  in the documented spelling;
- update may not move a site to another partner (403: the request is well formed, the
  caller just may not do it);
- ``isDeleted`` arrives as a boolean or as the strings "true"/"false" (the doc types it
  as a string on update) and is stored as a boolean.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request

from partner_apis.models.comm100_v4 import SiteStatus
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
from partner_apis.specs import load_spec

from .state import Credential, SiteRecord, SiteStore

__all__ = ["DEFAULT_CREDENTIALS", "Comm100V4Simulator", "create_app"]

KEY = "comm100-v4"

# Well-known tokens of the default simulated partners: fake, documented in the README.
DEFAULT_CREDENTIALS = (
    Credential("sim-comm100-v4-partner-a", partner_id=10000),
    Credential("sim-comm100-v4-partner-b", partner_id=20000),
    Credential("sim-comm100-v4-read-only", partner_id=10000, manage_site=False),
)

_STATUS = {status.value.lower(): status for status in SiteStatus}

# Site fields a create or update copies straight onto the site.
_SITE_FIELDS = (
    "externalId", "platformId", "firstName", "lastName", "timeZone", "datetimeFormat", "languageId",
    "company", "industry", "otherIndustryDescription", "companySize", "mailingAddress", "countryOrRegion",
    "stateOrProvince", "postalOrZipCode", "city", "website", "phone", "fax", "subDomain", "customDomain",
)  # fmt: skip


def _site_json(record: SiteRecord) -> dict[str, Any]:
    return record.view


def _not_found(site_id: int) -> SimError:
    return SimError(404, "not_found", f"site {site_id} not found")


def _copy_fields(body: Mapping[str, Any]) -> dict[str, Any]:
    fields = {name: body[name] for name in _SITE_FIELDS if name in body}
    # The description only means something for industry "Others".
    if fields.get("industry") != "Others":
        fields.pop("otherIndustryDescription", None)
    return fields


class Comm100V4Simulator:
    """A stateful Comm100 v4 partner server; ``credentials`` name each partner's tokens."""

    key = KEY

    def __init__(self, credentials: Iterable[Credential] = DEFAULT_CREDENTIALS) -> None:
        self.credentials = {credential.token: credential for credential in credentials}
        self.sites = SiteStore()

    # -- the harness's hooks ------------------------------------------------------------

    def authenticate(self, request: Request, operation: Operation, body: bytes) -> Credential:
        token = bearer_token(request)
        if token is None:
            raise SimError(401, "unauthorized", "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        credential = self.credentials.get(token)
        if credential is None:
            raise SimError(
                401, "unauthorized", "the bearer token is invalid or expired",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )  # fmt: skip
        if not credential.manage_site:
            raise SimError(403, "forbidden", "the Manage Site permission is required")
        return credential

    def render_error(self, error: SimError) -> Reply:
        body: dict[str, Any] = {"code": error.code, "message": error.message}
        if error.problems:
            body["errors"] = [{"field": p.field, "message": p.message} for p in error.problems]
        return Reply(error.status, body, error.headers)

    def handlers(self) -> Mapping[str, Handler]:
        return {
            "list_sites": self.list_sites,
            "create_site": self.create_site,
            "get_site": self.get_site,
            "update_site": self.update_site,
            "change_site_status": self.change_site_status,
        }

    # -- operations ---------------------------------------------------------------------

    def list_sites(self, call: Call) -> Reply:
        query = call.query
        status = _STATUS[query["status"].lower()] if "status" in query else None
        email = query.get("email", "").lower()
        sites = []
        for record in self.sites.of_partner(call.principal.partner_id):
            site = record.site
            if status is not None and site.status != status:
                continue
            if "externalId" in query and site.externalId != query["externalId"]:
                continue
            if "platformId" in query and site.platformId != query["platformId"]:
                continue
            if email and email not in {address.lower() for address in record.agent_emails}:
                continue
            sites.append(_site_json(record))
        return Reply(200, sites)

    def create_site(self, call: Call) -> Reply:
        body = call.body
        fields = {
            "status": SiteStatus.Open,
            "isDeleted": False,
            "subDomain": "",
            "customDomain": "",
            "languageId": "en",
        }
        fields.update(_copy_fields(body))
        record = self.sites.add(call.principal.partner_id, fields, body["email"], body["planId"])
        created: dict[str, Any] = {"siteId": record.site.id, "email": record.email}
        if record.site.externalId is not None:
            created["externalId"] = record.site.externalId
        return Reply(200, created)

    def _site(self, call: Call) -> SiteRecord:
        record = self.sites.get(call.principal.partner_id, call.path["id"])
        if record is None:
            raise _not_found(call.path["id"])
        return record

    def get_site(self, call: Call) -> Reply:
        return Reply(200, _site_json(self._site(call)))

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
        return Reply(200, _site_json(self.sites.update(record, changes)))

    def change_site_status(self, call: Call) -> Reply:
        record = self._site(call)
        status = _STATUS[call.body["status"].lower()]
        return Reply(200, _site_json(self.sites.update(record, {"status": status})))


def create_app(credentials: Iterable[Credential] = DEFAULT_CREDENTIALS) -> Starlette:
    """Return the ASGI app of a fresh simulator (its state is at ``app.state.simulator``)."""
    simulator = Comm100V4Simulator(credentials)
    app = build_app(simulator, load_spec(KEY))
    app.state.simulator = simulator
    return app
