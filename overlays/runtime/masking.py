"""Masking what a request or an answer carries, for debug logs and error messages.

:func:`~partner_apis.overlays.runtime.secrets.redact` masks the secrets the registry
knows. A request and its answer can carry secrets it does not know yet: a token answer's
``access_token`` before the client has stored it, the password of a dealer being
created, a refresh token. Those travel under telling names (``password``, ``*token``,
``client_secret``, ``Authorization``), so this module masks by name as well: header
values, query parameters, JSON fields at any depth and form fields. Only the debug log
and the error path use it; nothing here runs on an ordinary successful call.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, urlencode, urlsplit, urlunsplit

import httpx

from .secrets import MASK, redact, redact_url

__all__ = [
    "is_sensitive_name",
    "mask_body",
    "mask_headers",
    "mask_json",
    "mask_url",
    "scrub",
    "sent_secrets",
]

_SENSITIVE = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "apikey",
        "api_key",
        "api-key",
        "x-api-key",
        "credential",
        "credentials",
    }
)
# Substrings and endings that mark a secret whatever the API's spelling: password,
# newPassword, password_confirmation, client_secret, token, access_token, partnerToken,
# X-Auth-Token. (A token_type or an expires_in is not one.)
_CONTAINS = ("password", "passwd", "secret")
_ENDS = ("token",)

# Shorter values are not masked as "sent secrets": masking "1" everywhere garbles text.
_MIN_LENGTH = 4


def is_sensitive_name(name: str) -> bool:
    """True when a header, query parameter or field of this name carries a secret."""
    lowered = name.lower()
    return lowered in _SENSITIVE or lowered.endswith(_ENDS) or any(part in lowered for part in _CONTAINS)


def mask_json(value: Any) -> Any:
    """A copy of a parsed JSON value with every sensitive field's value masked, at any depth."""
    if isinstance(value, dict):
        return {key: MASK if is_sensitive_name(str(key)) else mask_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [mask_json(item) for item in value]
    return value


def _mask_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, MASK if is_sensitive_name(name) else value) for name, value in pairs]


def mask_url(url: httpx.URL | str) -> str:
    """The URL with sensitive query parameters, a password in it and registered secrets masked."""
    parts = urlsplit(str(url))
    if parts.query:
        pairs = _mask_pairs(parse_qsl(parts.query, keep_blank_values=True))
        parts = parts._replace(query=urlencode(pairs, safe="[]"))
    return redact_url(urlunsplit(parts))


def mask_headers(headers: httpx.Headers) -> dict[str, str]:
    """The headers as a dict, sensitive values masked (a repeated header's values joined by commas)."""
    masked: dict[str, str] = {}
    for name, value in headers.multi_items():
        shown = MASK if is_sensitive_name(name) else redact(value)
        masked[name] = f"{masked[name]}, {shown}" if name in masked else shown
    return masked


def _is_text(content_type: str) -> bool:
    kind = content_type.split(";", 1)[0].strip().lower()
    return (
        not kind
        or kind.startswith("text/")
        or kind.endswith(("json", "xml", "x-www-form-urlencoded", "javascript"))
        or "+json" in kind
        or "+xml" in kind
    )


def mask_body(content: bytes, content_type: str | None, limit: int) -> str:
    """A body as text for a log line: sensitive JSON and form fields masked, then secrets, then cut to ``limit``.

    A binary body is shown by its size and type only. Masking comes before the cut, so a
    secret is never shown in part.
    """
    if not content:
        return ""
    kind = content_type or ""
    if not _is_text(kind):
        return f"<{len(content)} bytes of {kind.split(';', 1)[0]}>"
    text = content.decode("utf-8", errors="replace")
    lowered = kind.lower()
    if "x-www-form-urlencoded" in lowered:
        text = urlencode(_mask_pairs(parse_qsl(text, keep_blank_values=True)), safe="[]")
    elif "json" in lowered or text.lstrip()[:1] in {"{", "["}:
        with contextlib.suppress(ValueError):  # not JSON after all: shown as text
            text = json.dumps(mask_json(json.loads(text)), ensure_ascii=False)
    text = redact(text)
    if len(text) > limit:
        return f"{text[:limit]}... ({len(content)} bytes)"
    return text


def _json_values(value: Any, sensitive: bool = False) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _json_values(item, sensitive or is_sensitive_name(str(key)))
    elif isinstance(value, list):
        for item in value:
            yield from _json_values(item, sensitive)
    elif sensitive and isinstance(value, str | int) and not isinstance(value, bool):
        yield str(value)


def sent_secrets(request: httpx.Request) -> set[str]:
    """The values a request sent under sensitive names: headers, query, and a JSON or form body already read."""
    values: set[str] = set()
    for name, value in request.headers.multi_items():
        if is_sensitive_name(name):
            values.add(value)
            scheme, _, credential = value.partition(" ")
            if credential and scheme.isalpha():
                values.add(credential)
    for name, value in request.url.params.multi_items():
        if is_sensitive_name(name):
            values.add(value)
    try:
        content = request.content
    except httpx.RequestNotRead:
        content = b""
    if content:
        kind = request.headers.get("content-type", "").lower()
        if "x-www-form-urlencoded" in kind:
            values.update(
                value for name, value in parse_qsl(content.decode(errors="replace")) if is_sensitive_name(name)
            )
        elif "json" in kind:
            with contextlib.suppress(ValueError):
                values.update(_json_values(json.loads(content)))
    return {value for value in values if len(value) >= _MIN_LENGTH}


def scrub(text: str, request: httpx.Request | None) -> str:
    """``text`` with registered secrets masked, and every value ``request`` sent under a sensitive name.

    For an error message: a vendor may quote back what it was sent (a password that broke
    its rules), which no registry knows.
    """
    if request is not None:
        for value in sorted(sent_secrets(request), key=len, reverse=True):
            for form in {value, quote_plus(value, safe=""), quote(value, safe="")}:
                if form in text:
                    text = text.replace(form, MASK)
    return redact(text)
