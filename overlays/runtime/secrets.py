"""Secrets that never show: a ``Secret`` value type, a registry of live secrets, and redaction.

Every token and password a client is given is wrapped in :class:`Secret` (its ``repr``
and ``str`` are masked) and registered here, along with the forms it takes on the wire
(a password's SHA-256 digest, a bearer header). :func:`redact` replaces every registered
secret in a text, and :class:`RedactingFilter`, installed on the HTTP and project
loggers, applies it to every log record, so neither httpx's request lines nor our own
messages can carry one.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urlsplit, urlunsplit

__all__ = [
    "MASK",
    "SENSITIVE_NAMES",
    "RedactingFilter",
    "Secret",
    "install_log_redaction",
    "redact",
    "redact_url",
    "register_secret",
]

MASK = "[REDACTED]"

# Query, form and JSON field names whose values are secret in every API we cover.
SENSITIVE_NAMES = frozenset(
    {"token", "access_token", "refresh_token", "password", "client_secret", "auth_token", "authorization"}
)

# Values shorter than this are not registered: masking "1" everywhere would garble logs,
# and no real credential is that short.
_MIN_SECRET_LENGTH = 4

_lock = threading.Lock()
_secrets: set[str] = set()
_pattern: re.Pattern[str] | None = None


class Secret:
    """A secret string whose ``repr`` and ``str`` are masked; ``reveal()`` gives the value.

    Creating one registers the value for redaction everywhere in this process.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError(f"a secret must be a str, not {type(value).__name__}")
        self._value = value
        register_secret(value)

    def reveal(self) -> str:
        """Return the secret's value, for the one place that must send it."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def _wire_forms(value: str) -> set[str]:
    # A secret in a URL (httpx logs every request's URL) or a form body is percent-encoded:
    # a query or a form encodes "/" as "%2F" and a space as "+"; a path keeps "/" and
    # writes a space as "%20".
    return {value, quote_plus(value, safe=""), quote(value, safe=""), quote(value)}


def register_secret(*values: str) -> None:
    """Add values, and the percent-encoded forms they take in a URL or a form, to the set :func:`redact` masks."""
    global _pattern
    fresh = {form for value in values for form in _wire_forms(value) if len(form) >= _MIN_SECRET_LENGTH}
    with _lock:
        if fresh <= _secrets:
            return
        _secrets.update(fresh)
        # Longest first, so a secret that contains another is masked whole.
        ordered = sorted(_secrets, key=len, reverse=True)
        _pattern = re.compile("|".join(re.escape(value) for value in ordered))


def redact(text: str) -> str:
    """Return ``text`` with every registered secret replaced by ``[REDACTED]``."""
    pattern = _pattern
    if pattern is None or not text:
        return text
    return pattern.sub(MASK, text)


def redact_url(url: str) -> str:
    """Return ``url`` with secret query parameters and registered secrets masked."""
    parts = urlsplit(url)
    if parts.query:
        query = [
            (name, MASK if name.lower() in SENSITIVE_NAMES else value)
            for name, value in parse_qsl(parts.query, keep_blank_values=True)
        ]
        parts = parts._replace(query=urlencode(query, safe="[]"))
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", f":{MASK}@"))
    return redact(urlunsplit(parts))


class RedactingFilter(logging.Filter):
    """A logging filter that masks registered secrets in a record's formatted message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _pattern is None:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's to report, when it is emitted
            return True
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


# Loggers that may see a URL, a header or a body: httpx's request lines (a token in the
# query string), httpcore's traces, and this project's own.
_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "partner_apis",
    "uvicorn.access",
    "uvicorn.error",
    "schemathesis",
)
_FILTER = RedactingFilter()


_factory_lock = threading.Lock()
_factory_installed = False


def _install_record_factory() -> None:
    # A logger's filters do not apply to records its child loggers create, and a handler's
    # are the application's: redacting where records are made is the one place that sees
    # every record, whichever logger (httpcore.http11, partner_apis.oauth, ...) made it.
    global _factory_installed
    with _factory_lock:
        if _factory_installed:
            return
        previous = logging.getLogRecordFactory()

        def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
            record = previous(*args, **kwargs)
            _FILTER.filter(record)
            return record

        logging.setLogRecordFactory(factory)
        _factory_installed = True


def install_log_redaction(extra_loggers: Iterable[str] = ()) -> None:
    """Mask registered secrets in every log record from now on (idempotent).

    Records are redacted as they are created, whatever logger makes them; the filter is
    also attached to the HTTP and project loggers named here, for records made before.
    """
    _install_record_factory()
    for name in (*_LOGGERS, *extra_loggers):
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
