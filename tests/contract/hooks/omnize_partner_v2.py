"""Schemathesis hooks for the Omnize partner API v2: v1's token placement and always-200 judgement, v2's spec.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
v2 answers as v1 does (every call HTTP 200, a refusal ``{"success": false, "errors":
"..."}`` in v1's words), so the judgement is v1's (:mod:`.omnize_partner_answers`,
imported without v1's hooks); only the spec, and so where each operation takes the
token, is v2's. Checks, each named ``omnize_v2_*``:

- ``negative_data_rejection`` (built-in), ``omnize_v2_positive_data_acceptance`` and
  ``omnize_v2_ignored_auth`` (in_body.py): refusals read from the body;
- ``omnize_v2_partner_isolation``: an accepted call replayed with another partner's token
  is refused;
- ``omnize_v2_use_after_free`` / ``omnize_v2_resource_availability`` (ledger.py): a deleted
  agent is never used successfully, and nothing created and not deleted is "not found".

Variables (set by the target): ``TOKEN`` (required), ``OTHER_TOKEN`` (another partner's;
isolation is skipped without it).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.hooks.in_body import judge_by_body, probe
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.omnize_partner_answers import refusal_message, rest_status
from tests.contract.hooks.shared import optional_variable, spec_operation, variable

SPEC = api_spec("omnize-partner-v2")
LEDGER = Ledger(SPEC)
INVALID_TOKEN = "contract-suite-invalid-token"


def place_token(case: Any, token: str | None) -> None:
    """Put ``token`` in the query and, where v2's spec takes it there, the JSON body (None: remove it).

    As v1's :func:`.omnize_partner.place_token`: the query form is the security scheme
    Schemathesis requires, the body form what Omnize documents for POST, PUT and DELETE.
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
LEDGER.track(lambda response: rest_status(response) == 200)
judge_by_body("omnize_v2", rest_status, place=place_token, invalid_token=INVALID_TOKEN, message=refusal_message)


@schemathesis.check
def omnize_v2_partner_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
    """Another partner's token never reaches this partner's records: an accepted call replayed with it is refused."""
    other = optional_variable("OTHER_TOKEN")
    if not other or rest_status(response) != 200:
        return None
    answer = probe(case, place_token, other)
    if rest_status(answer) == 200:
        raise AssertionError(
            f"{case.operation.label} succeeded for another partner on records it does not own: {answer.content[:300]!r}"
        )
    return None


@schemathesis.check
def omnize_v2_use_after_free(ctx: Any, response: Any, case: Any) -> bool | None:
    """Once an agent is deleted, no call naming it (or a second delete) succeeds."""
    if rest_status(response) == 200:
        LEDGER.check_gone(case)
    return None


@schemathesis.check
def omnize_v2_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """A record this run created, and did not delete, is never "not found"."""
    message = refusal_message(response) or ""
    if rest_status(response) == 404 and message.endswith(" not found"):
        LEDGER.check_available(case, creator="create" + message.removesuffix(" not found"))
    return None
