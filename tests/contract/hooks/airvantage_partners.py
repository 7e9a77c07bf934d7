"""Schemathesis hooks for the AirVantage partners API: OAuth login, dotted error codes, finished operations.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- ``AirVantageLogin``: an auth provider that gets tokens at ``/oauth/token`` with the
  client-credentials grant and sends them as ``Authorization: Bearer``. The suite plays
  both sides of a partnership: the *requester*'s API client for partners and operations,
  the *target*'s (when given) for the incoming-request operations (``Requests`` tag), so
  a request the requester sends is one the target can list, accept or reject.
- AirVantage answers every documented code with 400, also for well-formed input that names
  an unknown uid (``partner.unknown``) or an existing partner (``partner.exists``). The
  built-in ``positive_data_acceptance`` and ``ensure_resource_availability`` judge by
  status alone, so the target excludes them and this module runs each on the status a REST
  API would have used (:func:`rest_status`): a documented ``*.unknown`` code is 404, a
  documented ``*.exists`` code 409. An undocumented code, or a validation refusal, stays
  400, so valid input refused as invalid still fails.
- ``airvantage_requests_reach_finished``: every operation a successful partnership request
  starts is driven to its end, in turn by each of its three ends (the target rejects, the
  requester cancels, the target accepts), and must reach ``FINISHED`` with its task
  counted accordingly; after an acceptance both companies list each other with the
  profiles chosen, after a rejection or cancellation neither does.

Variables (set by the target): ``PARTNER_APIS_AIRVANTAGE_CLIENT_ID`` and
``PARTNER_APIS_AIRVANTAGE_CLIENT_SECRET`` (required: the requester);
``PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_ID`` and ``..._TARGET_CLIENT_SECRET`` (optional:
without them every call is the requester's, and requests are only ever cancelled).
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import time
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import schemathesis
from schemathesis.specs.openapi.checks import ensure_resource_availability, positive_data_acceptance

from tests.contract.hooks.oauth import fetch_access_token, send_bearer

CLIENT_ID = "PARTNER_APIS_AIRVANTAGE_CLIENT_ID"
CLIENT_SECRET = "PARTNER_APIS_AIRVANTAGE_CLIENT_SECRET"
TARGET_CLIENT_ID = "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_ID"
TARGET_CLIENT_SECRET = "PARTNER_APIS_AIRVANTAGE_TARGET_CLIENT_SECRET"

TOKEN_PATH = "/oauth/token"
TARGET_TAG = "Requests"
REQUEST_OPERATION = "requestPartnership"
# How long an operation may take to start and, once answered, to finish.
DEADLINE = 10.0


# -- auth ---------------------------------------------------------------------------------


def fetch_token(base_url: str, client_id: str, client_secret: str) -> str:
    """A client-credentials token from ``base_url``'s token endpoint; RuntimeError if refused."""
    form = {"grant_type": "client_credentials", "client_id": client_id, "client_secret": client_secret}
    return fetch_access_token(base_url + TOKEN_PATH, form)


def _has_target() -> bool:
    return bool(os.environ.get(TARGET_CLIENT_ID) and os.environ.get(TARGET_CLIENT_SECRET))


def _plays_target(case: Any) -> bool:
    return _has_target() and TARGET_TAG in (case.operation.definition.raw.get("tags") or [])


@schemathesis.auth().skip_for(operation_id="getToken")
class AirVantageLogin:
    """Tokens of the requester and (when configured) the target; each case gets the one its operation needs."""

    def get(self, case: Any, ctx: Any) -> dict[str, str]:
        base_url = case.operation.schema.get_base_url()
        tokens = {"requester": fetch_token(base_url, os.environ[CLIENT_ID], os.environ[CLIENT_SECRET])}
        if _has_target():
            tokens["target"] = fetch_token(base_url, os.environ[TARGET_CLIENT_ID], os.environ[TARGET_CLIENT_SECRET])
        return tokens

    def set(self, case: Any, data: dict[str, str], ctx: Any) -> None:
        send_bearer(case, data["target"] if _plays_target(case) else data["requester"])


