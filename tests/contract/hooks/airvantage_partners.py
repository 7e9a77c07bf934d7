"""Schemathesis hooks for the AirVantage partners API: OAuth login, dotted error codes, finished operations.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- Auth (oauth.py): the client-credentials grant at the spec's token operation. The suite
  plays both sides of a partnership: the *requester*'s API client for partners and
  operations, the *target*'s (when given) for the incoming-request operations
  (``Requests`` tag), so a request the requester sends is one the target can list, accept
  or reject.
- AirVantage answers every documented code with 400, also for well-formed input that names
  an unknown uid (``partner.unknown``) or an existing partner (``partner.exists``). The
  built-in ``positive_data_acceptance`` judges by status alone, so its failure is excused
  where the answer is such a code and the spec documents it for the operation or its
  parameters (a REST API would have answered 404 or 409), or ``*.missing`` for a uid
  that is there but blank (a whitespace-only ``partner`` is ``company.missing``, "partner
  absent or empty"). An undocumented code, or a validation refusal, still fails it.
- ``airvantage_resource_availability`` (ledger.py): the operation a partnership request
  started is never ``*.unknown`` to the calls its links lead to.
- ``airvantage_requests_reach_finished``: every operation a successful partnership request
  starts is driven to its end, in turn by each of its three ends (the target rejects, the
  requester cancels, the target accepts), and must reach ``FINISHED`` with its task
  counted accordingly; after an acceptance both companies list each other with the
  profiles chosen, after a rejection or cancellation neither does.

- The checks of tests/contract/checks: tenant isolation (as an outsider company), read
  after write, auth enforced, token lifetime, paging at page-size boundaries and field
  selection (``fields``) on every list.

Variables (set by the target): ``CLIENT_ID`` and ``CLIENT_SECRET`` (required: the
requester); ``TARGET_CLIENT_ID`` and ``TARGET_CLIENT_SECRET`` (optional: without them
every call is the requester's, and requests are only ever cancelled);
``OUTSIDER_CLIENT_ID`` and ``OUTSIDER_CLIENT_SECRET`` (optional: a company in no
partnership with the requester, for the isolation check).
"""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Iterator, Mapping
from typing import Any

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity, register
from tests.contract.checks.install import install, token_answer
from tests.contract.compat import REJECTED_POSITIVE_DATA
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import excuse, json_body, optional_variable, spec_operation, variable

SPEC = api_spec("airvantage-partners")
LEDGER = Ledger(SPEC)
CREDENTIALS = {
    "requester": ("CLIENT_ID", "CLIENT_SECRET"),
    "target": ("TARGET_CLIENT_ID", "TARGET_CLIENT_SECRET"),
    "outsider": ("OUTSIDER_CLIENT_ID", "OUTSIDER_CLIENT_SECRET"),
}
# How long an operation may take to start and, once answered, to finish.
DEADLINE = 10.0


# -- auth ---------------------------------------------------------------------------------


def _has_target() -> bool:
    return all(optional_variable(name) for name in CREDENTIALS["target"])


def role(case: Any) -> str:
    """Who sends ``case``: the target for the incoming-request operations (when configured), else the requester."""
    plays_target = _has_target() and "Requests" in spec_operation(SPEC, case.operation).tags
    return "target" if plays_target else "requester"


def token(base_url: str, who: str) -> str:
    """A client-credentials token of ``who``'s API client (requester or target); RuntimeError if refused."""
    client_id, client_secret = (variable(name) for name in CREDENTIALS[who])
    return log_in(SPEC, base_url, "client_credentials", {"client_id": client_id, "client_secret": client_secret})


# The requester, the target (and an outsider) as the contract checks' identities: tokens
# kept, renewed after a 401.
_IDENTITIES = {who: Identity(who, functools.partial(token, who=who)) for who in CREDENTIALS}
# Schemathesis asks again only when its token is refused; the checks share that one sign-in per role.
authenticate(SPEC, lambda base_url, who: _IDENTITIES[who].token(base_url, fresh=True), role)


# -- dotted codes ------------------------------------------------------------------------------


def dotted_code(response: Any) -> str | None:
    """The dotted error code of a 400 answer (``partner.unknown``), else None."""
    body = json_body(response)
    error = body.get("error") if response.status_code == 400 and isinstance(body, dict) else None
    return error if isinstance(error, str) else None


def documented_codes(case: Any, *, parameters: bool = True) -> set[str]:
    """The codes the spec documents for the case's operation, and (unless told not to) for its parameters."""
    operation = spec_operation(SPEC, case.operation)
    entries = [*operation.error_codes, *(e for p in operation.parameters if parameters for e in p.error_codes)]
    return {entry["code"] for entry in entries}


def _excused(case: Any, response: Any) -> bool:
    code = dotted_code(response)
    return code is not None and code in documented_codes(case) and code.endswith((".unknown", ".exists", ".missing"))


excuse(REJECTED_POSITIVE_DATA, _excused)
LEDGER.track(lambda response: response.status_code == 200)


@register
def airvantage_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """What a request just created (its operation) is never "unknown" to the calls its links lead to."""
    code = dotted_code(response) or ""
    # Only the operation's own "unknown" is about what it names (company.unknown is about its company).
    if code.endswith(".unknown") and code in documented_codes(case, parameters=False):
        LEDGER.check_available(case)
    return None


# -- every started operation reaches FINISHED ----------------------------------------------------

