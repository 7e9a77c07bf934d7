"""Schemathesis hooks for the Omnize partner API: its token placement, login host and always-200 checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

Omnize answers every call HTTP 200; a refusal is ``{"success": false, "errors": "..."}``
(URL login: ``{"message": "...", "status": <4xx>}``). :func:`rest_status` reads the
status a REST API would have answered from that body, and the checks judge by it:

- ``negative_data_rejection`` (built-in), ``omnize_positive_data_acceptance`` and
  ``omnize_ignored_auth`` (in_body.py): refusals read from the body, not the HTTP status;
  without the token, or with a wrong one, an accepted call comes back "Invalid token";
- ``omnize_partner_isolation``: every accepted call, replayed with another partner's
  token, is refused (the built-in object-level check needs identities this suite lacks);
- ``omnize_use_after_free`` / ``omnize_resource_availability`` (ledger.py): nothing the
  run deleted (an account, with its agents and departments) is used successfully, and
  nothing it created and did not delete is "not found".

The built-in ``ignored_auth``, ``use_after_free`` and ``ensure_resource_availability``
judge by status alone; the target excludes them. Refusals are classified by their
message, in the simulator's words; against the live vendor an unfamiliar message counts
as a 400.

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it), ``LOGIN_URL`` (URL login's base URL, see servers.py).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.hooks.in_body import judge_by_body, probe
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.omnize_partner_answers import refusal_message, rest_status
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import json_body, optional_variable, spec_operation, variable

SPEC = api_spec("omnize-partner")
LEDGER = Ledger(SPEC)
# Wrong, yet shaped like a token: the refusal must come from checking it, not from parsing it.
INVALID_TOKEN = "contract-suite-invalid-token"


# -- auth and the login host ----------------------------------------------------------------


def place_token(case: Any, token: str | None) -> None:
    """Put ``token`` in the query and, where the operation takes it there, the JSON body (None: remove it).

    The spec's security scheme is the query form, which Schemathesis requires for a
    request to count as valid, so the token always rides in the query. Where Omnize
    documents it in the JSON body (``x-token-location: body``) it rides there too, and
    that is the form the simulator reads first (Rails lets body parameters win); the
    body-only form is pinned by tests/simulators/test_omnize_partner.py. A body ``token``
    a negative case made a non-string is kept: that mutation is what the case tests.
    """
    query = (
        {name: value for name, value in case.query.items() if name != "token"} if isinstance(case.query, dict) else {}
    )
    case.query = query if token is None else {**query, "token": token}
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("token", ""), str):
        return
    body = {name: value for name, value in body.items() if name != "token"}
    if token is not None and spec_operation(SPEC, case.operation).token_location == "body":
        body["token"] = token
    case.body = body


authenticate(SPEC, lambda base_url, role: variable("TOKEN"), place=place_token)
route_own_servers(SPEC, "LOGIN_URL")
LEDGER.track(lambda response: rest_status(response) == 200)
judge_by_body("omnize", rest_status, place=place_token, invalid_token=INVALID_TOKEN, message=refusal_message)


# -- checks ---------------------------------------------------------------------------------


def _ids(response: Any) -> set[Any]:
    body = json_body(response)
    data = body.get("data") if isinstance(body, dict) else None
    return {item.get("id") for item in data if isinstance(item, dict)} if isinstance(data, list) else set()


@schemathesis.check
def omnize_partner_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
    """Another partner's token never reaches this partner's records: an accepted call replayed with it is refused."""
    other = optional_variable("OTHER_TOKEN")
    operation_id = spec_operation(SPEC, case.operation).operation_id
    # Creating an account names no existing record: another partner may always do it.
    if not other or operation_id == "createAccount" or rest_status(response) != 200:
        return None
    answer = probe(case, place_token, other)
    if operation_id == "listAccounts":
        # Listing names no record either: another partner gets its own accounts, never these.
        shared = _ids(response) & _ids(answer)
        if shared:
            raise AssertionError(f"listAccounts showed another partner accounts {sorted(shared)}")
        return None
    if rest_status(answer) == 200:
        raise AssertionError(
            f"{case.operation.label} succeeded for another partner on records it does not own: {answer.content[:300]!r}"
        )
    return None


@schemathesis.check
def omnize_use_after_free(ctx: Any, response: Any, case: Any) -> bool | None:
    """Once an account is deleted, no call naming it, its agents or its departments (or a second delete) succeeds."""
    if rest_status(response) == 200:
        LEDGER.check_gone(case)
    return None


@schemathesis.check
def omnize_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """A record this run created, and did not delete, is never "not found"."""
    message = refusal_message(response) or ""
    if rest_status(response) == 404 and message.endswith(" not found"):
        # "Agent not found" concerns what createAgent makes, and only that.
        LEDGER.check_available(case, creator="create" + message.removesuffix(" not found"))
    return None
