"""The error types every overlaid client raises, and how a failed response becomes one.

    PartnerApiError
    ├── ApiConnectionError          the request never got an answer (after retries)
    │   └── ApiTimeoutError
    └── ApiResponseError            the server answered with a failure
        ├── ApiStatusError          ... as an HTTP status >= 400
        │   ├── BadRequestError (400), AuthenticationError (401), PermissionDeniedError (403),
        │   ├── NotFoundError (404), ConflictError (409), UnprocessableEntityError (422),
        │   └── RateLimitError (429), ServerError (5xx)
        └── FailureInBodyError      ... inside a success status: the body says it failed

An answered error carries the ``httpx.Response`` itself (``response``: headers, body, the
request sent), the status, the vendor's error body (parsed JSON when it is JSON, else
text), the vendor's message, each field problem the vendor named (``problems``) and the
request id the server sent, if any. Its text is one line: the method, the masked URL,
the status, the vendor's message and every field problem, never a token or password.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

import httpx

from .masking import is_sensitive_name, mask_url, scrub
from .secrets import MASK, redact

__all__ = [
    "REQUEST_ID_HEADERS",
    "ApiConnectionError",
    "ApiResponseError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "FailureInBodyError",
    "FieldProblem",
    "NotFoundError",
    "PartnerApiError",
    "PermissionDeniedError",
    "RateLimitError",
    "ServerError",
    "UnprocessableEntityError",
    "class_for_status",
    "error_for_status",
    "failure_in_body",
    "field_problems",
    "parse_body",
    "request_id",
    "status_error_class",
    "vendor_error",
    "vendor_message",
]

# No API covered here documents a request-id header. These are the common ones (Rails and
# nginx's X-Request-Id, AWS API Gateway's x-amzn-RequestId), read when a server sends one.
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id")

# How many field problems an error's text names; the rest are counted ("and 3 more").
_SHOWN_PROBLEMS = 10


class PartnerApiError(Exception):
    """Base class of every error an overlaid client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(redact(message))


class ApiConnectionError(PartnerApiError):
    """No answer came back: the connection failed or broke (after any retries).

    ``request`` is the ``httpx.Request`` that got no answer (None when unknown).
    """

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(scrub(message, request))
        self.request = request


class ApiTimeoutError(ApiConnectionError):
    """No answer came back within the timeout (after any retries)."""


@dataclass(frozen=True)
class FieldProblem:
    """One problem a vendor named in an error answer: the field (a name or JSON path, "" if none) and what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        if not self.field:
            return self.message
        return f"{self.field}: {self.message}" if self.message else self.field


class ApiResponseError(PartnerApiError):
    """The server answered, and the answer is a failure.

    Attributes: ``response`` (the ``httpx.Response``: headers, body, and in
    ``response.request`` the request as sent, credentials included, so do not log it
    raw), ``request`` (the same request), ``status`` (the HTTP status), ``body`` (the
    vendor's error body: parsed JSON, or text), ``vendor_message`` (the vendor's own
    words, when it gave any), ``problems`` (each :class:`FieldProblem` the vendor
    named), ``request_id`` (from the first of :data:`REQUEST_ID_HEADERS` the server sent,
    else None), ``method`` and ``url`` (masked).
    """

    #: Response headers read for ``request_id``, first found wins (a vendor subclass may name its own).
    request_id_headers: ClassVar[tuple[str, ...]] = REQUEST_ID_HEADERS

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.response = response
        self.request = response.request
        self.status = response.status_code
        self.body: Any = parse_body(response)
        self.vendor_message = vendor_message(self.body)
        self.problems: tuple[FieldProblem, ...] = self.find_problems(self.body)
        self.request_id = request_id(response, self.request_id_headers)
        self.method = self.request.method
        self.url = scrub(mask_url(self.request.url), self.request)
        detail = message or self.vendor_message or response.reason_phrase
        if any(detail == problem.message for problem in self.problems):
            # The "message" was a field problem's (an error list without a message of its
            # own): the problems, each with its field, say it better.
            detail = response.reason_phrase or "refused"
        text = f"{self.method} {self.url} -> {self.status}: {_with_problems(detail, self.problems)}"
        if self.request_id is not None:
            text += f" [request id {self.request_id}]"
        super().__init__(scrub(text, self.request))

    @classmethod
    def find_problems(cls, body: Any) -> tuple[FieldProblem, ...]:
        """The field problems in a vendor's error body (a vendor subclass may read its own shape)."""
        return field_problems(body)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status}, message={redact(str(self.vendor_message))!r})"


_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_SEGMENTS = re.compile(r"[./\[\]]+")


