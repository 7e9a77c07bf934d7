"""The overlay runtime shared by every API: client factory, retries, typed errors, auth flows, redaction.

API overlays (``partner_apis.overlays.<api>``) build on this package; users mostly meet
its error classes, which every overlaid client raises, :func:`with_options` (copies of a
client with another timeout, retry policy or headers) and :func:`enable_debug_logging`.

What an overlay declares rather than writes: its auth (:class:`BearerAuth`,
:class:`OAuth2Login`, or :class:`PlacedTokenAuth` for a token the spec places in the
query or the body), its errors (:func:`vendor_error` for a vendor's classes that are also
status errors, :func:`failure_in_body` for failures inside a success status), its lists
(:class:`Listing` by offset, :class:`LinkedListing` by next-page link), its waits for
work that finishes later (:func:`wait_until`), its field selections
(:func:`selected_fields`) and, in ``runtime.rewrite``, the wire's own spellings
(``RenamedKeys``).
"""

from .auth import BearerAuth, CheckedAuth, ErrorFor, QueryAuth
from .calls import expect, given, selected_fields
from .client import (
    DEFAULT_TIMEOUT,
    KEEP,
    ClientOptions,
    OverlayClient,
    TokenOptions,
    build_client,
    client_transport,
    with_options,
)
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
    FailureInBodyError,
    FieldProblem,
    NotFoundError,
    PartnerApiError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    UnprocessableEntityError,
    class_for_status,
    error_for_status,
    failure_in_body,
    status_error_class,
    vendor_error,
)
from .oauth import (
    ClientCredentialsGrant,
    Grant,
    LoginOptions,
    OAuth2Auth,
    OAuth2Login,
    PasswordGrant,
    RefreshTokenGrant,
    Token,
    TokenCall,
    TokenSteps,
    TokenStore,
)
from .paging import (
    LinkedListing,
    Listing,
    PagingError,
    aiter_items,
    aiter_offset_items,
    aiter_pages,
    iter_items,
    iter_offset_items,
    iter_pages,
)
from .placed import FieldPaths, PlacedTokenAuth, sha256_digest
from .recording import Recorder, RecordingError
from .retry import RetryingTransport, RetryPolicy, http_methods_idempotent, retry_after_seconds, unprocessed_answer
from .routes import Operation, OperationTable, operation_table
from .secrets import MASK, RedactingFilter, Secret, install_log_redaction, redact, redact_url, register_secret
from .waiting import Waiting, WaitTimeoutError, await_until, wait_until

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
    "ClientOptions",
    "ConflictError",
    "ErrorFor",
    "FailureInBodyError",
    "FieldPaths",
    "FieldProblem",
    "Grant",
    "LinkedListing",
    "Listing",
    "LoginOptions",
    "NotFoundError",
    "OAuth2Auth",
    "OAuth2Login",
    "Operation",
    "OperationTable",
    "OverlayClient",
    "PagingError",
    "PartnerApiError",
    "PasswordGrant",
    "PermissionDeniedError",
    "PlacedTokenAuth",
    "QueryAuth",
    "RateLimitError",
    "Recorder",
    "RecordingError",
    "RedactingFilter",
    "RefreshTokenGrant",
    "RetryPolicy",
    "RetryingTransport",
    "Secret",
    "ServerError",
    "Token",
    "TokenCall",
    "TokenOptions",
    "TokenSteps",
    "TokenStore",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "Waiting",
    "aiter_items",
    "aiter_offset_items",
    "aiter_pages",
    "await_until",
    "build_client",
    "class_for_status",
    "client_transport",
    "disable_debug_logging",
    "enable_debug_logging",
    "error_for_status",
    "expect",
    "failure_in_body",
    "given",
    "http_methods_idempotent",
    "install_log_redaction",
    "iter_items",
    "iter_offset_items",
    "iter_pages",
    "operation_table",
    "redact",
    "redact_url",
    "register_secret",
    "retry_after_seconds",
    "selected_fields",
    "sha256_digest",
    "status_error_class",
    "unprocessed_answer",
    "vendor_error",
    "wait_until",
    "with_options",
]
