"""Testing against the simulators: a running simulator and a signed-in overlay client for it.

``running(key)`` serves a fresh simulator on loopback; the pytest plugin
(``partner_apis.testing.pytest_plugin``, registered on install) gives the same as the
``partner_api_simulator`` fixture. This layer joins the simulators with the overlays, so
neither of them needs to know the other.
"""

from .clock import ManualClock
from .running import RunningSimulator, running

__all__ = ["ManualClock", "RunningSimulator", "running"]
