"""The README's fixture example is a test file, run as a user would run it (through the installed plugin)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"
MARKER = "<!-- fixture-example:"
FAULT_MARKER = "<!-- fault-example:"


def readme_example() -> str:
    """The python block right after the README's fixture-example marker."""
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(MARKER) + r"[^\n]*\n```python\n(.*?)```", text, re.DOTALL)
    assert match is not None, "the README has no fixture example block"
    return match.group(1)


def assert_passes_as_a_user_runs_it(folder: Path, summary: str) -> None:
    """pytest in ``folder`` (no conftest: only the installed plugin) passes, its summary saying ``summary``."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert summary in result.stdout, result.stdout


def test_the_readme_example_covers_every_api() -> None:
    example = readme_example()
    for key in ("comm100-v3", "comm100-v4", "airvantage-partners", "omnize-partner", "portsip-dealers"):
        assert f'partner_api_simulator("{key}")' in example, key


def test_the_readme_example_passes_as_written(tmp_path: Path) -> None:
    # In a folder of its own, with no conftest: only the installed plugin provides the fixture.
    (tmp_path / "test_readme_example.py").write_text(readme_example(), encoding="utf-8")
    assert_passes_as_a_user_runs_it(tmp_path, "5 passed")


def test_the_readme_fault_profile_example_passes_as_written(tmp_path: Path) -> None:
    # The profile block and the python block after the fault-example marker: the file the
    # user writes, and the test that starts a simulator with it through the installed plugin.
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(FAULT_MARKER) + r"[^\n]*\n```toml\n(.*?)```\n\n```python\n(.*?)```", text, re.DOTALL)
    assert match is not None, "the README has no fault-example blocks"
    profile, example = match.groups()
    assert profile.startswith("# my-faults.toml\n")
    assert 'faults="my-faults.toml"' in example
    (tmp_path / "my-faults.toml").write_text(profile, encoding="utf-8")
    (tmp_path / "test_fault_example.py").write_text(example, encoding="utf-8")
    assert_passes_as_a_user_runs_it(tmp_path, "1 passed")
