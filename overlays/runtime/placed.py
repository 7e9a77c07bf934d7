"""A credential carried inside the request, where the spec places it for each operation: the query or the JSON body.

Some vendors read their token from a parameter, not a header, and not in the same place
for every operation (Omnize: the query string of a GET, the JSON body otherwise). The
spec says where for each operation (``x-token-location``, specs/CONVENTIONS.md);
:class:`PlacedTokenAuth` puts the token there, exactly once, replacing any the request
already carries. Such vendors often want a password as its digest, never as plain text
(:func:`sha256_digest`, applied to the body fields the auth flow is given), and may serve
an operation from another host (sent to the URL the client was given for it).
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx

from partner_apis.specs import api_spec

from .rewrite import RewritingAuth, json_object_body, rebuild
from .routes import operation_table
from .secrets import Secret, register_secret

__all__ = ["FieldPaths", "PlacedTokenAuth", "sha256_digest"]

# Where a body holds a value, one path per place: ("agent", "password") is body["agent"]["password"].
FieldPaths = tuple[tuple[str, ...], ...]

_DIGEST = re.compile(r"[0-9a-fA-F]{64}")
# Where a request the spec does not know takes the token: the query for a read, else the body.
_QUERY_BY_DEFAULT = frozenset({"GET", "HEAD"})


def sha256_digest(value: str) -> str:
    """The lowercase hex SHA-256 of ``value``'s UTF-8 bytes; a 64-hex value is taken as a digest already.

    Both forms are registered as secrets, so neither can appear in a log line.
    """
    digest = value.lower() if _DIGEST.fullmatch(value) else hashlib.sha256(value.encode()).hexdigest()
    register_secret(value, digest)
    return digest


def _transform(body: dict[str, Any], paths: FieldPaths, transform: Callable[[str], str]) -> None:
    # A path the body does not hold (an optional field left out) is passed over.
    for path in paths:
        holder: Any = body
        for name in path[:-1]:
            holder = holder.get(name) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and isinstance(holder.get(path[-1]), str):
            holder[path[-1]] = transform(holder[path[-1]])


@functools.cache
def _locations(key: str) -> dict[str, str]:
    return {op.operation_id: op.token_location for op in api_spec(key) if op.token_location is not None}


class PlacedTokenAuth(RewritingAuth):
    """Put ``token`` as the parameter ``name`` where the spec of API ``key`` places it for each operation.

    The query string or the JSON body, as the operation's ``x-token-location`` says (for a
    request the spec does not know: the query for a GET or HEAD, the body otherwise),
    replacing any token the request already carries, so it is sent exactly once.
    ``base_url`` is the client's (default: the spec's), for finding each request's
    operation; ``servers`` maps an operation the spec puts on another host to the URL the
    client sends it to. ``digested`` names, per operation, the body fields sent as
    ``digest(value)`` (default :func:`sha256_digest`). Raises ``ValueError`` for an empty
    token, and for a body-token operation whose body is not a JSON object.
    """

    def __init__(
        self,
        key: str,
        token: str | Secret,
        *,
        name: str = "token",
        base_url: str | None = None,
        servers: Mapping[str, str] | None = None,
        digested: Mapping[str, FieldPaths] | None = None,
        digest: Callable[[str], str] = sha256_digest,
    ) -> None:
        token = token if isinstance(token, Secret) else Secret(token)
        if not token:
            raise ValueError(f"the {name} is empty")
        self._token = token
        self._name = name
        self._servers = {operation: httpx.URL(url.rstrip("/")) for operation, url in (servers or {}).items()}
        self._digested = dict(digested or {})
        self._digest = digest
        self._locations = _locations(key)
        self._query_pair = urlencode({name: token.reveal()}).encode()  # as the query carries it
        self._key_in_query = f"{name}=".encode()
        self.operations = operation_table(key, base_url, {op: str(url) for op, url in self._servers.items()})
        # The methods whose every operation takes the token in the query (GET, as Omnize's
        # spec stands) on the client's own host: such a request needs no operation lookup.
        always = set(_QUERY_BY_DEFAULT)
        for operation in api_spec(key):
            if operation.token_location != "query" or operation.servers or operation.operation_id in self._servers:  # noqa: S105
                always.discard(operation.method)
        self._always_in_query = frozenset(always)

    def query_for(self, method: str, url: str) -> dict[str, str] | None:
        """The query a request carries the token in, for a method whose every operation takes it there.

        The client puts it in place while it builds the request (the runtime's
        ``QueryAuth`` seam), so :meth:`prepare` finds it there and need not parse the URL
        again; any other request is placed by :meth:`prepare` alone.
        """
        return {self._name: self._token.reveal()} if method.upper() in self._always_in_query else None

    def _carries_only_ours(self, query: bytes) -> bool:
        # True when the query's one token parameter is ours (put there as the request was
        # built). Any other "token=" (a stale token, a key ending in "token") means no.
        pair = self._query_pair
        return query.count(self._key_in_query) == 1 and (query == pair or query.endswith(b"&" + pair))

    def _with_token(self, url: httpx.URL) -> httpx.URL:
        # Appending the pair costs one URL parse; httpx's merge parses the query, re-encodes
        # it and parses the URL again (a read call's largest overlay cost in `nox -s bench`).
        # A URL that may carry a token already is merged instead, so a stale one is replaced.
        if self._key_in_query in url.query or url.fragment:
            return url.copy_merge_params({self._name: self._token.reveal()})
        return httpx.URL(f"{url}{'&' if url.query else '?'}{self._query_pair.decode()}")

    def prepare(self, request: httpx.Request) -> httpx.Request:
        """Return the request with the token in its place (and its digested fields, on its host)."""
        always = request.method in self._always_in_query
        operation = None if always else self.operations.find(request.method, request.url.path)
        operation_id = operation.operation_id if operation else ""
        url = request.url
        server = self._servers.get(operation_id)
        if operation is not None and server is not None:
            # The generated function joined the path to the client's base URL.
            url = server.copy_with(path=server.path.rstrip("/") + operation.path, query=url.query or None)
        default = "query" if request.method in _QUERY_BY_DEFAULT else "body"
        if always or self._locations.get(operation_id, default) == "query":
            if url is not request.url:
                return rebuild(request, url=self._with_token(url))
            if not self._carries_only_ours(url.query):
                # The host stays, so the request is changed in place (as httpx's own auth
                # flows change headers) rather than rebuilt.
                request.url = self._with_token(url)
            return request
        if self._name in url.params:
            url = url.copy_remove_param(self._name)
        body = json_object_body(request)
        if body is None:
            raise ValueError(f"{request.method} {url.path}: the API takes a JSON object body, with the token in it")
        body[self._name] = self._token.reveal()
        _transform(body, self._digested.get(operation_id, ()), self._digest)
        return rebuild(request, url=url, json_body=body)

    def __repr__(self) -> str:
        servers = {operation: str(url) for operation, url in self._servers.items()}
        return f"{type(self).__name__}(token={self._token!r}, servers={servers!r})"
