"""Reading credentials off a request, the same way for every bearer-token simulator."""

from __future__ import annotations

from starlette.requests import Request

__all__ = ["bearer_token"]


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme in any case), or None."""
    # The raw header list, read as Starlette's Headers would (first one, latin-1), without
    # building that object on every request.
    raw: bytes | None = None
    for name, value in request.scope["headers"]:
        if name == b"authorization":
            raw = value
            break
    if raw is None:
        return None
    header: str = raw.decode("latin-1")
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token
