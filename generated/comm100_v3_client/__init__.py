"""A client library for accessing Comm100 Partner API v3"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
