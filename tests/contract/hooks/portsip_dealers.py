"""Schemathesis hooks for the PortSIP PBX dealers API: sign in at the token endpoint; destroy is a delete.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- ``PortsipDealersLogin``: an auth provider that signs in at ``/login/oauth/token`` (under
  the ``--url`` base, ``/api``) with the password grant, ``scope=all`` and the fixed
  ``client_id``, and sends the token as a bearer token on every dealer call. The token
  operation itself gets no token and is fuzzed like any other operation; Schemathesis
  fetches a new token when a call is answered 401.
- PortSIP deletes a dealer with ``POST /dealers/{id}/destroy`` (about.md: only GET and
  POST exist). Schemathesis's stateful checks know a removal only as ``DELETE`` (or an
  unsafe call on the very same URI), so after a destroy they would take the dealer's 404
  on ``/dealers/{id}/password`` for "a created resource not found" (``ensure_resource_
  availability``; seen with seed 3) and would never look for a use after free. This
  module teaches both the vendor's delete verb:
  ``resource_was_deleted`` (the helper ``ensure_resource_availability`` and link
  calibration ask) also counts an earlier successful destroy of the same id, and the
  check ``portsip_destroyed_dealer_stays_gone`` fails any later success on that id, as
  ``use_after_free`` does after a ``DELETE``. Both lean on Schemathesis internals
  (``ctx.internals``, the recorder), which pyproject pins (schemathesis==4.32.5).

Variables (set by the target): ``PARTNER_APIS_PORTSIP_DEALERS_USERNAME`` and
``PARTNER_APIS_PORTSIP_DEALERS_PASSWORD`` (the system administrator's, or a dealer's).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

import schemathesis
from schemathesis.specs.openapi import checks as builtin_checks
from schemathesis.specs.openapi.stateful import link_calibration

from tests.contract.hooks.oauth import fetch_access_token, send_bearer

USERNAME = "PARTNER_APIS_PORTSIP_DEALERS_USERNAME"
PASSWORD = "PARTNER_APIS_PORTSIP_DEALERS_PASSWORD"

TOKEN_PATH = "/login/oauth/token"
CLIENT_ID = "9d806019-75b2-4b3d-bb8b-f5a3a412cc0a"
DESTROY_PATH = "/dealers/{id}/destroy"
# Every operation that names one dealer: after its destroy, each must answer 404.
DEALER_PATHS = frozenset({"/dealers/{id}", "/dealers/{id}/password", DESTROY_PATH})


@schemathesis.auth().skip_for(operation_id="getToken")
class PortsipDealersLogin:
    """Sign in with the username and password; send the token as ``Authorization: Bearer``."""

    def get(self, case: Any, ctx: Any) -> str:
        form = {
            "grant_type": "password",
            "username": os.environ[USERNAME],
            "password": os.environ[PASSWORD],
            "scope": "all",
            "client_id": CLIENT_ID,
        }
        return fetch_access_token(case.operation.schema.get_base_url() + TOKEN_PATH, form)

    def set(self, case: Any, data: str, ctx: Any) -> None:
        send_bearer(case, data)


# -- destroy is a delete --------------------------------------------------------------------


def _dealer_id(case: Any) -> Any:
    if case.path not in DEALER_PATHS:
        return None
    return (case.path_parameters or {}).get("id")


def destroyed_before(cases: Iterable[Any], find_response: Callable[..., Any], case: Any) -> Any:
    """The earlier case that destroyed ``case``'s dealer (a 2xx destroy of the same id), or None.

    ``cases`` are the scenario's cases in execution order; only those before ``case`` count.
    """
    dealer_id = _dealer_id(case)
    if dealer_id is None:
        return None
    for earlier in cases:
        if earlier.id == case.id:
            return None
        if earlier.operation.method.upper() != "POST" or earlier.path != DESTROY_PATH:
            continue
        if (earlier.path_parameters or {}).get("id") != dealer_id:
            continue
        response = find_response(case_id=earlier.id)
        if response is not None and 200 <= response.status_code < 300:
            return earlier
    return None


_builtin_resource_was_deleted = builtin_checks.resource_was_deleted


def resource_was_deleted(recorder: Any, case: Any, *, created_by: str | None = None) -> bool:
    """Schemathesis's own test, or an earlier successful destroy of the same dealer."""
    if _builtin_resource_was_deleted(recorder, case, created_by=created_by):
        return True
    return destroyed_before(recorder.find_all_cases(), recorder.find_response, case) is not None


# The built-in check and link calibration look the helper up by module name at call time.
builtin_checks.resource_was_deleted = resource_was_deleted
link_calibration.resource_was_deleted = resource_was_deleted  # type: ignore[attr-defined]


@schemathesis.check
def portsip_destroyed_dealer_stays_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """After ``POST /dealers/{id}/destroy`` succeeded, nothing that names the dealer succeeds."""
    if not 200 <= response.status_code < 300:
        return None
    internals = getattr(ctx, "internals", None)
    if internals is None or internals.recorder is None:
        return None
    destroy = destroyed_before(internals.find_all_cases(), internals.find_response, case)
    if destroy is not None:
        raise AssertionError(
            f"{case.operation.method.upper()} {case.formatted_path} answered {response.status_code} for a dealer "
            f"destroyed earlier with POST {destroy.formatted_path} (expected 404)"
        )
    return None
