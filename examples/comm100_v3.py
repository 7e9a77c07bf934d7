"""Comm100 partner API v3: provision two customer sites, against a simulator started in-process.

The partner already has 150 sites (the simulator seeds them), so the site list spans two
pages of 100. The flow: create two sites, page through every site with
``comm100_v3.iter_sites`` (and find the new ones by keyword), update one, convert it from
trial to paying, and read it back. Every write is read back, from the record and from the
list; anything unexpected ends the script with a one-line message and a non-zero exit
status.

Run it with ``python examples/comm100_v3.py`` (needs ``pip install "partner-apis[simulators]"``).
Against the real API, replace the ``running(...)`` block with
``client = comm100_v3.client(email, password)``.
"""

from __future__ import annotations

import secrets
from typing import Any, TypeVar

from comm100_v3_client import Client
from comm100_v3_client.api.sites import convert_site_to_paying, create_site, get_site, update_site
from comm100_v3_client.models import PlanSelection, Site, SiteContactCreate, SiteCreate, SiteUpdate

from partner_apis.overlays import comm100_v3
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")

SEEDED_SITES = 150  # the partner's existing customers, so that listing them takes two pages


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else.

    The generated functions are typed ``Error | Site | None``: with the overlay installed a
    failure raises instead, so anything but the model is a surprise worth stopping for.
    """
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def new_site(client: Client, company: str, first_name: str, last_name: str, email: str) -> Site:
    """Create a trial site for ``company`` with its first user; raises ``SystemExit`` on a surprising answer."""
    body = SiteCreate(
        # The registrant's first login: generated, handed to the customer, never printed.
        password=secrets.token_urlsafe(12),
        contact=SiteContactCreate(first_name=first_name, last_name=last_name, email=email),
        plan_list=[PlanSelection(id=1)],
        company=company,
        city="Toronto",
        time_zone="Eastern Standard Time",
    )
    site = expect(create_site.sync(client=client, body=body), Site, "createSite")
    check(site.company == company, f"createSite answered company {site.company!r}, not {company!r}")
    print(f"created site {site.id} for {company} ({email})")
    return site


def provision(client: Client) -> int:
    """Create two sites, page through the list, update one and make it paying; returns that site's id.

    Raises ``SystemExit`` when a read-back disagrees.
    """
    first = new_site(client, "Acme Anvils", "Ann", "Lee", "ann@acme-anvils.example")
    second = new_site(client, "Acme Rockets", "Raj", "Patel", "raj@acme-rockets.example")

    # iter_sites follows nextPage lazily: the second page is fetched when the first is used up.
    every_site = list(comm100_v3.iter_sites(client))
    check(len(every_site) == SEEDED_SITES + 2, f"iter_sites yielded {len(every_site)} sites")
    check(len({site.id for site in every_site}) == len(every_site), "iter_sites yielded a site twice")
    print(f"iter_sites() paged through all {len(every_site)} sites")
    acme = {site.id: site.company for site in comm100_v3.iter_sites(client, keywords="acme")}
    check(acme == {first.id: "Acme Anvils", second.id: "Acme Rockets"}, f"iter_sites(keywords='acme'): {acme}")
    print(f"iter_sites(keywords='acme') finds sites {sorted(acme)}")

    change = SiteUpdate(city="Vancouver", time_zone="Pacific Standard Time", company_size="21-50")
    updated = expect(update_site.sync(second.id, client=client, body=change), Site, "updateSite")
    stored = expect(get_site.sync(second.id, client=client), Site, "getSite")
    listed = list(comm100_v3.iter_sites(client, keywords="rockets"))
    check(len(listed) == 1, f"iter_sites(keywords='rockets') yielded {len(listed)} sites")
    for source, site in (("updateSite", updated), ("getSite", stored), ("iter_sites", listed[0])):
        # One time-zone field, whichever spelling the server answered in (the overlay's doing).
        seen = (site.city, site.time_zone, site.company_size)
        check(seen == ("Vancouver", "Pacific Standard Time", "21-50"), f"{source} after the update: {seen}")
    print(f"updated site {second.id}: {stored.city}, {stored.time_zone}, {stored.company_size} staff")

    response = convert_site_to_paying.sync_detailed(second.id, client=client)  # 200 with no body
    check(response.status_code == 200, f"convertSiteToPaying answered HTTP {response.status_code}")
    stored = expect(get_site.sync(second.id, client=client), Site, "getSite")
    check(stored.city == "Vancouver" and not stored.disabled, f"site {second.id} after paying: {stored.to_dict()}")
    print(f"converted site {second.id} to paying (HTTP {response.status_code}); the site reads back unchanged")
    untouched = expect(get_site.sync(first.id, client=client), Site, "getSite")
    check(untouched.city == "Toronto", f"site {first.id} changed: city {untouched.city!r}")
    return second.id


def main() -> int:
    """Run the flow against a fresh comm100-v3 simulator; returns the exit status (0: all as expected)."""
    try:
        with running("comm100-v3", seed_sites=SEEDED_SITES) as sim:  # a fresh simulator on a free loopback port
            client: Client = sim.client()  # lizz@comm100.com, the doc's sample login (password grant)
            print(f"comm100-v3 simulator at {sim.base_url}")
            with client:  # closes its connections at the end
                site_id = provision(client)
            # The API shows no paying flag on a site; the simulator's own state does.
            simulator: Any = sim.simulator
            record = simulator.sites.get(sim.tenant().facts["partner_id"], site_id)
            check(record is not None and record.paying, f"the simulator does not hold site {site_id} as paying")
            print(f"the simulator holds site {site_id} as paying")
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