# -- dotted codes as REST statuses -------------------------------------------------------------


def _json(response: Any) -> Any:
    try:
        return json.loads(response.content)
    except (TypeError, ValueError):
        return None


def _resolve(node: Any, raw_schema: Mapping[str, Any]) -> Any:
    if isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        target: Any = raw_schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return target
    return node


def documented_codes(case: Any) -> set[str]:
    """The error codes the spec declares for the case's operation (``x-error-codes`` of it and its parameters)."""
    raw = case.operation.definition.raw
    schema = case.operation.schema.raw_schema
    entries = list(raw.get("x-error-codes") or [])
    for parameter in raw.get("parameters") or []:
        entries += _resolve(parameter, schema).get("x-error-codes") or []
    return {entry["code"] for entry in entries}


def rest_status(response: Any, case: Any) -> int:
    """The status a REST API would answer: a documented ``*.unknown`` 400 is 404, a documented ``*.exists`` 409."""
    body = _json(response)
    if response.status_code != 400 or not isinstance(body, dict) or not isinstance(body.get("error"), str):
        return int(response.status_code)
    code = body["error"]
    if code not in documented_codes(case):
        return 400
    if code.endswith(".unknown"):
        return 404
    if code.endswith(".exists"):
        return 409
    return 400


def _as_rest(response: Any, case: Any) -> Any:
    translated = copy.copy(response)
    translated.status_code = rest_status(response, case)
    return translated


@schemathesis.check
def airvantage_positive_data_acceptance(ctx: Any, response: Any, case: Any) -> bool | None:
    """Valid data is not refused as invalid; a documented "unknown uid" or "already a partner" does not refuse data."""
    return positive_data_acceptance(ctx, _as_rest(response, case), case)


@schemathesis.check
def airvantage_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """What a request just created (its operation) is never "unknown" to the call its link leads to."""
    return ensure_resource_availability(ctx, _as_rest(response, case), case)


# -- every started operation reaches FINISHED ----------------------------------------------------

_ENDS = itertools.cycle(("reject", "cancel", "accept"))
_EXPECTED = {"reject": "FAILURE", "cancel": "CANCELLED", "accept": "SUCCESS"}
_tokens: dict[str, str] = {}


def _token(base_url: str, role: str) -> str:
    if role not in _tokens:
        names = (CLIENT_ID, CLIENT_SECRET) if role == "requester" else (TARGET_CLIENT_ID, TARGET_CLIENT_SECRET)
        _tokens[role] = fetch_token(base_url, os.environ[names[0]], os.environ[names[1]])
    return _tokens[role]


