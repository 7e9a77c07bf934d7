"""Schemathesis hooks for the Comm100 v4 partner API: a bearer token; the token endpoint is on its own server.

Loaded by the Schemathesis CLI through ``SCHEMATHESIS_HOOKS`` (tests/contract/targets.py).
The site operations are under ``--url`` (``.../v4``); getToken declares its own server
(Comm100's OAuth server), where servers.py sends it.

Variables (set by the target): ``TOKEN`` (a bearer token with Manage Site) and
``OAUTH_URL`` (optional: the OAuth server's base URL).
"""

from __future__ import annotations

from partner_apis.specs import api_spec
from tests.contract.hooks.oauth import authenticate
from tests.contract.hooks.servers import route_own_servers
from tests.contract.hooks.shared import variable

SPEC = api_spec("comm100-v4")

authenticate(SPEC, lambda base_url, role: variable("TOKEN"))
route_own_servers(SPEC, "OAUTH_URL")
