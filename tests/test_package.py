"""The package's own metadata: its version, its licence."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import partner_apis

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_version_is_the_installed_distributions() -> None:
    assert partner_apis.__version__ == metadata.version("partner-apis") == PROJECT["version"]


def test_the_license_file_is_the_one_pyproject_declares() -> None:
    assert PROJECT["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_the_changelog_has_an_entry_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{PROJECT['version']}]" in changelog
