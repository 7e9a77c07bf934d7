"""Schemathesis hooks for the Omnize partner API: its token placement, login host and always-200 checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

Omnize answers every call HTTP 200; a refusal is ``{"success": false, "errors": "..."}``
(URL login: ``{"message": "...", "status": <4xx>}``). :func:`rest_status` reads the
status a REST API would have answered from that body, and the checks judge by it:

- ``negative_data_rejection`` (built-in): its failure is excused where the body refuses
  the request;
- ``omnize_positive_data_acceptance``: valid data is not refused as invalid (a refusal
  read as a status ``positive_data_acceptance`` does not expect);
- ``omnize_ignored_auth``: without the token, or with a wrong one, an accepted call comes
  back "Invalid token";
- ``omnize_partner_isolation``: every accepted call, replayed with another partner's
  token, is refused (the built-in object-level check needs identities this suite lacks);
- ``omnize_use_after_free`` / ``omnize_resource_availability`` (ledger.py): nothing the
  run deleted (an account, with its agents and departments) is used successfully, and
  nothing it created and did not delete is "not found".

The built-in ``ignored_auth``, ``use_after_free`` and ``ensure_resource_availability``
judge by status alone; the target excludes them. Refusals are classified by their
message, in the simulator's words; against the live vendor an unfamiliar message counts
as a 400. The probes go through Schemathesis's public ``Case.derive`` and ``Case.call``.

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it), ``LOGIN_URL`` (URL login's base URL, see servers.py).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.compat import ACCEPTED_NEGATIVE_DATA, generated_valid
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import (
    excuse,
    json_body,
    optional_variable,
    spec_operation,
    status_matches,
    variable,
)

SPEC = api_spec("omnize-partner")
LEDGER = Ledger(SPEC)
# Wrong, yet shaped like a token: the refusal must come from checking it, not from parsing it.
INVALID_TOKEN = "contract-suite-invalid-token"


# -- reading Omnize's answers ---------------------------------------------------------------


def refusal_message(response: Any) -> str | None:
    """Omnize's refusal message when the answer is a refusal, else None."""
    body = json_body(response)
    if not isinstance(body, dict):
        return None
    if "success" in body:
        return None if body["success"] is True else str(body.get("errors", ""))
    if body.get("status") == 200 and body.get("token"):
        return None
    return str(body.get("message", ""))


def rest_status(response: Any) -> int:
    """The HTTP status a REST API would have answered: Omnize's refusal read from its body.

    "Invalid token" is 401, "... not found" 404, an inactive account 403, a conflict
    with the current state (licences used up, an e-mail taken) 409, anything else 400.
    A URL-login refusal carries its own status. A success stays 200.
    """
    if response.status_code != 200:
        return int(response.status_code)
    body = json_body(response)
    message = refusal_message(response)
    if not isinstance(body, dict) or message is None:
        return 200
    if "success" not in body and isinstance(body.get("status"), int) and body["status"] >= 400:
        return int(body["status"])
    lowered = message.lower()
    if lowered == "invalid token":
        return 401
    if lowered.endswith("not found"):
        return 404
    if "inactive" in lowered:
        return 403
    if "limit reached" in lowered or "already been taken" in lowered:
        return 409
    return 400


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
# negative_data_rejection judges by HTTP status: a request the body refuses was rejected.
excuse(ACCEPTED_NEGATIVE_DATA, lambda case, response: rest_status(response) >= 400)


# -- checks ---------------------------------------------------------------------------------


@schemathesis.check
def omnize_positive_data_acceptance(ctx: Any, response: Any, case: Any) -> bool | None:
    """Valid data is not refused as invalid; "not found", "Invalid token" and conflicts are fine."""
    status = rest_status(response)
    if generated_valid(case) and not status_matches(status, ctx.config.positive_data_acceptance.expected_statuses):
        raise AssertionError(
            f"{case.operation.label} refused valid data: {refusal_message(response)!r} (read as HTTP {status})"
        )
    return None


def _probe(case: Any, token: str | None) -> Any:
    """``case`` sent again with ``token`` in its place (None: with no token)."""
    probe = case.derive()
    place_token(probe, token)
    return probe.call(timeout=10)


_AUTH_CONFIRMED: set[str] = set()


@schemathesis.check
def omnize_ignored_auth(ctx: Any, response: Any, case: Any) -> bool | None:
    """An accepted call is refused with "Invalid token" without the token and with a wrong one."""
    label = case.operation.label
    if rest_status(response) != 200 or label in _AUTH_CONFIRMED:
        return None
    for scenario, token in (("without a token", None), ("with an invalid token", INVALID_TOKEN)):
        answer = _probe(case, token)
        if rest_status(answer) not in {401, 403}:
            raise AssertionError(
                f"{label} accepted a request {scenario}: expected an 'Invalid token' refusal, "
                f"got HTTP {answer.status_code} {answer.content[:200]!r}"
            )
    # Enforcement is a property of the operation: once confirmed, it need not be probed again.
    _AUTH_CONFIRMED.add(label)
    return None


@schemathesis.check
def omnize_partner_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
    """Another partner's token never reaches this partner's records: an accepted call replayed with it is refused."""
    other = optional_variable("OTHER_TOKEN")
    # Creating an account names no existing record: another partner may always do it.
    if (
        not other
        or spec_operation(SPEC, case.operation).operation_id == "createAccount"
        or rest_status(response) != 200
    ):
        return None
    answer = _probe(case, other)
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
