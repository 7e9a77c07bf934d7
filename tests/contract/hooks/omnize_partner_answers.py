"""How Omnize answers, and the hooks both its APIs (v1 and v2) register: refusals inside HTTP 200.

Importing this module registers nothing with Schemathesis; each API's hooks module calls
:func:`register` with its spec and its own prefix, so v2 reuses v1's reading of the
answers, token placement and checks without v1's hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from partner_apis.specs import ApiSpec
from tests.contract.checks.common import register as register_check
from tests.contract.hooks.in_body import judge_by_body, probe
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.shared import json_body, optional_variable, spec_operation, variable

__all__ = ["INVALID_TOKEN", "refusal_message", "register", "rest_status", "token_placer"]

# Wrong, yet shaped like a token: the refusal must come from checking it, not from parsing it.
INVALID_TOKEN = "contract-suite-invalid-token"

Place = Callable[[Any, str | None], None]


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


def token_placer(spec: ApiSpec) -> Place:
    """``place(case, token)``: ``token`` in the query and, where ``spec`` takes it there, the JSON body (None: removed).

    The spec's security scheme is the query form, which Schemathesis requires for a
    request to count as valid, so the token always rides in the query. Where Omnize
    documents it in the JSON body (``x-token-location: body``) it rides there too, and
    that is the form the simulator reads first (Rails lets body parameters win); the
    body-only form is pinned by tests/simulators/test_omnize_partner.py. A body ``token``
    a negative case made a non-string is kept: that mutation is what the case tests.
    """

    def place_token(case: Any, token: str | None) -> None:
        query = case.query if isinstance(case.query, dict) else {}
        query = {name: value for name, value in query.items() if name != "token"}
        case.query = query if token is None else {**query, "token": token}
        body = case.body
        if not isinstance(body, dict) or not isinstance(body.get("token", ""), str):
            return
        body = {name: value for name, value in body.items() if name != "token"}
        if token is not None and spec_operation(spec, case.operation).token_location == "body":
            body["token"] = token
        case.body = body

    return place_token


def _ids(response: Any) -> set[Any]:
    body = json_body(response)
    data = body.get("data") if isinstance(body, dict) else None
    return {item.get("id") for item in data if isinstance(item, dict)} if isinstance(data, list) else set()


def register(prefix: str, spec: ApiSpec, *, unowned: tuple[str, ...] = (), own_lists: tuple[str, ...] = ()) -> Place:
    """Register the hooks of an Omnize API: the partner token (``TOKEN``) and the checks that read refusals from bodies.

    The body-judged built-in counterparts (in_body.py, under ``prefix``), the ledger of
    what the run created and deleted, and three checks named ``<prefix>_...``:

    - ``partner_isolation``: every accepted call, replayed with another partner's token
      (``OTHER_TOKEN``; skipped without it), is refused, except the ``unowned`` operations,
      which name no record (creating an account), and the ``own_lists``, which must show
      the other partner none of the same records;
    - ``use_after_free``: nothing the run deleted (with what belonged to it) is used
      successfully, nor deleted twice;
    - ``resource_availability``: a record the run created, and did not delete, is never
      "not found".

    Returns the token placer (:func:`token_placer`) the hooks use.
    """
    place = token_placer(spec)
    ledger = Ledger(spec)
    authenticate(spec, lambda base_url, role: variable("TOKEN"), place=place)
    ledger.track(lambda response: rest_status(response) == 200)
    judge_by_body(prefix, rest_status, place=place, invalid_token=INVALID_TOKEN, message=refusal_message)

    def partner_isolation(ctx: Any, response: Any, case: Any) -> bool | None:
        """Another partner's token never reaches this partner's records: an accepted call replayed is refused."""
        other = optional_variable("OTHER_TOKEN")
        operation_id = spec_operation(spec, case.operation).operation_id
        if not other or operation_id in unowned or rest_status(response) != 200:
            return None
        answer = probe(case, place, other)
        if operation_id in own_lists:
            # Listing names no record either: another partner gets its own, never these.
            shared = _ids(response) & _ids(answer)
            if shared:
                raise AssertionError(f"{operation_id} showed another partner records {sorted(shared)}")
            return None
        if rest_status(answer) == 200:
            label, content = case.operation.label, answer.content[:300]
            raise AssertionError(f"{label} succeeded for another partner on records it does not own: {content!r}")
        return None

    def use_after_free(ctx: Any, response: Any, case: Any) -> bool | None:
        """Once a record is deleted, no call naming it or what belonged to it (or a second delete) succeeds."""
        if rest_status(response) == 200:
            ledger.check_gone(case)
        return None

    def resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
        """A record this run created, and did not delete, is never "not found"."""
        message = refusal_message(response) or ""
        if rest_status(response) == 404 and message.endswith(" not found"):
            # "Agent not found" concerns what createAgent makes, and only that.
            ledger.check_available(case, creator="create" + message.removesuffix(" not found"))
        return None

    for check in (partner_isolation, use_after_free, resource_availability):
        check.__name__ = check.__qualname__ = f"{prefix}_{check.__name__}"
        register_check(check)
    return place
