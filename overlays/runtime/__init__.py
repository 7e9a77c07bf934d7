"""The overlay runtime shared by every API: client factory, retries, typed errors, auth flows, redaction.

API overlays (``partner_apis.overlays.<api>``) build on this package; users mostly meet
its error classes, which every overlaid client raises, :func:`with_options` (copies of a
client with another timeout, retry policy or headers) and :func:`enable_debug_logging`.
"""

from .auth import BearerAuth, CheckedAuth, ErrorFor
from .client import DEFAULT_TIMEOUT, KEEP, OverlayClient, build_client, operation_table, with_options
from .debug import disable_debug_logging, enable_debug_logging
from .errors import (
    REQUEST_ID_HEADERS,
    ApiConnectionError,
    ApiResponseError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    FieldProblem,
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
from .retry import RetryingTransport, RetryPolicy, http_methods_idempotent, retry_after_seconds
from .routes import Operation, OperationTable
from .secrets import MASK, RedactingFilter, Secret, install_log_redaction, redact, redact_url, register_secret

__all__ = [
    "DEFAULT_TIMEOUT",
    "KEEP",
    "MASK",
    "REQUEST_ID_HEADERS",
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
    "FieldProblem",
    "Grant",
    "NotFoundError",
    "OAuth2Auth",
    "Operation",
    "OperationTable",
    "OverlayClient",
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
    "disable_debug_logging",
    "enable_debug_logging",
    "error_for_status",
    "http_methods_idempotent",
    "install_log_redaction",
    "iter_items",
    "iter_pages",
    "operation_table",
    "redact",
    "redact_url",
    "register_secret",
    "retry_after_seconds",
    "with_options",
]
