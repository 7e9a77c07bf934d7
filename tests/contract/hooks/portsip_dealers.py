"""Schemathesis hooks for the PortSIP PBX dealers API: sign in at the token endpoint; destroy is a delete.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).

- Auth (oauth.py): the password grant at the spec's token operation, with the fields its
  request schema fixes (``scope``, the fixed ``client_id``); the token as a bearer.
- PortSIP deletes a dealer with ``POST /dealers/{id}/destroy`` (about.md: only GET and
  POST exist). Schemathesis's stateful checks know a removal only as ``DELETE`` (or an
  unsafe call on the very same URI), so after a destroy they would take the dealer's 404
  on ``/dealers/{id}/password`` for "a created resource not found"
  (``ensure_resource_availability``; seen with seed 3) and would never look for a use
  after free. The ledger (ledger.py) counts destroyDealer as a delete: that failure is
  excused for a dealer the run destroyed, and ``portsip_destroyed_dealer_stays_gone``
  fails any later success on it, as ``use_after_free`` does after a ``DELETE``.

- The vendor's other login operations (login, signInWithCredentials, refreshToken) take
  credentials: Schemathesis sends schema-valid ones that are not an account's, and PortSIP
  refuses them with 400 ``UNAUTHORIZED`` (a login) or ``UNKNOWN`` (a refresh), as the
  Authentication page shows for the token form. That refusal is the vendor's right answer,
  not a rejected valid input: ``positive_data_acceptance`` is excused for exactly it.

Variables (set by the target): ``USERNAME`` and ``PASSWORD`` (the system administrator's,
or a dealer's).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.compat import CREATED_RESOURCE_NOT_FOUND, REJECTED_POSITIVE_DATA
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import excuse, json_body, spec_operation, variable

SPEC = api_spec("portsip-dealers")
LEDGER = Ledger(SPEC, deletes=("destroyDealer",))

authenticate(
    SPEC,
    lambda base_url, role: log_in(
        SPEC, base_url, "password", {"username": variable("USERNAME"), "password": variable("PASSWORD")}
    ),
)
LEDGER.track(lambda response: 200 <= response.status_code < 300)
excuse(
    CREATED_RESOURCE_NOT_FOUND,
    lambda case, response: any(LEDGER.deletion(case, resource) for resource in LEDGER.named(case)),
)


# The login forms and the refusal each documents for credentials that are not an account's.
_CREDENTIAL_REFUSALS = {"login": "UNAUTHORIZED", "signInWithCredentials": "UNAUTHORIZED", "refreshToken": "UNKNOWN"}


def _refused_credentials(case: Any, response: Any) -> bool:
    expected = _CREDENTIAL_REFUSALS.get(spec_operation(SPEC, case.operation).operation_id)
    body = json_body(response)
    errors = body.get("errors") if response.status_code == 400 and isinstance(body, dict) else None
    return expected is not None and isinstance(errors, list) and [e.get("code") for e in errors] == [expected]


excuse(REJECTED_POSITIVE_DATA, _refused_credentials)


@schemathesis.check
def portsip_destroyed_dealer_stays_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """After ``POST /dealers/{id}/destroy`` succeeded, nothing that names the dealer succeeds."""
    if 200 <= response.status_code < 300:
        LEDGER.check_gone(case)
    return None
