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

Variables (set by the target): ``USERNAME`` and ``PASSWORD`` (the system administrator's,
or a dealer's).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.compat import CREATED_RESOURCE_NOT_FOUND
from tests.contract.hooks.ledger import Ledger
from tests.contract.hooks.oauth import authenticate, log_in
from tests.contract.hooks.shared import excuse, variable

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


@schemathesis.check
def portsip_destroyed_dealer_stays_gone(ctx: Any, response: Any, case: Any) -> bool | None:
    """After ``POST /dealers/{id}/destroy`` succeeded, nothing that names the dealer succeeds."""
    if 200 <= response.status_code < 300:
        LEDGER.check_gone(case)
    return None
