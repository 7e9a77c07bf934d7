"""Comm100 partner API v4 simulator."""

from .app import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CREDENTIALS,
    DEFAULT_RATE_LIMIT,
    DEFAULT_RATE_WINDOW,
    TOKEN_PATH,
    Comm100V4Simulator,
    create_app,
)
from .state import Credential, SiteRecord, SiteStore

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_RATE_LIMIT",
    "DEFAULT_RATE_WINDOW",
    "TOKEN_PATH",
    "Comm100V4Simulator",
    "Credential",
    "SiteRecord",
    "SiteStore",
    "create_app",
]
