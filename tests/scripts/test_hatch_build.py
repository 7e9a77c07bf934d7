"""The wheel's build hook (hatch_build.py): every generated client ships, none is listed in pyproject."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUIET = ["--quiet", "--disable-pip-version-check"]


def _clone(root: Path, clients: dict[str, list[str]]) -> Path:
    """A small tree with this project's pyproject.toml and hatch_build.py, and the named clients' files."""
    root.mkdir()
    for name in ("pyproject.toml", "hatch_build.py", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, root / name)
    # The fixed parts pyproject force-includes, one module each.
    for folder in ("package/partner_apis", "specs", "overlays", "simulators", "generated/models"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("", encoding="utf-8")
    for client, files in clients.items():
        for file in files:
            path = root / "generated" / client / file
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("", encoding="utf-8")
    return root


def _wheel(root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *QUIET, "--no-deps", "--wheel-dir", str(out), str(root)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.slow
def test_every_generated_client_is_a_top_level_package_of_the_wheel(tmp_path: Path) -> None:
    clients = {
        "acme_client": ["__init__.py", "py.typed", "api/__init__.py", "api/things/list_things.py"],
        "zeta_client": ["__init__.py", "client.py"],
    }
    root = _clone(tmp_path / "clone", clients)
    result = _wheel(root, tmp_path / "wheels")
    assert result.returncode == 0, result.stderr
    (wheel,) = (tmp_path / "wheels").glob("partner_apis-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    shipped = {f"{client}/{file}" for client, files in clients.items() for file in files}
    assert shipped <= names
    tops = {name.split("/", 1)[0] for name in names}
    assert tops - {"partner_apis"} == {"acme_client", "zeta_client", wheel.name.split("-py3")[0] + ".dist-info"}


@pytest.mark.slow
def test_a_client_folder_that_is_no_package_fails_the_build(tmp_path: Path) -> None:
    root = _clone(tmp_path / "clone", {"acme_client": ["__init__.py"], "half_client": ["client.py"]})
    result = _wheel(root, tmp_path / "wheels")
    assert result.returncode != 0
    assert "generated/half_client is not a package (no __init__.py)" in result.stdout + result.stderr
    assert not list((tmp_path / "wheels").glob("*.whl"))
