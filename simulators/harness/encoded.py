"""JSON answers: encoded with orjson, and record views encoded once and reused.

A list answer repeats every record it shows on every call, and encoding those records is
most of a simulator's work under load. A record whose view changes rarely keeps it as an
:class:`Encoded`, made when the view changes: put in an answer, its bytes are copied as
they are (an orjson ``Fragment``) instead of being encoded again.
"""

from __future__ import annotations

import json
import operator
from typing import Any

import orjson

__all__ = ["Encoded", "dumps"]


class Encoded:
    """A JSON value and its encoding, made once; the value must not change afterwards.

    Raises ``TypeError`` when the value is not JSON.
    """

    __slots__ = ("fragment", "value")

    def __init__(self, value: Any) -> None:
        self.value = value
        self.fragment = orjson.Fragment(dumps(value))


# orjson calls this for what it cannot encode itself: an Encoded gives its fragment (a C
# attribute lookup, once per record in a list answer); anything else raises, and orjson
# reports that as the TypeError that sends dumps() to its fallback.
_orjson_default = operator.attrgetter("fragment")


def _json_default(value: object) -> Any:
    if isinstance(value, Encoded):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON")


def dumps(value: Any) -> bytes:
    """``value`` (which may hold :class:`Encoded` parts) as compact JSON bytes; raises ``TypeError`` for non-JSON."""
    try:
        return orjson.dumps(value, default=_orjson_default)
    except TypeError:
        # An integer beyond 64 bits, or a string with a lone surrogate (JSON's "\ud800" parses
        # to one, and UTF-8 cannot encode it), which a client may send and get echoed: ASCII
        # JSON writes the surrogate back as the same \u escape.
        return json.dumps(value, separators=(",", ":"), ensure_ascii=True, default=_json_default).encode("ascii")
