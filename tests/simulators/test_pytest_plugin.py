"""The pytest plugin: one way to a signed-in client for every API, and harmless without its extra."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import venv
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import partner_apis
from partner_apis.overlays import (
    airvantage_partners,
    comm100_v3,
    comm100_v4,
    omnize_partner,
    omnize_partner_v2,
    portsip_dealers,
)
from partner_apis.overlays.runtime import PermissionDeniedError
from partner_apis.simulators.registry import SIMULATORS, entry
from partner_apis.testing import RunningSimulator

ROOT = Path(__file__).resolve().parents[2]
Start = Callable[..., RunningSimulator]
FACTORIES: dict[str, Callable[..., Any]] = {
    "comm100-v3": comm100_v3.client,
    "comm100-v4": comm100_v4.client,
    "airvantage-partners": airvantage_partners.client,
    "omnize-partner": omnize_partner.client,
    "omnize-partner-v2": omnize_partner_v2.client,
    "portsip-dealers": portsip_dealers.client,
}


def test_every_simulator_has_an_overlay_factory() -> None:
    assert sorted(FACTORIES) == sorted(SIMULATORS)


@pytest.mark.parametrize("key", sorted(FACTORIES))
def test_credentials_are_what_the_api_factory_takes(partner_api_simulator: Start, key: str) -> None:
    sim = partner_api_simulator(key)
    parameters = inspect.signature(FACTORIES[key]).parameters
    for tenant in sim.tenants:
        assert set(tenant.credentials) <= set(parameters), (key, tenant.name)
    assert set(sim.client_arguments()) <= set(parameters)
    assert sim.client_arguments()["base_url"] == sim.base_url


@pytest.mark.parametrize("key", sorted(FACTORIES))
def test_tenants_zero_and_one_are_different_full_permission_identities(partner_api_simulator: Start, key: str) -> None:
    sim = partner_api_simulator(key)
    first, second = sim.tenant(0), sim.tenant(1)
    assert first.access == second.access == "full"
    assert first.credentials != second.credentials
    assert sim.credentials(1) == dict(second.credentials)


def test_a_tenant_is_picked_by_name_and_unknown_ones_are_listed(partner_api_simulator: Start) -> None:
    sim = partner_api_simulator("comm100-v4")
    assert sim.tenant("read-only").access == "read-only"
    assert sim.tenant(2).name == "read-only"  # indexes follow the simulator's order
    with pytest.raises(LookupError, match="0 partner-a, 1 partner-b, 2 read-only"):
        sim.tenant("nobody")
    with pytest.raises(LookupError, match="no tenant 3"):
        sim.tenant(3)


@pytest.mark.parametrize(("key", "read_only"), [("comm100-v3", "read-only"), ("airvantage-partners", "acme-read-only")])
def test_the_read_only_tenant_signs_in_and_is_refused_writes(
    partner_api_simulator: Start, key: str, read_only: str
) -> None:
    sim = partner_api_simulator(key)
    client = sim.client(tenant=read_only)
    if key == "comm100-v3":
        from comm100_v3_client.api.sites import create_site
        from comm100_v3_client.models import PlanSelection, SiteContactCreate, SiteCreate

        contact = SiteContactCreate(first_name="A", last_name="B", email="a@example.com")
        body = SiteCreate(password="p-1", contact=contact, plan_list=[PlanSelection(id=1)])
        with pytest.raises(PermissionDeniedError):
            create_site.sync(client=client, body=body)
    else:
        from airvantage_partners_client.api.partnership import request_partnership
        from airvantage_partners_client.models import PartnershipRequest

        globex = sim.seed["companies"]["Globex Telematics"]["uid"]
        with pytest.raises(PermissionDeniedError):
            request_partnership.sync(client=client, body=PartnershipRequest(partner=globex))


def test_token_is_for_token_apis_only(partner_api_simulator: Start) -> None:
    assert partner_api_simulator("comm100-v4").token() == "sim-comm100-v4-partner-a"
    assert partner_api_simulator("omnize-partner").token(1) == "sim-omnize-partner-b"
    with pytest.raises(TypeError, match="email and password"):
        partner_api_simulator("comm100-v3").token()


def test_seed_data_is_read_only_and_matches_the_simulator(partner_api_simulator: Start) -> None:
    sim = partner_api_simulator("airvantage-partners")
    globex = sim.seed["companies"]["Globex Telematics"]
    assert globex["uid"] == sim.tenant("globex").facts["company_uid"]
    assert globex["profiles"]["Partner"] == "9b8a7c6d5e4f4a3b2c1d0e9f8a7b6c5d"
    with pytest.raises(TypeError):
        sim.seed["companies"] = {}  # type: ignore[index]


def test_a_tenants_repr_masks_its_secrets(partner_api_simulator: Start) -> None:
    text = repr(partner_api_simulator("comm100-v3").tenants)
    assert "111111" not in text
    assert "sim-partner-b-password" not in text
    assert "lizz@comm100.com" in text


# -- a plain install (no extras) -------------------------------------------------------------

QUIET = ["--quiet", "--disable-pip-version-check"]
UNRELATED_TEST = "def test_arithmetic():\n    assert 1 + 1 == 2\n"
FIXTURE_TEST = "def test_uses_the_fixture(partner_api_simulator):\n    partner_api_simulator('comm100-v4')\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built as pip builds it for a user."""
    wheels = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *QUIET, "--no-deps", "--wheel-dir", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (built,) = wheels.glob("partner_apis-*.whl")
    return built