def _shown(problem: FieldProblem) -> str:
    # A validator quotes the value it refused ('"ab" is too short'): under a password or
    # token field that value is a secret, however short, and no registry knows it.
    segments = [segment for segment in _SEGMENTS.split(problem.field) if segment]
    if segments and is_sensitive_name(segments[-1]):
        return str(FieldProblem(problem.field, _QUOTED.sub(MASK, problem.message)))
    return str(problem)


def _with_problems(detail: str, problems: tuple[FieldProblem, ...]) -> str:
    # A problem the vendor's message already states (Omnize flattens its field errors into
    # the message) is not repeated.
    fresh = [p for p in problems if not (p.field in detail and p.message in detail)]
    if not fresh:
        return detail
    shown = "; ".join(_shown(problem) for problem in fresh[:_SHOWN_PROBLEMS])
    if len(fresh) > _SHOWN_PROBLEMS:
        shown += f"; and {len(fresh) - _SHOWN_PROBLEMS} more"
    return f"{detail} ({shown})"


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


def request_id(response: httpx.Response, headers: Iterable[str] = REQUEST_ID_HEADERS) -> str | None:
    """The request id a server sent in the first of ``headers`` present (None when it sent none)."""
    for name in headers:
        value = response.headers.get(name)
        if value:
            return redact(value.strip())
    return None


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


# -- field problems ---------------------------------------------------------------------------
#
# The shapes read, each from a spec or a common convention:
# - a list of field errors under "errors" (Comm100 v3 and v4: {"field": <JSON path>, "message"}),
#   also "problems", "invalid_params"/"invalid-params" (RFC 9457, {"name", "reason"}),
#   "fieldErrors", "violations", "details";
# - an error item whose "detail" names the field or holds such a list (PortSIP's
#   {"errors": [{"code", "message", "detail": {"field", "problems": [...]}}]});
# - Rails' {"errors": {"field": ["message", ...]}}.

_LIST_KEYS = ("errors", "problems", "invalid_params", "invalid-params", "fieldErrors", "field_errors", "violations")
_FIELD_KEYS = ("field", "path", "pointer", "param", "parameter", "property", "propertyPath", "loc")
# RFC 9457's invalid-params name their field "name": read only there ({"name": "ValidationError"}
# elsewhere is no field).
_NAMED_LISTS = frozenset({"invalid_params", "invalid-params"})
_MESSAGE_KEYS = ("message", "msg", "reason", "detail", "description", "title", "error", "code")
_MAX_DEPTH = 4


def field_problems(body: Any) -> tuple[FieldProblem, ...]:
    """Every field problem a vendor's error body names, in order, each once."""
    found: list[FieldProblem] = []
    _collect(body, found, 0)
    return tuple(dict.fromkeys(found))


def _text(value: Any, *, path: bool) -> str | None:
    if isinstance(value, str) and value:
        return value
    if path and isinstance(value, list) and value and all(isinstance(part, str | int) for part in value):
        return ".".join(str(part) for part in value)  # a location as a list: ["body", "email"]
    return None


def _first(item: dict[str, Any], keys: Iterable[str], *, path: bool = False) -> str | None:
    for key in keys:
        text = _text(item.get(key), path=path)
        if text is not None:
            return text
    return None


def _collect(node: Any, found: list[FieldProblem], depth: int) -> None:
    if depth > _MAX_DEPTH or not isinstance(node, dict):
        return
    for key in _LIST_KEYS:
        items = node.get(key)
        if isinstance(items, list):
            for item in items:
                _item(item, found, depth + 1, named=key in _NAMED_LISTS)
        elif isinstance(items, dict) and key == "errors":
            for name, messages in items.items():
                for message in messages if isinstance(messages, list) else [messages]:
                    found.append(FieldProblem(str(name), str(message)))


def _item(item: Any, found: list[FieldProblem], depth: int, *, named: bool) -> None:
    if not isinstance(item, dict):
        return
    source = item.get("source")
    field = _first(item, (*_FIELD_KEYS, "name") if named else _FIELD_KEYS, path=True)
    if field is None and isinstance(source, dict):
        field = _first(source, ("pointer", "parameter", "header"))  # JSON:API
    if field is not None:
        found.append(FieldProblem(field, _first(item, _MESSAGE_KEYS) or ""))
        return
    detail = item.get("detail")
    if not isinstance(detail, dict):
        return
    before = len(found)
    _collect(detail, found, depth + 1)
    detail_field = _first(detail, _FIELD_KEYS, path=True)
    if len(found) == before and detail_field is not None:
        # A detail that names the field without a list: the item's message says what is wrong.
        found.append(FieldProblem(detail_field, _first(detail, _MESSAGE_KEYS) or _first(item, _MESSAGE_KEYS) or ""))


