"""PortSIP PBX dealers: build a two-level dealer channel, against a simulator started in-process.

The flow: the PBX's system administrator creates a DISTRIBUTOR; the distributor signs in
with its own name and password and creates a RESELLER below it; the distributor lists its
dealers with ``portsip_dealers.iter_dealers``, updates the reseller, resets its password
(the reseller then signs in with the new one, and the old one is refused), and destroys
it, after which reading it is a typed 404. Every write is read back, from the record and
from the list; anything unexpected ends the script with a one-line message and a non-zero
exit status.

Run it with ``python examples/portsip_dealers.py`` (needs ``pip install "partner-apis[simulators]"``).
Against a real PBX, replace the ``running(...)`` block with
``pbx = portsip_dealers.client("admin", password, host="pbx.example.com")`` and sign the
dealers in with ``host=`` as well.
"""

from __future__ import annotations

import secrets
from typing import TypeVar

from portsip_dealers_client.api.dealers import (
    create_dealer,
    destroy_dealer,
    get_dealer,
    list_dealers,
    set_dealer_password,
    update_dealer,
)
from portsip_dealers_client.models import (
    Dealer,
    DealerCreate,
    DealerCreated,
    DealerLevel,
    DealerList,
    DealerPassword,
    DealerUpdate,
)

from partner_apis.overlays import portsip_dealers
from partner_apis.overlays.portsip_dealers import PortsipAuthenticationError, PortsipClient, PortsipNotFoundError
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")

