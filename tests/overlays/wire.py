"""Where an API's example flow sends secrets, read from its spec: no API needs a row of its own.

The recording test plants nothing itself: it runs ``examples/<api>.py`` and looks for every
secret that crossed the wire in the recording. So that "no secret leaked" cannot pass
because the flow sent none, it checks that the flow sent secrets in each place the spec
puts them, which this module reads:

- ``header``, ``query``: where a secured operation's token travels. An operation's
  ``x-token-location`` says so where the spec gives it (Omnize: ``query``, or ``body``,
  which is the ``request body``); otherwise the first security requirement the operation
  lists (the one a client takes when the spec offers several): an HTTP or OAuth2 scheme
  and a header or cookie API key travel in a header, a query API key in the query;
- ``request body``: a secured operation's request body that carries a credential (every
  credential is ``format: password``, specs/CONVENTIONS.md), or a sign-in's form;
- ``answer body``: a secured operation's success answer that carries a credential
  (Omnize's URL-login token), or a sign-in's token answer.

A flow signs in unless its identity brings a ready token. That is no spec fact: the spec
offers both (Comm100 v4's operations require a bearer token that a user may bring), and
the simulator's tenants choose; so it is read from the first tenant's factory arguments,
the identity the example flows sign in as.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from partner_apis.simulators.registry import create_app
from partner_apis.specs import ApiSpec, Operation, api_spec
from tests.drift.samples import carries_credential, json_answer, success_status

__all__ = ["PLACES", "derive_wire", "signs_in", "token_places", "wire_places"]

PLACES = ("header", "query", "request body", "answer body")
_TOKEN_LOCATIONS = {"query": "query", "body": "request body"}


def token_places(spec: ApiSpec, operation: Operation) -> set[str]:
    """Where a secured ``operation`` carries its token (``header``, ``query``, ``request body``); empty if open.

    Raises ``KeyError`` for a security requirement naming a scheme the spec lacks.
    """
    if not operation.secured:
        return set()
    if operation.token_location is not None:
        return {_TOKEN_LOCATIONS[operation.token_location]}
    requirements: list[Mapping[str, Any]] = operation.raw.get("security", spec.raw.get("security", []))
    schemes: Mapping[str, Any] = spec.components.get("securitySchemes", {})
    places: set[str] = set()
    for name in requirements[0] if requirements else {}:
        scheme = schemes[name]
        if scheme.get("type") == "apiKey" and scheme.get("in") == "query":
            places.add("query")
        else:
            places.add("header")
    return places


def signs_in(key: str) -> bool:
    """Whether ``key``'s first tenant signs in (its factory arguments hold no ready ``token``)."""
    tenant = create_app(key).state.simulator.tenants()[0]
    return "token" not in tenant.arguments()


def derive_wire(key: str) -> set[str]:
    """The places (of :data:`PLACES`) where ``key``'s example flow must send secrets, read from its spec."""
    return wire_places(api_spec(key), signs_in=signs_in(key))


def wire_places(spec: ApiSpec, *, signs_in: bool) -> set[str]:
    """The places where a flow on ``spec`` sends secrets; ``signs_in``: its client asks for its own token.

    Raises ``KeyError`` for a security requirement naming a scheme the spec lacks.
    """
    places: set[str] = set()
    for operation in spec:
        if not operation.secured:
            continue
        places |= token_places(spec, operation)
        body = operation.request_body
        if body is not None and carries_credential(spec, body.schema):
            places.add("request body")
        status = success_status(operation)
        answer = json_answer(spec, operation, status) if status is not None else None
        if answer is not None and carries_credential(spec, answer.get("schema", {})):
            places.add("answer body")
    if signs_in:
        places |= {"request body", "answer body"}
    return places
