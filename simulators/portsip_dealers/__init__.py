"""PortSIP PBX REST API (dealers) simulator: installations, the dealer hierarchy, expiring tokens."""

from .app import (
    CLIENT_ID,
    DEFAULT_CREDENTIALS,
    DEFAULT_INSTALLATIONS,
    DEFAULT_TOKEN_LIFETIME,
    TOKEN_PATH,
    PortsipDealersSimulator,
    create_app,
)
from .state import (
    EPOCH_MS,
    LEVELS,
    AdminCredential,
    DealerRecord,
    Installation,
    Principal,
    SnowflakeIds,
    TokenIssuer,
    admin_credentials,
    decode_id,
)

__all__ = [
    "CLIENT_ID",
    "DEFAULT_CREDENTIALS",
    "DEFAULT_INSTALLATIONS",
    "DEFAULT_TOKEN_LIFETIME",
    "EPOCH_MS",
    "LEVELS",
    "TOKEN_PATH",
    "AdminCredential",
    "DealerRecord",
    "Installation",
    "PortsipDealersSimulator",
    "Principal",
    "SnowflakeIds",
    "TokenIssuer",
    "admin_credentials",
    "create_app",
    "decode_id",
]