# Each end: who answers, with which operation, and the final task state it leads to.
_ENDS = itertools.cycle(
    (
        ("target", "rejectRequest", "FAILURE"),
        ("requester", "cancelOperation", "CANCELLED"),
        ("target", "acceptRequest", "SUCCESS"),
    )
)
_OUTSIDERS = (_IDENTITIES["outsider"],) if all(optional_variable(name) for name in CREDENTIALS["outsider"]) else ()
_API = Api(SPEC, lambda case: _IDENTITIES[role(case)], others=_OUTSIDERS)
_REQUESTER_LOGIN = token_answer(
    SPEC, "client_credentials", lambda: {"client_id": variable("CLIENT_ID"), "client_secret": variable("CLIENT_SECRET")}
)
install(_API, login=_REQUESTER_LOGIN)


class _Api:
    """Just enough of the API, as either side, to drive and watch one operation (sent like ``case``)."""

    def __init__(self, case: Any) -> None:
        self.case = case

    def call(self, role: str, operation_id: str, *, params: Any = None, json: Any = None, **path: str) -> Any:
        """The JSON answer of ``operation_id`` sent as ``role``; AssertionError unless it is a 200."""
        parts = {"path_parameters": path, "query": params, "body": json}
        given = {name: part for name, part in parts.items() if part is not None}
        response = _API.call(self.case, operation_id, _IDENTITIES[role], **given)
        if response.status_code != 200:
            raise AssertionError(f"{operation_id} as the {role} answered {response.status_code}: {response.text[:300]}")
        return json_body(response)

    def items(self, role: str, operation_id: str, fields: str) -> Iterator[dict[str, Any]]:
        """Every item of a list, page by page (``offset``)."""
        offset = 0
        while True:
            page = self.call(role, operation_id, params={"fields": fields, "offset": offset})
            yield from page["items"]
            offset += len(page["items"])
            if not page["items"] or offset >= page["count"]:
                return

    def wait(self, uid: str, until: set[str]) -> dict[str, Any]:
        deadline, pause = time.monotonic() + DEADLINE, 0.02
        while True:
            operation: dict[str, Any] = self.call("requester", "getOperation", uid=uid)
            if operation["state"] in until or time.monotonic() > deadline:
                return operation
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def partner_profiles(self, role: str) -> dict[str, str | None]:
        items = self.items(role, "findPartners", "uid,profile")
        return {item["uid"]: (item.get("profile") or {}).get("uid") for item in items}


def _counted(operation: Mapping[str, Any], state: str) -> int:
    return sum(counter["count"] for counter in operation.get("counters") or [] if counter["state"] == state)


def _find_request(api: _Api, operation: Mapping[str, Any], message: Any) -> dict[str, Any]:
    """The target's pending request behind ``operation``: same message, sent closest to its creation."""
    pending = api.items("target", "listRequests", "uid,date,message,requestBy")
    candidates = [item for item in pending if item.get("message") == message]
    if not candidates:
        raise AssertionError(f"the target does not see the request of operation {operation['uid']}")
    created = operation.get("createdAt") or 0
    return min(candidates, key=lambda item: abs((item.get("date") or 0) - created))


@register
def airvantage_requests_reach_finished(ctx: Any, response: Any, case: Any) -> bool | None:
    """A successful partnership request starts an operation that, once answered or cancelled, ends FINISHED."""
    if spec_operation(SPEC, case.operation).operation_id != "requestPartnership" or response.status_code != 200:
        return None
    uid = json_body(response)["operation"]
    api = _Api(case)
    body = case.body if isinstance(case.body, dict) else {}
    started = api.wait(uid, {"IN_PROGRESS", "FINISHED"})
    if started["state"] == "SCHEDULED":
        raise AssertionError(f"operation {uid} did not start within {DEADLINE:.0f}s: {started}")
    if started["state"] == "FINISHED":  # already answered (superseded): it must say how it ended
        if _counted(started, "SUCCESS") + _counted(started, "FAILURE") + _counted(started, "CANCELLED") != 1:
            raise AssertionError(f"operation {uid} finished without a final task state: {started}")
        return None
    answerer, end, expected = next(_ENDS) if _has_target() else ("requester", "cancelOperation", "CANCELLED")
    partner = str(body.get("partner"))
    if answerer == "requester":
        api.call("requester", end, uid=uid)
    else:
        request = _find_request(api, started, body.get("message"))
        api.call("target", end, uid=request["uid"], json={} if end == "rejectRequest" else {"message": "Welcome"})
    finished = api.wait(uid, {"FINISHED"})
    if finished["state"] != "FINISHED" or _counted(finished, expected) != 1:
        raise AssertionError(f"after {end}, operation {uid} did not end FINISHED with one {expected} task: {finished}")
    if end == "cancelOperation" and not finished.get("cancelDate"):
        raise AssertionError(f"cancelled operation {uid} has no cancelDate: {finished}")
    if not finished.get("endDate"):
        raise AssertionError(f"finished operation {uid} has no endDate: {finished}")
    if _has_target():
        mine = api.partner_profiles("requester")
        accepted = end == "acceptRequest"
        if accepted and partner not in mine:
            raise AssertionError(f"after the target accepted, the requester does not list {partner} as a partner")
        if accepted and body.get("profile") and mine.get(partner) != body["profile"]:
            raise AssertionError(f"the requester lists {partner} with profile {mine[partner]}, not {body['profile']}")
        if not accepted and partner in mine:
            raise AssertionError(f"after {end}, the requester lists {partner} as a partner")
    return None
