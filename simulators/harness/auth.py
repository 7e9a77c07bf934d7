"""Reading credentials off a request, the same way for every bearer-token simulator."""

from __future__ import annotations

from starlette.requests import Request

__all__ = ["bearer_token"]


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme in any case), or None."""
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token
