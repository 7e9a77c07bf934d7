"""The overlay runtime shared by every API: client factory, retries, typed errors, auth flows, redaction.

API overlays (``partner_apis.overlays.<api>``) build on this package; users mostly meet
its error classes, which every overlaid client raises.
"""

from .auth import BearerAuth, CheckedAuth, ErrorFor
from .client import DEFAULT_TIMEOUT, build_client, operation_table
from .errors import (
    ApiConnectionError,
    ApiResponseError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PartnerApiError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
    error_for_status,
)
from .oauth import (
    ClientCredentialsGrant,
    Grant,
    OAuth2Auth,
    PasswordGrant,
    RefreshTokenGrant,
    Token,
    TokenStore,
)
from .paging import PagingError, aiter_items, aiter_pages, iter_items, iter_pages
from .retry import RetryingTransport, RetryPolicy, retry_after_seconds
from .routes import Operation, OperationTable
from .secrets import MASK, RedactingFilter, Secret, install_log_redaction, redact, redact_url, register_secret

__all__ = [
    "DEFAULT_TIMEOUT",
    "MASK",
    "ApiConnectionError",
    "ApiResponseError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "CheckedAuth",
    "ClientCredentialsGrant",
    "ConflictError",
    "ErrorFor",
    "Grant",
    "NotFoundError",
    "OAuth2Auth",
    "Operation",
    "OperationTable",
    "PagingError",
    "PartnerApiError",
    "PasswordGrant",
    "PermissionDeniedError",
    "RateLimitError",
    "RedactingFilter",
    "RefreshTokenGrant",
    "RetryPolicy",
    "RetryingTransport",
    "Secret",
    "ServerError",
    "Token",
    "TokenStore",
    "UnprocessableEntityError",
    "aiter_items",
    "aiter_pages",
    "build_client",
    "error_for_status",
    "install_log_redaction",
    "iter_items",
    "iter_pages",
    "operation_table",
    "redact",
    "redact_url",
    "register_secret",
    "retry_after_seconds",
]
