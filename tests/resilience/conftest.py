"""The resilience suite's marker and its table (printed at the end of the run, one row per API and profile)."""

from __future__ import annotations

import pytest

from .ledger import ROWS

COLUMNS = (
    ("api", 20), ("profile", 14), ("attempted", 9), ("sent", 5), ("retried", 7), ("failed", 6), ("duplicated", 10),
    ("reconciled", 10), ("orphaned", 8), ("renewals", 8), ("faults", 6), ("waited", 7), ("seconds", 7),
)  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``resilience`` marker (pyproject registers it too, for runs that do not load this folder)."""
    config.addinivalue_line("markers", "resilience: a provisioning flow under a fault profile (nox -s resilience)")


def _cell(value: object, width: int) -> str:
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    return text.rjust(width) if isinstance(value, int | float) else text.ljust(width)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the table of every flow run: what was attempted, retried, failed and duplicated, per API and profile."""
    if not ROWS:
        return
    terminalreporter.section("resilience: provisioning flows under the shipped fault profiles")
    terminalreporter.write_line("  ".join(name.ljust(width) for name, width in COLUMNS))
    for row in sorted(ROWS, key=lambda row: (row.api, row.profile)):
        terminalreporter.write_line("  ".join(_cell(getattr(row, name), width) for name, width in COLUMNS))
    terminalreporter.write_line(
        "attempted: the flow's calls; sent: requests on the wire for them; retried: the runtime's retries; "
        "failed: typed errors the flow met; duplicated: creates processed twice (must be 0); reconciled: lost "
        "creates found by reading; orphaned: records a lost create left that the API cannot find; renewals: "
        "token grants when the token expired under 8 concurrent callers; faults: injected; waited: seconds the "
        "runtime asked to wait (recorded, not slept)"
    )
