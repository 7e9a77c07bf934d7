"""Omnize partner API v2 simulator (agents and departments, on v1's records and partner tokens)."""

from partner_apis.simulators.omnize_partner.app import DEFAULT_CREDENTIALS

from .app import OmnizeV2Simulator, create_app

__all__ = ["DEFAULT_CREDENTIALS", "OmnizeV2Simulator", "create_app"]
