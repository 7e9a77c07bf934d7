"""Seeded fault profiles for the simulators: the failures a client must survive, reproducibly.

A profile (TOML, see :mod:`.profile`) says which faults happen on which operations at
what rate; ``create_app(faults="flaky", fault_seed=7)`` (every simulator's), the CLI's
``--faults``/``--fault-seed``, ``running(key, faults=...)`` and the pytest fixture serve
a simulator that injects them (:mod:`.inject`), the same requests failing the same way
for the same seed (:mod:`.plan`). Four profiles ship in ``partner_apis/simulators/faults/``:
``flaky``, ``rate-limited``, ``slow`` and ``vendor-outage``. A simulator declares its
vendor's own ways of failing as ``vendor_faults`` (name -> :class:`VendorFault`); the
harness applies them with no branch for any API.
"""

from .inject import FAULT_HEADER, FaultySimulatorApp, build_faulty_app, fault_plan
from .plan import Decision, FaultPlan, VendorFault
from .profile import KINDS, SHIPPED, Delay, FaultProfile, FaultProfileError, FaultRule, load_profile, shipped_profiles

__all__ = [
    "FAULT_HEADER",
    "KINDS",
    "SHIPPED",
    "Decision",
    "Delay",
    "FaultPlan",
    "FaultProfile",
    "FaultProfileError",
    "FaultRule",
    "FaultySimulatorApp",
    "VendorFault",
    "build_faulty_app",
    "fault_plan",
    "load_profile",
    "shipped_profiles",
]
