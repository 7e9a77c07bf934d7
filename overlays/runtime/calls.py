"""Calling the generated functions from an overlay's helpers: what to leave out, what must come back.

The generated functions and models take ``UNSET`` (their own package's) for a value not
given, and turn a ``None`` into JSON ``null``; an overlay's helpers take ``None`` for "not
given", as Python callers expect. :func:`given` keeps only the values given, so the
generated defaults (``UNSET``) stand for the rest, whichever package it is.

A failure answer raises in the client's auth flow before the generated parser runs, so
whatever a call returns is a success; :func:`expect` checks that it parsed as the type the
helper needs, and says which operation answered what otherwise.

:func:`selected_fields` checks a field selection against the spec (``x-selectable-fields``)
before anything is sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from partner_apis.specs import api_spec

from .errors import PartnerApiError

__all__ = ["expect", "given", "selected_fields"]

T = TypeVar("T")


def given(**values: Any) -> dict[str, Any]:
    """The keyword arguments whose value is not None (pass them on with ``**``)."""
    return {name: value for name, value in values.items() if value is not None}


def expect(result: object, kind: type[T], operation_id: str) -> T:
    """``result`` when it is a ``kind``; raises ``PartnerApiError`` naming ``operation_id`` otherwise."""
    if not isinstance(result, kind):
        raise PartnerApiError(f"{operation_id} answered {type(result).__name__}, not {kind.__name__}")
    return result


def selected_fields(key: str, operation_id: str, fields: Iterable[str] | str | None) -> str | None:
    """The ``fields`` parameter of API ``key``'s ``operation_id``: the names joined by commas (None for None).

    ``fields`` is a list of names or a comma-separated string. Raises ``ValueError`` for a
    name the spec does not list as selectable (``x-selectable-fields``), for no names, or
    for an operation without a ``fields`` parameter.
    """
    if fields is None:
        return None
    try:
        selectable = api_spec(key).operation(operation_id).parameter("fields").selectable_fields or ()
    except KeyError:
        raise ValueError(f"{operation_id} takes no fields parameter") from None
    names = [name.strip() for name in (fields.split(",") if isinstance(fields, str) else fields)]
    unknown = [name for name in names if name not in selectable]
    if unknown or not names:
        raise ValueError(
            f"{operation_id} cannot select {', '.join(map(repr, unknown)) or 'no fields'}; "
            f"selectable: {', '.join(selectable)}"
        )
    return ",".join(dict.fromkeys(names))
