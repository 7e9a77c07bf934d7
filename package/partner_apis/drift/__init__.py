"""The drift report: where a spec and the answers of a real server disagree.

A spec here is one reading of a vendor's prose; the answers recorded from the vendor
(a read-only contract run, a browser session or a proxy exported as HAR, an overlay
client given ``record_to=``) show where the reading is wrong::

    from partner_apis.drift import write_report

    report = write_report("comm100-v4", [Path("session.har")], Path("reports/comm100-v4"))
    for entry in report.entries:
        print(entry.kind, entry.operation, entry.pointer, entry.count, entry.spec_location)

or ``python -m partner_apis.drift --api comm100-v4 session.har``. The package reads the
specs through :mod:`partner_apis.specs` only, and needs the ``drift`` extra
(``jsonschema``): its names are imported when first used, so that the command line can
say so in one line on an install without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checks import KINDS, TRANSPORT_HEADERS, Finding
    from .har import DriftInputError, Exchange, read_har
    from .report import DriftEntry, DriftReport, build_report, detect_api, write_report

__all__ = [
    "KINDS",
    "TRANSPORT_HEADERS",
    "DriftEntry",
    "DriftInputError",
    "DriftReport",
    "Exchange",
    "Finding",
    "build_report",
    "detect_api",
    "read_har",
    "write_report",
]

_HOMES = {
    "KINDS": ".checks",
    "TRANSPORT_HEADERS": ".checks",
    "Finding": ".checks",
    "DriftInputError": ".har",
    "Exchange": ".har",
    "read_har": ".har",
    "DriftEntry": ".report",
    "DriftReport": ".report",
    "build_report": ".report",
    "detect_api": ".report",
    "write_report": ".report",
}


def __getattr__(name: str) -> Any:
    """The public names, each imported from its module when first asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name], __name__), name)
