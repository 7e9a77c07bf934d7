"""Masking the secrets an exchange carried before any of it goes into a report.

A report quotes one example per disagreement. What it quotes may hold a credential: an
``Authorization`` header, a token in the query string (Omnize, AirVantage), a password in
a request body, a token answer's ``access_token`` and ``refresh_token``, or any of those
quoted back in an error message. Values travel under telling names, so they are masked
by name (the same names the overlay runtime masks, and every property the spec marks
``format: password``); every value the exchange sent or received under such a name is
then masked wherever else it appears (an error text echoing the token). A HAR that was
masked already (a client's recording) shows ``[REDACTED]``, Schemathesis's ``[Filtered]``.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus

from .har import Exchange

__all__ = ["MASK", "MASKS", "Redactor", "is_sensitive_name"]

MASK = "[REDACTED]"
# The masks a recording may already carry: ours, Schemathesis's output sanitisation.
MASKS = frozenset({MASK, "[Filtered]"})

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
_CONTAINS = ("password", "passwd", "secret")
_ENDS = ("token",)
# Shorter values are not masked wherever they appear: masking "1" everywhere garbles text.
_MIN_LENGTH = 4


def is_sensitive_name(name: str, extra: Iterable[str] = ()) -> bool:
    """True when a header, query parameter or field of this name carries a secret (``extra``: more names)."""
    lowered = name.lower()
    return (
        lowered in _SENSITIVE
        or lowered.endswith(_ENDS)
        or any(part in lowered for part in _CONTAINS)
        or lowered in {item.lower() for item in extra}
    )


class Redactor:
    """Masks one exchange's secrets in anything quoted from it.

    ``names`` are the spec's credential properties (``format: password``), masked as well
    as the usual names.
    """

    def __init__(self, exchange: Exchange, names: Iterable[str] = ()) -> None:
        self._names = frozenset(name.lower() for name in names)
        values: set[str] = set()
        for name, value in (*exchange.request_headers, *exchange.response_headers):
            if self.sensitive(name):
                values.add(value)
                scheme, _, credential = value.partition(" ")
                if credential and scheme.isalpha():
                    values.add(credential)
        values.update(value for name, value in exchange.query if self.sensitive(name))
        values.update(self._body_values(exchange.request_body, exchange.request_mime))
        values.update(self._body_values(exchange.response_body, exchange.response_mime))
        forms = {form for value in values for form in (value, quote_plus(value, safe=""), quote(value, safe=""))}
        self._forms = tuple(
            sorted((form for form in forms if len(form) >= _MIN_LENGTH and form not in MASKS), key=len, reverse=True)
        )

    def sensitive(self, name: str) -> bool:
        """True when a value under ``name`` is a secret."""
        return is_sensitive_name(name) or name.lower() in self._names

    def _body_values(self, body: str, mime: str) -> Iterable[str]:
        if not body:
            return ()
        if "x-www-form-urlencoded" in mime.lower():
            return [value for name, value in parse_qsl(body, keep_blank_values=True) if self.sensitive(name)]
        with contextlib.suppress(ValueError):
            return list(self._json_values(json.loads(body), sensitive=False))
        return ()

    def _json_values(self, value: Any, sensitive: bool) -> Iterable[str]:
        if isinstance(value, dict):
            for key, item in value.items():
                yield from self._json_values(item, sensitive or self.sensitive(str(key)))
        elif isinstance(value, list):
            for item in value:
                yield from self._json_values(item, sensitive)
        elif sensitive and isinstance(value, str | int) and not isinstance(value, bool):
            yield str(value)

    def text(self, text: str) -> str:
        """``text`` with every secret value of the exchange masked."""
        for form in self._forms:
            if form in text:
                text = text.replace(form, MASK)
        return text

    def value(self, value: Any, name: str | None = None) -> Any:
        """A copy of a JSON value with secrets masked: the whole value when ``name`` (its field) is sensitive."""
        if name is not None and self.sensitive(name) and value is not None:
            return MASK
        if isinstance(value, dict):
            return {key: self.value(item, str(key)) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, str):
            return self.text(value)
        return value

    def body(self, body: str) -> Any:
        """An answer's body for an example: parsed and masked when JSON, else masked text."""
        try:
            parsed = json.loads(body)
        except ValueError:
            return self.text(body)
        return self.value(parsed)

    def url(self, exchange: Exchange) -> str:
        """The request line's target: the path and a query whose secret parameters are masked."""
        query = "&".join(
            f"{name}={MASK if self.sensitive(name) else self.text(value)}" for name, value in exchange.query
        )
        return self.text(exchange.path) + (f"?{query}" if query else "")
