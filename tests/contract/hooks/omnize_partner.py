"""Schemathesis hooks for the Omnize partner API: its token placement, login host and always-200 checks.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

Omnize answers every call HTTP 200; a refusal is ``{"success": false, "errors": "..."}``
(URL login: ``{"message": "...", "status": <4xx>}``). The built-in checks that judge a
refusal by its HTTP status cannot apply, so the target excludes them (its
``exclude_checks``) and this module replaces each with one that reads Omnize's form of
refusal:

- ``omnize_negative_data_rejection`` / ``omnize_positive_data_acceptance``: the built-in
  checks, with all their care about what really is invalid on the wire, fed the status a
  REST API would have used for the refusal (:func:`rest_status`);
- ``omnize_ignored_auth``: without the token, or with a wrong one, an accepted call must
  come back "Invalid token";
- ``omnize_partner_isolation``: every accepted call, replayed with another partner's token,
  must be refused (the built-in object-level check needs identities this suite does not have);
- ``omnize_use_after_free``: after an account is deleted, nothing that names it succeeds;
- ``omnize_resource_availability``: what a create returned is never "not found" until it
  is deleted.

Refusals are classified by their message (:func:`rest_status`), in the simulator's
words; against the live vendor an unfamiliar message counts as a 400. The probes and the
reuse of the built-in checks lean on Schemathesis internals (``send_probe``, the check
functions), which pyproject pins (schemathesis==4.32.5).

Variables (set by the target): ``PARTNER_APIS_OMNIZE_TOKEN`` (required),
``PARTNER_APIS_OMNIZE_OTHER_TOKEN`` (another partner's; isolation is skipped without it),
``PARTNER_APIS_OMNIZE_LOGIN_URL`` (URL login's base URL; default: the ``--url`` host).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

import schemathesis
from schemathesis.specs.openapi._auth_retry import INVALID_CREDENTIAL, send_probe
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from tests.contract.hooks.servers import send_to_own_server

TOKEN = "PARTNER_APIS_OMNIZE_TOKEN"
OTHER_TOKEN = "PARTNER_APIS_OMNIZE_OTHER_TOKEN"
LOGIN_URL = "PARTNER_APIS_OMNIZE_LOGIN_URL"

_CREATE_ACCOUNT = "createAccount"


# -- reading Omnize's answers ---------------------------------------------------------------


def _json(response: Any) -> Any:
    try:
        return json.loads(response.content)
    except (TypeError, ValueError):
        return None


def refusal_message(response: Any) -> str | None:
    """Omnize's refusal message when the answer is a refusal, else None."""
    body = _json(response)
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
    body = _json(response)
    if not isinstance(body, dict):
        return 200
    message = refusal_message(response)
    if message is None:
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


def _as_rest(response: Any) -> Any:
    translated = copy.copy(response)
    translated.status_code = rest_status(response)
    return translated


def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _token_location(case: Any) -> str:
    declared = case.operation.definition.raw.get("x-token-location")
    return str(declared or ("query" if case.method.upper() == "GET" else "body"))


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
    query = dict(case.query) if isinstance(case.query, dict) else {}
    query.pop("token", None)
    if token is not None:
        query["token"] = token
    case.query = query
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("token", ""), str):
        return
    body = {name: value for name, value in body.items() if name != "token"}
    if token is not None and _token_location(case) == "body":
        body["token"] = token
    case.body = body


@schemathesis.auth()
class PartnerToken:
    """The partner token from ``PARTNER_APIS_OMNIZE_TOKEN``, placed by :func:`place_token`."""

    def get(self, case: Any, context: Any) -> str:
        return os.environ[TOKEN]

    def set(self, case: Any, data: str, context: Any) -> None:
        place_token(case, data)


@schemathesis.hook
def before_init_operation(context: Any, operation: Any) -> None:
    """Send an operation with its own ``servers`` (URL login) to its own host, not the ``--url`` one."""
    send_to_own_server(operation, os.environ.get(LOGIN_URL))


# -- checks ---------------------------------------------------------------------------------


@schemathesis.check
def omnize_negative_data_rejection(ctx: Any, response: Any, case: Any) -> bool | None:
    """Invalid data is refused, the Omnize way (HTTP 200, ``success: false``); accepting it fails."""
    return negative_data_rejection(ctx, _as_rest(response), case)


@schemathesis.check
def omnize_positive_data_acceptance(ctx: Any, response: Any, case: Any) -> bool | None:
    """Valid data is not refused as invalid; "not found", "Invalid token" and conflicts are fine."""
    return positive_data_acceptance(ctx, _as_rest(response), case)


