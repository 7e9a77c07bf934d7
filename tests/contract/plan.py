"""What a contract run may send: the sign-in operations it never fuzzes live, and what read-only leaves.

A live run sends its requests to a vendor's production API, so what it may send is
decided here, from the spec model, before Schemathesis starts:

- **Sign-in operations** are never sent by a live run, in any mode: they trade
  credentials for tokens, and fuzzing them is fuzzing a production login (a lockout, an
  alert, a leaked password in a vendor's log). The hooks fetch the run's token once, from
  the URL :func:`token_url` names, outside Schemathesis.
- **Read-only** runs send ``GET`` (and ``HEAD``, where a spec declares it) and nothing
  else: no write, no ``OPTIONS`` or ``TRACE`` probe (the runner turns off Schemathesis's
  probes of undeclared methods for every live run).
- ``--allow-writes`` adds every other operation but the sign-in ones; the plan is printed
  before the run (:func:`describe`).

Against a simulator every operation is fuzzed, sign-in included: the simulator is the
project's own, and its token endpoint is part of what the suite checks.

The spec has no ``x-`` mark for a sign-in, so one is read off what the spec does say
(:func:`sign_in_operations`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from partner_apis.specs import ApiSpec, Operation

__all__ = [
    "READ_METHODS",
    "TOKEN_OPERATION",
    "RunPlan",
    "describe",
    "plan",
    "sign_in_operations",
    "token_url",
]

TOKEN_OPERATION = "getToken"  # the operationId of a spec's OAuth token endpoint (the simulators' OAuthSimulator too)
READ_METHODS = frozenset({"GET", "HEAD"})


def _full_path(spec: ApiSpec, operation: Operation) -> str:
    """The operation's path from its host's root (its own server's path, else the API's base path)."""
    prefix = operation.own_base_path if operation.own_base_path is not None else spec.base_path
    return prefix + operation.path


def _oauth_paths(spec: ApiSpec) -> set[str]:
    """The paths of every OAuth2 flow's token and refresh URLs (absolute or host-relative) in the spec."""
    paths: set[str] = set()
    for scheme in spec.components.get("securitySchemes", {}).values():
        for flow in (scheme.get("flows") or {}).values():
            for name in ("tokenUrl", "refreshUrl"):
                if flow.get(name):
                    paths.add(urlsplit(str(flow[name])).path.rstrip("/"))
    return paths


def _answer_is_a_credential(spec: ApiSpec, operation: Operation) -> bool:
    """Whether a success answer of ``operation`` is itself a credential: a top-level ``format: password`` property.

    (``access_token``, Omnize's URL-login ``token``); a record that merely carries a
    secret field inside it (an account with its token under ``data``) is not a sign-in.
    """
    for status, response in (operation.raw.get("responses") or {}).items():
        if not str(status).startswith("2"):
            continue
        for media in (spec.resolve(response).get("content") or {}).values():
            schema = spec.resolve(media.get("schema") or {})
            for variant in map(spec.resolve, schema.get("oneOf") or schema.get("anyOf") or [schema]):
                properties: Mapping[str, Any] = variant.get("properties") or {}
                if any(spec.resolve(node).get("format") == "password" for node in properties.values()):
                    return True
    return False


def sign_in_operations(spec: ApiSpec) -> tuple[Operation, ...]:
    """The operations that sign in, in spec order: a live run never sends them.

    An operation signs in when it is the token operation (``getToken``) or shares its
    path or one of its tags (another grant's form, a revocation), when its URL is an
    OAuth2 flow's ``tokenUrl`` or ``refreshUrl``, or when its success answer is itself a
    credential (a top-level ``format: password`` property: Omnize's URL login).
    """
    token = next((operation for operation in spec if operation.operation_id == TOKEN_OPERATION), None)
    oauth_paths = _oauth_paths(spec)
    found: list[Operation] = []
    for operation in spec:
        if (
            (token is not None and (operation.path == token.path or set(operation.tags) & set(token.tags)))
            or _full_path(spec, operation).rstrip("/") in oauth_paths
            or _answer_is_a_credential(spec, operation)
        ):
            found.append(operation)
    return tuple(found)


