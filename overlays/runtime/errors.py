"""The error types every overlaid client raises, and how a failed response becomes one.

    PartnerApiError
    ├── ApiConnectionError          the request never got an answer (after retries)
    │   └── ApiTimeoutError
    └── ApiResponseError            the server answered with a failure
        ├── ApiStatusError          ... as an HTTP status >= 400
        │   ├── BadRequestError (400), AuthenticationError (401), PermissionDeniedError (403),
        │   ├── NotFoundError (404), ConflictError (409), UnprocessableEntityError (422),
        │   └── RateLimitError (429), ServerError (5xx)
        └── (vendor overlays add theirs, e.g. Omnize's failure inside an HTTP 200)

Each error carries the status, the vendor's error body (parsed JSON when it is JSON, else
text) and the vendor's message; its text names the method and the URL with secrets
masked, and never a token or password.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from .secrets import redact, redact_url

__all__ = [
    "ApiConnectionError",
    "ApiResponseError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "NotFoundError",
    "PartnerApiError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "UnprocessableEntityError",
    "error_for_status",
    "parse_body",
    "vendor_message",
]


class PartnerApiError(Exception):
    """Base class of every error an overlaid client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(redact(message))


class ApiConnectionError(PartnerApiError):
    """No answer came back: the connection failed or broke (after any retries)."""


class ApiTimeoutError(ApiConnectionError):
    """No answer came back within the timeout (after any retries)."""


class ApiResponseError(PartnerApiError):
    """The server answered, and the answer is a failure.

    Attributes: ``status`` (the HTTP status), ``body`` (the vendor's error body: parsed
    JSON, or text), ``vendor_message`` (the vendor's own words, when it gave any),
    ``method`` and ``url`` (masked).
    """

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.status = response.status_code
        self.body: Any = parse_body(response)
        self.vendor_message = vendor_message(self.body)
        self.method = response.request.method
        self.url = redact_url(str(response.request.url))
        detail = message or self.vendor_message or response.reason_phrase
        super().__init__(f"{self.method} {self.url} -> {self.status}: {detail}")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, message={redact(str(self.vendor_message))!r})"


class ApiStatusError(ApiResponseError):
    """The server answered with an HTTP status of 400 or above."""


class BadRequestError(ApiStatusError):
    """400: the server refused the request as invalid."""


class AuthenticationError(ApiStatusError):
    """401: the credentials are missing, wrong or expired."""


class PermissionDeniedError(ApiStatusError):
    """403: the credentials are valid but lack a permission."""


class NotFoundError(ApiStatusError):
    """404: no such resource (or not one the caller may see)."""


class ConflictError(ApiStatusError):
    """409: the request conflicts with the resource's state."""


class UnprocessableEntityError(ApiStatusError):
    """422: the request is well formed but its content is refused."""


class RateLimitError(ApiStatusError):
    """429: too many requests (after any retries)."""


class ServerError(ApiStatusError):
    """5xx: the server failed (after any retries)."""


_BY_STATUS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def parse_body(response: httpx.Response) -> Any:
    """The response body as JSON when it parses, else as text (empty string for none)."""
    content = response.content
    if not content:
        return ""
    try:
        return json.loads(content)
    except ValueError:
        return response.text


def vendor_message(body: Any) -> str | None:
    """Pick the human-readable message out of a vendor's error body, if it has one."""
    if isinstance(body, str):
        return body.strip()[:500] or None
    if not isinstance(body, dict):
        return None
    for key in ("message", "error_description", "errors", "error", "detail", "msg"):
        value = body.get(key)
        if isinstance(value, str) and value:
            return value
        if isinstance(value, list) and value:
            first = value[0]
            if isinstance(first, dict):
                text = first.get("message") or first.get("detail") or first.get("code")
                if isinstance(text, str):
                    return text
            elif isinstance(first, str):
                return first
    return None


def error_for_status(response: httpx.Response) -> ApiStatusError | None:
    """Return the typed error for a response with status >= 400, or None for success.

    The response body must already be read.
    """
    status = response.status_code
    if status < 400:
        return None
    if status >= 500:
        return ServerError(response)
    return _BY_STATUS.get(status, ApiStatusError)(response)