def class_for_status(status: int) -> type[ApiStatusError]:
    """The runtime's error class for an HTTP status of 400 or above (``ApiStatusError`` for one without its own)."""
    return ServerError if status >= 500 else _BY_STATUS.get(status, ApiStatusError)


def error_for_status(response: httpx.Response) -> ApiStatusError | None:
    """Return the typed error for a response with status >= 400, or None for success.

    The response body must already be read.
    """
    status = response.status_code
    return None if status < 400 else class_for_status(status)(response)


# -- vendor errors that are also status errors ---------------------------------------------

V = TypeVar("V", bound=ApiStatusError)


def status_error_class(kind: type[V], status_class: type[ApiStatusError]) -> type[V]:
    """``kind``, a vendor's error class, that is also the runtime's ``status_class``.

    A class the vendor declares with exactly these two bases (``class
    PortsipNotFoundError(PortsipError, NotFoundError)``, public and documented) is that
    class; for any other pair a class is made once, named and documented like ``kind``
    (``except PartnerExistsError`` and ``except BadRequestError`` both catch it). ``kind``
    itself when it already is a ``status_class``.
    """
    if issubclass(kind, status_class):
        return kind
    bases = (kind, status_class)
    for declared in kind.__subclasses__():
        if declared.__bases__ == bases:
            return declared
    made = type(kind.__name__, bases, {"__doc__": kind.__doc__, "__module__": kind.__module__})
    made.__qualname__ = kind.__qualname__
    # Two threads may each make one: both answer with the first one registered, so a
    # pair is one class (the other is dropped with its last reference).
    return next(declared for declared in kind.__subclasses__() if declared.__bases__ == bases)


def vendor_error(kind: type[V], response: httpx.Response) -> V | None:
    """The ``kind`` error for a failure answer (status >= 400), None for a success.

    The error is also the runtime's class for its status (see :func:`status_error_class`).
    The body must already be read.
    """
    status = response.status_code
    return None if status < 400 else status_error_class(kind, class_for_status(status))(response)


# -- failures inside a success status ----------------------------------------------------------


def _flattened(errors: Any) -> str | None:
    # One string in most failures; a Rails server may also send a list, or a field ->
    # messages mapping, which are flattened rather than lost.
    if isinstance(errors, str):
        return errors or None
    if isinstance(errors, list):
        return "; ".join(str(item) for item in errors) or None
    if isinstance(errors, dict):
        return "; ".join(f"{name} {_joined(problem)}" for name, problem in errors.items()) or None
    return None


def _joined(problem: Any) -> str:
    return ", ".join(str(item) for item in problem) if isinstance(problem, list) else str(problem)


class FailureInBodyError(ApiResponseError):
    """The server answered a success status, and its body says the call failed (``{"success": false, ...}``).

    ``vendor_message`` is the body's ``errors`` (else ``message``), a list or a field ->
    messages mapping flattened to one line; ``raw_body`` is the body's bytes; ``status``
    the HTTP status (200).
    """

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        body = parse_body(response)
        vendor = _flattened(body.get("errors", body.get("message"))) if isinstance(body, dict) else None
        super().__init__(response, message or vendor)
        if vendor is not None:
            self.vendor_message = vendor
        self.raw_body = response.content


F = TypeVar("F", bound=FailureInBodyError)
Unflagged = Callable[[httpx.Response, dict[str, Any]], ApiResponseError | None]


def failure_in_body(
    response: httpx.Response, kind: type[F], *, flag: str = "success", unflagged: Unflagged | None = None
) -> ApiResponseError | None:
    """The error an answer of an API that flags each body's success stands for, or None for a success.

    HTTP >= 400 keeps the runtime's status errors. A body that is not a JSON object is a
    ``kind`` error; one with the ``flag`` is a success when the flag is ``true`` and a
    ``kind`` error otherwise; one without it is ``unflagged(response, body)`` (default: a
    ``kind`` error, so nothing unflagged is taken for a result). The body must already be
    read. Such a failure stands for no HTTP status, so the retries never see it: it is
    raised at the first answer, idempotent call or not (``retry.py`` says why).
    """
    status_error = error_for_status(response)
    if status_error is not None:
        return status_error
    body = parse_body(response)
    if not isinstance(body, dict):
        return kind(response, "the answer is not a JSON object")
    if flag in body:
        return None if body[flag] is True else kind(response)
    return kind(response, f"the answer has no {flag} flag") if unflagged is None else unflagged(response, body)