@pytest.fixture(scope="module")
def plain_install(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel installed without extras, and pytest; its python."""
    environment = tmp_path_factory.mktemp("plain-install") / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", *QUIET, str(wheel), "pytest"], check=True, timeout=600)
    return python


@pytest.mark.slow
def test_the_wheel_installs_one_namespace_and_the_generated_clients(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    tops = {name.split("/", 1)[0] for name in names}
    clients = {key.replace("-", "_") + "_client" for key in SIMULATORS}
    assert tops == {"partner_apis", f"partner_apis-{partner_apis.__version__}.dist-info", *clients}
    # Each client whole, as generated/ holds it (hatch_build.py finds them: none is listed by hand).
    for client in clients:
        folder = ROOT / "generated" / client
        files = {
            f"{client}/{path.relative_to(folder).as_posix()}"
            for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }
        assert files, client
        assert files <= names, (client, sorted(files - names))


def _pytest_in(python: Path, folder: Path, test: str) -> subprocess.CompletedProcess[str]:
    (folder / "test_user.py").write_text(test, encoding="utf-8")
    # PYTHONPATH from this run would bring the extras back in; the user's shell has none.
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    return subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_a_plain_install_lacks_the_simulators_extra(plain_install: Path) -> None:
    found = subprocess.run(
        [str(plain_install), "-c", "import importlib.util as u; print(u.find_spec('starlette') is None)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "True"


@pytest.mark.slow
def test_pytest_in_an_unrelated_project_is_unaffected_by_a_plain_install(plain_install: Path, tmp_path: Path) -> None:
    result = _pytest_in(plain_install, tmp_path, UNRELATED_TEST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
    assert "Error while loading plugin" not in result.stdout + result.stderr


@pytest.mark.slow
def test_the_fixture_without_the_extra_names_the_extra_to_install(plain_install: Path, tmp_path: Path) -> None:
    result = _pytest_in(plain_install, tmp_path, FIXTURE_TEST)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "pip install 'partner-apis[simulators]'" in result.stdout
    assert "Traceback" not in result.stdout


def test_the_access_log_is_opt_in_and_masks_credentials(
    partner_api_simulator: Start, caplog: pytest.LogCaptureFixture
) -> None:
    from omnize_partner_client.api.agents import list_agents

    from partner_apis.overlays.omnize_partner import OmnizeError

    def access_lines() -> list[str]:
        return [record.getMessage() for record in caplog.records if record.name == "partner_apis.simulators.access"]

    quiet = partner_api_simulator("omnize-partner")
    with pytest.raises(OmnizeError):  # no such account: served, answered, and not logged
        list_agents.sync_detailed(client=quiet.client(), account_id=1)
    assert access_lines() == []

    sim = partner_api_simulator("omnize-partner", access_log=True)
    with pytest.raises(OmnizeError):
        list_agents.sync_detailed(client=sim.client(), account_id=1)
    (line,) = access_lines()
    assert line.startswith(f"GET {entry('omnize-partner').base_path}/agents?")
    assert "token=***" in line
    assert line.endswith("ms")
    assert "sim-omnize-partner-a" not in caplog.text
