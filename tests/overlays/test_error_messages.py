"""Every API's refusals explain themselves: ``str(error)`` names each field problem the vendor gave.

Each case sends one invalid request through the API's overlay client to its simulator,
which answers in the vendor's own error shape (Comm100's field errors with JSON paths,
PortSIP's ``errors[].detail``, AirVantage's ``errorParameters``, Omnize's message inside
an HTTP 200), and checks the one-line text of the raised error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from airvantage_partners_client.api.partners import find_partners, get_partner
from comm100_v3_client.api.sites import create_site as v3_create_site
from comm100_v3_client.models import PlanSelection, SiteContactCreate
from comm100_v3_client.models import SiteCreate as V3SiteCreate
from comm100_v4_client.api.sites import create_site as v4_create_site
from comm100_v4_client.models import SiteCreate as V4SiteCreate
from omnize_partner_client.api.accounts import create_account
from omnize_partner_client.models import AccountCreate, CreateAccountRequest
from portsip_dealers_client.api.dealers import create_dealer
from portsip_dealers_client.models import DealerCreate, DealerLevel

from partner_apis.overlays import airvantage_partners, comm100_v3, comm100_v4, omnize_partner, portsip_dealers
from partner_apis.overlays.runtime import ApiResponseError, BadRequestError, RetryPolicy
from partner_apis.testing import RunningSimulator

NO_RETRY = RetryPolicy(max_retries=0)
UNKNOWN_UID = "0123456789abcdef0123456789abcdef"


@dataclass(frozen=True)
class Refusal:
    """One invalid call through an API's overlay client, and what the error's text must name."""

    key: str
    client: Callable[[RunningSimulator], object]
    call: Callable[[object], object]
    error: type[ApiResponseError]
    names: tuple[str, ...]


REFUSALS = {
    "comm100-v4 field error with its JSON path": Refusal(
        "comm100-v4",
        lambda sim: comm100_v4.client(sim.token(0), base_url=sim.base_url, retry=NO_RETRY),
        lambda client: v4_create_site.sync(
            client=client,  # type: ignore[arg-type]
            body=V4SiteCreate(platform_id=100, email="not-an-email", password="12345", plan_id=233),
        ),
        BadRequestError,
        ("400", "body.email", "not-an-email", '"email"'),
    ),
    "comm100-v3 field error with its JSON path": Refusal(
        "comm100-v3",
        lambda sim: comm100_v3.client("lizz@comm100.com", "111111", base_url=sim.base_url, retry=NO_RETRY),
        lambda client: v3_create_site.sync(
            client=client,  # type: ignore[arg-type]
            body=V3SiteCreate(
                password="123456",
                contact=SiteContactCreate(first_name="F", last_name="L", email="not-an-email"),
                plan_list=[PlanSelection(id=1)],
            ),
        ),
        BadRequestError,
        ("400", "body.contact.email", "not-an-email"),
    ),
    "portsip VALIDATE_FAILED with the field in its detail": Refusal(
        "portsip-dealers",
        lambda sim: portsip_dealers.client("admin", "sim-pbx-0-admin-password", base_url=sim.base_url),
        lambda client: create_dealer.sync(
            client=client,  # type: ignore[arg-type]
            body=DealerCreate(
                level=DealerLevel.RESELLER, name="Admin", password="secret-1", max_tenants=1, max_extensions=1
            ),
        ),
        portsip_dealers.PortsipBadRequestError,
        ("VALIDATE_FAILED", "name: is a reserved name"),
    ),
    "airvantage dotted code with the parameter it concerns": Refusal(
        "airvantage-partners",
        lambda sim: airvantage_partners.client("sim-acme-client", "sim-acme-secret", base_url=sim.base_url),
        lambda client: find_partners.sync(client=client, size=-1),  # type: ignore[arg-type]
        airvantage_partners.AirVantageError,
        ("parameter.invalid", "(size)"),
    ),
    "airvantage unknown uid": Refusal(
        "airvantage-partners",
        lambda sim: airvantage_partners.client("sim-acme-client", "sim-acme-secret", base_url=sim.base_url),
        lambda client: get_partner.sync(UNKNOWN_UID, client=client),  # type: ignore[arg-type]
        airvantage_partners.UnknownPartnerError,
        ("partner.unknown", UNKNOWN_UID),
    ),
    "omnize failure inside an HTTP 200": Refusal(
        "omnize-partner",
        lambda sim: omnize_partner.client(
            "sim-omnize-partner-a", base_url=sim.base_url, login_base_url=sim.root_url, retry=NO_RETRY
        ),
        lambda client: create_account.sync(
            client=client,  # type: ignore[arg-type]
            body=CreateAccountRequest(
                license_quantity=5,
                account=AccountCreate(
                    email="not-an-email", main_contact="Owner", telefone="(11) 9345-0987", url="example.com"
                ),
            ),
        ),
        omnize_partner.OmnizeError,
        ("200", "body.account.email", "not-an-email"),
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_the_error_text_names_the_vendors_field_problems_and_carries_the_response(
    case: str, partner_api_simulator: Callable[..., RunningSimulator]
) -> None:
    refusal = REFUSALS[case]
    sim = partner_api_simulator(refusal.key)
    client = refusal.client(sim)
    with pytest.raises(refusal.error) as raised:
        refusal.call(client)
    error = raised.value
    text = str(error)
    assert "\n" not in text
    for name in refusal.names:
        assert name in text, (case, text)
    assert error.response.status_code == error.status
    assert error.response.request is error.request
    assert error.request.url.path in text