def _probe(ctx: Any, case: Any, token: str | None) -> Any:
    probe = case.derive()
    place_token(probe, token)
    return send_probe(ctx, case, probe)


_AUTH_CONFIRMED: set[str] = set()


@schemathesis.check
def omnize_ignored_auth(ctx: Any, response: Any, case: Any) -> bool | None:
    """An accepted call is refused with "Invalid token" without the token and with a wrong one."""
    label = case.operation.label
    if rest_status(response) != 200 or label in _AUTH_CONFIRMED:
        return None
    for scenario, token in (("without a token", None), ("with an invalid token", INVALID_CREDENTIAL)):
        answer = _probe(ctx, case, token)
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
    other = os.environ.get(OTHER_TOKEN)
    # Creating an account names no existing record: another partner may always do it.
    if not other or _operation_id(case) == _CREATE_ACCOUNT or rest_status(response) != 200:
        return None
    answer = _probe(ctx, case, other)
    if rest_status(answer) == 200:
        raise AssertionError(
            f"{case.operation.label} succeeded for another partner on records it does not own: {answer.content[:300]!r}"
        )
    return None


# What this run created and deleted, by id; ids are never reused, so this stays true
# across scenarios and phases (and re-running a check adds nothing new).
_CREATED: dict[str, set[int]] = {"Account": set(), "Agent": set(), "Department": set()}
_OWNER: dict[tuple[str, int], int] = {}
_DELETED_ACCOUNTS: set[int] = set()


def _record(case: Any, response: Any) -> None:
    body = _json(response)
    data = body.get("data") if isinstance(body, dict) else None
    operation = _operation_id(case)
    if operation == "createAccount" and isinstance(data, dict):
        _CREATED["Account"].add(data["id"])
    elif operation == "createAgent" and isinstance(data, dict):
        _CREATED["Agent"].add(data["id"])
        _OWNER["Agent", data["id"]] = data["account_id"]
    elif operation == "createDepartment" and isinstance(data, list) and data:
        _CREATED["Department"].add(data[0]["id"])
        _OWNER["Department", data[0]["id"]] = data[0]["account_id"]
    elif operation == "deleteAccount":
        deleted = _as_id((case.path_parameters or {}).get("id"))
        if deleted is not None:
            _DELETED_ACCOUNTS.add(deleted)


def _named(case: Any, resource: str) -> set[int]:
    """The ids of ``resource`` ("Account", "Agent", "Department") the case names."""
    ids: set[Any] = set()
    path_id = (case.path_parameters or {}).get("id")
    if path_id is not None and case.path.startswith(f"/{resource.lower()}s/"):
        ids.add(path_id)
    if resource == "Account":
        if isinstance(case.query, dict):
            ids.add(case.query.get("account_id"))
        if isinstance(case.body, dict):
            for key in ("agent", "department"):
                part = case.body.get(key)
                if isinstance(part, dict):
                    ids.add(part.get("account_id"))
    return {number for number in map(_as_id, ids) if number is not None}


def _as_id(value: Any) -> int | None:
    # Path parameters may come back as text ("12"); booleans are not ids.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdecimal():
        return int(value)
    return None


def _alive(resource: str, record_id: int) -> bool:
    if record_id not in _CREATED[resource]:
        return False
    account = record_id if resource == "Account" else _OWNER.get((resource, record_id))
    return account not in _DELETED_ACCOUNTS


@schemathesis.check
def omnize_use_after_free(ctx: Any, response: Any, case: Any) -> bool | None:
    """Once an account is deleted, no call that names it (or a second delete) succeeds."""
    if rest_status(response) != 200:
        return None
    freed = _named(case, "Account") & _DELETED_ACCOUNTS
    if freed:
        raise AssertionError(
            f"{case.operation.label} succeeded on account {min(freed)}, which this run deleted: "
            f"{response.content[:300]!r}"
        )
    _record(case, response)
    return None


@schemathesis.check
def omnize_resource_availability(ctx: Any, response: Any, case: Any) -> bool | None:
    """A record this run created, and did not delete, is never "not found"."""
    if rest_status(response) == 200:
        _record(case, response)
        return None
    message = refusal_message(response) or ""
    if rest_status(response) != 404 or not message.endswith(" not found"):
        return None
    resource = message.removesuffix(" not found")
    if resource not in _CREATED:
        return None
    missing = {record_id for record_id in _named(case, resource) if _alive(resource, record_id)}
    if missing:
        raise AssertionError(
            f"{case.operation.label} answered {message!r} for {resource.lower()} {min(missing)}, "
            "which this run created and never deleted"
        )
    return None
