"""The Comm100 partner API v3 simulator: OAuth tokens that expire, sites per partner, paging.

Rules beyond the spec's schemas, each as the doc states or implies it:
- ``POST /partner/oauth/token`` takes the password grant (``email`` + ``password``; the
  email in any letter case) and the refresh grant (the harness's OAuth endpoint); access
  tokens expire after ``token_lifetime`` seconds.
- Every site call needs a live token (401 otherwise) of a partner with the Manage Site
  permission (403 otherwise). Another partner's site is 404, the same as an unknown id,
  and never listed.
- Get Sites answers 100 sites a page, oldest first; ``nextPage`` and ``previousPage`` are
  full URLs of the same query, empty when there is no such page; a page past the end is
  empty. ``keywords`` keeps the sites where every word (case-insensitive) is in the
  company, website, contact's first name, last name or email, or an agent's name or email.
- Update is partial: a field left out keeps its value. The time zone arrives as
  ``timezone`` or ``timeZone`` (the last one wins, as on a server that binds field names
  case-insensitively) and is answered as ``timeZone``, the spelling of every sample.
- ``/paying`` makes a trial site a paying one; calling it again changes nothing (200).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Literal
from urllib.parse import urlencode

from starlette.requests import Request

from partner_apis.simulators.harness import Call, OAuthSimulator, Reply, SimError, app_factory, same_secret, token_path
from partner_apis.simulators.harness.faults import VendorFault
from partner_apis.simulators.tenants import FULL, READ_ONLY, Tenant, frozen

from .state import Agent, Credential, SiteRecord, SiteStore, TokenIssuer, now_text

__all__ = ["DEFAULT_CREDENTIALS", "PAGE_SIZE", "TOKEN_PATH", "Comm100V3Simulator", "create_app"]

KEY = "comm100-v3"
TOKEN_PATH = token_path(KEY)
PAGE_SIZE = 100
# The sample's token lives 43199 s; refresh tokens are taken to live two weeks.
DEFAULT_TOKEN_LIFETIME = 43199
DEFAULT_REFRESH_TOKEN_LIFETIME = 14 * 24 * 3600
# The time zone of a site created without one, as the doc's create sample shows.
DEFAULT_TIME_ZONE = "71"

# Fake, well-known logins of the default simulated partners (the first is the doc's
# sample login, so the spec's token example works against the simulator).
DEFAULT_CREDENTIALS = (
    Credential("lizz@comm100.com", "111111", partner_id=1),
    Credential("partner-b@example.com", "sim-partner-b-password", partner_id=2),
    Credential("read-only@example.com", "sim-read-only-password", partner_id=1, manage_site=False),
)

# Site fields a create or update copies straight onto the site, in the samples' order.
_TEXT_FIELDS = (
    "company", "website", "fax", "mailingAddress", "city", "stateOrProvince", "postalOrZipCode", "country",
)  # fmt: skip
_UPDATE_FIELDS = (*_TEXT_FIELDS, "companySize", "activated", "disabled")
_CONTACT_FIELDS = ("firstName", "lastName", "email", "phone")

# ASP.NET Web API's stock 401 message (the spec's example uses it), then the reason.
_DENIED = "Authorization has been denied for this request"
# Fault profiles' vendor fault: ASP.NET's unhandled-exception answer, in the v3 error shape.
_INTERNAL_ERROR = VendorFault("a 500 {code, message}", SimError(500, "internal_error", "An error has occurred."))


def _time_zone(body: Mapping[str, Any]) -> str | None:
    values = [value for name, value in body.items() if name in {"timezone", "timeZone"}]
    return values[-1] if values else None


def _plan(selection: Mapping[str, Any]) -> dict[str, Any]:
    # The doc lists no plan catalogue: a plan is what the partner names.
    plan_id = selection["id"]
    return {"id": plan_id, "name": selection.get("name", f"Plan {plan_id}"), "products": selection.get("products", 0)}


def _page_url(request: Request, query: Mapping[str, Any], page_index: int) -> str:
    params = {"keywords": query["keywords"]} if "keywords" in query else {}
    return str(request.url.replace(query=urlencode({**params, "pageIndex": page_index})))


class Comm100V3Simulator(OAuthSimulator[Credential]):
    """A stateful Comm100 v3 partner server; ``credentials`` are the partners' logins."""

    key = KEY
    vendor_faults = MappingProxyType({"internal-error": _INTERNAL_ERROR})
    missing_token = ("unauthorized", f"{_DENIED}: a bearer token is required.", "Bearer")
    invalid_token = ("unauthorized", f"{_DENIED}: the token is invalid or expired.", 'Bearer error="invalid_token"')

    def __init__(
        self,
        credentials: Iterable[Credential] = DEFAULT_CREDENTIALS,
        *,
        token_lifetime: int = DEFAULT_TOKEN_LIFETIME,
        refresh_token_lifetime: int = DEFAULT_REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.monotonic,
        time_zone_field: Literal["timeZone", "timezone"] = "timeZone",
        seed_sites: int = 0,
    ) -> None:
        """``token_lifetime`` (seconds) and ``clock`` let tests make tokens expire; ``time_zone_field``
        picks the spelling sites are answered with (the doc's model block says ``timezone``, its
        samples ``timeZone``); ``seed_sites`` creates that many sites for the first credential's
        partner (benchmarks page through 100,000). Raises ``ValueError`` for a negative
        ``seed_sites``, or sites to seed without a credential to own them.
        """
        self.credentials = {credential.email.casefold(): credential for credential in credentials}
        self.tokens = TokenIssuer(lifetime=token_lifetime, refresh_lifetime=refresh_token_lifetime, clock=clock)
        self.sites = SiteStore()
        self.time_zone_field = time_zone_field
        if seed_sites < 0:
            raise ValueError(f"seed_sites must be >= 0, not {seed_sites}")
        owners = [credential.partner_id for credential in self.credentials.values()][:1]
        if seed_sites and not owners:
            raise ValueError("seed_sites needs a credential: the sites are seeded for the first one's partner")
        for n in range(seed_sites):
            contact = {"firstName": "Seed", "lastName": f"Site {n}", "email": f"seed{n}@example.com"}
            self.new_site(owners[0], {"company": f"Seeded {n}", "contact": contact, "planList": []})

    # -- who can sign in, and what is seeded (read by the pytest fixture) --------------

    def tenants(self) -> list[Tenant]:
        """Each partner login as a tenant (password grant); without Manage Site it is read-only."""
        return [
            Tenant(
                credential.email.partition("@")[0],
                {"email": credential.email, "password": credential.password},
                FULL if credential.manage_site else READ_ONLY,
                f"partner {credential.partner_id}" + ("" if credential.manage_site else " without Manage Site"),
                {"partner_id": credential.partner_id},
            )
            for credential in self.credentials.values()
        ]

    def seed_data(self) -> Mapping[str, Any]:
        """The site list's page size (``seed_sites`` seeds sites for the first partner)."""
        return frozen({"page_size": PAGE_SIZE})

    # -- the harness's hooks ------------------------------------------------------------

    def admit(self, holder: Credential) -> Credential:
        if not holder.manage_site:
            raise SimError(403, "forbidden", "You do not have the permission to manage sites.")
        return holder

    def vendor_error(self, error: SimError) -> Reply:
        message = error.message
        if error.problems:
            message += ": " + "; ".join(f"{problem.field} {problem.message}" for problem in error.problems[:5])
        body: dict[str, Any] = {"code": error.status, "message": message}
        if error.problems:
            body["errors"] = [{"field": p.field, "message": p.message} for p in error.problems]
        return Reply(error.status, body, error.headers)

    def grant(self, grant_type: str, form: Mapping[str, Any], client: Any) -> Credential | None:
        credential = self.credentials.get(form["email"].casefold())
        return credential if credential and same_secret(credential.password, form["password"]) else None

    # -- sites --------------------------------------------------------------------------

    def _site(self, call: Call) -> SiteRecord:
        return self.sites.require(call.principal.partner_id, call.path["site_id"])

    def list_sites(self, call: Call) -> Reply:
        query = call.query
        keywords: str = query.get("keywords", "")
        page_index: int = query.get("pageIndex", 1)
        sites = self.sites.of(call.principal.partner_id)
        matching = [record for record in sites if record.matches(keywords)] if keywords.split() else sites
        start = (page_index - 1) * PAGE_SIZE
        has_next = page_index * PAGE_SIZE < len(matching)
        return Reply(
            200,
            {
                "total": len(matching),
                "previousPage": _page_url(call.request, query, page_index - 1) if page_index > 1 else "",
                "nextPage": _page_url(call.request, query, page_index + 1) if has_next else "",
                "sites": [record.view for record in matching[start : start + PAGE_SIZE]],
            },
        )

    def new_site(self, partner_id: int, body: Mapping[str, Any]) -> SiteRecord:
        """Create a site from a (valid) Create Site body; also used to seed sites in tests."""
        contact = body["contact"]
        site: dict[str, Any] = {
            "agents": 1,
            "contact": {**{name: contact[name] for name in _CONTACT_FIELDS[:3]}, "phone": contact.get("phone", "")},
            **{name: body.get(name, "") for name in _TEXT_FIELDS},
            self.time_zone_field: _time_zone(body) or DEFAULT_TIME_ZONE,
            "companySize": body.get("companySize", ""),
            "activated": True,
            "disabled": body.get("disabled", False),
            "createTime": now_text(),
            "planList": [_plan(selection) for selection in body["planList"]],
        }
        registrant = Agent(f"{contact['firstName']} {contact['lastName']}", contact["email"])
        return self.sites.add(partner_id, lambda site_id: SiteRecord({"id": site_id, **site}, [registrant]))

    def create_site(self, call: Call) -> Reply:
        return Reply(200, self.new_site(call.principal.partner_id, call.body).view)

    def get_site(self, call: Call) -> Reply:
        return Reply(200, self._site(call).view)

    def update_site(self, call: Call) -> Reply:
        record = self._site(call)
        body, site = call.body, record.site
        site.update({name: body[name] for name in _UPDATE_FIELDS if name in body})
        time_zone = _time_zone(body)
        if time_zone is not None:
            site[self.time_zone_field] = time_zone
        contact = body.get("contact", {})
        site["contact"].update({name: contact[name] for name in _CONTACT_FIELDS if name in contact})
        if "planList" in body:
            # The doc does not say whether the list replaces the plans or adds to them; it
            # is the site's plan list, so it replaces them.
            site["planList"] = [_plan(selection) for selection in body["planList"]]
        record.changed()
        return Reply(200, record.view)

    def convert_site_to_paying(self, call: Call) -> Reply:
        # The form's optional site_id repeats the path's; the path's is the one that counts.
        self._site(call).paying = True
        return Reply(200)


create_app = app_factory(Comm100V3Simulator)
