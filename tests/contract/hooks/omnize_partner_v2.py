"""Schemathesis hooks for the Omnize partner API v2: v1's token placement, judgement and checks, on v2's spec.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
v2 answers as v1 does (every call HTTP 200, a refusal ``{"success": false, "errors":
"..."}`` in v1's words), so its hooks are v1's (:func:`.omnize_partner_answers.register`,
without v1's hooks module), its checks named ``omnize_v2_*``; only the spec, and so where
each operation takes the token, is v2's. Variables (set by the target): ``TOKEN``
(required), ``OTHER_TOKEN`` (another partner's; isolation is skipped without it).
"""

from __future__ import annotations

from typing import Any

import schemathesis

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity
from tests.contract.checks.install import install
from tests.contract.compat import generated_valid
from tests.contract.hooks.omnize_partner_answers import register, rest_status
from tests.contract.hooks.shared import optional_variable, variable

SPEC = api_spec("omnize-partner-v2")
place_token = register("omnize_v2", SPEC)
# The checks of tests/contract/checks that register() has no counterpart of: read after
# write and paging at page-size boundaries (auth and isolation are register()'s).
PARTNER = Identity("the partner", lambda base_url: variable("TOKEN"), place=place_token)
install(Api(SPEC, caller=lambda case: PARTNER, status=rest_status), place=place_token, auth=False)


@schemathesis.hook("before_call")
def in_the_partners_account(context: Any, case: Any, **kwargs: Any) -> None:
    """Valid data names the partner's own account (``ACCOUNT_ID``): v2 cannot create one, and a guess is never it.

    Without it every agent and department call would be "Account not found", and nothing
    past that refusal would be tested. Schemathesis validates the case again after this
    hook, so data generated invalid elsewhere stays invalid.
    """
    account = optional_variable("ACCOUNT_ID")
    if account is None or not generated_valid(case):
        return
    body = case.body if isinstance(case.body, dict) else {}
    for fields in (case.query, body, body.get("agent"), body.get("department")):
        if isinstance(fields, dict) and "account_id" in fields:
            fields["account_id"] = int(account)
