"""Secrets out of everything a contract run keeps: the cassette, Schemathesis's reports, its output.

Schemathesis masks what it can name (``output.sanitization``: header values, query
parameters and JSON request bodies in its reproducing commands, by key) but writes
request and answer *bodies* into its HAR cassette as they went over the wire: a
password in a create, Omnize's partner token in every body, an ``access_token`` in a
token answer. Everything the runner keeps goes through a :class:`Redactor` first:

- **by key**: a JSON or form field whose name is a credential, meaning a
  ``format: password`` property anywhere in the spec (:func:`secret_keys`) or one of
  Schemathesis's own sanitization keys (``token``, ``password``, ``authorization``...);
  in bodies only these exact names, so that a field merely containing ``key`` or
  ``auth`` keeps its value (and its type, which the drift report reads);
- **by value**: every credential the run was given (the target's secret variables),
  wherever it appears, in any file.

The same key list goes to Schemathesis's config (``[output.sanitization]``), so its own
masking and ours agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from schemathesis.config import SanitizationConfig

from partner_apis.specs import ApiSpec

__all__ = ["REPLACEMENT", "Redactor", "secret_keys", "secret_variable"]

_DEFAULTS = SanitizationConfig()
REPLACEMENT = _DEFAULTS.replacement
# Shorter values are not masked by value (a 3-character "secret" would mask digits everywhere);
# they are still masked by key.
MIN_SECRET_LENGTH = 4


def _password_properties(spec: ApiSpec, node: Any, found: set[str], seen: set[int]) -> None:
    if isinstance(node, list):
        for item in node:
            _password_properties(spec, item, found, seen)
        return
    if not isinstance(node, Mapping) or id(node) in seen:
        return
    seen.add(id(node))
    node = spec.resolve(node)
    for name, schema in (node.get("properties") or {}).items():
        if isinstance(schema, Mapping) and spec.resolve(schema).get("format") == "password":
            found.add(str(name).lower())
    for key, value in node.items():
        if key not in ("example", "examples"):
            _password_properties(spec, value, found, seen)


def secret_keys(spec: ApiSpec) -> tuple[str, ...]:
    """Schemathesis's sanitization keys and the names of ``spec``'s ``format: password`` properties, lower-cased."""
    found: set[str] = set()
    _password_properties(spec, spec.raw, found, set())
    return tuple(sorted(found | set(_DEFAULTS.keys_to_sanitize)))


def secret_variable(name: str) -> bool:
    """Whether a target variable (``CLIENT_SECRET``, ``OTHER_TOKEN``) holds a credential, by Schemathesis's markers.

    A ``..._URL`` (``TOKEN_URL``) is where to go, not a credential.
    """
    lowered = name.lower()
    return not lowered.endswith("_url") and any(marker in lowered for marker in _DEFAULTS.sensitive_markers)


@dataclass(frozen=True)
class Redactor:
    """Masks credentials by key (``keys``, exact and lower-case) and by value (``values``) with :data:`REPLACEMENT`."""

    keys: frozenset[str]
    values: tuple[str, ...] = ()

    @classmethod
    def for_spec(cls, spec: ApiSpec, values: Iterable[str] = ()) -> Redactor:
        """A redactor for ``spec``'s credential fields and the given secret ``values``."""
        kept = {value for value in values if len(value) >= MIN_SECRET_LENGTH}
        # Longest first: a secret that contains another is masked whole.
        return cls(frozenset(secret_keys(spec)), tuple(sorted(kept, key=len, reverse=True)))

    def secret_key(self, name: str) -> bool:
        """Whether a field, header or parameter called ``name`` holds a credential."""
        return name.lower() in self.keys

    def text(self, text: str) -> str:
        """``text`` with every known secret, and every ``"key": "value"``, ``key=value`` of a secret key, masked."""
        return self._pattern().sub(self._mask_match, self._known(text))

    def data(self, value: Any) -> Any:
        """A JSON value with every string under a secret key masked (recursively), and known secrets masked anywhere."""
        if isinstance(value, Mapping):
            return {
                key: REPLACEMENT if self.secret_key(str(key)) and isinstance(item, str) else self.data(item)
                for key, item in value.items()
            }
        if isinstance(value, list):
            return [self.data(item) for item in value]
        if isinstance(value, str):
            for secret in self.values:
                value = value.replace(secret, REPLACEMENT)
        return value

    def body(self, text: str | None, mime_type: str) -> str | None:
        """A request or answer body: JSON and forms field by field, anything else as text."""
        if text is None:
            return None
        if "json" in mime_type.lower():
            try:
                return json.dumps(self.data(json.loads(text)), ensure_ascii=False)
            except ValueError:
                return self.text(text)
        if "x-www-form-urlencoded" in mime_type.lower():
            return self.text(self._query(text))
        return self.text(text)

    def url(self, url: str) -> str:
        """A URL with the values of secret query parameters (and known secrets) masked."""
        parts = urlsplit(url)
        return self.text(urlunsplit(parts._replace(query=self._query(parts.query))))

    def har(self, har: Mapping[str, Any]) -> dict[str, Any]:
        """A HAR document (Schemathesis's cassette) with every credential masked: URLs, headers, bodies."""
        entries = []
        for entry in har.get("log", {}).get("entries", []):
            entry = dict(entry)
            request = dict(entry.get("request", {}))
            request["url"] = self.url(request.get("url", ""))
            for field in ("headers", "queryString", "cookies"):
                request[field] = self._records(request.get(field) or [])
            if request.get("postData"):
                post = dict(request["postData"])
                post["text"] = self.body(post.get("text"), post.get("mimeType", ""))
                if post.get("params"):
                    post["params"] = self._records(post["params"])
                request["postData"] = post
            entry["request"] = request
            if entry.get("response"):
                response = dict(entry["response"])
                response["headers"] = self._records(response.get("headers") or [])
                response["cookies"] = self._records(response.get("cookies") or [])
                if response.get("content") and response["content"].get("encoding") is None:
                    content = dict(response["content"])
                    content["text"] = self.body(content.get("text"), content.get("mimeType", ""))
                    response["content"] = content
                entry["response"] = response
            entries.append(entry)
        # Field by field above; then the known values wherever else they are (a header's
        # echo, an error message), as plain replacements: a pattern pass over megabytes of
        # JSON would cost seconds a run.
        masked: dict[str, Any] = json.loads(self._known(json.dumps({**har, "log": {**har.get("log", {})}})))
        masked["log"]["entries"] = json.loads(self._known(json.dumps(entries, ensure_ascii=False)))
        return masked

    def _known(self, text: str) -> str:
        for value in self.values:
            text = text.replace(value, REPLACEMENT)
            # As JSON escapes it, too (a value with a quote or a backslash).
            text = text.replace(json.dumps(value)[1:-1], REPLACEMENT)
        return text

    def _records(self, records: list[Mapping[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**record, "value": REPLACEMENT} if self.secret_key(str(record.get("name", ""))) else dict(record)
            for record in records
        ]

    def _query(self, query: str) -> str:
        if not query:
            return query
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode([(name, REPLACEMENT if self.secret_key(name) else value) for name, value in pairs])

    def _pattern(self) -> re.Pattern[str]:
        return _key_pattern(self.keys)

    @staticmethod
    def _mask_match(match: re.Match[str]) -> str:
        return (match.group("lead") or "") + REPLACEMENT


_PATTERNS: dict[frozenset[str], re.Pattern[str]] = {}


def _key_pattern(keys: frozenset[str]) -> re.Pattern[str]:
    """``"key": "value"`` (JSON, or Python's ``'key': 'value'``), ``key=value``, ``Bearer value``: any secret key."""
    pattern = _PATTERNS.get(keys)
    if pattern is None:
        names = "|".join(sorted(map(re.escape, keys), key=len, reverse=True))
        pattern = re.compile(
            rf"""(?P<lead>(?<![\w-])(?:"(?:{names})"\s*:\s*"|'(?:{names})'\s*:\s*'|(?:{names})=))"""
            rf"""(?:\\.|[^"'&\s\\])+"""
            r"""|(?<=Bearer )[A-Za-z0-9._~+/=-]+""",
            re.IGNORECASE,
        )
        _PATTERNS[keys] = pattern
    return pattern
