"""The layering rules' configuration: every API's client and overlay are found, none is listed by hand."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from partner_apis.simulators.registry import SIMULATORS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import layers  # noqa: E402

CONTRACT_IDS = ["generated", "simulators", "overlays", "runtime", "specs", "drift"]
# What ARCHITECTURE.md's rules say of the per-API packages, contract by contract.
PER_API_PARTS = {
    "generated": {"source_modules": [layers.CLIENTS]},
    "simulators": {"forbidden_modules": [layers.CLIENTS]},
    "runtime": {"forbidden_modules": [layers.PER_API_OVERLAYS, layers.CLIENTS]},
    "drift": {"forbidden_modules": [layers.CLIENTS]},
}


def _contracts(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {contract["id"]: contract for contract in config["contracts"]}


def _package(folder: Path, text: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "__init__.py").write_text(text, encoding="utf-8")
    return folder


def _tree(root: Path, clients: list[str], overlays: list[str]) -> Path:
    """A clone's layout under ``root``: the real pyproject, the named clients and per-API overlay modules."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    _package(root / "generated" / "models")
    for client in clients:
        _package(root / "generated" / client)
    _package(root / "overlays")
    _package(root / "overlays" / "runtime")
    for overlay in overlays:
        (root / "overlays" / f"{overlay}.py").write_text("", encoding="utf-8")
    return root


# -- the configuration ------------------------------------------------------------------------


def test_the_clients_are_the_registered_apis_generated_clients() -> None:
    expected = sorted(key.replace("-", "_") + "_client" for key in SIMULATORS)
    assert layers.clients(ROOT) == expected
    assert expected == sorted(path.name for path in (ROOT / "generated").glob("*_client"))


def test_the_per_api_overlays_are_every_registered_apis_module_and_not_the_runtime() -> None:
    expected = sorted(f"partner_apis.overlays.{key.replace('-', '_')}" for key in SIMULATORS)
    assert layers.per_api_overlays(ROOT) == expected
    assert "partner_apis.overlays.runtime" not in expected


def test_the_six_rules_keep_their_ids_and_names_and_name_the_per_api_parts_by_placeholder() -> None:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert [contract["id"] for contract in table["contracts"]] == CONTRACT_IDS
    assert table["root_packages"] == ["partner_apis", layers.CLIENTS]
    for contract in table["contracts"]:
        for key, placeholders in PER_API_PARTS.get(contract["id"], {}).items():
            assert set(placeholders) <= set(contract[key]), (contract["id"], key)
        # No client or per-API overlay module is listed by hand any more.
        listed = [item for value in contract.values() if isinstance(value, list) for item in value]
        by_hand = [item for item in listed if item.endswith("_client") or item.startswith("partner_apis.overlays.")]
        assert by_hand in ([], ["partner_apis.overlays.runtime"]), contract["id"]


def test_a_new_apis_client_and_overlay_join_every_rule_with_no_edit(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["acme_client", "zeta_client"], ["acme", "zeta"])
    _package(root / "overlays" / "beta")  # a per-API overlay may be a package
    (root / "overlays" / "notes").mkdir()  # a folder without __init__.py is no module
    (root / "generated" / "half_client").mkdir()  # nor is a half-written client
    clients = ["acme_client", "zeta_client"]
    overlays = ["partner_apis.overlays.acme", "partner_apis.overlays.beta", "partner_apis.overlays.zeta"]

    config = layers.configuration(root)
    contracts = _contracts(config)

    assert config["root_packages"] == ["partner_apis", *clients]
    assert contracts["generated"]["source_modules"] == ["partner_apis.models", *clients]
    assert contracts["simulators"]["forbidden_modules"] == ["partner_apis.overlays", "partner_apis.testing", *clients]
    assert contracts["runtime"]["forbidden_modules"] == [*overlays, *clients]
    assert contracts["drift"]["forbidden_modules"][-2:] == clients
    assert [contract["id"] for contract in config["contracts"]] == CONTRACT_IDS


def test_the_written_file_reads_back_as_the_configuration(tmp_path: Path) -> None:
    config = layers.configuration(_tree(tmp_path, ["acme_client"], ["acme"]))
    assert tomllib.loads(layers.to_toml(config))["tool"]["importlinter"] == config


def test_a_value_toml_is_not_written_for_here_is_refused() -> None:
    with pytest.raises(TypeError, match="no TOML form"):
        layers.to_toml({"root_packages": ["a"], "contracts": [{"id": "x", "options": {"a": 1}}]})


