"""The drift report: where a spec and the answers of a real server disagree.

A spec here is one reading of a vendor's prose; the answers recorded from the vendor
(a read-only contract run, a browser session or a proxy exported as HAR, an overlay
client given ``record_to=``) show where the reading is wrong::

    from partner_apis.drift import write_report

    report = write_report("comm100-v4", [Path("session.har")], Path("reports/comm100-v4"))
    for entry in report.entries:
        print(entry.kind, entry.operation, entry.pointer, entry.count, entry.spec_location)

or ``python -m partner_apis.drift --api comm100-v4 session.har``. The package reads the
specs through :mod:`partner_apis.specs` only.
"""

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