DISTRIBUTOR = "northwind-telecom"
RESELLER = "northwind-reseller-1"


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else.

    The generated functions are typed ``Dealer | ErrorResponse | None``: with the overlay
    installed a failure raises a ``PortsipError`` instead, so anything but the model is a
    surprise worth stopping for.
    """
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def new_dealer(pbx: PortsipClient, level: DealerLevel, name: str, display_name: str, password: str) -> Dealer:
    """Create a dealer below the caller and read it back; raises ``SystemExit`` when the record disagrees."""
    body = DealerCreate(
        level=level,
        name=name,
        password=password,
        max_tenants=10,
        max_extensions=500,
        email=f"ops@{name}.example",
        display_name=display_name,  # email and display_name: required by PortSIP v22.6 and later
    )
    created = expect(create_dealer.sync(client=pbx, body=body), DealerCreated, "createDealer")
    dealer = expect(get_dealer.sync(created.id, client=pbx), Dealer, "getDealer")  # ids are opaque: never parse one
    check((dealer.name, dealer.level, dealer.enabled) == (name, level, True), f"dealer {created.id}: {dealer}")
    return dealer


def names_listed(pbx: PortsipClient, level: DealerLevel) -> dict[str, int]:
    """Every dealer of ``level`` the caller sees (every page), by name, with its ``max_tenants``."""
    dealers = portsip_dealers.iter_dealers(pbx, filter_=f"level eq '{level}'")
    # Only `id` is sure to be in an answer: the vendor's own OpenAPI file requires no other field.
    return {d.name: d.max_tenants for d in dealers if isinstance(d.name, str) and isinstance(d.max_tenants, int)}


def signs_in(name: str, password: str, base_url: str) -> bool:
    """Whether ``name`` can sign in with ``password`` (it then lists the dealers below it, an empty list here)."""
    with portsip_dealers.client(name, password, base_url=base_url) as dealer:
        try:
            below = list(portsip_dealers.iter_dealers(dealer))
        except PortsipAuthenticationError:  # PortSIP answers a refused login 400 UNAUTHORIZED
            return False
    check(below == [], f"{name} sees dealers below it: {[item.name for item in below]}")
    return True


def manage_reseller(northwind: PortsipClient, base_url: str) -> None:
    """As the distributor: create a reseller, list, update, re-password and destroy it.

    Raises ``SystemExit`` when a read-back disagrees.
    """
    reseller_password = secrets.token_urlsafe(12)  # handed to the reseller, never printed
    reseller = new_dealer(northwind, DealerLevel.RESELLER, RESELLER, "Northwind Reseller 1", reseller_password)
    print(f"{DISTRIBUTOR} signed in and created RESELLER {reseller.name} (id {reseller.id})")

    every = [dealer.name for dealer in portsip_dealers.iter_dealers(northwind)]
    check(every == [RESELLER], f"{DISTRIBUTOR} lists {every}, not only its reseller")
    # One page by hand: count is every match, not just this page.
    page = expect(list_dealers.sync(client=northwind, search="reseller", top=10), DealerList, "listDealers")
    check((page.count, [dealer.id for dealer in page.items]) == (1, [reseller.id]), f"listDealers: {page}")
    print(f"as {DISTRIBUTOR}, iter_dealers lists {every} and list_dealers counts {page.count}")

    update = DealerUpdate(max_tenants=20, description="Northwind's first reseller")
    check(update_dealer.sync(reseller.id, client=northwind, body=update) is None, "updateDealer answered a body")
    stored = expect(get_dealer.sync(reseller.id, client=northwind), Dealer, "getDealer")
    check((stored.max_tenants, stored.description) == (20, "Northwind's first reseller"), f"after the update: {stored}")
    listed = names_listed(northwind, DealerLevel.RESELLER)
    check(listed == {RESELLER: 20}, f"after the update, iter_dealers shows {listed}")
    print(f"updated {RESELLER}: max_tenants {stored.max_tenants} in get_dealer and iter_dealers")

    new_password = secrets.token_urlsafe(12)
    reset = set_dealer_password.sync(reseller.id, client=northwind, body=DealerPassword(password=new_password))
    check(reset is None, "setDealerPassword answered a body")
    # The password is never answered: signing in with it is the read-back.
    check(signs_in(RESELLER, new_password, base_url), f"{RESELLER} cannot sign in with its new password")
    check(not signs_in(RESELLER, reseller_password, base_url), f"{RESELLER} still signs in with its old password")
    print(f"reset {RESELLER}'s password: the new one signs in, the old one is refused")

    check(destroy_dealer.sync(reseller.id, client=northwind) is None, "destroyDealer answered a body")
    try:
        get_dealer.sync(reseller.id, client=northwind)
    except PortsipNotFoundError as error:  # also the runtime's NotFoundError
        print(f"destroyed {RESELLER}; reading it back: HTTP {error.status} {error.code} ({error.message})")
    else:
        raise SystemExit(f"{RESELLER} can still be read after it was destroyed")
    remaining = [dealer.name for dealer in portsip_dealers.iter_dealers(northwind)]
    check(remaining == [], f"after the destroy {DISTRIBUTOR} lists {remaining}")


def build_channel(admin: PortsipClient, base_url: str) -> None:
    """As the administrator create the distributor, then run :func:`manage_reseller` signed in as it.

    Raises ``SystemExit`` when a read-back disagrees.
    """
    distributor_password = secrets.token_urlsafe(12)  # handed to the distributor, never printed
    distributor = new_dealer(admin, DealerLevel.DISTRIBUTOR, DISTRIBUTOR, "Northwind Telecom", distributor_password)
    listed = names_listed(admin, DealerLevel.DISTRIBUTOR)
    check(listed == {DISTRIBUTOR: 10}, f"the administrator lists the distributors {listed}")
    print(f"administrator created DISTRIBUTOR {distributor.name} (id {distributor.id})")

    # The distributor signs in with its own name and password: it sees and manages only the dealers below it.
    with portsip_dealers.client(DISTRIBUTOR, distributor_password, base_url=base_url) as northwind:
        manage_reseller(northwind, base_url)
    remaining = [dealer.name for dealer in portsip_dealers.iter_dealers(admin)]
    check(remaining == [DISTRIBUTOR], f"after the destroy the administrator lists {remaining}")
    print(f"the administrator now lists only {remaining}")


def main() -> int:
    """Run the flow against a fresh portsip-dealers simulator; returns the exit status (0: all as expected)."""
    try:
        with running("portsip-dealers") as sim:  # a fresh simulator on a free loopback port
            admin: PortsipClient = sim.client()  # the first installation's system administrator
            print(f"portsip-dealers simulator at {sim.base_url}")
            with admin:  # closes its connections at the end
                build_channel(admin, sim.base_url)
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
