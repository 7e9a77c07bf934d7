"""Comm100 partner API v4: provision a customer site, against a simulator started in-process.

The flow a reseller's provisioning job runs: create a site with your own external id,
find it again by that id, update its registrant and company, suspend it and read the
status back, and see that another partner cannot reach it (a typed ``NotFoundError``).
Every write is read back, from the record and from the list; anything unexpected ends
the script with a one-line message and a non-zero exit status.

Run it with ``python examples/comm100_v4.py`` (needs ``pip install "partner-apis[simulators]"``).
Against the real API, replace the ``running(...)`` block with
``client = comm100_v4.client(token)`` (or ``email=``, ``password=``, ``client_id=``).
"""

from __future__ import annotations

import secrets
from typing import TypeVar

from comm100_v4_client import Client
from comm100_v4_client.api.sites import change_site_status, create_site, get_site, list_sites, update_site
from comm100_v4_client.models import (
    ChangeableSiteStatus,
    CompanySize,
    Site,
    SiteCreate,
    SiteCreated,
    SiteStatus,
    SiteStatusChange,
    SiteUpdate,
)

from partner_apis.overlays import comm100_v4
from partner_apis.overlays.runtime import NotFoundError, PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")

EXTERNAL_ID = "crm-4711"  # your own reference for the customer, kept on the site


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else.

    The generated functions are typed ``Error | Site | None``: with the overlay installed a
    failure raises instead, so anything but the model is a surprise worth stopping for.
    """
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def expect_list(value: object, kind: type[T], what: str) -> list[T]:
    """Return ``value`` as a list of ``kind``; raises ``SystemExit`` naming ``what`` when it is not one."""
    items = expect(value, list, what)
    for item in items:
        expect(item, kind, f"an item of {what}")
    return items


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def provision(client: Client, other_partner: Client) -> None:
    """Create, find, update and suspend a site; raises ``SystemExit`` when a read-back disagrees."""
    body = SiteCreate(
        platform_id=100,
        email="owner@acme.example",
        # The new site's first login: generated, handed to the customer, never printed.
        password=secrets.token_urlsafe(12),
        plan_id=233,
        external_id=EXTERNAL_ID,
        first_name="Ann",
        last_name="Lee",
        company="Acme",
    )
    created = expect(create_site.sync(client=client, body=body), SiteCreated, "createSite")
    site_id = created.site_id
    print(f"created site {site_id} for {created.email} (externalId {created.external_id})")

    found = expect_list(list_sites.sync(client=client, external_id=EXTERNAL_ID), Site, "listSites")
    check([site.id for site in found] == [site_id], f"listSites externalId={EXTERNAL_ID}: {found!r}")
    print(f"list_sites(externalId={EXTERNAL_ID!r}) finds site {site_id}")

    update = SiteUpdate(
        first_name="Jason", last_name="Statham", company="Acme Ltd", company_size=CompanySize.SIZE_101_180
    )
    updated = expect(update_site.sync(site_id, client=client, body=update), Site, "updateSite")
    stored = expect(get_site.sync(site_id, client=client), Site, "getSite")
    for answer in (updated, stored):
        check(
            (answer.first_name, answer.company, answer.company_size) == ("Jason", "Acme Ltd", CompanySize.SIZE_101_180),
            f"site {site_id} after the update: {answer.first_name!r}, {answer.company!r}, {answer.company_size!r}",
        )
    print(f"updated site {site_id}: registrant {stored.first_name} {stored.last_name}, company {stored.company!r}")

    change = SiteStatusChange(status=ChangeableSiteStatus.SUSPENDED)
    changed = expect(change_site_status.sync(site_id, client=client, body=change), Site, "changeSiteStatus")
    # The vendor answers the status in whatever letter case; site_status() compares it safely.
    check(
        comm100_v4.site_status(changed.status) is SiteStatus.SUSPENDED, f"changeSiteStatus answered {changed.status!r}"
    )
    stored = expect(get_site.sync(site_id, client=client), Site, "getSite")
    check(comm100_v4.site_status(stored.status) is SiteStatus.SUSPENDED, f"site {site_id} is {stored.status!r}")
    suspended = expect_list(list_sites.sync(client=client, status="suspended"), Site, "listSites")
    check(site_id in [site.id for site in suspended], f"site {site_id} is not listed as suspended")
    print(f"suspended site {site_id}: get_site and list_sites(status='suspended') agree")

    try:
        get_site.sync(site_id, client=other_partner)
    except NotFoundError as error:
        print(f"another partner reading site {site_id}: NotFoundError (HTTP {error.status})")
    else:
        raise SystemExit(f"another partner could read site {site_id}")


def main() -> int:
    """Run the flow against a fresh comm100-v4 simulator; returns the exit status (0: all as expected)."""
    try:
        with running("comm100-v4") as sim:  # a fresh simulator on a free loopback port
            client: Client = sim.client()  # partner-a, with a bearer token
            other_partner: Client = sim.client(tenant=1)  # partner-b
            print(f"comm100-v4 simulator at {sim.base_url}")
            with client, other_partner:  # closes their connections at the end
                provision(client, other_partner)
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
