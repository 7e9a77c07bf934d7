"""Rewriting an outgoing request inside an httpx auth flow: its JSON body, its URL.

For vendors whose credentials travel inside the request (a token in the JSON body, a
password that must be hashed first) or whose operations live on more than one host.
An auth flow may yield a different request than it received; these helpers build that
request, so no flow touches httpx's private attributes. Use them from an ``httpx.Auth``
with ``requires_request_body = True`` (the body must be read before it is rewritten).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx

__all__ = ["json_object_body", "rebuild"]

# Recomputed by httpx for the new request: the host may change, and so may the body's length.
_DERIVED_HEADERS = ("host", "content-length", "transfer-encoding")


def json_object_body(request: httpx.Request) -> dict[str, Any] | None:
    """The request's body parsed as a JSON object; ``{}`` for no body, None when it is not an object."""
    content = request.content
    if not content.strip():
        return {}
    try:
        parsed = json.loads(content)
    except (UnicodeDecodeError, ValueError):
        return None
    return parsed if isinstance(parsed, dict) else None


def rebuild(
    request: httpx.Request,
    *,
    url: httpx.URL | None = None,
    json_body: Mapping[str, Any] | None = None,
) -> httpx.Request:
    """A copy of ``request`` with another URL and/or JSON body (headers and extensions kept).

    ``Host``, ``Content-Length`` and ``Content-Type`` follow the new URL and body.
    """
    headers = httpx.Headers(request.headers)
    for name in _DERIVED_HEADERS:
        headers.pop(name, None)
    content = request.content
    if json_body is not None:
        content = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json"
    return httpx.Request(
        request.method,
        url if url is not None else request.url,
        headers=headers,
        content=content,
        extensions=request.extensions,
    )
