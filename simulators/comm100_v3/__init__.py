"""Comm100 partner API v3 simulator."""

from .app import DEFAULT_CREDENTIALS, PAGE_SIZE, TOKEN_PATH, Comm100V3Simulator, create_app
from .state import Agent, Credential, SiteRecord, SiteStore, TokenIssuer

__all__ = [
    "DEFAULT_CREDENTIALS",
    "PAGE_SIZE",
    "TOKEN_PATH",
    "Agent",
    "Comm100V3Simulator",
    "Credential",
    "SiteRecord",
    "SiteStore",
    "TokenIssuer",
    "create_app",
]
