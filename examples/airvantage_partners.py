"""Sierra Wireless AirVantage partners: two companies become partners, against a simulator started in-process.

The flow: Acme IoT asks Globex Telematics to become a partner and waits for the answer
(``av.request_partnership_and_wait``, polling the request's operation, here in a
background thread); meanwhile Globex, with its own API client, finds the request in its
list and accepts it. Acme then sees Globex among its partners with the profile it chose,
Globex sees Acme, and asking a second time is refused with a typed ``PartnerExistsError``.
Every step is read back, from the record and from the list; anything unexpected ends the
script with a one-line message and a non-zero exit status.

Run it with ``python examples/airvantage_partners.py`` (needs ``pip install "partner-apis[simulators]"``).
Against the real API each company runs its own side with its own API client:
``acme = av.client(client_id, client_secret, region="eu")``.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from airvantage_partners_client.api.partners import get_partner
from airvantage_partners_client.api.requests import accept_request
from airvantage_partners_client.models import Partner, PartnerProfile, Request, RequestAcceptance, RequestAcceptanceData

from partner_apis.overlays import airvantage_partners as av
from partner_apis.overlays.runtime import PartnerApiError
from partner_apis.testing import running

T = TypeVar("T")

WAIT = 30.0  # seconds either side waits for the other before giving up


def expect(value: object, kind: type[T], what: str) -> T:
    """Return ``value`` as a ``kind``; raises ``SystemExit`` naming ``what`` when it is something else.

    The generated functions are typed ``Partner | ApiError | None``: with the overlay
    installed a failure raises an ``AirVantageError`` instead, so anything but the model
    is a surprise worth stopping for.
    """
    if not isinstance(value, kind):
        raise SystemExit(f"{what}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def check(condition: bool, message: str) -> None:
    """Stop the script with ``message`` (exit status 1) unless ``condition`` holds."""
    if not condition:
        raise SystemExit(message)


def partner_profiles(client: av.AirVantageClient) -> dict[str, str]:
    """Every partner of the client's company (every page), by name, with the name of the profile it was given."""
    profiles: dict[str, str] = {}
    for partner in av.iter_partners(client, fields=["uid", "name", "profile"], order_by="name"):
        # Every attribute of a listed partner is optional (only the fields asked for come back).
        profile = partner.profile if isinstance(partner.profile, PartnerProfile) else None
        profiles[str(partner.name)] = str(profile.name) if profile else "(no profile)"
    return profiles


def pending_request_from(client: av.AirVantageClient, requester: str) -> Request:
    """Wait (up to ``WAIT`` seconds) for a request from company uid ``requester`` in the client's list.

    Raises ``SystemExit`` when none arrives in time.
    """
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        for request in av.iter_requests(client, fields=["uid", "requestBy", "message"]):
            if request.request_by and request.request_by.uid == requester:
                return request
        time.sleep(0.05)
    raise SystemExit(f"no request from {requester} arrived within {WAIT:g} s")


def partner_up(acme: av.AirVantageClient, globex: av.AirVantageClient, seed: Mapping[str, Any]) -> None:
    """Acme asks, Globex accepts, both read the partnership back; raises ``SystemExit`` when they disagree."""
    companies = seed["companies"]
    acme_uid, globex_uid = companies["Acme IoT"]["uid"], companies["Globex Telematics"]["uid"]
    # The profile Globex's users get in Acme, and the one Acme's users get in Globex.
    support_partner = companies["Acme IoT"]["profiles"]["Support Partner"]
    globex_partner = companies["Globex Telematics"]["profiles"]["Partner"]

    before = partner_profiles(acme)
    check("Globex Telematics" not in before, f"Globex is already Acme's partner: {before}")
    print(f"Acme IoT's partners before: {sorted(before)}")

    with ThreadPoolExecutor(max_workers=1) as pool:
        # Acme's side: send the request, then poll its operation (with backoff) until Globex answers.
        waiting = pool.submit(
            av.request_partnership_and_wait,
            acme,
            globex_uid,
            profile=support_partner,
            message="Let's work together!!!",
            timeout=WAIT,
            first_poll=0.05,
            max_poll=0.5,
        )
        # Globex's side, with its own client: find the request and accept it.
        request = pending_request_from(globex, acme_uid)
        check(request.message == "Let's work together!!!", f"Globex received the message {request.message!r}")
        print(f"Globex Telematics received request {request.uid} from Acme IoT: {request.message!r}")
        answer = RequestAcceptance(data=RequestAcceptanceData(profile=globex_partner))
        accept_request.sync(str(request.uid), client=globex, body=answer)
        print(f"Globex Telematics accepted request {request.uid}")
        result = waiting.result(timeout=WAIT)

    check(result.succeeded and result.target == globex_uid, f"the request's operation ended {result}")
    print(f"Acme IoT's request finished: accepted ({result.state!s}, operation {result.uid})")
    remaining = [request.uid for request in av.iter_requests(globex)]
    check(remaining == [], f"Globex still has requests waiting: {remaining}")

    after = partner_profiles(acme)
    check(after == {**before, "Globex Telematics": "Support Partner"}, f"Acme IoT's partners after: {after}")
    partner = expect(get_partner.sync(globex_uid, client=acme), Partner, "getPartner")
    profile = partner.profile
    check(isinstance(profile, PartnerProfile) and profile.uid == support_partner, f"getPartner: {partner}")
    print(f"iter_partners as Acme IoT: {after}")
    seen_by_globex = partner_profiles(globex)
    check(seen_by_globex == {"Acme IoT": "Partner"}, f"Globex's partners: {seen_by_globex}")
    print(f"iter_partners as Globex Telematics: {seen_by_globex}")

    try:
        av.request_partnership_and_wait(acme, globex_uid, timeout=WAIT)
    except av.PartnerExistsError as error:  # also a BadRequestError
        print(f"asking Globex again: PartnerExistsError {error.code} (HTTP {error.status})")
    else:
        raise SystemExit("a second partnership request with Globex was accepted")


def main() -> int:
    """Run the flow against a fresh airvantage-partners simulator; returns the exit status (0: all as expected)."""
    try:
        # start_delay=0: the simulator starts each operation at once rather than after 0.1 s.
        with running("airvantage-partners", start_delay=0) as sim:  # a fresh simulator on a free loopback port
            acme: av.AirVantageClient = sim.client()  # Acme IoT's API client (client-credentials grant)
            globex: av.AirVantageClient = sim.client(tenant=1)  # Globex Telematics' API client
            print(f"airvantage-partners simulator at {sim.base_url}")
            with acme, globex:  # closes their connections at the end
                partner_up(acme, globex, sim.seed)
    except PartnerApiError as error:  # a refusal or failure the flow did not expect: one line, no traceback
        raise SystemExit(f"unexpected {type(error).__name__}: {error}") from None
    print("done")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
