"""A client library for accessing PortSIP PBX REST API - Dealers"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
