"""The examples/ scripts run as a user runs them (``python examples/<api>.py``), one per API, and succeed.

Each script drives a provisioning flow against a fresh in-process simulator and exits
non-zero with a one-line message when anything it reads back is not what it wrote, so a
passing run here means the flow, the overlay client and the simulator agree.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from partner_apis.simulators.registry import SIMULATORS, create_app
from partner_apis.simulators.tenants import Tenant

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SECRET_ARGUMENTS = ("password", "token", "client_secret")

# Lines (or parts of lines) each script must print, in this order: one per step that matters.
EXPECTED: dict[str, tuple[str, ...]] = {
    "comm100-v4": (
        "comm100-v4 simulator at http://127.0.0.1:",
        "created site ",
        "list_sites(externalId='crm-4711') finds site ",
        "updated site ",
        "suspended site ",
        ": get_site and list_sites(status='suspended') agree",
        "another partner reading site ",
        ": NotFoundError (HTTP 404)",
    ),
    "comm100-v3": (
        "comm100-v3 simulator at http://127.0.0.1:",
        "for Acme Anvils (ann@acme-anvils.example)",
        "for Acme Rockets (raj@acme-rockets.example)",
        "iter_sites() paged through all 152 sites",
        "iter_sites(keywords='acme') finds sites [",
        ": Vancouver, Pacific Standard Time, 21-50 staff",
        "to paying (HTTP 200); the site reads back unchanged",
        "as paying",
    ),
    "omnize-partner": (
        "omnize-partner simulator at http://127.0.0.1:",
        "for Joana Silva with 1 licence",
        "(ana@padaria.example); the password went out as its SHA-256 digest",
        "created department ",
        "password as its SHA-256 digest, not the plain text",
        "a second agent on 1 licence: OmnizeError 'License limit reached' (HTTP 200)",
        "raised the licence quantity to 2 and created agent ",
        "issued a URL-login link for ana@padaria.example (its token is not printed)",
        "now refused ('Account is inactive')",
        "('Account deleted successfully'); listing its agents: 'Account not found'",
    ),
    "omnize-partner-v2": (
        "omnize-partner-v2 simulator at http://127.0.0.1:",
        "(Sales: chat and voice)",
        "their passwords went out as SHA-256 digests",
        "iter_agents walked 2 agents, one page each",
        "an ADMIN of Support; show_agent agrees",
        "iter_departments shows 2",
        "OmnizeError 'E-mail has already been taken' (HTTP 200)",
        "('Agent deleted successfully'); iter_agents shows only ",
    ),
    "portsip-dealers": (
        "portsip-dealers simulator at http://127.0.0.1:",
        "administrator created DISTRIBUTOR northwind-telecom (id ",
        "northwind-telecom signed in and created RESELLER northwind-reseller-1 (id ",
        "as northwind-telecom, iter_dealers lists ['northwind-reseller-1'] and list_dealers counts 1",
        "updated northwind-reseller-1: max_tenants 20 in get_dealer and iter_dealers",
        "reset northwind-reseller-1's password: the new one signs in, the old one is refused",
        "destroyed northwind-reseller-1; reading it back: HTTP 404 NOT_FOUND (dealer not found)",
        "the administrator now lists only ['northwind-telecom']",
    ),
    "airvantage-partners": (
        "airvantage-partners simulator at http://127.0.0.1:",
        "Acme IoT's partners before: ['Partner One']",
        'from Acme IoT: "Let\'s work together!!!"',
        "Globex Telematics accepted request ",
        "Acme IoT's request finished: accepted (FINISHED, operation ",
        "iter_partners as Acme IoT: {'Globex Telematics': 'Support Partner', 'Partner One': 'Basic Partner'}",
        "iter_partners as Globex Telematics: {'Acme IoT': 'Partner'}",
        "asking Globex again: PartnerExistsError partner.exists (HTTP 400)",
    ),
}


def script(key: str) -> Path:
    """The example script of simulator ``key``: examples/<key with underscores>.py."""
    return EXAMPLES / f"{key.replace('-', '_')}.py"


def tenant_secrets(key: str) -> dict[str, str]:
    """Every password, token and client secret the simulator's tenants sign in with, by ``tenant.argument``."""
    tenants: list[Tenant] = create_app(key).state.simulator.tenants()
    return {
        f"{tenant.name}.{name}": str(tenant.credentials[name])
        for tenant in tenants
        for name in SECRET_ARGUMENTS
        if name in tenant.credentials
    }


def test_there_is_one_example_per_simulator_and_the_index_names_each() -> None:
    scripts = {path.name for path in EXAMPLES.glob("*.py")}
    assert scripts == {script(key).name for key in SIMULATORS}
    assert set(EXPECTED) == set(SIMULATORS)
    index = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for key in SIMULATORS:
        assert f"python examples/{script(key).name}" in index, key


@pytest.mark.parametrize("key", sorted(SIMULATORS))
def test_the_example_runs_its_flow_to_the_end(key: str) -> None:
    # From the repository root, exactly as examples/README.md tells a user to run it.
    result = subprocess.run(
        [sys.executable, f"examples/{script(key).name}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[-1] == "done"
    # Each expected fragment is found, in order: on the line of the one before or a later one.
    position = 0
    for fragment in EXPECTED[key]:
        found = next((n for n, line in enumerate(lines[position:], position) if fragment in line), None)
        assert found is not None, f"{fragment!r} not printed after line {position}:\n{result.stdout}"
        position = found
    # Named, not shown: the failure message must not print the secret either.
    leaked = [name for name, secret in tenant_secrets(key).items() if secret in result.stdout + result.stderr]
    assert leaked == []