def test_a_placeholder_standing_for_nothing_is_an_error_not_an_empty_rule(tmp_path: Path) -> None:
    root = _tree(tmp_path, [], ["acme"])
    with pytest.raises(layers.LayersError, match="<clients> stands for no module"):
        layers.configuration(root)


def test_an_unknown_placeholder_is_an_error(tmp_path: Path) -> None:
    root = _tree(tmp_path, ["acme_client"], ["acme"])
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace("<per-api overlays>", "<overlays>"))
    with pytest.raises(
        layers.LayersError, match="contract runtime: forbidden_modules: unknown placeholder '<overlays>'"
    ):
        layers.configuration(root)


def test_the_command_line_reports_a_broken_configuration_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert layers.main(["--root", str(tmp_path), "--print-config"]) == 2
    assert "layers: no pyproject.toml in" in capsys.readouterr().err


# -- the check, on a small installed layout ---------------------------------------------------


def _lint_imports_installed() -> bool:
    try:
        layers.lint_imports_command()
    except layers.LayersError:
        return False
    return True


lint_imports = pytest.mark.skipif(
    not _lint_imports_installed(), reason="import-linter is in the lint extra (nox -s lint runs the real check)"
)
KEPT = "Contracts: 6 kept, 0 broken."


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tree with one API, acme, installed as the dev environment installs this clone (symlinks); its root."""
    root = _tree(tmp_path / "clone", ["acme_client"], ["acme"])
    for layer in ("simulators", "specs", "testing", "drift"):
        _package(root / "package" / layer)
    site = tmp_path / "site"
    namespace = _package(site / "partner_apis")
    for layer in ("simulators", "specs", "testing", "drift"):
        (namespace / layer).symlink_to(root / "package" / layer)
    (namespace / "overlays").symlink_to(root / "overlays")
    (namespace / "models").symlink_to(root / "generated" / "models")
    (site / "acme_client").symlink_to(root / "generated" / "acme_client")
    monkeypatch.setenv("PYTHONPATH", str(site))
    return root


def _check(root: Path, capfd: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = layers.main(["--root", str(root), "--no-logo"])
    captured = capfd.readouterr()
    return status, captured.out + captured.err


@lint_imports
def test_the_new_apis_layout_keeps_every_rule(installed: Path, capfd: pytest.CaptureFixture[str]) -> None:
    status, out = _check(installed, capfd)
    assert (status, KEPT in out) == (0, True), out


@lint_imports
@pytest.mark.parametrize(
    ("module", "planted", "rule"),
    [
        (
            "overlays/runtime/__init__.py",
            "from partner_apis.overlays import acme",
            "The runtime never imports a per-API module",
        ),
        ("overlays/runtime/__init__.py", "import acme_client", "The runtime never imports a per-API module"),
        ("overlays/acme.py", "import partner_apis.simulators", "Overlays never import simulators"),
        ("package/simulators/__init__.py", "import acme_client", "Simulators import neither clients nor overlays"),
        ("generated/acme_client/__init__.py", "import partner_apis.overlays", "Generated code imports nothing of ours"),
        ("package/drift/__init__.py", "import acme_client", "The drift report reads the specs only"),
    ],
)
def test_a_new_apis_layering_violation_breaks_its_rule(
    installed: Path, capfd: pytest.CaptureFixture[str], module: str, planted: str, rule: str
) -> None:
    (installed / module).write_text(planted + "\n", encoding="utf-8")
    status, out = _check(installed, capfd)
    assert status == 1, out
    assert f"{rule} BROKEN" in out
    assert "Contracts: 5 kept, 1 broken." in out


@lint_imports
def test_an_uninstalled_client_fails_the_check(installed: Path, capfd: pytest.CaptureFixture[str]) -> None:
    _package(installed / "generated" / "beta_client")
    status, out = _check(installed, capfd)
    assert status != 0
    assert "Could not find package 'beta_client'" in out


@lint_imports
def test_lint_imports_refuses_pyproject_without_the_expansion(tmp_path: Path) -> None:
    command = layers.lint_imports_command()
    result = subprocess.run(
        [command, "--config", str(ROOT / "pyproject.toml"), "--no-cache", "--no-logo"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "<clients>" in result.stdout + result.stderr


@lint_imports
def test_other_options_go_to_lint_imports(installed: Path, capfd: pytest.CaptureFixture[str]) -> None:
    status = layers.main(["--root", str(installed), "--no-logo", "--contract", "runtime"])
    out = capfd.readouterr().out
    assert (status, "Contracts: 1 kept, 0 broken." in out) == (0, True), out
