"""Omnize partner API simulator (partner API and URL login in one app)."""

from .app import DEFAULT_CREDENTIALS, OmnizeSimulator, create_app
from .state import AccountRecord, AgentRecord, Credential, DepartmentRecord, OmnizeStore

__all__ = [
    "DEFAULT_CREDENTIALS",
    "AccountRecord",
    "AgentRecord",
    "Credential",
    "DepartmentRecord",
    "OmnizeSimulator",
    "OmnizeStore",
    "create_app",
]
