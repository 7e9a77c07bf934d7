"""The resilience suite's marker and its table (printed at the end of the run, one row per API and profile)."""

from __future__ import annotations

import pytest

from .ledger import ROWS

COLUMNS = (
    "api", "profile", "attempted", "sent", "retried", "resent", "failed", "duplicated", "reconciled", "orphaned",
    "renewals", "faults", "waited", "seconds",
)  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``resilience`` marker (pyproject registers it too, for runs that do not load this folder)."""
    config.addinivalue_line("markers", "resilience: a provisioning flow under a fault profile (nox -s resilience)")


def _text(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the table of every flow run: what was attempted, retried, failed and duplicated, per API and profile."""
    if not ROWS:
        return
    rows = [[_text(getattr(row, name)) for name in COLUMNS] for row in sorted(ROWS, key=lambda r: (r.api, r.profile))]
    widths = [max(len(name), *(len(row[index]) for row in rows)) for index, name in enumerate(COLUMNS)]
    terminalreporter.section("resilience: provisioning flows under fault profiles")
    terminalreporter.write_line("  ".join(name.ljust(width) for name, width in zip(COLUMNS, widths, strict=True)))
    for row in rows:
        # Names to the left, numbers to the right.
        cells = [cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        terminalreporter.write_line("  ".join(cells))
    terminalreporter.write_line(
        "attempted: the flow's calls; sent: requests on the wire for them; retried: the runtime's retries; "
        "resent: of those, creates sent again after a 429 or a 503 with Retry-After (not processed); "
        "failed: typed errors the flow met; duplicated: creates processed twice (must be 0); reconciled: lost "
        "creates found by reading; orphaned: records a lost create left that the API cannot find; renewals: "
        "token grants when the token expired under 8 concurrent callers; faults: injected; waited: seconds the "
        "runtime asked to wait (recorded, not slept)"
    )