class _Api:
    """Just enough of the API, as either side, to drive and watch one operation."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def call(self, role: str, method: str, path: str, **kwargs: Any) -> httpx.Response:
        for attempt in range(2):
            headers = {"Authorization": f"Bearer {_token(self.base_url, role)}"}
            response = httpx.request(method, self.base_url + path, headers=headers, timeout=10, **kwargs)
            if response.status_code != 401 or attempt:
                return response
            _tokens.pop(role, None)  # the token expired: log in again, once
        raise AssertionError("unreachable")  # pragma: no cover

    def ok(self, role: str, method: str, path: str, **kwargs: Any) -> Any:
        response = self.call(role, method, path, **kwargs)
        if response.status_code != 200:
            raise AssertionError(
                f"{method} {path} as the {role} answered {response.status_code}: {response.text[:300]}"
            )
        return _json(response)

    def operation(self, uid: str) -> dict[str, Any]:
        body: dict[str, Any] = self.ok("requester", "GET", f"/v1/operations/{uid}")
        return body

    def wait(self, uid: str, until: set[str]) -> dict[str, Any]:
        deadline, pause = time.monotonic() + DEADLINE, 0.02
        while True:
            operation = self.operation(uid)
            if operation["state"] in until or time.monotonic() > deadline:
                return operation
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    def pending(self) -> Iterator[dict[str, Any]]:
        offset = 0
        while True:
            page = self.ok(
                "target", "GET", "/v1/requests", params={"fields": "uid,date,message,requestBy", "offset": offset}
            )
            yield from page["items"]
            offset += len(page["items"])
            if not page["items"] or offset >= page["count"]:
                return

    def partner_profiles(self, role: str) -> dict[str, str | None]:
        profiles: dict[str, str | None] = {}
        offset = 0
        while True:
            page = self.ok(role, "GET", "/v1/partners", params={"fields": "uid,profile", "offset": offset})
            profiles.update({item["uid"]: (item.get("profile") or {}).get("uid") for item in page["items"]})
            offset += len(page["items"])
            if not page["items"] or offset >= page["count"]:
                return profiles


def _counted(operation: Mapping[str, Any], state: str) -> int:
    return sum(counter["count"] for counter in operation.get("counters") or [] if counter["state"] == state)


def _find_request(api: _Api, operation: Mapping[str, Any], message: Any) -> dict[str, Any]:
    """The target's pending request behind ``operation``: same message, sent closest to its creation."""
    candidates = [item for item in api.pending() if item.get("message") == message]
    if not candidates:
        raise AssertionError(f"the target does not see the request of operation {operation['uid']}")
    created = operation.get("createdAt") or 0
    return min(candidates, key=lambda item: abs((item.get("date") or 0) - created))


@schemathesis.check
def airvantage_requests_reach_finished(ctx: Any, response: Any, case: Any) -> bool | None:
    """A successful partnership request starts an operation that, once answered or cancelled, ends FINISHED."""
    if case.operation.definition.raw.get("operationId") != REQUEST_OPERATION or response.status_code != 200:
        return None
    uid = _json(response)["operation"]
    api = _Api(case.operation.schema.get_base_url())
    body = case.body if isinstance(case.body, dict) else {}
    started = api.wait(uid, {"IN_PROGRESS", "FINISHED"})
    if started["state"] == "SCHEDULED":
        raise AssertionError(f"operation {uid} did not start within {DEADLINE:.0f}s: {started}")
    if started["state"] == "FINISHED":  # already answered (superseded): it must say how it ended
        if _counted(started, "SUCCESS") + _counted(started, "FAILURE") + _counted(started, "CANCELLED") != 1:
            raise AssertionError(f"operation {uid} finished without a final task state: {started}")
        return None
    end = next(_ENDS) if _has_target() else "cancel"
    partner = str(body.get("partner"))
    if end == "cancel":
        api.ok("requester", "POST", f"/v1/operations/{uid}/cancel")
    else:
        request = _find_request(api, started, body.get("message"))
        data = {} if end == "reject" else {"message": "Welcome"}
        api.ok("target", "POST", f"/v1/requests/{request['uid']}/{end}", json=data)
    finished = api.wait(uid, {"FINISHED"})
    expected = _EXPECTED[end]
    if finished["state"] != "FINISHED" or _counted(finished, expected) != 1:
        raise AssertionError(f"after {end}, operation {uid} did not end FINISHED with one {expected} task: {finished}")
    if end == "cancel" and not finished.get("cancelDate"):
        raise AssertionError(f"cancelled operation {uid} has no cancelDate: {finished}")
    if not finished.get("endDate"):
        raise AssertionError(f"finished operation {uid} has no endDate: {finished}")
    if _has_target():
        mine = api.partner_profiles("requester")
        if end == "accept" and partner not in mine:
            raise AssertionError(f"after the target accepted, the requester does not list {partner} as a partner")
        if end == "accept" and body.get("profile") and mine.get(partner) != body["profile"]:
            raise AssertionError(f"the requester lists {partner} with profile {mine[partner]}, not {body['profile']}")
        if end != "accept" and partner in mine:
            raise AssertionError(f"after {end}, the requester lists {partner} as a partner")
    return None
