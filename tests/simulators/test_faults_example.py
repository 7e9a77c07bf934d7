"""The README's fault-profile example, as a test: a profile file, the fixture with ``faults=``, code that survives it.

Keep it the same as the README's "Fault profiles" block (the profile text and the test).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from comm100_v4_client.api.sites import create_site, list_sites
from comm100_v4_client.models import SiteCreate

from partner_apis.overlays.runtime import ApiConnectionError, client_transport

PROFILE_TEXT = """\
description = "Creates lose their answer now and then; reads are throttled."

[[faults]]
kind = "reset-after"          # processed, then the connection drops: the client never hears
rate = 0.5
operations = ["createSite"]   # an operationId; or "reads", "writes", "all", "POST", "tag:sites"

[[faults]]
kind = "rate-limit"           # 429 with Retry-After: 2
rate = 0.3
retry_after = 2
operations = ["reads"]
"""


def provision(client: Any, external_id: str) -> int:
    """Your code under test: create the site once, even when the answer is lost."""
    body = SiteCreate(platform_id=100, email="owner@example.com", password="secret-1", plan_id=233)
    body.external_id = external_id
    for _ in range(5):
        try:
            return int(create_site.sync(client=client, body=body).site_id)  # type: ignore[union-attr]
        except ApiConnectionError:  # not retried by the client: the create may have happened
            found: Any = list_sites.sync(client=client, external_id=external_id)
            if found:
                return int(found[0].id)
    raise RuntimeError("could not create the site")


def test_provisioning_creates_one_site_whatever_the_network_does(partner_api_simulator: Any, tmp_path: Path) -> None:
    profile = tmp_path / "my-faults.toml"
    profile.write_text(PROFILE_TEXT, encoding="utf-8")
    sim = partner_api_simulator("comm100-v4", faults=profile, fault_seed=7)
    client = sim.client()
    client_transport(client).sleep = lambda seconds: None  # Retry-After waits: skipped in tests
    site_id = provision(client, "crm-4711")
    listed: Any = list_sites.sync(client=client, external_id="crm-4711")
    assert [site.id for site in listed] == [site_id]
    assert sim.faults.counts["reset-after"] == 1  # seed 7: the first create's answer is lost
