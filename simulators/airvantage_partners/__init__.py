"""Sierra Wireless AirVantage partners simulator: companies, partnership requests and their operations."""

from .app import (
    DEFAULT_COMPANIES,
    DEFAULT_CREDENTIALS,
    DEFAULT_PARTNERSHIPS,
    DEFAULT_USERS,
    AirVantageSimulator,
    create_app,
)
from .callbacks import CallbackSender, Delivery, parse_callback
from .state import ApiClient, Company, Network, OperationRecord, PartnershipRequest, Principal, Profile, User

__all__ = [
    "DEFAULT_COMPANIES",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_PARTNERSHIPS",
    "DEFAULT_USERS",
    "AirVantageSimulator",
    "ApiClient",
    "CallbackSender",
    "Company",
    "Delivery",
    "Network",
    "OperationRecord",
    "PartnershipRequest",
    "Principal",
    "Profile",
    "User",
    "create_app",
    "parse_callback",
]
