"""Calling the generated functions from an overlay's helpers: what to leave out, what must come back.

The generated functions and models take ``UNSET`` (their own package's) for a value not
given, and turn a ``None`` into JSON ``null``; an overlay's helpers take ``None`` for "not
given", as Python callers expect. :func:`given` keeps only the values given, so the
generated defaults (``UNSET``) stand for the rest, whichever package it is.

A failure answer raises in the client's auth flow before the generated parser runs, so
whatever a call returns is a success; :func:`expect` checks that it parsed as the type the
helper needs, and says which operation answered what otherwise.
"""

from __future__ import annotations

from typing import Any, TypeVar

from .errors import PartnerApiError

__all__ = ["expect", "given"]

T = TypeVar("T")


def given(**values: Any) -> dict[str, Any]:
    """The keyword arguments whose value is not None (pass them on with ``**``)."""
    return {name: value for name, value in values.items() if value is not None}


def expect(result: object, kind: type[T], operation_id: str) -> T:
    """``result`` when it is a ``kind``; raises ``PartnerApiError`` naming ``operation_id`` otherwise."""
    if not isinstance(result, kind):
        raise PartnerApiError(f"{operation_id} answered {type(result).__name__}, not {kind.__name__}")
    return result
