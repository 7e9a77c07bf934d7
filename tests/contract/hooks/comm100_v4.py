"""Schemathesis hooks for the Comm100 v4 partner API: a bearer token; the token endpoint is on its own server.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
The site operations are under ``--url`` (``.../v4``); getToken declares its own server
(Comm100's OAuth server), where servers.py sends it.

The checks of tests/contract/checks: tenant isolation (as another partner), read after
write, auth enforced (no token lifetime: the run brings a token and signs in nowhere).

Variables (set by the target): ``TOKEN`` (a bearer token with Manage Site), ``OTHER_TOKEN``
(optional: another partner's, for the isolation check) and
``OAUTH_URL`` (optional: the OAuth server's base URL).
"""

from __future__ import annotations

from partner_apis.specs import api_spec
from tests.contract.checks.common import Api, Identity
from tests.contract.checks.install import install
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import optional_variable, variable

SPEC = api_spec("comm100-v4")

authenticate(SPEC, lambda base_url, role: variable("TOKEN"))
route_own_servers(SPEC, "OAUTH_URL")
PARTNER = Identity("the partner", lambda base_url: variable("TOKEN"))
OTHERS = (
    (Identity("another partner", lambda base_url: variable("OTHER_TOKEN")),) if optional_variable("OTHER_TOKEN") else ()
)
install(Api(SPEC, caller=lambda case: PARTNER, others=OTHERS))
