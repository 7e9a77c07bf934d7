"""Shared fixtures: the simulators' pytest plugin (also registered by the installed package)."""

from partner_apis.simulators.pytest_plugin import partner_api_simulator

__all__ = ["partner_api_simulator"]