@dataclass(frozen=True)
class RunPlan:
    """The operations one run may send, the ones it leaves out with the reason, and the links between those it sends."""

    key: str
    live: bool
    allow_writes: bool
    sent: tuple[Operation, ...]
    sign_in: tuple[Operation, ...]
    writes_left_out: tuple[Operation, ...]

    @property
    def read_only(self) -> bool:
        """Whether the run sends reads only (a live run without ``--allow-writes``)."""
        return self.live and not self.allow_writes

    links: int = 0

    @property
    def operation_ids(self) -> frozenset[str]:
        """The ``operationId`` of every operation the run sends."""
        return frozenset(operation.operation_id for operation in self.sent)

    def methods(self) -> list[str]:
        """The HTTP methods the run sends, sorted."""
        return sorted({operation.method for operation in self.sent})

    def lines(self) -> Iterator[str]:
        """The plan in words: one line per operation sent, then what is left out."""
        mode = "simulator" if not self.live else "live, read-only" if self.read_only else "live, WITH WRITES"
        yield f"{self.key} ({mode}): sends {', '.join(self.methods()) or 'nothing'}"
        for operation in self.sent:
            yield f"  {operation.method:6} {operation.path}  ({operation.operation_id})"
        if self.live and self.sign_in:
            names = ", ".join(operation.operation_id for operation in self.sign_in)
            yield f"  never sent (sign-in): {names}"
        if self.writes_left_out:
            names = ", ".join(operation.operation_id for operation in self.writes_left_out)
            yield f"  not sent (writes; --allow-writes sends them): {names}"


def plan(spec: ApiSpec, *, live: bool, allow_writes: bool) -> RunPlan:
    """What a run of ``spec`` sends: all to a simulator; live, no sign-in, and only reads unless writes are allowed."""
    sign_in = sign_in_operations(spec) if live else ()
    excluded = {operation.operation_id for operation in sign_in}
    candidates = [operation for operation in spec if operation.operation_id not in excluded]
    read_only = live and not allow_writes
    writes = tuple(operation for operation in candidates if read_only and operation.method not in READ_METHODS)
    sent = tuple(operation for operation in candidates if not (read_only and operation.method not in READ_METHODS))
    return RunPlan(spec.key, live, allow_writes, sent, sign_in, writes, links=_links_between(spec, sent))


def _links_between(spec: ApiSpec, operations: tuple[Operation, ...]) -> int:
    """How many of the spec's links lead from one of ``operations`` to another (the stateful phase follows them)."""
    ids = {operation.operation_id for operation in operations}
    count = 0
    for operation in operations:
        for response in (operation.raw.get("responses") or {}).values():
            for link in (spec.resolve(response).get("links") or {}).values():
                count += spec.resolve(link).get("operationId") in ids
    return count


def describe(plans: list[RunPlan]) -> str:
    """The plans of a session as text, printed before a live run sends anything."""
    return "\n".join(line for run_plan in plans for line in run_plan.lines())


def token_url(spec: ApiSpec, base_url: str, override: str | None = None) -> str:
    """Where the hooks fetch a token: ``override`` (``PARTNER_APIS_LIVE_<KEY>_TOKEN_URL``), else from ``base_url``.

    Derived: the token operation under ``base_url`` (its path after the API's base URL),
    or, when the spec gives it its own server (Comm100 v4's OAuth server), that server
    only when ``base_url`` is the spec's own server, and otherwise the same path on
    ``base_url``'s origin: credentials never go to a host the user did not name or the
    spec does not pair with the one named. Raises ``KeyError`` when the spec has no
    token operation.
    """
    if override:
        return override
    operation = spec.operation(TOKEN_OPERATION)
    own = own_server_url(spec, operation, base_url)
    return (own if own is not None else base_url.rstrip("/")) + operation.path


def own_server_url(spec: ApiSpec, operation: Operation, base_url: str) -> str | None:
    """Where an operation with its own server goes when the API is at ``base_url``; None when it has none.

    The spec's server for that operation when ``base_url`` is one of the spec's own
    servers (the vendor); otherwise ``base_url``'s scheme and host with that server's
    path (a simulator, a proxy or a staging host serves both at one origin).
    """
    if not operation.servers:
        return None
    if base_url.rstrip("/") in {url.rstrip("/") for url in spec.server_urls}:
        return operation.servers[0].rstrip("/")
    origin = urlsplit(base_url)
    return f"{origin.scheme}://{origin.netloc}{operation.own_base_path or ''}"
